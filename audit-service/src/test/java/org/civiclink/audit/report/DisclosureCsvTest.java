package org.civiclink.audit.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

/** Cells a spreadsheet would evaluate arrive as text, every other cell exactly as recorded. */
class DisclosureCsvTest {

    @Test
    void cellsStartingLikeAFormulaGetALeadingApostrophe() throws IOException {
        Disclosure hostile = new Disclosure(Instant.parse("2026-01-05T10:15:00Z"), "person", "=HYPERLINK(\"http://evil\",\"x\")",
                List.of("caseworker"), "+DHS", "READ", List.of("-referral", "address"), "REFERRAL", "@SUM(A1:A9)",
                "\tservice", "\rGET /v1/referrals/R-1", "e-1");

        Map<String, String> row = onlyRow(DisclosureCsv.write(List.of(hostile)));

        assertEquals("'=HYPERLINK(\"http://evil\",\"x\")", row.get("subject"));
        assertEquals("'+DHS", row.get("agency"));
        assertEquals("'-referral;address", row.get("dataCategories"));
        assertEquals("'@SUM(A1:A9)", row.get("purposeReason"));
        assertEquals("'\tservice", row.get("service"));
        assertEquals("'\rGET /v1/referrals/R-1", row.get("endpoint"));
        assertEquals("2026-01-05T10:15:00Z", row.get("occurredAt"));
        assertEquals("caseworker", row.get("roles"));
        assertEquals("e-1", row.get("eventId"));
    }

    @Test
    void ordinaryAndEmptyCellsAreUnchanged() throws IOException {
        Disclosure plain = new Disclosure(Instant.parse("2026-01-05T10:15:00Z"), "system", "linkage-service", List.of("system"),
                null, "PROCESS", List.of("identity"), "TREATMENT", null, "linkage-service", "topic:civiclink.intake.accepted.v1", "e-2");

        Map<String, String> row = onlyRow(DisclosureCsv.write(List.of(plain)));

        assertEquals("linkage-service", row.get("subject"));
        assertEquals("", row.get("agency"));
        assertEquals("", row.get("purposeReason"));
        assertEquals("topic:civiclink.intake.accepted.v1", row.get("endpoint"));
    }

    private static Map<String, String> onlyRow(String csv) throws IOException {
        try (MappingIterator<Map<String, String>> rows = new CsvMapper().readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(csv)) {
            List<Map<String, String>> all = rows.readAll();
            assertEquals(1, all.size(), csv);
            return all.get(0);
        }
    }
}
