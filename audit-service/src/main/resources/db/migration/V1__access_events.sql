-- Every access to personal data, as received from the access-events topic.
CREATE TABLE access_event (
    event_id        VARCHAR(64)  PRIMARY KEY,
    occurred_at     TIMESTAMPTZ  NOT NULL,
    actor_subject   TEXT         NOT NULL,
    actor_roles     VARCHAR[]    NOT NULL,
    actor_agency    TEXT,
    purpose_of_use  TEXT,
    purpose_reason  TEXT,
    action          TEXT         NOT NULL,
    client_ids      VARCHAR[]    NOT NULL,
    record_ids      VARCHAR[]    NOT NULL,
    data_categories VARCHAR[]    NOT NULL,
    service         TEXT         NOT NULL,
    endpoint        TEXT         NOT NULL,
    outcome         TEXT         NOT NULL,
    http_status     INTEGER,
    denial_reason   TEXT,
    stored_at       TIMESTAMPTZ  NOT NULL DEFAULT now()
);

CREATE INDEX access_event_occurred_at ON access_event (occurred_at);
CREATE INDEX access_event_subject ON access_event (actor_subject, occurred_at);
CREATE INDEX access_event_clients ON access_event USING GIN (client_ids);
