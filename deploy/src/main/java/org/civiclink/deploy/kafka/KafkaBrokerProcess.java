package org.civiclink.deploy.kafka;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.Uuid;
import org.civiclink.deploy.StackException;
import org.civiclink.deploy.layout.PortGuard;
import org.civiclink.deploy.process.JavaCommand;
import org.civiclink.deploy.process.Jit;
import org.civiclink.deploy.process.LogTail;
import org.civiclink.deploy.process.ProcessStopper;

/**
 * A real Kafka broker in its own JVM, started from {@link KafkaLibs}. KRaft refuses to start on an
 * unformatted data folder, so the first start formats it; later starts reuse it and keep the
 * topics and offsets.
 *
 * <pre>{@code
 * try (KafkaBrokerProcess broker = KafkaBrokerProcess.start(spec, Duration.ofSeconds(60))) {
 *     CivicLinkTopics.provision(broker.bootstrapServers());
 * }
 * }</pre>
 */
public final class KafkaBrokerProcess implements AutoCloseable {

    public static final Duration DEFAULT_READY_TIMEOUT = Duration.ofSeconds(60);

    private static final String LOG4J_RESOURCE = "kafka/log4j2.xml";
    private static final Duration FORMAT_TIMEOUT = Duration.ofSeconds(60);
    private static final List<String> JVM_OPTIONS = List.of("-Xms256m", "-Xmx1g", "-XX:+UseG1GC", "-Djava.awt.headless=true");

    private final KafkaBrokerSpec spec;
    private final Process process;
    private final boolean formattedNow;

    private KafkaBrokerProcess(KafkaBrokerSpec spec, Process process, boolean formattedNow) {
        this.spec = spec;
        this.process = process;
        this.formattedNow = formattedNow;
    }

    /**
     * Starts the broker compiled for a quick start (the short-lived brokers of tests) and returns once it
     * accepts admin requests; stops it again if it does not.
     */
    public static KafkaBrokerProcess start(KafkaBrokerSpec spec, Duration readyTimeout) {
        KafkaBrokerProcess broker = launch(spec, Jit.QUICK_START);
        try {
            return broker.awaitReady(readyTimeout);
        } catch (RuntimeException e) {
            broker.stop(Duration.ofSeconds(10));
            throw e;
        }
    }

    /**
     * Formats the data folder if needed and starts the broker JVM without waiting for it, so that a
     * caller can record the process (to stop it on Ctrl-C) before {@link #awaitReady(Duration)}.
     */
    public static KafkaBrokerProcess launch(KafkaBrokerSpec spec, Jit jit) {
        Path serverProperties = spec.configDir().resolve("server.properties");
        Path log4jConfig = spec.configDir().resolve("kafka-log4j2.xml");
        try {
            Files.createDirectories(spec.dataDir());
            Files.createDirectories(spec.configDir());
            Files.createDirectories(spec.logFile().toAbsolutePath().getParent());
            Files.createDirectories(spec.consoleLogFile().toAbsolutePath().getParent());
            Files.writeString(serverProperties, BrokerConfig.render(spec));
            copyResource(LOG4J_RESOURCE, log4jConfig);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare the Kafka broker's folders", e);
        }

        boolean formatNow = !isFormatted(spec.dataDir());
        if (formatNow) {
            format(spec, serverProperties, log4jConfig);
        }
        Process process = launch(spec, log4jConfig, jit, List.of("kafka.Kafka", serverProperties.toString()));
        return new KafkaBrokerProcess(spec, process, formatNow);
    }

    /** KRaft writes meta.properties when formatting; its presence means the folder is ours already. */
    public static boolean isFormatted(Path dataDir) {
        return Files.isRegularFile(dataDir.resolve("meta.properties"));
    }

    public String bootstrapServers() {
        return spec.bootstrapServers();
    }

    public KafkaBrokerSpec spec() {
        return spec;
    }

    /** True if this start formatted the data folder, false if it reused an existing one. */
    public boolean formattedNow() {
        return formattedNow;
    }

    public long pid() {
        return process.pid();
    }

    public ProcessHandle handle() {
        return process.toHandle();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public List<String> logTail(int lines) {
        return LogTail.lastLines(spec.logFile(), lines);
    }

    /** SIGTERM (controlled shutdown), then SIGKILL after the grace period. */
    public void stop(Duration grace) {
        ProcessStopper.stop(process.toHandle(), grace);
    }

    @Override
    public void close() {
        stop(ProcessStopper.DEFAULT_GRACE);
    }

    private static void format(KafkaBrokerSpec spec, Path serverProperties, Path log4jConfig) {
        String clusterId = Uuid.randomUuid().toString();
        // The storage tool runs for a second or two: C2 would only compete with it.
        Process format = launch(spec, log4jConfig, Jit.QUICK_START,
                List.of("kafka.tools.StorageTool", "format", "-t", clusterId, "-c", serverProperties.toString()));
        try {
            if (!format.waitFor(FORMAT_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                format.destroyForcibly();
                throw new StackException("Formatting the Kafka data folder " + spec.dataDir() + " took more than "
                        + FORMAT_TIMEOUT.toSeconds() + " s.\n" + LogTail.describe(spec.consoleLogFile(), 30));
            }
        } catch (InterruptedException e) {
            format.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new StackException("Interrupted while formatting the Kafka data folder", e);
        }
        if (format.exitValue() != 0) {
            throw new StackException("Formatting the Kafka data folder " + spec.dataDir() + " failed (exit "
                    + format.exitValue() + ").\n" + LogTail.describe(spec.consoleLogFile(), 30));
        }
    }

    private static Process launch(KafkaBrokerSpec spec, Path log4jConfig, Jit jit, List<String> mainAndArgs) {
        List<String> args = new ArrayList<>(JVM_OPTIONS);
        args.addAll(jit.jvmOptions());
        args.add("-Dlog4j2.configurationFile=" + log4jConfig.toAbsolutePath());
        args.add("-Dciviclink.broker.log=" + spec.logFile().toAbsolutePath());
        args.add("-cp");
        args.add(KafkaLibs.classpath(spec.kafkaLibs()));
        args.addAll(mainAndArgs);
        try {
            return new ProcessBuilder(JavaCommand.java(args))
                    // Not the data folder: the broker treats what it finds there as its own.
                    .directory(spec.configDir().toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(spec.consoleLogFile().toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + mainAndArgs.get(0), e);
        }
    }

    /**
     * Waits until the broker is registered and accepts admin requests.
     *
     * @return this, for chaining
     * @throws StackException if the broker exits or the timeout passes; the message has the log tail
     */
    public KafkaBrokerProcess awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        // Waiting for the port first keeps the admin client from logging connection failures.
        while (!PortGuard.isListening(spec.host(), spec.port(), 500)) {
            checkAliveAndTime(deadline, timeout);
            sleep(Duration.ofMillis(200));
        }
        try (Admin admin = CivicLinkTopics.admin(bootstrapServers())) {
            while (true) {
                checkAliveAndTime(deadline, timeout);
                try {
                    // An empty node list means the broker is not registered (unfenced) yet; topic creation would fail.
                    if (!admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty()) {
                        return this;
                    }
                } catch (ExecutionException | TimeoutException e) {
                    // not ready yet
                }
                sleep(Duration.ofMillis(200));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("Interrupted while waiting for the Kafka broker", e);
        }
    }

    private void checkAliveAndTime(long deadline, Duration timeout) {
        if (!process.isAlive()) {
            throw new StackException("The Kafka broker exited during startup (exit " + process.exitValue() + ").\n"
                    + LogTail.describe(spec.logFile(), 30) + "\n" + LogTail.describe(spec.consoleLogFile(), 10));
        }
        if (System.nanoTime() > deadline) {
            throw new StackException("The Kafka broker was not ready on " + bootstrapServers() + " after "
                    + timeout.toSeconds() + " s.\n" + LogTail.describe(spec.logFile(), 30));
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("Interrupted while waiting for the Kafka broker", e);
        }
    }

    private static void copyResource(String resource, Path target) throws IOException {
        try (InputStream in = KafkaBrokerProcess.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException(resource + " is not on the launcher's classpath");
            }
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
