package org.civiclink.audit;

import static org.civiclink.audit.Accesses.asOfficer;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.civiclink.events.AccessEvent;
import org.civiclink.events.Actor;
import org.civiclink.events.ClientUpdate;
import org.civiclink.events.ClientUpdateType;
import org.civiclink.events.Fact;
import org.civiclink.events.IntakeEvent;
import org.civiclink.events.LinkedEvent;
import org.civiclink.events.Referral;
import org.civiclink.events.ReferralStatus;
import org.civiclink.events.ReferralStatusChanged;
import org.civiclink.events.Urgency;
import org.civiclink.events.topic.Topic;
import org.civiclink.events.wire.AvroCodec;
import org.civiclink.platform.testing.DeadLetterReader;
import org.civiclink.platform.testing.Eventually;
import org.civiclink.platform.testing.KafkaTestResource;
import org.civiclink.platform.testing.TestEvents;
import org.civiclink.platform.testing.TopicWriter;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The no-relationship anomaly report over the real broker and database: assignments from linked
 * events, open referrals of the person's agency and client merges count as relationships, judged
 * at the moment of each access; whatever else a linked event carries is not stored.
 */
@QuarkusTest
@QuarkusTestResource(value = KafkaTestResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = AuditDatabaseTestResource.class, restrictToAnnotatedClass = true)
class RelationshipAnomalyTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    /** A Tuesday; each test of this class uses its own day, so their findings never mix. */
    private static final Instant HOUR = Instant.parse("2026-02-10T10:00:00Z");
    private static final String CASEWORKER = "cw-rel";

    @Test
    void accessWithoutAssignmentOrOpenReferralIsReportedAtTheTimeOfAccess() throws SQLException {
        String assigned = client("assigned");
        String unassigned = client("unassigned");
        String referred = client("referred");
        String closed = client("closed");
        String otherTeam = client("other-team");
        String retired = client("retired");
        String survivor = client("survivor");
        String stranger = client("stranger");

        // Relationships, on their own topics.
        linked(assigned, at(-60), "DHS", assignment("caseworker-assigned", CASEWORKER),
                TestEvents.fact("DHS", "housing", "shelter-entry", "housing"));
        linked(unassigned, at(-120), "DHS", assignment("caseworker-assigned", CASEWORKER));
        linked(unassigned, at(-60), "DHS", assignment("caseworker-unassigned", CASEWORKER));
        referral(referred, "DHS", at(-60));
        String closedReferral = referral(closed, "DHS", at(-120));
        TopicWriter.send(Topic.REFERRAL_STATUS, closedReferral, ReferralStatusChanged.newBuilder().setChangeId(UUID.randomUUID().toString())
                .setReferralId(closedReferral).setClientId(closed).setPreviousStatus(ReferralStatus.PROPOSED)
                .setNewStatus(ReferralStatus.COMPLETED).setChangedBy("cw-other").setChangedAt(at(-60)).build());
        referral(otherTeam, "HOUSING", at(-60));
        referral(retired, "DHS", at(-60));
        TopicWriter.send(Topic.CLIENT_UPDATES, survivor, ClientUpdate.newBuilder().setUpdateId(UUID.randomUUID().toString())
                .setType(ClientUpdateType.CLIENTS_MERGED).setClientId(survivor).setPreviousClientIds(List.of(retired))
                .setReason("test merge").setOccurredAt(at(-30)).build());

        // Accesses by the caseworker (agency DHS), in time order.
        AccessEvent beforeAssignment = access(assigned, at(-90));
        AccessEvent whileAssigned = access(assigned, at(1));
        AccessEvent afterUnassignment = access(unassigned, at(2));
        AccessEvent withOpenReferral = access(referred, at(3));
        AccessEvent afterReferralClosed = access(closed, at(4));
        AccessEvent otherTeamsReferral = access(otherTeam, at(5));
        AccessEvent mergedClient = access(survivor, at(6));
        AccessEvent noRelationAtAll = access(stranger, at(7));
        AccessEvent service = Accesses.read("linkage-service", stranger, at(8))
                .setActor(Actor.newBuilder().setSubject("linkage-service").setRoles(List.of("system")).build()).build();
        AccessEvent officer = Accesses.read("officer-rel", stranger, at(9))
                .setActor(Actor.newBuilder().setSubject("officer-rel").setRoles(List.of("compliance-officer")).setAgencyCode("DOI").build())
                .setPurposeOfUse("COMPLIANCE_REVIEW").build();
        for (AccessEvent event : List.of(beforeAssignment, whileAssigned, afterUnassignment, withOpenReferral, afterReferralClosed,
                otherTeamsReferral, mergedClient, noRelationAtAll, service, officer)) {
            TopicWriter.send(Topic.ACCESS_EVENTS, event.getEventId(), event);
        }

        List<String> expected = List.of(beforeAssignment.getEventId(), afterUnassignment.getEventId(), afterReferralClosed.getEventId(),
                otherTeamsReferral.getEventId(), noRelationAtAll.getEventId());
        Eventually.assertWithin(WAIT, () -> report(0, 100)
                .body("total", equalTo(5))
                .body("findings.eventId", equalTo(expected))
                .body("findings[0].subject", equalTo(CASEWORKER))
                .body("findings[0].agency", equalTo("DHS"))
                .body("findings[0].clientIds", equalTo(List.of(assigned)))
                .body("findings[4].purposeOfUse", equalTo("REFERRAL")));

        report(1, 2).body("total", equalTo(5)).body("page", equalTo(1)).body("size", equalTo(2))
                .body("findings.eventId", equalTo(expected.subList(2, 4)));

        // Data minimization: of the linked event only the assignment fact was kept, and of it only who, whom, when.
        assertEquals(List.of(CASEWORKER + "|DHS|true"), assignmentsOf(assigned));
    }

    @Test
    void anUndecodableRelationshipRecordIsDeadLettered() {
        String key = "bad-referral-" + UUID.randomUUID();
        TopicWriter.sendBytes(Topic.REFERRALS, key, "{not a referral}".getBytes(StandardCharsets.UTF_8));
        var deadLetter = DeadLetterReader.await(Topic.AUDIT_DEAD_LETTER, key, WAIT);
        assertEquals("{not a referral}", new String(deadLetter.value(), StandardCharsets.UTF_8));
    }

    /** PostgreSQL refuses a NUL character in text (22021), so this referral decodes but cannot be stored. */
    @Test
    void aDecodedRelationshipRecordTheDatabaseRefusesIsDeadLetteredAsItWasRead() {
        String key = "refused-referral-" + UUID.randomUUID();
        Referral refused = newReferral("C-\u0000-" + UUID.randomUUID(), "DHS", at(-60));
        TopicWriter.send(Topic.REFERRALS, key, refused);
        var deadLetter = DeadLetterReader.await(Topic.AUDIT_DEAD_LETTER, key, WAIT);
        assertEquals(refused, AvroCodec.of(Referral.class).decode(deadLetter.value()));
        assertTrue(DeadLetterReader.headersText(deadLetter).contains("dead-letter-reason="), DeadLetterReader.headersText(deadLetter));
    }

    @Test
    void pagingBeyondTheLimitIsAProblemNamingTheField() {
        asOfficer().queryParam("kind", "no-relationship").queryParam("size", 501).when().get("/v1/audit/anomalies")
                .then().statusCode(400).contentType("application/problem+json").body("invalid-params[0].name", equalTo("size"));
    }

    private static io.restassured.response.ValidatableResponse report(int page, int size) {
        return asOfficer().queryParam("kind", "no-relationship").queryParam("from", at(-180).toString())
                .queryParam("to", at(60).toString()).queryParam("page", page).queryParam("size", size)
                .when().get("/v1/audit/anomalies").then().statusCode(200).body("kind", equalTo("no-relationship"));
    }

    private static Instant at(int minutes) {
        return HOUR.plus(Duration.ofMinutes(minutes));
    }

    private static String client(String name) {
        return "C-" + name + "-" + UUID.randomUUID();
    }

    private static AccessEvent access(String clientId, Instant at) {
        return Accesses.read(CASEWORKER, clientId, at).build();
    }

    private static Fact assignment(String code, String subject) {
        Fact fact = TestEvents.fact("DHS", "case-management", code, "case-management");
        fact.setValue(subject);
        return fact;
    }

    private static void linked(String clientId, Instant occurredAt, String agency, Fact... facts) {
        IntakeEvent event = TestEvents.intake(agency, UUID.randomUUID().toString(), "case.update", "R-" + UUID.randomUUID(),
                "Ada", "Example", "1980-01-01", facts);
        event.setOccurredAt(occurredAt);
        TopicWriter.send(Topic.LINKED_EVENTS, clientId, LinkedEvent.newBuilder().setClientId(clientId)
                .setRecordId(agency + ":" + event.getPerson().getAgencyRecordId()).setLinkedAt(occurredAt).setEvent(event).build());
    }

    private static String referral(String clientId, String team, Instant createdAt) {
        Referral referral = newReferral(clientId, team, createdAt);
        TopicWriter.send(Topic.REFERRALS, clientId, referral);
        return referral.getReferralId();
    }

    private static Referral newReferral(String clientId, String team, Instant createdAt) {
        return Referral.newBuilder().setReferralId("REF-" + UUID.randomUUID()).setClientId(clientId).setNeed("housing")
                .setRuleId("rule-1").setRuleVersion("1").setTitle("Shelter").setReason("test").setCreatedAt(createdAt).setTeam(team)
                // Set explicitly: an Avro enum default is resolved through a class loader other than the test's.
                .setUrgency(Urgency.ROUTINE).setStatus(ReferralStatus.PROPOSED).build();
    }

    private static List<String> assignmentsOf(String clientId) throws SQLException {
        var config = ConfigProvider.getConfig();
        try (Connection c = DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class), config.getValue("quarkus.datasource.password", String.class));
             PreparedStatement select = c.prepareStatement("SELECT subject, agency_code, assigned FROM caseworker_assignment WHERE client_id = ?")) {
            select.setString(1, clientId);
            List<String> rows = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    rows.add(rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getBoolean(3));
                }
            }
            return rows;
        }
    }
}
