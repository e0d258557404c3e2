-- Municipality (tenant) -> teams (areas) -> users. A user belongs to one municipality and may be in several of its teams.
CREATE TABLE tenant (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  slug text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9-]{2,50}$'),
  name text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE team (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenant (id),
  name text NOT NULL,
  area text,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, name)
);

CREATE TABLE app_user (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenant (id),
  username text NOT NULL UNIQUE CHECK (username = lower(username)),
  display_name text NOT NULL,
  email text,
  password_hash text,
  must_change_password boolean NOT NULL DEFAULT false,
  active boolean NOT NULL DEFAULT true,
  totp_secret text,
  totp_enabled_at timestamptz,
  totp_last_step bigint,
  oidc_subject text UNIQUE,
  last_login_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1
);
CREATE INDEX app_user_tenant_idx ON app_user (tenant_id);

CREATE TABLE user_role (
  user_id uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
  role text NOT NULL CHECK (role IN ('volunteer_host', 'intake_desk', 'case_worker', 'behavioural_scientist',
    'team_coordinator', 'municipal_consultant', 'privacy_officer', 'functional_admin')),
  PRIMARY KEY (user_id, role)
);

CREATE TABLE user_team (
  user_id uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
  team_id uuid NOT NULL REFERENCES team (id),
  PRIMARY KEY (user_id, team_id)
);
CREATE INDEX user_team_team_idx ON user_team (team_id);

CREATE TABLE recovery_code (
  user_id uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
  code_hash text NOT NULL,
  used_at timestamptz,
  PRIMARY KEY (user_id, code_hash)
);

-- Request transactions may read the organisation (names of users and teams in their own tenant).
GRANT SELECT ON tenant, team, app_user, user_role, user_team TO nabij_app;
