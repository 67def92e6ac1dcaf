package org.civiclink.intake.raw;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.civiclink.events.AccessEvent;
import org.civiclink.events.topic.Topic;
import org.civiclink.platform.audit.AccessEvents;
import org.civiclink.platform.kafka.ReliableProducers;
import org.civiclink.platform.security.PurposeOfUse;

import io.smallrye.common.annotation.Identifier;

/**
 * The system {@code PROCESS} AccessEvent of an event accepted from the raw topic. Sent here rather
 * than through the platform's {@code AccessEventPublisher} because that one only offers a send that
 * waits (one broker round trip per event) or one nobody can wait for; a poll's events must be sent
 * together and awaited once.
 */
@ApplicationScoped
public class ProcessingAudit {

    private static final Duration MAX_BLOCK = Duration.ofSeconds(10);

    private final Producer<String, AccessEvent> producer;

    @Inject
    public ProcessingAudit(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig) {
        this.producer = ReliableProducers.create(kafkaConfig, AccessEvent.class, "intake-raw-access-events", MAX_BLOCK);
    }

    /** Starts the send; the caller awaits it before it commits the decision it records. */
    public Future<RecordMetadata> send(String recordId, List<String> dataCategories) {
        AccessEvent event = AccessEvents.systemProcessing(DeadLetterWriter.SERVICE, PurposeOfUse.TREATMENT,
                "topic:" + Topic.INTAKE_RAW.topicName(), List.of(), List.of(recordId), dataCategories);
        return producer.send(new ProducerRecord<>(Topic.ACCESS_EVENTS.topicName(), event.getEventId(), event));
    }

    @PreDestroy
    void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
