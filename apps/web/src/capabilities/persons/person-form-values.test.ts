import { personInput } from '@nabij/contracts';
import { describe, expect, it } from 'vitest';
import { changedFields, EMPTY_PERSON, formValuesToInput } from './person-form-values';

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
