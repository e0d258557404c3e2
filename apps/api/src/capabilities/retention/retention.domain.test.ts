import { describe, expect, it } from 'vitest';
import { processingBasisProblems } from '@nabij/contracts';
import { DEFAULT_TERMS, destructionDate, isDue, regimesOf } from './retention.domain';

describe('retention dates', () => {
  const terms = DEFAULT_TERMS;
  it('Wmo: 15 years after closure; nothing while the case is open', () => {
    expect(destructionDate({ regimes: ['wmo'], closedOn: '2010-02-28', lastChangeOn: '2010-02-28' }, terms)).toBe(
      '2025-02-28',
    );
    expect(destructionDate({ regimes: ['wmo'], closedOn: null, lastChangeOn: '2001-01-01' }, terms)).toBeNull();
  });
  it('Jeugdwet: 20 years from the last change, also on an open case; a leap day falls back to 28 February', () => {
    expect(destructionDate({ regimes: ['jeugdwet'], closedOn: null, lastChangeOn: '2004-02-29' }, terms)).toBe(
      '2024-02-29',
    );
    expect(destructionDate({ regimes: ['jeugdwet'], closedOn: null, lastChangeOn: '2005-03-01' }, terms)).toBe(
      '2025-03-01',
    );
  });
  it('the longest obligation wins when a case has several regimes; the municipality sets the open terms', () => {
    expect(
      destructionDate({ regimes: ['wmo', 'jeugdwet'], closedOn: '2020-01-01', lastChangeOn: '2019-06-01' }, terms),
    ).toBe('2039-06-01');
    expect(
      destructionDate(
        { regimes: ['participatiewet'], closedOn: '2020-01-01', lastChangeOn: '2020-01-01' },
        { ...terms, participatiewetYears: 10 },
      ),
    ).toBe('2030-01-01');
    expect(destructionDate({ regimes: ['other'], closedOn: '2020-01-01', lastChangeOn: '2020-01-01' }, terms)).toBe(
      '2025-01-01',
    );
  });
  it('regimes follow the legal bases; without a basis the "other" term applies', () => {
    expect(regimesOf(['wmo_2015', 'jeugdwet'])).toEqual(['wmo', 'jeugdwet']);
    expect(regimesOf(['consent'])).toEqual(['other']);
    expect(regimesOf([])).toEqual(['other']);
  });
  it('a postponed case is due again the day after the postponement', () => {
    expect(isDue('2025-01-01', null, '2025-01-01')).toBe(true);
    expect(isDue('2025-01-01', '2025-06-01', '2025-06-01')).toBe(false);
    expect(isDue('2025-01-01', '2025-06-01', '2025-06-02')).toBe(true);
    expect(isDue(null, null, '2099-01-01')).toBe(false);
  });
});

describe('legal basis: consent never replaces a missing legal basis', () => {
  it('refuses consent alone for a statutory task, and names the law', () => {
    expect(processingBasisProblems({ legalBases: ['consent'], purposes: ['youth_help'] }, true)[0]?.message).toContain(
      'Toestemming is geen vervanging voor een wettelijke grondslag',
    );
    expect(processingBasisProblems({ legalBases: ['consent'], purposes: ['youth_help'] }, true)[0]?.message).toContain(
      'de Jeugdwet',
    );
  });
  it('needs the law of every statutory purpose, and refuses consent stacked on a law', () => {
    expect(
      processingBasisProblems({ legalBases: ['wmo_2015'], purposes: ['social_support', 'debt_help'] }, true).map(
        (p) => p.message,
      ),
    ).toEqual([
      'Dit doel is een wettelijke taak van de gemeente; kies de Wet gemeentelijke schuldhulpverlening als grondslag.',
    ]);
    expect(
      processingBasisProblems({ legalBases: ['wmo_2015', 'consent'], purposes: ['social_support'] }, true),
    ).toHaveLength(1);
    expect(
      processingBasisProblems({ legalBases: ['wmo_2015', 'wgs'], purposes: ['social_support', 'debt_help'] }, false),
    ).toEqual([]);
  });
  it('accepts consent for voluntary support outside a statutory task only when consent is recorded', () => {
    expect(processingBasisProblems({ legalBases: ['consent'], purposes: ['voluntary_support'] }, true)).toEqual([]);
    expect(processingBasisProblems({ legalBases: ['consent'], purposes: ['voluntary_support'] }, false)).toHaveLength(
      1,
    );
    expect(processingBasisProblems({ legalBases: ['wmo_2015'], purposes: ['voluntary_support'] }, true)).toHaveLength(
      1,
    );
    expect(
      processingBasisProblems(
        { legalBases: ['wmo_2015', 'consent'], purposes: ['social_support', 'voluntary_support'] },
        true,
      ),
    ).toEqual([]);
  });
});
