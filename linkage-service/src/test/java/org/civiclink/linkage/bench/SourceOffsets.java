package org.civiclink.linkage.bench;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.civiclink.events.topic.Topic;

/**
 * Starts a new Streams application at the end of its source topics. A new application id would
 * otherwise read them from the beginning: every earlier run's events, linked again inside this run.
 */
final class SourceOffsets {

    private SourceOffsets() {
    }

    static void startAtEnd(String bootstrap, String applicationId, Topic... sources) throws ExecutionException, InterruptedException {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            for (Topic topic : sources) {
                for (int p = 0; p < topic.partitions(); p++) {
                    latest.put(new TopicPartition(topic.topicName(), p), OffsetSpec.latest());
                }
            }
            Map<TopicPartition, OffsetAndMetadata> ends = new HashMap<>();
            admin.listOffsets(latest).all().get()
                    .forEach((partition, end) -> ends.put(partition, new OffsetAndMetadata(end.offset())));
            // The Streams application's consumer group is named by its application id.
            admin.alterConsumerGroupOffsets(applicationId, ends).all().get();
        }
    }
}
