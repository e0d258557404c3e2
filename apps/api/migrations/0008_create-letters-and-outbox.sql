-- Letters to referrers (feedback on the decision, closure), their templates per municipality, and the
-- development outbox that shows what would have gone out by e-mail when no SMTP server is configured.
CREATE TABLE letter_template (
  tenant_id uuid NOT NULL REFERENCES tenant (id),
  kind text NOT NULL CHECK (kind IN ('decision_take_up', 'decision_advice', 'decision_refer_elsewhere', 'decision_not_for_us', 'closure')),
  subject text NOT NULL,
  body text NOT NULL,
  version integer NOT NULL DEFAULT 1,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, kind)
);

CREATE TABLE letter (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenant (id),
  referral_id uuid NOT NULL REFERENCES referral (id),
  kind text NOT NULL,
  recipient text,
  subject text NOT NULL,
  body text NOT NULL,
  pdf bytea NOT NULL,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'no_address', 'failed')),
  sent_at timestamptz,
  idempotency_key text NOT NULL,
  created_by uuid NOT NULL REFERENCES app_user (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, idempotency_key)
);
CREATE INDEX letter_referral_idx ON letter (referral_id, created_at);

CREATE TABLE outbox_message (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid REFERENCES tenant (id),
  recipient text NOT NULL,
  subject text NOT NULL,
  text_body text NOT NULL,
  attachment_names text[] NOT NULL DEFAULT '{}',
  sent_at timestamptz NOT NULL DEFAULT now()
);

GRANT SELECT, INSERT, UPDATE ON letter_template, letter TO nabij_app;
GRANT SELECT, INSERT ON outbox_message TO nabij_app;

ALTER TABLE letter_template ENABLE ROW LEVEL SECURITY;
ALTER TABLE letter ENABLE ROW LEVEL SECURITY;
ALTER TABLE outbox_message ENABLE ROW LEVEL SECURITY;
CREATE POLICY letter_template_tenant ON letter_template USING (tenant_id = current_tenant_id()) WITH CHECK (tenant_id = current_tenant_id());
CREATE POLICY letter_tenant ON letter USING (tenant_id = current_tenant_id()) WITH CHECK (tenant_id = current_tenant_id());
CREATE POLICY outbox_message_tenant ON outbox_message USING (tenant_id = current_tenant_id()) WITH CHECK (tenant_id = current_tenant_id());
