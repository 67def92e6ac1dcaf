package org.civiclink.deploy.kafka;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** The server.properties of the local single-node broker. */
final class BrokerConfig {

    private BrokerConfig() {
    }

    static Map<String, String> properties(KafkaBrokerSpec spec) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.voters", "1@" + spec.host() + ":" + spec.controllerPort());
        // Loopback listeners only: a developer's broker is not reachable from the network.
        p.put("listeners", "PLAINTEXT://" + spec.host() + ":" + spec.port() + ",CONTROLLER://" + spec.host() + ":" + spec.controllerPort());
        p.put("advertised.listeners", "PLAINTEXT://" + spec.host() + ":" + spec.port());
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("controller.listener.names", "CONTROLLER");
        p.put("listener.security.protocol.map", "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT");
        p.put("log.dirs", spec.dataDir().toAbsolutePath().toString());
        // One broker: every internal topic must make do with one replica, or it is never created.
        p.put("offsets.topic.replication.factor", "1");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        // Consumers join one at a time here; waiting for more only slows the first poll.
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("unstable.feature.versions.enable", "false");
        p.put("unstable.api.versions.enable", "false");
        return p;
    }

    static String render(KafkaBrokerSpec spec) {
        return "# Written by the CivicLink launcher on every start; edits are overwritten.\n"
                + properties(spec).entrySet().stream()
                        .map(e -> e.getKey() + "=" + escape(e.getValue()))
                        .collect(Collectors.joining("\n", "", "\n"));
    }

    /** Backslashes are escapes in .properties files (Windows paths). */
    private static String escape(String value) {
        return value.replace("\\", "\\\\");
    }
}
