package org.civiclink.deploy.skeleton;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.civiclink.deploy.TestPorts;
import org.civiclink.deploy.kafka.CivicLinkTopics;
import org.civiclink.deploy.kafka.KafkaBrokerProcess;
import org.civiclink.deploy.kafka.KafkaBrokerSpec;
import org.civiclink.deploy.kafka.KafkaLibs;
import org.civiclink.deploy.postgres.EmbeddedPostgresServer;
import org.civiclink.deploy.postgres.PostgresTarget;
import org.civiclink.deploy.services.ServiceEnvironment;
import org.civiclink.deploy.services.ServiceProcess;
import org.civiclink.deploy.services.ServiceSpec;
import org.civiclink.deploy.simulate.RestPublisher;
import org.civiclink.events.IntakeEvent;
import org.civiclink.events.LinkedEvent;
import org.civiclink.events.Referral;
import org.civiclink.events.topic.Topic;
import org.civiclink.platform.testing.DevTokenIssuer;
import org.civiclink.platform.testing.Eventually;
import org.civiclink.platform.testing.SseClient;
import org.civiclink.platform.testing.TopicReader;
import org.civiclink.simulator.Simulation;
import org.civiclink.simulator.records.SourceRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The walking skeleton across all four packaged services, started the way {@code ./civiclink up}
 * starts them, on a real broker in its own JVM and a real PostgreSQL: an agency posts an intake
 * event; linkage attaches a client id; recommendation proposes a referral and pushes it to the
 * caseworker's open inbox stream (server-sent events); she reads it;
 * audit-service holds an AccessEvent for every use of the person's data on the way.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WalkingSkeletonIT {

    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** "METHOD /v1/path-template" of endpoints marked @NoPersonalData: the only ones exempt from auditing. */
    private static final Set<String> NOT_PERSONAL_DATA = Set.of(
            "GET /v1/audit/checkpoints/latest", // tree size, root hash, signature: no person in it
            "GET /v1/services", "GET /v1/services/{serviceId}"); // the service directory: organizations, not people

    @TempDir
    static Path home;

    private KafkaBrokerProcess broker;
    private EmbeddedPostgresServer embeddedPostgres;
    private PostgresTarget postgres;
    private final Map<ServiceSpec, ServiceProcess> services = new LinkedHashMap<>();
    // HTTP/1.1: with the default h2c upgrade, closing a stream's body early could end the shared connection
    // under the next request ("EOF reached while reading").
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeAll
    void startStack() throws IOException {
        int port = TestPorts.free();
        int controllerPort = TestPorts.free();
        broker = KafkaBrokerProcess.start(new KafkaBrokerSpec(KafkaLibs.locate(), home.resolve("kafka"), home.resolve("config"),
                home.resolve("kafka.log"), home.resolve("kafka-console.log"), "127.0.0.1", port, controllerPort), WAIT);
        CivicLinkTopics.provision(broker.bootstrapServers());

        postgres = PostgresTarget.fromEnvironment(testDatabaseSettings()).orElseGet(() -> {
            embeddedPostgres = EmbeddedPostgresServer.start(home.resolve("postgres"), TestPorts.free(), home.resolve("postgres.log"));
            return embeddedPostgres.target();
        });

        for (ServiceSpec base : ServiceSpec.ALL) {
            ServiceSpec spec = base.withHttpPort(TestPorts.free())
                    .withDatabase(base.database().map(name -> name + "_it_" + UUID.randomUUID().toString().substring(0, 8)));
            spec.database().ifPresent(postgres::createDatabaseIfMissing);
            Map<String, String> env = ServiceEnvironment.forService(spec, broker.bootstrapServers(),
                    Files.createDirectories(home.resolve("streams").resolve(spec.name())), Optional.of(postgres));
            services.put(base, ServiceProcess.start(spec, env, home.resolve(spec.name() + ".log")));
        }
        services.values().forEach(service -> service.awaitReady(WAIT));
    }

    @AfterAll
    void stopStack() {
        services.values().forEach(ServiceProcess::stop);
        if (broker != null) {
            broker.close();
        }
        if (embeddedPostgres != null) {
            embeddedPostgres.close();
        }
    }

    @Test
    void intakeToLinkedToReferralToCaseworkerWithEveryAccessAudited() throws Exception {
        String recordId = "S-" + UUID.randomUUID().toString().substring(0, 8);
        String eventId = "evt-" + UUID.randomUUID();
        // The referral belongs to the team of the agency whose event triggered it; its caseworker watches the inbox stream.
        String caseworker = DevTokenIssuer.issue("it-caseworker", "DHS-SHELTER", "caseworker");
        try (SseClient inbox = SseClient.open(services.get(ServiceSpec.RECOMMENDATION).spec().url("/v1/inbox/stream"),
                caseworker, "REFERRAL")) {
            assertEquals(200, inbox.status());
            intakeToInboxStream(recordId, eventId, caseworker, inbox);
        }
    }

    private void intakeToInboxStream(String recordId, String eventId, String caseworker, SseClient inbox) throws Exception {
        // 1. An agency system posts an intake event.
        HttpResponse<String> posted = post(ServiceSpec.INTAKE, "/v1/events",
                DevTokenIssuer.issue("shelter-system", "DHS-SHELTER", "agency-system"), "TREATMENT", intakeEvent(eventId, recordId));
        assertEquals(202, posted.statusCode(), posted.body());

        // 2. It is on the accepted topic.
        IntakeEvent accepted = TopicReader.await(broker.bootstrapServers(), Topic.INTAKE_ACCEPTED, IntakeEvent.class,
                e -> e.getAgencyEventId().equals(eventId), 1, WAIT).get(0).value();
        assertEquals(recordId, accepted.getPerson().getAgencyRecordId());

        // 3. linkage-service attached a client id.
        LinkedEvent linked = TopicReader.await(broker.bootstrapServers(), Topic.LINKED_EVENTS, LinkedEvent.class,
                e -> e.getEvent().getAgencyEventId().equals(eventId), 1, WAIT).get(0).value();
        String clientId = linked.getClientId();
        assertTrue(clientId.startsWith("C-"), clientId);
        assertEquals("DHS-SHELTER:" + recordId, linked.getRecordId());

        // 4. recommendation-service proposed a referral, with the rule and the facts behind it.
        Referral referral = TopicReader.await(broker.bootstrapServers(), Topic.REFERRALS, Referral.class,
                r -> r.getClientId().equals(clientId), 1, WAIT).get(0).value();
        assertEquals("benefits-screening", referral.getNeed());

        // 5. It is pushed to the caseworker's open inbox stream, and she reads it, declaring the purpose.
        inbox.await(data -> data.contains(referral.getReferralId()), WAIT);
        HttpResponse<String> read = get(ServiceSpec.RECOMMENDATION, "/v1/referrals/" + referral.getReferralId(), caseworker, "REFERRAL");
        assertEquals(200, read.statusCode(), read.body());
        JsonNode body = JSON.readTree(read.body());
        assertEquals(clientId, body.get("clientId").asText());
        assertEquals("DHS-SHELTER", body.get("facts").get(0).get("sourceAgency").asText());

        // 6. audit-service stored an AccessEvent for every use of this person's data on the way.
        Eventually.assertWithin(WAIT, () -> {
            List<String> trail = auditTrail(clientId, "DHS-SHELTER:" + recordId);
            assertTrue(trail.contains("shelter-system|CREATE|POST /v1/events|PERMITTED"), trail.toString());
            assertTrue(trail.contains("linkage-service|PROCESS|topic:" + Topic.INTAKE_ACCEPTED.topicName() + "|PERMITTED"), trail.toString());
            assertTrue(trail.contains("recommendation-service|PROCESS|topic:" + Topic.LINKED_EVENTS.topicName() + "|PERMITTED"), trail.toString());
            assertTrue(trail.contains("it-caseworker|READ|GET /v1/referrals/" + referral.getReferralId() + "|PERMITTED"), trail.toString());
            assertTrue(trail.contains("it-caseworker|READ|GET /v1/inbox/stream|PERMITTED"), trail.toString());
        });

        // 7. The trail those services wrote verifies: every stored entry matches its hash chain.
        String officer = DevTokenIssuer.issue("it-officer", "DOI", "compliance-officer");
        HttpResponse<String> verified = get(ServiceSpec.AUDIT, "/v1/audit/verify", officer, "COMPLIANCE_REVIEW");
        assertEquals(200, verified.statusCode(), verified.body());
        assertTrue(JSON.readTree(verified.body()).get("ok").asBoolean(), verified.body());
    }

    @Test
    void aReadWithoutPurposeIsRefusedAndTheRefusalIsAudited() throws Exception {
        String caseworker = DevTokenIssuer.issue("it-no-purpose", "DHS", "caseworker");
        HttpResponse<String> refused = get(ServiceSpec.RECOMMENDATION, "/v1/inbox", caseworker, null);
        assertEquals(400, refused.statusCode());
        assertEquals("application/problem+json", refused.headers().firstValue("Content-Type").orElse(""));

        Eventually.assertWithin(WAIT, () -> assertTrue(subjectOutcomes("it-no-purpose").contains("DENIED")));
    }

    /** The simulator's publisher drives a small synthetic population through intake into linkage. */
    @Test
    void aSimulatedPopulationIsAcceptedAndLinked() {
        List<SourceRecord> population = new ArrayList<>();
        Simulation.of(99, 20).run(population::add);
        RestPublisher.Result result;
        try (RestPublisher publisher = new RestPublisher(services.get(ServiceSpec.INTAKE).spec().baseUrl(), 0, 4,
                "it-" + UUID.randomUUID() + "-")) {
            population.forEach(publisher::publish);
            result = publisher.finish();
        }
        assertEquals(population.size(), result.sent());
        assertEquals(0, result.failures());
        assertTrue(result.statuses().keySet().stream().allMatch(status -> status >= 200 && status < 300), result.statuses().toString());

        Set<String> recordIds = new java.util.HashSet<>();
        population.forEach(record -> recordIds.add(record.agency() + ":" + record.recordId()));
        TopicReader.await(broker.bootstrapServers(), Topic.LINKED_EVENTS, LinkedEvent.class,
                e -> recordIds.contains(e.getRecordId()), population.size(), WAIT);
    }

    /**
     * Coverage by construction: every operation a service publishes under /v1 in its OpenAPI document
     * is called once, and each call must leave an AccessEvent in the audit database. A new endpoint
     * is covered without anyone listing it; one that escapes the shared audit filter fails here.
     */
    @Test
    void everyEndpointOfEveryServiceLeavesAnAccessEvent() throws Exception {
        String subject = "coverage-" + UUID.randomUUID().toString().substring(0, 8);
        String token = DevTokenIssuer.issue(subject, "DHS-SHELTER",
                "agency-system", "caseworker", "supervisor", "compliance-officer", "admin");
        List<String> called = new ArrayList<>();
        for (ServiceProcess service : services.values()) {
            JsonNode paths = JSON.readTree(http.send(HttpRequest.newBuilder(service.spec().url("/q/openapi?format=json")).GET().build(),
                    HttpResponse.BodyHandlers.ofString()).body()).get("paths");
            for (var path = paths.fields(); path.hasNext(); ) {
                var entry = path.next();
                if (!entry.getKey().startsWith("/v1/")) {
                    continue;
                }
                String concrete = entry.getKey().replaceAll("\\{agency}", "DHS-SHELTER").replaceAll("\\{([^}]+)}", "coverage-$1");
                for (var operation = entry.getValue().fieldNames(); operation.hasNext(); ) {
                    String method = operation.next().toUpperCase();
                    if (NOT_PERSONAL_DATA.contains(method + " " + entry.getKey())) {
                        continue;
                    }
                    HttpRequest.Builder request = request(service.spec().url(concrete), token, "TREATMENT")
                            .method(method, method.equals("GET") || method.equals("DELETE")
                                    ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString("{}"))
                            .header("Content-Type", "application/json");
                    HttpResponse<InputStream> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
                    try (InputStream body = answer.body()) {
                        // A server-sent event stream never ends, and opening it is the access to audit: it is
                        // closed unread. Every other answer is read to its end, so its connection stays usable.
                        if (!answer.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream")) {
                            body.readAllBytes();
                        }
                    }
                    called.add(method + " " + concrete);
                }
            }
        }
        assertTrue(called.size() >= 5, "too few endpoints found: " + called);
        Eventually.assertWithin(WAIT, () -> {
            List<String> audited = query("SELECT endpoint FROM access_event WHERE actor_subject = ?", List.of(subject));
            List<String> missing = called.stream().filter(endpoint -> !audited.contains(endpoint)).toList();
            assertTrue(missing.isEmpty(), "not audited: " + missing);
        });
    }

    @Test
    void everyServiceServesHealthMetricsAndOpenApi() throws Exception {
        for (ServiceProcess service : services.values()) {
            for (String path : List.of("/q/health/live", "/q/health/ready", "/q/metrics", "/q/openapi")) {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(service.spec().url(path)).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(200, response.statusCode(), service.spec().name() + path);
            }
        }
    }

    /** The same CIVICLINK_TEST_DB_* settings the service tests use, in the launcher's terms. */
    private static Map<String, String> testDatabaseSettings() {
        Map<String, String> settings = new LinkedHashMap<>();
        Map.of(PostgresTarget.URL_ENV, "CIVICLINK_TEST_DB_URL", PostgresTarget.USER_ENV, "CIVICLINK_TEST_DB_USER",
                        PostgresTarget.PASSWORD_ENV, "CIVICLINK_TEST_DB_PASSWORD")
                .forEach((launcherName, testName) -> {
                    String value = System.getenv(testName);
                    if (value != null) {
                        settings.put(launcherName, value);
                    }
                });
        return settings;
    }

    private List<String> auditTrail(String clientId, String recordId) {
        String sql = "SELECT actor_subject, action, endpoint, outcome FROM access_event "
                + "WHERE ? = ANY(client_ids) OR ? = ANY(record_ids) ORDER BY occurred_at";
        return query(sql, List.of(clientId, recordId));
    }

    private List<String> subjectOutcomes(String subject) {
        return query("SELECT outcome FROM access_event WHERE actor_subject = ?", List.of(subject));
    }

    private List<String> query(String sql, List<String> parameters) {
        String database = services.get(ServiceSpec.AUDIT).spec().database().orElseThrow();
        try (Connection connection = java.sql.DriverManager.getConnection(postgres.jdbcUrl(database), postgres.user(), postgres.password());
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.size(); i++) {
                statement.setString(i + 1, parameters.get(i));
            }
            List<String> rows = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                int columns = result.getMetaData().getColumnCount();
                while (result.next()) {
                    List<String> row = new ArrayList<>();
                    for (int c = 1; c <= columns; c++) {
                        row.add(result.getString(c));
                    }
                    rows.add(String.join("|", row));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> post(ServiceSpec service, String path, String token, String purpose, String json) throws Exception {
        HttpRequest.Builder request = request(service, path, token, purpose)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(ServiceSpec service, String path, String token, String purpose) throws Exception {
        return http.send(request(service, path, token, purpose).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(ServiceSpec service, String path, String token, String purpose) {
        return request(services.get(service).spec().url(path), token, purpose);
    }

    private static HttpRequest.Builder request(URI uri, String token, String purpose) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token);
        if (purpose != null) {
            request.header("Purpose-Of-Use", purpose);
        }
        return request;
    }

    private static String intakeEvent(String eventId, String recordId) {
        return """
                {"agencyCode":"DHS-SHELTER","agencyEventId":"%s","eventType":"shelter.entry","occurredAt":"2026-11-30T20:15:00Z",
                 "person":{"agencyRecordId":"%s","names":[{"given":"Dana","family":"Okafor-%s","use":"OFFICIAL"}],
                   "dateOfBirth":"1979-06-21","sex":"F"},
                 "facts":[{"category":"housing","code":"shelter-entry","value":"Single adult shelter","effectiveFrom":"2026-11-30",
                   "dataCategory":"housing","source":{"agencyCode":"DHS-SHELTER","verification":"SYSTEM_VERIFIED"}}]}
                """.formatted(eventId, recordId, recordId);
    }
}
