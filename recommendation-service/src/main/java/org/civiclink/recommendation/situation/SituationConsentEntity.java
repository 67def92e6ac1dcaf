package org.civiclink.recommendation.situation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import org.civiclink.events.ConsentStatus;
import org.civiclink.recommendation.consent.ConsentRecord;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A stored consent declaration, kept per record like the facts it governs. */
@Entity
@Table(name = "situation_consent")
public class SituationConsentEntity extends PanacheEntityBase {

    @Id
    // Ids drawn 50 at a time from the identity column's sequence, so inserts can be batched (V11__situation_id_sequences.sql).
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "situation_consent_ids")
    @SequenceGenerator(name = "situation_consent_ids", sequenceName = "situation_consent_id_seq", allocationSize = 50)
    public Long id;

    @Column(name = "record_id", nullable = false)
    public String recordId;

    @Column(name = "event_key", nullable = false)
    public String eventKey;

    @Column(nullable = false)
    public String purpose;

    @Column(name = "data_categories", nullable = false)
    public String[] dataCategories;

    @Column(nullable = false)
    public String status;

    @Column(name = "declared_at", nullable = false)
    public Instant declaredAt;

    @Column(name = "expires_on")
    public LocalDate expiresOn;

    @Column(name = "source_agency", nullable = false)
    public String sourceAgency;

    ConsentRecord toConsent() {
        return new ConsentRecord(recordId, purpose, Set.copyOf(java.util.Arrays.asList(dataCategories)), ConsentStatus.valueOf(status), declaredAt,
                expiresOn, sourceAgency);
    }
}
