-- The interdisciplinary intake meeting (aanmeldoverleg), its agenda, the triage and the core decision.
CREATE TABLE intake_meeting (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenant (id),
  team_id uuid NOT NULL REFERENCES team (id),
  date date NOT NULL,
  chair_user_id uuid NOT NULL REFERENCES app_user (id),
  created_by uuid NOT NULL REFERENCES app_user (id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX intake_meeting_team_idx ON intake_meeting (tenant_id, team_id, date);

CREATE TABLE meeting_participant (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  meeting_id uuid NOT NULL REFERENCES intake_meeting (id) ON DELETE CASCADE,
  tenant_id uuid NOT NULL REFERENCES tenant (id),
  user_id uuid REFERENCES app_user (id),
  name text,
  role text,
  CHECK (user_id IS NOT NULL OR name IS NOT NULL)
);
CREATE INDEX meeting_participant_meeting_idx ON meeting_participant (meeting_id);
CREATE INDEX meeting_participant_user_idx ON meeting_participant (user_id);

CREATE TABLE meeting_item (
  meeting_id uuid NOT NULL REFERENCES intake_meeting (id) ON DELETE CASCADE,
  referral_id uuid NOT NULL REFERENCES referral (id),
  tenant_id uuid NOT NULL REFERENCES tenant (id),
  position integer NOT NULL,
  PRIMARY KEY (meeting_id, referral_id),
  UNIQUE (referral_id)
);

CREATE TABLE triage (
  referral_id uuid PRIMARY KEY REFERENCES referral (id),
  tenant_id uuid NOT NULL REFERENCES tenant (id),
  meeting_id uuid NOT NULL REFERENCES intake_meeting (id),
  situation text NOT NULL,
  life_domains text[] NOT NULL,
  multiple_problems boolean NOT NULL,
  known_to_others text,
  urgency text NOT NULL CHECK (urgency IN ('low', 'medium', 'high', 'crisis')),
  safety text NOT NULL,
  expertise_needed text,
  recorded_by uuid NOT NULL REFERENCES app_user (id),
  recorded_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE core_decision (
  referral_id uuid PRIMARY KEY REFERENCES referral (id),
  tenant_id uuid NOT NULL REFERENCES tenant (id),
  meeting_id uuid NOT NULL REFERENCES intake_meeting (id),
  outcome text NOT NULL CHECK (outcome IN ('take_up', 'advice', 'refer_elsewhere', 'not_for_us')),
  interventions text,
  goal text,
  intended_result text,
  carried_out_by text,
  reasoning text NOT NULL,
  discussed_with_resident boolean NOT NULL,
  decided_by uuid NOT NULL REFERENCES app_user (id),
  decided_at timestamptz NOT NULL DEFAULT now()
);

GRANT SELECT, INSERT, UPDATE, DELETE ON intake_meeting, meeting_participant, meeting_item TO nabij_app;
GRANT SELECT, INSERT ON triage, core_decision TO nabij_app;

ALTER TABLE intake_meeting ENABLE ROW LEVEL SECURITY;
ALTER TABLE meeting_participant ENABLE ROW LEVEL SECURITY;
ALTER TABLE meeting_item ENABLE ROW LEVEL SECURITY;
ALTER TABLE triage ENABLE ROW LEVEL SECURITY;
ALTER TABLE core_decision ENABLE ROW LEVEL SECURITY;
CREATE POLICY intake_meeting_tenant ON intake_meeting USING (tenant_id = current_tenant_id()) WITH CHECK (tenant_id = current_tenant_id());
CREATE POLICY meeting_participant_tenant ON meeting_participant USING (tenant_id = current_tenant_id()) WITH CHECK (tenant_id = current_tenant_id());
CREATE POLICY meeting_item_tenant ON meeting_item USING (tenant_id = current_tenant_id()) WITH CHECK (tenant_id = current_tenant_id());
CREATE POLICY triage_tenant ON triage USING (tenant_id = current_tenant_id()) WITH CHECK (tenant_id = current_tenant_id());
CREATE POLICY core_decision_tenant ON core_decision USING (tenant_id = current_tenant_id()) WITH CHECK (tenant_id = current_tenant_id());
