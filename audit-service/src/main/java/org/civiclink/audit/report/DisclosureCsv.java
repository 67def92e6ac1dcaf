package org.civiclink.audit.report;

import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

/**
 * RFC 4180 CSV of an accounting of disclosures; list columns are joined with ";". The cells come
 * from AccessEvents other services wrote (subjects, reasons, endpoints), and officers open such
 * files in spreadsheets: a cell a spreadsheet would run as a formula is defused (OWASP CSV injection).
 */
public final class DisclosureCsv {

    private static final CsvMapper MAPPER = new CsvMapper();
    /** OWASP's list: formula starters, and tab and CR, which some spreadsheets skip before one. */
    private static final String FORMULA_STARTERS = "=+-@\t\r";

    private DisclosureCsv() {
    }

    public static String write(List<Disclosure> disclosures) {
        CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
        Disclosure.CSV_COLUMNS.forEach(schema::addColumn);
        StringWriter out = new StringWriter();
        try (SequenceWriter writer = MAPPER.writer(schema.build()).writeValues(out)) {
            for (Disclosure d : disclosures) {
                writer.write(Stream.of(d.occurredAt().toString(), d.actorType(), d.subject(), String.join(";", d.roles()),
                        d.agency(), d.action(), String.join(";", d.dataCategories()), d.purposeOfUse(), d.purposeReason(),
                        d.service(), d.endpoint(), d.eventId()).map(DisclosureCsv::neutralized).toArray());
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot write CSV", e);
        }
        return out.toString();
    }

    /** A leading apostrophe makes a spreadsheet show the cell as text; the rest of the value is kept as it was. */
    static String neutralized(String cell) {
        return cell == null || cell.isEmpty() || FORMULA_STARTERS.indexOf(cell.charAt(0)) < 0 ? cell : "'" + cell;
    }
}
