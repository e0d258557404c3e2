/**
 * The one rule for a person's full name (issue #20 item 5): first name, infix ("tussenvoegsel") and last name, in
 * that order, empty parts left out, one space between — "Fatima el Amrani", "Jan de Vries", "Ahmed" (only a first
 * name given). Used by the API and the web app alike; the database's version is `personFullNameSql` in the API.
 */
export interface PersonNameParts {
  firstName?: string | null | undefined;
  infix?: string | null | undefined;
  lastName?: string | null | undefined;
}

export function formatFullName(p: PersonNameParts): string {
  return [p.firstName, p.infix, p.lastName]
    .map((part) => part?.trim() ?? '')
    .filter((part) => part !== '')
    .join(' ');
}
