package org.civiclink.deploy.kafka;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.civiclink.events.topic.TopicProvisioner;

/** Creates the topic catalogue on a broker; safe to repeat on every start. */
public final class CivicLinkTopics {

    /** The local stack has one broker. */
    public static final short REPLICATION_FACTOR = 1;

    private CivicLinkTopics() {
    }

    public static void provision(String bootstrapServers) {
        try (Admin admin = admin(bootstrapServers)) {
            new TopicProvisioner(admin, REPLICATION_FACTOR).createMissing();
        }
    }

    public static Set<String> list(String bootstrapServers) {
        try (Admin admin = admin(bootstrapServers)) {
            return admin.listTopics().names().get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Cannot list topics on " + bootstrapServers, e);
        }
    }

    public static Admin admin(String bootstrapServers) {
        return Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.CLIENT_ID_CONFIG, "civiclink-launcher",
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000",
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "30000"));
    }
}
