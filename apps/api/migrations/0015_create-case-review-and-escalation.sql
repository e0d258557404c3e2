-- Team meetings and coordination during execution: the fortnightly case review meeting (casuïstiekoverleg)
-- with its agenda items and outcomes, consultations with the behavioural scientist, agreed actions of involved
-- parties, warm handovers and tandem constructions, changes of the tandem worker, scaling up or down (with the
-- schakeloverleg on the safety of minors), and signals to policy (which hold no personal data).

CREATE TABLE case_review_meeting (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenant (id),
  team_id uuid NOT NULL REFERENCES team (id),
  meets_on date NOT NULL,
  created_by uuid NOT NULL REFERENCES app_user (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (team_id, meets_on)
);
CREATE INDEX case_review_meeting_team_idx ON case_review_meeting (tenant_id, team_id, meets_on);

-- A case on the agenda with the worker's question; the outcome (advice or decision, follow-up agreements and
-- who carries them out) is recorded during or after the meeting. Two people may edit the outcome: `version`.
CREATE TABLE case_review_item (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenant (id),
  meeting_id uuid NOT NULL REFERENCES case_review_meeting (id),
  case_id uuid NOT NULL REFERENCES case_file (id),
  question_kind text NOT NULL CHECK (question_kind IN ('scale_up', 'scale_down', 'method', 'stagnation', 'peer_review', 'closure', 'other')),
  question text NOT NULL,
  requested_by uuid NOT NULL REFERENCES app_user (id),
  requested_at timestamptz NOT NULL DEFAULT now(),
  advice text,
  agreements text,
  agreements_by text,
  outcome_recorded_by uuid REFERENCES app_user (id),
  outcome_recorded_at timestamptz,
  version integer NOT NULL DEFAULT 1,
  UNIQUE (meeting_id, case_id),
  CHECK ((advice IS NULL) = (outcome_recorded_at IS NULL)),
  CHECK ((advice IS NULL) = (outcome_recorded_by IS NULL))
);
CREATE INDEX case_review_item_case_idx ON case_review_item (case_id);

-- A consultation of the behavioural scientist on a case. The consulted scientist may view the case.
CREATE TABLE behavioural_consultation (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenant (id),
  case_id uuid NOT NULL REFERENCES case_file (id),
  scientist_id uuid NOT NULL REFERENCES app_user (id),
  question text NOT NULL,
  requested_by uuid NOT NULL REFERENCES app_user (id),
  requested_at timestamptz NOT NULL DEFAULT now(),
  advice text,
  advised_on date,
  advice_recorded_at timestamptz,
  version integer NOT NULL DEFAULT 1,
  CHECK ((advice IS NULL) = (advised_on IS NULL)),
  CHECK ((advice IS NULL) = (advice_recorded_at IS NULL))
);
CREATE INDEX behavioural_consultation_case_idx ON behavioural_consultation (case_id, scientist_id);
CREATE INDEX behavioural_consultation_scientist_idx ON behavioural_consultation (tenant_id, scientist_id, requested_at DESC);

-- Casusregie: what involved parties agreed to do, monitored by the case's coordinator (the worker).
CREATE TABLE agreed_action (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenant (id),
  case_id uuid NOT NULL REFERENCES case_file (id),
  party text NOT NULL,
  action text NOT NULL,
  due_on date,
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'in_progress', 'done', 'not_done')),
  last_checked_on date,
  note text,
  created_by uuid NOT NULL REFERENCES app_user (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_by uuid NOT NULL REFERENCES app_user (id),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1
);
CREATE INDEX agreed_action_case_idx ON agreed_action (case_id, created_at);

-- Warm handover to another organisation, or a tandem construction (the team stays case manager while the
-- organisation provides care; it ends with `ended_on`).
CREATE TABLE care_transfer (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenant (id),
  case_id uuid NOT NULL REFERENCES case_file (id),
  kind text NOT NULL CHECK (kind IN ('warm_handover', 'tandem_construction')),
  organisation text NOT NULL,
  what text NOT NULL,
  on_date date NOT NULL,
  warm_meeting_held boolean,
  contact text,
  ended_on date,
  recorded_by uuid NOT NULL REFERENCES app_user (id),
  recorded_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  CHECK (kind <> 'warm_handover' OR warm_meeting_held IS NOT NULL),
  CHECK (kind = 'tandem_construction' OR ended_on IS NULL),
  CHECK (ended_on IS NULL OR ended_on >= on_date)
);
CREATE INDEX care_transfer_case_idx ON care_transfer (case_id, on_date);

-- Who changed the tandem worker (case_file.tandem_worker_id) and when: the history behind the timeline.
CREATE TABLE tandem_change (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenant (id),
  case_id uuid NOT NULL REFERENCES case_file (id),
  previous_worker_id uuid REFERENCES app_user (id),
  new_worker_id uuid REFERENCES app_user (id),
  changed_by uuid NOT NULL REFERENCES app_user (id),
  changed_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX tandem_change_case_idx ON tandem_change (case_id, changed_at);

-- Op- en afschalen, with reason and to whom; a schakeloverleg with the Child Protection Board (Raad voor de
-- Kinderbescherming) on the safety of minors decides whether help continues in a voluntary or compulsory framework.
CREATE TABLE scaling_decision (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenant (id),
  case_id uuid NOT NULL REFERENCES case_file (id),
  direction text NOT NULL CHECK (direction IN ('up', 'down')),
  reason text NOT NULL,
  to_organisation text NOT NULL,
  decided_on date NOT NULL,
  schakeloverleg boolean NOT NULL DEFAULT false,
  framework text CHECK (framework IN ('voluntary', 'compulsory')),
  schakeloverleg_on date,
  participants text,
  recorded_by uuid NOT NULL REFERENCES app_user (id),
  recorded_at timestamptz NOT NULL DEFAULT now(),
  CHECK (schakeloverleg = (framework IS NOT NULL)),
  CHECK (schakeloverleg = (schakeloverleg_on IS NOT NULL)),
  CHECK (NOT schakeloverleg OR direction = 'up')
);
CREATE INDEX scaling_decision_case_idx ON scaling_decision (case_id, decided_on);

-- A signal to policy: a gap in services or law, or stagnating cooperation, found in casework. The text holds no
-- personal data; the case it came from is optional and shown only to those who may see that case.
CREATE TABLE policy_signal (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenant (id),
  team_id uuid NOT NULL REFERENCES team (id),
  kind text NOT NULL CHECK (kind IN ('service_gap', 'law_gap', 'cooperation', 'other')),
  life_domain text NOT NULL,
  description text NOT NULL,
  case_id uuid REFERENCES case_file (id),
  recorded_by uuid NOT NULL REFERENCES app_user (id),
  recorded_at timestamptz NOT NULL DEFAULT now(),
  forwarded_at timestamptz,
  forwarded_by uuid REFERENCES app_user (id),
  version integer NOT NULL DEFAULT 1,
  CHECK ((forwarded_at IS NULL) = (forwarded_by IS NULL))
);
CREATE INDEX policy_signal_team_idx ON policy_signal (tenant_id, team_id, recorded_at DESC);
CREATE INDEX policy_signal_case_idx ON policy_signal (case_id) WHERE case_id IS NOT NULL;

GRANT SELECT, INSERT ON case_review_meeting, tandem_change, scaling_decision TO nabij_app;
GRANT SELECT, INSERT, UPDATE ON behavioural_consultation, agreed_action, care_transfer, policy_signal TO nabij_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON case_review_item TO nabij_app;

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['case_review_meeting', 'case_review_item', 'behavioural_consultation', 'agreed_action', 'care_transfer', 'tandem_change', 'scaling_decision', 'policy_signal'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY %I ON %I USING (tenant_id = current_tenant_id()) WITH CHECK (tenant_id = current_tenant_id())', t || '_tenant', t);
  END LOOP;
END
$$;
