import { isValidBsn, type RepresentationRelation } from '@nabij/contracts';

// ---------------------------------------------------------------------------------------------
// Age rules and representation (ADR 0022)

/** Below this age a child has no own access: the parent or guardian acts (WGBO 7:450/7:465, Jeugdwet 7.3.4, 7.3.10). */
export const OWN_ACCESS_FROM_AGE = 12;
/** From this age the young person acts alone; a parent or guardian no longer acts for them. */
export const ALONE_FROM_AGE = 16;
/** Mentorship and curatorship are for adults; agreeing to the household's plan is for adults. */
export const ADULT_AGE = 18;

export type ActRefusal = 'age_unknown' | 'too_young' | 'acts_alone_from_16' | 'adults_only';
type Decision<T> = { ok: true; value: T } | { ok: false; error: ActRefusal };
const ok = <T>(value: T): Decision<T> => ({ ok: true, value });
const fail = (error: ActRefusal): Decision<never> => ({ ok: false, error });

/**
 * May the logged-in person act in the portal for `subject`? For themselves from 12; for someone else only with a
 * recorded relation: a parent or legal guardian for a child under 16, a mentor or curator for an adult. Under 12
 * only the representative acts; from 12 to 15 both the young person and the parent; from 16 the young person alone.
 * Without a known date of birth nobody acts (the rules cannot be applied).
 */
export function mayActFor(
  a: { self: true; age: number | null } | { self: false; relation: RepresentationRelation; age: number | null },
): Decision<'self' | 'representative'> {
  if (a.age === null) return fail('age_unknown');
  if (a.self) return a.age < OWN_ACCESS_FROM_AGE ? fail('too_young') : ok('self');
  if (a.relation === 'parent' || a.relation === 'legal_guardian')
    return a.age < ALONE_FROM_AGE ? ok('representative') : fail('acts_alone_from_16');
  return a.age >= ADULT_AGE ? ok('representative') : fail('adults_only');
}

/**
 * Changes to the household's plan (agreeing to a version, marking an action done) are for adults: the person
 * themselves from 18, or their mentor or curator. Young people read the plan; their parents agree to it.
 */
export function mayChangeHouseholdPlan(a: {
  self: boolean;
  relation: RepresentationRelation | null;
  age: number | null;
}): boolean {
  if (a.age === null || a.age < ADULT_AGE) return false;
  return a.self || a.relation === 'mentor' || a.relation === 'curator';
}

/** Why a representation cannot be recorded (a Dutch message for the field), or null when it can. */
export function representationProblem(r: {
  relation: RepresentationRelation;
  age: number | null;
  samePerson: boolean;
}): { field: string; message: string } | null {
  if (r.samePerson)
    return {
      field: 'representativePersonId',
      message: 'Iemand kan niet zijn of haar eigen vertegenwoordiger zijn. Kies een andere persoon.',
    };
  const allowed = mayActFor({ self: false, relation: r.relation, age: r.age });
  if (allowed.ok) return null;
  const messages: Record<ActRefusal, string> = {
    age_unknown: 'Vul eerst de geboortedatum van deze persoon in. Die is nodig om de leeftijdsregels toe te passen.',
    too_young: 'Vul eerst de geboortedatum van deze persoon in. Die is nodig om de leeftijdsregels toe te passen.',
    acts_alone_from_16:
      'Vanaf 16 jaar regelt een jongere dit zelf. Een ouder of voogd kan dan niet meer namens hem of haar inloggen.',
    adults_only:
      'Een mentor of curator is er alleen voor volwassenen (18 jaar en ouder). Kies voor een kind "ouder" of "voogd".',
  };
  return { field: allowed.error === 'adults_only' ? 'relation' : 'personId', message: messages[allowed.error] };
}

/** Why a person cannot get an own account (a Dutch message), or null when they can. */
export function accountProblem(age: number | null): string | null {
  if (age === null)
    return 'Vul eerst de geboortedatum van deze persoon in. Die is nodig om de leeftijdsregels toe te passen.';
  if (age < OWN_ACCESS_FROM_AGE)
    return 'Kinderen onder de 12 krijgen geen eigen account. Hun ouder of voogd kan namens hen inloggen: leg die relatie vast.';
  return null;
}

// ---------------------------------------------------------------------------------------------
// One-time login codes

export const CODE_TTL_MINUTES = 10;
export const CODE_MAX_ATTEMPTS = 5;
/** New codes per address, and per network address, within the window. */
export const CODES_PER_ADDRESS = 3;
export const CODES_PER_IP = 20;
/** Wrong codes per network address within the window (across addresses). */
export const FAILURES_PER_IP = 30;
export const RATE_WINDOW_MINUTES = 15;

export const normaliseEmail = (email: string): string => email.trim().toLowerCase();

export type CodeState = 'open' | 'expired' | 'used' | 'blocked';

export function codeState(row: { expiresAt: Date; usedAt: Date | null; attempts: number }, now: Date): CodeState {
  if (row.usedAt) return 'used';
  if (row.attempts >= CODE_MAX_ATTEMPTS) return 'blocked';
  if (now >= row.expiresAt) return 'expired';
  return 'open';
}

// ---------------------------------------------------------------------------------------------
// DigiD

/** The BSN in a broker's claim: nine digits (eight get a leading zero), also when prefixed ("s00000000:123456789"). */
export function bsnFromClaim(value: unknown): string | null {
  if (typeof value !== 'string' && typeof value !== 'number') return null;
  const match = /(\d{8,9})$/.exec(String(value).trim());
  if (!match?.[1]) return null;
  const bsn = match[1].padStart(9, '0');
  return isValidBsn(bsn) ? bsn : null;
}

/** The broker's assurance level must be one of the accepted ones (Substantieel or higher). */
export const assuranceAccepted = (acr: unknown, accepted: readonly string[]): acr is string =>
  typeof acr === 'string' && accepted.includes(acr);

// ---------------------------------------------------------------------------------------------
// "Wie heeft mijn dossier bekeken"

/**
 * How an access-log row appears to the resident, or null when it is not listed. Meldcode records are never shown
 * in the portal (standards; ADR 0011): a row about them is shown as a neutral look at (or refused attempt at) the
 * file, so that the resident still sees who accessed their data without learning that a Meldcode record exists.
 * The resident's own use of the portal is not listed (it is in the log, and in the copy of the data).
 */
export function residentView(r: {
  user_role: string | null;
  event: string;
  action: string;
  data_category: string;
  outcome: string;
}): { event: string; action: string } | null {
  if (r.user_role === 'resident') return null;
  const shielded = r.data_category === 'meldcode' || r.event.startsWith('meldcode.');
  if (!shielded) return { event: r.event, action: r.action };
  return r.outcome === 'denied'
    ? { event: 'case_file.access_denied', action: 'read' }
    : { event: 'case_file.viewed', action: 'read' };
}

/** The basis as the resident reads it: emergency access is named, its reason (free text of staff) is not shown. */
export const EMERGENCY_BASIS_TEXT =
  'noodtoegang: een medewerker mocht het dossier kort inzien omdat het dringend was (de privacyfunctionaris controleert dit altijd)';
