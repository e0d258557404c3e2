-- The role every request transaction runs as (SET LOCAL ROLE). It owns nothing, so it is bound by
-- row-level security and cannot change or delete access-log rows. Roles are cluster-wide, so creation
-- tolerates a concurrent creation by another database on the same server.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'nabij_app') THEN
    CREATE ROLE nabij_app NOLOGIN;
  END IF;
EXCEPTION WHEN duplicate_object OR unique_violation THEN
  NULL;
END
$$;

-- The connecting user must be able to switch to nabij_app.
DO $$
BEGIN
  EXECUTE format('GRANT nabij_app TO %I', current_user);
EXCEPTION WHEN duplicate_object OR unique_violation OR invalid_grant_operation THEN
  NULL;
END
$$;

GRANT USAGE ON SCHEMA public TO nabij_app;

CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- The tenant of the current transaction, set with set_config('app.tenant_id', ..., true).
CREATE FUNCTION current_tenant_id() RETURNS uuid
  LANGUAGE sql STABLE
  AS $$ SELECT nullif(current_setting('app.tenant_id', true), '')::uuid $$;
