-- Erasure touches only the subject's own data (issue #17 item 1; ADR 0028).
--
-- 1. A person whose row is still referred to by a record that stays (the primary person of a case file that other
--    household members are part of) is pseudonymised instead of deleted: every personal field is cleared, the name
--    becomes "Verwijderde persoon", and erased_at records when. Such a row holds no personal data.
-- 2. The destruction record also counts what was pseudonymised or cut loose instead of destroyed (per table or
--    "table.column"), so the verklaring van vernietiging tells the whole story of an erasure.
-- 3. The request role may cut a reference from a record that stays to a row of the subject that goes (e.g. an
--    evaluation that pointed to the subject's interim ZRM) and drop the subject's entries from a closure's outcome
--    snapshot: UPDATE on exactly those columns.
ALTER TABLE person ADD COLUMN erased_at timestamptz;

ALTER TABLE destruction_record ADD COLUMN rows_pseudonymised jsonb NOT NULL DEFAULT '{}';

GRANT UPDATE (outcome_snapshot) ON case_closure TO nabij_app;

-- Every nullable single-column foreign key that points to a person, or to a row that refers to a person
-- (the subject's own rows: ZRM assessments, consents, portal accounts, …), may be set to null by the request role.
DO $$
DECLARE
  r record;
BEGIN
  FOR r IN
    SELECT DISTINCT c.conrelid::regclass AS child, a.attname AS col
    FROM pg_constraint c
    JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
    WHERE c.contype = 'f' AND cardinality(c.conkey) = 1 AND NOT a.attnotnull
      AND (c.confrelid = 'person'::regclass
           OR c.confrelid IN (SELECT p.conrelid FROM pg_constraint p WHERE p.contype = 'f' AND p.confrelid = 'person'::regclass))
  LOOP
    EXECUTE format('GRANT UPDATE (%I) ON %s TO nabij_app', r.col, r.child);
  END LOOP;
END
$$;
