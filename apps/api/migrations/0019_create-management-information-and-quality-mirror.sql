-- Management information and the quality mirror (ADR 0021): the municipal policy advisor role (aggregate figures of
-- every team, no case data), the history of changes of a case's contact person (for the continuity indicator),
-- the team's periodic self-assessment on Movisie's 15 effective elements, indexes for the period queries of the
-- dashboards, and facts per case pre-aggregated from the registration (nothing is registered twice).

-- 1. The policy advisor (beleidsadviseur / manager sociaal domein of the municipality).
ALTER TABLE user_role DROP CONSTRAINT user_role_role_check;
ALTER TABLE user_role ADD CONSTRAINT user_role_role_check CHECK (role IN ('volunteer_host', 'intake_desk', 'case_worker',
  'behavioural_scientist', 'team_coordinator', 'municipal_consultant', 'privacy_officer', 'functional_admin', 'policy_advisor'));

-- 2. Changes of contact person: every change of case_file.case_worker_id, written by a trigger so that no code path
--    that reassigns a case can forget it. The first assignment (opening the case) is not a change.
CREATE TABLE case_worker_change (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenant (id),
  case_id uuid NOT NULL REFERENCES case_file (id),
  previous_worker_id uuid REFERENCES app_user (id),
  new_worker_id uuid NOT NULL REFERENCES app_user (id),
  changed_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX case_worker_change_case_idx ON case_worker_change (case_id, changed_at);
CREATE INDEX case_worker_change_tenant_idx ON case_worker_change (tenant_id, changed_at);

CREATE FUNCTION case_worker_change_record() RETURNS trigger
  LANGUAGE plpgsql
  SET search_path = public, pg_temp
  AS $$
BEGIN
  INSERT INTO case_worker_change (tenant_id, case_id, previous_worker_id, new_worker_id, changed_at)
  VALUES (NEW.tenant_id, NEW.id, OLD.case_worker_id, NEW.case_worker_id, now());
  RETURN NULL;
END
$$;
CREATE TRIGGER case_worker_change_record AFTER UPDATE OF case_worker_id ON case_file
  FOR EACH ROW WHEN (OLD.case_worker_id IS DISTINCT FROM NEW.case_worker_id)
  EXECUTE FUNCTION case_worker_change_record();

-- 3. The quality mirror: per team and quarter one self-assessment (two coordinators may edit it: `version`), with a
--    score of 1–5 and notes per effective element. The notes are about the team's practice, never about residents.
CREATE TABLE quality_assessment (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenant (id),
  team_id uuid NOT NULL REFERENCES team (id),
  period text NOT NULL CHECK (period ~ '^[0-9]{4}-Q[1-4]$'),
  recorded_by uuid NOT NULL REFERENCES app_user (id),
  recorded_at timestamptz NOT NULL DEFAULT now(),
  updated_by uuid NOT NULL REFERENCES app_user (id),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  UNIQUE (team_id, period)
);
CREATE INDEX quality_assessment_tenant_idx ON quality_assessment (tenant_id, team_id, period);

CREATE TABLE quality_assessment_element (
  tenant_id uuid NOT NULL REFERENCES tenant (id),
  assessment_id uuid NOT NULL REFERENCES quality_assessment (id) ON DELETE CASCADE,
  element text NOT NULL CHECK (element IN ('basic_attitude', 'continuity', 'integral_plan', 'long_term_support', 'normalising',
    'tailored', 'support_nearby', 'open_communication', 'quick_practical_help', 'quick_expertise', 'accessible_support',
    'own_direction', 'fixed_contact_person', 'question_clarification', 'working_with_methods')),
  score smallint CHECK (score BETWEEN 1 AND 5),
  notes text CHECK (length(notes) <= 2000),
  PRIMARY KEY (assessment_id, element),
  CHECK (score IS NOT NULL OR notes IS NOT NULL)
);

-- 4. Indexes for the period filters of the dashboards (the tenant first: row-level security adds it to every query).
--    Covering where a dashboard reads many rows of a period, so the rows themselves need not be read.
CREATE INDEX referral_received_idx ON referral (tenant_id, received_at) INCLUDE (team_id, channel, referrer_kind, status, household_id);
CREATE INDEX core_decision_decided_idx ON core_decision (tenant_id, decided_at) INCLUDE (referral_id, outcome, discussed_with_resident);
CREATE INDEX case_file_open_team_idx ON case_file (tenant_id, team_id, phase) WHERE phase <> 'closed';
CREATE INDEX case_closure_closed_idx ON case_closure (tenant_id, closed_on);
CREATE INDEX contact_entry_period_idx ON contact_entry (tenant_id, contact_on) INCLUDE (case_id, kind);
CREATE INDEX case_episode_started_idx ON case_episode (tenant_id, started_on);
CREATE INDEX case_watch_started_idx ON case_watch (tenant_id, started_on);
CREATE INDEX behavioural_consultation_requested_idx ON behavioural_consultation (tenant_id, requested_at);
CREATE INDEX referral_household_idx ON referral (household_id) WHERE household_id IS NOT NULL;

-- 5. Pre-aggregated facts per case, so a dashboard over a whole municipality reads one small row per case instead of
--    its contacts, plan versions, actions and measurements. Correct as data change: statement-level triggers on the
--    source tables put the cases they touch in a queue (mi_dirty_case); every dashboard request first recomputes the
--    queued cases of its municipality from the source (apps/api/src/capabilities/management-information/mi.facts.ts),
--    then reads the facts. The facts belong to the case: they go with it when it is destroyed (ON DELETE CASCADE,
--    followed by the retention walk) and appear in an inspection copy.
CREATE TABLE mi_dirty_case (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenant (id),
  case_id uuid NOT NULL REFERENCES case_file (id) ON DELETE CASCADE
);
CREATE INDEX mi_dirty_case_tenant_idx ON mi_dirty_case (tenant_id, id);
CREATE INDEX mi_dirty_case_case_idx ON mi_dirty_case (case_id);

CREATE TABLE mi_case_fact (
  case_id uuid PRIMARY KEY REFERENCES case_file (id) ON DELETE CASCADE,
  tenant_id uuid NOT NULL REFERENCES tenant (id),
  team_id uuid NOT NULL REFERENCES team (id),
  household_id uuid,
  phase text NOT NULL,
  received_at timestamptz,
  decided_at timestamptz,
  opened_at timestamptz NOT NULL,
  closed_at timestamptz,
  first_contact_on date,
  first_agreed_on date,
  -- The last closure (to closed or to watch), and what was measured up to it.
  last_closed_on date,
  worker_changes integer NOT NULL DEFAULT 0,
  zrm_start boolean NOT NULL DEFAULT false,
  zrm_pair boolean NOT NULL DEFAULT false,
  participation_persons integer NOT NULL DEFAULT 0,
  participation_up integer NOT NULL DEFAULT 0,
  participation_same integer NOT NULL DEFAULT 0,
  participation_down integer NOT NULL DEFAULT 0,
  participation_change integer NOT NULL DEFAULT 0,
  -- The date the next evaluation counts from: the latest agreement of the plan or the latest evaluation.
  evaluation_reference_on date,
  refreshed_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX mi_case_fact_opened_idx ON mi_case_fact (tenant_id, opened_at);
CREATE INDEX mi_case_fact_contact_idx ON mi_case_fact (tenant_id, first_contact_on);
CREATE INDEX mi_case_fact_agreed_idx ON mi_case_fact (tenant_id, first_agreed_on);
CREATE INDEX mi_case_fact_closed_idx ON mi_case_fact (tenant_id, last_closed_on);
CREATE INDEX mi_case_fact_household_idx ON mi_case_fact (household_id) WHERE household_id IS NOT NULL;

-- Per agreed version of a plan: how many life domains its goals cover, whether it starts from the household's own
-- plan, who carries out its actions, and which kind of service from the catalogue they use.
CREATE TABLE mi_plan_fact (
  plan_version_id uuid PRIMARY KEY REFERENCES plan_version (id) ON DELETE CASCADE,
  case_id uuid NOT NULL REFERENCES case_file (id) ON DELETE CASCADE,
  tenant_id uuid NOT NULL REFERENCES tenant (id),
  number integer NOT NULL,
  agreed_on date NOT NULL,
  domains integer NOT NULL,
  own_plan boolean NOT NULL,
  actions_household integer NOT NULL,
  actions_family integer NOT NULL,
  actions_network integer NOT NULL,
  actions_professional integer NOT NULL,
  actions_unknown integer NOT NULL,
  service_general integer NOT NULL,
  service_group integer NOT NULL,
  service_tailored integer NOT NULL,
  service_none integer NOT NULL
);
CREATE INDEX mi_plan_fact_case_idx ON mi_plan_fact (case_id, agreed_on DESC, number DESC);

-- Per case and ZRM domain: the persons measured at the start and at the last closure, and how their score changed.
CREATE TABLE mi_case_zrm (
  case_id uuid NOT NULL REFERENCES case_file (id) ON DELETE CASCADE,
  tenant_id uuid NOT NULL REFERENCES tenant (id),
  team_id uuid NOT NULL REFERENCES team (id),
  closed_on date NOT NULL,
  domain text NOT NULL,
  pairs integer NOT NULL,
  change_sum integer NOT NULL,
  improved integer NOT NULL,
  same integer NOT NULL,
  worse integer NOT NULL,
  PRIMARY KEY (case_id, domain)
);
CREATE INDEX mi_case_zrm_closed_idx ON mi_case_zrm (tenant_id, closed_on);

-- Per evaluation: the date it counts from (the previous evaluation, or the latest agreement of the plan before it).
CREATE TABLE mi_evaluation_fact (
  evaluation_id uuid PRIMARY KEY REFERENCES case_evaluation (id) ON DELETE CASCADE,
  case_id uuid NOT NULL REFERENCES case_file (id) ON DELETE CASCADE,
  tenant_id uuid NOT NULL REFERENCES tenant (id),
  held_on date NOT NULL,
  reference_on date
);
CREATE INDEX mi_evaluation_fact_held_idx ON mi_evaluation_fact (tenant_id, held_on);
CREATE INDEX mi_evaluation_fact_case_idx ON mi_evaluation_fact (case_id);

-- The queue trigger: TG_ARGV[0] selects (tenant_id, case_id) from the transition table, written as $rows.
CREATE FUNCTION mi_mark_cases() RETURNS trigger
  LANGUAGE plpgsql
  SET search_path = public, pg_temp
  AS $$
BEGIN
  EXECUTE format(
    'INSERT INTO mi_dirty_case (tenant_id, case_id) SELECT DISTINCT x.tenant_id, x.case_id FROM (%s) x WHERE x.case_id IS NOT NULL AND EXISTS (SELECT 1 FROM case_file c WHERE c.id = x.case_id)',
    replace(TG_ARGV[0], '$rows', CASE WHEN TG_OP = 'DELETE' THEN 'old_rows' ELSE 'new_rows' END));
  RETURN NULL;
END
$$;

DO $$
DECLARE
  spec text[];
  ev text;
BEGIN
  FOREACH spec SLICE 1 IN ARRAY ARRAY[
    ['case_file', 'INSERT,UPDATE', 'SELECT tenant_id, id AS case_id FROM $rows'],
    ['referral', 'UPDATE', 'SELECT c.tenant_id, c.id AS case_id FROM $rows r JOIN case_file c ON c.referral_id = r.id'],
    ['core_decision', 'INSERT,UPDATE', 'SELECT c.tenant_id, c.id AS case_id FROM $rows d JOIN case_file c ON c.referral_id = d.referral_id'],
    ['contact_entry', 'INSERT,UPDATE,DELETE', 'SELECT tenant_id, case_id FROM $rows'],
    ['plan', 'INSERT', 'SELECT tenant_id, case_id FROM $rows'],
    ['plan_version', 'INSERT,UPDATE,DELETE', 'SELECT p.tenant_id, p.case_id FROM $rows v JOIN plan p ON p.id = v.plan_id'],
    ['plan_goal', 'INSERT,UPDATE,DELETE', 'SELECT p.tenant_id, p.case_id FROM $rows g JOIN plan_version v ON v.id = g.plan_version_id JOIN plan p ON p.id = v.plan_id'],
    ['plan_action', 'INSERT,UPDATE,DELETE', 'SELECT p.tenant_id, p.case_id FROM $rows a JOIN plan_goal g ON g.id = a.goal_id JOIN plan_version v ON v.id = g.plan_version_id JOIN plan p ON p.id = v.plan_id'],
    ['service', 'UPDATE', 'SELECT p.tenant_id, p.case_id FROM $rows s JOIN plan_action a ON a.service_id = s.id JOIN plan_goal g ON g.id = a.goal_id JOIN plan_version v ON v.id = g.plan_version_id JOIN plan p ON p.id = v.plan_id'],
    ['case_closure', 'INSERT,UPDATE,DELETE', 'SELECT tenant_id, case_id FROM $rows'],
    ['case_evaluation', 'INSERT,UPDATE,DELETE', 'SELECT tenant_id, case_id FROM $rows'],
    ['zrm_assessment', 'INSERT,UPDATE,DELETE', 'SELECT tenant_id, case_id FROM $rows'],
    ['zrm_score', 'INSERT,UPDATE,DELETE', 'SELECT a.tenant_id, a.case_id FROM $rows s JOIN zrm_assessment a ON a.id = s.assessment_id'],
    ['participation_measure', 'INSERT,UPDATE,DELETE', 'SELECT tenant_id, case_id FROM $rows'],
    ['case_worker_change', 'INSERT,DELETE', 'SELECT tenant_id, case_id FROM $rows']
  ] LOOP
    FOREACH ev IN ARRAY string_to_array(spec[2], ',') LOOP
      EXECUTE format('CREATE TRIGGER %I AFTER %s ON %I REFERENCING %s TABLE AS %s FOR EACH STATEMENT EXECUTE FUNCTION mi_mark_cases(%L)',
        'mi_mark_' || lower(ev), ev, spec[1],
        CASE WHEN ev = 'DELETE' THEN 'OLD' ELSE 'NEW' END,
        CASE WHEN ev = 'DELETE' THEN 'old_rows' ELSE 'new_rows' END,
        spec[3]);
    END LOOP;
  END LOOP;
END
$$;

-- Cases that exist before this migration are computed on the first dashboard request of their municipality.
INSERT INTO mi_dirty_case (tenant_id, case_id) SELECT tenant_id, id FROM case_file;

GRANT SELECT, INSERT, DELETE ON case_worker_change TO nabij_app;
GRANT SELECT, INSERT, UPDATE ON quality_assessment TO nabij_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON quality_assessment_element, mi_dirty_case, mi_case_fact, mi_plan_fact, mi_case_zrm, mi_evaluation_fact TO nabij_app;

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['case_worker_change', 'quality_assessment', 'quality_assessment_element', 'mi_dirty_case', 'mi_case_fact', 'mi_plan_fact',
                           'mi_case_zrm', 'mi_evaluation_fact'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY %I ON %I USING (tenant_id = current_tenant_id()) WITH CHECK (tenant_id = current_tenant_id())', t || '_tenant', t);
  END LOOP;
END
$$;
