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

/** The character that hides a BSN digit. */
export const BSN_MASK_CHAR = '•';

/**
 * A BSN as the API sends it wherever the full number is not needed (ADR 0051): only the last four digits,
 * "•••••2345" (the form the web app always showed). A value of four digits or fewer is hidden completely.
 * Already masked values stay as they are.
 */
export function maskBsn(bsn: string): string {
  if (bsn.startsWith(BSN_MASK_CHAR)) return bsn;
  const digits = bsn.replace(/\D/g, '');
  if (digits.length <= 4) return BSN_MASK_CHAR.repeat(9);
  return `${BSN_MASK_CHAR.repeat(digits.length - 4)}${digits.slice(-4)}`;
}

/** True for a BSN as masked by `maskBsn` (never a number someone typed). */
export function isMaskedBsn(value: string): boolean {
  return value.startsWith(BSN_MASK_CHAR);
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

/**
 * Two-digit Dutch area codes (without the 0); every other landline area code has three digits. Used to write a
 * landline number the way people read it: "030-1234567", "0111-123456".
 */
const TWO_DIGIT_AREA_CODES = new Set([
  '10',
  '13',
  '15',
  '20',
  '23',
  '24',
  '26',
  '30',
  '33',
  '35',
  '36',
  '38',
  '40',
  '43',
  '45',
  '46',
  '50',
  '53',
  '55',
  '58',
  '70',
  '71',
  '72',
  '73',
  '74',
  '75',
  '76',
  '77',
  '78',
  '79',
]);

/**
 * One normaliser for every phone field (person, referral, referrer, hand-over, correction): accepts what people type —
 * "(030) 123 45 67", "030-123 45 67", "06 12 34 56 78", "+31 6 1234 5678", "+31 (0)30 1234567", "0031 30 1234567",
 * "0800-1234", "14 030" — and returns it in one compact form for storage and search, like a postcode: Dutch numbers
 * as ten digits ("0301234567", "0612345678"), service numbers as "08001234", the municipal 14-number as "14030",
 * other countries as "+" and digits ("+3221234567"). `formatPhoneNumber` writes it for people. Returns undefined when
 * it is not a phone number.
 */
export function normalisePhoneNumber(value: string): string | undefined {
  const trimmed = value.trim();
  if (!/^\+?[\d\s().\-/]+$/.test(trimmed)) return undefined;
  let digits = trimmed.replace(/\(0\)/g, '').replace(/[\s().\-/]/g, '');
  if (digits.startsWith('00')) digits = `+${digits.slice(2)}`;
  if (digits.startsWith('+31')) digits = `0${digits.slice(3).replace(/^0/, '')}`;
  if (digits.startsWith('+')) return /^\+[1-9]\d{6,14}$/.test(digits) ? digits : undefined;
  // The municipality's own number: 14 and the area code without its 0 (14 030 → 14030).
  if (/^14\d{2,4}$/.test(digits)) return digits;
  // Free and paid service numbers: 0800/0900/0906/0909 with 4 or 7 digits.
  if (/^0(800|900|906|909)\d{4}(\d{3})?$/.test(digits)) return digits;
  return /^0[1-9]\d{8}$/.test(digits) ? digits : undefined;
}

/** A phone number as people read it: "030-1234567", "0111-123456", "06-12345678", "0800-1234"; anything else as stored. */
export function formatPhoneNumber(value: string | null | undefined): string {
  if (!value) return '';
  const n = normalisePhoneNumber(value);
  if (!n || n.startsWith('+') || n.startsWith('14')) return n ?? value;
  if (/^0(800|900|906|909)/.test(n)) return `${n.slice(0, 4)}-${n.slice(4)}`;
  if (n.startsWith('06')) return `06-${n.slice(2)}`;
  // Nationwide non-geographic numbers (085, 088, 091, 097) are written like three-digit area codes.
  const areaLength = TWO_DIGIT_AREA_CODES.has(n.slice(1, 3)) ? 3 : 4;
  return `${n.slice(0, areaLength)}-${n.slice(areaLength)}`;
}

/**
 * A house number as people type it, split into the number and its addition: "12" → 12; "12A", "12 a" → 12 + "A";
 * "12-2", "12 - 2" → 12 + "2"; "12-hs", "12 bis" → 12 + "hs" / "bis". An addition typed in its own field is written
 * the same way ("-2" → "2", "a" → "A"). Anything that does not start with the number's digits is returned as typed,
 * so the contract reports it.
 */
export function splitHouseNumber(
  houseNumber: string,
  addition = '',
): { houseNumber: string; houseNumberAddition: string } {
  const m = /^\s*(\d{1,5})(?:(?:\s*[-/]\s*|\s+|(?=[A-Za-z]))([A-Za-z0-9][A-Za-z0-9 -]*))?\s*$/.exec(houseNumber);
  const typedAddition = normaliseHouseNumberAddition(addition);
  if (!m || !m[2]) return { houseNumber: m ? m[1]! : houseNumber.trim(), houseNumberAddition: typedAddition };
  const fromNumber = normaliseHouseNumberAddition(m[2]);
  return {
    houseNumber: m[1]!,
    houseNumberAddition: typedAddition && typedAddition !== fromNumber ? `${fromNumber} ${typedAddition}` : fromNumber,
  };
}

/**
 * A house-number addition in one form: trimmed, without a leading hyphen or slash, single spaces; a house letter in
 * capitals ("-2" → "2", "a" → "A", " bis" → "bis").
 */
export function normaliseHouseNumberAddition(value: string): string {
  const tidy = value
    .trim()
    .replace(/^[-/\s]+/, '')
    .replace(/\s*-\s*/g, '-')
    .replace(/\s+/g, ' ');
  return /^[a-z]$/.test(tidy) ? tidy.toUpperCase() : tidy;
}

/** A house number with its addition as Dutch addresses write it: "12", "12A", "12-2", "12-hs". */
export function formatHouseNumber(houseNumber: string | null | undefined, addition: string | null | undefined): string {
  if (!houseNumber) return addition ?? '';
  if (!addition) return houseNumber;
  return /^[A-Za-z]$/.test(addition) ? `${houseNumber}${addition}` : `${houseNumber}-${addition}`;
}
