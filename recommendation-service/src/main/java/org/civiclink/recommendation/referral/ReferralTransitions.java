package org.civiclink.recommendation.referral;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.civiclink.events.ReferralStatus;
import org.civiclink.platform.problem.Problem;
import org.civiclink.platform.problem.ProblemException;

/**
 * Every status change of a referral goes through here: it is checked against the lifecycle, stored,
 * and written to the outbox as a ReferralStatusChanged in the same transaction.
 */
@ApplicationScoped
public class ReferralTransitions {

    @Inject
    ReferralOutbox outbox;

    /**
     * A caseworker's change. The referral must belong to {@code team}, else it is reported unknown.
     *
     * @throws ProblemException 404 unknown referral, 400 missing or invalid field, 409 illegal transition
     */
    @Transactional
    public ReferralRecord changeByPerson(String referralId, String team, String requestedStatus, String reason, String changedBy) {
        ReferralStatus target = parseTarget(requestedStatus);
        if (ReferralLifecycle.REASON_REQUIRED.contains(target) && (reason == null || reason.isBlank())) {
            throw invalid("reason", "required when the status is " + target.name());
        }
        ReferralRecord referral = ReferralRecord.forUpdate(referralId);
        if (referral == null || team == null || !team.equals(referral.team)) {
            throw unknown();
        }
        ReferralStatus current = referral.currentStatus();
        if (!ReferralLifecycle.personMay(current, target)) {
            throw new ProblemException(Problem.of(409, "illegal-referral-transition", "Conflict",
                    "The referral is " + current.name() + "; it cannot become " + target.name() + "."
                            + allowed(current)));
        }
        apply(referral, target, reason == null || reason.isBlank() ? null : reason.strip(), changedBy);
        return referral;
    }

    /** A change made by the service itself (deadline, merge, do-not-contact, split); the caller holds the row lock. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void close(ReferralRecord referral, ReferralStatus target, String reason, String changedBy) {
        apply(referral, target, reason, changedBy);
    }

    private void apply(ReferralRecord referral, ReferralStatus target, String reason, String changedBy) {
        ReferralStatus previous = referral.currentStatus();
        Instant now = Instant.now();
        referral.status = target.name();
        referral.statusReason = reason;
        referral.updatedAt = now;
        outbox.statusChanged(ReferralEvents.statusChanged(referral, previous, changedBy, now));
    }

    private static ReferralStatus parseTarget(String requested) {
        if (requested == null || requested.isBlank()) {
            throw invalid("status", "required; one of SENT, ACCEPTED, DECLINED, COMPLETED, NOT_COMPLETED");
        }
        ReferralStatus target;
        try {
            target = ReferralStatus.valueOf(requested.strip().toUpperCase().replace(' ', '_').replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw invalid("status", "must be one of SENT, ACCEPTED, DECLINED, COMPLETED, NOT_COMPLETED");
        }
        if (target == ReferralStatus.EXPIRED || target == ReferralStatus.PROPOSED || target == ReferralStatus.UNKNOWN) {
            throw invalid("status", target.name() + " is set by the service, not by a person");
        }
        return target;
    }

    private static String allowed(ReferralStatus current) {
        var next = ReferralLifecycle.nextByPerson(current);
        return next.isEmpty() ? " It is closed." : " Allowed next: " + String.join(", ", next.stream().map(Enum::name).sorted().toList()) + ".";
    }

    private static ProblemException invalid(String field, String reason) {
        return new ProblemException(Problem.of(400, "invalid-referral-status", "Bad Request", "Field '" + field + "' " + reason + ".")
                .withInvalidParams(List.of(new Problem.InvalidParam(field, reason))));
    }

    private static ProblemException unknown() {
        return new ProblemException(Problem.of(404, "unknown-referral", "Not Found", "No such referral for your team."));
    }
}
