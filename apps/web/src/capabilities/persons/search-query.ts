/** Pure mapping between the search form, the address bar and the search request. No I/O. */

export const SEARCH_FIELDS = ['name', 'dateOfBirth', 'bsn', 'postcode', 'houseNumber'] as const;
export type SearchField = (typeof SEARCH_FIELDS)[number];
export type SearchValues = Record<SearchField, string>;

export const EMPTY_SEARCH: SearchValues = { name: '', dateOfBirth: '', bsn: '', postcode: '', houseNumber: '' };

/** Dutch parameter names in the address bar, so a search can be bookmarked and survives "back". */
const PARAM: Record<SearchField, string> = {
  name: 'naam',
  dateOfBirth: 'geboortedatum',
  bsn: 'bsn',
  postcode: 'postcode',
  houseNumber: 'huisnummer',
};

export function searchFromParams(params: URLSearchParams): SearchValues {
  const values = { ...EMPTY_SEARCH };
  for (const field of SEARCH_FIELDS) values[field] = params.get(PARAM[field]) ?? '';
  return values;
}

export function searchToParams(values: SearchValues): URLSearchParams {
  const params = new URLSearchParams();
  for (const field of SEARCH_FIELDS) {
    const value = values[field].trim();
    if (value) params.set(PARAM[field], value);
  }
  return params;
}

export function hasAnyCriterion(values: SearchValues): boolean {
  return SEARCH_FIELDS.some((field) => values[field].trim() !== '');
}
