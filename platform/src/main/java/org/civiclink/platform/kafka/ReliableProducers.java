package org.civiclink.platform.kafka;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.civiclink.events.wire.AvroSerde;

/**
 * Producers for records that must not be lost or doubled: acknowledged by all in-sync replicas,
 * idempotent (a retry after a timeout cannot write twice), and bounded in how long a send may block.
 * Their callers wait for each acknowledgement before they answer, so they do not linger: Kafka 4's
 * default 5 ms wait to fill a batch would be paid on every audited read and gains nothing, since
 * concurrent sends still share a request while one is in flight.
 */
public final class ReliableProducers {

    private ReliableProducers() {
    }

    /** @param kafkaConfig the application's Kafka client settings (bootstrap servers, security) */
    public static <T extends SpecificRecord> Producer<String, T> create(Map<String, Object> kafkaConfig, Class<T> valueType,
                                                                       String clientId, Duration maxBlock) {
        return new KafkaProducer<>(reliable(kafkaConfig, clientId, maxBlock), new StringSerializer(), AvroSerde.of(valueType));
    }

    /** For dead letters: key and value are the original bytes, passed through untouched. */
    public static Producer<byte[], byte[]> createRaw(Map<String, ?> kafkaConfig, String clientId, Duration maxBlock) {
        return new KafkaProducer<>(reliable(kafkaConfig, clientId, maxBlock), new ByteArraySerializer(), new ByteArraySerializer());
    }

    private static Map<String, Object> reliable(Map<String, ?> kafkaConfig, String clientId, Duration maxBlock) {
        Map<String, Object> config = new HashMap<>(kafkaConfig);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, maxBlock.toMillis());
        config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        return config;
    }
}
