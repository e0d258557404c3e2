import { describe, expect, it } from 'vitest';
import { basisLine, deadlineText, regimeList } from './avg-rights-format';

describe('AVG register texts', () => {
  const r = { dueOn: '2026-02-28', overdue: false, daysLeft: 5, extendedUntil: null, status: 'received' as const };
  it('shows the deadline with the days left, overdue or extended', () => {
    expect(deadlineText(r, false)).toBe('uiterlijk 28 februari 2026 · nog 5 dagen');
    expect(deadlineText({ ...r, overdue: true, daysLeft: -2 }, false)).toBe('uiterlijk 28 februari 2026 · Te laat');
    expect(deadlineText({ ...r, extendedUntil: '2026-02-28' }, true)).toBe('uiterlijk 28 februari 2026 · verlengd');
  });
  it('names the AVG article and the laws, and consent separately', () => {
    expect(basisLine(['wmo_2015', 'jeugdwet'])).toBe(
      'AVG artikel 6 lid 1 onder e: taak van algemeen belang, uitgewerkt in Wmo 2015 en Jeugdwet',
    );
    expect(basisLine(['consent'])).toContain('toestemming (de inwoner kan die intrekken)');
    expect(regimeList(['wmo', 'other'])).toBe('Wmo 2015 en Overig');
  });
});
