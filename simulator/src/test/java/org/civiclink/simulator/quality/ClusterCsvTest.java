package org.civiclink.simulator.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.Map;

import org.civiclink.simulator.Simulation;
import org.civiclink.simulator.io.CanonicalCsv;
import org.junit.jupiter.api.Test;

class ClusterCsvTest {

    @Test
    void readsLinkerOutputInAnyColumnOrder() {
        Map<String, String> clusters = ClusterCsv.read(new StringReader("""
                client_id,record_id
                c1,HRA:1
                c1,ACS:7
                c2,"HHC:3,x"
                """), ClusterCsv.CLIENT_ID);

        assertEquals(Map.of("HRA:1", "c1", "ACS:7", "c1", "HHC:3,x", "c2"), clusters);
    }

    @Test
    void readsGroundTruthStraightFromACanonicalFile() {
        StringWriter file = new StringWriter();
        try (CanonicalCsv csv = new CanonicalCsv(file)) {
            long records = Simulation.of(3, 50).run(csv::write);
            assertTrue(records > 50);
        }

        Map<String, String> truth = ClusterCsv.read(new StringReader(file.toString()), ClusterCsv.PERSON_ID);

        assertEquals(file.toString().lines().count() - 1, truth.size());
        // Scoring the truth against itself is the perfect clustering.
        assertEquals(1.0, LinkageQuality.measure(truth, truth).pairwiseF1());
    }

    @Test
    void aMissingColumnIsNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ClusterCsv.read(new StringReader("record_id,cluster\nr1,c1\n"), ClusterCsv.CLIENT_ID));

        assertTrue(e.getMessage().contains("client_id"), e.getMessage());
    }

    @Test
    void aRecordListedTwiceIsRejectedWithItsLine() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ClusterCsv.read(new StringReader("record_id,client_id\nr1,c1\nr1,c2\n"), ClusterCsv.CLIENT_ID));

        assertTrue(e.getMessage().contains("r1") && e.getMessage().contains("line 3"), e.getMessage());
    }
}
