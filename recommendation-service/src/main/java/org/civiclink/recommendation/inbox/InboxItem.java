package org.civiclink.recommendation.inbox;

import java.time.Instant;

import org.civiclink.recommendation.referral.ReferralView;

/**
 * One server-sent event of the inbox stream: a referral as it now stands ({@code REFERRAL}: new, or
 * moved to another client by a merge) or a status change ({@code STATUS_CHANGED}, with the change).
 */
public record InboxItem(String kind, ReferralView referral, String previousStatus, String newStatus,
                        String reason, String changedBy, Instant changedAt) {

    public static final String REFERRAL = "REFERRAL";
    public static final String STATUS_CHANGED = "STATUS_CHANGED";

    static InboxItem referral(ReferralView referral) {
        return new InboxItem(REFERRAL, referral, null, referral.status(), null, null, null);
    }

    String team() {
        return referral.team();
    }
}
