package org.civiclink.deploy.simulate;

import java.net.URI;

import org.civiclink.events.topic.Topic;

/**
 * How simulated records reach the stack: intake's REST API, the raw Kafka topic (validated by intake),
 * or the accepted topic (intake bypassed: for measuring the linker's capacity, never for real data).
 */
public enum PublishChannel {
    rest, kafka, accepted;

    /** Where a channel sends, and how hard. */
    public record Target(URI intakeUrl, String bootstrapServers, double rate, int connections) {
    }

    public IntakePublisher open(Target target, String eventIdPrefix) {
        return switch (this) {
            case rest -> new RestPublisher(target.intakeUrl(), target.rate(), target.connections(), eventIdPrefix);
            case kafka -> new KafkaPublisher(target.bootstrapServers(), Topic.INTAKE_RAW, target.rate(), eventIdPrefix);
            case accepted -> new KafkaPublisher(target.bootstrapServers(), Topic.INTAKE_ACCEPTED, target.rate(), eventIdPrefix);
        };
    }

    /** The place events go to, for messages. */
    public String describe(Target target) {
        return this == rest ? target.intakeUrl().toString() : target.bootstrapServers();
    }
}
