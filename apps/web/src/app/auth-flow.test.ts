import { describe, expect, it } from 'vitest';
import { pathForStep, readLoginState, safeReturnPath } from './auth-flow';

describe('pathForStep', () => {
  it('sends each half-way login to its own page', () => {
    expect(pathForStep('totp')).toBe('/inloggen/code');
    expect(pathForStep('enrol_totp')).toBe('/inloggen/tweestapsverificatie-instellen');
    expect(pathForStep('change_password')).toBe('/inloggen/wachtwoord-wijzigen');
  });

  it('returns a finished login to where the user was going', () => {
    expect(pathForStep('done', '/personen?naam=ja')).toBe('/personen?naam=ja');
    expect(pathForStep('done')).toBe('/');
  });
});

describe('safeReturnPath', () => {
  it('refuses paths that lead outside the app or back into the login', () => {
    expect(safeReturnPath('https://evil.example')).toBe('/');
    expect(safeReturnPath('//evil.example')).toBe('/');
    expect(safeReturnPath('/\\evil.example')).toBe('/');
    expect(safeReturnPath('/inloggen/code')).toBe('/');
    expect(safeReturnPath(42)).toBe('/');
  });
});

describe('readLoginState', () => {
  it('reads only the members it knows', () => {
    expect(readLoginState({ notice: 'session_expired', from: '/x', other: 1 })).toEqual({
      notice: 'session_expired',
      from: '/x',
    });
    expect(readLoginState({ notice: 'hacked' })).toEqual({});
    expect(readLoginState(null)).toEqual({});
  });
});
