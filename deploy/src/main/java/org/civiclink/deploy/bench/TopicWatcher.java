package org.civiclink.deploy.bench;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.civiclink.events.topic.Topic;

/**
 * Reads one topic from given offsets on its own thread and hands every record to a handler with the
 * moment it was seen. No consumer group: bench only watches, it must not take partitions from a
 * service or leave offsets behind.
 */
public final class TopicWatcher implements AutoCloseable {

    @FunctionalInterface
    public interface Handler {
        void accept(ConsumerRecord<String, byte[]> record, long observedAtMillis);
    }

    private final KafkaConsumer<String, byte[]> consumer;
    private final Thread thread;
    private final AtomicLong seen = new AtomicLong();
    private final AtomicLong skipped = new AtomicLong();
    private final AtomicLong lastSeenNanos = new AtomicLong(System.nanoTime());
    private final AtomicReference<RuntimeException> failure = new AtomicReference<>();
    private volatile boolean running = true;

    public TopicWatcher(String bootstrapServers, Topic topic, Map<TopicPartition, Long> from, Handler handler) {
        this(bootstrapServers, topic, from, Duration.ZERO, handler);
    }

    /**
     * @param fetchWait how long the broker may hold a fetch to fill it: zero for the moment each record is seen
     *                  (the latency rows), more for a topic whose records come one per produce request, where
     *                  answering every fetch at once made this watcher bench's largest CPU user
     */
    public TopicWatcher(String bootstrapServers, Topic topic, Map<TopicPartition, Long> from, Duration fetchWait, Handler handler) {
        this.consumer = consumer(bootstrapServers, fetchWait);
        consumer.assign(from.keySet());
        from.forEach(consumer::seek);
        this.thread = new Thread(() -> loop(handler), "bench-watch-" + topic.name().toLowerCase());
        thread.setDaemon(true);
        thread.start();
    }

    /** The current end of every partition of the topic: where a watcher starts so that it sees only what comes next. */
    public static Map<TopicPartition, Long> endOffsets(String bootstrapServers, Topic topic) {
        try (KafkaConsumer<String, byte[]> consumer = consumer(bootstrapServers)) {
            List<PartitionInfo> partitions = consumer.partitionsFor(topic.topicName(), Duration.ofSeconds(30));
            if (partitions == null || partitions.isEmpty()) {
                throw new IllegalStateException("Topic " + topic.topicName() + " does not exist on " + bootstrapServers
                        + "; is the stack up (./civiclink up)?");
            }
            return new HashMap<>(consumer.endOffsets(
                    partitions.stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList(), Duration.ofSeconds(30)));
        }
    }

    private static KafkaConsumer<String, byte[]> consumer(String bootstrapServers) {
        return consumer(bootstrapServers, Duration.ZERO);
    }

    private static KafkaConsumer<String, byte[]> consumer(String bootstrapServers, Duration fetchWait) {
        Map<String, Object> config = new HashMap<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.CLIENT_ID_CONFIG, "civiclink-bench",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000));
        if (!fetchWait.isZero()) {
            config.put(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, 1 << 20);
            config.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, (int) fetchWait.toMillis());
        }
        return new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
    }

    private void loop(Handler handler) {
        try {
            while (running) {
                var records = consumer.poll(Duration.ofMillis(200));
                long now = System.currentTimeMillis();
                for (ConsumerRecord<String, byte[]> record : records) {
                    try {
                        handler.accept(record, now);
                    } catch (RuntimeException e) {
                        // Someone else's bad record is the services' dead-letter business, not a bench failure.
                        skipped.incrementAndGet();
                    }
                }
                if (!records.isEmpty()) {
                    seen.addAndGet(records.count());
                    lastSeenNanos.set(System.nanoTime());
                }
            }
        } catch (WakeupException e) {
            // closing
        } catch (RuntimeException e) {
            failure.set(e);
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    /** Records seen so far. */
    public long seen() {
        return seen.get();
    }

    /** Records the handler could not take (e.g. undecodable). */
    public long skipped() {
        return skipped.get();
    }

    /** How long since the last record arrived (or since the start). */
    public Duration idle() {
        return Duration.ofNanos(System.nanoTime() - lastSeenNanos.get());
    }

    /** Rethrows what stopped the watcher, if anything did. */
    public void check() {
        RuntimeException e = failure.get();
        if (e != null) {
            throw new IllegalStateException("Watching a topic failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
