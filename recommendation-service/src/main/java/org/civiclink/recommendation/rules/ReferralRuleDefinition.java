package org.civiclink.recommendation.rules;

import java.time.Duration;
import java.util.List;

import org.civiclink.events.Urgency;

/** What a rule file says about the referral it proposes: everything but its condition and examples. */
public record ReferralRuleDefinition(String id, String version, String title, String reason, String citation,
                                     String need, List<String> serviceTaxonomyTerms, Urgency urgency,
                                     Duration respondWithin) {
}
