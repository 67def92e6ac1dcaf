package org.civiclink.simulator.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.civiclink.simulator.records.SourceRecord;

/**
 * Writes records in the canonical file layout that {@code link}, {@code train} and {@code simulate}
 * share, plus the ground-truth {@code person_id} column.
 */
public final class CanonicalCsv implements AutoCloseable {

    /** The canonical header, in order; readers ignore extra columns. */
    public static final List<String> HEADER = List.of("record_id", "agency", "first_name", "middle_name", "last_name",
            "date_of_birth", "sex", "ssn", "street", "city", "zip", "phone");
    public static final String PERSON_ID = "person_id";

    private final CSVPrinter printer;

    public CanonicalCsv(Writer out) {
        try {
            String[] header = new String[HEADER.size() + 1];
            HEADER.toArray(header);
            header[HEADER.size()] = PERSON_ID;
            this.printer = CSVFormat.RFC4180.builder().setHeader(header).setRecordSeparator('\n').get().print(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void write(SourceRecord r) {
        try {
            printer.printRecord(r.recordId(), r.agency(), r.firstName(), r.middleName(), r.lastName(), r.dateOfBirth(),
                    r.sex(), r.ssn(), r.street(), r.city(), r.zip(), r.phone(), r.personId());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            printer.close(true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
