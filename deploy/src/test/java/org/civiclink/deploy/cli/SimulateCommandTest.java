package org.civiclink.deploy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

class SimulateCommandTest {

    @TempDir
    Path dir;

    @Test
    void setOverridesTheSimulatorsKnobs() throws Exception {
        Path plain = dir.resolve("plain.csv");
        Path withoutSsns = dir.resolve("no-ssn.csv");
        assertEquals(0, run(new StringWriter(), "simulate", "--people", "300", "--seed", "3", "-o", plain.toString()));
        assertEquals(0, run(new StringWriter(), "simulate", "--people", "300", "--seed", "3", "-o", withoutSsns.toString(),
                "--set", "*.missingSsnRate=1", "--set", "*.placeholderSsnRate=0"));

        assertTrue(ssns(plain).stream().anyMatch(ssn -> !ssn.isEmpty()), "the default population has SSNs");
        assertTrue(ssns(withoutSsns).stream().allMatch(String::isEmpty), "every agency was told to leave SSNs empty");
    }

    @Test
    void aBadSettingIsAUsageErrorThatNamesIt() {
        StringWriter err = new StringWriter();
        assertEquals(2, run(err, "simulate", "--people", "10", "-o", dir.resolve("x.csv").toString(), "--set", "shelterShare=2"));
        assertTrue(err.toString().contains("shelterShare=2"), err.toString());
        assertFalse(Files.exists(dir.resolve("x.csv")), "nothing is written when the settings are wrong");
    }

    private static List<String> ssns(Path csv) throws Exception {
        List<String> lines = Files.readAllLines(csv);
        int column = Arrays.asList(lines.get(0).split(",", -1)).indexOf("ssn");
        return lines.stream().skip(1).map(line -> line.split(",", -1)[column]).toList();
    }

    private static int run(StringWriter err, String... args) {
        CommandLine commandLine = CivicLinkCommand.commandLine();
        commandLine.setErr(new PrintWriter(err, true));
        commandLine.setOut(new PrintWriter(new StringWriter(), true));
        return commandLine.execute(args);
    }
}
