-- Tamper evidence for the access log (ADR 0016) and emergency access to case files ("break the glass").
--
-- 1. Hash chain. Every access_log row gets its place in its municipality's chain (seq, 1, 2, 3 …), the hash of
--    the row before it (prev_hash) and its own hash: sha256 over a canonical text of prev_hash and the row's
--    content. A BEFORE INSERT trigger computes these, so no insert path can forget it. It locks the tenant's
--    chain head row (access_log_chain) FOR UPDATE until the inserting transaction ends: log writes of one
--    municipality wait for each other, reads and other municipalities do not. `npm run audit:verify` and the
--    privacy officer's "Controleer integriteit" recompute the chain in TypeScript and report the first
--    altered, deleted or reordered row. Nothing is ever repaired.
ALTER TABLE access_log ADD COLUMN seq bigint;
ALTER TABLE access_log ADD COLUMN prev_hash text;
ALTER TABLE access_log ADD COLUMN hash text;

CREATE TABLE access_log_chain (
  tenant_id uuid PRIMARY KEY REFERENCES tenant (id),
  last_seq bigint NOT NULL,
  last_hash text NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT clock_timestamp()
);
-- The application may read its municipality's chain head (for verification), never write it: only the
-- trigger below (SECURITY DEFINER, as the owner) does.
GRANT SELECT ON access_log_chain TO nabij_app;
ALTER TABLE access_log_chain ENABLE ROW LEVEL SECURITY;
CREATE POLICY access_log_chain_tenant ON access_log_chain USING (tenant_id = current_tenant_id()) WITH CHECK (tenant_id = current_tenant_id());

-- Canonical text of a row, version 1. Each field: NULL as \N, otherwise the text with \ and | escaped;
-- fields joined by |. Times in UTC with microseconds; detail as jsonb's own (normalised) text.
-- The same form is rebuilt independently in apps/api/src/capabilities/audit/access-log-chain.ts.
CREATE FUNCTION access_log_canonical(r access_log, prev text) RETURNS text
  LANGUAGE sql STABLE
  SET search_path = public, pg_temp
  AS $$
    SELECT string_agg(CASE WHEN f IS NULL THEN '\N' ELSE replace(replace(f, '\', '\\'), '|', '\|') END, '|' ORDER BY n)
    FROM unnest(ARRAY[
      'nabij-access-log-v1',
      prev,
      r.id::text,
      r.tenant_id::text,
      to_char(r.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
      r.user_id::text,
      r.user_role,
      r.team_id::text,
      r.on_behalf_of::text,
      r.action,
      r.event,
      r.person_id::text,
      r.case_id::text,
      r.data_category,
      r.legal_basis,
      r.outcome,
      r.ip,
      r.user_agent,
      r.emergency::text,
      r.detail::text
    ]) WITH ORDINALITY AS t(f, n)
  $$;

CREATE FUNCTION access_log_hash(r access_log, prev text) RETURNS text
  LANGUAGE sql STABLE
  SET search_path = public, pg_temp
  AS $$ SELECT encode(sha256(convert_to(access_log_canonical(r, prev), 'UTF8')), 'hex') $$;

CREATE FUNCTION access_log_seal() RETURNS trigger
  LANGUAGE plpgsql
  SECURITY DEFINER
  SET search_path = public, pg_temp
  AS $$
DECLARE
  head access_log_chain%ROWTYPE;
  grant_id text := nullif(current_setting('nabij.emergency_access', true), '');
BEGIN
  -- Accesses under emergency access (set by withCase for the transaction) are always flagged.
  IF grant_id IS NOT NULL THEN
    NEW.emergency := true;
    NEW.detail := coalesce(NEW.detail, '{}'::jsonb) || jsonb_build_object('emergencyAccessId', grant_id);
  END IF;
  -- The lock on the head row is held until the transaction ends: the next writer of this municipality
  -- continues from this row's hash, or from the old head when this transaction rolls back.
  SELECT * INTO head FROM access_log_chain WHERE tenant_id = NEW.tenant_id FOR UPDATE;
  IF NOT FOUND THEN
    INSERT INTO access_log_chain (tenant_id, last_seq, last_hash) VALUES (NEW.tenant_id, 0, repeat('0', 64))
      ON CONFLICT (tenant_id) DO NOTHING;
    SELECT * INTO head FROM access_log_chain WHERE tenant_id = NEW.tenant_id FOR UPDATE;
  END IF;
  NEW.seq := head.last_seq + 1;
  NEW.prev_hash := head.last_hash;
  NEW.hash := access_log_hash(NEW, head.last_hash);
  UPDATE access_log_chain SET last_seq = NEW.seq, last_hash = NEW.hash, updated_at = clock_timestamp() WHERE tenant_id = NEW.tenant_id;
  RETURN NEW;
END
$$;
REVOKE ALL ON FUNCTION access_log_seal() FROM PUBLIC;

-- Seal the rows written before this migration, per municipality in the order they were written. The
-- append-only trigger is switched off for this one statement inside the migration's transaction.
ALTER TABLE access_log DISABLE TRIGGER access_log_no_update;
DO $$
DECLARE
  r access_log%ROWTYPE;
  prev text;
  n bigint;
  tenant uuid;
BEGIN
  FOR tenant IN SELECT DISTINCT tenant_id FROM access_log LOOP
    prev := repeat('0', 64);
    n := 0;
    FOR r IN SELECT * FROM access_log WHERE tenant_id = tenant ORDER BY id LOOP
      n := n + 1;
      r.seq := n;
      r.prev_hash := prev;
      r.hash := access_log_hash(r, prev);
      UPDATE access_log SET seq = r.seq, prev_hash = r.prev_hash, hash = r.hash WHERE id = r.id;
      prev := r.hash;
    END LOOP;
    INSERT INTO access_log_chain (tenant_id, last_seq, last_hash) VALUES (tenant, n, prev);
  END LOOP;
END
$$;
ALTER TABLE access_log ENABLE TRIGGER access_log_no_update;

ALTER TABLE access_log ALTER COLUMN seq SET NOT NULL;
ALTER TABLE access_log ALTER COLUMN prev_hash SET NOT NULL;
ALTER TABLE access_log ALTER COLUMN hash SET NOT NULL;
CREATE UNIQUE INDEX access_log_chain_seq_idx ON access_log (tenant_id, seq);
CREATE TRIGGER access_log_seal BEFORE INSERT ON access_log FOR EACH ROW EXECUTE FUNCTION access_log_seal();

-- For the privacy officer's viewer: filters on emergency accesses, refusals and cases.
CREATE INDEX access_log_emergency_idx ON access_log (tenant_id, at) WHERE emergency;
CREATE INDEX access_log_denied_idx ON access_log (tenant_id, at) WHERE outcome = 'denied';
CREATE INDEX access_log_case_idx ON access_log (case_id, at) WHERE case_id IS NOT NULL;

-- 2. Emergency access: a user with case:read but without a relation to a case opens it for at most 8 hours
--    after giving a reason. Read access only (never the shielded Meldcode records); every access in that
--    time is flagged in the access log; the privacy officer reviews each one.
CREATE TABLE emergency_access (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenant (id),
  case_id uuid NOT NULL REFERENCES case_file (id),
  user_id uuid NOT NULL REFERENCES app_user (id),
  reason text NOT NULL CHECK (length(reason) BETWEEN 15 AND 1000),
  starts_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  ended_at timestamptz,
  reviewed_at timestamptz,
  reviewed_by uuid REFERENCES app_user (id),
  review_note text,
  version integer NOT NULL DEFAULT 1,
  CHECK (expires_at > starts_at AND expires_at <= starts_at + interval '8 hours'),
  CHECK ((reviewed_at IS NULL) = (reviewed_by IS NULL))
);
CREATE INDEX emergency_access_user_case_idx ON emergency_access (tenant_id, user_id, case_id, expires_at);
CREATE INDEX emergency_access_starts_idx ON emergency_access (tenant_id, starts_at);

GRANT SELECT, INSERT, UPDATE ON emergency_access TO nabij_app;

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['emergency_access'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY %I ON %I USING (tenant_id = current_tenant_id()) WITH CHECK (tenant_id = current_tenant_id())', t || '_tenant', t);
  END LOOP;
END
$$;
