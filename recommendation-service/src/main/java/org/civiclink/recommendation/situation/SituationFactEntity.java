package org.civiclink.recommendation.situation;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.civiclink.events.VerificationStatus;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A stored fact, with its source kept exactly as the agency gave it. */
@Entity
@Table(name = "situation_fact")
public class SituationFactEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "record_id", nullable = false)
    public String recordId;

    @Column(name = "event_key", nullable = false)
    public String eventKey;

    @Column(nullable = false)
    public String category;

    @Column(nullable = false)
    public String code;

    public String value;

    @Column(name = "data_category", nullable = false)
    public String dataCategory;

    @Column(name = "source_agency", nullable = false)
    public String sourceAgency;

    @Column(name = "source_system")
    public String sourceSystem;

    @Column(nullable = false)
    public String verification;

    @Column(name = "effective_from")
    public LocalDate effectiveFrom;

    @Column(name = "effective_to")
    public LocalDate effectiveTo;

    @Column(name = "observed_on", nullable = false)
    public LocalDate observedOn;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    SituationFact toFact() {
        return new SituationFact(recordId, category, code, value, dataCategory, sourceAgency,
                VerificationStatus.valueOf(verification), effectiveFrom, effectiveTo, observedOn, recordedAt);
    }
}
