package org.civiclink.deploy.services;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.civiclink.deploy.StackException;
import org.civiclink.deploy.TestPorts;
import org.civiclink.deploy.postgres.PostgresTarget;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceProcessTest {

    @TempDir
    Path repoRoot;

    @Test
    void startsWithTheEnvironmentWaitsUntilReadyAndStops() throws IOException {
        ServiceSpec spec = ServiceSpec.LINKAGE.withHttpPort(TestPorts.free());
        Path jar = fakeServiceJar(spec);
        Map<String, String> env = ServiceEnvironment.forService(spec, "127.0.0.1:1", repoRoot.resolve("streams"), Optional.empty());

        ServiceProcess service = ServiceProcess.start(spec, jar, env, repoRoot.resolve("logs/linkage-service.log"), List.of());
        try {
            assertTrue(service.awaitReady(Duration.ofSeconds(30)).isReady());
            assertTrue(String.join("\n", service.logTail(5)).contains("KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:1"));
        } finally {
            service.stop(Duration.ofSeconds(10));
        }
        assertFalse(service.isAlive());
        assertTrue(String.join("\n", service.logTail(5)).contains("fake service stopping"), "SIGTERM lets the JVM shut down cleanly");
    }

    @Test
    void aServiceThatExitsFailsFastWithTheTailOfItsLog() throws IOException {
        ServiceSpec spec = ServiceSpec.LINKAGE.withHttpPort(TestPorts.free());
        Path jar = fakeServiceJar(spec);
        Map<String, String> env = new HashMap<>(ServiceEnvironment.forService(spec, "127.0.0.1:1", repoRoot.resolve("streams"), Optional.empty()));
        env.put("FAKE_MODE", "crash");

        try (ServiceProcess service = ServiceProcess.start(spec, jar, env, repoRoot.resolve("logs/linkage-service.log"), List.of())) {
            ServiceNotReadyException e = assertThrows(ServiceNotReadyException.class, () -> service.awaitReady(Duration.ofSeconds(30)));
            assertTrue(e.getMessage().contains("exit 7"), e.getMessage());
            assertTrue(e.getMessage().contains("fatal: cannot connect to anything"), e.getMessage());
            assertEquals(spec, e.spec());
        }
    }

    @Test
    void aMissingJarIsNamedWithTheWayToBuildIt() {
        ServiceSpec spec = ServiceSpec.AUDIT;
        StackException e = assertThrows(StackException.class,
                () -> ServiceProcess.start(spec, spec.jar(repoRoot), Map.of(), repoRoot.resolve("audit.log"), List.of()));
        assertTrue(e.getMessage().contains(spec.jar(repoRoot).toString()), e.getMessage());
        assertTrue(e.getMessage().contains("./civiclink up --build"), e.getMessage());

        StackException all = assertThrows(StackException.class, () -> ServiceJars.requirePresent(repoRoot, ServiceSpec.ALL));
        ServiceSpec.ALL.forEach(s -> assertTrue(all.getMessage().contains(s.jar(repoRoot).toString())));
    }

    @Test
    void pointsServicesAtTheStackAndTrustsTheDevelopmentKey() {
        PostgresTarget postgres = new PostgresTarget("jdbc:postgresql://127.0.0.1:15432/postgres", "postgres", "postgres", true);
        Map<String, String> recommendation = ServiceEnvironment.forService(ServiceSpec.RECOMMENDATION, "127.0.0.1:19092",
                Path.of("/state/streams/recommendation-service"), Optional.of(postgres));
        assertEquals("8083", recommendation.get("QUARKUS_HTTP_PORT"));
        assertEquals("127.0.0.1:19092", recommendation.get("KAFKA_BOOTSTRAP_SERVERS"));
        assertEquals("127.0.0.1:19092", recommendation.get("QUARKUS_KAFKA_STREAMS_BOOTSTRAP_SERVERS"));
        assertEquals("/state/streams/recommendation-service", recommendation.get("KAFKA_STREAMS_STATE_DIR"));
        assertEquals("jdbc:postgresql://127.0.0.1:15432/civiclink_recommendation", recommendation.get("QUARKUS_DATASOURCE_JDBC_URL"));
        assertEquals("postgres", recommendation.get("QUARKUS_DATASOURCE_USERNAME"));
        assertTrue(recommendation.get("MP_JWT_VERIFY_PUBLICKEY").contains("BEGIN PUBLIC KEY"));
        assertEquals("https://civiclink.local/dev", recommendation.get("MP_JWT_VERIFY_ISSUER"));

        Map<String, String> linkage = ServiceEnvironment.forService(ServiceSpec.LINKAGE, "b:1", Path.of("/s"), Optional.empty());
        assertFalse(linkage.containsKey("QUARKUS_DATASOURCE_JDBC_URL"));
        assertThrows(IllegalArgumentException.class,
                () -> ServiceEnvironment.forService(ServiceSpec.INTAKE, "b:1", Path.of("/s"), Optional.empty()));
        assertThrows(IllegalArgumentException.class,
                () -> ServiceEnvironment.forService(ServiceSpec.AUDIT, "b:1", Path.of("/s"), Optional.empty()));
    }

    private Path fakeServiceJar(ServiceSpec spec) throws IOException {
        return FakeServiceJars.install(repoRoot, spec);
    }
}
