package org.civiclink.recommendation.rules;

import java.time.Duration;
import java.util.List;

import org.civiclink.events.SupportingFact;
import org.civiclink.events.Urgency;

/** What a rule proposes: the need, the rule's own explanation, and the facts that satisfied it. */
public record ReferralProposal(
        String need, String ruleId, String ruleVersion, String title, String reason, String citation,
        List<String> serviceTaxonomyTerms, List<SupportingFact> facts, Urgency urgency, Duration respondWithin) {
}
