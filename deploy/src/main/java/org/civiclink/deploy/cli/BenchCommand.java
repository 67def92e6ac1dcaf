package org.civiclink.deploy.cli;

import java.io.PrintWriter;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import org.civiclink.deploy.bench.BenchReport;
import org.civiclink.deploy.bench.BenchRun;
import org.civiclink.deploy.bench.BenchSettings;
import org.civiclink.deploy.bench.BenchTable;
import org.civiclink.deploy.bench.ScaleBench;
import org.civiclink.deploy.bench.LinkerFactory;
import org.civiclink.deploy.layout.StackLayout;
import org.civiclink.deploy.simulate.PopulationSpec;
import org.civiclink.deploy.simulate.PublishChannel;

@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Publishes a simulated population to the running local stack (./civiclink up) and prints one table:"
                + " accepted and linked events/s, intake-to-linked and intake-to-inbox latency, linkage quality against the"
                + " ground truth, and the throughput of a pass-through Kafka Streams topology on the same broker.",
                "--scale instead times the linker in process with 10,000, 100,000 and 1,000,000 records already known.",
                "What each row means: docs/benchmarks.md."})
class BenchCommand implements Callable<Integer> {

    @Option(names = "--people", defaultValue = "2000", description = "People to simulate (default: ${DEFAULT-VALUE}).")
    long people;

    @Option(names = "--rate", defaultValue = "0",
            description = "Events per second to publish; 0 = as fast as possible, which is what the linked/pass-through"
                    + " ratio needs (default: ${DEFAULT-VALUE}).")
    double rate;

    @Option(names = "--seed", defaultValue = "42", description = "Simulator seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--error-scale", defaultValue = "1.0",
            description = "Multiplies every agency's error rates (default: ${DEFAULT-VALUE}).")
    double errorScale;

    @Option(names = "--set", paramLabel = "NAME=VALUE",
            description = "Sets a population knob or an agency error rate of the simulator (repeatable; docs/simulator.md),"
                    + " e.g. --set shelterShare=0.2 --set DHS-SHELTER.typoRate=0.15.")
    List<String> settings;

    @Option(names = "--publish", defaultValue = "kafka",
            description = "rest (POST /v1/events), kafka (Avro on the raw intake topic) or accepted (straight onto the"
                    + " accepted topic, bypassing intake, so that the linker can become the bottleneck and the"
                    + " linked/pass-through ratio its capacity) (default: ${DEFAULT-VALUE}).")
    PublishChannel publish;

    @Option(names = "--warm-up-people", defaultValue = "0",
            description = "First publish this many other people the same way and at the same rate, unscored, so that the"
                    + " stack's JVMs have compiled their hot code before the measured run; its intake-to-inbox figures"
                    + " are printed as it ends (default: ${DEFAULT-VALUE}, no warm-up).")
    long warmUpPeople;

    @Option(names = "--connections", defaultValue = "16",
            description = "Concurrent requests for rest (default: ${DEFAULT-VALUE}).")
    int connections;

    @Option(names = "--intake-url", defaultValue = "http://127.0.0.1:8081",
            description = "intake-service base URL (default: ${DEFAULT-VALUE}).")
    URI intakeUrl;

    @Option(names = "--bootstrap-servers", defaultValue = "127.0.0.1:" + StackLayout.KAFKA_PORT,
            description = "Kafka broker (default: ${DEFAULT-VALUE}, the local stack's).")
    String bootstrapServers;

    @Option(names = "--idle-timeout", defaultValue = "60",
            description = "Seconds without a new linked or accepted event after which bench stops waiting (default: ${DEFAULT-VALUE}).")
    long idleTimeoutSeconds;

    @Option(names = "--settle", defaultValue = "5",
            description = "Seconds the client-update, linked and referral topics must be quiet before scoring (default: ${DEFAULT-VALUE}).")
    long settleSeconds;

    @Option(names = "--scale", description = "Time the linker in process against growing known populations instead.")
    boolean scale;

    @Option(names = "--scale-sizes", split = ",", defaultValue = "10000,100000,1000000",
            description = "Known-record counts for --scale (default: ${DEFAULT-VALUE}).")
    List<Long> scaleSizes;

    @Option(names = "--scale-timed", defaultValue = "2000",
            description = "Records timed one by one at each size for --scale (default: ${DEFAULT-VALUE}).")
    int scaleTimed;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        validate();
        PopulationSpec population = population();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        // originalArgs holds the whole command line, "bench" included.
        String command = "./civiclink " + String.join(" ", spec.commandLine().getParseResult().originalArgs());
        if (scale) {
            err.println("bench --scale: linking in process, seed " + seed);
            err.flush();
            List<ScaleBench.Row> rows = new ScaleBench(LinkerFactory::engine, population, scaleTimed, err).run(scaleSizes);
            out.print(ScaleBench.format(command, rows));
            out.flush();
            return 0;
        }
        if (warmUpPeople > 0) {
            // Other people than the measured run's (its own seed), so that the measured records are new to the linker.
            BenchReport warmUp = new BenchRun(settings(warmUpPeople, population(~seed)), "warm-up", err).run();
            err.println("warm-up done: " + warmUp.linked() + " events linked, intake-to-inbox ms p50/p95/p99 "
                    + BenchTable.percentiles(warmUp.intakeToInbox().latency()) + "; now the measured run");
            err.flush();
        }
        BenchReport report = new BenchRun(settings(people, population), command, err).run();
        out.print(BenchTable.format(report));
        out.flush();
        return 0;
    }

    private BenchSettings settings(long peopleToPublish, PopulationSpec population) {
        return new BenchSettings(peopleToPublish, population, publish,
                new PublishChannel.Target(intakeUrl, bootstrapServers, rate, connections),
                Duration.ofSeconds(idleTimeoutSeconds), Duration.ofSeconds(settleSeconds), Duration.ofMinutes(10));
    }

    private PopulationSpec population() {
        return population(seed);
    }

    private PopulationSpec population(long populationSeed) {
        try {
            return PopulationSpec.of(populationSeed, errorScale, settings);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    private void validate() {
        if (people < 1 || rate < 0 || connections < 1 || errorScale < 0 || warmUpPeople < 0) {
            throw new ParameterException(spec.commandLine(),
                    "--people and --connections must be at least 1, --rate, --error-scale and --warm-up-people not negative");
        }
        if (idleTimeoutSeconds < 1 || settleSeconds < 0 || scaleTimed < 1 || scaleSizes.stream().anyMatch(size -> size < 0)) {
            throw new ParameterException(spec.commandLine(), "--idle-timeout and --scale-timed must be at least 1,"
                    + " --settle and --scale-sizes not negative");
        }
    }
}
