/**
 * Pure validators shared by API and web. No I/O.
 */

/** Dutch BSN eleven-check (standards.md §3.2): weights 9..2 and -1, sum divisible by 11, not all zeros. */
export function isValidBsn(value: string): boolean {
  const digits = value.length === 8 ? `0${value}` : value;
  if (!/^\d{9}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number(digits[i]) * (9 - i);
  sum -= Number(digits[8]);
  return sum !== 0 && sum % 11 === 0;
}

/** Normalises an 8- or 9-digit BSN to 9 digits. */
export function normaliseBsn(value: string): string {
  const trimmed = value.replace(/[\s.]/g, '');
  return trimmed.length === 8 ? `0${trimmed}` : trimmed;
}

/** Dutch postcode: four digits (not starting with 0), two letters; SA, SD and SS are not issued. */
export function isValidPostcode(value: string): boolean {
  const m = /^([1-9]\d{3}) ?([A-Za-z]{2})$/.exec(value.trim());
  if (!m) return false;
  const letters = m[2]!.toUpperCase();
  return letters !== 'SA' && letters !== 'SD' && letters !== 'SS';
}

/** Normalises a postcode to the canonical "1234AB" form used for storage and search. */
export function normalisePostcode(value: string): string {
  return value.replace(/\s/g, '').toUpperCase();
}

/** Age in whole years on a given day (ISO dates). */
export function ageOn(dateOfBirth: string, onDay: string): number {
  const [by, bm, bd] = dateOfBirth.split('-').map(Number) as [number, number, number];
  const [y, m, d] = onDay.split('-').map(Number) as [number, number, number];
  let age = y - by;
  if (m < bm || (m === bm && d < bd)) age--;
  return age;
}

export function isMinorOn(dateOfBirth: string, onDay: string): boolean {
  return ageOn(dateOfBirth, onDay) < 18;
}
