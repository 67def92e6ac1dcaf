package org.civiclink.linkage.query;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.civiclink.events.AccessEvent;
import org.civiclink.events.AccessOutcome;
import org.civiclink.events.LinkedEvent;
import org.civiclink.events.topic.Topic;
import org.civiclink.linkage.People;
import org.civiclink.platform.testing.DeadLetterReader;
import org.civiclink.platform.testing.DevTokenIssuer;
import org.civiclink.platform.testing.Eventually;
import org.civiclink.platform.testing.KafkaTestResource;
import org.civiclink.platform.testing.TestEvents;
import org.civiclink.platform.testing.TopicReader;
import org.civiclink.platform.testing.TopicWriter;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The linker on a real broker: linking, the record-to-client query, and the dead-letter path. */
@QuarkusTest
@QuarkusTestResource(value = KafkaTestResource.class, restrictToAnnotatedClass = true)
class LinkageServiceTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void linksEventsAnswersQueriesAndAuditsThem() {
        TopicWriter.send(Topic.INTAKE_ACCEPTED, "DHS-SHELTER:Q-1",
                People.person("DHS-SHELTER", "Q-1", "Rosa", "Parks", "1960-02-04", null, null, null, null));
        TopicWriter.send(Topic.INTAKE_ACCEPTED, "HRA:Q-2",
                People.person("HRA", "Q-2", "Rosa", "Parks", "1960-02-04", null, null, null, null));

        List<ConsumerRecord<String, LinkedEvent>> linked = TopicReader.await(Topic.LINKED_EVENTS, LinkedEvent.class,
                e -> e.getRecordId().endsWith(":Q-1") || e.getRecordId().endsWith(":Q-2"), 2, WAIT);
        String clientId = linked.get(0).value().getClientId();
        assertEquals(clientId, linked.get(1).value().getClientId());
        assertEquals(clientId, linked.get(0).key());

        String caseworker = DevTokenIssuer.issue("cw-linkage", "DHS", "caseworker");
        Eventually.assertWithin(WAIT, () -> given().auth().oauth2(caseworker).header("Purpose-Of-Use", "TREATMENT")
                .when().get("/v1/records/HRA/Q-2/client")
                .then().statusCode(200).body("clientId", equalTo(clientId)));

        AccessEvent read = awaitAccess(e -> e.getActor().getSubject().equals("cw-linkage") && e.getHttpStatus() == 200);
        assertEquals(AccessOutcome.PERMITTED, read.getOutcome());
        assertEquals(List.of(clientId), read.getClientIds());
        assertEquals(List.of("HRA:Q-2"), read.getRecordIds());
    }

    @Test
    void unknownRecordIs404Problem() {
        String caseworker = DevTokenIssuer.issue("cw-404", "DHS", "caseworker");
        Eventually.assertWithin(WAIT, () -> given().auth().oauth2(caseworker).header("Purpose-Of-Use", "TREATMENT")
                .when().get("/v1/records/HRA/nobody/client")
                .then().statusCode(404).contentType("application/problem+json"));
    }

    @Test
    void aQueryWithoutPurposeIs400NamingTheHeaderAndAuditedAsDenied() {
        String caseworker = DevTokenIssuer.issue("cw-no-purpose", "DHS", "caseworker");
        given().auth().oauth2(caseworker)
                .when().get("/v1/records/HRA/NP-1/client")
                .then().statusCode(400).contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("invalid-params.name", hasItem("Purpose-Of-Use"));

        AccessEvent denied = awaitAccess(e -> e.getActor().getSubject().equals("cw-no-purpose"));
        assertEquals(AccessOutcome.DENIED, denied.getOutcome());
        assertEquals(400, denied.getHttpStatus());
        assertEquals(List.of("HRA:NP-1"), denied.getRecordIds());
    }

    @Test
    void aQueryWithoutTokenIs401AndAuditedAsDenied() {
        given().header("Purpose-Of-Use", "TREATMENT")
                .when().get("/v1/records/HRA/ANON-1/client")
                .then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer")
                .body("status", equalTo(401));

        AccessEvent denied = awaitAccess(e -> e.getEndpoint().equals("GET /v1/records/HRA/ANON-1/client"));
        assertEquals("anonymous", denied.getActor().getSubject());
        assertEquals(AccessOutcome.DENIED, denied.getOutcome());
        assertEquals(401, denied.getHttpStatus());
        assertEquals("not authenticated", denied.getDenialReason());
    }

    @Test
    void undecodableRecordGoesToDeadLetterAndProcessingGoesOn() {
        TopicWriter.sendBytes(Topic.INTAKE_ACCEPTED, "HRA:BAD-1", "not avro".getBytes(StandardCharsets.UTF_8));
        TopicWriter.send(Topic.INTAKE_ACCEPTED, "HRA:AFTER-1",
                TestEvents.intake("HRA", "after", "benefit.applied", "AFTER-1", "Lee", "Chan", "1999-09-09"));

        TopicReader.await(Topic.LINKED_EVENTS, LinkedEvent.class, e -> e.getRecordId().equals("HRA:AFTER-1"), 1, WAIT);
        var deadLetter = DeadLetterReader.await(Topic.LINKAGE_DEAD_LETTER, "HRA:BAD-1", WAIT);
        assertEquals("not avro", new String(deadLetter.value(), StandardCharsets.UTF_8));
        assertTrue(DeadLetterReader.headersText(deadLetter).contains("civiclink.dlq.reason=Not an Avro single-object message"), DeadLetterReader.headersText(deadLetter));
        assertTrue(DeadLetterReader.headersText(deadLetter).contains("civiclink.dlq.source.topic=" + Topic.INTAKE_ACCEPTED.topicName()));
    }

    private static AccessEvent awaitAccess(Predicate<AccessEvent> matching) {
        return TopicReader.await(Topic.ACCESS_EVENTS, AccessEvent.class,
                e -> e.getService().equals("linkage-service") && matching.test(e), 1, WAIT).get(0).value();
    }
}
