package org.civiclink.recommendation.situation;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import org.civiclink.events.VerificationStatus;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A stored fact, with its source kept exactly as the agency gave it. */
@Entity
@Table(name = "situation_fact")
public class SituationFactEntity extends PanacheEntityBase {

    @Id
    // Ids drawn 50 at a time from the identity column's sequence, so inserts can be batched (V11__situation_id_sequences.sql).
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "situation_fact_ids")
    @SequenceGenerator(name = "situation_fact_ids", sequenceName = "situation_fact_id_seq", allocationSize = 50)
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
