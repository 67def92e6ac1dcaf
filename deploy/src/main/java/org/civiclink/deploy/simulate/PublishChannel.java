package org.civiclink.deploy.simulate;

import java.net.URI;

/** How simulated records reach the stack: intake's REST API, or the raw Kafka topic. */
public enum PublishChannel {
    rest, kafka;

    /** Where a channel sends, and how hard. */
    public record Target(URI intakeUrl, String bootstrapServers, double rate, int connections) {
    }

    public IntakePublisher open(Target target, String eventIdPrefix) {
        return switch (this) {
            case rest -> new RestPublisher(target.intakeUrl(), target.rate(), target.connections(), eventIdPrefix);
            case kafka -> new KafkaPublisher(target.bootstrapServers(), target.rate(), eventIdPrefix);
        };
    }

    /** The place events go to, for messages. */
    public String describe(Target target) {
        return this == rest ? target.intakeUrl().toString() : target.bootstrapServers();
    }
}
