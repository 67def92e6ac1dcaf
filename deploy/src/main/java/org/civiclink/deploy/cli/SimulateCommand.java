package org.civiclink.deploy.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import org.civiclink.deploy.layout.StackLayout;
import org.civiclink.deploy.simulate.IntakePublisher;
import org.civiclink.deploy.simulate.PopulationSpec;
import org.civiclink.deploy.simulate.PublishChannel;
import org.civiclink.simulator.Simulation;
import org.civiclink.simulator.io.CanonicalCsv;

@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = "Generates a synthetic multi-agency population with ground truth (person_id) as a canonical CSV."
                + " Deterministic for a seed. Knobs and realism: docs/simulator.md.")
class SimulateCommand implements Callable<Integer> {

    @Option(names = "--people", defaultValue = "10000", description = "People to generate (default: ${DEFAULT-VALUE}).")
    long people;

    @Option(names = "--seed", defaultValue = "42", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--error-scale", defaultValue = "1.0",
            description = "Multiplies every agency's error rates: 0 = clean, 2 = twice the usual mess (default: ${DEFAULT-VALUE}).")
    double errorScale;

    @Option(names = "--set", paramLabel = "NAME=VALUE",
            description = "Sets a population knob or an agency error rate (repeatable; docs/simulator.md),"
                    + " e.g. --set shelterShare=0.2 --set DHS-SHELTER.typoRate=0.15 --set '*.missingSsnRate=0.5'.")
    List<String> settings;

    @Option(names = {"--output", "-o"}, description = "CSV file to write (default: standard output, unless publishing).")
    Path output;

    @Option(names = "--publish", description = "Also send every record as an intake event to a running stack:"
            + " rest (POST /v1/events), kafka (Avro on the raw intake topic) or accepted (Avro straight onto the"
            + " accepted topic, bypassing intake: to load the linker beyond intake's rate; test stacks only).")
    PublishChannel publish;

    @Option(names = "--rate", defaultValue = "100",
            description = "Events per second when publishing; 0 = as fast as possible (default: ${DEFAULT-VALUE}).")
    double rate;

    @Option(names = "--connections", defaultValue = "16",
            description = "Concurrent requests when publishing through rest (default: ${DEFAULT-VALUE}).")
    int connections;

    @Option(names = "--intake-url", defaultValue = "http://127.0.0.1:8081",
            description = "intake-service base URL for rest (default: ${DEFAULT-VALUE}).")
    URI intakeUrl;

    @Option(names = "--bootstrap-servers", defaultValue = "127.0.0.1:" + StackLayout.KAFKA_PORT,
            description = "Kafka broker for kafka (default: ${DEFAULT-VALUE}, the local stack's).")
    String bootstrapServers;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (people < 1) {
            throw new ParameterException(spec.commandLine(), "--people must be at least 1");
        }
        if (errorScale < 0) {
            throw new ParameterException(spec.commandLine(), "--error-scale must not be negative");
        }
        if (rate < 0 || connections < 1) {
            throw new ParameterException(spec.commandLine(), "--rate must be >= 0 and --connections >= 1");
        }
        long started = System.nanoTime();
        long records;
        Simulation simulation;
        try {
            simulation = PopulationSpec.of(seed, errorScale, settings).simulation(people);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        try (Writer writer = publish != null && output == null ? Writer.nullWriter() : open();
             CanonicalCsv csv = new CanonicalCsv(writer);
             IntakePublisher publisher = publish == null ? null
                     : publish.open(target(), "sim-" + seed + "-" + System.currentTimeMillis() + "-")) {
            records = simulation.run(record -> {
                csv.write(record);
                if (publisher != null) {
                    publisher.publish(record);
                }
            });
            if (publisher != null) {
                report(publisher.finish());
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        PrintWriter err = spec.commandLine().getErr();
        err.printf("%d people, %d records in %.1f s (%.0f records/s)%s%n", people, records, seconds, records / seconds,
                output == null ? "" : " -> " + output);
        err.flush();
        return 0;
    }

    private PublishChannel.Target target() {
        return new PublishChannel.Target(intakeUrl, bootstrapServers, rate, connections);
    }

    private void report(IntakePublisher.Summary result) {
        PrintWriter err = spec.commandLine().getErr();
        err.printf("published %d events via %s to %s in %.1f s: %.0f events/s; %s; failures %d%n",
                result.sent(), publish, publish.describe(target()), result.seconds(), result.perSecond(), result.outcomes(),
                result.failures());
        err.printf("latency from due time: p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                result.p50Millis(), result.p99Millis(), result.maxMillis());
        err.flush();
    }

    private Writer open() throws IOException {
        if (output == null) {
            return new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8)) {
                @Override
                public void close() throws IOException {
                    flush();
                }
            };
        }
        Path parent = output.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        return Files.newBufferedWriter(output, StandardCharsets.UTF_8);
    }
}
