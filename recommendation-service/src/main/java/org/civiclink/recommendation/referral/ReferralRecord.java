package org.civiclink.recommendation.referral;

import java.time.Instant;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A referral's current state. */
@Entity
@Table(name = "referral")
public class ReferralRecord extends PanacheEntityBase {

    static final List<String> OPEN_STATUSES = List.of("PROPOSED", "SENT", "ACCEPTED");

    @Id
    @Column(name = "referral_id")
    public String referralId;

    @Column(name = "client_id", nullable = false)
    public String clientId;

    @Column(nullable = false)
    public String need;

    @Column(name = "rule_id", nullable = false)
    public String ruleId;

    @Column(name = "rule_version", nullable = false)
    public String ruleVersion;

    @Column(nullable = false)
    public String title;

    @Column(nullable = false)
    public String reason;

    public String citation;

    @Column(name = "taxonomy_terms", nullable = false)
    public String[] taxonomyTerms;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "supporting_facts", nullable = false)
    public List<SupportingFactView> supportingFacts;

    @Column(nullable = false)
    public String urgency;

    @Column(nullable = false)
    public String status;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "respond_by")
    public Instant respondBy;

    static boolean openExists(String clientId, String need) {
        return count("clientId = ?1 and need = ?2 and status in ?3", clientId, need, OPEN_STATUSES) > 0;
    }
}
