-- Seal the access log after commit, outside the request's lock (ADR 0045; supersedes the sealing part of ADR 0016
-- and ADR 0025).
--
-- Until now a BEFORE INSERT trigger put every row into its municipality's hash chain while the inserting transaction
-- held the chain head's row lock until it ended: every logging request of a municipality queued behind the previous
-- one (issue #18: 220–300 tps with the chain, 665–1,005 without). Now:
-- 1. A request still writes its rows in its own transaction, but unsealed: seq, prev_hash and hash stay NULL, and the
--    row records the writing (top-level) transaction id in `xid`. The insert takes no lock.
-- 2. A sealer (access_log_seal_pending, one at a time per municipality: it locks the chain head row) puts committed
--    rows into the chain after the commit, only rows whose transaction id lies below the horizon
--    pg_snapshot_xmin(pg_current_snapshot()): every transaction with a smaller id has ended, so no transaction still
--    running can add a row that would come before them. Rows are sealed in (xid, id) order; seq is assigned at seal
--    time and continues from the head, so a rolled-back row never takes a position and the chain has no gaps or
--    forks. The hash and the canonical text (nabij-access-log-v1) are unchanged: old chains stay valid.
-- 3. The sealing update is the one change of a log row the append-only trigger allows: only seq, prev_hash and hash,
--    only from NULL, only inside the sealer.
-- 4. The privacy officer chooses where each day's chain head is published outside the database (e-mail or a file);
--    each publication is recorded in access_log_anchor.

-- 1. Unsealed rows.
ALTER TABLE access_log ADD COLUMN xid xid8;
ALTER TABLE access_log ALTER COLUMN xid SET DEFAULT pg_current_xact_id();
ALTER TABLE access_log ALTER COLUMN seq DROP NOT NULL;
ALTER TABLE access_log ALTER COLUMN prev_hash DROP NOT NULL;
ALTER TABLE access_log ALTER COLUMN hash DROP NOT NULL;
ALTER TABLE access_log ADD CONSTRAINT access_log_sealed_whole CHECK ((seq IS NULL) = (hash IS NULL) AND (seq IS NULL) = (prev_hash IS NULL));
-- The sealer's work list, and the unsealed-rows metric: small, because rows leave it when they are sealed.
CREATE INDEX access_log_unsealed_idx ON access_log (tenant_id, xid, id) WHERE seq IS NULL;

DROP TRIGGER access_log_seal_head ON access_log;
DROP FUNCTION access_log_seal_head();
DROP FUNCTION access_log_chain_advance(text[]);

-- The insert trigger keeps flagging emergency accesses and makes sure a new row arrives unsealed, with the id of the
-- transaction that really wrote it (values the application passes are overwritten). No lock, no head row.
CREATE OR REPLACE FUNCTION access_log_seal() RETURNS trigger
  LANGUAGE plpgsql
  SECURITY DEFINER
  SET search_path = public, pg_temp
  AS $$
DECLARE
  grant_id text := nullif(current_setting('nabij.emergency_access', true), '');
BEGIN
  IF grant_id IS NOT NULL THEN
    NEW.emergency := true;
    NEW.detail := coalesce(NEW.detail, '{}'::jsonb) || jsonb_build_object('emergencyAccessId', grant_id);
  END IF;
  NEW.xid := pg_current_xact_id();
  NEW.seq := NULL;
  NEW.prev_hash := NULL;
  NEW.hash := NULL;
  RETURN NEW;
END
$$;

-- 3. Append-only, except the seal: seq, prev_hash and hash go from NULL to a value inside the sealer, nothing else.
CREATE OR REPLACE FUNCTION access_log_is_append_only() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND current_setting('nabij.sealing', true) = 'on' AND OLD.seq IS NULL AND NEW.seq IS NOT NULL
     AND (to_jsonb(NEW) - 'seq' - 'prev_hash' - 'hash') = (to_jsonb(OLD) - 'seq' - 'prev_hash' - 'hash') THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'access_log is append-only' USING ERRCODE = 'insufficient_privilege';
END
$$;

-- 2. The sealer. Seals at most p_limit committed rows of one municipality and returns how many it sealed.
CREATE FUNCTION access_log_seal_pending(p_tenant uuid, p_limit integer DEFAULT 5000) RETURNS integer
  LANGUAGE plpgsql
  SECURITY DEFINER
  SET search_path = public, pg_temp
  AS $$
DECLARE
  caller text := nullif(current_setting('app.tenant_id', true), '');
  head access_log_chain%ROWTYPE;
  horizon xid8;
  r access_log%ROWTYPE;
  v_seq bigint;
  v_hash text;
  ids bigint[] := '{}';
  seqs bigint[] := '{}';
  prevs text[] := '{}';
  hashes text[] := '{}';
BEGIN
  -- A request transaction may seal its own municipality only.
  IF caller IS NOT NULL AND caller <> p_tenant::text THEN
    RAISE EXCEPTION 'may only seal the access log of municipality %', caller USING ERRCODE = 'insufficient_privilege';
  END IF;
  -- One sealer per municipality: the head row's lock, held until this transaction ends. A second sealer waits and
  -- then, in its next statement, sees what the first one sealed.
  INSERT INTO access_log_chain (tenant_id, last_seq, last_hash) VALUES (p_tenant, 0, repeat('0', 64)) ON CONFLICT (tenant_id) DO NOTHING;
  SELECT * INTO head FROM access_log_chain WHERE tenant_id = p_tenant FOR UPDATE;
  -- Every transaction with an id below the horizon has ended (committed rows are visible, rolled-back ones never
  -- will be); a running transaction, or one that starts later, has an id at or above it. This transaction's own
  -- id counts too, so a caller never seals its own uncommitted rows.
  horizon := pg_snapshot_xmin(pg_current_snapshot());
  v_seq := head.last_seq;
  v_hash := head.last_hash;
  FOR r IN
    SELECT * FROM access_log WHERE tenant_id = p_tenant AND seq IS NULL AND xid < horizon ORDER BY xid, id LIMIT p_limit
  LOOP
    v_seq := v_seq + 1;
    r.hash := encode(sha256(convert_to(access_log_canonical(r, v_hash), 'UTF8')), 'hex');
    ids := ids || r.id;
    seqs := seqs || v_seq;
    prevs := prevs || v_hash;
    hashes := hashes || r.hash;
    v_hash := r.hash;
  END LOOP;
  IF cardinality(ids) = 0 THEN
    RETURN 0;
  END IF;
  PERFORM set_config('nabij.sealing', 'on', true);
  UPDATE access_log a SET seq = u.seq, prev_hash = u.prev_hash, hash = u.hash
    FROM unnest(ids, seqs, prevs, hashes) AS u(id, seq, prev_hash, hash)
    WHERE a.id = u.id;
  PERFORM set_config('nabij.sealing', '', true);
  UPDATE access_log_chain SET last_seq = v_seq, last_hash = v_hash, updated_at = clock_timestamp()
    WHERE tenant_id = p_tenant;
  RETURN cardinality(ids);
END
$$;
REVOKE ALL ON FUNCTION access_log_seal_pending(uuid, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION access_log_seal_pending(uuid, integer) TO nabij_app;

-- 4. Publication of each day's chain head outside the database.
CREATE TABLE access_log_anchor_setting (
  tenant_id uuid PRIMARY KEY REFERENCES tenant (id),
  channel text NOT NULL CHECK (channel IN ('email', 'file')),
  -- An e-mail address, or the name of a file in the configured anchor directory.
  target text NOT NULL CHECK (length(target) BETWEEN 1 AND 254),
  updated_by uuid REFERENCES app_user (id),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1
);
CREATE TABLE access_log_anchor (
  tenant_id uuid NOT NULL REFERENCES tenant (id),
  day date NOT NULL,
  seq bigint NOT NULL,
  hash text NOT NULL,
  channel text NOT NULL,
  target text NOT NULL,
  published_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, day)
);
GRANT SELECT, INSERT, UPDATE ON access_log_anchor_setting TO nabij_app;
GRANT SELECT ON access_log_anchor TO nabij_app;
ALTER TABLE access_log_anchor_setting ENABLE ROW LEVEL SECURITY;
CREATE POLICY access_log_anchor_setting_tenant ON access_log_anchor_setting USING (tenant_id = current_tenant_id()) WITH CHECK (tenant_id = current_tenant_id());
ALTER TABLE access_log_anchor ENABLE ROW LEVEL SECURITY;
CREATE POLICY access_log_anchor_tenant ON access_log_anchor USING (tenant_id = current_tenant_id()) WITH CHECK (tenant_id = current_tenant_id());
