package org.civiclink.recommendation.referral;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.civiclink.platform.kafka.ReliableProducers;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Sort;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.common.annotation.Identifier;

/**
 * Publishes outbox rows in id order and marks them sent. It runs right after each commit that wrote
 * to the outbox, and on a timer as a safety net (a crash, a broker outage, the other instance holding
 * the lock). Only one instance relays at a time (a PostgreSQL advisory lock), which keeps the order.
 * Delivery is at least once: a crash after publishing and before marking re-publishes the batch.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    // Any constant shared by all instances; "REFO" in ASCII.
    private static final long LOCK_KEY = 0x5245464FL;

    private final Producer<byte[], byte[]> producer;
    private final Duration timeout;
    private final int batchSize;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "referral-outbox-relay");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean pending = new AtomicBoolean();

    @Inject
    EntityManager entityManager;

    @Inject
    public OutboxRelay(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig,
                       @ConfigProperty(name = "civiclink.outbox.publish-timeout", defaultValue = "10s") Duration timeout,
                       @ConfigProperty(name = "civiclink.outbox.batch-size", defaultValue = "500") int batchSize) {
        this.producer = ReliableProducers.createRaw(kafkaConfig, "referral-outbox", timeout);
        this.timeout = timeout;
        this.batchSize = batchSize;
    }

    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) ReferralOutbox.Written written) {
        wake();
    }

    @Scheduled(every = "${civiclink.outbox.sweep-every:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        wake();
    }

    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void forgetSent() {
        QuarkusTransaction.requiringNew().run(() ->
                OutboxMessage.delete("sentAt < ?1", Instant.now().minus(Duration.ofDays(1))));
    }

    /** Asks for a relay run; many wake-ups while one is pending coalesce into it. */
    public void wake() {
        if (pending.compareAndSet(false, true)) {
            worker.execute(this::drain);
        }
    }

    private void drain() {
        pending.set(false);
        try {
            while (publishBatch() == batchSize) {
                // A full batch: there may be more.
            }
        } catch (RuntimeException e) {
            LOG.warnf("Outbox relay paused, the sweep retries: %s", e.getMessage());
        }
    }

    /** Publishes one batch and marks it sent, or nothing if another instance holds the lock. */
    int publishBatch() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Object locked = entityManager.createNativeQuery("SELECT pg_try_advisory_xact_lock(" + LOCK_KEY + ")").getSingleResult();
            if (!Boolean.TRUE.equals(locked)) {
                return 0;
            }
            List<OutboxMessage> batch = OutboxMessage.<OutboxMessage>find("sentAt is null", Sort.by("id"))
                    .page(0, batchSize).list();
            List<Future<RecordMetadata>> sends = new ArrayList<>(batch.size());
            for (OutboxMessage message : batch) {
                sends.add(producer.send(new ProducerRecord<>(message.topic,
                        message.messageKey.getBytes(StandardCharsets.UTF_8), message.payload)));
            }
            for (Future<RecordMetadata> send : sends) {
                send.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            }
            Instant now = Instant.now();
            batch.forEach(message -> message.sentAt = now);
            return batch.size();
        });
    }

    @PreDestroy
    void close() {
        worker.shutdown();
        producer.close(Duration.ofSeconds(5));
    }
}
