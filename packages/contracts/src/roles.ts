/** The roles of the practice (domain.md §1). Stored as these codes; labels come from i18n. */
export const ROLES = [
  'volunteer_host',
  'intake_desk',
  'case_worker',
  'behavioural_scientist',
  'team_coordinator',
  'municipal_consultant',
  'privacy_officer',
  'functional_admin',
] as const;

export type Role = (typeof ROLES)[number];

/** What a role may do in general. Relation to a case narrows this further in capability policies. */
export const PERMISSIONS = [
  'person:read',
  'person:write',
  'user:admin',
  'access_log:read',
  'host_question:write',
  'referral:read',
  'referral:write',
  'meeting:read',
  'meeting:manage',
  'case:assign',
  'case:read_own',
  'case:read',
  'zrm:configure',
] as const;

export type Permission = (typeof PERMISSIONS)[number];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  volunteer_host: ['host_question:write'],
  intake_desk: ['person:read', 'person:write', 'host_question:write', 'referral:read', 'referral:write', 'meeting:read', 'meeting:manage'],
  case_worker: ['person:read', 'person:write', 'meeting:read', 'case:read_own', 'case:read'],
  behavioural_scientist: ['person:read', 'meeting:read', 'case:read'],
  team_coordinator: ['person:read', 'person:write', 'referral:read', 'referral:write', 'meeting:read', 'meeting:manage', 'case:assign', 'case:read_own', 'case:read'],
  municipal_consultant: ['person:read', 'meeting:read'],
  privacy_officer: ['access_log:read'],
  functional_admin: ['user:admin', 'zrm:configure'],
};

/**
 * Roles for which two-factor authentication is required in production unless configured otherwise:
 * every role that can see personal data or the access log, or manage accounts.
 */
export const ROLES_REQUIRING_MFA_IN_PRODUCTION: readonly Role[] = ROLES.filter((r) => r !== 'volunteer_host');

export function permissionsOf(roles: readonly Role[]): Set<Permission> {
  return new Set(roles.flatMap((r) => ROLE_PERMISSIONS[r]));
}
