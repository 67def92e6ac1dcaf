package org.civiclink.recommendation.rules;

import java.util.Optional;

import org.civiclink.events.LinkedEvent;

/** Decides whether a linked event calls for a referral, and says why. */
public interface ReferralRule {

    Optional<ReferralProposal> evaluate(LinkedEvent event);
}
