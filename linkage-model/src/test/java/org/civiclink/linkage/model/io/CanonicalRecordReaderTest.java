package org.civiclink.linkage.model.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.civiclink.linkage.model.SourceRecord;

class CanonicalRecordReaderTest {

    @Test
    void readsByColumnNameIgnoringExtrasAndDefaultingMissingColumns() {
        String csv = """
                phone,record_id,first_name,last_name,extra,person_id
                212-555-0142,HRA-1,Ana,"Garcia, Lopez",x,P1
                ,HHC-7,,Perez,,
                """;
        try (CanonicalRecordReader reader = new CanonicalRecordReader(new StringReader(csv), "test.csv")) {
            List<CanonicalRecordReader.Row> rows = reader.rows().toList();
            assertEquals(2, rows.size());
            SourceRecord first = rows.get(0).record();
            assertEquals(new SourceRecord("HRA-1", "", "Ana", "", "Garcia, Lopez", "", "", "", "", "", "", "212-555-0142"), first);
            assertEquals("P1", rows.get(0).personId());
            assertNull(rows.get(1).personId());
            assertEquals("", rows.get(1).record().firstName());
        }
    }

    @Test
    void malformedRowNamesItsLine() {
        String csv = "record_id,first_name\nHRA-1,Ana\nHRA-2,Bob,extra\n";
        try (CanonicalRecordReader reader = new CanonicalRecordReader(new StringReader(csv), "bad.csv")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> reader.records().toList());
            assertTrue(e.getMessage().contains("bad.csv") && e.getMessage().contains("line 3"), e.getMessage());
        }
    }

    @Test
    void missingRecordIdIsAnError() {
        assertThrows(IllegalArgumentException.class, () -> new CanonicalRecordReader(new StringReader("first_name\nAna\n"), "x.csv"));
        String csv = "record_id,first_name\n,Ana\n";
        try (CanonicalRecordReader reader = new CanonicalRecordReader(new StringReader(csv), "y.csv")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> reader.records().toList());
            assertTrue(e.getMessage().contains("line 2"), e.getMessage());
        }
    }
}
