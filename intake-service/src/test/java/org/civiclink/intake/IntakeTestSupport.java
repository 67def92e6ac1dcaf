package org.civiclink.intake;

import static io.restassured.RestAssured.given;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.civiclink.events.IntakeEvent;
import org.civiclink.events.topic.Topic;
import org.civiclink.events.wire.AvroSerde;
import org.civiclink.platform.testing.DevTokenIssuer;
import org.civiclink.platform.testing.KafkaBroker;

import io.restassured.specification.RequestSpecification;

/** Requests as an agency system, sample events, and an exact read of the accepted topic. */
public final class IntakeTestSupport {

    public static final String SHELTER_TOKEN = DevTokenIssuer.issue("shelter-system", "DHS-SHELTER", "agency-system");

    private IntakeTestSupport() {
    }

    public static RequestSpecification asShelter() {
        return given().auth().oauth2(SHELTER_TOKEN).contentType("application/json").header("Purpose-Of-Use", "TREATMENT");
    }

    public static String uniqueId(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }

    /** A complete, valid shelter.entry event. */
    public static String event(String agency, String eventId, String recordId) {
        return """
                {"agencyCode":"%s","agencyEventId":"%s","eventType":"shelter.entry","occurredAt":"2026-11-30T20:15:00Z",
                 "person":{"agencyRecordId":"%s","names":[{"given":"Maria","family":"Lopez","use":"OFFICIAL"}],
                   "dateOfBirth":"1984-03-12","sex":"F","ssn":"412-55-0198",
                   "addresses":[{"line1":"400 E 30th St","city":"New York","region":"NY","postalCode":"10016","use":"SHELTER"}],
                   "phones":[{"number":"+1 212 555 0143","use":"MOBILE"}]},
                 "facts":[{"category":"housing","code":"shelter-entry","effectiveFrom":"2026-11-30","dataCategory":"housing",
                   "source":{"agencyCode":"%s","verification":"SYSTEM_VERIFIED"}}],
                 "consents":[{"purpose":"REFERRAL","dataCategories":["housing"],"status":"GIVEN","declaredAt":"2026-11-30T20:20:00Z"}]}
                """.formatted(agency, eventId, recordId, agency);
    }

    /**
     * Every record on the accepted topic up to its current end, read with read_committed: a record
     * that a finished request published is certainly among them.
     */
    public static List<IntakeEvent> acceptedSoFar() {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        List<IntakeEvent> events = new ArrayList<>();
        try (KafkaConsumer<String, IntakeEvent> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                AvroSerde.of(IntakeEvent.class))) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topic.INTAKE_ACCEPTED.topicName()).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).collect(Collectors.toList());
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("could not read the accepted topic to its end");
                }
                for (ConsumerRecord<String, IntakeEvent> record : consumer.poll(Duration.ofMillis(200))) {
                    events.add(record.value());
                }
            }
        }
        return events;
    }

    public static long acceptedCount(String agencyEventId) {
        return acceptedSoFar().stream().filter(e -> e.getAgencyEventId().equals(agencyEventId)).count();
    }
}
