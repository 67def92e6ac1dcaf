package org.civiclink.intake.api;

import static io.restassured.RestAssured.given;
import static org.civiclink.intake.IntakeTestSupport.event;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.civiclink.events.AccessEvent;
import org.civiclink.events.AccessOutcome;
import org.civiclink.events.IntakeEvent;
import org.civiclink.events.topic.Topic;
import org.civiclink.platform.testing.DevTokenIssuer;
import org.civiclink.platform.testing.KafkaTestResource;
import org.civiclink.platform.testing.PostgresTestResource;
import org.civiclink.platform.testing.TopicReader;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

@QuarkusTest
@QuarkusTestResource(value = KafkaTestResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = PostgresTestResource.class, restrictToAnnotatedClass = true)
class IntakeEventResourceTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String SHELTER_TOKEN = DevTokenIssuer.issue("shelter-system", "DHS-SHELTER", "agency-system");

    @Test
    void acceptedEventReachesKafkaAndItsAccessIsAudited() {
        String eventId = "evt-" + UUID.randomUUID();

        asShelter().body(event("DHS-SHELTER", eventId, "S-1001"))
                .when().post("/v1/events")
                .then().statusCode(202)
                .body("status", equalTo("ACCEPTED"))
                .body("recordId", equalTo("DHS-SHELTER:S-1001"));

        ConsumerRecord<String, IntakeEvent> accepted = TopicReader.await(Topic.INTAKE_ACCEPTED, IntakeEvent.class,
                e -> e.getAgencyEventId().equals(eventId), 1, WAIT).get(0);
        assertEquals("DHS-SHELTER:S-1001", accepted.key());
        assertEquals("Lopez", accepted.value().getPerson().getNames().get(0).getFamily());
        assertEquals("shelter-entry", accepted.value().getFacts().get(0).getCode());

        AccessEvent access = awaitAccess(e -> e.getRecordIds().contains("DHS-SHELTER:S-1001")
                && e.getEndpoint().equals("POST /v1/events") && e.getOutcome() == AccessOutcome.PERMITTED);
        assertEquals("shelter-system", access.getActor().getSubject());
        assertEquals("DHS-SHELTER", access.getActor().getAgencyCode());
        assertEquals("TREATMENT", access.getPurposeOfUse());
        assertEquals("CREATE", access.getAction());
        assertEquals("intake-service", access.getService());
    }

    @Test
    void missingTokenIs401ProblemAndAuditedAsDenied() {
        given().contentType("application/json").header("Purpose-Of-Use", "TREATMENT")
                .body(event("DHS-SHELTER", "evt-anon", "S-401"))
                .when().post("/v1/events")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer")
                .body("status", equalTo(401));

        AccessEvent denied = awaitAccess(e -> e.getActor().getSubject().equals("anonymous") && e.getHttpStatus() == 401);
        assertEquals(AccessOutcome.DENIED, denied.getOutcome());
    }

    @Test
    void wrongRoleIs403ProblemAndAuditedAsDenied() {
        String caseworker = DevTokenIssuer.issue("cw-403", "DHS", "caseworker");
        given().auth().oauth2(caseworker).contentType("application/json").header("Purpose-Of-Use", "TREATMENT")
                .body(event("DHS-SHELTER", "evt-cw", "S-403"))
                .when().post("/v1/events")
                .then().statusCode(403)
                .contentType("application/problem+json");

        AccessEvent denied = awaitAccess(e -> e.getActor().getSubject().equals("cw-403"));
        assertEquals(AccessOutcome.DENIED, denied.getOutcome());
        assertEquals(403, denied.getHttpStatus());
    }

    @Test
    void anotherAgencysCodeIsForbidden() {
        asShelter().body(event("HRA", "evt-foreign", "H-1"))
                .when().post("/v1/events")
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void missingPurposeIs400NamingTheHeaderAndAudited() {
        String token = DevTokenIssuer.issue("shelter-no-purpose", "DHS-SHELTER", "agency-system");
        given().auth().oauth2(token).contentType("application/json")
                .body(event("DHS-SHELTER", "evt-np", "S-400"))
                .when().post("/v1/events")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("invalid-params.name", hasItems("Purpose-Of-Use"));

        AccessEvent denied = awaitAccess(e -> e.getActor().getSubject().equals("shelter-no-purpose"));
        assertEquals(AccessOutcome.DENIED, denied.getOutcome());
    }

    @Test
    void unknownPurposeAndBreakTheGlassWithoutReasonAreRefused() {
        asShelter("CURIOSITY").body(event("DHS-SHELTER", "evt-cur", "S-1"))
                .when().post("/v1/events")
                .then().statusCode(400).body("detail", containsString("TREATMENT"));
        asShelter("BREAK_THE_GLASS").body(event("DHS-SHELTER", "evt-btg", "S-1"))
                .when().post("/v1/events")
                .then().statusCode(400).body("invalid-params.name", hasItems("Purpose-Of-Use-Reason"));
    }

    @Test
    void unusableEventIs422ListingEveryBadField() {
        asShelter().body("{\"agencyCode\":\"DHS-SHELTER\",\"person\":{}}")
                .when().post("/v1/events")
                .then().statusCode(422)
                .contentType("application/problem+json")
                .body("invalid-params.name", hasItems("agencyEventId", "eventType", "occurredAt", "person.agencyRecordId"));
    }

    @Test
    void malformedJsonIs400Problem() {
        asShelter().body("{\"agencyCode\": ")
                .when().post("/v1/events")
                .then().statusCode(400).contentType("application/problem+json");
        asShelter().body("{\"agencyCode\":\"DHS-SHELTER\",\"occurredAt\":\"yesterday\"}")
                .when().post("/v1/events")
                .then().statusCode(400).body("invalid-params.name", hasItems("occurredAt"));
    }

    @Test
    void healthMetricsAndOpenApiAreServed() {
        given().when().get("/q/health/ready").then().statusCode(200);
        given().when().get("/q/metrics").then().statusCode(200).body(containsString("jvm_"));
        given().when().get("/q/openapi").then().statusCode(200).body(containsString("/v1/events"));
    }

    private static RequestSpecification asShelter() {
        return asShelter("TREATMENT");
    }

    private static RequestSpecification asShelter(String purpose) {
        return given().auth().oauth2(SHELTER_TOKEN).contentType("application/json").header("Purpose-Of-Use", purpose);
    }

    private static AccessEvent awaitAccess(java.util.function.Predicate<AccessEvent> matching) {
        List<ConsumerRecord<String, AccessEvent>> found = TopicReader.await(Topic.ACCESS_EVENTS, AccessEvent.class, matching, 1, WAIT);
        return found.get(0).value();
    }
}
