package org.civiclink.audit.report;

import java.util.List;

import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

/** RFC 4180 CSV of an accounting of disclosures; list columns are joined with ";". */
public final class DisclosureCsv {

    private static final CsvMapper MAPPER = new CsvMapper();

    private DisclosureCsv() {
    }

    public static String write(List<Disclosure> disclosures) {
        CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
        Disclosure.CSV_COLUMNS.forEach(schema::addColumn);
        java.io.StringWriter out = new java.io.StringWriter();
        try (SequenceWriter writer = MAPPER.writer(schema.build()).writeValues(out)) {
            for (Disclosure d : disclosures) {
                writer.write(new Object[] {d.occurredAt().toString(), d.actorType(), d.subject(), String.join(";", d.roles()),
                        d.agency(), d.action(), String.join(";", d.dataCategories()), d.purposeOfUse(), d.purposeReason(),
                        d.service(), d.endpoint(), d.eventId()});
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Cannot write CSV", e);
        }
        return out.toString();
    }
}
