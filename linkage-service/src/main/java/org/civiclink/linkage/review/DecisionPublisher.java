package org.civiclink.linkage.review;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.civiclink.events.LinkDecision;
import org.civiclink.events.topic.Topic;
import org.civiclink.platform.kafka.ReliableProducers;
import org.civiclink.platform.problem.Problem;
import org.civiclink.platform.problem.ProblemException;

import io.smallrye.common.annotation.Identifier;

/**
 * Decisions travel through their topic to the linking task, which applies them in order with the
 * records; the topic is their durable log, the task's store their current state.
 */
@ApplicationScoped
public class DecisionPublisher {

    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(10);

    private final Producer<String, LinkDecision> producer;

    @Inject
    public DecisionPublisher(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig) {
        this.producer = ReliableProducers.create(kafkaConfig, LinkDecision.class, "linkage-decisions", SEND_TIMEOUT);
    }

    public void publish(LinkDecision decision) {
        try {
            producer.send(new ProducerRecord<>(Topic.LINK_DECISIONS.topicName(), decision.getLeftRecordId(), decision))
                    .get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable();
        } catch (ExecutionException | TimeoutException e) {
            throw unavailable();
        }
    }

    @PreDestroy
    void close() {
        producer.close(Duration.ofSeconds(5));
    }

    private static ProblemException unavailable() {
        return new ProblemException(Problem.of(503, "broker-unavailable", "Service Unavailable",
                "The decision could not be stored; nothing changed. Retry."));
    }
}
