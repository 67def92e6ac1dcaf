package org.civiclink.intake.raw;

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
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.civiclink.events.topic.Topic;
import org.civiclink.intake.catalogue.IntakeCatalogue;
import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;

/**
 * Reads agency producers' Avro events from the raw topic and has {@link RawPollHandler} decide them
 * with the same desk as a REST post. The consumer reads bytes, so that a record that cannot be
 * decoded and one that decodes but is unusable both reach the dead-letter topic with their original
 * bytes and a reason.
 *
 * <p>A poll is decided in one transaction, and its offsets are committed after it. If that fails
 * (database, broker, or one record the handler cannot cope with), the loop rewinds to the start of
 * the poll, waits a second and takes the redelivered records one at a time, committing after each:
 * a record that keeps failing then holds up only its own partition's later records, as it did before
 * polls were batched, and everything before it goes through. The desk's idempotency makes every
 * redelivery harmless. After a poll that went through record by record, batching resumes.
 */
@ApplicationScoped
public class RawEventIngestor {

    private static final Logger LOG = Logger.getLogger(RawEventIngestor.class);

    @Inject
    IntakeCatalogue catalogue;

    @Inject
    RawPollHandler handler;

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaConfig;

    private volatile boolean running;
    private Thread loop;
    private KafkaConsumer<String, byte[]> consumer;
    /** Set after a failed poll: the redelivery goes record by record. */
    private boolean oneByOne;

    void start(@Observes StartupEvent startup) {
        if (!catalogue.raw().enabled()) {
            return;
        }
        Map<String, Object> consumerConfig = new HashMap<>(kafkaConfig);
        consumerConfig.put(ConsumerConfig.GROUP_ID_CONFIG, catalogue.raw().groupId());
        consumerConfig.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        consumerConfig.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        consumerConfig.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        consumerConfig.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, catalogue.raw().maxPollRecords());
        consumerConfig.put(ConsumerConfig.CLIENT_ID_CONFIG, "intake-raw");
        consumer = new KafkaConsumer<>(consumerConfig, new StringDeserializer(), new ByteArrayDeserializer());
        running = true;
        loop = new Thread(this::run, "intake-raw-ingestor");
        loop.setDaemon(true);
        loop.start();
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
    }

    private void run() {
        try {
            consumer.subscribe(List.of(Topic.INTAKE_RAW.topicName()));
            while (running) {
                ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(500));
                if (records.isEmpty()) {
                    continue;
                }
                if (oneByOne) {
                    oneByOne = !handleOneByOne(records);
                } else {
                    oneByOne = !handleTogether(records);
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

    /** @return whether the whole poll was decided and committed */
    private boolean handleTogether(ConsumerRecords<String, byte[]> records) {
        List<ConsumerRecord<String, byte[]>> all = new ArrayList<>(records.count());
        records.forEach(all::add);
        try {
            handler.handle(all);
        } catch (RuntimeException e) {
            warn(all.get(0), all.size(), e);
            rewind(records, Map.of());
            sleep();
            return false;
        }
        Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
        for (TopicPartition partition : records.partitions()) {
            List<ConsumerRecord<String, byte[]>> inPartition = records.records(partition);
            done.put(partition, new OffsetAndMetadata(inPartition.get(inPartition.size() - 1).offset() + 1));
        }
        commit(done);
        return true;
    }

    /**
     * Commits what was handled; on a failure also rewinds every partition of this poll to its first
     * unhandled record, so nothing is skipped and nothing handled is dead-lettered twice.
     *
     * @return whether every record of the poll was decided
     */
    private boolean handleOneByOne(ConsumerRecords<String, byte[]> records) {
        Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                handler.handle(List.of(record));
                done.put(new TopicPartition(record.topic(), record.partition()), new OffsetAndMetadata(record.offset() + 1));
            } catch (RuntimeException e) {
                warn(record, 1, e);
                rewind(records, done);
                commit(done);
                sleep();
                return false;
            }
        }
        commit(done);
        return true;
    }

    private void rewind(ConsumerRecords<String, byte[]> records, Map<TopicPartition, OffsetAndMetadata> done) {
        for (TopicPartition partition : records.partitions()) {
            OffsetAndMetadata next = done.get(partition);
            consumer.seek(partition, next != null ? next.offset() : records.records(partition).get(0).offset());
        }
    }

    private static void warn(ConsumerRecord<String, byte[]> first, int count, RuntimeException e) {
        // Log the failure's type only: messages of lower layers may quote event content.
        LOG.warnf("%d raw event(s) from %s-%d@%d not handled (%s); retrying one at a time", count, first.topic(),
                first.partition(), first.offset(), e.getClass().getName());
    }

    private void commit(Map<TopicPartition, OffsetAndMetadata> done) {
        if (!done.isEmpty()) {
            consumer.commitSync(done);
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
