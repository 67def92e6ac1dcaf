package org.civiclink.deploy.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.civiclink.deploy.simulate.KafkaPublisher;
import org.civiclink.simulator.quality.LinkageQuality;
import org.junit.jupiter.api.Test;

class BenchTableTest {

    private static BenchReport report(double linkedPerSecond, boolean saturated) {
        return new BenchReport("./civiclink bench --people 3", 3, 6,
                new KafkaPublisher.Result(6, 0, 0.5, 1.0, 2.0, 3.0, null),
                6, 400.0, 6, linkedPerSecond,
                new LatencyRecorder.Percentiles(6, 3, 7, 9, 11),
                new LatencyRecorder.Percentiles(6, 12, 40, 81, 90),
                new InboxLatency.Result(LatencyRecorder.Percentiles.NONE, 0, 0),
                LinkageQuality.measure(
                        Map.of("HRA:1", "A", "HRA:2", "A", "HRA:3", "A", "ACS:4", "B", "ACS:5", "B", "ACS:6", "C"),
                        Map.of("HRA:1", "X", "HRA:2", "X", "HRA:3", "Y", "ACS:4", "Y", "ACS:5", "Y", "ACS:6", "Z")),
                new PassThroughTopology.Result(6, 6, 1000.0, 0.005), saturated);
    }

    @Test
    void oneRowPerFigureUnderTheExactCommand() {
        List<String> lines = BenchTable.format(report(250.0, true)).lines().toList();

        assertEquals("./civiclink bench --people 3", lines.get(0));
        assertEquals(3 + 13, lines.size());
        assertEquals(value(lines, "accepted events/s"), "400.0 (6 events)");
        assertEquals(value(lines, "linked events/s"), "250.0 (6 events)");
        assertEquals(value(lines, "pass-through events/s"), "1000.0 (6 of 6 events)");
        assertEquals(value(lines, "linked / pass-through"), "0.250");
        assertEquals(value(lines, "intake-to-accepted ms p50/p95/p99"), "3 / 7 / 9");
        assertEquals(value(lines, "intake-to-linked ms p50/p95/p99"), "12 / 40 / 81");
        assertEquals(value(lines, "intake-to-inbox ms p50/p95/p99"), "n/a (0 of 0 referrals)");
        // The quality figures of LinkageQualityTest's first case.
        assertEquals(value(lines, "pairwise precision/recall/F1"), "0.5000 / 0.5000 / 0.5000");
        assertEquals(value(lines, "B-cubed F1"), "0.7778 (precision 0.7778, recall 0.7778)");
        assertEquals(value(lines, "clusters mixing people"), "1");
        assertEquals(value(lines, "people split over clusters"), "1 of 3");
    }

    @Test
    void aLinkerThatKeptPaceGetsALowerBoundNote() {
        String table = BenchTable.format(report(400.0, false));

        assertTrue(table.contains("0.400 (linker kept pace with intake: lower bound)"), table);
    }

    private static String value(List<String> lines, String metric) {
        String line = lines.stream().filter(l -> l.startsWith(metric + " ")).findFirst().orElseThrow(() -> new AssertionError(metric));
        return line.substring(metric.length()).strip();
    }
}
