package org.civiclink.recommendation.referral;

import java.time.Instant;
import java.util.List;

import org.civiclink.events.Referral;
import org.civiclink.recommendation.directory.ServiceDirectory;
import org.civiclink.recommendation.directory.ServiceSummary;

/**
 * A referral as a caseworker sees it: the rule that fired, the facts behind it, and the directory's
 * active services for its taxonomy terms. No score.
 */
public record ReferralView(
        String referralId, String clientId, String team, String need, String ruleId, String ruleVersion, String title,
        String reason, String citation, List<String> serviceTaxonomyTerms, List<SupportingFactView> facts,
        String urgency, String status, String statusReason, Instant createdAt, Instant updatedAt, Instant respondBy,
        List<ServiceSummary> services) {

    /** From the event as published: a new referral (or one moved by a merge) needs no database read. */
    public static ReferralView of(Referral r, ServiceDirectory directory) {
        List<String> terms = List.copyOf(r.getServiceTaxonomyTerms());
        return new ReferralView(r.getReferralId(), r.getClientId(), r.getTeam(), r.getNeed(), r.getRuleId(), r.getRuleVersion(),
                r.getTitle(), r.getReason(), r.getCitation(), terms, r.getFacts().stream().map(SupportingFactView::of).toList(),
                r.getUrgency().name(), r.getStatus().name(), null, r.getCreatedAt(), r.getCreatedAt(), r.getRespondBy(),
                directory.matching(terms));
    }

    public static ReferralView of(ReferralRecord r, ServiceDirectory directory) {
        List<String> terms = List.of(r.taxonomyTerms);
        return new ReferralView(r.referralId, r.clientId, r.team, r.need, r.ruleId, r.ruleVersion, r.title, r.reason,
                r.citation, terms, r.supportingFacts, r.urgency, r.status, r.statusReason, r.createdAt, r.updatedAt,
                r.respondBy, directory.matching(terms));
    }
}
