import { describe, expect, it } from 'vitest';
import {
  checkZrmScores,
  isConsentActive,
  isOutreachOverdue,
  questionDomainsFor,
  suggestsMeldcode,
} from './analysis.domain';

describe('ZRM scoring rules', () => {
  const question = questionDomainsFor('zrm2017', ['finances', 'housing']);
  it('accepts domains of the help question without a reason', () => {
    expect(checkZrmScores('zrm2017', [{ domain: 'finances' }, { domain: 'housing' }], question)).toEqual({});
  });
  it('asks a reason for a domain outside the help question (no scoring of justice for a stairlift)', () => {
    expect(checkZrmScores('zrm2017', [{ domain: 'justice' }], question)).toEqual({
      'scores.0.outOfScopeReason': [expect.stringContaining('buiten de hulpvraag')],
    });
    expect(
      checkZrmScores(
        'zrm2017',
        [{ domain: 'justice', outOfScopeReason: 'Reclasseringstoezicht speelt mee.' }],
        question,
      ),
    ).toEqual({});
  });
  it('refuses domains of another instrument and double domains', () => {
    expect(
      Object.keys(
        checkZrmScores('zrm2017', [{ domain: 'addiction' }, { domain: 'finances' }, { domain: 'finances' }], question),
      ),
    ).toEqual(['scores.0.domain', 'scores.2.domain']);
  });
  it('maps the question to the ZRM 2013 names', () => {
    expect([...questionDomainsFor('zrm2013', ['substance_use', 'basic_adl'])]).toEqual(['addiction', 'adl']);
  });
});

describe('signals for the Meldcode, outreach and consent', () => {
  it('suggests the Meldcode for household relations scored 1 or 2, or a high child-safety risk', () => {
    expect(suggestsMeldcode(2, null)).toBe(true);
    expect(suggestsMeldcode(3, 'medium')).toBe(false);
    expect(suggestsMeldcode(null, 'high')).toBe(true);
  });
  it('flags outreach without contact after the configured weeks', () => {
    const attempts = [{ attemptedOn: '2026-01-01', contactMade: false }];
    expect(isOutreachOverdue(attempts, 8, '2026-02-25')).toBe(false);
    expect(isOutreachOverdue(attempts, 8, '2026-02-26')).toBe(true);
    expect(isOutreachOverdue([...attempts, { attemptedOn: '2026-01-10', contactMade: true }], 8, '2026-03-30')).toBe(
      false,
    );
  });
  it('treats a consent as active until it expires or is withdrawn', () => {
    expect(isConsentActive({ givenOn: '2026-01-01', expiresOn: '2026-12-31', withdrawnOn: null }, '2026-06-01')).toBe(
      true,
    );
    expect(isConsentActive({ givenOn: '2026-01-01', expiresOn: '2026-03-31', withdrawnOn: null }, '2026-06-01')).toBe(
      false,
    );
    expect(isConsentActive({ givenOn: '2026-01-01', expiresOn: null, withdrawnOn: '2026-02-01' }, '2026-06-01')).toBe(
      false,
    );
  });
});
