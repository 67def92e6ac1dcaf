package org.civiclink.recommendation.referral;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.civiclink.events.Referral;
import org.civiclink.events.ReferralStatusChanged;
import org.civiclink.events.topic.Topic;
import org.civiclink.events.wire.AvroCodec;

/** Writes referral events into the outbox, inside the caller's transaction. */
@ApplicationScoped
public class ReferralOutbox {

    private static final AvroCodec<Referral> REFERRAL = AvroCodec.of(Referral.class);
    private static final AvroCodec<ReferralStatusChanged> STATUS = AvroCodec.of(ReferralStatusChanged.class);

    /** Fired inside the transaction; the relay observes it after a successful commit. */
    public record Written() {
    }

    @Inject
    Event<Written> written;

    @Transactional(Transactional.TxType.MANDATORY)
    void referral(Referral referral) {
        add(Topic.REFERRALS, referral.getClientId(), REFERRAL.encode(referral));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void statusChanged(ReferralStatusChanged change) {
        add(Topic.REFERRAL_STATUS, change.getReferralId(), STATUS.encode(change));
    }

    private void add(Topic topic, String key, byte[] payload) {
        OutboxMessage message = new OutboxMessage();
        message.topic = topic.topicName();
        message.messageKey = key;
        message.payload = payload;
        message.createdAt = Instant.now();
        message.persist();
        written.fire(new Written());
    }
}
