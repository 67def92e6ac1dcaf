package org.civiclink.intake.catalogue;

import java.util.Set;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/**
 * The agencies that may publish and the event types intake knows, from configuration
 * ({@code civiclink.intake.*} in application.properties) so that adding either is not a code change.
 */
@ConfigMapping(prefix = "civiclink.intake")
public interface IntakeCatalogue {

    Set<String> agencies();

    @WithName("event-types")
    Set<String> eventTypes();

    /** The most events one batch request may carry. */
    @WithName("batch-max")
    int batchMax();

    /** Kafka ingestion from the raw topic. */
    Raw raw();

    interface Raw {
        boolean enabled();

        @WithName("group-id")
        String groupId();

        /** Records decided per poll, in one transaction and one wait for the broker. */
        @WithName("max-poll-records")
        @WithDefault("500")
        int maxPollRecords();
    }

    default boolean knowsAgency(String code) {
        return code != null && agencies().contains(code);
    }

    default boolean knowsEventType(String type) {
        return type != null && eventTypes().contains(type);
    }
}
