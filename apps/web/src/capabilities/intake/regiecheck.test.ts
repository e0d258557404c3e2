import { describe, expect, it } from 'vitest';
import {
  buildRegiecheckRequest,
  householdsToOffer,
  initialHouseholdChoice,
  initialLinkChoices,
  NEW_CHOICE,
  type RegiecheckResult,
} from './regiecheck';

const person = (id: string, name: string) => ({
  id,
  fullName: name,
  dateOfBirth: null,
  postcode: null,
  houseNumber: null,
  isMinor: false,
});

const result: RegiecheckResult = {
  residents: [
    {
      referralPersonId: 'rp1',
      matches: [
        {
          person: person('p1', 'Karin Visser'),
          matchedOn: ['bsn'],
          households: [{ id: 'h1', name: 'Huishouden Visser' }],
          caseFiles: [],
        },
      ],
    },
    { referralPersonId: 'rp2', matches: [] },
  ],
};

describe('regiecheck form', () => {
  it('keeps an existing link and leaves other persons unchosen', () => {
    expect(
      initialLinkChoices(result, [
        { id: 'rp1', personId: 'p1' },
        { id: 'rp2', personId: null },
      ]),
    ).toEqual({ rp1: 'p1', rp2: '' });
  });

  it('offers the households of the persons chosen to link', () => {
    expect(householdsToOffer(result, { rp1: 'p1', rp2: NEW_CHOICE })).toEqual([
      { id: 'h1', name: 'Huishouden Visser' },
    ]);
    expect(householdsToOffer(result, { rp1: NEW_CHOICE, rp2: NEW_CHOICE })).toEqual([]);
  });

  it('asks for a choice for every person before saving', () => {
    const built = buildRegiecheckRequest(3, result, { rp1: 'p1', rp2: '' }, NEW_CHOICE, '', () => 'Tom Visser');
    expect(built.ok).toBe(false);
    if (!built.ok)
      expect(built.issues).toEqual([
        { path: ['links', 1], message: 'Kies of Tom Visser een bekende persoon is of een nieuwe persoon.' },
      ]);
  });

  it('links chosen persons, creates new ones, and ignores a household that is no longer offered', () => {
    const built = buildRegiecheckRequest(
      3,
      result,
      { rp1: NEW_CHOICE, rp2: NEW_CHOICE },
      'h1',
      'Veilig Thuis',
      () => '',
    );
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

describe('the proposed household (ADR 0029)', () => {
  const twoHouseholds: RegiecheckResult = {
    residents: [
      {
        referralPersonId: 'rp1',
        matches: [
          {
            person: person('p1', 'Karin Visser'),
            matchedOn: ['name'],
            households: [
              { id: 'h0', name: 'Huishouden Oud' },
              { id: 'h1', name: 'Huishouden Visser' },
            ],
            caseFiles: [],
          },
        ],
      },
    ],
    proposedHouseholdId: 'h1',
  };

  it('starts with the proposed existing household instead of a new one, and the referral’s own before both', () => {
    expect(initialHouseholdChoice(twoHouseholds, null)).toBe('h1');
    expect(initialHouseholdChoice(twoHouseholds, 'h0')).toBe('h0');
    expect(initialHouseholdChoice(result, null)).toBe(NEW_CHOICE);
  });

  it('offers the proposed household first, and sends it when its person is linked', () => {
    expect(householdsToOffer(twoHouseholds, { rp1: 'p1' }).map((h) => h.id)).toEqual(['h1', 'h0']);
    const built = buildRegiecheckRequest(
      1,
      twoHouseholds,
      { rp1: 'p1' },
      initialHouseholdChoice(twoHouseholds, null),
      '',
      () => 'Karin Visser',
    );
    expect(built.ok && built.request.householdId).toBe('h1');
  });
});
