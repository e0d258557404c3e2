import { describe, expect, it } from 'vitest';
import { ageFrom, formatAddress, formatDate, formatPostcode, maskBsn } from './person-format';

describe('maskBsn', () => {
  it('shows only the last four digits of a BSN', () => {
    expect(maskBsn('111222333')).toBe('•••••2333');
    expect(maskBsn('12345')).toBe('•2345');
  });

  it('masks a very short value completely', () => {
    expect(maskBsn('123')).toBe('•••••••••');
    expect(maskBsn('')).toBe('•••••••••');
  });
});

describe('formatDate', () => {
  it('writes dates the Dutch way', () => {
    expect(formatDate('2010-05-01')).toBe('1 mei 2010');
    expect(formatDate('1999-12-31')).toBe('31 december 1999');
  });

  it('returns empty for no date and the input for nonsense', () => {
    expect(formatDate(null)).toBe('');
    expect(formatDate('morgen')).toBe('morgen');
  });
});

describe('formatAddress', () => {
  it('uses the Dutch order with a spaced postcode', () => {
    expect(
      formatAddress({
        street: 'Dorpsstraat',
        houseNumber: '12',
        houseNumberAddition: 'a',
        postcode: '1234AB',
        city: 'Utrecht',
      }),
    ).toBe('Dorpsstraat 12a, 1234 AB Utrecht');
  });

  it('writes a house letter against the number and any other addition after a hyphen (12A, 12-2)', () => {
    expect(formatAddress({ street: 'Dorpsstraat', houseNumber: '12', houseNumberAddition: 'A', city: 'Utrecht' })).toBe(
      'Dorpsstraat 12A, Utrecht',
    );
    expect(formatAddress({ street: 'Dorpsstraat', houseNumber: '12', houseNumberAddition: '2', city: 'Utrecht' })).toBe(
      'Dorpsstraat 12-2, Utrecht',
    );
  });

  it('copes with partial addresses', () => {
    expect(formatAddress({ postcode: '1234ab', houseNumber: '5' })).toBe('5, 1234 AB');
    expect(formatAddress({})).toBe('');
    expect(formatPostcode('ABC')).toBe('ABC');
  });
});

describe('ageFrom', () => {
  it('counts whole years, the birthday itself included', () => {
    expect(ageFrom('2008-06-15', '2026-06-14')).toBe(17);
    expect(ageFrom('2008-06-15', '2026-06-15')).toBe(18);
  });

  it('has no age without a date of birth', () => {
    expect(ageFrom(null, '2026-01-01')).toBeUndefined();
  });
});
