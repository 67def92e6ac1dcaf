package org.civiclink.linkage.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.civiclink.events.LinkedEvent;
import org.civiclink.events.topic.Topic;
import org.civiclink.events.wire.AvroSerde;

/** Counts one run's committed linked events as they appear, on a thread of its own. */
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
                        if (record.value().getRecordId().contains(runId)) {
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

    void awaitCount(long target) throws InterruptedException {
        while (count.get() < target) {
            Thread.sleep(100);
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        reader.join();
    }
}
