package org.civiclink.intake.receive;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import org.hibernate.annotations.ColumnTransformer;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** An event intake has answered, by (agency, event id): the idempotency record. */
@Entity
@Table(name = "received_event")
@IdClass(ReceivedEvent.Key.class)
public class ReceivedEvent extends PanacheEntityBase {

    @Id
    @Column(name = "agency_code")
    public String agencyCode;

    @Id
    @Column(name = "agency_event_id")
    public String agencyEventId;

    @Column(name = "content_hash", nullable = false)
    public String contentHash;

    @Column(nullable = false)
    public String status;

    @Column(name = "record_id")
    public String recordId;

    /** JSON array of QualityFlag; read and written as text so no JSON mapping is involved. */
    @Column(name = "quality_flags", nullable = false)
    @ColumnTransformer(read = "quality_flags::text", write = "?::jsonb")
    public String qualityFlags;

    /** JSON array of {name, reason}. */
    @Column(name = "rejection_reasons", nullable = false)
    @ColumnTransformer(read = "rejection_reasons::text", write = "?::jsonb")
    public String rejectionReasons;

    @Column(nullable = false)
    public String channel;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    @Column(nullable = false)
    public boolean published;

    public static class Key implements Serializable {
        public String agencyCode;
        public String agencyEventId;

        public Key() {
        }

        public Key(String agencyCode, String agencyEventId) {
            this.agencyCode = agencyCode;
            this.agencyEventId = agencyEventId;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && key.agencyCode.equals(agencyCode) && key.agencyEventId.equals(agencyEventId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(agencyCode, agencyEventId);
        }
    }
}
