package org.civiclink.deploy.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The small recorders bench is built from. */
class MeasurementTest {

    @Test
    void latencyPercentilesComeFromTheRecordedValues() {
        LatencyRecorder recorder = new LatencyRecorder();
        for (int millis = 1; millis <= 100; millis++) {
            recorder.record(millis);
        }
        recorder.record(-3); // clocks read in the other order: counts as 0

        LatencyRecorder.Percentiles p = recorder.percentiles();

        assertEquals(101, p.count());
        assertEquals(50, p.p50());
        assertEquals(95, p.p95());
        assertEquals(99, p.p99());
        assertEquals(100, p.max());
    }

    @Test
    void noLatencyIsNotAZeroLatency() {
        assertEquals(0, new LatencyRecorder().percentiles().count());
        assertTrue(Double.isNaN(new LatencyRecorder().percentiles().p50()));
    }

    @Test
    void throughputIsIntervalsOverTheSpanBetweenFirstAndLastEvent() {
        ThroughputMeter meter = new ThroughputMeter();
        // 11 events, 100 ms apart: 10 intervals over 1 s.
        for (int i = 0; i <= 10; i++) {
            meter.mark(5_000_000_000L + i * 100_000_000L);
        }

        assertEquals(11, meter.count());
        assertEquals(1.0, meter.seconds(), 1e-9);
        assertEquals(10.0, meter.perSecond(), 1e-9);
    }

    @Test
    void oneEventHasNoRate() {
        ThroughputMeter meter = new ThroughputMeter();
        meter.mark(42);

        assertTrue(Double.isNaN(meter.perSecond()));
    }

    @Test
    void referralsAreMatchedToTheLatestEventOfTheirClientBeforeThem() {
        InboxLatency inbox = new InboxLatency();
        inbox.linkedEvent("c1", 1_000);
        inbox.linkedEvent("c1", 2_000);
        inbox.linkedEvent("c2", 5_000);
        // Created after both c1 events: caused by the later one; seen at 2,300 -> 300 ms.
        inbox.referral("c1", 2_100, 2_300);
        // Created before c2's only event: cannot be this run's cause.
        inbox.referral("c2", 4_000, 4_100);
        // A client with no event of this run: someone else's referral.
        inbox.referral("c9", 3_000, 3_050);

        InboxLatency.Result result = inbox.result();

        assertEquals(2, result.referrals());
        assertEquals(1, result.matched());
        assertEquals(300, result.latency().p50());
    }

    @Test
    void runTagsMarkThisRunsRecordsAndKeys() {
        var record = new org.civiclink.simulator.records.SourceRecord("HRA-7", "HRA", "Ana", "", "Diaz", "1990-01-02", "F",
                "", "", "", "", "", "P1");

        var tagged = BenchRun.tagged(record, "bx1");

        assertEquals("bx1-HRA-7", tagged.recordId());
        assertEquals("P1", tagged.personId());
        assertTrue(BenchRun.ofRun("HRA:bx1-HRA-7", "bx1"));
        assertTrue(!BenchRun.ofRun("HRA:bx10-HRA-7", "bx1") && !BenchRun.ofRun("HRA:HRA-7", "bx1") && !BenchRun.ofRun("bx1-HRA-7", "bx1"));
    }
}
