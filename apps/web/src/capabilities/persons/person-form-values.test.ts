import { personInput, updatePersonRequest } from '@nabij/contracts';
import { describe, expect, it } from 'vitest';
import { changedFields, EMPTY_PERSON, formValuesToInput, formValuesToUpdate } from './person-form-values';

describe('formValuesToInput', () => {
  it('leaves out an empty date of birth so the shared schema accepts the form', () => {
    const input = formValuesToInput({ ...EMPTY_PERSON, firstName: 'Sam', lastName: 'de Vries' });
    expect('dateOfBirth' in input).toBe(false);
    expect(personInput.safeParse(input).success).toBe(true);
  });

  it('keeps a filled-in date of birth', () => {
    expect(formValuesToInput({ ...EMPTY_PERSON, dateOfBirth: '2010-05-01' }).dateOfBirth).toBe('2010-05-01');
  });
});

describe('changedFields', () => {
  it('lists only fields that really differ, ignoring spacing and case of the postcode', () => {
    const theirs = { ...EMPTY_PERSON, firstName: 'Sam', postcode: '1234AB', interpreterNeeded: false };
    const mine = { ...theirs, firstName: 'Samira', postcode: '1234 ab', interpreterNeeded: true };
    expect(changedFields(mine, theirs)).toEqual(['firstName', 'interpreterNeeded']);
  });
});

describe('formValuesToUpdate (issue #17 item 9)', () => {
  const sam = { ...EMPTY_PERSON, firstName: 'Sam', lastName: 'de Vries' };
  it('sends the estimated age as a number and the kind of missing address; empty means none', () => {
    expect(formValuesToUpdate({ ...sam, ageGiven: ' 7 ', noFixedAddress: 'homeless' }, 3)).toMatchObject({
      version: 3,
      ageGiven: 7,
      noFixedAddress: 'homeless',
    });
    const cleared = formValuesToUpdate(sam, 3);
    expect(cleared).toMatchObject({ ageGiven: null, noFixedAddress: null });
    expect(updatePersonRequest.safeParse(cleared).success).toBe(true);
  });
  it('lets the schema refuse an age that is not a whole number, in Dutch', () => {
    const parsed = updatePersonRequest.safeParse(formValuesToUpdate({ ...sam, ageGiven: 'zeven' }, 1));
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]).toMatchObject({ path: ['ageGiven'], message: 'Vul de leeftijd in hele jaren in.' });
  });
  it('does not send them on a registration', () => {
    expect(
      personInput.parse(formValuesToInput({ ...sam, ageGiven: '7', noFixedAddress: 'caravan' })),
    ).not.toHaveProperty('ageGiven');
  });
});
