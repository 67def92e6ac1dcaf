package org.civiclink.recommendation.situation;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** An intake event already taken into the situation, so a repeated linked event adds nothing. */
@Entity
@Table(name = "situation_event")
public class SituationEventEntity extends PanacheEntityBase {

    @Id
    @Column(name = "event_key")
    public String eventKey;

    @Column(name = "record_id", nullable = false)
    public String recordId;

    @Column(name = "event_type", nullable = false)
    public String eventType;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;
}
