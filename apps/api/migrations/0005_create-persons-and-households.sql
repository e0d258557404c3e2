-- Persons (residents and the people around them) and households. Tenant-isolated by row-level security.
CREATE TABLE person (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenant (id),
  first_name text NOT NULL,
  infix text,
  last_name text NOT NULL,
  date_of_birth date,
  bsn char(9) CHECK (bsn ~ '^[0-9]{9}$'),
  postcode text CHECK (postcode ~ '^[1-9][0-9]{3}[A-Z]{2}$'),
  house_number text,
  house_number_addition text,
  street text,
  city text,
  phone text,
  email text,
  preferred_language text,
  interpreter_needed boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid REFERENCES app_user (id),
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by uuid REFERENCES app_user (id),
  version integer NOT NULL DEFAULT 1
);
CREATE UNIQUE INDEX person_bsn_idx ON person (tenant_id, bsn) WHERE bsn IS NOT NULL;
CREATE INDEX person_last_name_idx ON person (tenant_id, lower(last_name) text_pattern_ops);
CREATE INDEX person_first_name_idx ON person (tenant_id, lower(first_name) text_pattern_ops);
CREATE INDEX person_birth_idx ON person (tenant_id, date_of_birth);
CREATE INDEX person_address_idx ON person (tenant_id, postcode, house_number);
CREATE INDEX person_last_name_trgm_idx ON person USING gin (lower(last_name) gin_trgm_ops);

CREATE TABLE household (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenant (id),
  name text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1
);
CREATE INDEX household_tenant_idx ON household (tenant_id);

CREATE TABLE household_member (
  household_id uuid NOT NULL REFERENCES household (id) ON DELETE CASCADE,
  person_id uuid NOT NULL REFERENCES person (id),
  tenant_id uuid NOT NULL REFERENCES tenant (id),
  relation text NOT NULL CHECK (relation IN ('parent', 'child', 'partner', 'other')),
  PRIMARY KEY (household_id, person_id)
);
CREATE INDEX household_member_person_idx ON household_member (person_id);

GRANT SELECT, INSERT, UPDATE ON person, household TO nabij_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON household_member TO nabij_app;

ALTER TABLE person ENABLE ROW LEVEL SECURITY;
ALTER TABLE household ENABLE ROW LEVEL SECURITY;
ALTER TABLE household_member ENABLE ROW LEVEL SECURITY;
CREATE POLICY person_tenant ON person
  USING (tenant_id = current_tenant_id()) WITH CHECK (tenant_id = current_tenant_id());
CREATE POLICY household_tenant ON household
  USING (tenant_id = current_tenant_id()) WITH CHECK (tenant_id = current_tenant_id());
CREATE POLICY household_member_tenant ON household_member
  USING (tenant_id = current_tenant_id()) WITH CHECK (tenant_id = current_tenant_id());
