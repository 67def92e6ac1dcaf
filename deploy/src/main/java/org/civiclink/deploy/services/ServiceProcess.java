package org.civiclink.deploy.services;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.civiclink.deploy.http.Http;
import org.civiclink.deploy.layout.RepoRoot;
import org.civiclink.deploy.process.JavaCommand;
import org.civiclink.deploy.process.Jit;
import org.civiclink.deploy.process.LogTail;
import org.civiclink.deploy.process.ProcessStopper;

/**
 * One packaged service ({@code java -jar .../quarkus-run.jar}) in its own JVM, with its output in
 * a log file. Used by the launcher and by end-to-end tests:
 *
 * <pre>{@code
 * Map<String, String> env = ServiceEnvironment.forService(spec, bootstrap, stateDir, Optional.of(db));
 * try (ServiceProcess intake = ServiceProcess.start(spec, env, logFile).awaitReady(Duration.ofSeconds(90))) {
 *     ...
 * }
 * }</pre>
 */
public final class ServiceProcess implements AutoCloseable {

    public static final Duration DEFAULT_READY_TIMEOUT = Duration.ofSeconds(90);
    /** A heap cap that keeps four services plus a broker well inside a laptop. */
    private static final String HEAP = "-Xmx512m";

    private static final int LOG_TAIL_LINES = 40;
    private static final Duration PROBE_INTERVAL = Duration.ofMillis(500);

    private final ServiceSpec spec;
    private final Process process;
    private final Path logFile;
    private final Http http = new Http(Duration.ofSeconds(2));

    private ServiceProcess(ServiceSpec spec, Process process, Path logFile) {
        this.spec = spec;
        this.process = process;
        this.logFile = logFile;
    }

    /**
     * Starts the service's jar from the checkout found by {@link RepoRoot#locate()}, compiled for a quick
     * start ({@link Jit#QUICK_START}): these are the short-lived services of end-to-end tests.
     */
    public static ServiceProcess start(ServiceSpec spec, Map<String, String> env, Path logFile) {
        return start(spec, spec.jar(RepoRoot.locate()), env, logFile, jvmOptions(Jit.QUICK_START));
    }

    /** The JVM options the launcher starts a service with. */
    public static List<String> jvmOptions(Jit jit) {
        List<String> options = new ArrayList<>(List.of(HEAP));
        options.addAll(jit.jvmOptions());
        return options;
    }

    /**
     * @param env     added to the launcher's own environment (see {@link ServiceEnvironment})
     * @param logFile stdout and stderr, appended; its folder is also the working directory
     */
    public static ServiceProcess start(ServiceSpec spec, Path jar, Map<String, String> env, Path logFile,
                                       List<String> jvmOptions) {
        if (!Files.isRegularFile(jar)) {
            throw ServiceJars.notBuilt(List.of(jar));
        }
        Path log = logFile.toAbsolutePath().normalize();
        List<String> args = new ArrayList<>(jvmOptions);
        args.add("-jar");
        args.add(jar.toAbsolutePath().toString());
        try {
            Files.createDirectories(log.getParent());
            ProcessBuilder builder = new ProcessBuilder(JavaCommand.java(args))
                    .directory(log.getParent().toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().putAll(env);
            return new ServiceProcess(spec, builder.start(), log);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + spec.name(), e);
        }
    }

    /**
     * Polls {@code /q/health/ready} until it answers 200.
     *
     * @return this, for chaining
     * @throws ServiceNotReadyException if the process exits or the timeout passes; the message has the log tail
     */
    public ServiceProcess awaitReady(Duration timeout) {
        long started = System.nanoTime();
        long deadline = started + timeout.toNanos();
        while (true) {
            if (!process.isAlive()) {
                throw new ServiceNotReadyException(spec, spec.name() + " exited during startup (exit "
                        + process.exitValue() + ").\n" + LogTail.describe(logFile, LOG_TAIL_LINES));
            }
            if (isReady()) {
                return this;
            }
            if (System.nanoTime() > deadline) {
                throw new ServiceNotReadyException(spec, spec.name() + " did not report ready at "
                        + spec.readinessUrl() + " within " + timeout.toSeconds() + " s.\n"
                        + LogTail.describe(logFile, LOG_TAIL_LINES));
            }
            try {
                Thread.sleep(PROBE_INTERVAL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ServiceNotReadyException(spec, "Interrupted while waiting for " + spec.name());
            }
        }
    }

    /** One probe of the readiness endpoint. */
    public boolean isReady() {
        return http.tryGet(spec.readinessUrl(), Map.of()).map(response -> response.status() == 200).orElse(false);
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public ServiceSpec spec() {
        return spec;
    }

    public URI baseUrl() {
        return spec.baseUrl();
    }

    public Path logFile() {
        return logFile;
    }

    public long pid() {
        return process.pid();
    }

    public ProcessHandle handle() {
        return process.toHandle();
    }

    public List<String> logTail(int lines) {
        return LogTail.lastLines(logFile, lines);
    }

    /** SIGTERM (Quarkus shuts down gracefully), SIGKILL after {@link ProcessStopper#DEFAULT_GRACE}. */
    public void stop() {
        stop(ProcessStopper.DEFAULT_GRACE);
    }

    public void stop(Duration grace) {
        ProcessStopper.stop(process.toHandle(), grace);
    }

    @Override
    public void close() {
        stop();
    }
}
