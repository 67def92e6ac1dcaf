package org.civiclink.recommendation.situation;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** Which client a record currently belongs to; merges and splits only change this. */
@Entity
@Table(name = "situation_record")
public class SituationRecordEntity extends PanacheEntityBase {

    @Id
    @Column(name = "record_id")
    public String recordId;

    @Column(name = "client_id", nullable = false)
    public String clientId;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
