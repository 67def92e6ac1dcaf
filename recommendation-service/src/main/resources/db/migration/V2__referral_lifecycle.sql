-- The referral lifecycle: the team whose caseworkers handle it, why it reached its status, and when.
ALTER TABLE referral ADD COLUMN team          VARCHAR(64);
ALTER TABLE referral ADD COLUMN status_reason TEXT;
ALTER TABLE referral ADD COLUMN updated_at    TIMESTAMPTZ;
UPDATE referral SET updated_at = created_at WHERE updated_at IS NULL;
ALTER TABLE referral ALTER COLUMN updated_at SET NOT NULL;

-- The inbox lists a team's referrals newest first.
CREATE INDEX referral_team_created_at ON referral (team, created_at DESC);
-- The expiry job looks for referrals nobody answered before their deadline.
CREATE INDEX referral_awaiting_answer ON referral (respond_by) WHERE status IN ('PROPOSED', 'SENT');
-- Merges and splits look up a client's referrals.
CREATE INDEX referral_client ON referral (client_id);
