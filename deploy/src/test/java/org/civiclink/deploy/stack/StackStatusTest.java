package org.civiclink.deploy.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.civiclink.deploy.TestPorts;
import org.civiclink.deploy.cli.CivicLinkCommand;
import org.civiclink.deploy.layout.PortGuard;
import org.civiclink.deploy.layout.StackLayout;
import org.civiclink.deploy.services.ServiceSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

class StackStatusTest {

    @Test
    void reportsEverythingDownWhenNothingRuns(@TempDir Path home) {
        StackLayout layout = new StackLayout(home, home, "127.0.0.1", TestPorts.free(), TestPorts.free(), TestPorts.free());
        List<ServiceSpec> services = ServiceSpec.ALL.stream().map(spec -> spec.withHttpPort(TestPorts.free())).toList();

        List<ComponentStatus> statuses = StackStatus.check(layout, Optional.empty(), services);

        assertEquals(2 + services.size(), statuses.size());
        assertTrue(statuses.stream().noneMatch(ComponentStatus::up));
        assertFalse(StackStatus.allUp(statuses));
        assertTrue(statuses.get(0).render().startsWith("kafka"));
    }

    @Test
    void theCommandExitsWith3WhenTheStackIsDown(@TempDir Path home) {
        assumeTrue(PortGuard.isFree("127.0.0.1", StackLayout.KAFKA_PORT) && PortGuard.isFree("127.0.0.1", StackLayout.POSTGRES_PORT)
                && ServiceSpec.ALL.stream().allMatch(spec -> PortGuard.isFree("127.0.0.1", spec.httpPort())),
                "something of a local stack runs on this machine");
        StringWriter out = new StringWriter();
        CommandLine commandLine = CivicLinkCommand.commandLine();
        commandLine.setOut(new PrintWriter(out));

        assertEquals(3, commandLine.execute("status", "--home", home.toString()));
        List<String> lines = out.toString().lines().toList();
        assertEquals(6, lines.size(), out.toString());
        assertTrue(lines.stream().allMatch(line -> line.contains(" down ")), out.toString());
    }
}
