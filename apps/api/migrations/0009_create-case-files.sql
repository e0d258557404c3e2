-- The case file (dossier), opened when a worker is assigned to a referral the team takes up.
CREATE TABLE case_file (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenant (id),
  team_id uuid NOT NULL REFERENCES team (id),
  referral_id uuid UNIQUE REFERENCES referral (id),
  household_id uuid REFERENCES household (id),
  primary_person_id uuid REFERENCES person (id),
  case_worker_id uuid NOT NULL REFERENCES app_user (id),
  tandem_worker_id uuid REFERENCES app_user (id),
  phase text NOT NULL DEFAULT 'analysis' CHECK (phase IN ('analysis', 'plan', 'execution', 'closure', 'watch', 'closed')),
  opened_at timestamptz NOT NULL DEFAULT now(),
  opened_by uuid NOT NULL REFERENCES app_user (id),
  closed_at timestamptz,
  consent_kind text NOT NULL CHECK (consent_kind IN ('signed', 'email', 'verbal', 'none')),
  consent_date date,
  consent_recorded_by uuid NOT NULL REFERENCES app_user (id),
  legal_basis text,
  reason_without_consent text,
  version integer NOT NULL DEFAULT 1,
  CHECK (consent_kind <> 'none' OR (legal_basis IS NOT NULL AND reason_without_consent IS NOT NULL)),
  CHECK (consent_kind = 'none' OR consent_date IS NOT NULL)
);
CREATE INDEX case_file_worker_idx ON case_file (tenant_id, case_worker_id) WHERE phase <> 'closed';
CREATE INDEX case_file_tandem_idx ON case_file (tenant_id, tandem_worker_id) WHERE tandem_worker_id IS NOT NULL;
CREATE INDEX case_file_household_idx ON case_file (household_id);
CREATE INDEX case_file_person_idx ON case_file (primary_person_id);

GRANT SELECT, INSERT, UPDATE ON case_file TO nabij_app;
ALTER TABLE case_file ENABLE ROW LEVEL SECURITY;
CREATE POLICY case_file_tenant ON case_file USING (tenant_id = current_tenant_id()) WITH CHECK (tenant_id = current_tenant_id());
