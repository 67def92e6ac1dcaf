package org.civiclink.intake.publish;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sends started together and awaited once: the broker acknowledges them in a few requests instead
 * of one round trip each. {@link #awaitAll} fails if any send failed, so a caller that commits only
 * after it returned never records a decision whose record is not on the broker.
 */
public final class PendingSends {

    private final List<Future<?>> sends = new ArrayList<>();

    public void add(Future<?> send) {
        sends.add(send);
    }

    public int size() {
        return sends.size();
    }

    /** @throws BrokerUnavailableException if a send failed or is not acknowledged within {@code timeout} */
    public void awaitAll(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            for (Future<?> send : sends) {
                send.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BrokerUnavailableException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new BrokerUnavailableException(e);
        } finally {
            sends.clear();
        }
    }

    /** The broker did not acknowledge a send; nothing that depended on it may be committed. */
    public static final class BrokerUnavailableException extends RuntimeException {
        BrokerUnavailableException(Throwable cause) {
            super("a send was not acknowledged by the broker", cause);
        }
    }
}
