package org.civiclink.recommendation.referral;

import java.time.Instant;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;

import org.civiclink.events.ReferralStatus;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;

/** A referral's current state; its history is on the referral-status topic. */
@Entity
@Table(name = "referral")
public class ReferralRecord extends PanacheEntityBase {

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

    /** The team (agency code) whose caseworkers handle the referral; null only for walking-skeleton rows. */
    public String team;

    /** Why the referral reached its current status (declined, not completed, closed by a merge...). */
    @Column(name = "status_reason")
    public String statusReason;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public ReferralStatus currentStatus() {
        return ReferralStatus.valueOf(status);
    }

    public boolean isOpen() {
        return ReferralLifecycle.isOpen(currentStatus());
    }

    static List<ReferralRecord> openFor(String clientId) {
        return list("clientId = ?1 and status in " + ReferralLifecycle.OPEN_HQL, Sort.by("createdAt").and("referralId"), clientId);
    }

    static List<ReferralRecord> openForUpdate(String clientId) {
        return find("clientId = ?1 and status in " + ReferralLifecycle.OPEN_HQL, Sort.by("createdAt").and("referralId"), clientId)
                .withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }

    static ReferralRecord forUpdate(String referralId) {
        return findById(referralId, LockModeType.PESSIMISTIC_WRITE);
    }
}
