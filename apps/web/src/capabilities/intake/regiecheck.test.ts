import { describe, expect, it } from 'vitest';
import { buildRegiecheckRequest, householdsToOffer, initialLinkChoices, NEW_CHOICE, type RegiecheckResult } from './regiecheck';

const person = (id: string, name: string) => ({ id, fullName: name, dateOfBirth: null, postcode: null, houseNumber: null, isMinor: false });

const result: RegiecheckResult = {
  residents: [
    {
      referralPersonId: 'rp1',
      matches: [{ person: person('p1', 'Karin Visser'), matchedOn: ['bsn'], households: [{ id: 'h1', name: 'Huishouden Visser' }], caseFiles: [] }],
    },
    { referralPersonId: 'rp2', matches: [] },
  ],
};

describe('regiecheck form', () => {
  it('keeps an existing link and leaves other persons unchosen', () => {
    expect(initialLinkChoices(result, [{ id: 'rp1', personId: 'p1' }, { id: 'rp2', personId: null }])).toEqual({ rp1: 'p1', rp2: '' });
  });

  it('offers the households of the persons chosen to link', () => {
    expect(householdsToOffer(result, { rp1: 'p1', rp2: NEW_CHOICE })).toEqual([{ id: 'h1', name: 'Huishouden Visser' }]);
    expect(householdsToOffer(result, { rp1: NEW_CHOICE, rp2: NEW_CHOICE })).toEqual([]);
  });

  it('asks for a choice for every person before saving', () => {
    const built = buildRegiecheckRequest(3, result, { rp1: 'p1', rp2: '' }, NEW_CHOICE, '', () => 'Tom Visser');
    expect(built.ok).toBe(false);
    if (!built.ok) expect(built.issues).toEqual([{ path: ['links', 1], message: 'Kies of Tom Visser een bekende persoon is of een nieuwe persoon.' }]);
  });

  it('links chosen persons, creates new ones, and ignores a household that is no longer offered', () => {
    const built = buildRegiecheckRequest(3, result, { rp1: NEW_CHOICE, rp2: NEW_CHOICE }, 'h1', 'Veilig Thuis', () => '');
    expect(built).toEqual({
      ok: true,
      request: {
        version: 3,
        links: [
          { referralPersonId: 'rp1', personId: null },
          { referralPersonId: 'rp2', personId: null },
        ],
        householdId: null,
        knownCoordinationElsewhere: 'Veilig Thuis',
      },
    });
  });
});
