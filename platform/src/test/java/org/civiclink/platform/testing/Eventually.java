package org.civiclink.platform.testing;

import java.time.Duration;
import java.time.Instant;

/** Retries an assertion until it holds or the time is up; the last failure is rethrown. */
public final class Eventually {

    /** An assertion that yields what it checked, so a test can go on with the value that passed. */
    @FunctionalInterface
    public interface CheckedValue<T> {
        T get() throws Exception;
    }

    private Eventually() {
    }

    public static void assertWithin(Duration timeout, Runnable assertion) {
        valueWithin(timeout, () -> {
            assertion.run();
            return null;
        });
    }

    /** The first value {@code attempt} returns without failing; its last failure once the time is up. */
    public static <T> T valueWithin(Duration timeout, CheckedValue<T> attempt) {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            try {
                return attempt.get();
            } catch (AssertionError | RuntimeException e) {
                if (Instant.now().isAfter(deadline)) {
                    throw e;
                }
            } catch (Exception e) {
                if (Instant.now().isAfter(deadline)) {
                    throw new AssertionError("still failing after " + timeout, e);
                }
            }
            sleep();
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
