package org.civiclink.linkage.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.civiclink.events.LinkedEvent;
import org.civiclink.events.topic.Topic;
import org.civiclink.events.wire.AvroSerde;

/** Counts one run's committed linked events (record ids carrying the run id) as they appear, on a thread of its own. */
final class LinkedCounter implements AutoCloseable {

    private final AtomicLong count = new AtomicLong();
    private final Thread reader;
    private volatile boolean running = true;

    LinkedCounter(String bootstrap, String runId) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        KafkaConsumer<String, LinkedEvent> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                AvroSerde.of(LinkedEvent.class));
        List<TopicPartition> partitions = new ArrayList<>();
        for (int p = 0; p < Topic.PARTITIONS; p++) {
            partitions.add(new TopicPartition(Topic.LINKED_EVENTS.topicName(), p));
        }
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        reader = new Thread(() -> {
            try (consumer) {
                while (running) {
                    for (ConsumerRecord<String, LinkedEvent> record : consumer.poll(Duration.ofMillis(200))) {
                        if (record.value().getRecordId().contains(":" + runId + "-")) {
                            count.incrementAndGet();
                        }
                    }
                }
            }
        }, "linked-counter");
        reader.start();
    }

    long count() {
        return count.get();
    }

    /**
     * Waits until {@code target} events are linked. Fails once none has come for {@code stall}, or
     * the linker stopped: a run that cannot finish must say so rather than hang.
     */
    void awaitCount(long target, Duration stall, BooleanSupplier linkerAlive) throws InterruptedException {
        long seen = count.get();
        Instant lastProgress = Instant.now();
        while (seen < target) {
            Thread.sleep(100);
            long now = count.get();
            if (now > seen) {
                seen = now;
                lastProgress = Instant.now();
            } else if (!linkerAlive.getAsBoolean() || Duration.between(lastProgress, Instant.now()).compareTo(stall) > 0) {
                throw new IllegalStateException("linked " + seen + " of " + target + " events, then nothing for "
                        + Duration.between(lastProgress, Instant.now()).toSeconds() + " s"
                        + (linkerAlive.getAsBoolean() ? "" : " (the linker stopped)"));
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        reader.join();
    }
}
