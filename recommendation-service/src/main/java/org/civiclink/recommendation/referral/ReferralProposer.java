package org.civiclink.recommendation.referral;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.civiclink.events.ReferralStatus;
import org.civiclink.recommendation.rules.ReferralRuleDefinition;
import org.civiclink.recommendation.rules.RuleMatch;

/**
 * Turns the rules that fired for a client into stored referrals: one open referral per client and
 * need, however often the triggering events repeat. Each new referral is written to the outbox in
 * the same transaction and published by the relay.
 *
 * <p>Do-not-contact: no new referral is proposed, and the client's referrals that have not been
 * answered yet (PROPOSED, SENT) are closed as NOT_COMPLETED with the reason, so no outreach follows.
 * ACCEPTED referrals stay open: the person already said yes to that service, and the caseworker
 * sees them in the inbox.
 */
@ApplicationScoped
public class ReferralProposer {

    static final String SYSTEM = "recommendation-service";
    static final String DO_NOT_CONTACT = "do-not-contact: the person asked not to be contacted";

    @Inject
    ReferralOutbox outbox;

    @Inject
    ReferralTransitions transitions;

    @Transactional
    public void propose(String clientId, String team, List<RuleMatch> matches, boolean doNotContact) {
        if (doNotContact) {
            for (ReferralRecord open : ReferralRecord.openForUpdate(clientId)) {
                if (ReferralLifecycle.AWAITING_ANSWER.contains(open.currentStatus())) {
                    transitions.close(open, ReferralStatus.NOT_COMPLETED, DO_NOT_CONTACT, SYSTEM);
                }
            }
            return;
        }
        // The rule loader refuses two rules with one need, so this only folds repeats of one rule's match.
        Map<String, RuleMatch> byNeed = new LinkedHashMap<>();
        matches.forEach(match -> byNeed.putIfAbsent(match.rule().need(), match));
        if (byNeed.isEmpty()) {
            return;
        }
        // Lock the client's open referrals so that a concurrent merge or proposal waits for us. A concurrent
        // proposal of a need the client has no referral for yet is not held back by this (there is no row to
        // lock): the unique index refuses the second insert, and processing.EventTransaction runs the loser again.
        List<String> openNeeds = ReferralRecord.openForUpdate(clientId).stream().map(r -> r.need).toList();
        Instant now = Instant.now();
        byNeed.values().stream()
                .filter(match -> !openNeeds.contains(match.rule().need()))
                .forEach(match -> create(clientId, team, match, now));
    }

    private void create(String clientId, String team, RuleMatch match, Instant now) {
        ReferralRuleDefinition rule = match.rule();
        ReferralRecord record = new ReferralRecord();
        record.referralId = "R-" + UUID.randomUUID();
        record.clientId = clientId;
        record.need = rule.need();
        record.ruleId = rule.id();
        record.ruleVersion = rule.version();
        record.title = rule.title();
        record.reason = rule.reason();
        record.citation = rule.citation();
        record.taxonomyTerms = rule.serviceTaxonomyTerms().toArray(String[]::new);
        record.supportingFacts = match.facts().stream().map(SupportingFactView::of).toList();
        record.urgency = rule.urgency().name();
        record.status = ReferralStatus.PROPOSED.name();
        record.createdAt = now;
        record.updatedAt = now;
        record.respondBy = rule.respondWithin() == null ? null : now.plus(rule.respondWithin());
        record.team = team;
        record.persist();
        outbox.referral(ReferralEvents.referral(record));
    }
}
