package org.civiclink.deploy.process;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** A process the stack started, as written to its pid file. */
public record PidRecord(String name, long pid, Optional<Instant> startedAt) {

    /**
     * The process, if it still runs and is the one recorded. The start time guards against a pid
     * that was reused by an unrelated process after a reboot or a crash.
     */
    public Optional<ProcessHandle> liveProcess() {
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).filter(this::sameStart);
    }

    private boolean sameStart(ProcessHandle handle) {
        if (startedAt.isEmpty()) {
            return true;
        }
        return handle.info().startInstant()
                .map(actual -> Duration.between(actual, startedAt.get()).abs().compareTo(Duration.ofSeconds(2)) <= 0)
                .orElse(true);
    }
}
