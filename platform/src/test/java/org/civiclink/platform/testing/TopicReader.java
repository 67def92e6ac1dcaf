package org.civiclink.platform.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.civiclink.events.topic.Topic;
import org.civiclink.events.wire.AvroSerde;

/** Reads a topic from the beginning until the wanted records arrive, for assertions in tests. */
public final class TopicReader {

    private TopicReader() {
    }

    /** Waits until at least {@code count} records match, returning all matches seen (never fewer than asked, or it fails). */
    public static <T extends SpecificRecord> List<ConsumerRecord<String, T>> await(
            Topic topic, Class<T> type, Predicate<T> matching, int count, Duration timeout) {
        return await(KafkaBroker.bootstrapServers(), topic, type, matching, count, timeout);
    }

    /** As above, on a broker other than the shared in-process one (e.g. a broker in its own JVM). */
    public static <T extends SpecificRecord> List<ConsumerRecord<String, T>> await(String bootstrapServers,
            Topic topic, Class<T> type, Predicate<T> matching, int count, Duration timeout) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<ConsumerRecord<String, T>> matches = new ArrayList<>();
        Instant deadline = Instant.now().plus(timeout);
        try (KafkaConsumer<String, T> consumer = new KafkaConsumer<>(config, new StringDeserializer(), AvroSerde.of(type))) {
            consumer.subscribe(List.of(topic.topicName()));
            while (matches.size() < count && Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, T> record : consumer.poll(Duration.ofMillis(200))) {
                    if (matching.test(record.value())) {
                        matches.add(record);
                    }
                }
            }
        }
        if (matches.size() < count) {
            throw new AssertionError("Expected " + count + " matching records on " + topic.topicName()
                    + " within " + timeout + " but saw " + matches.size());
        }
        return matches;
    }
}
