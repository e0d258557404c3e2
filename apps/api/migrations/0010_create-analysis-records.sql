-- The analysis phase: network and professionals around the household, ZRM and participation-ladder
-- measurements, the child safety assessment, the Meldcode workflow (shielded), outreach attempts and
-- consent for information exchange. Deadlines per team.
ALTER TABLE team
  ADD COLUMN analysis_weeks integer NOT NULL DEFAULT 6 CHECK (analysis_weeks BETWEEN 1 AND 52),
  ADD COLUMN outreach_weeks integer NOT NULL DEFAULT 8 CHECK (outreach_weeks BETWEEN 1 AND 52);
ALTER TABLE case_file ADD COLUMN analysis_deadline date;

CREATE TABLE network_person (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenant (id),
  case_id uuid NOT NULL REFERENCES case_file (id),
  name text NOT NULL,
  relation_type text NOT NULL CHECK (relation_type IN ('family', 'friend', 'neighbour', 'volunteer', 'informal_carer', 'colleague', 'other')),
  relation_note text,
  quality text NOT NULL CHECK (quality IN ('supportive', 'stressful', 'mixed')),
  contact_frequency text NOT NULL CHECK (contact_frequency IN ('daily', 'weekly', 'monthly', 'rarely')),
  key_figure boolean NOT NULL DEFAULT false,
  phone text,
  created_by uuid NOT NULL REFERENCES app_user (id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX network_person_case_idx ON network_person (case_id);

CREATE TABLE involved_professional (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenant (id),
  case_id uuid NOT NULL REFERENCES case_file (id),
  organisation text NOT NULL,
  name text,
  role text,
  phone text,
  email text,
  created_by uuid NOT NULL REFERENCES app_user (id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX involved_professional_case_idx ON involved_professional (case_id);

-- Criteria texts of an instrument, imported per municipality where it holds the licence.
CREATE TABLE zrm_criterion (
  tenant_id uuid NOT NULL REFERENCES tenant (id),
  instrument text NOT NULL CHECK (instrument IN ('zrm2017', 'zrm2013')),
  domain text NOT NULL,
  level smallint NOT NULL CHECK (level BETWEEN 1 AND 5),
  text text NOT NULL,
  PRIMARY KEY (tenant_id, instrument, domain, level)
);

CREATE TABLE zrm_assessment (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenant (id),
  case_id uuid NOT NULL REFERENCES case_file (id),
  person_id uuid NOT NULL REFERENCES person (id),
  instrument text NOT NULL CHECK (instrument IN ('zrm2017', 'zrm2013')),
  kind text NOT NULL CHECK (kind IN ('start', 'interim', 'closing')),
  assessed_on date NOT NULL,
  recorded_by uuid NOT NULL REFERENCES app_user (id),
  recorded_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1
);
CREATE INDEX zrm_assessment_case_idx ON zrm_assessment (case_id, assessed_on);

CREATE TABLE zrm_score (
  assessment_id uuid NOT NULL REFERENCES zrm_assessment (id) ON DELETE CASCADE,
  tenant_id uuid NOT NULL REFERENCES tenant (id),
  domain text NOT NULL,
  score smallint NOT NULL CHECK (score BETWEEN 1 AND 5),
  note text,
  out_of_scope_reason text,
  PRIMARY KEY (assessment_id, domain)
);

CREATE TABLE participation_measure (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenant (id),
  case_id uuid NOT NULL REFERENCES case_file (id),
  person_id uuid NOT NULL REFERENCES person (id),
  rung smallint NOT NULL CHECK (rung BETWEEN 1 AND 6),
  measured_on date NOT NULL,
  note text,
  recorded_by uuid NOT NULL REFERENCES app_user (id),
  recorded_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX participation_measure_case_idx ON participation_measure (case_id, measured_on);

CREATE TABLE child_safety_assessment (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenant (id),
  case_id uuid NOT NULL REFERENCES case_file (id),
  assessed_on date NOT NULL,
  signs text NOT NULL,
  protective_factors text NOT NULL,
  risk_level text NOT NULL CHECK (risk_level IN ('low', 'medium', 'high')),
  actions text NOT NULL,
  recorded_by uuid NOT NULL REFERENCES app_user (id),
  recorded_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX child_safety_case_idx ON child_safety_assessment (case_id, assessed_on);

-- Meldcode records are shielded: only the case's workers, the behavioural scientist and the
-- coordinator of the team see them (enforced in the case-file policy), never the resident portal.
CREATE TABLE meldcode_record (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenant (id),
  case_id uuid NOT NULL REFERENCES case_file (id),
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
  started_on date NOT NULL,
  started_by uuid NOT NULL REFERENCES app_user (id),
  suspicion boolean,
  acute_or_structural_unsafety boolean,
  help_possible boolean,
  help_accepted boolean,
  results_achieved boolean,
  weighing text,
  report_to_veilig_thuis boolean,
  provide_or_organise_help boolean,
  consent_asked boolean,
  consent_given boolean,
  veilig_thuis_reported_on date,
  veilig_thuis_reference text,
  follow_up_on date,
  decided_at timestamptz,
  decided_by uuid REFERENCES app_user (id),
  CHECK (decided_at IS NULL OR (weighing IS NOT NULL AND suspicion IS NOT NULL AND report_to_veilig_thuis IS NOT NULL))
);
CREATE INDEX meldcode_record_case_idx ON meldcode_record (case_id);

CREATE TABLE meldcode_entry (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenant (id),
  record_id uuid NOT NULL REFERENCES meldcode_record (id),
  kind text NOT NULL CHECK (kind IN ('signal', 'consultation', 'conversation')),
  on_date date,
  -- signal: fact + source, interpretation kept apart; consultation: with_whom + advice; conversation: with_whom + summary or reason_not_held
  fact text,
  source text,
  interpretation text,
  with_whom text,
  advice text,
  summary text,
  reason_not_held text,
  recorded_by uuid NOT NULL REFERENCES app_user (id),
  recorded_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX meldcode_entry_record_idx ON meldcode_entry (record_id, recorded_at);

CREATE TABLE outreach_attempt (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenant (id),
  case_id uuid NOT NULL REFERENCES case_file (id),
  attempted_on date NOT NULL,
  way text NOT NULL CHECK (way IN ('home_visit', 'phone', 'letter', 'via_network', 'other')),
  contact_made boolean NOT NULL,
  note text,
  recorded_by uuid NOT NULL REFERENCES app_user (id)
);
CREATE INDEX outreach_attempt_case_idx ON outreach_attempt (case_id, attempted_on);

CREATE TABLE information_consent (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenant (id),
  case_id uuid NOT NULL REFERENCES case_file (id),
  person_id uuid NOT NULL REFERENCES person (id),
  recipient text NOT NULL,
  scope text NOT NULL,
  form text NOT NULL CHECK (form IN ('signed', 'email', 'verbal')),
  given_on date NOT NULL,
  expires_on date,
  withdrawn_on date,
  recorded_by uuid NOT NULL REFERENCES app_user (id),
  recorded_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX information_consent_case_idx ON information_consent (case_id);

GRANT SELECT, INSERT, UPDATE, DELETE ON network_person, involved_professional, zrm_criterion TO nabij_app;
GRANT SELECT, INSERT, UPDATE ON zrm_assessment, zrm_score, participation_measure, child_safety_assessment, meldcode_record, meldcode_entry, outreach_attempt, information_consent TO nabij_app;
GRANT DELETE ON zrm_score TO nabij_app;

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['network_person', 'involved_professional', 'zrm_criterion', 'zrm_assessment', 'zrm_score', 'participation_measure',
                           'child_safety_assessment', 'meldcode_record', 'meldcode_entry', 'outreach_attempt', 'information_consent'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY %I ON %I USING (tenant_id = current_tenant_id()) WITH CHECK (tenant_id = current_tenant_id())', t || '_tenant', t);
  END LOOP;
END
$$;
