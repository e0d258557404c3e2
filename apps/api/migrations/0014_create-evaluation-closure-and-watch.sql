-- The end of the household's journey: periodic evaluations of the agreed plan, closure (with the closing
-- question, per-goal results, decisions on open actions and an outcome snapshot), letters on closure with the
-- sharing check, the watch (waakvlam) with its check-ins, reactivation as a new episode of the same case file,
-- and the link between a new referral and a case in watch or closed less than two years ago.

-- Episodes: a reactivated case file starts a new episode; everything recorded carries its episode.
ALTER TABLE case_file ADD COLUMN episode integer NOT NULL DEFAULT 1 CHECK (episode >= 1);

CREATE TABLE case_episode (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenant (id),
  case_id uuid NOT NULL REFERENCES case_file (id),
  number integer NOT NULL CHECK (number >= 2),
  started_on date NOT NULL,
  from_phase text NOT NULL CHECK (from_phase IN ('watch', 'closed')),
  to_phase text NOT NULL CHECK (to_phase IN ('analysis', 'execution')),
  reason text NOT NULL,
  started_by uuid NOT NULL REFERENCES app_user (id),
  started_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (case_id, number)
);

-- Periodic evaluation with the household and involved parties (reminders: team.evaluation_weeks after the
-- latest held_on, or after the plan's agreement).
CREATE TABLE case_evaluation (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenant (id),
  case_id uuid NOT NULL REFERENCES case_file (id),
  episode integer NOT NULL,
  held_on date NOT NULL,
  participants text NOT NULL,
  plan_version_id uuid NOT NULL REFERENCES plan_version (id),
  interim_zrm_id uuid REFERENCES zrm_assessment (id),
  conclusion text NOT NULL CHECK (conclusion IN ('continue', 'adjust_plan', 'closure')),
  summary text,
  recorded_by uuid NOT NULL REFERENCES app_user (id),
  recorded_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX case_evaluation_case_idx ON case_evaluation (case_id, held_on DESC);

CREATE TABLE case_evaluation_goal (
  tenant_id uuid NOT NULL REFERENCES tenant (id),
  evaluation_id uuid NOT NULL REFERENCES case_evaluation (id),
  goal_id uuid NOT NULL REFERENCES plan_goal (id),
  status text NOT NULL CHECK (status IN ('achieved', 'partly', 'not_achieved', 'ongoing')),
  note text,
  PRIMARY KEY (evaluation_id, goal_id)
);

-- Every answer to "Gaat er iets mis als ik eruit stap?", also the "yes" that refused a closure.
CREATE TABLE closing_question_answer (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenant (id),
  case_id uuid NOT NULL REFERENCES case_file (id),
  episode integer NOT NULL,
  something_goes_wrong boolean NOT NULL,
  explanation text,
  answered_by uuid NOT NULL REFERENCES app_user (id),
  answered_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX closing_question_answer_case_idx ON closing_question_answer (case_id, answered_at DESC);

CREATE TABLE case_closure (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenant (id),
  case_id uuid NOT NULL REFERENCES case_file (id),
  episode integer NOT NULL,
  closed_on date NOT NULL,
  outcome text NOT NULL CHECK (outcome IN ('closed', 'watch')),
  reason text NOT NULL CHECK (reason IN ('goals_reached', 'referred_elsewhere', 'household_stopped', 'no_contact_after_outreach', 'moved', 'other')),
  referred_to text,
  reason_other text,
  process_worked text NOT NULL,
  process_learned text NOT NULL,
  aftercare text,
  closing_question_id uuid NOT NULL REFERENCES closing_question_answer (id),
  plan_version_id uuid REFERENCES plan_version (id),
  -- ZRM start vs closing per person and domain, and the participation ladder first vs last, as shown at closure.
  outcome_snapshot jsonb NOT NULL,
  recorded_by uuid NOT NULL REFERENCES app_user (id),
  recorded_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (case_id, episode),
  CHECK (reason <> 'referred_elsewhere' OR referred_to IS NOT NULL),
  CHECK (reason <> 'other' OR reason_other IS NOT NULL)
);

CREATE TABLE case_closure_goal (
  tenant_id uuid NOT NULL REFERENCES tenant (id),
  closure_id uuid NOT NULL REFERENCES case_closure (id),
  goal_id uuid NOT NULL REFERENCES plan_goal (id),
  status text NOT NULL CHECK (status IN ('achieved', 'partly', 'not_achieved')),
  result text NOT NULL,
  side_effects text,
  PRIMARY KEY (closure_id, goal_id)
);

-- The decision on each plan action still open or in progress at closure.
CREATE TABLE case_closure_action (
  tenant_id uuid NOT NULL REFERENCES tenant (id),
  closure_id uuid NOT NULL REFERENCES case_closure (id),
  action_id uuid NOT NULL REFERENCES plan_action (id),
  decision text NOT NULL CHECK (decision IN ('done', 'stopped', 'handed_over')),
  handed_over_to text,
  PRIMARY KEY (closure_id, action_id),
  CHECK (decision <> 'handed_over' OR handed_over_to IS NOT NULL)
);

-- Letters on closure to the referrer and the household (PDF kept, e-mailed once per idempotency key). A letter to
-- anyone outside the household records on what basis information was shared: an active consent, or a legal basis
-- with the reason.
CREATE TABLE case_letter (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenant (id),
  case_id uuid NOT NULL REFERENCES case_file (id),
  closure_id uuid REFERENCES case_closure (id),
  kind text NOT NULL CHECK (kind IN ('case_closure_referrer', 'case_closure_household')),
  recipient_name text,
  recipient_email text,
  subject text NOT NULL,
  body text NOT NULL,
  pdf bytea NOT NULL,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'no_address', 'failed')),
  sent_at timestamptz,
  sharing_basis text NOT NULL CHECK (sharing_basis IN ('own_household', 'consent', 'legal_basis')),
  consent_id uuid REFERENCES information_consent (id),
  legal_basis text,
  sharing_reason text,
  idempotency_key text NOT NULL,
  created_by uuid NOT NULL REFERENCES app_user (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, idempotency_key),
  CHECK (sharing_basis <> 'consent' OR consent_id IS NOT NULL),
  CHECK (sharing_basis <> 'legal_basis' OR (legal_basis IS NOT NULL AND sharing_reason IS NOT NULL))
);
CREATE INDEX case_letter_case_idx ON case_letter (case_id, created_at);

-- A referral letter sent once the referral has a case file records the same sharing basis.
ALTER TABLE letter ADD COLUMN sharing_basis text CHECK (sharing_basis IN ('consent', 'legal_basis'));
ALTER TABLE letter ADD COLUMN consent_id uuid REFERENCES information_consent (id);
ALTER TABLE letter ADD COLUMN legal_basis text;
ALTER TABLE letter ADD COLUMN sharing_reason text;

ALTER TABLE letter_template DROP CONSTRAINT letter_template_kind_check;
ALTER TABLE letter_template ADD CONSTRAINT letter_template_kind_check CHECK (kind IN (
  'decision_take_up', 'decision_advice', 'decision_refer_elsewhere', 'decision_not_for_us', 'closure',
  'case_closure_referrer', 'case_closure_household'
));

-- The watch (waakvlam): low-frequency check-ins for at most two years. The scheduler reads next_check_in_on.
CREATE TABLE case_watch (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenant (id),
  case_id uuid NOT NULL REFERENCES case_file (id),
  episode integer NOT NULL,
  closure_id uuid NOT NULL REFERENCES case_closure (id),
  started_on date NOT NULL,
  check_in_interval_weeks integer NOT NULL CHECK (check_in_interval_weeks BETWEEN 1 AND 104),
  next_check_in_on date NOT NULL,
  ends_on date NOT NULL,
  ended_on date,
  end_kind text CHECK (end_kind IN ('ended', 'reactivated')),
  end_note text,
  ended_by uuid REFERENCES app_user (id),
  version integer NOT NULL DEFAULT 1,
  CHECK (ends_on > started_on AND ends_on <= started_on + interval '2 years'),
  CHECK ((ended_on IS NULL) = (end_kind IS NULL))
);
CREATE UNIQUE INDEX case_watch_active_idx ON case_watch (case_id) WHERE ended_on IS NULL;
CREATE INDEX case_watch_next_idx ON case_watch (tenant_id, next_check_in_on) WHERE ended_on IS NULL;

CREATE TABLE watch_check_in (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenant (id),
  watch_id uuid NOT NULL REFERENCES case_watch (id),
  case_id uuid NOT NULL REFERENCES case_file (id),
  checked_on date NOT NULL,
  way text NOT NULL CHECK (way IN ('phone', 'home_visit', 'office', 'video', 'message', 'other')),
  all_well boolean NOT NULL,
  note text,
  recorded_by uuid NOT NULL REFERENCES app_user (id),
  recorded_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX watch_check_in_watch_idx ON watch_check_in (watch_id, checked_on DESC);

-- A new referral for a household or person whose case is in watch or was closed less than two years ago.
CREATE TABLE case_referral_link (
  tenant_id uuid NOT NULL REFERENCES tenant (id),
  case_id uuid NOT NULL REFERENCES case_file (id),
  referral_id uuid NOT NULL REFERENCES referral (id),
  case_phase text NOT NULL CHECK (case_phase IN ('watch', 'closed')),
  linked_by uuid REFERENCES app_user (id),
  linked_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (case_id, referral_id)
);
CREATE INDEX case_referral_link_referral_idx ON case_referral_link (referral_id);

GRANT SELECT, INSERT ON case_episode, case_evaluation, case_evaluation_goal, closing_question_answer, case_closure,
  case_closure_goal, case_closure_action, watch_check_in, case_referral_link TO nabij_app;
GRANT SELECT, INSERT, UPDATE ON case_letter, case_watch TO nabij_app;

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['case_episode', 'case_evaluation', 'case_evaluation_goal', 'closing_question_answer', 'case_closure',
    'case_closure_goal', 'case_closure_action', 'case_letter', 'case_watch', 'watch_check_in', 'case_referral_link'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY %I ON %I USING (tenant_id = current_tenant_id()) WITH CHECK (tenant_id = current_tenant_id())', t || '_tenant', t);
  END LOOP;
END
$$;
