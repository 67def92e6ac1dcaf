package org.civiclink.audit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.civiclink.audit.chain.CanonicalForm;
import org.civiclink.events.AccessEvent;
import org.civiclink.events.topic.Topic;
import org.civiclink.platform.testing.DevTokenIssuer;
import org.civiclink.platform.testing.Eventually;
import org.civiclink.platform.testing.KafkaBroker;
import org.civiclink.platform.testing.PostgresServer;
import org.junit.jupiter.api.Test;

import io.restassured.path.json.JsonPath;

/**
 * Kills the packaged audit-service (target/quarkus-app/quarkus-run.jar, a child process) with
 * SIGKILL while it is storing a batch, starts it again, and checks that every AccessEvent is stored
 * exactly once and the chain verifies. The real broker runs in this JVM, the real PostgreSQL beside
 * it; the service runs as in production: Flyway as the owner, the service as the limited app role.
 */
class KillMidBatchIT {

    /** Distinct events; every 10th is also sent a second time, as a producer retry would. */
    private static final int EVENTS = Integer.getInteger("kill-test.events", 40_000);
    private static final String MARKER = "GET /v1/kill-mid-batch-test";
    private static final Duration WAIT = Duration.ofMinutes(10);
    private static final Path TARGET = Path.of(System.getProperty("civiclink.target", "target"));

    @Test
    void nothingIsLostOrDoubledWhenTheServiceIsKilledInTheMiddleOfABatch() throws Exception {
        PostgresServer.Database database = PostgresServer.freshDatabase("civiclink_audit_kill");
        AuditDatabaseTestResource.prepareAppRole(database);
        String bootstrap = KafkaBroker.bootstrapServers();
        publish(bootstrap);

        int port = freePort();
        Path publicKey = Files.writeString(TARGET.resolve("kill-test-jwt-public.pem"), DevTokenIssuer.publicKeyPem());
        List<String> command = command(database, bootstrap, port, publicKey);

        Process first = start(command, "first");
        long storedAtKill;
        boolean transactionOpenAtKill;
        try (Connection admin = admin(database)) {
            // Wait until the service is part-way through the events and a transaction of the app role is open, then kill it.
            Probe probe = new Probe(admin);
            Eventually.assertWithin(WAIT, () -> assertTrue(probe.midBatch() || !first.isAlive(),
                    "the service has not yet stored a part of the events with a transaction open"));
            transactionOpenAtKill = probe.transactionOpen;
            first.destroyForcibly();
            first.waitFor();
            storedAtKill = stored(admin);
            System.out.printf("KILL-TEST killed the service with %d of %d events committed, transaction open: %s%n",
                    storedAtKill, EVENTS, transactionOpenAtKill);
            assertTrue(storedAtKill > 0 && storedAtKill < EVENTS, "killed mid-stream: " + storedAtKill + " of " + EVENTS + " stored");
            assertTrue(transactionOpenAtKill, "a storing transaction was open when the service was killed");

            Process second = start(command, "second");
            try {
                Eventually.assertWithin(WAIT, () -> assertEquals(EVENTS, stored(admin), "events stored after the restart"));
                try (Statement statement = admin.createStatement();
                     ResultSet rs = statement.executeQuery("SELECT count(*), count(DISTINCT event_id) FROM access_event WHERE endpoint = '"
                             + MARKER + "'")) {
                    rs.next();
                    assertEquals(EVENTS, rs.getLong(1), "rows");
                    assertEquals(EVENTS, rs.getLong(2), "distinct event ids");
                }
                String officer = DevTokenIssuer.issue("officer-kill-test", "DOI", "compliance-officer");
                Eventually.assertWithin(WAIT, () -> given().port(port).auth().oauth2(officer).header("Purpose-Of-Use", "COMPLIANCE_REVIEW")
                        .when().get("/v1/audit/verify").then().statusCode(200));
                JsonPath report = given().port(port).auth().oauth2(officer).header("Purpose-Of-Use", "COMPLIANCE_REVIEW")
                        .when().get("/v1/audit/verify").then().statusCode(200).body("ok", equalTo(true)).extract().jsonPath();
                assertTrue(report.getLong("entriesChecked") >= EVENTS, report.prettify());
                try (Statement statement = admin.createStatement();
                     ResultSet rs = statement.executeQuery("SELECT count(*), min(seq), max(seq) FROM access_event")) {
                    rs.next();
                    assertEquals(rs.getLong(1), rs.getLong(3), "sequence numbers are gapless");
                    assertEquals(1, rs.getLong(2));
                }
            } finally {
                second.destroy();
                second.waitFor();
            }
        } finally {
            first.destroyForcibly();
        }
    }

    /** Watches the database from outside: committed rows, and whether the service's role has a transaction open. */
    private static final class Probe {
        private final Connection admin;
        boolean transactionOpen;

        Probe(Connection admin) {
            this.admin = admin;
        }

        boolean midBatch() {
            try {
                long stored = stored(admin);
                if (stored < EVENTS / 10 || stored > EVENTS * 9L / 10) {
                    return false;
                }
                try (Statement statement = admin.createStatement();
                     ResultSet rs = statement.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE usename = '"
                             + AuditDatabaseTestResource.APP_ROLE + "' AND datname = current_database() AND xact_start IS NOT NULL "
                             + "AND state <> 'idle'")) {
                    rs.next();
                    transactionOpen = rs.getLong(1) > 0;
                }
                return transactionOpen;
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static long stored(Connection admin) {
        try (Statement statement = admin.createStatement();
             ResultSet rs = statement.executeQuery("SELECT count(*) FROM access_event WHERE endpoint = '" + MARKER + "'")) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            // The tables appear only once the service has migrated the database.
            return 0;
        }
    }

    /**
     * Every event must be in the topic before the count means anything: a send that failed (the
     * broker shares this busy JVM) is sent again, as a producer retry would, until it is acknowledged.
     */
    private static void publish(String bootstrap) throws InterruptedException {
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
            List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
            List<Future<RecordMetadata>> sent = new ArrayList<>();
            for (int i = 0; i < EVENTS; i++) {
                AccessEvent event = Accesses.read("kill-" + (i % 100), "C-" + (i % 3000), Instant.parse("2026-01-06T10:00:00Z").plusMillis(i))
                        .setEventId(UUID.randomUUID().toString()).setEndpoint(MARKER).build();
                ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topic.ACCESS_EVENTS.topicName(), event.getEventId(),
                        CanonicalForm.of(event));
                records.add(record);
                sent.add(producer.send(record));
                if (i % 10 == 0) {
                    producer.send(record);
                }
            }
            producer.flush();
            for (int i = 0; i < records.size(); i++) {
                acknowledged(producer, records.get(i), sent.get(i));
            }
        }
    }

    private static void acknowledged(KafkaProducer<String, byte[]> producer, ProducerRecord<String, byte[]> record,
                                     Future<RecordMetadata> first) throws InterruptedException {
        Future<RecordMetadata> attempt = first;
        for (int tries = 1; ; tries++) {
            try {
                attempt.get();
                return;
            } catch (ExecutionException e) {
                if (tries == 5) {
                    throw new IllegalStateException("the test broker did not take an event", e.getCause());
                }
                attempt = producer.send(record);
            }
        }
    }

    private static List<String> command(PostgresServer.Database database, String bootstrap, int port, Path publicKey) {
        Path jar = TARGET.resolve("quarkus-app/quarkus-run.jar");
        assertTrue(Files.exists(jar), jar + " is built by the package phase");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-Dquarkus.http.port=" + port,
                // It trusts the development token key: never listen beyond loopback.
                "-Dquarkus.http.host=127.0.0.1",
                "-Dkafka.bootstrap.servers=" + bootstrap,
                "-Dquarkus.datasource.jdbc.url=" + AuditDatabaseTestResource.withoutUser(database.jdbcUrl()),
                "-Dquarkus.datasource.username=" + AuditDatabaseTestResource.APP_ROLE,
                "-Dquarkus.datasource.password=" + AuditDatabaseTestResource.APP_PASSWORD,
                "-Dquarkus.flyway.username=" + database.username(),
                "-Dquarkus.flyway.password=" + database.password(),
                "-Dciviclink.audit.db.app-password=" + AuditDatabaseTestResource.APP_PASSWORD,
                "-Dciviclink.audit.checkpoint.every=off",
                "-Dmp.jwt.verify.publickey.location=file:" + publicKey.toAbsolutePath(),
                "-Djava.io.tmpdir=" + TARGET.toAbsolutePath()));
        command.addAll(List.of("-jar", jar.toString()));
        return command;
    }

    private static Process start(List<String> command, String name) throws IOException {
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(TARGET.resolve("kill-test-" + name + ".log").toFile()).start();
    }

    private static Connection admin(PostgresServer.Database database) throws SQLException {
        return DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
