package org.civiclink.recommendation.referral;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.civiclink.events.Referral;
import org.civiclink.events.ReferralStatus;
import org.civiclink.recommendation.rules.ReferralProposal;

/** Turns a proposal into a stored referral, unless the client already has one open for that need. */
@ApplicationScoped
public class ReferralProposer {

    @Transactional
    public Optional<Referral> propose(String clientId, ReferralProposal proposal) {
        if (ReferralRecord.openExists(clientId, proposal.need())) {
            return Optional.empty();
        }
        Instant now = Instant.now();
        Referral referral = Referral.newBuilder()
                .setReferralId("R-" + UUID.randomUUID())
                .setClientId(clientId)
                .setNeed(proposal.need())
                .setRuleId(proposal.ruleId())
                .setRuleVersion(proposal.ruleVersion())
                .setTitle(proposal.title())
                .setReason(proposal.reason())
                .setCitation(proposal.citation())
                .setServiceTaxonomyTerms(proposal.serviceTaxonomyTerms())
                .setFacts(proposal.facts())
                .setUrgency(proposal.urgency())
                .setStatus(ReferralStatus.PROPOSED)
                .setCreatedAt(now)
                .setRespondBy(now.plus(proposal.respondWithin()))
                .build();
        toRecord(referral).persist();
        return Optional.of(referral);
    }

    private static ReferralRecord toRecord(Referral referral) {
        ReferralRecord record = new ReferralRecord();
        record.referralId = referral.getReferralId();
        record.clientId = referral.getClientId();
        record.need = referral.getNeed();
        record.ruleId = referral.getRuleId();
        record.ruleVersion = referral.getRuleVersion();
        record.title = referral.getTitle();
        record.reason = referral.getReason();
        record.citation = referral.getCitation();
        record.taxonomyTerms = referral.getServiceTaxonomyTerms().toArray(String[]::new);
        record.supportingFacts = referral.getFacts().stream().map(SupportingFactView::of).toList();
        record.urgency = referral.getUrgency().name();
        record.status = referral.getStatus().name();
        record.createdAt = referral.getCreatedAt();
        record.respondBy = referral.getRespondBy();
        return record;
    }
}
