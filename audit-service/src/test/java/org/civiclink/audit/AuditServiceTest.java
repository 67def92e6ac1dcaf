package org.civiclink.audit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.civiclink.events.AccessEvent;
import org.civiclink.events.AccessOutcome;
import org.civiclink.events.Actor;
import org.civiclink.events.topic.Topic;
import org.civiclink.platform.testing.DeadLetterReader;
import org.civiclink.platform.testing.DevTokenIssuer;
import org.civiclink.platform.testing.Eventually;
import org.civiclink.platform.testing.KafkaTestResource;
import org.civiclink.platform.testing.PostgresTestResource;
import org.civiclink.platform.testing.TopicWriter;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** AccessEvents from the real broker land once in the real database and are searchable. */
@QuarkusTest
@QuarkusTestResource(value = KafkaTestResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = PostgresTestResource.class, restrictToAnnotatedClass = true)
class AuditServiceTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String OFFICER = DevTokenIssuer.issue("officer-1", "DOI", "compliance-officer");

    @Test
    void storesEachAccessEventOnceAndFindsItByClient() {
        String clientId = "C-" + UUID.randomUUID();
        AccessEvent event = access(clientId);
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
        AccessEvent after = access(clientId);
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
    void badPagingIsAProblem() {
        asOfficer().queryParam("size", 100000).when().get("/v1/audit/events")
                .then().statusCode(400).contentType("application/problem+json");
    }

    private static io.restassured.specification.RequestSpecification asOfficer() {
        return given().auth().oauth2(OFFICER).header("Purpose-Of-Use", "COMPLIANCE_REVIEW");
    }

    private static AccessEvent access(String clientId) {
        return AccessEvent.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setOccurredAt(Instant.now())
                .setActor(Actor.newBuilder().setSubject("caseworker-9").setRoles(List.of("caseworker")).setAgencyCode("DHS").build())
                .setPurposeOfUse("REFERRAL")
                .setAction("READ")
                .setClientIds(List.of(clientId))
                .setRecordIds(List.of())
                .setDataCategories(List.of("referral"))
                .setService("recommendation-service")
                .setEndpoint("GET /v1/referrals/R-1")
                .setOutcome(AccessOutcome.PERMITTED)
                .setHttpStatus(200)
                .build();
    }
}
