-- Seal the access log with one chain-head update per statement instead of one per row (ADR 0025).
--
-- Migration 0016 sealed every row with a BEFORE INSERT trigger that locked the municipality's chain head and
-- updated it once per row. Within one transaction those updates pile up versions of the head row that every next
-- row has to step over, so a list view that logs 22 rows spent about 20 ms sealing — while holding the head lock
-- that every other logging request of the municipality waits for (docs/performance.md, finding 1).
--
-- Now the row trigger still takes the lock (once per transaction and municipality) and computes seq, prev_hash and
-- hash exactly as before, but it carries the running head in a transaction-local setting
-- (nabij.access_log_head = tenant|seq in the head row|running seq|running hash); a statement trigger writes the
-- head row once at the end of every inserting statement. The hash and the canonical text are unchanged
-- (nabij-access-log-v1), so existing chains and the verification in access-log-chain.ts stay as they are.
-- Savepoints stay consistent: a rolled-back subtransaction reverts both the setting and the head row.

-- The canonical text without unnest/string_agg: the same fields, the same escaping, the same order.
CREATE OR REPLACE FUNCTION access_log_canonical(r access_log, prev text) RETURNS text
  LANGUAGE sql STABLE
  SET search_path = public, pg_temp
  AS $$
    SELECT concat_ws('|',
      'nabij-access-log-v1',
      coalesce(replace(replace(prev, '\', '\\'), '|', '\|'), '\N'),
      coalesce(replace(replace(r.id::text, '\', '\\'), '|', '\|'), '\N'),
      coalesce(replace(replace(r.tenant_id::text, '\', '\\'), '|', '\|'), '\N'),
      coalesce(replace(replace(to_char(r.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'), '\', '\\'), '|', '\|'), '\N'),
      coalesce(replace(replace(r.user_id::text, '\', '\\'), '|', '\|'), '\N'),
      coalesce(replace(replace(r.user_role, '\', '\\'), '|', '\|'), '\N'),
      coalesce(replace(replace(r.team_id::text, '\', '\\'), '|', '\|'), '\N'),
      coalesce(replace(replace(r.on_behalf_of::text, '\', '\\'), '|', '\|'), '\N'),
      coalesce(replace(replace(r.action, '\', '\\'), '|', '\|'), '\N'),
      coalesce(replace(replace(r.event, '\', '\\'), '|', '\|'), '\N'),
      coalesce(replace(replace(r.person_id::text, '\', '\\'), '|', '\|'), '\N'),
      coalesce(replace(replace(r.case_id::text, '\', '\\'), '|', '\|'), '\N'),
      coalesce(replace(replace(r.data_category, '\', '\\'), '|', '\|'), '\N'),
      coalesce(replace(replace(r.legal_basis, '\', '\\'), '|', '\|'), '\N'),
      coalesce(replace(replace(r.outcome, '\', '\\'), '|', '\|'), '\N'),
      coalesce(replace(replace(r.ip, '\', '\\'), '|', '\|'), '\N'),
      coalesce(replace(replace(r.user_agent, '\', '\\'), '|', '\|'), '\N'),
      coalesce(replace(replace(r.emergency::text, '\', '\\'), '|', '\|'), '\N'),
      coalesce(replace(replace(r.detail::text, '\', '\\'), '|', '\|'), '\N'))
  $$;

-- Moves the head row of state[1] from state[2] to (state[3], state[4]). The head can only have moved if someone
-- wrote it without the lock (or forged the setting): then the statement fails instead of forking the chain.
CREATE FUNCTION access_log_chain_advance(state text[]) RETURNS void
  LANGUAGE plpgsql
  SECURITY DEFINER
  SET search_path = public, pg_temp
  AS $$
BEGIN
  IF state[2] = state[3] THEN
    RETURN;
  END IF;
  UPDATE access_log_chain SET last_seq = state[3]::bigint, last_hash = state[4], updated_at = clock_timestamp()
    WHERE tenant_id = state[1]::uuid AND last_seq = state[2]::bigint;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'access log chain head of % is not at %', state[1], state[2];
  END IF;
  PERFORM set_config('nabij.access_log_head', concat_ws('|', state[1], state[3], state[3], state[4]), true);
END
$$;
REVOKE ALL ON FUNCTION access_log_chain_advance(text[]) FROM PUBLIC;

CREATE OR REPLACE FUNCTION access_log_seal() RETURNS trigger
  LANGUAGE plpgsql
  SECURITY DEFINER
  SET search_path = public, pg_temp
  AS $$
DECLARE
  head access_log_chain%ROWTYPE;
  grant_id text := nullif(current_setting('nabij.emergency_access', true), '');
  state text[] := string_to_array(nullif(current_setting('nabij.access_log_head', true), ''), '|');
BEGIN
  -- Accesses under emergency access (set by withCase for the transaction) are always flagged.
  IF grant_id IS NOT NULL THEN
    NEW.emergency := true;
    NEW.detail := coalesce(NEW.detail, '{}'::jsonb) || jsonb_build_object('emergencyAccessId', grant_id);
  END IF;
  IF state IS NULL OR state[1] <> NEW.tenant_id::text THEN
    -- Another municipality's rows came first in this transaction: write its head before switching.
    IF state IS NOT NULL THEN
      PERFORM access_log_chain_advance(state);
    END IF;
    -- The lock on the head row is held until the transaction ends: the next writer of this municipality
    -- continues from this transaction's last hash, or from the old head when this transaction rolls back.
    SELECT * INTO head FROM access_log_chain WHERE tenant_id = NEW.tenant_id FOR UPDATE;
    IF NOT FOUND THEN
      INSERT INTO access_log_chain (tenant_id, last_seq, last_hash) VALUES (NEW.tenant_id, 0, repeat('0', 64))
        ON CONFLICT (tenant_id) DO NOTHING;
      SELECT * INTO head FROM access_log_chain WHERE tenant_id = NEW.tenant_id FOR UPDATE;
    END IF;
    state := ARRAY[NEW.tenant_id::text, head.last_seq::text, head.last_seq::text, head.last_hash];
  END IF;
  NEW.seq := state[3]::bigint + 1;
  NEW.prev_hash := state[4];
  NEW.hash := encode(sha256(convert_to(access_log_canonical(NEW, NEW.prev_hash), 'UTF8')), 'hex');
  PERFORM set_config('nabij.access_log_head', concat_ws('|', state[1], state[2], NEW.seq::text, NEW.hash), true);
  RETURN NEW;
END
$$;

CREATE FUNCTION access_log_seal_head() RETURNS trigger
  LANGUAGE plpgsql
  SECURITY DEFINER
  SET search_path = public, pg_temp
  AS $$
DECLARE
  state text[] := string_to_array(nullif(current_setting('nabij.access_log_head', true), ''), '|');
BEGIN
  IF state IS NOT NULL THEN
    PERFORM access_log_chain_advance(state);
  END IF;
  RETURN NULL;
END
$$;
REVOKE ALL ON FUNCTION access_log_seal_head() FROM PUBLIC;

CREATE TRIGGER access_log_seal_head AFTER INSERT ON access_log FOR EACH STATEMENT EXECUTE FUNCTION access_log_seal_head();
