package org.civiclink.platform.testing;

import java.time.Duration;
import java.time.Instant;

/** Retries an assertion until it holds or the time is up; the last failure is rethrown. */
public final class Eventually {

    private Eventually() {
    }

    public static void assertWithin(Duration timeout, Runnable assertion) {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            try {
                assertion.run();
                return;
            } catch (AssertionError | RuntimeException e) {
                if (Instant.now().isAfter(deadline)) {
                    throw e;
                }
                sleep();
            }
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
