package org.civiclink.deploy.postgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.civiclink.deploy.StackException;
import org.civiclink.deploy.process.LogTail;

/**
 * A real PostgreSQL server from the zonky binaries, for machines without one of their own. The data
 * folder is kept between starts ({@code setCleanDataDirectory(false)}): initdb runs only when the
 * folder has no cluster yet.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    /** zonky's initdb creates this superuser with trust authentication; the password is ignored. */
    public static final String USER = "postgres";
    public static final String PASSWORD = "postgres";

    private final EmbeddedPostgres postgres;
    private final Path dataDir;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, Path dataDir) {
        this.postgres = postgres;
        this.dataDir = dataDir;
    }

    /** @param logFile receives initdb, pg_ctl and server output */
    public static EmbeddedPostgresServer start(Path dataDir, int port, Path logFile) {
        Path absoluteData = dataDir.toAbsolutePath().normalize();
        try {
            Files.createDirectories(absoluteData);
            Files.createDirectories(logFile.toAbsolutePath().getParent());
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(absoluteData)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    // The launcher stops it in order (after the services); zonky's own hook would race with that.
                    .setRegisterShutdownHook(false)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setOutputRedirector(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .setErrorRedirector(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .start();
            return new EmbeddedPostgresServer(postgres, absoluteData);
        } catch (IOException | RuntimeException e) {
            throw new StackException("Embedded PostgreSQL did not start on port " + port + " with data in "
                    + absoluteData + ": " + e.getMessage() + "\n" + LogTail.describe(logFile, 20), e);
        }
    }

    public PostgresTarget target() {
        return new PostgresTarget("jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres", USER, PASSWORD, true);
    }

    public int port() {
        return postgres.getPort();
    }

    public Path dataDir() {
        return dataDir;
    }

    /** The postmaster's pid; pg_ctl detaches it, so the launcher has no Process for it. */
    public OptionalLong pid() {
        return postmasterPid(dataDir);
    }

    public static OptionalLong postmasterPid(Path dataDir) {
        Path pidFile = dataDir.resolve("postmaster.pid");
        try {
            List<String> lines = Files.readAllLines(pidFile);
            return lines.isEmpty() ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(lines.get(0).trim()));
        } catch (IOException | NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    /** Fast shutdown through pg_ctl: open sessions are ended, data is flushed. */
    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot stop embedded PostgreSQL", e);
        }
    }
}
