package org.civiclink.recommendation.referral;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.civiclink.events.ReferralStatus;
import org.civiclink.platform.audit.AccessEventPublisher;
import org.civiclink.platform.audit.AccessEvents;
import org.civiclink.platform.security.PurposeOfUse;
import org.hibernate.jpa.SpecHints;

import io.quarkus.scheduler.Scheduled;

/** Marks referrals nobody answered before their respond-by deadline as EXPIRED. */
@ApplicationScoped
public class ReferralExpiry {

    static final String REASON = "deadline passed without an answer";
    private static final int BATCH = 500;

    @Inject
    ReferralTransitions transitions;

    @Inject
    AccessEventPublisher access;

    @Scheduled(every = "${civiclink.referral.expiry-every:1m}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        expireOverdue();
    }

    /** @return how many referrals expired; instances share the work (rows locked by one are skipped by the other) */
    @Transactional
    public int expireOverdue() {
        // SKIP LOCKED: a referral a caseworker is changing right now is left for the next run.
        List<ReferralRecord> overdue = ReferralRecord.<ReferralRecord>find("status in ?1 and respondBy < ?2",
                        ReferralLifecycle.AWAITING_ANSWER_NAMES, Instant.now())
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .withHint(SpecHints.HINT_SPEC_LOCK_TIMEOUT, -2)
                .page(0, BATCH).list();
        if (overdue.isEmpty()) {
            return 0;
        }
        access.publishAndWait(AccessEvents.systemProcessing(ReferralProposer.SYSTEM, PurposeOfUse.REFERRAL,
                "job:referral-expiry", overdue.stream().map(r -> r.clientId).distinct().toList(), List.of(), List.of("referral")));
        overdue.forEach(referral -> transitions.close(referral, ReferralStatus.EXPIRED, REASON, ReferralProposer.SYSTEM));
        return overdue.size();
    }
}
