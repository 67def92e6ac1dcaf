package org.civiclink.recommendation.referral;

import java.time.Instant;
import java.util.List;

/** A referral as a caseworker sees it: the rule that fired and the facts behind it, no score. */
public record ReferralView(
        String referralId, String clientId, String need, String ruleId, String ruleVersion, String title,
        String reason, String citation, List<String> serviceTaxonomyTerms, List<SupportingFactView> facts,
        String urgency, String status, Instant createdAt, Instant respondBy) {

    public static ReferralView of(ReferralRecord r) {
        return new ReferralView(r.referralId, r.clientId, r.need, r.ruleId, r.ruleVersion, r.title, r.reason,
                r.citation, List.of(r.taxonomyTerms), r.supportingFacts, r.urgency, r.status, r.createdAt, r.respondBy);
    }
}
