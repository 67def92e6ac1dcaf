package org.civiclink.deploy.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.civiclink.deploy.TestPorts;
import org.civiclink.events.topic.Topic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real broker in its own JVM, from target/kafka-libs: formatted once, kept across restarts. */
class KafkaBrokerProcessTest {

    private static final String TOPIC = Topic.INTAKE_DEAD_LETTER.topicName();

    @Test
    void formatsOnceCreatesTheCatalogueRoundTripsARecordAndKeepsItAcrossARestart(@TempDir Path dir) throws IOException {
        KafkaBrokerSpec spec = new KafkaBrokerSpec(KafkaLibs.locate(), dir.resolve("kafka"), dir.resolve("config"),
                dir.resolve("logs/kafka.log"), dir.resolve("logs/kafka-console.log"), "127.0.0.1", TestPorts.free(), TestPorts.free());

        String clusterId;
        try (KafkaBrokerProcess broker = KafkaBrokerProcess.start(spec, Duration.ofSeconds(60))) {
            assertTrue(broker.formattedNow(), "first start formats the data folder");
            CivicLinkTopics.provision(broker.bootstrapServers());
            CivicLinkTopics.provision(broker.bootstrapServers()); // repeatable
            Set<String> expected = Arrays.stream(Topic.values()).map(Topic::topicName).collect(Collectors.toSet());
            assertTrue(CivicLinkTopics.list(broker.bootstrapServers()).containsAll(expected));

            produce(broker.bootstrapServers(), "hello-from-the-launcher-test");
            assertEquals(List.of("hello-from-the-launcher-test"), consumeAll(broker.bootstrapServers()));
            clusterId = clusterId(spec.dataDir());
            broker.stop(Duration.ofSeconds(20));
            assertFalse(broker.isAlive());
        }

        try (KafkaBrokerProcess again = KafkaBrokerProcess.start(spec, Duration.ofSeconds(60))) {
            assertFalse(again.formattedNow(), "a formatted data folder is reused");
            assertEquals(clusterId, clusterId(spec.dataDir()));
            assertEquals(List.of("hello-from-the-launcher-test"), consumeAll(again.bootstrapServers()));
        }
        assertTrue(Files.size(spec.logFile()) > 0, "the broker logs to the file named by the Log4j configuration");
    }

    private static void produce(String bootstrap, String value) {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()))) {
            producer.send(new ProducerRecord<>(TOPIC, 0, "key", value)).get();
        } catch (Exception e) {
            throw new AssertionError("produce failed", e);
        }
    }

    private static List<String> consumeAll(String bootstrap) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName()))) {
            TopicPartition partition = new TopicPartition(TOPIC, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            List<String> values = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (values.isEmpty() && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    values.add(record.value());
                }
            }
            return values;
        }
    }

    private static String clusterId(Path dataDir) throws IOException {
        Properties meta = new Properties();
        try (InputStream in = Files.newInputStream(dataDir.resolve("meta.properties"))) {
            meta.load(in);
        }
        return meta.getProperty("cluster.id");
    }
}
