package org.civiclink.platform.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
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

    /**
     * Several records to one partition in one produce request, in order, so that a consumer most likely
     * receives them in one poll (each still acknowledged before this returns).
     */
    public static void sendTogether(Topic topic, int partition, List<Map.Entry<String, byte[]>> records) {
        write(topic, 1000, records.stream()
                .map(record -> new ProducerRecord<>(topic.topicName(), partition, record.getKey(), record.getValue())).toList());
    }

    /** Raw bytes, e.g. a record no reader can decode. */
    public static void sendBytes(Topic topic, String key, byte[] value) {
        write(topic, 0, List.of(new ProducerRecord<>(topic.topicName(), key, value)));
    }

    private static void write(Topic topic, int lingerMs, List<ProducerRecord<String, byte[]>> records) {
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.bootstrapServers(),
                ProducerConfig.LINGER_MS_CONFIG, lingerMs);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
            List<Future<RecordMetadata>> sends = new ArrayList<>();
            records.forEach(record -> sends.add(producer.send(record)));
            producer.flush();
            for (Future<RecordMetadata> send : sends) {
                send.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Could not write to " + topic.topicName(), e.getCause());
        }
    }
}
