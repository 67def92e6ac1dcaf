package org.civiclink.platform.testing;

import java.util.Map;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.common.test.TestKitNodes;
import org.apache.kafka.server.common.MetadataVersion;
import org.civiclink.events.topic.TopicProvisioner;

/**
 * A real Apache Kafka broker in KRaft mode, combined broker and controller, started in this JVM
 * once and shared by every test of the run. All CivicLink topics exist once it is up.
 */
public final class KafkaBroker {

    private static KafkaClusterTestKit cluster;
    private static String bootstrapServers;

    private KafkaBroker() {
    }

    public static synchronized String bootstrapServers() {
        if (bootstrapServers == null) {
            bootstrapServers = ContainerInfrastructure.requested()
                    ? ContainerInfrastructure.kafkaBootstrapServers()
                    : startInProcess();
            createTopics(bootstrapServers);
        }
        return bootstrapServers;
    }

    private static String startInProcess() {
        try {
            TestKitNodes nodes = new TestKitNodes.Builder()
                    .setCombined(true)
                    .setNumBrokerNodes(1)
                    .setNumControllerNodes(1)
                    .setBootstrapMetadataVersion(MetadataVersion.latestProduction())
                    .build();
            KafkaClusterTestKit.Builder builder = new KafkaClusterTestKit.Builder(nodes);
            Map.of(
                    "offsets.topic.replication.factor", "1",
                    "transaction.state.log.replication.factor", "1",
                    "transaction.state.log.min.isr", "1",
                    "share.coordinator.state.topic.replication.factor", "1",
                    "share.coordinator.state.topic.min.isr", "1",
                    "group.initial.rebalance.delay.ms", "0",
                    "unstable.feature.versions.enable", "false",
                    "unstable.api.versions.enable", "false")
                    .forEach(builder::setConfigProp);
            // Files stay under target/ until the next clean: deleting them while a slow shutdown still
            // writes makes the broker fail its log directory and halt the JVM with a non-zero code.
            builder.setDeleteOnClose(false);
            cluster = builder.build();
            cluster.format();
            cluster.startup();
            cluster.waitForReadyBrokers();
            Runtime.getRuntime().addShutdownHook(new Thread(KafkaBroker::stop, "kafka-test-broker-stop"));
            return cluster.bootstrapServers();
        } catch (Exception e) {
            throw new IllegalStateException("Could not start the in-process Kafka broker", e);
        }
    }

    private static void createTopics(String servers) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, servers))) {
            new TopicProvisioner(admin, (short) 1).createMissing();
        }
    }

    private static synchronized void stop() {
        // The JVM is exiting with the tests' verdict; a broker failing during its own shutdown must not
        // replace that verdict by halting the process.
        Exit.setHaltProcedure((code, message) -> { });
        Exit.setExitProcedure((code, message) -> { });
        if (cluster != null) {
            try {
                cluster.close();
            } catch (Exception e) {
                // The JVM is exiting; a broker that does not close cleanly loses nothing a test needs.
            }
            cluster = null;
        }
    }
}
