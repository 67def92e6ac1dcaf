package org.civiclink.platform.audit;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.civiclink.events.AccessEvent;
import org.civiclink.events.topic.Topic;
import org.civiclink.platform.kafka.ReliableProducers;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.smallrye.common.annotation.Identifier;

/** Sends AccessEvents to the audit topic with an idempotent producer. */
@ApplicationScoped
public class AccessEventPublisher {

    private static final Logger LOG = Logger.getLogger(AccessEventPublisher.class);

    private final Producer<String, AccessEvent> producer;
    private final Duration timeout;

    @Inject
    public AccessEventPublisher(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig,
                                @ConfigProperty(name = "civiclink.audit.publish-timeout", defaultValue = "5s") Duration timeout) {
        this.producer = ReliableProducers.create(kafkaConfig, AccessEvent.class, "access-events", timeout);
        this.timeout = timeout;
    }

    /**
     * A started send. {@link #await} returns once the broker has the event, at most the publish
     * timeout after the send started, however long the caller worked in between.
     */
    public record Sent(Future<RecordMetadata> acknowledgement, long deadlineNanos) {

        public void await() {
            try {
                acknowledgement.get(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AuditUnavailableException(e);
            } catch (ExecutionException | TimeoutException | RuntimeException e) {
                throw new AuditUnavailableException(e);
            }
        }
    }

    /** Returns only once the broker has the event, so a read is never answered without its record. */
    public void publishAndWait(AccessEvent event) {
        send(event).await();
    }

    /**
     * Starts the send, for a caller with other work to do meanwhile (or many events to send at once):
     * it must await the result before it answers or commits what the event records.
     */
    public Sent send(AccessEvent event) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            return new Sent(producer.send(record(event)), deadline);
        } catch (RuntimeException e) {
            throw new AuditUnavailableException(e);
        }
    }

    /** For threads that must not block (e.g. the event loop answering a denied request). */
    public void publish(AccessEvent event) {
        producer.send(record(event), (metadata, error) -> {
            if (error != null) {
                LOG.errorf("Access event %s was not recorded: %s", event.getEventId(), error.getMessage());
            }
        });
    }

    @PreDestroy
    void close() {
        producer.close(Duration.ofSeconds(5));
    }

    private static ProducerRecord<String, AccessEvent> record(AccessEvent event) {
        return new ProducerRecord<>(Topic.ACCESS_EVENTS.topicName(), event.getEventId(), event);
    }
}
