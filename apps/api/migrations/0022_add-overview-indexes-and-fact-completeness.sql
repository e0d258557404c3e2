-- Two reads that grew with the whole server instead of with the case or the municipality (docs/performance.md,
-- findings 3 and 4).

-- Opening a case file reads its watches and their check-ins. watch_check_in had no index on the case (a
-- sequential scan of every municipality's check-ins), and case_watch only a partial one for the active watch.
CREATE INDEX watch_check_in_case_idx ON watch_check_in (case_id, checked_on DESC);
CREATE INDEX case_watch_case_idx ON case_watch (case_id);

-- The management-information facts of a municipality are complete once every case file has its facts; after
-- that, the triggers of migration 0019 queue every change, so the check (an anti-join over all its case files)
-- is needed only until it first succeeds. A row here records that it did. Bulk loads that bypass the triggers
-- create new municipalities (the synthetic generator) and so start without a row.
CREATE TABLE mi_fact_complete (
  tenant_id uuid PRIMARY KEY REFERENCES tenant (id),
  checked_at timestamptz NOT NULL DEFAULT now()
);
GRANT SELECT, INSERT, DELETE ON mi_fact_complete TO nabij_app;
ALTER TABLE mi_fact_complete ENABLE ROW LEVEL SECURITY;
CREATE POLICY mi_fact_complete_tenant ON mi_fact_complete USING (tenant_id = current_tenant_id()) WITH CHECK (tenant_id = current_tenant_id());
