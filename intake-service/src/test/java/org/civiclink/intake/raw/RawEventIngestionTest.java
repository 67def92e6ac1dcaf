package org.civiclink.intake.raw;

import static org.civiclink.intake.IntakeTestSupport.uniqueId;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.civiclink.events.AccessEvent;
import org.civiclink.events.IntakeEvent;
import org.civiclink.events.topic.Topic;
import org.civiclink.events.wire.AvroCodec;
import org.civiclink.platform.testing.DeadLetterReader;
import org.civiclink.platform.testing.Eventually;
import org.civiclink.platform.testing.KafkaBroker;
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

    /**
     * A burst the consumer fetches in few polls, so that records share a poll's transaction: each is
     * still decided on its own. Repeats and id reuse inside one poll meet the row the same
     * transaction inserted a moment before.
     */
    @Test
    void aBurstIsDecidedRecordByRecordWithinSharedPolls() {
        String run = uniqueId("raw-burst");
        AvroCodec<IntakeEvent> codec = AvroCodec.of(IntakeEvent.class);
        int valid = 60;
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.bootstrapServers(),
                ProducerConfig.LINGER_MS_CONFIG, 50);
        String reusedId = run + "-reused";
        String invalidKey = "HRA:" + run + "-invalid";
        String garbageKey = run + "-garbage";
        byte[] reusedOther = codec.encode(TestEvents.intake("HRA", reusedId, "benefit.applied", run + "-R", "Ana", "Reyes", "1981-02-02"));
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < valid; i++) {
                String id = run + "-" + i;
                byte[] bytes = codec.encode(TestEvents.intake("HRA", id, "benefit.applied", run + "-" + i, "Ana", "Reyes", "1980-01-01",
                        TestEvents.fact("HRA", "benefits", "snap-application", "benefits")));
                producer.send(new ProducerRecord<>(Topic.INTAKE_RAW.topicName(), "HRA:" + id, bytes));
                if (i % 20 == 0) {
                    // The agency's producer retried: same key, same bytes, usually in the same poll.
                    producer.send(new ProducerRecord<>(Topic.INTAKE_RAW.topicName(), "HRA:" + id, bytes));
                }
            }
            producer.send(new ProducerRecord<>(Topic.INTAKE_RAW.topicName(), "HRA:" + reusedId,
                    codec.encode(TestEvents.intake("HRA", reusedId, "benefit.applied", run + "-R", "Ana", "Reyes", "1980-01-01"))));
            producer.send(new ProducerRecord<>(Topic.INTAKE_RAW.topicName(), "HRA:" + reusedId, reusedOther));
            producer.send(new ProducerRecord<>(Topic.INTAKE_RAW.topicName(), invalidKey,
                    codec.encode(TestEvents.intake("HRA", run + "-invalid", "benefit.teleported", run + "-I", "Ana", "Reyes", "1980-01-01"))));
            producer.send(new ProducerRecord<>(Topic.INTAKE_RAW.topicName(), garbageKey, "not avro".getBytes(StandardCharsets.UTF_8)));
            producer.flush();
        }

        TopicReader.await(Topic.INTAKE_ACCEPTED, IntakeEvent.class, e -> e.getAgencyEventId().startsWith(run), valid + 1, WAIT);
        ConsumerRecord<String, byte[]> conflict = DeadLetterReader.await(Topic.INTAKE_DEAD_LETTER, "HRA:" + reusedId, WAIT);
        assertArrayEquals(reusedOther, conflict.value());
        assertTrue(DeadLetterReader.headersText(conflict).contains("civiclink.dlq.reason=Conflict"));
        assertTrue(DeadLetterReader.headersText(DeadLetterReader.await(Topic.INTAKE_DEAD_LETTER, invalidKey, WAIT))
                .contains("civiclink.dlq.reason=Invalid IntakeEvent"));
        assertTrue(DeadLetterReader.headersText(DeadLetterReader.await(Topic.INTAKE_DEAD_LETTER, garbageKey, WAIT))
                .contains("civiclink.dlq.reason=Undecodable IntakeEvent"));
        // Once intake committed offsets up to the end of the raw topic, it has decided and sent everything.
        Eventually.assertWithin(WAIT, () -> assertTrue(rawTopicConsumed()));
        Map<String, Long> published = org.civiclink.intake.IntakeTestSupport.acceptedSoFar().stream()
                .map(IntakeEvent::getAgencyEventId).filter(id -> id.startsWith(run))
                .collect(Collectors.groupingBy(id -> id, Collectors.counting()));
        assertEquals(valid + 1, published.size());
        assertTrue(published.values().stream().allMatch(count -> count == 1), published.toString());

        List<ConsumerRecord<String, AccessEvent>> processing = TopicReader.await(Topic.ACCESS_EVENTS, AccessEvent.class,
                e -> e.getAction().equals("PROCESS") && e.getRecordIds().stream().anyMatch(id -> id.startsWith("HRA:" + run)),
                valid + 1, WAIT);
        assertEquals(valid + 1, processing.stream().map(r -> r.value().getRecordIds().get(0)).distinct().count());
    }

    private static boolean rawTopicConsumed() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.bootstrapServers()))) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets("civiclink-intake-raw")
                    .partitionsToOffsetAndMetadata().get();
            Map<TopicPartition, OffsetSpec> latest = committed.keySet().stream()
                    .filter(partition -> partition.topic().equals(Topic.INTAKE_RAW.topicName()))
                    .collect(Collectors.toMap(partition -> partition, partition -> OffsetSpec.latest()));
            return admin.listOffsets(latest).all().get().entrySet().stream()
                    .allMatch(end -> committed.get(end.getKey()).offset() >= end.getValue().offset());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        } catch (ExecutionException e) {
            throw new AssertionError(e);
        }
    }

    private static io.restassured.specification.RequestSpecification asHra() {
        String token = org.civiclink.platform.testing.DevTokenIssuer.issue("hra-system", "HRA", "agency-system");
        return io.restassured.RestAssured.given().auth().oauth2(token).header("Purpose-Of-Use", "TREATMENT");
    }
}
