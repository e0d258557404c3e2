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
  /** Beleidsadviseur / manager sociaal domein of the municipality: aggregate management information of every team, no case data. */
  'policy_advisor',
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
  /** The case and its plan, read by a municipal consultant linked to the case as process coordinator (procesregisseur); the link decides which. */
  'case:read_linked',
  'zrm:configure',
  'task:read_team',
  'job:monitor',
  'policy_signal:write',
  'policy_signal:read',
  /** The register of AVG requests, inspection copies, erasure and the destruction of cases due (privacy officer). */
  'privacy:manage',
  /** Management information (aggregate, small cells suppressed) of the user's own teams, and their quality mirror. */
  'dashboard:read_team',
  /** Management information (aggregate, small cells suppressed) of every team of the municipality. */
  'dashboard:read_all',
  /** The team's periodic self-assessment on the 15 effective elements (quality mirror). */
  'quality_mirror:write',
] as const;

export type Permission = (typeof PERMISSIONS)[number];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  volunteer_host: ['host_question:write'],
  intake_desk: [
    'person:read',
    'person:write',
    'host_question:write',
    'referral:read',
    'referral:write',
    'meeting:read',
    'meeting:manage',
  ],
  case_worker: ['person:read', 'person:write', 'meeting:read', 'case:read_own', 'case:read', 'policy_signal:write'],
  behavioural_scientist: ['person:read', 'meeting:read', 'case:read', 'policy_signal:write'],
  team_coordinator: [
    'person:read',
    'person:write',
    'referral:read',
    'referral:write',
    'meeting:read',
    'meeting:manage',
    'case:assign',
    'case:read_own',
    'case:read',
    'policy_signal:write',
    'policy_signal:read',
    'task:read_team',
    'dashboard:read_team',
    'quality_mirror:write',
  ],
  municipal_consultant: ['person:read', 'meeting:read', 'case:read_linked', 'policy_signal:read'],
  privacy_officer: ['access_log:read', 'privacy:manage'],
  functional_admin: ['user:admin', 'zrm:configure', 'job:monitor'],
  policy_advisor: ['dashboard:read_all', 'policy_signal:read'],
};

/**
 * Roles for which two-factor authentication is required in production unless configured otherwise:
 * every role that can see personal data or the access log, or manage accounts.
 */
export const ROLES_REQUIRING_MFA_IN_PRODUCTION: readonly Role[] = ROLES.filter((r) => r !== 'volunteer_host');

export function permissionsOf(roles: readonly Role[]): Set<Permission> {
  return new Set(roles.flatMap((r) => ROLE_PERMISSIONS[r]));
}
