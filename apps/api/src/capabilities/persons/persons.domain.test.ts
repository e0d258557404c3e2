import { describe, expect, it } from 'vitest';
import { ageAndMinor, fullName, nameTokens } from './persons.domain';

describe('persons domain', () => {
  it('joins name parts with the infix in between', () => {
    expect(fullName({ firstName: 'Jan', infix: 'de', lastName: 'Vries' })).toBe('Jan de Vries');
    expect(fullName({ firstName: 'Fatima', infix: null, lastName: 'El Amrani' })).toBe('Fatima El Amrani');
  });

  it('derives a minor from the date of birth', () => {
    expect(ageAndMinor('2010-06-15', '2026-06-14')).toEqual({ age: 15, isMinor: true });
    expect(ageAndMinor('2008-06-15', '2026-06-15')).toEqual({ age: 18, isMinor: false });
    expect(ageAndMinor(null, '2026-06-15')).toEqual({ age: null, isMinor: null });
  });

  it('splits a name query into lowercase words', () => {
    expect(nameTokens('  Jan  de Vries ')).toEqual(['jan', 'de', 'vries']);
    expect(nameTokens(undefined)).toEqual([]);
  });
});
