/** Pure mapping between the person form (all strings) and the API shapes. No I/O. */
import { splitHouseNumber, type PersonInput, type PersonView } from '@nabij/contracts';

export interface PersonFormValues {
  firstName: string;
  infix: string;
  lastName: string;
  dateOfBirth: string;
  bsn: string;
  postcode: string;
  houseNumber: string;
  houseNumberAddition: string;
  street: string;
  city: string;
  phone: string;
  email: string;
  preferredLanguage: string;
  interpreterNeeded: boolean;
  /** Only on the edit form: the estimated age in whole years today (from an age given), and why there is no fixed address ('' = a fixed address). */
  ageGiven: string;
  noFixedAddress: string;
}

export type PersonTextField = Exclude<keyof PersonFormValues, 'interpreterNeeded'>;

/** The form's fields in display order (also the order of the error summary). */
export const PERSON_FIELDS = [
  'firstName',
  'infix',
  'lastName',
  'dateOfBirth',
  'ageGiven',
  'bsn',
  'noFixedAddress',
  'street',
  'houseNumber',
  'houseNumberAddition',
  'postcode',
  'city',
  'phone',
  'email',
  'preferredLanguage',
  'interpreterNeeded',
] as const satisfies readonly (keyof PersonFormValues)[];

export const EMPTY_PERSON: PersonFormValues = {
  firstName: '',
  infix: '',
  lastName: '',
  dateOfBirth: '',
  bsn: '',
  postcode: '',
  houseNumber: '',
  houseNumberAddition: '',
  street: '',
  city: '',
  phone: '',
  email: '',
  preferredLanguage: '',
  interpreterNeeded: false,
  ageGiven: '',
  noFixedAddress: '',
};

export function personToFormValues(person: PersonView): PersonFormValues {
  return {
    firstName: person.firstName,
    infix: person.infix ?? '',
    lastName: person.lastName,
    dateOfBirth: person.dateOfBirth ?? '',
    bsn: person.bsn ?? '',
    postcode: person.postcode ?? '',
    houseNumber: person.houseNumber ?? '',
    houseNumberAddition: person.houseNumberAddition ?? '',
    street: person.street ?? '',
    city: person.city ?? '',
    phone: person.phone ?? '',
    email: person.email ?? '',
    preferredLanguage: person.preferredLanguage ?? '',
    interpreterNeeded: person.interpreterNeeded,
    ageGiven: person.estimatedAge === null || person.estimatedAge === undefined ? '' : String(person.estimatedAge),
    noFixedAddress: person.noFixedAddress ?? '',
  };
}

/**
 * What the API's `updatePersonRequest` expects (issue #17 item 9): the form's fields, the estimated age as a number
 * (empty: none; not a whole number: refused by the schema) and the kind of missing address (empty: a fixed address).
 */
export function formValuesToUpdate(values: PersonFormValues, version: number) {
  const { ageGiven, noFixedAddress, ...input } = formValuesToInput(values) as PersonInput &
    Partial<Pick<PersonFormValues, 'ageGiven' | 'noFixedAddress'>>;
  const age = (ageGiven ?? '').trim();
  return {
    ...input,
    version,
    ageGiven: age === '' ? null : /^\d{1,3}$/.test(age) ? Number(age) : Number.NaN,
    noFixedAddress: noFixedAddress ? noFixedAddress : null,
  };
}

/** What the API's `personInput` expects: the date of birth must be absent rather than empty. */
export function formValuesToInput(values: PersonFormValues): PersonInput {
  const { dateOfBirth, ...typed } = values;
  // "12A" or "12-2" typed as the house number is split into number and addition (issue #19 item 5).
  const rest = typed.houseNumber.trim()
    ? { ...typed, ...splitHouseNumber(typed.houseNumber, typed.houseNumberAddition) }
    : typed;
  const trimmedDate = dateOfBirth.trim();
  return trimmedDate ? { ...rest, dateOfBirth: trimmedDate } : rest;
}

function comparable(field: keyof PersonFormValues, value: string | boolean): string {
  if (typeof value === 'boolean') return value ? '1' : '0';
  const trimmed = value.trim();
  if (field === 'postcode') return trimmed.replace(/\s/g, '').toUpperCase();
  if (field === 'bsn') return trimmed.replace(/[\s.]/g, '');
  return trimmed;
}

/** Fields where the user's typed values differ from the newest saved version (after a version conflict). */
export function changedFields(mine: PersonFormValues, theirs: PersonFormValues): (keyof PersonFormValues)[] {
  return PERSON_FIELDS.filter((field) => comparable(field, mine[field]) !== comparable(field, theirs[field]));
}
