package org.civiclink.intake.raw;

import static org.civiclink.intake.IntakeTestSupport.uniqueId;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.civiclink.events.AccessEvent;
import org.civiclink.events.IntakeEvent;
import org.civiclink.events.topic.Topic;
import org.civiclink.events.wire.AvroCodec;
import org.civiclink.platform.testing.DeadLetterReader;
import org.civiclink.platform.testing.Eventually;
import org.civiclink.platform.testing.KafkaTestResource;
import org.civiclink.platform.testing.PostgresTestResource;
import org.civiclink.platform.testing.TestEvents;
import org.civiclink.platform.testing.TopicReader;
import org.civiclink.platform.testing.TopicWriter;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Agency producers write Avro to the raw topic; intake validates, forwards, or dead-letters, and goes on. */
@QuarkusTest
@QuarkusTestResource(value = KafkaTestResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = PostgresTestResource.class, restrictToAnnotatedClass = true)
class RawEventIngestionTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void aValidRawEventIsForwardedOnceFlaggedAndItsProcessingAudited() {
        String id = uniqueId("raw-ok");
        IntakeEvent event = TestEvents.intake("HRA", id, "benefit.applied", "H-3001", "Ana", "Reyes", "1899-12-31",
                TestEvents.fact("HRA", "benefits", "snap-application", "benefits"));
        TopicWriter.send(Topic.INTAKE_RAW, "HRA:" + id, event);
        TopicWriter.send(Topic.INTAKE_RAW, "HRA:" + id, event);

        ConsumerRecord<String, IntakeEvent> accepted = TopicReader.await(Topic.INTAKE_ACCEPTED, IntakeEvent.class,
                e -> e.getAgencyEventId().equals(id), 1, WAIT).get(0);
        assertEquals("HRA:H-3001", accepted.key());
        assertEquals("DOB_BEFORE_1900", accepted.value().getQualityFlags().get(0).getCode());
        AccessEvent processing = TopicReader.await(Topic.ACCESS_EVENTS, AccessEvent.class,
                e -> e.getRecordIds().contains("HRA:H-3001") && e.getAction().equals("PROCESS"), 1, WAIT).get(0).value();
        assertEquals("TREATMENT", processing.getPurposeOfUse());
        assertEquals("intake-service", processing.getActor().getSubject());

        // The duplicate on the raw topic was decided already: still one accepted record.
        Eventually.assertWithin(WAIT, () -> asHra().get("/v1/events/HRA/" + id).then().statusCode(200).body("status", equalTo("ACCEPTED")));
        assertEquals(1, org.civiclink.intake.IntakeTestSupport.acceptedCount(id));
    }

    @Test
    void undecodableAndInvalidRecordsAreDeadLetteredWithTheirBytesAndProcessingGoesOn() {
        byte[] garbage = "definitely not avro".getBytes(StandardCharsets.UTF_8);
        String garbageKey = uniqueId("raw-garbage");
        TopicWriter.sendBytes(Topic.INTAKE_RAW, garbageKey, garbage);

        String invalidId = uniqueId("raw-invalid");
        IntakeEvent invalid = TestEvents.intake("HRA", invalidId, "benefit.teleported", "", "Ana", "Reyes", "1980-01-01");
        byte[] invalidBytes = AvroCodec.of(IntakeEvent.class).encode(invalid);
        String invalidKey = "HRA:" + invalidId;
        TopicWriter.sendBytes(Topic.INTAKE_RAW, invalidKey, invalidBytes);

        String afterId = uniqueId("raw-after");
        TopicWriter.send(Topic.INTAKE_RAW, "HRA:" + afterId, TestEvents.intake("HRA", afterId, "benefit.granted", "H-3002",
                "Ana", "Reyes", "1980-01-01"));

        ConsumerRecord<String, byte[]> undecodable = DeadLetterReader.await(Topic.INTAKE_DEAD_LETTER, garbageKey, WAIT);
        assertArrayEquals(garbage, undecodable.value());
        assertTrue(DeadLetterReader.headersText(undecodable).contains("civiclink.dlq.reason=Undecodable IntakeEvent"));

        ConsumerRecord<String, byte[]> unusable = DeadLetterReader.await(Topic.INTAKE_DEAD_LETTER, invalidKey, WAIT);
        assertArrayEquals(invalidBytes, unusable.value());
        String headers = DeadLetterReader.headersText(unusable);
        assertTrue(headers.contains("civiclink.dlq.reason=Invalid IntakeEvent"), headers);
        assertTrue(headers.contains("eventType") && headers.contains("person.agencyRecordId"), headers);
        assertTrue(headers.contains("civiclink.dlq.source.topic=" + Topic.INTAKE_RAW.topicName()), headers);

        TopicReader.await(Topic.INTAKE_ACCEPTED, IntakeEvent.class, e -> e.getAgencyEventId().equals(afterId), 1, WAIT);
        assertEquals(0, org.civiclink.intake.IntakeTestSupport.acceptedCount(invalidId));
    }

    private static io.restassured.specification.RequestSpecification asHra() {
        String token = org.civiclink.platform.testing.DevTokenIssuer.issue("hra-system", "HRA", "agency-system");
        return io.restassured.RestAssured.given().auth().oauth2(token).header("Purpose-Of-Use", "TREATMENT");
    }
}
