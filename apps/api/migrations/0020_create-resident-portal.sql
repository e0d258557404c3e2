-- The resident portal "Mijn Nabij" (ADR 0022): accounts of residents and their representatives, one-time login
-- codes by e-mail (demo and tests) or a DigiD broker (production), separate resident sessions, messages to the
-- worker, the household's own plan sent through the portal, and the marks the portal leaves on existing records
-- (a plan version offered for digital agreement and agreed by a resident, a consent withdrawn by the resident,
-- a statement or an AVG request that came in through the portal). The team's contact details for the household.

-- 1. How the household reaches its team.
ALTER TABLE team
  ADD COLUMN contact_phone text,
  ADD COLUMN contact_email text;

-- 2. A resident's account: one per person. The e-mail address is where login codes go; DigiD accounts need none.
--    identity_check records how the worker (or DigiD) established that the account belongs to this person.
CREATE TABLE resident_account (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenant (id),
  person_id uuid NOT NULL UNIQUE REFERENCES person (id),
  email text CHECK (email = lower(email) AND email LIKE '%_@_%'),
  identity_check text NOT NULL CHECK (identity_check IN ('in_person', 'digid')),
  email_verified_at timestamptz,
  active boolean NOT NULL DEFAULT true,
  created_by uuid REFERENCES app_user (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  last_login_at timestamptz,
  version integer NOT NULL DEFAULT 1,
  CHECK (identity_check = 'digid' OR created_by IS NOT NULL)
);
-- One account per address across all municipalities, so a login code is never ambiguous.
CREATE UNIQUE INDEX resident_account_email_idx ON resident_account (email) WHERE email IS NOT NULL;
CREATE INDEX resident_account_tenant_idx ON resident_account (tenant_id);

-- 3. Who may act for whom: always with the recorded relation (parent or legal guardian of a child under 16,
--    mentor or curator of an adult). Ended representations stay for the record.
CREATE TABLE resident_representation (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenant (id),
  representative_account_id uuid NOT NULL REFERENCES resident_account (id),
  person_id uuid NOT NULL REFERENCES person (id),
  relation text NOT NULL CHECK (relation IN ('parent', 'legal_guardian', 'mentor', 'curator')),
  -- How the relation was established, e.g. "uittreksel gezagsregister gezien", "beschikking rechtbank".
  evidence text NOT NULL CHECK (length(evidence) BETWEEN 3 AND 300),
  recorded_by uuid NOT NULL REFERENCES app_user (id),
  recorded_at timestamptz NOT NULL DEFAULT now(),
  ended_at timestamptz,
  ended_by uuid REFERENCES app_user (id),
  CHECK ((ended_at IS NULL) = (ended_by IS NULL))
);
CREATE UNIQUE INDEX resident_representation_active_idx ON resident_representation (representative_account_id, person_id) WHERE ended_at IS NULL;
CREATE INDEX resident_representation_person_idx ON resident_representation (person_id);

-- 4. One-time login codes (6 digits, only a salted hash is stored, 10 minutes, a few attempts). A row is written
--    for every request, also for an address that has no account (with a code that is never sent), so the answers
--    and the rate limits are the same whether or not an address is known. No foreign keys on purpose: these rows
--    hold no personal data (only hashes and an address), and neither the inspection copy nor destruction should
--    walk into them. Read and written only by the login itself (as the owner), like the staff sessions.
CREATE TABLE resident_login_code (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  email_hash text NOT NULL,
  account_id uuid,
  code_hash text NOT NULL,
  attempts integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  used_at timestamptz,
  ip text
);
CREATE INDEX resident_login_code_email_idx ON resident_login_code (email_hash, created_at DESC);
CREATE INDEX resident_login_code_ip_idx ON resident_login_code (ip, created_at);

-- Failed code entries per address, for the rate limit across addresses.
CREATE TABLE resident_login_attempt (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  ip text NOT NULL,
  at timestamptz NOT NULL,
  succeeded boolean NOT NULL
);
CREATE INDEX resident_login_attempt_ip_idx ON resident_login_attempt (ip, at);

-- The state of a login at the DigiD broker (OpenID Connect), shared by all app instances.
CREATE TABLE resident_oidc_login (
  state text PRIMARY KEY,
  code_verifier text NOT NULL,
  nonce text NOT NULL,
  created_at timestamptz NOT NULL
);

-- 5. Resident sessions: separate from staff sessions (own table, own cookie, short idle timeout). Only the hash of
--    the cookie's token is stored. No foreign key to the account (see 4); a session of an account that is gone or
--    switched off resolves to nothing, because the lookup joins the active account.
CREATE TABLE resident_session (
  token_hash text PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenant (id),
  account_id uuid NOT NULL,
  auth_method text NOT NULL CHECK (auth_method IN ('email_code', 'digid')),
  -- The assurance level the identity provider reported (DigiD: Substantieel or higher), null for e-mail codes.
  assurance text,
  csrf_token text NOT NULL,
  created_at timestamptz NOT NULL,
  last_seen_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  ip text,
  user_agent text
);
CREATE INDEX resident_session_account_idx ON resident_session (account_id);
CREATE INDEX resident_session_expires_idx ON resident_session (expires_at);

-- 6. Messages from the household to the worker, about one person (the one the sender acted for).
CREATE TABLE resident_message (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenant (id),
  case_id uuid NOT NULL REFERENCES case_file (id),
  person_id uuid NOT NULL REFERENCES person (id),
  account_id uuid NOT NULL REFERENCES resident_account (id),
  body text NOT NULL CHECK (length(body) BETWEEN 1 AND 2000),
  sent_at timestamptz NOT NULL DEFAULT now(),
  read_at timestamptz,
  read_by uuid REFERENCES app_user (id),
  version integer NOT NULL DEFAULT 1,
  CHECK ((read_at IS NULL) = (read_by IS NULL))
);
CREATE INDEX resident_message_case_idx ON resident_message (case_id, sent_at DESC);

-- 7. The household's own plan (familiegroepsplan / persoonlijk plan), written or uploaded in the portal. The worker
--    reads it on the case and takes it into the plan (as the resident plan of a version) when the household wants.
CREATE TABLE resident_own_plan (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenant (id),
  case_id uuid NOT NULL REFERENCES case_file (id),
  person_id uuid NOT NULL REFERENCES person (id),
  account_id uuid NOT NULL REFERENCES resident_account (id),
  kind text NOT NULL CHECK (kind IN ('family_group_plan', 'personal_plan')),
  text text CHECK (length(text) <= 10000),
  filename text,
  media_type text CHECK (media_type IN ('application/pdf', 'image/png', 'image/jpeg')),
  size_bytes integer,
  content bytea,
  submitted_at timestamptz NOT NULL DEFAULT now(),
  read_at timestamptz,
  read_by uuid REFERENCES app_user (id),
  CHECK (text IS NOT NULL OR content IS NOT NULL),
  CHECK ((content IS NULL) = (filename IS NULL) AND (content IS NULL) = (media_type IS NULL) AND (content IS NULL) = (size_bytes IS NULL)),
  CHECK ((read_at IS NULL) = (read_by IS NULL))
);
CREATE INDEX resident_own_plan_case_idx ON resident_own_plan (case_id, submitted_at DESC);

-- 8. Marks on existing records. The references to a resident account are cleared (not followed) when the account
--    is destroyed, so erasing a resident never takes the household's plan, consents or the AVG register with it.
-- A draft plan version the worker offered for digital agreement, and the resident account that agreed to it.
ALTER TABLE plan_version
  ADD COLUMN offered_to_resident_at timestamptz,
  ADD COLUMN offered_to_resident_by uuid REFERENCES app_user (id),
  ADD COLUMN agreed_by_account_id uuid REFERENCES resident_account (id) ON DELETE SET NULL,
  ADD CONSTRAINT plan_version_offer_check CHECK ((offered_to_resident_at IS NULL) = (offered_to_resident_by IS NULL));
-- The plan document rendered when a resident agrees has no staff author.
ALTER TABLE plan_file ALTER COLUMN created_by DROP NOT NULL;
-- A consent the resident withdrew in the portal.
ALTER TABLE information_consent ADD COLUMN withdrawn_by_account_id uuid REFERENCES resident_account (id) ON DELETE SET NULL;
-- A statement and an AVG request that came in through the portal have the resident, not a staff member, as author.
ALTER TABLE resident_statement
  ALTER COLUMN recorded_by DROP NOT NULL,
  ADD COLUMN via_portal boolean NOT NULL DEFAULT false,
  ADD COLUMN submitted_by_account_id uuid REFERENCES resident_account (id) ON DELETE SET NULL,
  ADD CONSTRAINT resident_statement_author_check CHECK (recorded_by IS NOT NULL OR via_portal);
ALTER TABLE avg_request
  ALTER COLUMN created_by DROP NOT NULL,
  ADD COLUMN submitted_by_account_id uuid REFERENCES resident_account (id) ON DELETE SET NULL,
  ADD CONSTRAINT avg_request_author_check CHECK (created_by IS NOT NULL OR channel = 'portal');

-- 9. Grants and tenancy. The login tables (codes, attempts, DigiD state, sessions) are not granted to the request
--    role at all.
GRANT SELECT, INSERT, UPDATE ON resident_account, resident_representation, resident_message, resident_own_plan TO nabij_app;

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['resident_account', 'resident_representation', 'resident_message', 'resident_own_plan'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY %I ON %I USING (tenant_id = current_tenant_id()) WITH CHECK (tenant_id = current_tenant_id())', t || '_tenant', t);
  END LOOP;
END
$$;

-- Destruction (ADR 0017) deletes, as the request role, every row that belongs to a case file, referral, household
-- or person: extend its DELETE grants to the tables above (the same walk as in 0017).
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
