package org.civiclink.deploy.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.civiclink.deploy.kafka.CivicLinkTopics;
import org.civiclink.events.IntakeEvent;
import org.civiclink.events.topic.Topic;
import org.civiclink.events.wire.AvroCodec;

/**
 * The cheapest useful stream processor: read accepted IntakeEvents, decode them, encode them again
 * and write them to a scratch topic. Its throughput on the same broker, over the same records, is
 * the yardstick for the linker: the ratio of the two stays comparable across machines.
 *
 * <p>It replays a fixed offset range of the accepted topic (the bench run's), by committing the range
 * start for its own fresh application id before it starts. The scratch topic and the group are
 * deleted afterwards.
 */
public final class PassThroughTopology {

    public record Result(long expected, long processed, double perSecond, double seconds) {
    }

    private static final AvroCodec<IntakeEvent> CODEC = AvroCodec.of(IntakeEvent.class);

    private final String bootstrapServers;
    private final String applicationId;
    private final String scratchTopic;

    public PassThroughTopology(String bootstrapServers, String runTag) {
        this.bootstrapServers = bootstrapServers;
        this.applicationId = "civiclink-bench-pass-through-" + runTag;
        this.scratchTopic = "civiclink.bench.pass-through." + runTag;
    }

    /** @param onRecord called on the stream thread for every record written */
    static Topology topology(String source, String sink, Runnable onRecord) {
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(source, Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()))
                .mapValues(bytes -> CODEC.encode(CODEC.decode(bytes)))
                .peek((key, value) -> onRecord.run())
                .to(sink, Produced.with(Serdes.ByteArray(), Serdes.ByteArray()));
        return builder.build();
    }

    /**
     * Processes the accepted topic from {@code from} to its current end.
     *
     * @param timeout gives up after this long and reports what was processed
     */
    public Result run(Map<TopicPartition, Long> from, Duration timeout) {
        Map<TopicPartition, Long> to = TopicWatcher.endOffsets(bootstrapServers, Topic.INTAKE_ACCEPTED);
        long expected = 0;
        for (Map.Entry<TopicPartition, Long> end : to.entrySet()) {
            expected += end.getValue() - from.getOrDefault(end.getKey(), 0L);
        }
        ThroughputMeter meter = new ThroughputMeter();
        Path stateDir = tempDir();
        try (Admin admin = CivicLinkTopics.admin(bootstrapServers)) {
            prepare(admin, from);
            try {
                runStreams(stateDir, meter, expected, timeout);
            } finally {
                cleanUp(admin);
                deleteQuietly(stateDir);
            }
        }
        return new Result(expected, meter.count(), meter.perSecond(), meter.seconds());
    }

    private void runStreams(Path stateDir, ThroughputMeter meter, long expected, Duration timeout) {
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        // One thread, like one linkage-service instance's stream thread.
        config.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, 1);
        config.put(StreamsConfig.producerPrefix("linger.ms"), 5);
        // A static member, because Kafka Streams 4.1 leaves the group on close only as one (below); a dynamic member
        // stays until its session times out, and the group cannot be deleted while it does.
        config.put(StreamsConfig.consumerPrefix(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG), applicationId);
        CountDownLatch done = new CountDownLatch(1);
        if (expected == 0) {
            return;
        }
        Runnable counting = () -> {
            meter.mark();
            if (meter.count() >= expected) {
                done.countDown();
            }
        };
        try (KafkaStreams streams = new KafkaStreams(topology(Topic.INTAKE_ACCEPTED.topicName(), scratchTopic, counting), config)) {
            streams.start();
            try {
                done.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            streams.close(new KafkaStreams.CloseOptions().leaveGroup(true).timeout(Duration.ofSeconds(30)));
            streams.cleanUp();
        }
    }

    private void prepare(Admin admin, Map<TopicPartition, Long> from) {
        try {
            admin.createTopics(List.of(new NewTopic(scratchTopic, Topic.PARTITIONS, CivicLinkTopics.REPLICATION_FACTOR)))
                    .all().get(30, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetAndMetadata> start = new java.util.HashMap<>();
            from.forEach((partition, offset) -> start.put(partition, new OffsetAndMetadata(offset)));
            admin.alterConsumerGroupOffsets(applicationId, start).all().get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Cannot prepare the pass-through topology: " + e.getMessage(), e);
        }
    }

    private void cleanUp(Admin admin) {
        try {
            admin.deleteConsumerGroups(List.of(applicationId)).all().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            // Best effort: a leftover group or topic costs nothing but disk and a name.
        }
        try {
            admin.deleteTopics(List.of(scratchTopic)).all().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            // as above
        }
    }

    private static void deleteQuietly(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a temp folder left behind is harmless
        }
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("civiclink-bench-streams");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
