package org.civiclink.intake.raw;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

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
import org.civiclink.events.Fact;
import org.civiclink.events.IntakeEvent;
import org.civiclink.events.topic.DeadLetterHeaders;
import org.civiclink.events.topic.Topic;
import org.civiclink.events.wire.AvroCodec;
import org.civiclink.intake.catalogue.IntakeCatalogue;
import org.civiclink.intake.receive.Answer;
import org.civiclink.intake.receive.IntakeDesk;
import org.civiclink.platform.audit.AccessEventPublisher;
import org.civiclink.platform.audit.AccessEvents;
import org.civiclink.platform.kafka.ReliableProducers;
import org.civiclink.platform.security.PurposeOfUse;
import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;

/**
 * Reads agency producers' Avro events from the raw topic and puts each through the same desk as a
 * REST post. The consumer reads bytes and decodes them itself, so that a record that cannot be
 * decoded and one that decodes but is unusable both reach the dead-letter topic with their original
 * bytes and a reason. Offsets are committed only after every record of a poll was decided or
 * dead-lettered; on an infrastructure failure (database, broker) the loop rewinds to the failed
 * record and tries again, and the desk's idempotency makes the redelivery harmless.
 */
@ApplicationScoped
public class RawEventIngestor {

    private static final Logger LOG = Logger.getLogger(RawEventIngestor.class);
    private static final String SERVICE = "intake-service";
    private static final AvroCodec<IntakeEvent> CODEC = AvroCodec.of(IntakeEvent.class);

    @Inject
    IntakeDesk desk;

    @Inject
    IntakeCatalogue catalogue;

    @Inject
    AccessEventPublisher accessEvents;

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaConfig;

    private volatile boolean running;
    private Thread loop;
    private KafkaConsumer<String, byte[]> consumer;
    /** Kafka's own default: a dead letter may wait as long as any send would. */
    private static final Duration DEAD_LETTER_MAX_BLOCK = Duration.ofSeconds(60);

    private Producer<byte[], byte[]> deadLetters;

    void start(@Observes StartupEvent startup) {
        if (!catalogue.raw().enabled()) {
            return;
        }
        Map<String, Object> consumerConfig = new HashMap<>(kafkaConfig);
        consumerConfig.put(ConsumerConfig.GROUP_ID_CONFIG, catalogue.raw().groupId());
        consumerConfig.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        consumerConfig.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        consumerConfig.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        consumerConfig.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 200);
        consumerConfig.put(ConsumerConfig.CLIENT_ID_CONFIG, "intake-raw");
        consumer = new KafkaConsumer<>(consumerConfig, new StringDeserializer(), new ByteArrayDeserializer());
        deadLetters = ReliableProducers.createRaw(kafkaConfig, "intake-dead-letters", DEAD_LETTER_MAX_BLOCK);
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
        deadLetters.close(Duration.ofSeconds(5));
    }

    private void run() {
        try {
            consumer.subscribe(List.of(Topic.INTAKE_RAW.topicName()));
            while (running) {
                ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(500));
                handleAll(records);
            }
        } catch (WakeupException e) {
            if (running) {
                throw e;
            }
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    /**
     * Commits what was handled; on a failure also rewinds every partition of this poll to its first
     * unhandled record, so nothing is skipped and nothing handled is dead-lettered twice.
     */
    private void handleAll(ConsumerRecords<String, byte[]> records) {
        Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                handle(record);
                done.put(new TopicPartition(record.topic(), record.partition()), new OffsetAndMetadata(record.offset() + 1));
            } catch (RuntimeException e) {
                // Log the failure's type only: messages of lower layers may quote event content.
                LOG.warnf("Raw event at %s-%d@%d not handled (%s); retrying", record.topic(), record.partition(), record.offset(),
                        e.getClass().getName());
                for (TopicPartition partition : records.partitions()) {
                    OffsetAndMetadata next = done.get(partition);
                    consumer.seek(partition, next != null ? next.offset() : records.records(partition).get(0).offset());
                }
                commit(done);
                sleep();
                return;
            }
        }
        commit(done);
    }

    private void commit(Map<TopicPartition, OffsetAndMetadata> done) {
        if (!done.isEmpty()) {
            consumer.commitSync(done);
        }
    }

    private void handle(ConsumerRecord<String, byte[]> record) {
        IntakeEvent event;
        try {
            event = CODEC.decode(record.value());
        } catch (RuntimeException e) {
            // The codec's messages describe the wire format (header, fingerprint), never field values.
            deadLetter(record, "Undecodable IntakeEvent: " + abbreviate(String.valueOf(e.getMessage())));
            return;
        }
        Answer answer = desk.receive(RawEventRequests.fromAvro(event), IntakeDesk.KAFKA);
        switch (answer.outcome()) {
            case REJECTED -> deadLetter(record, "Invalid IntakeEvent: " + answer.reasons().stream()
                    .map(reason -> reason.name() + " " + reason.reason()).collect(Collectors.joining("; ")));
            case CONFLICT -> deadLetter(record, "Conflict: agencyEventId was accepted before with different content");
            case ACCEPTED -> {
                if (!answer.replay()) {
                    List<String> categories = new ArrayList<>(List.of("identity"));
                    event.getFacts().stream().map(Fact::getDataCategory).distinct().forEach(categories::add);
                    accessEvents.publishAndWait(AccessEvents.systemProcessing(SERVICE, PurposeOfUse.TREATMENT,
                            "topic:" + Topic.INTAKE_RAW.topicName(), List.of(), List.of(answer.recordId()), categories));
                }
            }
        }
    }

    /** The key as it arrived: the consumer decoded it as UTF-8, so encoding it back gives the same bytes. */
    private static byte[] keyBytes(ConsumerRecord<String, byte[]> record) {
        return record.key() == null ? null : record.key().getBytes(StandardCharsets.UTF_8);
    }

    private void deadLetter(ConsumerRecord<String, byte[]> record, String reason) {
        try {
            deadLetters.send(new ProducerRecord<>(Topic.INTAKE_DEAD_LETTER.topicName(), null, keyBytes(record), record.value(),
                    DeadLetterHeaders.describe(reason, SERVICE, record.topic(), record.partition(), record.offset())))
                    .get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while dead-lettering", e);
        } catch (Exception e) {
            throw new IllegalStateException("dead-letter topic unavailable", e);
        }
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
