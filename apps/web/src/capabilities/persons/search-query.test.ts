import { describe, expect, it } from 'vitest';
import { EMPTY_SEARCH, hasAnyCriterion, searchFromParams, searchToParams } from './search-query';

describe('search query in the address bar', () => {
  it('round-trips the filled-in criteria with Dutch parameter names', () => {
    const params = searchToParams({ ...EMPTY_SEARCH, name: ' jans ', postcode: '1234 AB', houseNumber: '12' });
    expect(params.toString()).toBe('naam=jans&postcode=1234+AB&huisnummer=12');
    expect(searchFromParams(params)).toEqual({ ...EMPTY_SEARCH, name: 'jans', postcode: '1234 AB', houseNumber: '12' });
  });

  it('knows when nothing was filled in', () => {
    expect(hasAnyCriterion({ ...EMPTY_SEARCH, bsn: '  ' })).toBe(false);
    expect(hasAnyCriterion({ ...EMPTY_SEARCH, bsn: '1' })).toBe(true);
  });
});
