-- Who may have a reason to access a client: the source of the "no-relationship" anomaly report
-- (docs/audit.md). Change records, not current state, so that events from different topics may
-- arrive in any order and any number of times: each table is keyed by the id of the event it came
-- from, and the report works out at query time what held at the moment of each access.

-- Referrals from civiclink.recommendation.referrals.v1: open from created_at for their team.
CREATE TABLE referral_opened (
    referral_id  TEXT         PRIMARY KEY,
    client_id    TEXT         NOT NULL,
    -- Agency code of the caseworkers who handle the referral; null on v1 referrals (matches nobody).
    team         TEXT,
    opened_at    TIMESTAMPTZ  NOT NULL
);
CREATE INDEX referral_opened_client ON referral_opened (client_id);

-- Terminal status changes (DECLINED, COMPLETED, NOT_COMPLETED, EXPIRED) from
-- civiclink.recommendation.referral-status.v1; the earliest closes the referral.
CREATE TABLE referral_closed (
    change_id    TEXT         PRIMARY KEY,
    referral_id  TEXT         NOT NULL,
    status       TEXT         NOT NULL,
    closed_at    TIMESTAMPTZ  NOT NULL
);
CREATE INDEX referral_closed_referral ON referral_closed (referral_id, closed_at);

-- Caseworker assignments from civiclink.linkage.linked-events.v1: only facts of category
-- "case-management" with code "caseworker-assigned" or "caseworker-unassigned" are kept, and of
-- them only who, for which client, since when. Nothing else of a linked event is stored.
CREATE TABLE caseworker_assignment (
    -- "<agencyCode>:<agencyEventId>#<fact index>" of the intake event that carried the fact.
    fact_key     TEXT         PRIMARY KEY,
    client_id    TEXT         NOT NULL,
    subject      TEXT         NOT NULL,
    agency_code  TEXT         NOT NULL,
    assigned     BOOLEAN      NOT NULL,
    effective_at TIMESTAMPTZ  NOT NULL
);
CREATE INDEX caseworker_assignment_client ON caseworker_assignment (client_id, subject, effective_at);

-- Merges from civiclink.linkage.client-updates.v1: each retired id with the id that survives it
-- now (flattened, so A→B then B→C leaves A→C and B→C).
CREATE TABLE client_merge (
    retired_id   TEXT         PRIMARY KEY,
    survivor_id  TEXT         NOT NULL,
    update_id    TEXT         NOT NULL,
    merged_at    TIMESTAMPTZ  NOT NULL
);
CREATE INDEX client_merge_survivor ON client_merge (survivor_id);

REVOKE ALL ON referral_opened, referral_closed, caseworker_assignment, client_merge FROM PUBLIC;
GRANT SELECT, INSERT ON referral_opened, referral_closed, caseworker_assignment TO "${appRole}";
-- A later merge moves earlier retired ids on to the new survivor.
GRANT SELECT, INSERT, UPDATE ON client_merge TO "${appRole}";
