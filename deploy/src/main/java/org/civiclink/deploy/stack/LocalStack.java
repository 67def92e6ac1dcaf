package org.civiclink.deploy.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.civiclink.deploy.StackException;
import org.civiclink.deploy.demo.DemoFeed;
import org.civiclink.deploy.demo.DemoInbox;
import org.civiclink.deploy.kafka.CivicLinkTopics;
import org.civiclink.deploy.kafka.KafkaBrokerProcess;
import org.civiclink.deploy.kafka.KafkaBrokerSpec;
import org.civiclink.deploy.layout.PortGuard;
import org.civiclink.deploy.layout.StackLayout;
import org.civiclink.deploy.postgres.EmbeddedPostgresServer;
import org.civiclink.deploy.postgres.PostgresTarget;
import org.civiclink.deploy.process.Jit;
import org.civiclink.deploy.process.PidFiles;
import org.civiclink.deploy.process.PidRecord;
import org.civiclink.deploy.process.ProcessStopper;
import org.civiclink.deploy.security.DevTokens;
import org.civiclink.deploy.services.ServiceEnvironment;
import org.civiclink.deploy.services.ServiceJars;
import org.civiclink.deploy.services.ServiceProcess;
import org.civiclink.deploy.services.ServiceSpec;

/**
 * The whole local stack in start order: broker, PostgreSQL, databases, topics, services, demo feed.
 * {@link #close()} stops it in reverse order and may be called from a shutdown hook while
 * {@link #start()} still runs on another thread; whatever start brings up after that is stopped
 * at once.
 */
public final class LocalStack implements AutoCloseable {

    public static final String LAUNCHER = "launcher";
    public static final String KAFKA = "kafka";
    public static final String POSTGRES = "postgres";

    /**
     * @param services the services to run (on their ports); empty for "infrastructure only": broker,
     *                 PostgreSQL and topics, e.g. to run the services from an IDE or in Quarkus dev mode
     * @param loadDemo post the demo feed to intake-service and wait for its referral in
     *                 recommendation-service's inbox (needs both among the services)
     */
    /**
     * @param jit how the broker's and the services' JVMs compile: {@link Jit#FULL} unless asked for a quick start
     */
    public record Options(List<ServiceSpec> services, boolean loadDemo, Duration serviceReadyTimeout, Duration demoTimeout,
                          Jit jit) {

        public Options {
            services = List.copyOf(services);
        }

        public static Options defaults() {
            return new Options(ServiceSpec.ALL, true, ServiceProcess.DEFAULT_READY_TIMEOUT, DemoInbox.DEFAULT_TIMEOUT, Jit.FULL);
        }

        public static Options infrastructureOnly() {
            return defaults().withServices(List.of()).withDemo(false);
        }

        public Options withServices(List<ServiceSpec> replacement) {
            return new Options(replacement, loadDemo, serviceReadyTimeout, demoTimeout, jit);
        }

        public Options withDemo(boolean load) {
            return new Options(services, load, serviceReadyTimeout, demoTimeout, jit);
        }

        public Options withServiceReadyTimeout(Duration timeout) {
            return new Options(services, loadDemo, timeout, demoTimeout, jit);
        }

        public Options withJit(Jit compilation) {
            return new Options(services, loadDemo, serviceReadyTimeout, demoTimeout, compilation);
        }

        /** The service of that name among {@link #services()}, with the port it runs on here. */
        public Optional<ServiceSpec> service(String name) {
            return services.stream().filter(spec -> spec.name().equals(name)).findFirst();
        }
    }

    private final StackLayout layout;
    private final Path kafkaLibs;
    private final Optional<PostgresTarget> configuredPostgres;
    private final Options options;
    private final Consumer<String> progress;
    private final PidFiles pids;

    private boolean closed;
    /** zonky's start blocks until the server is up, and pg_ctl detaches the server from the launcher. */
    private boolean startingEmbeddedPostgres;
    private KafkaBrokerProcess broker;
    private EmbeddedPostgresServer embeddedPostgres;
    private PostgresTarget postgres;
    private final List<ServiceProcess> services = new ArrayList<>();
    private Optional<String> demoReferralId = Optional.empty();
    static final String DEMO_LOADED_MARKER = "demo-loaded";

    public LocalStack(StackLayout layout, Path kafkaLibs, Optional<PostgresTarget> configuredPostgres, Options options,
                      Consumer<String> progress) {
        this.layout = layout;
        this.kafkaLibs = kafkaLibs;
        this.configuredPostgres = configuredPostgres;
        this.options = options;
        this.progress = progress;
        this.pids = new PidFiles(layout.runDir());
    }

    /** Starts everything; on failure stops what it started and rethrows. */
    public LocalStack start() {
        preflight();
        try {
            StackHome.prepare(layout.home());
            pids.write(LAUNCHER, ProcessHandle.current());
            startBroker();
            startPostgres();
            createDatabases();
            createTopics();
            if (!options.services().isEmpty()) {
                startServices();
                if (options.loadDemo()) {
                    loadDemo();
                }
            }
            return this;
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    public StackLayout layout() {
        return layout;
    }

    public Options options() {
        return options;
    }

    public synchronized PostgresTarget postgres() {
        return postgres;
    }

    public synchronized List<ServiceProcess> services() {
        return List.copyOf(services);
    }

    /** The referral the demo feed produced, once {@link #start()} loaded it. */
    public synchronized Optional<String> demoReferralId() {
        return demoReferralId;
    }

    /** Fails before anything starts, with advice, if a stack already runs or a service is not built. */
    private void preflight() {
        pids.read(LAUNCHER).flatMap(PidRecord::liveProcess).ifPresent(running -> {
            if (running.pid() != ProcessHandle.current().pid()) {
                throw new StackException("A CivicLink stack is already running from " + layout.home() + " (launcher pid "
                        + running.pid() + "). Stop it with ./civiclink down");
            }
        });
        ServiceJars.requirePresent(layout.repoRoot(), options.services());
        if (options.loadDemo() && !options.services().isEmpty() && (options.service(ServiceSpec.INTAKE.name()).isEmpty()
                || options.service(ServiceSpec.RECOMMENDATION.name()).isEmpty())) {
            throw new IllegalArgumentException("The demo feed needs intake-service and recommendation-service");
        }
        Map<Integer, String> ports = new LinkedHashMap<>();
        ports.put(layout.kafkaPort(), "Kafka");
        ports.put(layout.controllerPort(), "Kafka controller");
        if (configuredPostgres.isEmpty()) {
            ports.put(layout.postgresPort(), "embedded PostgreSQL");
        }
        options.services().forEach(spec -> ports.put(spec.httpPort(), spec.name()));
        PortGuard.requireFree(layout.host(), ports);
    }

    private void startBroker() {
        long started = System.nanoTime();
        progress.accept("Starting Kafka broker on " + layout.kafkaBootstrap() + " ...");
        KafkaBrokerProcess launched = KafkaBrokerProcess.launch(KafkaBrokerSpec.of(layout, kafkaLibs), options.jit());
        synchronized (this) {
            // Recorded before waiting, so a Ctrl-C during the wait stops it too.
            broker = launched;
            pids.write(KAFKA, launched.handle());
            abortIfClosed(launched::close);
        }
        launched.awaitReady(KafkaBrokerProcess.DEFAULT_READY_TIMEOUT);
        progress.accept("  Kafka ready in " + seconds(started) + (launched.formattedNow() ? " (new data folder " : " (kept data in ")
                + layout.kafkaDataDir() + ")");
    }

    private void startPostgres() {
        if (configuredPostgres.isPresent()) {
            PostgresTarget target = configuredPostgres.get();
            progress.accept("Using " + target);
            if (!target.isReachable(5)) {
                throw new StackException("Cannot connect to " + target + " (from " + PostgresTarget.URL_ENV
                        + "). Check the URL, " + PostgresTarget.USER_ENV + " and " + PostgresTarget.PASSWORD_ENV
                        + ", or unset " + PostgresTarget.URL_ENV + " to use the embedded PostgreSQL.");
            }
            synchronized (this) {
                postgres = target;
            }
            return;
        }
        long started = System.nanoTime();
        progress.accept("Starting embedded PostgreSQL on port " + layout.postgresPort() + " ...");
        synchronized (this) {
            abortIfClosed(() -> { });
            startingEmbeddedPostgres = true;
        }
        EmbeddedPostgresServer server = EmbeddedPostgresServer.start(layout.postgresDataDir(), layout.postgresPort(),
                layout.logFile(POSTGRES));
        synchronized (this) {
            embeddedPostgres = server;
            postgres = server.target();
            server.pid().stream().mapToObj(ProcessHandle::of).flatMap(Optional::stream)
                    .findFirst().ifPresent(handle -> pids.write(POSTGRES, handle));
            abortIfClosed(server::close);
        }
        progress.accept("  PostgreSQL ready in " + seconds(started) + " (data in " + layout.postgresDataDir() + ")");
    }

    private void createDatabases() {
        for (ServiceSpec spec : ServiceSpec.ALL) {
            spec.database().ifPresent(database -> postgres().createDatabaseIfMissing(database));
        }
    }

    private void createTopics() {
        CivicLinkTopics.provision(layout.kafkaBootstrap());
        progress.accept("  Topics ready");
    }

    private void startServices() {
        long started = System.nanoTime();
        progress.accept("Starting " + options.services().size() + " services (logs in " + layout.logsDir() + ") ...");
        for (ServiceSpec spec : options.services()) {
            Path stateDir = layout.streamsStateDir(spec.name());
            try {
                Files.createDirectories(stateDir);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Map<String, String> env = ServiceEnvironment.forService(spec, layout.kafkaBootstrap(), stateDir, Optional.of(postgres()));
            ServiceProcess process = ServiceProcess.start(spec, spec.jar(layout.repoRoot()), env, layout.logFile(spec.name()),
                    ServiceProcess.jvmOptions(options.jit()));
            register(process);
        }
        // They start side by side; each gets its full timeout from here.
        for (ServiceProcess service : services()) {
            service.awaitReady(options.serviceReadyTimeout());
            progress.accept("  " + service.spec().name() + " ready at " + service.baseUrl());
        }
        progress.accept("  All services ready in " + seconds(started));
    }

    private synchronized void register(ServiceProcess process) {
        abortIfClosed(process::close);
        services.add(process);
        pids.write(process.spec().name(), process.handle());
        process.handle().onExit().thenRun(() -> {
            synchronized (this) {
                if (!closed) {
                    progress.accept("WARNING: " + process.spec().name() + " stopped unexpectedly; see " + process.logFile());
                }
            }
        });
    }

    private void loadDemo() {
        // Posting again on a restart would send the demo person's events downstream twice.
        Path loadedMarker = layout.home().resolve(DEMO_LOADED_MARKER);
        if (Files.exists(loadedMarker)) {
            progress.accept("Demo feed already loaded in " + layout.home());
        } else {
            progress.accept("Loading the demo feed ...");
            List<DemoFeed.Posted> posted = DemoFeed.fromClasspath().postTo(options.service(ServiceSpec.INTAKE.name()).orElseThrow().baseUrl());
            long fresh = posted.stream().filter(p -> p.outcome() == DemoFeed.Outcome.LOADED).count();
            progress.accept("  " + fresh + " demo event(s) posted, " + (posted.size() - fresh) + " already loaded");
            markLoaded(loadedMarker);
        }
        String referralId = DemoInbox.awaitFirstReferralId(options.service(ServiceSpec.RECOMMENDATION.name()).orElseThrow().baseUrl(),
                DevTokens.demoCaseworker(), options.demoTimeout());
        synchronized (this) {
            demoReferralId = Optional.of(referralId);
        }
        progress.accept("  Demo referral " + referralId + " is in the caseworker inbox");
    }

    private static void markLoaded(Path marker) {
        try {
            Files.writeString(marker, java.time.Instant.now() + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + marker, e);
        }
    }

    /** Called with the lock held, after a component started: if close() already ran, it never saw this one. */
    private void abortIfClosed(Runnable stopJustStarted) {
        if (closed) {
            stopJustStarted.run();
            throw new StackException("Shutdown requested while starting");
        }
    }

    /** Stops services (all at once), then the broker, then embedded PostgreSQL, and removes the pid files. */
    @Override
    public void close() {
        List<ServiceProcess> toStop;
        KafkaBrokerProcess brokerToStop;
        EmbeddedPostgresServer postgresToStop;
        boolean postgresHalfStarted;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            toStop = List.copyOf(services);
            brokerToStop = broker;
            postgresToStop = embeddedPostgres;
            postgresHalfStarted = startingEmbeddedPostgres && embeddedPostgres == null;
        }
        if (!toStop.isEmpty()) {
            ProcessStopper.stopAll(toStop.stream().map(ServiceProcess::handle).toList(), ProcessStopper.DEFAULT_GRACE);
            toStop.forEach(service -> pids.delete(service.spec().name()));
        }
        if (brokerToStop != null) {
            quietly(brokerToStop::close);
            pids.delete(KAFKA);
        }
        if (postgresToStop != null) {
            quietly(postgresToStop::close);
            pids.delete(POSTGRES);
        } else if (postgresHalfStarted) {
            stopHalfStartedPostgres();
        }
        pids.read(LAUNCHER).filter(record -> record.pid() == ProcessHandle.current().pid())
                .ifPresent(record -> pids.delete(LAUNCHER));
    }

    /** Interrupted during its startup: find the server by the pid it writes, once it has written it. */
    private void stopHalfStartedPostgres() {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            var pid = EmbeddedPostgresServer.postmasterPid(layout.postgresDataDir());
            if (pid.isPresent()) {
                // A stale pid file from a crashed run may name an unrelated process by now.
                ProcessHandle.of(pid.getAsLong())
                        .filter(handle -> handle.info().command().map(command -> command.contains("postgres")).orElse(false))
                        .ifPresent(handle -> ProcessStopper.stop(handle, ProcessStopper.DEFAULT_GRACE));
                return;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void quietly(Runnable step) {
        try {
            step.run();
        } catch (RuntimeException e) {
            progress.accept("WARNING: " + e.getMessage());
        }
    }

    private static String seconds(long startedNanos) {
        return String.format("%.1f s", (System.nanoTime() - startedNanos) / 1e9);
    }
}
