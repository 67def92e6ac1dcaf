package org.civiclink.recommendation.rules;

import java.util.List;

import org.civiclink.events.SupportingFact;

/** A rule that fired for a client, with the facts (source agency, date, verification) that satisfied it. */
public record RuleMatch(ReferralRuleDefinition rule, List<SupportingFact> facts) {
}
