package org.civiclink.audit.relationship;

import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.civiclink.events.Referral;
import org.civiclink.events.ReferralStatus;
import org.civiclink.events.ReferralStatusChanged;
import org.civiclink.events.topic.Topic;
import org.civiclink.platform.audit.AccessEventPublisher;
import org.civiclink.platform.audit.AccessEvents;
import org.civiclink.platform.kafka.UndecodableRecordException;
import org.civiclink.platform.security.PurposeOfUse;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.reactive.messaging.annotations.Blocking;

/**
 * Open referrals, for the no-relationship report: a referral is open for its team from its creation
 * until its first terminal status. Only the referral id, client id, team and times are kept; the
 * rule, reason and supporting facts are not. Each row is keyed by the event it came from, so a
 * redelivery changes nothing and the two topics may arrive in either order.
 */
@ApplicationScoped
public class ReferralListener {

    static final Set<ReferralStatus> TERMINAL = Set.of(ReferralStatus.DECLINED, ReferralStatus.COMPLETED,
            ReferralStatus.NOT_COMPLETED, ReferralStatus.EXPIRED);

    private final EntityManager em;
    private final AccessEventPublisher accessEvents;

    ReferralListener(EntityManager em, AccessEventPublisher accessEvents) {
        this.em = em;
        this.accessEvents = accessEvents;
    }

    @Incoming("referrals")
    @Blocking(ordered = true)
    @Transactional
    public void opened(Referral referral) {
        if (referral == null) {
            throw new UndecodableRecordException();
        }
        int stored = em.createNativeQuery("INSERT INTO referral_opened (referral_id, client_id, team, opened_at) "
                        + "VALUES (:id, :client, :team, :at) ON CONFLICT (referral_id) DO NOTHING")
                .setParameter("id", referral.getReferralId()).setParameter("client", referral.getClientId())
                .setParameter("team", referral.getTeam()).setParameter("at", referral.getCreatedAt()).executeUpdate();
        if (TERMINAL.contains(referral.getStatus())) {
            // A referral first seen already closed was never open as far as this trail can tell.
            close("referral:" + referral.getReferralId(), referral.getReferralId(), referral.getStatus(), referral.getCreatedAt());
        }
        if (stored == 1) {
            // Reading the referral is processing the client's data; keeping its team is part of oversight.
            accessEvents.publishAndWait(AccessEvents.systemProcessing(RelationshipSource.SERVICE, PurposeOfUse.COMPLIANCE_REVIEW,
                    "topic:" + Topic.REFERRALS.topicName(), List.of(referral.getClientId()), List.of(), List.of("referral")));
        }
    }

    @Incoming("referral-status")
    @Blocking(ordered = true)
    @Transactional
    public void statusChanged(ReferralStatusChanged change) {
        if (change == null) {
            throw new UndecodableRecordException();
        }
        if (TERMINAL.contains(change.getNewStatus())) {
            close(change.getChangeId(), change.getReferralId(), change.getNewStatus(), change.getChangedAt());
        }
    }

    private void close(String changeId, String referralId, ReferralStatus status, java.time.Instant at) {
        em.createNativeQuery("INSERT INTO referral_closed (change_id, referral_id, status, closed_at) "
                        + "VALUES (:change, :referral, :status, :at) ON CONFLICT (change_id) DO NOTHING")
                .setParameter("change", changeId).setParameter("referral", referralId)
                .setParameter("status", status.name()).setParameter("at", at).executeUpdate();
    }
}
