-- Transactional outbox: events are written in the same transaction as the referral change they
-- describe, and a relay publishes them in id order and marks them sent. A crash between commit
-- and publish therefore delays an event but never loses it (the relay may publish it twice).
CREATE TABLE referral_outbox (
    id          BIGSERIAL    PRIMARY KEY,
    topic       VARCHAR(255) NOT NULL,
    message_key VARCHAR(255) NOT NULL,
    -- Avro single-object encoding, exactly the bytes that go on the topic.
    payload     BYTEA        NOT NULL,
    created_at  TIMESTAMPTZ  NOT NULL,
    sent_at     TIMESTAMPTZ
);

CREATE INDEX referral_outbox_unsent ON referral_outbox (id) WHERE sent_at IS NULL;
