package org.civiclink.deploy.bench;

/**
 * Events per second between the first and the last event seen: the rate a stage sustained while it
 * had work, without its start-up or the wait after it finished.
 */
public final class ThroughputMeter {

    private long count;
    private long firstNanos;
    private long lastNanos;

    public synchronized void mark() {
        mark(System.nanoTime());
    }

    public synchronized void mark(long nowNanos) {
        if (count == 0) {
            firstNanos = nowNanos;
        }
        lastNanos = nowNanos;
        count++;
    }

    public synchronized long count() {
        return count;
    }

    /** Seconds from the first to the last event. */
    public synchronized double seconds() {
        return count == 0 ? 0 : (lastNanos - firstNanos) / 1e9;
    }

    /**
     * The n-1 intervals between n events over their span; NaN when fewer than two events or no
     * measurable span.
     */
    public synchronized double perSecond() {
        double seconds = seconds();
        return count < 2 || seconds <= 0 ? Double.NaN : (count - 1) / seconds;
    }
}
