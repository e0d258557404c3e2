-- Intake phase: referrals from every channel, the people named in them, contacts with the referrer,
-- attachments, and the volunteer hosts' tally of simple questions (no personal data).

ALTER TABLE team
  ADD COLUMN accepts_web_referrals boolean NOT NULL DEFAULT true,
  ADD COLUMN accepts_self_referrals boolean NOT NULL DEFAULT true,
  ADD COLUMN intake_email text;
GRANT SELECT ON team TO nabij_app;

CREATE TABLE referral (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenant (id),
  team_id uuid NOT NULL REFERENCES team (id),
  reference text NOT NULL,
  channel text NOT NULL CHECK (channel IN ('web_form', 'phone', 'walk_in', 'email', 'partner_signal', 'volunteer_handover')),
  status text NOT NULL DEFAULT 'new'
    CHECK (status IN ('new', 'waiting_for_information', 'complete', 'on_agenda', 'decided', 'closed')),
  received_at timestamptz NOT NULL DEFAULT now(),
  referrer_kind text NOT NULL CHECK (referrer_kind IN ('professional', 'self', 'partner')),
  referrer_name text,
  referrer_organisation text,
  referrer_role text,
  referrer_phone text,
  referrer_email text,
  life_domains text[] NOT NULL DEFAULT '{}',
  question text NOT NULL,
  tried text,
  urgency text NOT NULL DEFAULT 'normal' CHECK (urgency IN ('normal', 'soon', 'urgent')),
  children_at_risk text NOT NULL DEFAULT 'unknown' CHECK (children_at_risk IN ('no', 'unknown', 'yes')),
  safety_notes text,
  resident_awareness text NOT NULL DEFAULT 'unknown'
    CHECK (resident_awareness IN ('agrees', 'knows_not_agreed', 'not_informed', 'unknown')),
  resident_awareness_note text,
  household_id uuid REFERENCES household (id),
  known_coordination_elsewhere text,
  regiecheck_done_at timestamptz,
  regiecheck_done_by uuid REFERENCES app_user (id),
  idempotency_key text,
  created_by uuid REFERENCES app_user (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  UNIQUE (tenant_id, reference),
  UNIQUE (tenant_id, idempotency_key)
);
CREATE INDEX referral_inbox_idx ON referral (tenant_id, team_id, status, received_at);

-- Reference numbers per municipality and year: AM-2026-00042.
CREATE TABLE referral_counter (
  tenant_id uuid NOT NULL REFERENCES tenant (id),
  year integer NOT NULL,
  last_number integer NOT NULL,
  PRIMARY KEY (tenant_id, year)
);

CREATE TABLE referral_person (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  referral_id uuid NOT NULL REFERENCES referral (id) ON DELETE CASCADE,
  tenant_id uuid NOT NULL REFERENCES tenant (id),
  position integer NOT NULL,
  role text NOT NULL CHECK (role IN ('resident', 'household_member')),
  first_name text,
  infix text,
  last_name text,
  date_of_birth date,
  age integer CHECK (age BETWEEN 0 AND 120),
  bsn char(9) CHECK (bsn ~ '^[0-9]{9}$'),
  postcode text CHECK (postcode ~ '^[1-9][0-9]{3}[A-Z]{2}$'),
  house_number text,
  street text,
  city text,
  phone text,
  person_id uuid REFERENCES person (id)
);
CREATE INDEX referral_person_referral_idx ON referral_person (referral_id, position);
CREATE INDEX referral_person_person_idx ON referral_person (person_id);

CREATE TABLE referral_contact (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  referral_id uuid NOT NULL REFERENCES referral (id) ON DELETE CASCADE,
  tenant_id uuid NOT NULL REFERENCES tenant (id),
  at timestamptz NOT NULL DEFAULT now(),
  by_user_id uuid NOT NULL REFERENCES app_user (id),
  channel text NOT NULL CHECK (channel IN ('phone', 'email', 'in_person', 'other')),
  note text NOT NULL
);
CREATE INDEX referral_contact_referral_idx ON referral_contact (referral_id, at);

CREATE TABLE referral_attachment (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  referral_id uuid NOT NULL REFERENCES referral (id) ON DELETE CASCADE,
  tenant_id uuid NOT NULL REFERENCES tenant (id),
  filename text NOT NULL,
  media_type text NOT NULL CHECK (media_type IN ('application/pdf', 'image/png', 'image/jpeg')),
  size_bytes integer NOT NULL CHECK (size_bytes > 0 AND size_bytes <= 10485760),
  content bytea NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX referral_attachment_referral_idx ON referral_attachment (referral_id);

-- Simple questions answered at the desk by volunteer hosts: counted, never about a named person.
CREATE TABLE host_question (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenant (id),
  team_id uuid NOT NULL REFERENCES team (id),
  at timestamptz NOT NULL DEFAULT now(),
  category text NOT NULL,
  outcome text NOT NULL CHECK (outcome IN ('answered', 'handed_over')),
  referral_id uuid REFERENCES referral (id),
  created_by uuid NOT NULL REFERENCES app_user (id)
);
CREATE INDEX host_question_team_idx ON host_question (tenant_id, team_id, at);

GRANT SELECT, INSERT, UPDATE ON referral, referral_person, referral_contact, referral_attachment, host_question TO nabij_app;
GRANT SELECT, INSERT, UPDATE ON referral_counter TO nabij_app;
GRANT DELETE ON referral_person TO nabij_app;

ALTER TABLE referral ENABLE ROW LEVEL SECURITY;
ALTER TABLE referral_counter ENABLE ROW LEVEL SECURITY;
ALTER TABLE referral_person ENABLE ROW LEVEL SECURITY;
ALTER TABLE referral_contact ENABLE ROW LEVEL SECURITY;
ALTER TABLE referral_attachment ENABLE ROW LEVEL SECURITY;
ALTER TABLE host_question ENABLE ROW LEVEL SECURITY;
CREATE POLICY referral_tenant ON referral USING (tenant_id = current_tenant_id()) WITH CHECK (tenant_id = current_tenant_id());
CREATE POLICY referral_counter_tenant ON referral_counter USING (tenant_id = current_tenant_id()) WITH CHECK (tenant_id = current_tenant_id());
CREATE POLICY referral_person_tenant ON referral_person USING (tenant_id = current_tenant_id()) WITH CHECK (tenant_id = current_tenant_id());
CREATE POLICY referral_contact_tenant ON referral_contact USING (tenant_id = current_tenant_id()) WITH CHECK (tenant_id = current_tenant_id());
CREATE POLICY referral_attachment_tenant ON referral_attachment USING (tenant_id = current_tenant_id()) WITH CHECK (tenant_id = current_tenant_id());
CREATE POLICY host_question_tenant ON host_question USING (tenant_id = current_tenant_id()) WITH CHECK (tenant_id = current_tenant_id());
