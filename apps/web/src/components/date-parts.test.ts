import { describe, expect, it } from 'vitest';
import { fromDateParts, toDateParts, toIsoDate } from './date-parts';

describe('a date of birth typed as day, month and year (issue #19 item 5)', () => {
  it('keeps the three parts in the form and gives the API an ISO date', () => {
    const value = fromDateParts({ day: '5', month: '3', year: '1980' });
    expect(value).toBe('1980-3-5');
    expect(toDateParts(value)).toEqual({ day: '5', month: '3', year: '1980' });
    expect(toIsoDate(value)).toBe('1980-03-05');
    expect(toIsoDate(fromDateParts({ day: '25', month: '12', year: '1980' }))).toBe('1980-12-25');
  });

  it('is empty when nothing is typed, and leaves an incomplete date for the contract to refuse', () => {
    expect(fromDateParts({ day: '', month: '', year: '' })).toBe('');
    expect(toDateParts('')).toEqual({ day: '', month: '', year: '' });
    expect(toIsoDate(fromDateParts({ day: '5', month: '', year: '1980' }))).toBe('1980--05');
    expect(toIsoDate(fromDateParts({ day: '5', month: '3', year: '80' }))).toBe('80-03-05');
  });

  it('ignores what is not a digit, and reads an ISO date from before', () => {
    expect(fromDateParts({ day: '5.', month: ' 3', year: '1980' })).toBe('1980-3-5');
    expect(toDateParts('1977-10-03')).toEqual({ day: '03', month: '10', year: '1977' });
    expect(toIsoDate('1977-10-03')).toBe('1977-10-03');
  });
});
