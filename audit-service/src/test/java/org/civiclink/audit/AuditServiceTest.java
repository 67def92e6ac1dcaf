package org.civiclink.audit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.civiclink.audit.Accesses.asOfficer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.security.KeyFactory;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.civiclink.events.AccessEvent;
import org.civiclink.audit.ingest.IsolatingAppender;
import org.civiclink.audit.merkle.CheckpointService;
import org.civiclink.audit.merkle.Rfc9162Verifier;
import org.civiclink.events.topic.DeadLetterHeaders;
import org.civiclink.events.topic.Topic;
import org.civiclink.events.wire.AvroCodec;
import org.civiclink.platform.audit.AccessEvents;
import org.civiclink.platform.security.PurposeOfUse;
import org.civiclink.platform.testing.DeadLetterReader;
import org.civiclink.platform.testing.DevTokenIssuer;
import org.civiclink.platform.testing.Eventually;
import org.civiclink.platform.testing.KafkaTestResource;
import org.civiclink.platform.testing.TopicWriter;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * AccessEvents from the real broker land once in the real database, chained, append-only,
 * checkpointed and verifiable, and are searchable.
 */
@QuarkusTest
@QuarkusTestResource(value = KafkaTestResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = AuditDatabaseTestResource.class, restrictToAnnotatedClass = true)
class AuditServiceTest {

    @Inject
    CheckpointService checkpoints;

    @Inject
    IsolatingAppender appender;

    private static final AvroCodec<AccessEvent> ACCESS_EVENT = AvroCodec.of(AccessEvent.class);

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void storesEachAccessEventOnceAndFindsItByClient() {
        String clientId = "C-" + UUID.randomUUID();
        AccessEvent event = Accesses.read(clientId);
        TopicWriter.send(Topic.ACCESS_EVENTS, event.getEventId(), event);
        TopicWriter.send(Topic.ACCESS_EVENTS, event.getEventId(), event);

        Eventually.assertWithin(WAIT, () -> asOfficer().queryParam("clientId", clientId).queryParam("subject", "caseworker-9")
                .when().get("/v1/audit/events")
                .then().statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].eventId", equalTo(event.getEventId()))
                .body("items[0].subject", equalTo("caseworker-9"))
                .body("items[0].purposeOfUse", equalTo("REFERRAL"))
                .body("items[0].outcome", equalTo("PERMITTED")));
    }

    @Test
    void complianceReadsAreThemselvesAudited() {
        String officer = DevTokenIssuer.issue("officer-" + UUID.randomUUID(), "DOI", "compliance-officer");
        given().auth().oauth2(officer).header("Purpose-Of-Use", "COMPLIANCE_REVIEW")
                .when().get("/v1/audit/events").then().statusCode(200);

        Eventually.assertWithin(WAIT, () -> asOfficer().queryParam("outcome", "PERMITTED")
                .when().get("/v1/audit/events")
                .then().statusCode(200)
                .body("items.endpoint", hasItems("GET /v1/audit/events"))
                .body("items.service", hasItems("audit-service")));
    }

    @Test
    void onlyComplianceOfficersMaySearch() {
        String caseworker = DevTokenIssuer.issue("cw-audit", "DHS", "caseworker");
        given().auth().oauth2(caseworker).header("Purpose-Of-Use", "COMPLIANCE_REVIEW")
                .when().get("/v1/audit/events")
                .then().statusCode(403).contentType("application/problem+json");

        Eventually.assertWithin(WAIT, () -> asOfficer().queryParam("subject", "cw-audit")
                .when().get("/v1/audit/events")
                .then().statusCode(200)
                .body("items[0].outcome", equalTo("DENIED"))
                .body("items[0].httpStatus", equalTo(403)));
    }

    @Test
    void undecodableEventGoesToDeadLetterAndIngestionGoesOn() {
        String key = "bad-" + UUID.randomUUID();
        TopicWriter.sendBytes(Topic.ACCESS_EVENTS, key, "{not avro}".getBytes(StandardCharsets.UTF_8));
        String clientId = "C-" + UUID.randomUUID();
        AccessEvent after = Accesses.read(clientId);
        TopicWriter.send(Topic.ACCESS_EVENTS, after.getEventId(), after);

        var deadLetter = DeadLetterReader.await(Topic.AUDIT_DEAD_LETTER, key, WAIT);
        assertEquals("{not avro}", new String(deadLetter.value(), StandardCharsets.UTF_8));
        assertTrue(DeadLetterReader.headersText(deadLetter).contains("Not an Avro single-object message"),
                DeadLetterReader.headersText(deadLetter));
        Eventually.assertWithin(WAIT, () -> asOfficer().queryParam("clientId", clientId).queryParam("subject", "caseworker-9")
                .when().get("/v1/audit/events")
                .then().statusCode(200).body("total", equalTo(1)));
    }

    @Test
    void anEventTheDatabaseRefusesGoesToDeadLetterAndTheEventsAfterItAreStored() {
        String clientId = "C-" + UUID.randomUUID();
        AccessEvent before = Accesses.read(clientId);
        AccessEvent poison = tooLongForItsColumn(clientId);
        AccessEvent after = Accesses.read(clientId);
        String poisonKey = "poison-" + UUID.randomUUID();
        byte[] poisonBytes = ACCESS_EVENT.encode(poison);
        // One produce request to one partition: the three usually reach the consumer in one poll, in this order.
        TopicWriter.sendTogether(Topic.ACCESS_EVENTS, 0, List.of(Map.entry(before.getEventId(), ACCESS_EVENT.encode(before)),
                Map.entry(poisonKey, poisonBytes), Map.entry(after.getEventId(), ACCESS_EVENT.encode(after))));

        var deadLetter = DeadLetterReader.await(Topic.AUDIT_DEAD_LETTER, poisonKey, WAIT);
        assertArrayEquals(poisonBytes, deadLetter.value());
        String headers = DeadLetterReader.headersText(deadLetter);
        assertTrue(headers.contains(DeadLetterHeaders.REASON + "=Refused by the database: SQLState 22001 (string_data_right_truncation)"),
                headers);
        assertTrue(headers.contains(DeadLetterHeaders.SOURCE_TOPIC + "=" + Topic.ACCESS_EVENTS.topicName()), headers);
        Eventually.assertWithin(WAIT, () -> asOfficer().queryParam("clientId", clientId).when().get("/v1/audit/events")
                .then().statusCode(200).body("total", equalTo(2))
                .body("items.eventId", containsInAnyOrder(before.getEventId(), after.getEventId())));
        asOfficer().when().get("/v1/audit/verify").then().statusCode(200).body("ok", equalTo(true));
    }

    @Test
    void aBatchTheDatabaseRefusesIsAppendedOneByOneLeavingOutOnlyTheRefusedEvent() {
        String clientId = "C-" + UUID.randomUUID();
        Instant at = Instant.now();
        AccessEvent first = Accesses.read("caseworker-9", clientId, at).build();
        AccessEvent poison = tooLongForItsColumn(clientId);
        AccessEvent last = Accesses.read("caseworker-9", clientId, at.plusSeconds(1)).build();

        List<IsolatingAppender.Refused<AccessEvent>> refused = appender.append(List.of(first, poison, last), event -> event);

        assertEquals(1, refused.size(), refused.toString());
        assertSame(poison, refused.get(0).item());
        assertEquals("22001", refused.get(0).rejection().sqlState());
        JsonPath stored = asOfficer().queryParam("clientId", clientId).when().get("/v1/audit/events").then().statusCode(200)
                .extract().jsonPath();
        // Newest first; appended in the order given.
        assertEquals(List.of(last.getEventId(), first.getEventId()), stored.getList("items.eventId"), stored.prettify());
        assertTrue(stored.getLong("items[1].sequence") < stored.getLong("items[0].sequence"), stored.prettify());
        asOfficer().when().get("/v1/audit/verify").then().statusCode(200).body("ok", equalTo(true));
    }

    /** event_id is VARCHAR(64): such an event decodes, but no INSERT can store it. */
    private static AccessEvent tooLongForItsColumn(String clientId) {
        return Accesses.read("caseworker-9", clientId, Instant.now()).setEventId("poison-" + "x".repeat(80)).build();
    }

    @Test
    void searchesATimeRangeFromInclusiveToExclusive() {
        String subject = "cw-range-" + UUID.randomUUID();
        Instant start = Instant.parse("2026-04-06T09:00:00Z");
        List<AccessEvent> hourly = new java.util.ArrayList<>();
        for (int hour = 0; hour < 4; hour++) {
            AccessEvent event = Accesses.read(subject, "C-" + UUID.randomUUID(), start.plusSeconds(3600L * hour)).build();
            hourly.add(event);
            TopicWriter.send(Topic.ACCESS_EVENTS, event.getEventId(), event);
        }
        Eventually.assertWithin(WAIT, () -> asOfficer().queryParam("subject", subject).when().get("/v1/audit/events")
                .then().statusCode(200).body("total", equalTo(4)));

        asOfficer().queryParam("subject", subject).queryParam("from", start.plusSeconds(3600).toString())
                .queryParam("to", start.plusSeconds(3 * 3600).toString()).when().get("/v1/audit/events")
                .then().statusCode(200).body("total", equalTo(2))
                .body("items.eventId", equalTo(List.of(hourly.get(2).getEventId(), hourly.get(1).getEventId())));
        asOfficer().queryParam("subject", subject).queryParam("from", start.plusSeconds(2 * 3600).toString())
                .when().get("/v1/audit/events")
                .then().statusCode(200).body("items.eventId", equalTo(List.of(hourly.get(3).getEventId(), hourly.get(2).getEventId())));
        asOfficer().queryParam("subject", subject).queryParam("to", start.plusSeconds(3600).toString())
                .when().get("/v1/audit/events")
                .then().statusCode(200).body("items.eventId", equalTo(List.of(hourly.get(0).getEventId())));
    }

    @Test
    void laterPagesContinueWhereTheFirstEndedAndCountEverything() {
        String subject = "cw-paging-" + UUID.randomUUID();
        Instant start = Instant.parse("2026-04-07T09:00:00Z");
        List<String> newestFirst = new java.util.ArrayList<>();
        for (int minute = 0; minute < 5; minute++) {
            AccessEvent event = Accesses.read(subject, "C-" + UUID.randomUUID(), start.plusSeconds(60L * minute)).build();
            newestFirst.add(0, event.getEventId());
            TopicWriter.send(Topic.ACCESS_EVENTS, event.getEventId(), event);
        }
        Eventually.assertWithin(WAIT, () -> asOfficer().queryParam("subject", subject).when().get("/v1/audit/events")
                .then().statusCode(200).body("total", equalTo(5)));

        for (int page = 0; page < 3; page++) {
            asOfficer().queryParam("subject", subject).queryParam("page", page).queryParam("size", 2).when().get("/v1/audit/events")
                    .then().statusCode(200).body("page", equalTo(page)).body("size", equalTo(2)).body("total", equalTo(5))
                    .body("items.eventId", equalTo(newestFirst.subList(2 * page, Math.min(2 * page + 2, 5))));
        }
        asOfficer().queryParam("subject", subject).queryParam("page", 3).queryParam("size", 2).when().get("/v1/audit/events")
                .then().statusCode(200).body("total", equalTo(5)).body("items", hasSize(0));
    }

    @Test
    void badPagingIsAProblem() {
        asOfficer().queryParam("size", 100000).when().get("/v1/audit/events")
                .then().statusCode(400).contentType("application/problem+json");
    }


    @Test
    void searchesByAgencyAndPurpose() {
        String clientId = "C-" + UUID.randomUUID();
        AccessEvent shelter = Accesses.read("cw-agency", clientId, java.time.Instant.now())
                .setActor(org.civiclink.events.Actor.newBuilder().setSubject("cw-agency").setRoles(List.of("caseworker"))
                        .setAgencyCode("DHS-SHELTER").build())
                .setPurposeOfUse("TREATMENT").build();
        AccessEvent benefits = Accesses.read("cw-agency", clientId, java.time.Instant.now()).build();
        TopicWriter.send(Topic.ACCESS_EVENTS, shelter.getEventId(), shelter);
        TopicWriter.send(Topic.ACCESS_EVENTS, benefits.getEventId(), benefits);

        // Keyed by event id, the two may land on different partitions and so in different polls: wait for both.
        Eventually.assertWithin(WAIT, () -> asOfficer().queryParam("clientId", clientId).queryParam("subject", "cw-agency")
                .when().get("/v1/audit/events").then().statusCode(200).body("total", equalTo(2)));
        asOfficer().queryParam("clientId", clientId).queryParam("agency", "DHS-SHELTER").queryParam("purpose", "TREATMENT")
                .when().get("/v1/audit/events")
                .then().statusCode(200).body("total", equalTo(1)).body("items[0].eventId", equalTo(shelter.getEventId()));
    }

    @Test
    void theApplicationRoleMayNotChangeHistoryAndTheTriggerStopsEvenTheOwner() throws SQLException {
        AccessEvent event = Accesses.read("C-" + UUID.randomUUID());
        TopicWriter.send(Topic.ACCESS_EVENTS, event.getEventId(), event);
        awaitStored(event.getEventId());

        try (Connection app = connect("quarkus.datasource")) {
            assertRefused(app, "UPDATE access_event SET purpose_of_use = 'TREATMENT' WHERE event_id = ?", event, "permission denied");
            assertRefused(app, "DELETE FROM access_event WHERE event_id = ?", event, "permission denied");
            assertRefused(app, "TRUNCATE access_event", null, "permission denied");
            assertRefused(app, "DELETE FROM audit_checkpoint", null, "permission denied");
        }
        try (Connection owner = connect("quarkus.flyway")) {
            assertRefused(owner, "UPDATE access_event SET purpose_of_use = 'TREATMENT' WHERE event_id = ?", event, "append-only");
            assertRefused(owner, "DELETE FROM access_event WHERE event_id = ?", event, "append-only");
            assertRefused(owner, "TRUNCATE access_event", null, "append-only");
        }
        asOfficer().queryParam("subject", "caseworker-9").queryParam("purpose", "REFERRAL").when().get("/v1/audit/events")
                .then().statusCode(200).body("items.eventId", hasItems(event.getEventId()));
    }

    @Test
    void entriesFormAGaplessChainAndRedeliveryAddsNoLink() {
        AccessEvent event = Accesses.read("C-" + UUID.randomUUID());
        for (int i = 0; i < 3; i++) {
            TopicWriter.send(Topic.ACCESS_EVENTS, event.getEventId(), event);
        }
        awaitStored(event.getEventId());
        JsonPath report = asOfficer().when().get("/v1/audit/verify").then().statusCode(200).extract().jsonPath();
        assertEquals(true, report.getBoolean("ok"), report.prettify());
        long stored = asOfficer().queryParam("size", 1).when().get("/v1/audit/events").then().statusCode(200)
                .extract().jsonPath().getLong("items[0].sequence");
        assertTrue(report.getLong("entriesChecked") >= 1 && stored >= 1, report.prettify());
        asOfficer().queryParam("subject", "caseworker-9").queryParam("clientId", event.getClientIds().get(0))
                .when().get("/v1/audit/events").then().statusCode(200).body("total", equalTo(1));
    }

    @Test
    void aSignedCheckpointProvesEachEntryIncluded() throws Exception {
        List<AccessEvent> events = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            AccessEvent event = Accesses.read("C-" + UUID.randomUUID());
            events.add(event);
            TopicWriter.send(Topic.ACCESS_EVENTS, event.getEventId(), event);
        }
        events.forEach(e -> awaitStored(e.getEventId()));
        long treeSize = checkpoints.checkpoint().orElseThrow().treeSize;

        JsonPath checkpoint = asOfficer().when().get("/v1/audit/checkpoints/latest").then().statusCode(200).extract().jsonPath();
        assertEquals(treeSize, checkpoint.getLong("treeSize"));
        byte[] root = b64(checkpoint.getString("rootHash"));
        Signature ed25519 = Signature.getInstance("Ed25519");
        ed25519.initVerify(KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(b64(checkpoint.getString("publicKey")))));
        ed25519.update(checkpoint.getString("signedMessage").getBytes(StandardCharsets.US_ASCII));
        assertTrue(ed25519.verify(b64(checkpoint.getString("signature"))), "checkpoint signature");
        assertTrue(checkpoint.getString("signedMessage").contains("\n" + treeSize + "\n"), checkpoint.getString("signedMessage"));

        for (AccessEvent event : events) {
            JsonPath proof = asOfficer().queryParam("treeSize", treeSize).when()
                    .get("/v1/audit/entries/" + event.getEventId() + "/inclusion-proof").then().statusCode(200).extract().jsonPath();
            List<byte[]> path = proof.getList("auditPath", String.class).stream().map(AuditServiceTest::b64).toList();
            byte[] leaf = b64(proof.getString("leafHash"));
            assertTrue(Rfc9162Verifier.verifyInclusion(proof.getLong("leafIndex"), treeSize, leaf, path, root), proof.prettify());
            assertEquals(checkpoint.getString("rootHash"), proof.getString("rootHash"));
        }
        asOfficer().queryParam("treeSize", treeSize + 1_000_000).when()
                .get("/v1/audit/entries/" + events.get(0).getEventId() + "/inclusion-proof")
                .then().statusCode(400).contentType("application/problem+json").body("invalid-params[0].name", equalTo("treeSize"));
    }

    @Test
    void verifyFindsARowAlteredBehindTheTriggersBack() throws SQLException {
        AccessEvent event = Accesses.read("C-" + UUID.randomUUID());
        TopicWriter.send(Topic.ACCESS_EVENTS, event.getEventId(), event);
        // A service's own processing has no HTTP status, agency or reason: nulls must verify too.
        AccessEvent processing = AccessEvents.systemProcessing("linkage-service", PurposeOfUse.TREATMENT,
                "topic:" + Topic.INTAKE_ACCEPTED.topicName(), List.of("C-" + UUID.randomUUID()), List.of("HRA:H-1"), List.of("identity"));
        TopicWriter.send(Topic.ACCESS_EVENTS, processing.getEventId(), processing);
        awaitStored(event.getEventId());
        awaitStored("linkage-service", processing.getEventId());
        checkpoints.checkpoint();
        asOfficer().when().get("/v1/audit/verify").then().statusCode(200).body("ok", equalTo(true))
                .body("checkpoint.rootMatches", equalTo(true)).body("checkpoint.signatureValid", equalTo(true));

        // An attacker with superuser rights disables the trigger, rewrites the purpose, and re-enables it.
        try (Connection owner = connect("quarkus.flyway")) {
            tamper(owner, event.getEventId(), "TREATMENT");
            try {
                JsonPath report = asOfficer().when().get("/v1/audit/verify").then().statusCode(200).extract().jsonPath();
                assertEquals(false, report.getBoolean("ok"), report.prettify());
                assertEquals(event.getEventId(), report.getString("firstBroken.eventId"), report.prettify());
                assertTrue(report.getString("firstBroken.problem").contains("purposeOfUse"), report.prettify());
                assertTrue(report.getLong("firstBroken.sequence") >= 1, report.prettify());
            } finally {
                tamper(owner, event.getEventId(), "REFERRAL");
            }
        }
        asOfficer().when().get("/v1/audit/verify").then().statusCode(200).body("ok", equalTo(true));
    }

    private static void tamper(Connection owner, String eventId, String purpose) throws SQLException {
        try (Statement statement = owner.createStatement();
             PreparedStatement update = owner.prepareStatement("UPDATE access_event SET purpose_of_use = ? WHERE event_id = ?")) {
            statement.execute("ALTER TABLE access_event DISABLE TRIGGER access_event_append_only");
            update.setString(1, purpose);
            update.setString(2, eventId);
            assertEquals(1, update.executeUpdate());
            statement.execute("ALTER TABLE access_event ENABLE TRIGGER access_event_append_only");
        }
    }

    private static void awaitStored(String eventId) {
        awaitStored("caseworker-9", eventId);
    }

    private static void awaitStored(String subject, String eventId) {
        Eventually.assertWithin(WAIT, () -> asOfficer().queryParam("subject", subject).queryParam("size", 500)
                .when().get("/v1/audit/events").then().statusCode(200).body("items.eventId", hasItems(eventId)));
    }

    private static void assertRefused(Connection connection, String sql, AccessEvent event, String expected) {
        SQLException refused = org.junit.jupiter.api.Assertions.assertThrows(SQLException.class, () -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                if (event != null) {
                    statement.setString(1, event.getEventId());
                }
                statement.execute();
            }
        }, sql);
        assertTrue(refused.getMessage().contains(expected), sql + " as " + whoAmI(connection) + ": " + refused.getMessage());
    }

    private static String whoAmI(Connection connection) {
        try (Statement statement = connection.createStatement();
             var rs = statement.executeQuery("SELECT current_user, rolsuper FROM pg_roles WHERE rolname = current_user")) {
            rs.next();
            return rs.getString(1) + (rs.getBoolean(2) ? " (superuser)" : "");
        } catch (SQLException e) {
            return e.getMessage();
        }
    }

    private static Connection connect(String prefix) throws SQLException {
        var config = ConfigProvider.getConfig();
        return DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue(prefix + ".username", String.class),
                config.getOptionalValue(prefix + ".password", String.class).orElse(""));
    }

    private static byte[] b64(String value) {
        return Base64.getDecoder().decode(value);
    }
}
