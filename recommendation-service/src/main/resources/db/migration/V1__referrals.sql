-- Current state of each referral; its history is on the referral-status topic.
CREATE TABLE referral (
    referral_id     VARCHAR(64)  PRIMARY KEY,
    client_id       VARCHAR(64)  NOT NULL,
    need            VARCHAR(128) NOT NULL,
    rule_id         VARCHAR(128) NOT NULL,
    rule_version    VARCHAR(32)  NOT NULL,
    title           TEXT         NOT NULL,
    reason          TEXT         NOT NULL,
    citation        TEXT,
    taxonomy_terms  VARCHAR[]    NOT NULL,
    supporting_facts JSONB       NOT NULL,
    urgency         VARCHAR(16)  NOT NULL,
    status          VARCHAR(16)  NOT NULL,
    created_at      TIMESTAMPTZ  NOT NULL,
    respond_by      TIMESTAMPTZ
);

-- One open referral per client and need, however often the triggering events repeat.
CREATE UNIQUE INDEX referral_one_open_per_need ON referral (client_id, need)
    WHERE status IN ('PROPOSED', 'SENT', 'ACCEPTED');
CREATE INDEX referral_created_at ON referral (created_at DESC);
