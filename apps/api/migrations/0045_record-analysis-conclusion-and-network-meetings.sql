-- Issue #22 items 6 and 7 (ADR 0055).
--
-- The analysis ends with a conclusion (seed 000): the question behind the question, a working hypothesis and what
-- keeps the problem going. Each text is optional and short. Every save is a new row with the next version number, so
-- the rows are the history (who, when) and the highest version is the current conclusion; a stale save is refused
-- by the version check and, in a race, by the unique key (409 version_conflict).
CREATE TABLE analysis_conclusion (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenant (id),
  case_id uuid NOT NULL REFERENCES case_file (id),
  version integer NOT NULL CHECK (version >= 1),
  question_behind text CHECK (length(question_behind) <= 1000),
  working_hypothesis text CHECK (length(working_hypothesis) <= 2000),
  sustaining_factors text CHECK (length(sustaining_factors) <= 2000),
  recorded_by uuid NOT NULL REFERENCES app_user (id),
  recorded_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (case_id, version)
);

-- A network meeting (netwerkberaad) or family group conference (Eigen Kracht-conferentie) on the case:
-- proposed -> planned (date) -> held (date) -> plan received, or cancelled with a reason. Corrections go through the
-- version (409 on a stale write) and the access log.
CREATE TABLE network_meeting (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenant (id),
  case_id uuid NOT NULL REFERENCES case_file (id),
  kind text NOT NULL CHECK (kind IN ('network_meeting', 'family_group_conference', 'other')),
  status text NOT NULL CHECK (status IN ('proposed', 'planned', 'held', 'plan_received', 'cancelled')),
  planned_on date,
  held_on date,
  plan_received_on date,
  cancel_reason text CHECK (length(cancel_reason) <= 1000),
  note text CHECK (length(note) <= 2000),
  change_reason text CHECK (length(change_reason) <= 1000),
  version integer NOT NULL DEFAULT 1,
  created_by uuid NOT NULL REFERENCES app_user (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_by uuid NOT NULL REFERENCES app_user (id),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT network_meeting_planned_check CHECK (status IN ('proposed', 'cancelled') OR planned_on IS NOT NULL OR held_on IS NOT NULL),
  CONSTRAINT network_meeting_held_check CHECK (status NOT IN ('held', 'plan_received') OR held_on IS NOT NULL),
  CONSTRAINT network_meeting_plan_check CHECK (status <> 'plan_received' OR plan_received_on IS NOT NULL),
  CONSTRAINT network_meeting_cancel_check CHECK ((status = 'cancelled') = (cancel_reason IS NOT NULL))
);
CREATE INDEX network_meeting_case_idx ON network_meeting (case_id);

-- Who is invited: people from the network and professionals already recorded on the case, referred to, never
-- typed again. Removing such a person from the case removes the invitation.
CREATE TABLE network_meeting_invitee (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenant (id),
  meeting_id uuid NOT NULL REFERENCES network_meeting (id) ON DELETE CASCADE,
  network_person_id uuid REFERENCES network_person (id) ON DELETE CASCADE,
  professional_id uuid REFERENCES involved_professional (id) ON DELETE CASCADE,
  CONSTRAINT network_meeting_invitee_one_check CHECK ((network_person_id IS NULL) <> (professional_id IS NULL))
);
CREATE INDEX network_meeting_invitee_meeting_idx ON network_meeting_invitee (meeting_id);
CREATE INDEX network_meeting_invitee_person_idx ON network_meeting_invitee (network_person_id);
CREATE INDEX network_meeting_invitee_professional_idx ON network_meeting_invitee (professional_id);

GRANT SELECT, INSERT, DELETE ON analysis_conclusion TO nabij_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON network_meeting, network_meeting_invitee TO nabij_app;

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['analysis_conclusion', 'network_meeting', 'network_meeting_invitee'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY %I ON %I USING (tenant_id = current_tenant_id()) WITH CHECK (tenant_id = current_tenant_id())', t || '_tenant', t);
  END LOOP;
END
$$;
