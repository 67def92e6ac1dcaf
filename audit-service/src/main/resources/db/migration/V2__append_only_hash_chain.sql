-- The tamper-evident trail (docs/audit.md). Flyway runs as the schema owner; the service's runtime
-- datasource is the role ${appRole}, which may only INSERT and SELECT.

-- Rows stored before the chain existed (development stacks only) stay readable beside it, but
-- outside the chain: they were never tamper-evident and are not made to look as if they were.
ALTER TABLE access_event RENAME TO access_event_unchained;
ALTER INDEX access_event_pkey RENAME TO access_event_unchained_pkey;
ALTER INDEX access_event_occurred_at RENAME TO access_event_unchained_occurred_at;
ALTER INDEX access_event_subject RENAME TO access_event_unchained_subject;
ALTER INDEX access_event_clients RENAME TO access_event_unchained_clients;

CREATE TABLE access_event (
    -- Global order of ingestion, gapless from 1: assigned under the chain lock.
    seq             BIGINT       PRIMARY KEY CHECK (seq >= 1),
    event_id        VARCHAR(64)  NOT NULL UNIQUE,
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
    -- Avro single-object encoding of the AccessEvent: the canonical content that is hashed.
    canonical       BYTEA        NOT NULL,
    -- SHA-256(0x00 || canonical): the Merkle leaf hash.
    leaf_hash       BYTEA        NOT NULL CHECK (octet_length(leaf_hash) = 32),
    -- SHA-256(canonical || previous entry_hash); the entry before seq 1 has 32 zero bytes.
    entry_hash      BYTEA        NOT NULL CHECK (octet_length(entry_hash) = 32),
    stored_at       TIMESTAMPTZ  NOT NULL DEFAULT now()
);

CREATE INDEX access_event_occurred_at ON access_event (occurred_at);
CREATE INDEX access_event_subject ON access_event (actor_subject, occurred_at);
CREATE INDEX access_event_clients ON access_event USING GIN (client_ids);
CREATE INDEX access_event_purpose ON access_event (purpose_of_use, occurred_at);

-- Signed Merkle tree heads over the first tree_size entries (RFC 9162 style).
CREATE TABLE audit_checkpoint (
    tree_size   BIGINT       PRIMARY KEY CHECK (tree_size >= 1),
    root_hash   BYTEA        NOT NULL CHECK (octet_length(root_hash) = 32),
    created_at  TIMESTAMPTZ  NOT NULL,
    algorithm   TEXT         NOT NULL,
    public_key  BYTEA        NOT NULL,
    signature   BYTEA        NOT NULL
);

-- Nobody rewrites history, not even the owner, without first visibly disabling this trigger.
CREATE FUNCTION audit_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit trail is append-only: % on % refused', TG_OP, TG_TABLE_NAME
        USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER access_event_append_only BEFORE UPDATE OR DELETE ON access_event
    FOR EACH ROW EXECUTE FUNCTION audit_refuse_change();
CREATE TRIGGER access_event_no_truncate BEFORE TRUNCATE ON access_event
    FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change();
CREATE TRIGGER audit_checkpoint_append_only BEFORE UPDATE OR DELETE ON audit_checkpoint
    FOR EACH ROW EXECUTE FUNCTION audit_refuse_change();
CREATE TRIGGER audit_checkpoint_no_truncate BEFORE TRUNCATE ON audit_checkpoint
    FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change();

-- The runtime role. Roles are cluster-wide, so it may exist already (created by an operator, or by
-- this migration in another database); it is created here only when absent. Without a configured
-- password (placeholder NOLOGIN) it is created NOLOGIN, so no default password ever opens it.
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${appRole}') THEN
        IF '${appPassword}' = 'NOLOGIN' THEN
            EXECUTE format('CREATE ROLE %I NOLOGIN', '${appRole}');
        ELSE
            EXECUTE format('CREATE ROLE %I LOGIN PASSWORD %L', '${appRole}', '${appPassword}');
        END IF;
    END IF;
END;
$$;

DO $$
BEGIN
    EXECUTE format('GRANT CONNECT ON DATABASE %I TO %I', current_database(), '${appRole}');
    EXECUTE format('GRANT USAGE ON SCHEMA %I TO %I', current_schema(), '${appRole}');
END;
$$;
REVOKE ALL ON access_event, audit_checkpoint, access_event_unchained FROM PUBLIC;
GRANT SELECT, INSERT ON access_event, audit_checkpoint TO "${appRole}";
GRANT SELECT ON access_event_unchained TO "${appRole}";
