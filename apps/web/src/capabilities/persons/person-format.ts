/**
 * Pure display rules for persons: BSN masking, Dutch dates, addresses, ages. No I/O.
 */
import { ageOn, formatHouseNumber } from '@nabij/contracts';
import { municipalToday } from '../../app/dates';

/**
 * Shows only the last four digits: "•••••2345". The API already sends the BSN in this form wherever the full
 * number is not needed (ADR 0051); the one rule lives in the contracts.
 */
export { maskBsn } from '@nabij/contracts';

const dateFormat = new Intl.DateTimeFormat('nl-NL', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});

/** "2010-05-01" → "1 mei 2010"; an unreadable value is shown as given. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const date = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? iso : dateFormat.format(date);
}

/** "1234AB" → "1234 AB". */
export function formatPostcode(postcode: string | null | undefined): string {
  if (!postcode) return '';
  const compact = postcode.replace(/\s/g, '').toUpperCase();
  return /^\d{4}[A-Z]{2}$/.test(compact) ? `${compact.slice(0, 4)} ${compact.slice(4)}` : postcode;
}

export interface AddressParts {
  street?: string | null;
  houseNumber?: string | null;
  houseNumberAddition?: string | null;
  postcode?: string | null;
  city?: string | null;
}

/** Dutch address order: "Dorpsstraat 12A, 1234 AB Utrecht", "Dorpsstraat 12-2, …". Empty when nothing is known. */
export function formatAddress(parts: AddressParts): string {
  const number = formatHouseNumber(parts.houseNumber, parts.houseNumberAddition);
  const line1 = [parts.street, number].filter(Boolean).join(' ');
  const line2 = [formatPostcode(parts.postcode), parts.city].filter(Boolean).join(' ');
  return [line1, line2].filter(Boolean).join(', ');
}

/** Age in whole years, or undefined without a (valid) date of birth. */
export function ageFrom(dateOfBirth: string | null | undefined, today: string = municipalToday()): number | undefined {
  if (!dateOfBirth || !/^\d{4}-\d{2}-\d{2}/.test(dateOfBirth)) return undefined;
  const age = ageOn(dateOfBirth.slice(0, 10), today);
  return age >= 0 ? age : undefined;
}
