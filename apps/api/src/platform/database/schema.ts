/**
 * Row types of the tables, as Kysely sees them. Kept in step with apps/api/migrations by hand;
 * the migration is the source of truth, and the integration tests exercise every column used.
 */
import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type DateString = ColumnType<string, string, string>;

export interface TenantTable {
  id: Generated<string>;
  slug: string;
  name: string;
  created_at: Generated<Date>;
}
export interface TeamTable {
  id: Generated<string>;
  tenant_id: string;
  name: string;
  area: string | null;
  created_at: Generated<Date>;
}
export interface AppUserTable {
  id: Generated<string>;
  tenant_id: string;
  username: string;
  display_name: string;
  email: string | null;
  password_hash: string | null;
  must_change_password: Generated<boolean>;
  active: Generated<boolean>;
  totp_secret: string | null;
  totp_enabled_at: Date | null;
  totp_last_step: number | null;
  oidc_subject: string | null;
  last_login_at: Date | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  version: Generated<number>;
}
export interface UserRoleTable {
  user_id: string;
  role: string;
}
export interface UserTeamTable {
  user_id: string;
  team_id: string;
}
export interface RecoveryCodeTable {
  user_id: string;
  code_hash: string;
  used_at: Date | null;
}
export interface SessionTable {
  token_hash: string;
  user_id: string;
  tenant_id: string;
  stage: 'totp' | 'enrol_totp' | 'change_password' | 'done';
  auth_method: 'password' | 'oidc';
  csrf_token: string;
  pending_totp_secret: string | null;
  created_at: Generated<Date>;
  last_seen_at: Generated<Date>;
  expires_at: Timestamp;
  ip: string | null;
  user_agent: string | null;
}
export interface LoginAttemptTable {
  id: Generated<number>;
  username_key: string;
  ip: string;
  at: Generated<Date>;
  succeeded: boolean;
}
export interface OidcLoginTable {
  state: string;
  code_verifier: string;
  nonce: string;
  created_at: Generated<Date>;
}
export interface AccessLogTable {
  id: Generated<number>;
  at: Generated<Date>;
  tenant_id: string;
  user_id: string | null;
  user_role: string | null;
  team_id: string | null;
  on_behalf_of: string | null;
  action: string;
  event: string;
  person_id: string | null;
  case_id: string | null;
  data_category: string;
  legal_basis: string | null;
  outcome: 'allowed' | 'denied';
  ip: string | null;
  user_agent: string | null;
  emergency: Generated<boolean>;
  detail: unknown;
}
export interface PersonTable {
  id: Generated<string>;
  tenant_id: string;
  first_name: string;
  infix: string | null;
  last_name: string;
  date_of_birth: DateString | null;
  bsn: string | null;
  postcode: string | null;
  house_number: string | null;
  house_number_addition: string | null;
  street: string | null;
  city: string | null;
  phone: string | null;
  email: string | null;
  preferred_language: string | null;
  interpreter_needed: Generated<boolean>;
  created_at: Generated<Date>;
  created_by: string | null;
  updated_at: Generated<Date>;
  updated_by: string | null;
  version: Generated<number>;
}
export interface HouseholdTable {
  id: Generated<string>;
  tenant_id: string;
  name: string;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  version: Generated<number>;
}
export interface HouseholdMemberTable {
  household_id: string;
  person_id: string;
  tenant_id: string;
  relation: string;
}

export interface DB {
  tenant: TenantTable;
  team: TeamTable;
  app_user: AppUserTable;
  user_role: UserRoleTable;
  user_team: UserTeamTable;
  recovery_code: RecoveryCodeTable;
  session: SessionTable;
  login_attempt: LoginAttemptTable;
  oidc_login: OidcLoginTable;
  access_log: AccessLogTable;
  person: PersonTable;
  household: HouseholdTable;
  household_member: HouseholdMemberTable;
}
