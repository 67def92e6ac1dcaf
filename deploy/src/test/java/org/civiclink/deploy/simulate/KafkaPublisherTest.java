package org.civiclink.deploy.simulate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.civiclink.events.IntakeEvent;
import org.civiclink.events.topic.Topic;
import org.civiclink.events.wire.AvroCodec;
import org.civiclink.simulator.Simulation;
import org.civiclink.simulator.records.SourceRecord;
import org.junit.jupiter.api.Test;

class KafkaPublisherTest {

    @Test
    void everyRecordGoesToTheRawTopicAsAvroKeyedByAgencyAndEventId() {
        List<SourceRecord> population = new ArrayList<>();
        Simulation.of(3, 30).run(population::add);
        MockProducer<String, byte[]> producer = new MockProducer<>(true, null, new StringSerializer(), new ByteArraySerializer());

        KafkaPublisher.Result result;
        try (KafkaPublisher publisher = new KafkaPublisher(producer, Topic.INTAKE_RAW, 0, "t1-")) {
            population.forEach(publisher::publish);
            result = publisher.finish();
        }

        assertEquals(population.size(), result.sent());
        assertEquals(0, result.failures());
        assertEquals(population.size(), producer.history().size());
        AvroCodec<IntakeEvent> codec = AvroCodec.of(IntakeEvent.class);
        for (int i = 0; i < population.size(); i++) {
            var sent = producer.history().get(i);
            IntakeEvent event = codec.decode(sent.value());
            assertEquals(Topic.INTAKE_RAW.topicName(), sent.topic());
            assertEquals(population.get(i).agency() + ":t1-" + population.get(i).recordId(), sent.key());
            assertEquals(SimulatedIntakeEvents.of(population.get(i), "t1-", event.getOccurredAt()), event);
        }
    }

    @Test
    void theAcceptedChannelKeysByRecordAsIntakeDoes() {
        List<SourceRecord> population = new ArrayList<>();
        Simulation.of(4, 10).run(population::add);
        MockProducer<String, byte[]> producer = new MockProducer<>(true, null, new StringSerializer(), new ByteArraySerializer());

        try (KafkaPublisher publisher = new KafkaPublisher(producer, Topic.INTAKE_ACCEPTED, 0, "t3-")) {
            population.forEach(publisher::publish);
            publisher.finish();
        }

        for (int i = 0; i < population.size(); i++) {
            var sent = producer.history().get(i);
            assertEquals(Topic.INTAKE_ACCEPTED.topicName(), sent.topic());
            // linkage reads the record id from the event; the key keeps one record's events in order
            assertEquals(population.get(i).agency() + ":" + population.get(i).recordId(), sent.key());
        }
    }

    @Test
    void onlyTheIntakeTopicsAreAccepted() {
        MockProducer<String, byte[]> producer = new MockProducer<>(true, null, new StringSerializer(), new ByteArraySerializer());
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new KafkaPublisher(producer, Topic.LINKED_EVENTS, 0, "t4-"));
    }

    @Test
    void brokerErrorsAreCountedNotThrown() {
        MockProducer<String, byte[]> producer = new MockProducer<>(false, null, new StringSerializer(), new ByteArraySerializer());
        List<SourceRecord> population = new ArrayList<>();
        Simulation.of(3, 5).run(population::add);

        KafkaPublisher.Result result;
        try (KafkaPublisher publisher = new KafkaPublisher(producer, Topic.INTAKE_RAW, 0, "t2-")) {
            population.forEach(publisher::publish);
            producer.errorNext(new org.apache.kafka.common.errors.TimeoutException("broker away"));
            while (producer.completeNext()) {
                // acknowledge the rest
            }
            result = publisher.finish();
        }

        assertEquals(1, result.failures());
        assertTrue(result.outcomes().contains("broker away"), result.outcomes());
    }
}
