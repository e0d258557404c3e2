-- Privacy capability (ADR 0017): the legal basis and purpose of each case file, retention per legal regime with
-- destruction after the privacy officer confirms (anonymous statistics kept), the register of AVG requests with
-- their deadlines (inspection with decisions on shielded categories, correction, erasure with the exception
-- check, restriction, objection, the resident's own statement), and tenancy hardening of the organisation tables.

-- 1. Legal basis and purpose per case; a postponement of destruction with its reason.
ALTER TABLE case_file
  ADD COLUMN legal_bases text[] NOT NULL DEFAULT '{}',
  ADD COLUMN processing_purposes text[] NOT NULL DEFAULT '{}',
  ADD COLUMN purpose_description text,
  ADD COLUMN basis_recorded_by uuid REFERENCES app_user (id),
  ADD COLUMN basis_recorded_at timestamptz,
  ADD COLUMN retention_postponed_until date,
  ADD COLUMN retention_postpone_reason text;
ALTER TABLE case_file
  ADD CONSTRAINT case_file_legal_bases_check CHECK (legal_bases <@ ARRAY['wmo_2015', 'jeugdwet', 'participatiewet', 'wgs', 'consent']::text[]),
  ADD CONSTRAINT case_file_processing_purposes_check
    CHECK (processing_purposes <@ ARRAY['social_support', 'youth_help', 'work_and_income', 'debt_help', 'voluntary_support']::text[]),
  ADD CONSTRAINT case_file_retention_postponed_check CHECK ((retention_postponed_until IS NULL) = (retention_postpone_reason IS NULL));

-- 2. Retention terms per municipality for the regimes the law leaves open (Wmo and Jeugdwet are fixed in code).
CREATE TABLE retention_setting (
  tenant_id uuid PRIMARY KEY REFERENCES tenant (id),
  participatiewet_years integer NOT NULL DEFAULT 7 CHECK (participatiewet_years BETWEEN 1 AND 30),
  wgs_years integer NOT NULL DEFAULT 7 CHECK (wgs_years BETWEEN 1 AND 30),
  other_years integer NOT NULL DEFAULT 5 CHECK (other_years BETWEEN 1 AND 30),
  updated_by uuid REFERENCES app_user (id),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1
);

-- 3. The register of AVG requests. The request outlives an erasure (accountability, AVG art. 5(2)): the link to
--    the person is then cleared, the reference and the handling remain.
CREATE TABLE avg_request (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenant (id),
  reference text NOT NULL,
  person_id uuid REFERENCES person (id) ON DELETE SET NULL,
  kind text NOT NULL CHECK (kind IN ('inspection', 'correction', 'erasure', 'restriction', 'objection', 'statement')),
  channel text NOT NULL CHECK (channel IN ('letter', 'email', 'in_person', 'phone', 'portal', 'other')),
  received_on date NOT NULL,
  deadline date NOT NULL,
  extended_until date,
  extension_reason text,
  description text NOT NULL,
  identity_verified boolean NOT NULL DEFAULT false,
  status text NOT NULL DEFAULT 'received' CHECK (status IN ('received', 'in_progress', 'granted', 'partly_granted', 'refused', 'withdrawn')),
  handled_by uuid REFERENCES app_user (id),
  decision_notes text,
  completed_on date,
  exception_retention_obligation boolean,
  exception_legal_claim boolean,
  exception_public_interest boolean,
  exception_others_interest boolean,
  exception_notes text,
  exception_checked_by uuid REFERENCES app_user (id),
  exception_checked_at timestamptz,
  erased_at timestamptz,
  copy_generated_at timestamptz,
  created_by uuid NOT NULL REFERENCES app_user (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  UNIQUE (tenant_id, reference),
  CHECK (deadline > received_on),
  CHECK ((extended_until IS NULL) = (extension_reason IS NULL)),
  CHECK (extended_until IS NULL OR (extended_until > deadline AND extended_until <= received_on + interval '3 months')),
  CHECK (status NOT IN ('granted', 'partly_granted', 'refused', 'withdrawn') OR (completed_on IS NOT NULL AND decision_notes IS NOT NULL)),
  CHECK ((exception_checked_at IS NULL) = (exception_notes IS NULL)),
  CHECK (erased_at IS NULL OR (kind = 'erasure' AND exception_checked_at IS NOT NULL))
);
CREATE INDEX avg_request_open_idx ON avg_request (tenant_id, status, received_on);
CREATE INDEX avg_request_person_idx ON avg_request (person_id) WHERE person_id IS NOT NULL;

-- Inspection: the privacy officer's explicit decision per shielded category, with the (internal) reason.
CREATE TABLE avg_inspection_decision (
  request_id uuid NOT NULL REFERENCES avg_request (id) ON DELETE CASCADE,
  tenant_id uuid NOT NULL REFERENCES tenant (id),
  category text NOT NULL CHECK (category IN ('internal_notes', 'meldcode', 'network_persons', 'other_household_members')),
  include boolean NOT NULL,
  reason text NOT NULL,
  decided_by uuid NOT NULL REFERENCES app_user (id),
  decided_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (request_id, category)
);

-- Correction: which field was corrected (not its old value) and the note; applied when the system changed it.
CREATE TABLE avg_correction (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenant (id),
  request_id uuid NOT NULL REFERENCES avg_request (id) ON DELETE CASCADE,
  field text NOT NULL,
  note text NOT NULL,
  applied boolean NOT NULL,
  recorded_by uuid NOT NULL REFERENCES app_user (id),
  recorded_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX avg_correction_request_idx ON avg_correction (request_id);

-- The resident's own statement, added to the case file (Jeugdwet 7.3.8 lid 2; AVG art. 16).
CREATE TABLE resident_statement (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenant (id),
  case_id uuid NOT NULL REFERENCES case_file (id),
  person_id uuid REFERENCES person (id),
  request_id uuid REFERENCES avg_request (id) ON DELETE SET NULL,
  received_on date NOT NULL,
  statement text NOT NULL,
  recorded_by uuid NOT NULL REFERENCES app_user (id),
  recorded_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX resident_statement_case_idx ON resident_statement (case_id, received_on);

-- 4. Destruction: what was destroyed, when, why and by whom (a "verklaring van vernietiging"), without content.
CREATE TABLE destruction_record (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenant (id),
  subject text NOT NULL CHECK (subject IN ('case', 'person')),
  case_id uuid,
  case_reference text,
  team_id uuid REFERENCES team (id),
  reason text NOT NULL CHECK (reason IN ('retention', 'erasure')),
  request_id uuid REFERENCES avg_request (id) ON DELETE SET NULL,
  regimes text[] NOT NULL DEFAULT '{}',
  due_on date,
  persons_destroyed integer NOT NULL,
  rows_destroyed jsonb NOT NULL,
  destroyed_by uuid NOT NULL REFERENCES app_user (id),
  destroyed_at timestamptz NOT NULL DEFAULT now(),
  CHECK (subject = 'person' OR case_id IS NOT NULL)
);
CREATE INDEX destruction_record_tenant_idx ON destruction_record (tenant_id, destroyed_at DESC);

-- Anonymous statistics of a destroyed case: no person, case or referral id, no names, dates to the month.
CREATE TABLE case_statistic (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenant (id),
  team_id uuid NOT NULL REFERENCES team (id),
  legal_regimes text[] NOT NULL,
  opened_month date NOT NULL,
  closed_month date,
  analysis_days integer,
  plan_days integer,
  execution_days integer,
  total_days integer,
  episodes integer NOT NULL,
  closure_reason text,
  closure_outcome text,
  -- {"finances": {"start": 2, "closing": 4}, ...} of the household's first assessed person
  zrm jsonb NOT NULL DEFAULT '{}',
  recorded_month date NOT NULL
);
CREATE INDEX case_statistic_team_idx ON case_statistic (tenant_id, team_id, closed_month);

GRANT SELECT, INSERT, UPDATE ON retention_setting, avg_request TO nabij_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON avg_inspection_decision TO nabij_app;
GRANT SELECT, INSERT ON avg_correction, resident_statement, destruction_record, case_statistic TO nabij_app;

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['retention_setting', 'avg_request', 'avg_inspection_decision', 'avg_correction', 'resident_statement',
                           'destruction_record', 'case_statistic'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY %I ON %I USING (tenant_id = current_tenant_id()) WITH CHECK (tenant_id = current_tenant_id())', t || '_tenant', t);
  END LOOP;
END
$$;

-- Destruction runs in the request role under row-level security: it may delete the rows of every table that
-- (through foreign keys) belongs to a case file, referral, household or person of its own municipality. The
-- access log has no foreign keys to these tables and stays append-only. A test checks that tables added later
-- are covered too.
DO $$
DECLARE
  todo regclass[] := ARRAY['case_file', 'referral', 'household', 'person']::regclass[];
  seen regclass[] := '{}';
  t regclass;
  child regclass;
BEGIN
  WHILE coalesce(array_length(todo, 1), 0) > 0 LOOP
    t := todo[1];
    todo := todo[2:];
    CONTINUE WHEN t = ANY (seen);
    seen := seen || t;
    EXECUTE format('GRANT DELETE ON %s TO nabij_app', t);
    FOR child IN
      SELECT DISTINCT c.conrelid::regclass FROM pg_constraint c
      WHERE c.contype = 'f' AND c.confrelid = t AND c.confdeltype IN ('a', 'r', 'c') AND c.conrelid <> t
    LOOP
      todo := todo || child;
    END LOOP;
  END LOOP;
END
$$;

-- 5. Tenancy of the organisation tables: a request transaction sees only its own municipality's teams, users,
--    roles and team memberships, and never password hashes or two-factor secrets (those are read as the owner
--    during login only).
ALTER TABLE tenant ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_self ON tenant USING (id = current_tenant_id()) WITH CHECK (id = current_tenant_id());
ALTER TABLE team ENABLE ROW LEVEL SECURITY;
CREATE POLICY team_tenant ON team USING (tenant_id = current_tenant_id()) WITH CHECK (tenant_id = current_tenant_id());
ALTER TABLE app_user ENABLE ROW LEVEL SECURITY;
CREATE POLICY app_user_tenant ON app_user USING (tenant_id = current_tenant_id()) WITH CHECK (tenant_id = current_tenant_id());
ALTER TABLE user_role ENABLE ROW LEVEL SECURITY;
CREATE POLICY user_role_tenant ON user_role USING (EXISTS (SELECT 1 FROM app_user u WHERE u.id = user_id));
ALTER TABLE user_team ENABLE ROW LEVEL SECURITY;
CREATE POLICY user_team_tenant ON user_team USING (EXISTS (SELECT 1 FROM app_user u WHERE u.id = user_id));

REVOKE SELECT ON app_user FROM nabij_app;
DO $$
DECLARE cols text;
BEGIN
  SELECT string_agg(quote_ident(column_name), ', ' ORDER BY ordinal_position) INTO cols
  FROM information_schema.columns
  WHERE table_schema = 'public' AND table_name = 'app_user'
    AND column_name NOT IN ('password_hash', 'totp_secret', 'totp_last_step');
  EXECUTE format('GRANT SELECT (%s) ON app_user TO nabij_app', cols);
END
$$;
