package org.civiclink.deploy.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import org.civiclink.deploy.kafka.KafkaLibs;
import org.civiclink.deploy.layout.StackLayout;
import org.civiclink.deploy.postgres.PostgresTarget;
import org.civiclink.deploy.process.Jit;
import org.civiclink.deploy.stack.LocalStack;

@Command(name = "up", mixinStandardHelpOptions = true,
        description = {
                "Starts Kafka, PostgreSQL and the four services, loads the demo feed and stays in the foreground until Ctrl-C.",
                "State is kept in one folder, so a restart finds the previous data.",
                "PostgreSQL: embedded, unless " + PostgresTarget.URL_ENV + " (with " + PostgresTarget.USER_ENV + ", "
                        + PostgresTarget.PASSWORD_ENV + ") names a server the launcher may create databases in."})
class UpCommand implements Callable<Integer> {

    @Mixin
    StackOptions stackOptions;

    @Option(names = "--infra-only", description = "Start only Kafka, PostgreSQL and the topics (run the services yourself, e.g. in Quarkus dev mode).")
    boolean infraOnly;

    @Option(names = "--no-demo", description = "Do not load the demo feed.")
    boolean noDemo;

    @Option(names = "--quick-start", description = "Compile with C1 only in every JVM of the stack: ready sooner on a slow "
            + "machine, but it carries much less load (for a look at the demo, not for ./civiclink bench).")
    boolean quickStart;

    @Option(names = "--ready-timeout", paramLabel = "SECONDS", defaultValue = "90",
            description = "How long each service may take to report ready (default: ${DEFAULT-VALUE}).")
    int readyTimeoutSeconds;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        StackLayout layout = stackOptions.layout();
        Optional<PostgresTarget> configuredPostgres = PostgresTarget.fromEnvironment(System.getenv());
        LocalStack.Options options = (infraOnly ? LocalStack.Options.infrastructureOnly() : LocalStack.Options.defaults().withDemo(!noDemo))
                .withServiceReadyTimeout(Duration.ofSeconds(readyTimeoutSeconds))
                .withJit(quickStart ? Jit.QUICK_START : Jit.FULL);
        LocalStack stack = new LocalStack(layout, KafkaLibs.locate(), configuredPostgres, options, line -> {
            out.println(line);
            out.flush();
        });

        // Ctrl-C, a closed terminal and "./civiclink down" all end up here.
        Thread shutdown = new Thread(() -> {
            out.println("Stopping CivicLink ...");
            out.flush();
            stack.close();
            out.println("Stopped.");
            out.flush();
        }, "civiclink-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdown);
        try {
            stack.start();
        } catch (RuntimeException e) {
            // start() has stopped what it started; the hook would only announce it a second time.
            removeHook(shutdown);
            throw e;
        }

        new StackSummary(out).print(stack);
        out.flush();
        new CountDownLatch(1).await();
        return 0;
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook runs anyway; closing twice is harmless
        }
    }
}
