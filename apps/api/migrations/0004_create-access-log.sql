-- NEN 7513 access log: one row per read, search, creation, change, deletion, export or print of
-- personal data, written in the same transaction as the action. No note text or BSN is ever stored here.
CREATE TABLE access_log (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT clock_timestamp(),
  tenant_id uuid NOT NULL REFERENCES tenant (id),
  user_id uuid REFERENCES app_user (id),
  user_role text,
  team_id uuid,
  on_behalf_of uuid,
  action text NOT NULL CHECK (action IN ('read', 'search', 'create', 'update', 'delete', 'export', 'print', 'login', 'logout')),
  event text NOT NULL,
  person_id uuid,
  case_id uuid,
  data_category text NOT NULL,
  legal_basis text,
  outcome text NOT NULL CHECK (outcome IN ('allowed', 'denied')),
  ip text,
  user_agent text,
  emergency boolean NOT NULL DEFAULT false,
  detail jsonb
);
CREATE INDEX access_log_tenant_at_idx ON access_log (tenant_id, at);
CREATE INDEX access_log_person_idx ON access_log (person_id, at) WHERE person_id IS NOT NULL;
CREATE INDEX access_log_user_idx ON access_log (user_id, at);

-- Nobody changes or removes log rows through the application; the trigger also binds the owner.
CREATE FUNCTION access_log_is_append_only() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  RAISE EXCEPTION 'access_log is append-only' USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER access_log_no_update BEFORE UPDATE OR DELETE ON access_log
  FOR EACH ROW EXECUTE FUNCTION access_log_is_append_only();
CREATE TRIGGER access_log_no_truncate BEFORE TRUNCATE ON access_log
  FOR EACH STATEMENT EXECUTE FUNCTION access_log_is_append_only();

GRANT SELECT, INSERT ON access_log TO nabij_app;
REVOKE UPDATE, DELETE, TRUNCATE ON access_log FROM nabij_app;

ALTER TABLE access_log ENABLE ROW LEVEL SECURITY;
CREATE POLICY access_log_tenant ON access_log
  USING (tenant_id = current_tenant_id())
  WITH CHECK (tenant_id = current_tenant_id());
