import { describe, expect, it } from 'vitest';
import {
  EMPTY_FILTER,
  filterFromParams,
  filterToApiQuery,
  filterToParams,
  formatDay,
  groupHash,
  pageCount,
} from './privacy-format';

describe('privacy page helpers', () => {
  it('keeps the log filter in the address bar and back', () => {
    const f = {
      ...EMPTY_FILTER,
      userId: 'u1',
      personId: 'p1',
      from: '2026-11-01',
      to: '2026-11-30',
      action: 'read',
      emergency: true,
      denied: true,
      page: 3,
    };
    const params = filterToParams(f);
    expect(params.toString()).toBe(
      'gebruiker=u1&client=p1&van=2026-11-01&tot=2026-11-30&handeling=read&nood=1&geweigerd=1&pagina=3',
    );
    expect(filterFromParams(params)).toEqual(f);
    expect(filterFromParams(new URLSearchParams('pagina=-2'))).toEqual(EMPTY_FILTER);
  });

  it('turns the filter into the API query, without the page for the export', () => {
    const f = { ...EMPTY_FILTER, personId: 'p1', emergency: true, denied: true, page: 2 };
    expect(filterToApiQuery(f)).toBe('personId=p1&emergency=true&outcome=denied&page=2');
    expect(filterToApiQuery(f, false)).toBe('personId=p1&emergency=true&outcome=denied');
    expect(filterToApiQuery(EMPTY_FILTER)).toBe('');
  });

  it('counts pages and formats days in Dutch', () => {
    expect([pageCount(0, 50), pageCount(50, 50), pageCount(51, 50)]).toEqual([1, 1, 2]);
    expect(formatDay('2026-11-23')).toBe('maandag 23 november 2026');
    expect(groupHash('0123456789abcdef01')).toBe('01234567 89abcdef 01');
  });
});
