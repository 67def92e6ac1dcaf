-- Every intake event received with a usable (agency, event id), and what intake answered.
-- The primary key is the idempotency key: concurrent duplicates meet here and one waits for the other.
CREATE TABLE received_event (
    agency_code       TEXT         NOT NULL,
    agency_event_id   TEXT         NOT NULL,
    -- SHA-256 (hex) of the canonical JSON form of the event as sent (ContentHash).
    content_hash      CHAR(64)     NOT NULL,
    status            TEXT         NOT NULL CHECK (status IN ('ACCEPTED', 'REJECTED')),
    record_id         TEXT,
    quality_flags     JSONB        NOT NULL DEFAULT '[]',
    rejection_reasons JSONB        NOT NULL DEFAULT '[]',
    channel           TEXT         NOT NULL,
    received_at       TIMESTAMPTZ  NOT NULL,
    published         BOOLEAN      NOT NULL DEFAULT FALSE,
    PRIMARY KEY (agency_code, agency_event_id)
);
