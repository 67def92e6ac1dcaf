package org.civiclink.events.topic;

import java.time.Duration;
import java.util.Optional;

import org.apache.avro.specific.SpecificRecord;
import org.civiclink.events.AccessEvent;
import org.civiclink.events.ClientUpdate;
import org.civiclink.events.IntakeEvent;
import org.civiclink.events.LinkDecision;
import org.civiclink.events.LinkedEvent;
import org.civiclink.events.PossibleMatch;
import org.civiclink.events.Referral;
import org.civiclink.events.ReferralStatusChanged;

/**
 * Every topic CivicLink owns, in one place: name, key, partitions, cleanup policy and retention.
 * Services, the launcher and the tests create topics from this list only; docs/events.md describes it.
 */
public enum Topic {
    INTAKE_RAW("civiclink.intake.raw.v1", "agencyCode:agencyEventId", IntakeEvent.class,
            CleanupPolicy.DELETE, Duration.ofDays(7),
            "Avro IntakeEvents written by agency systems that run their own producer; intake-service validates them."),
    INTAKE_ACCEPTED("civiclink.intake.accepted.v1", "agencyCode:agencyRecordId", IntakeEvent.class,
            CleanupPolicy.DELETE, Duration.ofDays(30),
            "Validated IntakeEvents, keyed by record so that all events about one record stay in order."),
    INTAKE_DEAD_LETTER("civiclink.intake.dead-letter.v1", "as received", null,
            CleanupPolicy.DELETE, Duration.ofDays(30),
            "Raw records intake-service could not decode or validate: original bytes, reason in headers."),
    CLIENT_UPDATES("civiclink.linkage.client-updates.v1", "clientId", ClientUpdate.class,
            CleanupPolicy.DELETE, Duration.ofDays(365),
            "Client created, record joined, clients merged, client split, with previous ids."),
    LINKED_EVENTS("civiclink.linkage.linked-events.v1", "clientId", LinkedEvent.class,
            CleanupPolicy.DELETE, Duration.ofDays(30),
            "Each accepted IntakeEvent with the client its record belongs to."),
    LINK_REVIEW("civiclink.linkage.review.v1", "leftRecordId|rightRecordId", PossibleMatch.class,
            CleanupPolicy.DELETE, Duration.ofDays(90),
            "Possible matches between the two thresholds, for human review."),
    LINK_DECISIONS("civiclink.linkage.decisions.v1", "leftRecordId", LinkDecision.class,
            CleanupPolicy.DELETE, Duration.ofDays(3650),
            "Operators' force-link, unlink and withdraw decisions; the linker applies them in order and keeps them in its state."),
    LINKAGE_DEAD_LETTER("civiclink.linkage.dead-letter.v1", "as received", null,
            CleanupPolicy.DELETE, Duration.ofDays(30),
            "Records linkage-service could not process: original bytes, reason in headers."),
    REFERRALS("civiclink.recommendation.referrals.v1", "clientId", Referral.class,
            CleanupPolicy.DELETE, Duration.ofDays(365),
            "Referrals proposed for a client, with the rule and facts behind them."),
    REFERRAL_STATUS("civiclink.recommendation.referral-status.v1", "referralId", ReferralStatusChanged.class,
            CleanupPolicy.DELETE, Duration.ofDays(365),
            "Every referral status change, from proposed to its outcome."),
    RECOMMENDATION_DEAD_LETTER("civiclink.recommendation.dead-letter.v1", "as received", null,
            CleanupPolicy.DELETE, Duration.ofDays(30),
            "Records recommendation-service could not process: original bytes, reason in headers."),
    ACCESS_EVENTS("civiclink.audit.access-events.v1", "eventId", AccessEvent.class,
            CleanupPolicy.DELETE, Duration.ofDays(90),
            "Every access to personal data, permitted or denied; audit-service keeps them for good in PostgreSQL."),
    AUDIT_DEAD_LETTER("civiclink.audit.dead-letter.v1", "as received", null,
            CleanupPolicy.DELETE, Duration.ofDays(365),
            "AccessEvents audit-service could not store: original bytes, reason in headers.");

    /** Partitions per topic; enough for six consumer instances, cheap on one broker. */
    public static final int PARTITIONS = 6;

    private final String topicName;
    private final String key;
    private final Class<? extends SpecificRecord> valueType;
    private final CleanupPolicy cleanupPolicy;
    private final Duration retention;
    private final String description;

    Topic(String topicName, String key, Class<? extends SpecificRecord> valueType,
          CleanupPolicy cleanupPolicy, Duration retention, String description) {
        this.topicName = topicName;
        this.key = key;
        this.valueType = valueType;
        this.cleanupPolicy = cleanupPolicy;
        this.retention = retention;
        this.description = description;
    }

    public String topicName() {
        return topicName;
    }

    public String key() {
        return key;
    }

    /** The Avro type of the value; empty for dead-letter topics, which keep the bytes as received. */
    public Optional<Class<? extends SpecificRecord>> valueType() {
        return Optional.ofNullable(valueType);
    }

    public int partitions() {
        return PARTITIONS;
    }

    public CleanupPolicy cleanupPolicy() {
        return cleanupPolicy;
    }

    public Duration retention() {
        return retention;
    }

    public String description() {
        return description;
    }

    public enum CleanupPolicy {
        DELETE("delete"), COMPACT("compact");

        private final String configValue;

        CleanupPolicy(String configValue) {
            this.configValue = configValue;
        }

        public String configValue() {
            return configValue;
        }
    }
}
