package org.civiclink.deploy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.civiclink.linkage.model.LinkageModel;
import org.civiclink.simulator.Simulation;
import org.civiclink.simulator.io.CanonicalCsv;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LinkAndTrainCommandTest {

    @TempDir
    static Path dir; // static: @BeforeAll runs before instance fields are injected

    private Path population;
    private long records;

    @BeforeAll
    void simulate() throws Exception {
        population = dir.resolve("population.csv");
        try (Writer out = Files.newBufferedWriter(population)) {
            CanonicalCsv csv = new CanonicalCsv(out);
            records = Simulation.of(31, 400).run(csv::write);
            csv.close();
        }
    }

    @Test
    void linkWritesAClientForEveryRowAndScoresItAgainstTheTruth() throws Exception {
        Path clients = dir.resolve("clients.csv");
        StringWriter err = new StringWriter();
        int exit = run(err, "link", "--input", population.toString(), "--output", clients.toString());

        assertEquals(0, exit, err.toString());
        List<String> lines = Files.readAllLines(clients);
        assertEquals("record_id,client_id", lines.get(0));
        assertEquals(records, lines.size() - 1);
        assertTrue(lines.stream().skip(1).map(l -> l.split(",")[1]).distinct().count() < records, "some records must link");
        // The simulated file carries person_id, so link scores itself against the truth.
        assertTrue(figure(err.toString(), "pairwise precision") >= 0.99, err.toString());
        assertTrue(figure(err.toString(), "pairwise recall") >= 0.9, err.toString());
        assertTrue(err.toString().contains("B-cubed F1"), err.toString());
    }

    @Test
    void trainWritesAModelThatLinkCanUse() throws Exception {
        Path model = dir.resolve("model.json");
        StringWriter err = new StringWriter();
        assertEquals(0, run(err, "train", "--input", population.toString(), "--output", model.toString(), "--label", "test"), err.toString());

        LinkageModel trained = LinkageModel.read(model);
        assertNotEquals(LinkageModel.defaultModel().version(), trained.version());
        Path clients = dir.resolve("clients-trained.csv");
        assertEquals(0, run(new StringWriter(), "link", "--input", population.toString(), "--output", clients.toString(),
                "--model", model.toString()));
        assertEquals(records, Files.readAllLines(clients).size() - 1);
    }

    @Test
    void aMissingInputIsAUsageError() {
        StringWriter err = new StringWriter();
        assertEquals(2, run(err, "link", "--input", dir.resolve("nope.csv").toString(), "--output", dir.resolve("x.csv").toString()));
        assertTrue(err.toString().contains("--input"), err.toString());
    }

    private static double figure(String report, String label) {
        return report.lines().filter(line -> line.startsWith(label + " "))
                .map(line -> Double.parseDouble(line.substring(label.length()).trim()))
                .findFirst().orElseThrow(() -> new AssertionError("no '" + label + "' in " + report));
    }

    private static int run(StringWriter err, String... args) {
        CommandLine commandLine = CivicLinkCommand.commandLine();
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }
}
