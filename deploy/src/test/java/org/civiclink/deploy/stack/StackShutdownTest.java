package org.civiclink.deploy.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.civiclink.deploy.StackException;
import org.civiclink.deploy.process.PidFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertThrows;

class StackShutdownTest {

    @Test
    void stopsRecordedProcessesAndRemovesTheirPidFiles(@TempDir Path run) throws IOException {
        PidFiles pids = new PidFiles(run);
        Process service = new ProcessBuilder("sleep", "120").start();
        Process broker = new ProcessBuilder("sleep", "120").start();
        pids.write("intake-service", service.toHandle());
        pids.write(LocalStack.KAFKA, broker.toHandle());
        Files.writeString(pids.file("audit-service"), "999999999\n"); // long gone

        List<String> said = new ArrayList<>();
        List<StackShutdown.Stopped> stopped = StackShutdown.stop(pids, Duration.ofSeconds(5), said::add);

        assertEquals(2, stopped.size(), said.toString());
        assertFalse(service.isAlive());
        assertFalse(broker.isAlive());
        assertTrue(pids.all().isEmpty());
    }

    @Test
    void ignoresAPidThatNowBelongsToAnotherProcess(@TempDir Path run) throws IOException {
        PidFiles pids = new PidFiles(run);
        Process unrelated = new ProcessBuilder("sleep", "120").start();
        try {
            // Recorded with a start time that does not match: a reused pid.
            Files.writeString(pids.file("linkage-service"), unrelated.pid() + "\n2001-01-01T00:00:00Z\n");
            StackShutdown.stop(pids, Duration.ofSeconds(5), line -> { });
            assertTrue(unrelated.isAlive());
            assertTrue(pids.all().isEmpty());
        } finally {
            unrelated.destroyForcibly();
        }
    }

    @Test
    void purgeDeletesOnlyAFolderTheLauncherMade(@TempDir Path dir) throws IOException {
        Path foreign = Files.createDirectories(dir.resolve("foreign"));
        Files.writeString(foreign.resolve("thesis.tex"), "precious");
        assertThrows(StackException.class, () -> StackHome.purge(foreign));
        assertTrue(Files.exists(foreign.resolve("thesis.tex")));

        Path home = dir.resolve("home");
        StackHome.prepare(home);
        Files.createDirectories(home.resolve("kafka/civiclink.intake.raw.v1-0"));
        assertTrue(StackHome.purge(home));
        assertFalse(Files.exists(home));
    }
}
