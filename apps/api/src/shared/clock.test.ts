import { describe, expect, it } from 'vitest';
import { municipalDate, municipalToday, type Clock } from './clock';

describe('municipalToday', () => {
  it('is the date in the municipality time zone, not in UTC, just after midnight', () => {
    const halfPastMidnight: Clock = { now: () => new Date('2026-05-06T22:30:00Z') }; // 00:30 on 7 May, summer time
    expect(municipalToday(halfPastMidnight)).toBe('2026-05-07');
    expect(municipalDate(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01-01'); // 00:30, winter time
    expect(municipalDate(new Date('2026-12-31T22:59:59Z'))).toBe('2026-12-31');
  });
});
