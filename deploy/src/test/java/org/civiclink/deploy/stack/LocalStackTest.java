package org.civiclink.deploy.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.civiclink.deploy.StackException;
import org.civiclink.deploy.TestPorts;
import org.civiclink.deploy.demo.DemoFeed;
import org.civiclink.deploy.kafka.CivicLinkTopics;
import org.civiclink.deploy.kafka.KafkaLibs;
import org.civiclink.deploy.layout.PortGuard;
import org.civiclink.deploy.layout.StackLayout;
import org.civiclink.deploy.process.Jit;
import org.civiclink.deploy.process.PidFiles;
import org.civiclink.deploy.process.PidRecord;
import org.civiclink.deploy.services.FakeService;
import org.civiclink.deploy.services.FakeServiceJars;
import org.civiclink.deploy.services.ServiceProcess;
import org.civiclink.deploy.services.ServiceSpec;
import org.civiclink.events.topic.Topic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What "up" does, without the CLI and with stand-in services (the real ones are tested end to end
 * by the integration test): a real broker and embedded PostgreSQL, databases, topics, four service
 * JVMs with their environment, the demo feed, and an orderly stop.
 */
class LocalStackTest {

    @TempDir
    Path repoRoot;

    @Test
    void startsEverythingInOneFolderLoadsTheDemoAndStopsInOrder() throws IOException {
        Path home = repoRoot.resolve(".civiclink");
        StackLayout layout = new StackLayout(repoRoot, home, "127.0.0.1", TestPorts.free(), TestPorts.free(), TestPorts.free());
        List<ServiceSpec> services = new ArrayList<>();
        for (ServiceSpec spec : ServiceSpec.ALL) {
            services.add(spec.withHttpPort(TestPorts.free()));
            FakeServiceJars.install(repoRoot, spec);
        }
        LocalStack.Options options = LocalStack.Options.defaults().withServices(services).withServiceReadyTimeout(Duration.ofSeconds(30))
                .withJit(Jit.QUICK_START);
        List<String> progress = new ArrayList<>();
        PidFiles pids = new PidFiles(layout.runDir());
        List<ServiceProcess> started;

        try (LocalStack stack = new LocalStack(layout, KafkaLibs.locate(), Optional.empty(), options, progress::add).start()) {
            started = stack.services();
            // The chosen compilation reaches every JVM of the stack, the broker's too.
            for (long pid : List.of(started.get(0).pid(), pids.read("kafka").orElseThrow().pid())) {
                assertTrue(commandLine(pid).contains("-XX:TieredStopAtLevel=1"), commandLine(pid));
            }
            assertEquals(Optional.of(FakeService.REFERRAL_ID), stack.demoReferralId(), progress.toString());
            assertTrue(CivicLinkTopics.list(layout.kafkaBootstrap()).containsAll(
                    Arrays.stream(Topic.values()).map(Topic::topicName).collect(Collectors.toSet())));
            assertTrue(stack.postgres().databaseExists("civiclink_recommendation"));
            assertTrue(stack.postgres().databaseExists("civiclink_audit"));
            assertEquals(List.of("audit-service", "intake-service", "kafka", "launcher", "linkage-service", "postgres",
                    "recommendation-service"), pids.all().stream().map(PidRecord::name).toList());

            String auditLog = Files.readString(layout.logFile("audit-service"));
            assertTrue(auditLog.contains("QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:" + layout.postgresPort()
                    + "/civiclink_audit"), auditLog);
            String intakeLog = Files.readString(layout.logFile("intake-service"));
            assertEquals(DemoFeed.fromClasspath().events().size(), intakeLog.lines().filter(l -> l.startsWith("event received: authorized")).count(),
                    intakeLog);
            assertTrue(Files.isDirectory(layout.streamsStateDir("linkage-service")));

            StackException second = assertThrows(StackException.class,
                    () -> new LocalStack(layout, KafkaLibs.locate(), Optional.empty(), options, line -> { }).start());
            assertTrue(second.getMessage().contains("./civiclink down"), second.getMessage());
        }

        started.forEach(service -> assertFalse(service.isAlive(), service.spec().name()));
        assertTrue(pids.all().isEmpty(), "close removes the pid files");
        assertTrue(PortGuard.isFree("127.0.0.1", layout.kafkaPort()));
        assertTrue(PortGuard.isFree("127.0.0.1", layout.postgresPort()));
        assertTrue(Files.isDirectory(layout.kafkaDataDir()) && Files.isDirectory(layout.postgresDataDir()), "state is kept");
    }

    @Test
    void refusesToStartWhenAServiceIsNotBuilt() {
        StackLayout layout = new StackLayout(repoRoot, repoRoot.resolve(".civiclink"), "127.0.0.1",
                TestPorts.free(), TestPorts.free(), TestPorts.free());
        StackException e = assertThrows(StackException.class, () -> new LocalStack(layout, KafkaLibs.locate(), Optional.empty(),
                LocalStack.Options.defaults(), line -> { }).start());
        assertTrue(e.getMessage().contains("intake-service/target/quarkus-app/quarkus-run.jar"), e.getMessage());
        assertTrue(e.getMessage().contains("./civiclink up --build"), e.getMessage());
        assertFalse(Files.exists(layout.home()), "nothing was started or written");
    }

    @Test
    void compilesForThroughputUnlessAskedForAQuickStart() {
        assertEquals(Jit.FULL, LocalStack.Options.defaults().jit());
        assertFalse(ServiceProcess.jvmOptions(Jit.FULL).stream().anyMatch(option -> option.startsWith("-XX:TieredStopAtLevel")));
        assertTrue(ServiceProcess.jvmOptions(Jit.QUICK_START).contains("-XX:TieredStopAtLevel=1"));
    }

    private static String commandLine(long pid) {
        return ProcessHandle.of(pid).flatMap(process -> process.info().arguments()).map(args -> String.join(" ", args)).orElse("");
    }
}
