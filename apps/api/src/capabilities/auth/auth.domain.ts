import type { Role } from '@nabij/contracts';

export type Stage = 'totp' | 'enrol_totp' | 'change_password' | 'done';

export interface LoginFacts {
  totpEnabled: boolean;
  mustChangePassword: boolean;
  roles: readonly Role[];
}

/** Which step a password login leads to. The second factor comes before a forced password change. */
export function stageAfterPassword(facts: LoginFacts, mfaRequiredRoles: readonly Role[]): Stage {
  if (facts.totpEnabled) return 'totp';
  if (facts.roles.some((r) => mfaRequiredRoles.includes(r))) return 'enrol_totp';
  return facts.mustChangePassword ? 'change_password' : 'done';
}

/** The step after the second factor was given or set up. */
export function stageAfterSecondFactor(facts: Pick<LoginFacts, 'mustChangePassword'>): Stage {
  return facts.mustChangePassword ? 'change_password' : 'done';
}

export interface SessionTimes {
  now: Date;
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
  idleMinutes: number;
}

/** A session ends at its absolute expiry or after the idle timeout without requests. */
export function isSessionExpired(t: SessionTimes): boolean {
  return t.now >= t.expiresAt || t.now.getTime() - t.lastSeenAt.getTime() > t.idleMinutes * 60_000;
}

export interface SessionTimeLeft {
  /** Seconds until the session ends unless a request restarts the idle timer (0 when it has ended). */
  expiresInSeconds: number;
  /** True when the absolute expiry, not the idle timeout, ends it: then no request can extend it. */
  endsAtAbsoluteLimit: boolean;
}

/** How long a session has left: the earlier of the idle deadline (last seen + idle minutes) and the absolute expiry. */
export function sessionTimeLeft(t: Omit<SessionTimes, 'createdAt'>): SessionTimeLeft {
  const idleEnd = t.lastSeenAt.getTime() + t.idleMinutes * 60_000;
  const absoluteEnd = t.expiresAt.getTime();
  const end = Math.min(idleEnd, absoluteEnd);
  return {
    expiresInSeconds: Math.max(0, Math.floor((end - t.now.getTime()) / 1000)),
    endsAtAbsoluteLimit: absoluteEnd <= idleEnd,
  };
}

export interface AttemptCounts {
  usernameFailures: number;
  ipFailures: number;
}

/** Temporary lockout: too many recent failures for the typed username (existing or not), or from one address. */
export function isLockedOut(counts: AttemptCounts, maxFailures: number): boolean {
  return counts.usernameFailures >= maxFailures || counts.ipFailures >= maxFailures * 4;
}
