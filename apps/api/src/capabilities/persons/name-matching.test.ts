import { describe, expect, it } from 'vitest';
import { judge, nameKey, parseNameQuery, swapDayAndMonth } from './name-matching';

describe('reading a typed name', () => {
  it('makes infixes optional next to a surname, reads initials, and splits hyphens', () => {
    expect(parseNameQuery('van den Berg')).toMatchObject({
      required: ['berg'],
      optional: ['van', 'den'],
      initials: [],
    });
    expect(parseNameQuery('Berg, van den')).toMatchObject({ required: ['berg'], optional: ['van', 'den'] });
    expect(parseNameQuery('A.J. Meijer')).toMatchObject({ required: ['meijer'], initials: ['a', 'j'] });
    expect(parseNameQuery('a meijer')).toMatchObject({ required: ['meijer'], initials: ['a'] });
    expect(parseNameQuery('El-Amrani')).toMatchObject({
      required: ['el', 'amrani'],
      separators: [' ', '-'],
      joined: 'elamrani',
    });
    expect(parseNameQuery('van der')).toMatchObject({ required: ['van', 'der'], optional: [] });
    expect(parseNameQuery('  ')).toBeNull();
  });

  it('keys names without diacritics and with ij as y', () => {
    expect(['Çelik', 'Đặng', 'Meijer', "'t Hart", 'Łódź'].map(nameKey)).toEqual([
      'celik',
      'dang',
      'meyer',
      't hart',
      'lodz',
    ]);
  });

  it('swaps day and month only when that is another date', () => {
    expect(swapDayAndMonth('1985-03-04')).toBe('1985-04-03');
    expect(swapDayAndMonth('1985-03-03')).toBeNull();
    expect(swapDayAndMonth('1985-03-24')).toBeNull();
  });

  it('gives no last-name reason to a person found only by BSN with another name', () => {
    const j = judge(
      { name: parseNameQuery('Jansen'), bsn: '111222333' },
      {
        first_name: 'Piet',
        infix: null,
        last_name: 'Bakker',
        date_of_birth: null,
        bsn: '111222333',
        postcode: null,
        house_number: null,
      },
    );
    expect(j.reasons).toEqual(['bsn_equal']);
    expect(j.lastNameMatched).toBe(false);
  });
});
