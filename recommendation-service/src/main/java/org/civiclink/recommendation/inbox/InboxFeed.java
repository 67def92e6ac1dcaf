package org.civiclink.recommendation.inbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.civiclink.events.Referral;
import org.civiclink.events.ReferralStatusChanged;
import org.civiclink.events.topic.Topic;
import org.civiclink.events.wire.AvroCodec;
import org.civiclink.recommendation.directory.ServiceDirectory;
import org.civiclink.recommendation.referral.ReferralRecord;
import org.civiclink.recommendation.referral.ReferralView;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;

/**
 * Feeds the inbox streams of this instance from the referrals and referral-status topics. Every
 * instance reads every partition from the end (no consumer group: each instance must see all events,
 * whichever instance wrote them), so a caseworker connected to either of two instances sees the
 * same stream. A referral event carries its team and everything shown; a status change is joined with
 * the referral's current row (written before the event was published, by the outbox).
 */
@ApplicationScoped
public class InboxFeed {

    private static final Logger LOG = Logger.getLogger(InboxFeed.class);
    private static final AvroCodec<Referral> REFERRALS = AvroCodec.of(Referral.class);
    private static final AvroCodec<ReferralStatusChanged> STATUS = AvroCodec.of(ReferralStatusChanged.class);

    private final BroadcastProcessor<InboxItem> broadcast = BroadcastProcessor.create();
    private final Map<String, Object> kafkaConfig;
    private KafkaConsumer<String, byte[]> consumer;
    private Thread poller;
    private volatile boolean running = true;

    @Inject
    ServiceDirectory directory;

    @Inject
    public InboxFeed(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig) {
        this.kafkaConfig = kafkaConfig;
    }

    /** Positions are fixed at startup, so any event written after the service is up reaches the streams. */
    void onStart(@Observes StartupEvent start) {
        Map<String, Object> config = new HashMap<>();
        kafkaConfig.forEach((key, value) -> {
            if (ConsumerConfig.configNames().contains(key)) {
                config.put(key, value);
            }
        });
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "recommendation-inbox-feed");
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = new ArrayList<>();
        for (Topic topic : List.of(Topic.REFERRALS, Topic.REFERRAL_STATUS)) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic.topicName(), Duration.ofSeconds(30));
            if (infos == null || infos.isEmpty()) {
                // Topics are provisioned before services start; an inbox that silently shows nothing would be worse.
                throw new IllegalStateException("Topic " + topic.topicName() + " does not exist; the inbox stream cannot start");
            }
            infos.forEach(info -> partitions.add(new TopicPartition(info.topic(), info.partition())));
        }
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        poller = new Thread(this::poll, "inbox-feed");
        poller.setDaemon(true);
        poller.start();
    }

    /** Every item of every team from now on; subscribers filter by team. */
    public Multi<InboxItem> items() {
        return broadcast;
    }

    private void poll() {
        try {
            while (running) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    try {
                        toItem(record).ifPresent(broadcast::onNext);
                    } catch (RuntimeException e) {
                        // A notification feed: one bad record must not stop the streams; the topics' own consumers dead-letter.
                        LOG.warnf("Inbox feed skipped %s-%d@%d: %s", record.topic(), record.partition(), record.offset(), e.getMessage());
                    }
                }
            }
        } catch (WakeupException e) {
            // Shutting down.
        } finally {
            consumer.close(Duration.ofSeconds(2));
        }
    }

    private Optional<InboxItem> toItem(ConsumerRecord<String, byte[]> record) {
        if (record.value() == null) {
            return Optional.empty();
        }
        if (record.topic().equals(Topic.REFERRALS.topicName())) {
            Referral referral = REFERRALS.decode(record.value());
            return referral.getTeam() == null ? Optional.empty() : Optional.of(InboxItem.referral(ReferralView.of(referral, directory)));
        }
        ReferralStatusChanged change = STATUS.decode(record.value());
        return view(change.getReferralId()).map(view -> new InboxItem(InboxItem.STATUS_CHANGED, view,
                change.getPreviousStatus().name(), change.getNewStatus().name(), change.getReason(),
                change.getChangedBy(), change.getChangedAt()));
    }

    private Optional<ReferralView> view(String referralId) {
        return QuarkusTransaction.requiringNew().call(() ->
                Optional.ofNullable(ReferralRecord.<ReferralRecord>findById(referralId))
                        .filter(r -> r.team != null)
                        .map(r -> ReferralView.of(r, directory)));
    }

    @PreDestroy
    void stop() {
        running = false;
        if (consumer != null) {
            consumer.wakeup();
        }
    }
}
