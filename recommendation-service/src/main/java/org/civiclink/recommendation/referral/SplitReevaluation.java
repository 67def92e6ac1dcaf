package org.civiclink.recommendation.referral;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.civiclink.events.ReferralStatus;
import org.civiclink.recommendation.rules.RuleMatch;

/**
 * After a split each client's referrals are decided again from its own situation: unanswered
 * referrals whose need no longer follows from the client's facts are closed (they may have rested on
 * the other person's records), and needs that now follow get a referral. ACCEPTED ones stay: the
 * person said yes to the service.
 */
@ApplicationScoped
public class SplitReevaluation {

    static final String REASON = "no longer supported by this client's records after a split";

    @Inject
    ReferralProposer proposer;

    @Inject
    ReferralTransitions transitions;

    @Transactional
    public void reconcile(String clientId, String team, List<RuleMatch> matches, boolean doNotContact) {
        Set<String> stillNeeded = matches.stream().map(match -> match.rule().need()).collect(Collectors.toSet());
        for (ReferralRecord open : ReferralRecord.openForUpdate(clientId)) {
            if (ReferralLifecycle.AWAITING_ANSWER.contains(open.currentStatus()) && !stillNeeded.contains(open.need)) {
                transitions.close(open, ReferralStatus.NOT_COMPLETED, REASON, ReferralProposer.SYSTEM);
            }
        }
        ReferralRecord.flush();
        proposer.propose(clientId, team, matches, doNotContact);
    }
}
