-- Keys that encrypt unsaved drafts (a contact note, plan text, an evaluation) in the user's browser tab, so typed work
-- survives an expired session (ADR 0035). The drafts themselves never reach the server; only the key lives here, one
-- per user, handed out only to that user's logged-in session and replaced after a day (the previous key is kept one
-- more day). The key goes with its user (ON DELETE CASCADE).
CREATE TABLE draft_key (
  user_id uuid PRIMARY KEY REFERENCES app_user (id) ON DELETE CASCADE,
  tenant_id uuid NOT NULL REFERENCES tenant (id),
  current_key bytea NOT NULL CHECK (length(current_key) = 32),
  previous_key bytea CHECK (length(previous_key) = 32),
  rotated_at timestamptz NOT NULL
);

GRANT SELECT, INSERT, UPDATE ON draft_key TO nabij_app;
ALTER TABLE draft_key ENABLE ROW LEVEL SECURITY;
CREATE POLICY draft_key_tenant ON draft_key USING (tenant_id = current_tenant_id()) WITH CHECK (tenant_id = current_tenant_id());
