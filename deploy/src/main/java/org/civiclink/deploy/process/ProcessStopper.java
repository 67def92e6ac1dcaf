package org.civiclink.deploy.process;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Stops processes politely first: SIGTERM, a grace period, then SIGKILL. */
public final class ProcessStopper {

    /** Long enough for Kafka's controlled shutdown and Quarkus' graceful shutdown. */
    public static final Duration DEFAULT_GRACE = Duration.ofSeconds(20);

    private ProcessStopper() {
    }

    /** @return true if the process ended within the grace period, false if it had to be killed */
    public static boolean stop(ProcessHandle process, Duration grace) {
        if (!process.isAlive()) {
            return true;
        }
        process.destroy();
        if (awaitExit(process, grace)) {
            return true;
        }
        process.destroyForcibly();
        awaitExit(process, Duration.ofSeconds(5));
        return false;
    }

    /** Stops several processes at the same time, so the grace periods do not add up. */
    public static void stopAll(List<ProcessHandle> processes, Duration grace) {
        processes.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + grace.toNanos();
        for (ProcessHandle process : processes) {
            long left = Math.max(0, deadline - System.nanoTime());
            if (!awaitExit(process, Duration.ofNanos(left))) {
                process.destroyForcibly();
                awaitExit(process, Duration.ofSeconds(5));
            }
        }
    }

    public static boolean awaitExit(ProcessHandle process, Duration timeout) {
        try {
            process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return !process.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        } catch (ExecutionException e) {
            return !process.isAlive();
        }
    }
}
