package org.civiclink.intake.publish;

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
import org.civiclink.events.IntakeEvent;
import org.civiclink.events.topic.Topic;
import org.civiclink.platform.kafka.ReliableProducers;
import org.civiclink.platform.problem.Problem;
import org.civiclink.platform.problem.ProblemException;

import io.smallrye.common.annotation.Identifier;

/**
 * Writes accepted events with an idempotent producer, keyed by record so that one person's
 * events at one agency stay in order. An event is acknowledged to the agency only once the
 * broker has it.
 */
@ApplicationScoped
public class AcceptedEventPublisher {

    public static final Duration SEND_TIMEOUT = Duration.ofSeconds(10);

    private final Producer<String, IntakeEvent> producer;

    @Inject
    public AcceptedEventPublisher(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig) {
        this.producer = ReliableProducers.create(kafkaConfig, IntakeEvent.class, "intake-accepted", SEND_TIMEOUT);
    }

    /** Sends and waits for the broker's acknowledgement. */
    public void publish(String recordKey, IntakeEvent event) {
        try {
            send(recordKey, event).get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable();
        } catch (ExecutionException | TimeoutException e) {
            throw unavailable();
        }
    }

    /** Starts the send; the caller must await the result before it commits the decision. */
    public Future<RecordMetadata> send(String recordKey, IntakeEvent event) {
        return producer.send(new ProducerRecord<>(Topic.INTAKE_ACCEPTED.topicName(), recordKey, event));
    }

    @PreDestroy
    void close() {
        producer.close(Duration.ofSeconds(5));
    }

    private static ProblemException unavailable() {
        return new ProblemException(Problem.of(503, "broker-unavailable", "Service Unavailable",
                "The event could not be stored; nothing was accepted. Retry with the same agencyEventId."));
    }
}
