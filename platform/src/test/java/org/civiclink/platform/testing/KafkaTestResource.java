package org.civiclink.platform.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Points a Quarkus test at the shared real broker, with a fresh Kafka Streams state folder: a
 * state folder that outlives its broker corrupts the next run.
 */
public class KafkaTestResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        String servers = KafkaBroker.bootstrapServers();
        try {
            Path stateDir = Files.createTempDirectory("kafka-streams-state");
            return Map.of(
                    "kafka.bootstrap.servers", servers,
                    "quarkus.kafka-streams.bootstrap-servers", servers,
                    "kafka-streams.state.dir", stateDir.toString(),
                    "kafka-streams.commit.interval.ms", "100",
                    "kafka-streams.statestore.cache.max.bytes", "0");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
        // The broker is shared by the whole test JVM and stops with it.
    }
}
