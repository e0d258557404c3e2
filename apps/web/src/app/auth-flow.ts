/**
 * Pure rules of the login flow: which page belongs to which step, and where to go afterwards. No I/O.
 */
import type { AuthStep } from '@nabij/contracts';

export const LOGIN_PATH = '/inloggen';

export const STEP_PATHS: Record<Exclude<AuthStep, 'done'>, string> = {
  totp: '/inloggen/code',
  enrol_totp: '/inloggen/tweestapsverificatie-instellen',
  change_password: '/inloggen/wachtwoord-wijzigen',
};

export type LoginNotice = 'session_expired' | 'logged_out';

/** What travels in the router's location state between the login pages. */
export interface LoginLocationState {
  notice?: LoginNotice;
  /** Where the user was going before the login was needed. */
  from?: string;
}

/** Accepts only paths inside this app, so a crafted link cannot send the user elsewhere after login. */
export function safeReturnPath(from: unknown): string {
  if (typeof from !== 'string') return '/';
  if (!from.startsWith('/') || from.startsWith('//') || from.startsWith('/\\')) return '/';
  if (from.startsWith(LOGIN_PATH)) return '/';
  return from;
}

/** The page for the next step of a login; `done` goes back to where the user was going. */
export function pathForStep(next: AuthStep, from?: unknown): string {
  return next === 'done' ? safeReturnPath(from) : STEP_PATHS[next];
}

/** Reads our state from `location.state`, which may hold anything. */
export function readLoginState(state: unknown): LoginLocationState {
  if (typeof state !== 'object' || state === null) return {};
  const record = state as Record<string, unknown>;
  const out: LoginLocationState = {};
  if (record.notice === 'session_expired' || record.notice === 'logged_out') out.notice = record.notice;
  if (typeof record.from === 'string') out.from = record.from;
  return out;
}
