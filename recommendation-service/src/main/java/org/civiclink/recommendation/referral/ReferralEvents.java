package org.civiclink.recommendation.referral;

import java.time.Instant;
import java.util.UUID;

import org.civiclink.events.Referral;
import org.civiclink.events.ReferralStatus;
import org.civiclink.events.ReferralStatusChanged;
import org.civiclink.events.SupportingFact;
import org.civiclink.events.Urgency;
import org.civiclink.events.VerificationStatus;

/** The Kafka events that describe a referral and its changes. */
final class ReferralEvents {

    private ReferralEvents() {
    }

    /** The referral's current state; consumers keep the latest per referralId (it is re-sent when it moves to another client). */
    static Referral referral(ReferralRecord r) {
        return Referral.newBuilder()
                .setReferralId(r.referralId)
                .setClientId(r.clientId)
                .setNeed(r.need)
                .setRuleId(r.ruleId)
                .setRuleVersion(r.ruleVersion)
                .setTitle(r.title)
                .setReason(r.reason)
                .setCitation(r.citation)
                .setServiceTaxonomyTerms(java.util.List.of(r.taxonomyTerms))
                .setFacts(r.supportingFacts.stream().map(ReferralEvents::fact).toList())
                .setUrgency(Urgency.valueOf(r.urgency))
                .setStatus(r.currentStatus())
                .setCreatedAt(r.createdAt)
                .setRespondBy(r.respondBy)
                .setTeam(r.team)
                .build();
    }

    static ReferralStatusChanged statusChanged(ReferralRecord r, ReferralStatus previous, String changedBy, Instant at) {
        return ReferralStatusChanged.newBuilder()
                .setChangeId(UUID.randomUUID().toString())
                .setReferralId(r.referralId)
                .setClientId(r.clientId)
                .setPreviousStatus(previous)
                .setNewStatus(r.currentStatus())
                .setReason(r.statusReason)
                .setChangedBy(changedBy)
                .setChangedAt(at)
                .build();
    }

    private static SupportingFact fact(SupportingFactView f) {
        return SupportingFact.newBuilder()
                .setCategory(f.category())
                .setCode(f.code())
                .setValue(f.value())
                .setSourceAgency(f.sourceAgency())
                .setEffectiveFrom(f.effectiveFrom())
                .setVerification(f.verification() == null ? VerificationStatus.UNKNOWN : VerificationStatus.valueOf(f.verification()))
                .build();
    }
}
