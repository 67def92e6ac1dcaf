package org.civiclink.deploy.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import org.civiclink.simulator.Simulation;
import org.civiclink.simulator.io.CanonicalCsv;

@Command(name = "simulate",
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

    @Option(names = {"--output", "-o"}, description = "CSV file to write (default: standard output).")
    Path output;

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
        long started = System.nanoTime();
        long records;
        try (Writer writer = open(); CanonicalCsv csv = new CanonicalCsv(writer)) {
            records = Simulation.of(seed, people).withErrorScale(errorScale).run(csv::write);
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
