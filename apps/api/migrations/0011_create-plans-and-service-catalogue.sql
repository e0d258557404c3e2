-- The household's plan (perspectiefplan): one plan per case, with versions. A version is a draft until
-- the household agrees to it; the agreed version is frozen and a change makes a new draft with a reason.
-- The service catalogue (sociale kaart) is maintained per municipality by the functional administrator.

CREATE TABLE service (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenant (id),
  organisation text NOT NULL,
  name text NOT NULL,
  description text,
  -- ZRM 2017 domain codes the service helps with.
  domains text[] NOT NULL DEFAULT '{}',
  -- general = algemene/collectieve voorziening, group = groepsaanbod, tailored = maatwerkvoorziening
  type text NOT NULL CHECK (type IN ('general', 'group', 'tailored')),
  area text,
  phone text,
  email text,
  website text,
  active boolean NOT NULL DEFAULT true,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX service_tenant_idx ON service (tenant_id, organisation, name);

CREATE TABLE plan (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenant (id),
  case_id uuid NOT NULL UNIQUE REFERENCES case_file (id),
  created_by uuid NOT NULL REFERENCES app_user (id),
  created_at timestamptz NOT NULL DEFAULT now()
);

-- Files of a plan version: the household's own plan, a signed paper agreement, the agreed plan document.
CREATE TABLE plan_file (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenant (id),
  plan_id uuid NOT NULL REFERENCES plan (id),
  kind text NOT NULL CHECK (kind IN ('resident_plan', 'signed_agreement', 'plan_document')),
  filename text NOT NULL,
  media_type text NOT NULL CHECK (media_type IN ('application/pdf', 'image/png', 'image/jpeg')),
  size_bytes integer NOT NULL,
  content bytea NOT NULL,
  created_by uuid NOT NULL REFERENCES app_user (id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX plan_file_plan_idx ON plan_file (plan_id);

CREATE TABLE plan_version (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenant (id),
  plan_id uuid NOT NULL REFERENCES plan (id),
  number integer NOT NULL CHECK (number >= 1),
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'agreed', 'superseded')),
  starts_on date NOT NULL,
  change_reason text,
  -- casusregie (case: the team coordinates) or procesregie (process: a municipal consultant coordinates)
  coordination text CHECK (coordination IN ('case', 'process')),
  coordinator_name text,
  coordinator_contact text,
  resident_plan_kind text CHECK (resident_plan_kind IN ('family_group_plan', 'personal_plan')),
  resident_plan_text text,
  resident_plan_file_id uuid REFERENCES plan_file (id),
  resident_plan_leading boolean NOT NULL DEFAULT false,
  agreement_form text CHECK (agreement_form IN ('typed_signature', 'signed_paper', 'verbal')),
  agreed_on date,
  agreed_by_name text,
  typed_signature text,
  agreement_note text,
  agreement_file_id uuid REFERENCES plan_file (id),
  agreement_recorded_by uuid REFERENCES app_user (id),
  agreement_recorded_at timestamptz,
  document_file_id uuid REFERENCES plan_file (id),
  version integer NOT NULL DEFAULT 1,
  created_by uuid NOT NULL REFERENCES app_user (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (plan_id, number),
  CHECK (number = 1 OR change_reason IS NOT NULL),
  CHECK (status = 'draft' OR (agreement_form IS NOT NULL AND agreed_on IS NOT NULL AND agreed_by_name IS NOT NULL))
);
-- At most one draft per plan at a time.
CREATE UNIQUE INDEX plan_version_one_draft_idx ON plan_version (plan_id) WHERE status = 'draft';

CREATE TABLE plan_goal (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenant (id),
  plan_version_id uuid NOT NULL REFERENCES plan_version (id),
  position integer NOT NULL,
  domain text NOT NULL,
  -- The latest ZRM score of the domain when the goal was set (null when not scored).
  zrm_score smallint CHECK (zrm_score BETWEEN 1 AND 5),
  zrm_assessed_on date,
  problem text NOT NULL,
  goal text NOT NULL,
  intended_result text,
  solutions text,
  from_resident_plan boolean NOT NULL DEFAULT false
);
CREATE INDEX plan_goal_version_idx ON plan_goal (plan_version_id, position);

CREATE TABLE plan_action (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenant (id),
  goal_id uuid NOT NULL REFERENCES plan_goal (id) ON DELETE CASCADE,
  position integer NOT NULL,
  description text NOT NULL,
  performer text CHECK (performer IN ('self', 'self_with_aids', 'family_or_informal_carer', 'network_or_volunteers', 'case_worker_or_team', 'other_organisation')),
  performer_name text,
  service_id uuid REFERENCES service (id),
  due_on date,
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'in_progress', 'done', 'stopped')),
  progress_note text
);
CREATE INDEX plan_action_goal_idx ON plan_action (goal_id, position);

-- Involved parties and their part of the plan: who does what, where, when.
CREATE TABLE plan_party (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenant (id),
  plan_version_id uuid NOT NULL REFERENCES plan_version (id),
  name text NOT NULL,
  organisation text,
  part text NOT NULL,
  place text,
  timing text
);
CREATE INDEX plan_party_version_idx ON plan_party (plan_version_id);

GRANT SELECT, INSERT, UPDATE ON service, plan, plan_file, plan_version TO nabij_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON plan_goal, plan_action, plan_party TO nabij_app;

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['service', 'plan', 'plan_file', 'plan_version', 'plan_goal', 'plan_action', 'plan_party'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY %I ON %I USING (tenant_id = current_tenant_id()) WITH CHECK (tenant_id = current_tenant_id())', t || '_tenant', t);
  END LOOP;
END
$$;
