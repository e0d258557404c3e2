import { describe, expect, it } from 'vitest';
import {
  isLockedOut,
  isSessionExpired,
  sessionTimeLeft,
  stageAfterPassword,
  stageAfterSecondFactor,
} from './auth.domain';

describe('stageAfterPassword', () => {
  const base = { totpEnabled: false, mustChangePassword: false, roles: ['case_worker'] as const };
  it.each([
    ['asks for the code when two-factor is on', { ...base, totpEnabled: true }, [], 'totp'],
    ['asks to set up two-factor when the role requires it', base, ['case_worker'], 'enrol_totp'],
    ['does not ask for two-factor when no role requires it', base, ['privacy_officer'], 'done'],
    ['asks for a new password after a reset', { ...base, mustChangePassword: true }, [], 'change_password'],
    [
      'puts the second factor before the password change',
      { ...base, totpEnabled: true, mustChangePassword: true },
      [],
      'totp',
    ],
  ] as const)('%s', (_name, facts, required, expected) => {
    expect(stageAfterPassword(facts, required)).toBe(expected);
  });

  it('asks for a new password after the second factor when one is due', () => {
    expect(stageAfterSecondFactor({ mustChangePassword: true })).toBe('change_password');
    expect(stageAfterSecondFactor({ mustChangePassword: false })).toBe('done');
  });
});

describe('isSessionExpired', () => {
  const createdAt = new Date('2026-01-01T08:00:00Z');
  const expiresAt = new Date('2026-01-01T20:00:00Z');
  it('keeps a session alive while it is used', () => {
    expect(
      isSessionExpired({
        now: new Date('2026-01-01T10:00:00Z'),
        createdAt,
        lastSeenAt: new Date('2026-01-01T09:45:00Z'),
        expiresAt,
        idleMinutes: 30,
      }),
    ).toBe(false);
  });
  it('ends a session after the idle timeout', () => {
    expect(
      isSessionExpired({
        now: new Date('2026-01-01T10:00:00Z'),
        createdAt,
        lastSeenAt: new Date('2026-01-01T09:29:00Z'),
        expiresAt,
        idleMinutes: 30,
      }),
    ).toBe(true);
  });
  it('ends a session at its absolute expiry even when active', () => {
    expect(isSessionExpired({ now: expiresAt, createdAt, lastSeenAt: expiresAt, expiresAt, idleMinutes: 30 })).toBe(
      true,
    );
  });
});

describe('sessionTimeLeft', () => {
  const expiresAt = new Date('2026-01-01T20:00:00Z');
  it('counts down the idle timeout from the last request', () => {
    expect(
      sessionTimeLeft({
        now: new Date('2026-01-01T10:00:00Z'),
        lastSeenAt: new Date('2026-01-01T09:45:00Z'),
        expiresAt,
        idleMinutes: 30,
      }),
    ).toEqual({ expiresInSeconds: 15 * 60, endsAtAbsoluteLimit: false });
  });
  it('never reaches past the absolute expiry', () => {
    expect(
      sessionTimeLeft({
        now: new Date('2026-01-01T19:50:00Z'),
        lastSeenAt: new Date('2026-01-01T19:50:00Z'),
        expiresAt,
        idleMinutes: 30,
      }),
    ).toEqual({ expiresInSeconds: 10 * 60, endsAtAbsoluteLimit: true });
  });
  it('says 0 once the session has ended', () => {
    expect(
      sessionTimeLeft({
        now: new Date('2026-01-01T21:00:00Z'),
        lastSeenAt: new Date('2026-01-01T19:50:00Z'),
        expiresAt,
        idleMinutes: 30,
      }).expiresInSeconds,
    ).toBe(0);
  });
});

describe('isLockedOut', () => {
  it('locks a username after the maximum number of failures', () => {
    expect(isLockedOut({ usernameFailures: 4, ipFailures: 4 }, 5)).toBe(false);
    expect(isLockedOut({ usernameFailures: 5, ipFailures: 5 }, 5)).toBe(true);
  });
  it('locks an address that tries many usernames', () => {
    expect(isLockedOut({ usernameFailures: 1, ipFailures: 20 }, 5)).toBe(true);
  });
});
