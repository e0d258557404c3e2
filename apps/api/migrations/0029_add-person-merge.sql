-- Merging two person records that turn out to be one person, and undoing it (issue #17 item 13; ADR 0031).
--
-- 1. person_merge records each merge: which person stayed (kept_person_id, and survivor_id while it exists), the merged person's whole row as it was
--    (merged_person, to restore it on undo), the survivor's fields before and after (to put back what the merge
--    changed), every reference that moved (moved: table, column and the row's primary key) and every row that could
--    not move because the survivor already had one (removed: a household membership of the same household, kept
--    whole). The personal data in it go with the survivor (ON DELETE CASCADE: destruction and erasure follow the
--    foreign key) and are cleared when the merge is undone.
-- 2. The references are moved by two functions that follow the foreign keys of the catalogue, so a table added by a
--    later migration that refers to a person is covered without a grant of its own. They run as the owner but only
--    move references between two persons of the caller's own municipality (current_tenant_id()), and only along a
--    single-column foreign key to person(id). Who may merge is decided by the application (persons.policy.ts).
CREATE TABLE person_merge (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenant (id),
  -- The person that stayed; moves on when that person is merged into a third one later (then this merge can only
  -- be undone after that later one).
  survivor_id uuid NOT NULL REFERENCES person (id) ON DELETE CASCADE,
  kept_person_id uuid NOT NULL,
  merged_person_id uuid NOT NULL,
  merged_person jsonb,
  survivor_before jsonb,
  survivor_after jsonb,
  moved jsonb NOT NULL DEFAULT '[]',
  removed jsonb NOT NULL DEFAULT '[]',
  merged_by uuid NOT NULL REFERENCES app_user (id),
  merged_at timestamptz NOT NULL DEFAULT now(),
  undone_by uuid REFERENCES app_user (id),
  undone_at timestamptz,
  undo_reason text,
  version integer NOT NULL DEFAULT 1,
  CHECK ((undone_at IS NULL) = (undone_by IS NULL))
);
CREATE INDEX person_merge_survivor_idx ON person_merge (survivor_id);
CREATE INDEX person_merge_merged_idx ON person_merge (merged_person_id);
CREATE INDEX person_merge_tenant_idx ON person_merge (tenant_id, merged_at DESC);

GRANT SELECT, INSERT, UPDATE, DELETE ON person_merge TO nabij_app;
ALTER TABLE person_merge ENABLE ROW LEVEL SECURITY;
CREATE POLICY person_merge_tenant ON person_merge USING (tenant_id = current_tenant_id()) WITH CHECK (tenant_id = current_tenant_id());

-- Checks that child.col is a single-column foreign key to person(id) and that both persons are of the caller's
-- municipality; raises otherwise.
CREATE FUNCTION person_merge_check(child regclass, col text, a uuid, b uuid) RETURNS void
  LANGUAGE plpgsql
  SECURITY DEFINER
  SET search_path = public, pg_temp
  AS $$
BEGIN
  IF NOT EXISTS (
    SELECT 1 FROM pg_constraint c JOIN pg_attribute att ON att.attrelid = c.conrelid AND att.attnum = c.conkey[1]
    WHERE c.contype = 'f' AND c.conrelid = child AND c.confrelid = 'person'::regclass AND cardinality(c.conkey) = 1 AND att.attname = col
  ) THEN
    RAISE EXCEPTION 'not a reference to a person: %.%', child, col;
  END IF;
  IF current_tenant_id() IS NULL OR (SELECT count(*) FROM person WHERE id IN (a, b) AND tenant_id = current_tenant_id()) <> 2 THEN
    RAISE EXCEPTION 'the persons of a merge must both be of this municipality';
  END IF;
END
$$;
REVOKE ALL ON FUNCTION person_merge_check(regclass, text, uuid, uuid) FROM PUBLIC;

-- Moves every row of child whose col refers to from_id to to_id, one row at a time. Returns per row: moved with its
-- primary key (after the move), or — when a unique constraint refuses the move because to_id already has such a
-- row — the whole row, which is then deleted when nothing refers to its table (a household membership of the same
-- household); when something could refer to it, the merge is refused (SQLSTATE NM001, "merge_conflict").
CREATE FUNCTION person_merge_move(child regclass, col text, from_id uuid, to_id uuid)
  RETURNS TABLE (moved boolean, row_key jsonb, row_data jsonb)
  LANGUAGE plpgsql
  SECURITY DEFINER
  SET search_path = public, pg_temp
  AS $$
DECLARE
  pk text[];
  r record;
  referred boolean;
BEGIN
  PERFORM person_merge_check(child, col, from_id, to_id);
  SELECT array_agg(a.attname::text ORDER BY a.attnum) INTO pk
    FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY (i.indkey)
    WHERE i.indrelid = child AND i.indisprimary;
  SELECT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.contype = 'f' AND c.confrelid = child) INTO referred;
  FOR r IN EXECUTE format('SELECT to_jsonb(t) AS j, t.ctid AS tid FROM %s t WHERE %I = $1', child, col) USING from_id LOOP
    BEGIN
      EXECUTE format('UPDATE %s SET %I = $1 WHERE ctid = $2', child, col) USING to_id, r.tid;
      moved := true;
      row_data := NULL;
      IF pk IS NULL THEN
        row_key := jsonb_set(r.j, ARRAY[col], to_jsonb(to_id));
      ELSE
        SELECT jsonb_object_agg(k, CASE WHEN k = col THEN to_jsonb(to_id) ELSE r.j -> k END) INTO row_key FROM unnest(pk) AS k;
      END IF;
    EXCEPTION WHEN unique_violation THEN
      IF referred THEN
        RAISE EXCEPTION USING ERRCODE = 'NM001', MESSAGE = format('merge_conflict: %s.%s', child, col);
      END IF;
      EXECUTE format('DELETE FROM %s WHERE ctid = $1', child) USING r.tid;
      moved := false;
      row_key := NULL;
      row_data := r.j;
    END;
    RETURN NEXT;
  END LOOP;
END
$$;
REVOKE ALL ON FUNCTION person_merge_move(regclass, text, uuid, uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION person_merge_move(regclass, text, uuid, uuid) TO nabij_app;

-- Undo, one recorded row: moves the row with this primary key back from from_id (the survivor) to to_id (the
-- restored person), or re-inserts a removed row. Returns false when the row is gone or the survivor's own row now
-- stands in the way (then it is left as it is).
CREATE FUNCTION person_merge_move_back(child regclass, col text, row_key jsonb, row_data jsonb, from_id uuid, to_id uuid) RETURNS boolean
  LANGUAGE plpgsql
  SECURITY DEFINER
  SET search_path = public, pg_temp
  AS $$
DECLARE
  n integer;
BEGIN
  PERFORM person_merge_check(child, col, from_id, to_id);
  IF row_data IS NOT NULL THEN
    IF row_data ->> col IS DISTINCT FROM to_id::text THEN
      RAISE EXCEPTION 'a removed row must refer to the restored person';
    END IF;
    BEGIN
      EXECUTE format('INSERT INTO %s SELECT * FROM jsonb_populate_record(NULL::%s, $1)', child, child) USING row_data;
      RETURN true;
    EXCEPTION WHEN unique_violation THEN
      RETURN false;
    END;
  END IF;
  BEGIN
    EXECUTE format('UPDATE %s t SET %I = $1 WHERE %I = $2 AND to_jsonb(t) @> $3', child, col, col) USING to_id, from_id, row_key;
    GET DIAGNOSTICS n = ROW_COUNT;
    RETURN n > 0;
  EXCEPTION WHEN unique_violation THEN
    RETURN false;
  END;
END
$$;
REVOKE ALL ON FUNCTION person_merge_move_back(regclass, text, jsonb, jsonb, uuid, uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION person_merge_move_back(regclass, text, jsonb, jsonb, uuid, uuid) TO nabij_app;
