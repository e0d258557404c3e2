-- Server-side sessions. The cookie holds a random token; only its SHA-256 is stored.
CREATE TABLE session (
  token_hash text PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
  tenant_id uuid NOT NULL REFERENCES tenant (id),
  -- which step of the login is still open: totp, enrol_totp, change_password; done = fully logged in
  stage text NOT NULL CHECK (stage IN ('totp', 'enrol_totp', 'change_password', 'done')),
  auth_method text NOT NULL CHECK (auth_method IN ('password', 'oidc')),
  csrf_token text NOT NULL,
  pending_totp_secret text,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  ip text,
  user_agent text
);
CREATE INDEX session_user_idx ON session (user_id);
CREATE INDEX session_expires_idx ON session (expires_at);

-- Login attempts, for rate limiting and temporary lockout. username_key is the lowercased name typed,
-- whether or not such an account exists, so the lockout reveals nothing.
CREATE TABLE login_attempt (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  username_key text NOT NULL,
  ip text NOT NULL,
  at timestamptz NOT NULL DEFAULT now(),
  succeeded boolean NOT NULL
);
CREATE INDEX login_attempt_username_idx ON login_attempt (username_key, at);
CREATE INDEX login_attempt_ip_idx ON login_attempt (ip, at);

-- State of logins through the organisation's identity provider (OpenID Connect), shared by all app instances.
CREATE TABLE oidc_login (
  state text PRIMARY KEY,
  code_verifier text NOT NULL,
  nonce text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
