import { describe, expect, it } from 'vitest';
import { parseGlobalQuery } from './search.domain';

describe('reading the search box', () => {
  it('tells references, dates, BSNs, addresses and names apart', () => {
    expect(parseGlobalQuery('am-2026-12').references).toContain('AM-2026-00012');
    expect(parseGlobalQuery('2026-12')).toMatchObject({ references: ['AM-2026-00012'], person: null });
    expect(parseGlobalQuery('3-4-1985').person).toEqual({ dateOfBirth: '1985-04-03' });
    expect(parseGlobalQuery('123456782').person).toEqual({ bsn: '123456782' });
    expect(parseGlobalQuery('3511 ab 7').person).toEqual({ postcode: '3511AB', houseNumber: '7' });
    expect(parseGlobalQuery('van den Berg').person).toEqual({ name: 'van den Berg' });
  });
});
