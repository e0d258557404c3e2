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
  | { kind: 'permission'; permission: Permission; dataCategory: string }
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
