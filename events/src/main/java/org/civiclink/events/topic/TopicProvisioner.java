package org.civiclink.events.topic;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

/** Creates the catalogue's topics that do not exist yet; existing topics are left as they are. */
public final class TopicProvisioner {

    private final Admin admin;
    private final short replicationFactor;

    public TopicProvisioner(Admin admin, short replicationFactor) {
        this.admin = admin;
        this.replicationFactor = replicationFactor;
    }

    public void createMissing() {
        try {
            Set<String> existing = admin.listTopics().names().get();
            var missing = Arrays.stream(Topic.values())
                    .filter(topic -> !existing.contains(topic.topicName()))
                    .map(this::newTopic)
                    .collect(Collectors.toList());
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating topics", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Could not create CivicLink topics: " + e.getCause().getMessage(), e.getCause());
        }
    }

    private NewTopic newTopic(Topic topic) {
        return new NewTopic(topic.topicName(), topic.partitions(), replicationFactor)
                .configs(Map.of(
                        TopicConfig.CLEANUP_POLICY_CONFIG, topic.cleanupPolicy().configValue(),
                        TopicConfig.RETENTION_MS_CONFIG, Long.toString(topic.retention().toMillis())));
    }
}
