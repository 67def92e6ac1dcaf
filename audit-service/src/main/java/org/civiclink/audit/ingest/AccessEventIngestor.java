package org.civiclink.audit.ingest;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.civiclink.events.AccessEvent;
import org.civiclink.events.topic.DeadLetterHeaders;
import org.civiclink.events.topic.Topic;
import org.civiclink.events.wire.AvroCodec;
import org.civiclink.platform.kafka.ReliableProducers;
import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;

/**
 * Stores AccessEvents effectively once, a batch at a time. Each poll's decodable events are
 * appended to the chain in one database transaction (one by one when the database refuses the
 * batch for its data, see {@link IsolatingAppender}); undecodable records and refused events
 * go to the dead-letter topic after the rest is stored; the offsets are committed last. A crash
 * anywhere in between redelivers the whole poll, whose events the appender recognises by id and skips:
 * at-least-once delivery plus an idempotent append, so nothing is lost and nothing doubled.
 * A plain consumer (not a SmallRye batch channel) because the offsets must wait for the database
 * and a bad record must go to the dead-letter topic alone, not with (or stalling) its batch.
 */
@ApplicationScoped
public class AccessEventIngestor {

    static final String SERVICE = "audit-service";
    private static final Logger LOG = Logger.getLogger(AccessEventIngestor.class);
    private static final AvroCodec<AccessEvent> CODEC = AvroCodec.of(AccessEvent.class);
    private static final Duration DEAD_LETTER_MAX_BLOCK = Duration.ofSeconds(60);

    @Inject
    IsolatingAppender appender;

    @Inject
    IngestSettings settings;

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaConfig;

    private volatile boolean running;
    private Thread loop;
    private KafkaConsumer<String, byte[]> consumer;
    private Producer<byte[], byte[]> deadLetters;

    void start(@Observes StartupEvent startup) {
        if (!settings.enabled()) {
            return;
        }
        Map<String, Object> config = new HashMap<>(kafkaConfig);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, settings.groupId());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // Only committed records: linkage-service writes in exactly-once transactions.
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, settings.maxBatch());
        config.put(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, settings.fetchMinBytes());
        config.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, settings.fetchMaxWaitMs());
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "audit-access-events");
        consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
        deadLetters = ReliableProducers.createRaw(kafkaConfig, "audit-dead-letters", DEAD_LETTER_MAX_BLOCK);
        running = true;
        loop = new Thread(this::run, "audit-access-event-ingestor");
        loop.setDaemon(true);
        loop.start();
    }

    /** True while the consumer loop runs, or when ingestion is switched off. */
    boolean healthy() {
        return !settings.enabled() || (loop != null && loop.isAlive());
    }

    void stop(@Observes ShutdownEvent shutdown) {
        if (loop == null) {
            return;
        }
        running = false;
        consumer.wakeup();
        try {
            loop.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        deadLetters.close(Duration.ofSeconds(5));
    }

    private void run() {
        try {
            consumer.subscribe(List.of(Topic.ACCESS_EVENTS.topicName()));
            while (running) {
                ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(500));
                if (!records.isEmpty()) {
                    handle(records);
                }
            }
        } catch (WakeupException e) {
            if (running) {
                throw e;
            }
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private void handle(ConsumerRecords<String, byte[]> records) {
        List<Decoded> decoded = new ArrayList<>(records.count());
        List<DeadLetter> setAside = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                decoded.add(new Decoded(record, CODEC.decode(record.value())));
            } catch (RuntimeException e) {
                // The codec's messages describe the wire format (marker, fingerprint), never field values.
                setAside.add(new DeadLetter(record, "Undecodable AccessEvent: " + abbreviate(String.valueOf(e.getMessage()))));
            }
        }
        try {
            for (IsolatingAppender.Refused<Decoded> refused : appender.append(decoded, Decoded::event)) {
                ConsumerRecord<String, byte[]> record = refused.item().record();
                LOG.warnf("The AccessEvent at %s-%d@%d was refused by the database (SQLState %s); sending it to the dead-letter topic",
                        record.topic(), record.partition(), record.offset(), refused.rejection().sqlState());
                setAside.add(new DeadLetter(record, refused.rejection().reason()));
            }
            setAside.forEach(this::deadLetter);
            consumer.commitSync(nextOffsets(records));
        } catch (RuntimeException e) {
            // Log the failure's type only: messages of lower layers may quote event content.
            LOG.warnf("A batch of %d AccessEvents was not stored (%s); retrying it", records.count(), e.getClass().getName());
            // A partition lost to a rebalance meanwhile is another consumer's to redeliver.
            for (TopicPartition partition : records.partitions()) {
                if (consumer.assignment().contains(partition)) {
                    consumer.seek(partition, records.records(partition).get(0).offset());
                }
            }
            sleep();
        }
    }

    private static Map<TopicPartition, OffsetAndMetadata> nextOffsets(ConsumerRecords<String, byte[]> records) {
        Map<TopicPartition, OffsetAndMetadata> next = new HashMap<>();
        for (TopicPartition partition : records.partitions()) {
            List<ConsumerRecord<String, byte[]>> inPartition = records.records(partition);
            next.put(partition, new OffsetAndMetadata(inPartition.get(inPartition.size() - 1).offset() + 1));
        }
        return next;
    }

    private void deadLetter(DeadLetter bad) {
        ConsumerRecord<String, byte[]> record = bad.record();
        // The key as it arrived: the consumer decoded it as UTF-8, so encoding it back gives the same bytes.
        byte[] key = record.key() == null ? null : record.key().getBytes(StandardCharsets.UTF_8);
        try {
            deadLetters.send(new ProducerRecord<>(Topic.AUDIT_DEAD_LETTER.topicName(), null, key, record.value(),
                    DeadLetterHeaders.describe(bad.reason(), SERVICE, record.topic(), record.partition(), record.offset())))
                    .get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while dead-lettering", e);
        } catch (Exception e) {
            throw new IllegalStateException("dead-letter topic unavailable", e);
        }
    }

    private record Decoded(ConsumerRecord<String, byte[]> record, AccessEvent event) {
    }

    /** A record set aside with its original bytes: undecodable, or refused by the database. */
    private record DeadLetter(ConsumerRecord<String, byte[]> record, String reason) {
    }

    private static String abbreviate(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "…";
    }

    private static void sleep() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
