package org.civiclink.deploy.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

import org.civiclink.deploy.simulate.PopulationSpec;
import org.civiclink.linkage.model.SourceRecord;
import org.junit.jupiter.api.Test;

class ScaleBenchTest {

    @Test
    void eachSizeGetsAFreshLinkerLoadedWithThatManyRecordsThenTheTimedOnes() {
        List<List<SourceRecord>> linkers = new ArrayList<>();
        ScaleBench bench = new ScaleBench(() -> {
            List<SourceRecord> seen = new ArrayList<>();
            linkers.add(seen);
            return seen::add;
        }, PopulationSpec.of(5, 1.0, List.of()), 25, new PrintWriter(new StringWriter()));

        List<ScaleBench.Row> rows = bench.run(List.of(0L, 100L, 400L));

        assertEquals(3, linkers.size());
        assertEquals(List.of(25, 125, 425), linkers.stream().map(List::size).toList());
        assertEquals(List.of(0L, 100L, 400L), rows.stream().map(ScaleBench.Row::known).toList());
        rows.forEach(row -> assertEquals(25, row.timed()));
        rows.forEach(row -> assertEquals(25, row.micros().count()));
        // One population: a larger size starts with the same records as a smaller one, and ids are unique.
        assertEquals(linkers.get(1).subList(0, 100), linkers.get(2).subList(0, 100));
        assertEquals(425, new HashSet<>(linkers.get(2).stream().map(SourceRecord::recordId).toList()).size());
        assertTrue(linkers.get(2).get(0).recordId().contains(":"), "linkage record ids are agency:agencyRecordId");
    }

    @Test
    void tableHasOneRowPerSize() {
        String table = ScaleBench.format("./civiclink bench --scale", List.of(
                new ScaleBench.Row(10_000, 1.5, 2000, 250.0, new LatencyRecorder.Percentiles(2000, 200, 400, 900, 1200))));

        assertTrue(table.lines().anyMatch(line -> line.startsWith("records known  cost of linking one more record")), table);
        assertTrue(table.contains("10,000 known   mean 250 us/event (4000.0 events/s); p50 200 us, p95 400 us, p99 900 us"
                + " over 2,000 records; load 1.5 s"), table);
    }
}
