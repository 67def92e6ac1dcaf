package org.civiclink.deploy.stack;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.civiclink.deploy.process.PidFiles;
import org.civiclink.deploy.process.PidRecord;
import org.civiclink.deploy.process.ProcessStopper;

/**
 * {@code ./civiclink down}: stops a stack started in another terminal. The launcher is asked first,
 * since its shutdown hook stops the rest in the right order; whatever still runs afterwards (the
 * launcher was killed, say) is stopped from its pid file.
 */
public final class StackShutdown {

    /** Covers the launcher's own orderly shutdown: services, then broker, then PostgreSQL. */
    private static final Duration LAUNCHER_GRACE = Duration.ofSeconds(75);

    public record Stopped(String name, long pid, boolean graceful) {
    }

    private StackShutdown() {
    }

    public static List<Stopped> stop(PidFiles pids, Duration grace, Consumer<String> progress) {
        List<Stopped> stopped = new ArrayList<>();
        pids.read(LocalStack.LAUNCHER).ifPresent(launcher -> {
            stopOne(launcher, LAUNCHER_GRACE, progress).ifPresent(stopped::add);
            pids.delete(LocalStack.LAUNCHER);
        });

        List<PidRecord> rest = pids.all();
        List<PidRecord> services = rest.stream().filter(r -> !isInfrastructure(r.name())).toList();
        List<ProcessHandle> live = new ArrayList<>();
        for (PidRecord service : services) {
            service.liveProcess().ifPresent(handle -> {
                progress.accept("Stopping " + service.name() + " (pid " + handle.pid() + ")");
                live.add(handle);
                stopped.add(new Stopped(service.name(), handle.pid(), true));
            });
        }
        ProcessStopper.stopAll(live, grace);
        services.forEach(service -> pids.delete(service.name()));

        for (String name : List.of(LocalStack.KAFKA, LocalStack.POSTGRES)) {
            pids.read(name).ifPresent(record -> {
                stopOne(record, grace, progress).ifPresent(stopped::add);
                pids.delete(name);
            });
        }
        return stopped;
    }

    private static Optional<Stopped> stopOne(PidRecord record, Duration grace, Consumer<String> progress) {
        return record.liveProcess().map(handle -> {
            progress.accept("Stopping " + record.name() + " (pid " + handle.pid() + ")");
            boolean graceful = ProcessStopper.stop(handle, grace);
            if (!graceful) {
                progress.accept("  " + record.name() + " did not stop within " + grace.toSeconds() + " s and was killed");
            }
            return new Stopped(record.name(), handle.pid(), graceful);
        });
    }

    private static boolean isInfrastructure(String name) {
        return name.equals(LocalStack.LAUNCHER) || name.equals(LocalStack.KAFKA) || name.equals(LocalStack.POSTGRES);
    }
}
