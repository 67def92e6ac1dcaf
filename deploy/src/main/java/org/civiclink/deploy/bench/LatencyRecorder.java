package org.civiclink.deploy.bench;

import org.HdrHistogram.Histogram;

/**
 * Latencies, from any thread, in the unit the caller chooses (bench: milliseconds; --scale:
 * microseconds). Bench values are wall-clock differences between two
 * processes on one machine (intake's receivedAt, bench's observation), so millisecond resolution is
 * all they have; a negative difference (clock read order) counts as 0.
 */
public final class LatencyRecorder {

    /** Percentiles a bench reports. */
    public record Percentiles(long count, double p50, double p95, double p99, double max) {

        public static final Percentiles NONE = new Percentiles(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }

    private final Histogram histogram = new Histogram(3);

    public synchronized void record(long value) {
        histogram.recordValue(Math.max(0, value));
    }

    public synchronized Percentiles percentiles() {
        if (histogram.getTotalCount() == 0) {
            return Percentiles.NONE;
        }
        return new Percentiles(histogram.getTotalCount(), histogram.getValueAtPercentile(50),
                histogram.getValueAtPercentile(95), histogram.getValueAtPercentile(99), histogram.getMaxValue());
    }
}
