import { describe, expect, it } from 'vitest';
import {
  accountProblem,
  assuranceAccepted,
  bsnFromClaim,
  CODE_MAX_ATTEMPTS,
  codeState,
  mayActFor,
  mayChangeHouseholdPlan,
  representationProblem,
  residentView,
} from './resident.domain';
import { emailHash, generateCode, hashCode } from './login-codes';

describe('age rules (ADR 0022)', () => {
  it('lets a child act for themselves only from 12', () => {
    expect(mayActFor({ self: true, age: 11 })).toEqual({ ok: false, error: 'too_young' });
    expect(mayActFor({ self: true, age: 12 })).toEqual({ ok: true, value: 'self' });
    expect(mayActFor({ self: true, age: 45 })).toEqual({ ok: true, value: 'self' });
  });

  it('lets a parent or guardian act for a child under 16, not from 16', () => {
    for (const relation of ['parent', 'legal_guardian'] as const) {
      expect(mayActFor({ self: false, relation, age: 3 }).ok).toBe(true);
      expect(mayActFor({ self: false, relation, age: 15 }).ok).toBe(true);
      expect(mayActFor({ self: false, relation, age: 16 })).toEqual({ ok: false, error: 'acts_alone_from_16' });
    }
  });

  it('lets a mentor or curator act only for an adult', () => {
    for (const relation of ['mentor', 'curator'] as const) {
      expect(mayActFor({ self: false, relation, age: 17 })).toEqual({ ok: false, error: 'adults_only' });
      expect(mayActFor({ self: false, relation, age: 18 }).ok).toBe(true);
    }
  });

  it('lets nobody act without a date of birth', () => {
    expect(mayActFor({ self: true, age: null })).toEqual({ ok: false, error: 'age_unknown' });
    expect(mayActFor({ self: false, relation: 'parent', age: null })).toEqual({ ok: false, error: 'age_unknown' });
  });

  it('keeps changes to the household plan for adults and their mentor or curator', () => {
    expect(mayChangeHouseholdPlan({ self: true, relation: null, age: 18 })).toBe(true);
    expect(mayChangeHouseholdPlan({ self: true, relation: null, age: 17 })).toBe(false);
    expect(mayChangeHouseholdPlan({ self: false, relation: 'parent', age: 10 })).toBe(false);
    expect(mayChangeHouseholdPlan({ self: false, relation: 'curator', age: 40 })).toBe(true);
  });

  it('explains in Dutch why a representation or an account cannot be recorded', () => {
    expect(representationProblem({ relation: 'parent', age: 16, samePerson: false })?.message).toMatch(/Vanaf 16 jaar/);
    expect(representationProblem({ relation: 'mentor', age: 9, samePerson: false })).toMatchObject({
      field: 'relation',
    });
    expect(representationProblem({ relation: 'parent', age: 9, samePerson: true })).toMatchObject({
      field: 'representativePersonId',
    });
    expect(representationProblem({ relation: 'parent', age: 9, samePerson: false })).toBeNull();
    expect(accountProblem(11)).toMatch(/onder de 12/);
    expect(accountProblem(null)).toMatch(/geboortedatum/);
    expect(accountProblem(12)).toBeNull();
  });
});

describe('one-time codes', () => {
  it('are six digits, stored as a hash salted with the row', () => {
    for (let i = 0; i < 50; i++) expect(generateCode()).toMatch(/^\d{6}$/);
    expect(hashCode('a', '123456')).not.toBe(hashCode('b', '123456'));
    expect(hashCode('a', '123456')).not.toContain('123456');
    expect(emailHash(' Anja@Voorbeeld.example ')).toBe(emailHash('anja@voorbeeld.example'));
  });

  it('expire, are used once, and block after too many wrong tries', () => {
    const now = new Date('2026-11-23T10:00:00Z');
    const open = { expiresAt: new Date('2026-11-23T10:05:00Z'), usedAt: null, attempts: 0 };
    expect(codeState(open, now)).toBe('open');
    expect(codeState(open, new Date('2026-11-23T10:05:00Z'))).toBe('expired');
    expect(codeState({ ...open, usedAt: now }, now)).toBe('used');
    expect(codeState({ ...open, attempts: CODE_MAX_ATTEMPTS }, now)).toBe('blocked');
  });
});

describe('DigiD', () => {
  it('reads the BSN from the broker claim and checks it', () => {
    expect(bsnFromClaim('111222333')).toBe('111222333');
    expect(bsnFromClaim('s00000000:111222333')).toBe('111222333');
    expect(bsnFromClaim(12345672)).toBe('012345672');
    expect(bsnFromClaim('111222334')).toBeNull();
    expect(bsnFromClaim(undefined)).toBeNull();
  });

  it('accepts only the configured assurance levels', () => {
    const accepted = [
      'urn:oasis:names:tc:SAML:2.0:ac:classes:Smartcard',
      'urn:oasis:names:tc:SAML:2.0:ac:classes:SmartcardPKI',
    ];
    expect(assuranceAccepted('urn:oasis:names:tc:SAML:2.0:ac:classes:Smartcard', accepted)).toBe(true);
    expect(assuranceAccepted('urn:oasis:names:tc:SAML:2.0:ac:classes:MobileTwoFactorContract', accepted)).toBe(false);
    expect(assuranceAccepted(undefined, accepted)).toBe(false);
  });
});

describe('the access log as the resident sees it', () => {
  const row = {
    user_role: 'case_worker',
    event: 'case_file.viewed',
    action: 'read',
    data_category: 'case_file',
    outcome: 'allowed',
  };
  it('shows ordinary rows as they are', () => {
    expect(residentView(row)).toEqual({ event: 'case_file.viewed', action: 'read' });
  });
  it('shows a Meldcode row as a neutral look at the file, never as Meldcode', () => {
    expect(
      residentView({ ...row, event: 'meldcode.signal_added', action: 'create', data_category: 'meldcode' }),
    ).toEqual({ event: 'case_file.viewed', action: 'read' });
    expect(
      residentView({ ...row, event: 'case_file.access_denied', data_category: 'meldcode', outcome: 'denied' }),
    ).toEqual({ event: 'case_file.access_denied', action: 'read' });
  });
  it('leaves out the resident’s own use of the portal', () => {
    expect(residentView({ ...row, user_role: 'resident' })).toBeNull();
  });
});
