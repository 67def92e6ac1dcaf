package org.civiclink.recommendation.referral;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.civiclink.events.ReferralStatus;

/**
 * Which status may follow which: proposed -> sent -> accepted | declined -> completed | not completed,
 * and expired when nobody answered by the deadline. Closed statuses never change again.
 */
public final class ReferralLifecycle {

    /** A client has at most one referral per need in one of these. */
    public static final Set<ReferralStatus> OPEN = EnumSet.of(ReferralStatus.PROPOSED, ReferralStatus.SENT, ReferralStatus.ACCEPTED);
    /** Still waiting for an answer, so the deadline applies. */
    public static final Set<ReferralStatus> AWAITING_ANSWER = EnumSet.of(ReferralStatus.PROPOSED, ReferralStatus.SENT);
    /** These need a reason from whoever sets them. */
    public static final Set<ReferralStatus> REASON_REQUIRED = EnumSet.of(ReferralStatus.DECLINED, ReferralStatus.NOT_COMPLETED);

    /**
     * {@link #OPEN} as an HQL list literal. Hibernate caches a query's translation only when no parameter
     * is bound to a list, and the open-referral queries run for every linked event.
     */
    static final String OPEN_HQL = OPEN.stream().map(status -> "'" + status.name() + "'")
            .collect(Collectors.joining(", ", "(", ")"));
    static final List<String> AWAITING_ANSWER_NAMES = AWAITING_ANSWER.stream().map(Enum::name).toList();

    // A proposal may be declined before it is sent (the caseworker or the person says no);
    // EXPIRED is only ever set by the deadline job.
    private static final Map<ReferralStatus, Set<ReferralStatus>> BY_PERSON = Map.of(
            ReferralStatus.PROPOSED, EnumSet.of(ReferralStatus.SENT, ReferralStatus.DECLINED),
            ReferralStatus.SENT, EnumSet.of(ReferralStatus.ACCEPTED, ReferralStatus.DECLINED),
            ReferralStatus.ACCEPTED, EnumSet.of(ReferralStatus.COMPLETED, ReferralStatus.NOT_COMPLETED));

    private ReferralLifecycle() {
    }

    public static boolean isOpen(ReferralStatus status) {
        return OPEN.contains(status);
    }

    /** Whether a caseworker may move a referral from one status to the other. */
    public static boolean personMay(ReferralStatus from, ReferralStatus to) {
        return BY_PERSON.getOrDefault(from, Set.of()).contains(to);
    }

    public static Set<ReferralStatus> nextByPerson(ReferralStatus from) {
        return BY_PERSON.getOrDefault(from, Set.of());
    }
}
