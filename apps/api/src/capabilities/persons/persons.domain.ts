import { ageOn, formatFullName } from '@nabij/contracts';

export interface PersonName {
  firstName: string;
  infix: string | null;
  lastName: string;
}

/** "Fatima el Amrani", "Jan de Vries". */
export function fullName(p: PersonName): string {
  return formatFullName(p);
}

export function ageAndMinor(
  dateOfBirth: string | null,
  today: string,
): { age: number | null; isMinor: boolean | null } {
  if (!dateOfBirth) return { age: null, isMinor: null };
  const age = ageOn(dateOfBirth, today);
  return { age, isMinor: age < 18 };
}

/** Search words: lowercased, at most five, each at least one character. */
export function nameTokens(query: string | undefined): string[] {
  if (!query) return [];
  return query
    .toLowerCase()
    .split(/[\s,]+/)
    .map((t) => t.trim())
    .filter(Boolean)
    .slice(0, 5);
}

export const SEARCH_LIMIT = 50;
