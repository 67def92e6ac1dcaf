package org.civiclink.recommendation.referral;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.civiclink.events.ReferralStatus;

/**
 * When clients merge, the retired ids' open referrals move to the survivor. If both had one open
 * for the same need, the older stays (it may already be with a service) and the newer is closed as
 * NOT_COMPLETED naming the one kept. Closed referrals keep the id they had: they are history of what
 * was known then.
 */
@ApplicationScoped
public class ReferralMerge {

    static final Comparator<ReferralRecord> OLDEST_FIRST =
            Comparator.comparing((ReferralRecord r) -> r.createdAt).thenComparing(r -> r.referralId);

    @Inject
    ReferralTransitions transitions;

    @Inject
    ReferralOutbox outbox;

    @Transactional
    public void merge(String survivor, List<String> retired) {
        List<ReferralRecord> survivorOpen = new ArrayList<>(ReferralRecord.openForUpdate(survivor));
        for (String retiredId : retired) {
            if (retiredId.equals(survivor)) {
                continue;
            }
            for (ReferralRecord moving : ReferralRecord.openForUpdate(retiredId)) {
                Optional<ReferralRecord> same = survivorOpen.stream().filter(r -> r.need.equals(moving.need)).findFirst();
                if (same.isEmpty()) {
                    move(moving, survivor);
                    survivorOpen.add(moving);
                    continue;
                }
                ReferralRecord kept = OLDEST_FIRST.compare(moving, same.get()) <= 0 ? moving : same.get();
                ReferralRecord closed = kept == moving ? same.get() : moving;
                transitions.close(closed, ReferralStatus.NOT_COMPLETED,
                        "duplicate of " + kept.referralId + " after client " + retiredId + " was merged into " + survivor,
                        ReferralProposer.SYSTEM);
                // The one-open-per-need index must see the closing before the move.
                ReferralRecord.flush();
                if (kept == moving) {
                    move(moving, survivor);
                    survivorOpen.remove(closed);
                    survivorOpen.add(moving);
                }
            }
        }
    }

    private void move(ReferralRecord referral, String survivor) {
        referral.clientId = survivor;
        referral.updatedAt = Instant.now();
        ReferralRecord.flush();
        // Re-published so that readers of the referrals topic see it under the surviving client.
        outbox.referral(ReferralEvents.referral(referral));
    }
}
