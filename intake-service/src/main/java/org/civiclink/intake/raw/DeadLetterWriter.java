package org.civiclink.intake.raw;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Future;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.civiclink.events.topic.DeadLetterHeaders;
import org.civiclink.events.topic.Topic;
import org.civiclink.platform.kafka.ReliableProducers;

import io.smallrye.common.annotation.Identifier;

/** Puts a raw record on intake's dead-letter topic with its original key and bytes and the reason in its headers. */
@ApplicationScoped
public class DeadLetterWriter {

    static final String SERVICE = "intake-service";
    /** Kafka's own default: a dead letter may wait as long as any send would. */
    private static final Duration MAX_BLOCK = Duration.ofSeconds(60);

    private final Producer<byte[], byte[]> producer;

    @Inject
    public DeadLetterWriter(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig) {
        this.producer = ReliableProducers.createRaw(kafkaConfig, "intake-dead-letters", MAX_BLOCK);
    }

    /** Starts the send; the caller awaits it before it commits the record's offset. */
    public Future<RecordMetadata> send(ConsumerRecord<String, byte[]> record, String reason) {
        return producer.send(new ProducerRecord<>(Topic.INTAKE_DEAD_LETTER.topicName(), null, keyBytes(record), record.value(),
                DeadLetterHeaders.describe(reason, SERVICE, record.topic(), record.partition(), record.offset())));
    }

    /** The key as it arrived: the consumer decoded it as UTF-8, so encoding it back gives the same bytes. */
    private static byte[] keyBytes(ConsumerRecord<String, byte[]> record) {
        return record.key() == null ? null : record.key().getBytes(StandardCharsets.UTF_8);
    }

    @PreDestroy
    void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
