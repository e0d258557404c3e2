import type { Permission } from '@nabij/contracts';

/**
 * What a route requires before its handler runs. Every route declares one (see `policyOf`);
 * finer rules that depend on the record (e.g. the relation to a case) live in each capability's *.policy.ts.
 */
export type RoutePolicy =
  | { kind: 'public'; reason: string }
  /** A login that is half-way (password given, second factor or password change still to do). */
  | { kind: 'login_step' }
  /** Any fully logged-in user. */
  | { kind: 'authenticated' }
  /** A fully logged-in user whose roles grant the permission. */
  | {
      kind: 'permission';
      permission: Permission;
      dataCategory: string;
      /** Other permissions that also open the route (any one is enough); the record-level rule decides the rest. */
      orPermissions?: readonly Permission[];
    }
  /**
   * A resident logged in to the resident portal (Mijn Nabij) with a resident session. Staff sessions never count
   * here, and resident sessions never count for the other kinds. What the resident may see is decided per person
   * by the resident capability (age rules, representation).
   */
  | { kind: 'resident'; dataCategory: string };

export const publicRoute = (reason: string): RoutePolicy => ({ kind: 'public', reason });
export const loginStep: RoutePolicy = { kind: 'login_step' };
export const authenticated: RoutePolicy = { kind: 'authenticated' };
export const requirePermission = (permission: Permission, dataCategory: string): RoutePolicy => ({
  kind: 'permission',
  permission,
  dataCategory,
});
/**
 * A route opened by any one of several permissions, e.g. reading a case with `case:read` (its workers, coordinator,
 * behavioural scientist) or with `case:read_linked` (the process coordinator linked to it). The use case applies the
 * relation to the record.
 */
export const requireAnyPermission = (
  permissions: readonly [Permission, ...Permission[]],
  dataCategory: string,
): RoutePolicy => ({
  kind: 'permission',
  permission: permissions[0],
  dataCategory,
  orPermissions: permissions.slice(1),
});

/** True when the actor's permissions satisfy a permission policy. */
export const grantsPolicy = (
  permissions: ReadonlySet<Permission>,
  policy: { permission: Permission; orPermissions?: readonly Permission[] | undefined },
): boolean => permissions.has(policy.permission) || (policy.orPermissions ?? []).some((p) => permissions.has(p));

export const residentRoute = (dataCategory: string): RoutePolicy => ({ kind: 'resident', dataCategory });

/** Routes of the resident portal's API: their sessions are resolved from the resident cookie, never the staff one. */
export const isResidentApi = (url: string): boolean => url.startsWith('/api/resident/');

/** Routes registered by infrastructure plugins (API docs, static web app), which cannot carry route config. */
const INFRASTRUCTURE: Array<[RegExp, RoutePolicy]> = [
  [/^\/api\/docs(\/|$)/, publicRoute('API documentation')],
  [/^\/assets\//, publicRoute('static web app')],
  [/^\/\*$/, publicRoute('static web app')],
  [/^\/$/, publicRoute('static web app')],
];

/** The declared policy of a route, or undefined when it has none (which stops the app from starting). */
export function policyOf(url: string, config: unknown): RoutePolicy | undefined {
  const declared = (config as { policy?: RoutePolicy } | undefined)?.policy;
  if (declared) return declared;
  return INFRASTRUCTURE.find(([pattern]) => pattern.test(url))?.[1];
}
