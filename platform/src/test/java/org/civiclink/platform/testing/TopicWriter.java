package org.civiclink.platform.testing;

import java.util.Map;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.avro.specific.SpecificRecord;
import org.civiclink.events.topic.Topic;
import org.civiclink.events.wire.AvroCodec;

/** Writes records to the shared test broker and waits for the acknowledgement. */
public final class TopicWriter {

    private TopicWriter() {
    }

    @SuppressWarnings("unchecked")
    public static <T extends SpecificRecord> void send(Topic topic, String key, T value) {
        sendBytes(topic, key, AvroCodec.of((Class<T>) value.getClass()).encode(value));
    }

    /** Raw bytes, e.g. a record no reader can decode. */
    public static void sendBytes(Topic topic, String key, byte[] value) {
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.bootstrapServers());
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topic.topicName(), key, value)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Could not write to " + topic.topicName(), e.getCause());
        }
    }
}
