package org.civiclink.deploy.simulate;

import java.util.concurrent.TimeUnit;

/**
 * Spaces events at a steady rate. Each event has a due time fixed by the schedule, not by when the
 * previous one left, so latency measured from the due time includes any backlog a slow server
 * caused (no coordinated omission).
 */
public final class Pacer {

    private final double rate;
    private long startNanos;
    private long count;

    /** @param rate events per second; 0 means no pacing (every event is due now) */
    public Pacer(double rate) {
        if (rate < 0) {
            throw new IllegalArgumentException("rate must not be negative");
        }
        this.rate = rate;
    }

    /** Waits until the next event is due and returns its due time ({@link System#nanoTime()}). */
    public long awaitNext() {
        if (count == 0) {
            startNanos = System.nanoTime();
        }
        long due = rate > 0 ? startNanos + (long) (count * 1e9 / rate) : System.nanoTime();
        count++;
        long wait = due - System.nanoTime();
        if (wait > 0) {
            try {
                TimeUnit.NANOSECONDS.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return due;
    }

    /** Events paced so far. */
    public long count() {
        return count;
    }

    /** Seconds since the first event was due; 0 before it. */
    public double elapsedSeconds() {
        return count == 0 ? 0 : (System.nanoTime() - startNanos) / 1e9;
    }
}
