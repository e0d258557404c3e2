import { z } from 'zod';
import { ROLES } from './roles';
import { NO_FIXED_ADDRESS_KINDS } from './household';
import {
  isValidBsn,
  isValidPostcode,
  normaliseBsn,
  normaliseHouseNumberAddition,
  normalisePhoneNumber,
  normalisePostcode,
} from './validators';

z.config(z.locales.nl());
// In the browser the CSP forbids eval (ADR 0017): no `new Function` fast path, and no probe for it (a blocked
// probe is still reported as a CSP violation). Set before any schema is built.
if (typeof document !== 'undefined') z.config({ jitless: true });

const trimmed = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: `Maximaal ${max} tekens.` });
const requiredText = (max: number, what: string) =>
  z
    .string()
    .trim()
    .min(1, { error: `Vul ${what} in.` })
    .max(max, { error: `Maximaal ${max} tekens.` });
const optionalText = (max: number) =>
  trimmed(max)
    .optional()
    .transform((v) => (v === '' ? undefined : v));

/** An optional text field where an empty input means "not given"; otherwise `schema` applies with its own message. */
const blankable = <T extends z.ZodType<unknown, string>>(schema: T) =>
  z
    .string()
    .optional()
    .transform((v) => (v === undefined || v.trim() === '' ? undefined : v))
    .pipe(schema.optional());

export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'Vul een geldige datum in.' })
  .refine(
    (v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v),
    {
      error: 'Deze datum bestaat niet.',
    },
  );

/** Today's date in the Netherlands (yyyy-mm-dd) — also just after midnight, when UTC is still on yesterday. */
export function todayInNetherlands(): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Amsterdam',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date());
}

/** Every date of birth (person form, correction, referral): a real date, not in the future, not before 1900. */
export const birthDate = isoDate
  .refine((v) => v <= todayInNetherlands(), { error: 'Een geboortedatum kan niet in de toekomst liggen.' })
  .refine((v) => v >= '1900-01-01', { error: 'Controleer het geboortejaar: het ligt voor 1900.' });

export const bsnSchema = z
  .string()
  .trim()
  .transform(normaliseBsn)
  .refine(isValidBsn, { error: 'Dit BSN klopt niet. Controleer de 9 cijfers (een BSN van 8 cijfers mag ook).' });

export const postcodeSchema = z
  .string()
  .trim()
  .refine(isValidPostcode, { error: 'Vul een geldige postcode in, bijvoorbeeld 1234 AB.' })
  .transform(normalisePostcode);

export const uuid = z.uuid({ error: 'Ongeldige verwijzing.' });

/**
 * Every phone field (person, referral, referrer, hand-over, correction): what people type — "(030) 123 45 67",
 * "+31 6 1234 5678" — is accepted and stored in one compact form ("0301234567", "0612345678"); see `normalisePhoneNumber`.
 */
export const phoneNumberSchema = z.string().transform((value, ctx) => {
  const normalised = normalisePhoneNumber(value);
  if (normalised) return normalised;
  ctx.addIssue({
    code: 'custom',
    message: 'Vul een geldig telefoonnummer in, bijvoorbeeld 06-12345678 of (030) 123 45 67.',
  });
  return z.NEVER;
});

/** A house number: digits only; the addition (12A, 12-2) has its own field. */
export const houseNumberSchema = z
  .string()
  .trim()
  .regex(/^\d{1,5}$/, {
    error:
      'Vul bij huisnummer alleen het nummer in, bijvoorbeeld 12. Een toevoeging zoals A of 2 hoort bij Toevoeging.',
  });

/** A house-number addition ("A" of 12A, "2" of 12-2, "HS"): letters and digits, written in one form (`normaliseHouseNumberAddition`). */
export const houseNumberAdditionSchema = z
  .string()
  .trim()
  .max(10, { error: 'Maximaal 10 tekens.' })
  .transform(normaliseHouseNumberAddition)
  .refine((v) => /^[A-Za-z0-9]([A-Za-z0-9 -]*[A-Za-z0-9])?$/.test(v), {
    error: 'Vul bij toevoeging letters of cijfers in, bijvoorbeeld A of 2.',
  });

// ---------- errors ----------
export const errorResponse = z.object({
  code: z.string(),
  message: z.string(),
  fieldErrors: z.record(z.string(), z.array(z.string())).optional(),
});
export type ErrorResponse = z.infer<typeof errorResponse>;

// ---------- auth ----------
export const loginRequest = z.object({
  username: requiredText(200, 'uw gebruikersnaam'),
  password: z.string().min(1, { error: 'Vul uw wachtwoord in.' }).max(1000),
});
export type LoginRequest = z.infer<typeof loginRequest>;

/** What the client must do next after a login step. */
export const authStep = z.enum(['done', 'totp', 'enrol_totp', 'change_password']);
export type AuthStep = z.infer<typeof authStep>;

export const loginResponse = z.object({ next: authStep });

export const totpRequest = z.object({
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, { error: 'Vul de zescijferige code uit uw authenticator-app in.' }),
});
export const recoveryCodeRequest = z.object({
  code: z.string().trim().min(8, { error: 'Vul een herstelcode in.' }).max(40),
});
export const totpEnrolmentResponse = z.object({
  secret: z.string(),
  otpauthUri: z.string(),
  qrSvg: z.string(),
});
export const totpEnrolmentConfirmResponse = z.object({ recoveryCodes: z.array(z.string()), next: authStep });

export const changePasswordRequest = z.object({
  currentPassword: z.string().min(1, { error: 'Vul uw huidige wachtwoord in.' }).max(1000),
  newPassword: z
    .string()
    .min(12, { error: 'Een nieuw wachtwoord heeft minimaal 12 tekens.' })
    .max(200, { error: 'Maximaal 200 tekens.' }),
});

export const roleSchema = z.enum(ROLES);

export const sessionResponse = z.object({
  authenticated: z.boolean(),
  next: authStep.optional(),
  csrfToken: z.string().optional(),
  user: z
    .object({
      id: z.string(),
      displayName: z.string(),
      username: z.string(),
      tenantName: z.string(),
      /** Where the web app finds the municipality's house style: /api/public/house-style/<slug> (ADR 0054). */
      tenantSlug: z.string(),
      roles: z.array(roleSchema),
      permissions: z.array(z.string()),
      teams: z.array(z.object({ id: z.string(), name: z.string() })),
      totpEnabled: z.boolean(),
    })
    .optional(),
  oidcEnabled: z.boolean(),
});
export type SessionResponse = z.infer<typeof sessionResponse>;

/** POST /api/auth/keep-alive ("Ingelogd blijven", typing): how long the session lasts now, and whether the absolute limit ends it. */
export const sessionTimeResponse = z.object({
  expiresInSeconds: z.number().int().nonnegative(),
  endsAtAbsoluteLimit: z.boolean(),
});
export type SessionTimeResponse = z.infer<typeof sessionTimeResponse>;

/** GET /api/auth/draft-keys: the user's keys (base64, AES-256) for drafts kept encrypted in the browser tab (ADR 0035). */
export const draftKeysResponse = z.object({ current: z.string(), previous: z.string().nullable() });
export type DraftKeysResponse = z.infer<typeof draftKeysResponse>;

// ---------- persons ----------
export const RELATIONS = ['parent', 'child', 'partner', 'other'] as const;
export const relationSchema = z.enum(RELATIONS);
export type Relation = z.infer<typeof relationSchema>;

export const personInput = z.object({
  firstName: requiredText(100, 'de voornaam'),
  infix: optionalText(20),
  lastName: requiredText(100, 'de achternaam'),
  dateOfBirth: blankable(birthDate),
  bsn: blankable(bsnSchema),
  postcode: blankable(postcodeSchema),
  houseNumber: blankable(houseNumberSchema),
  houseNumberAddition: blankable(houseNumberAdditionSchema),
  street: optionalText(100),
  city: optionalText(100),
  phone: blankable(phoneNumberSchema),
  email: blankable(z.email({ error: 'Vul een geldig e-mailadres in.' }).max(200)),
  preferredLanguage: optionalText(50),
  interpreterNeeded: z.boolean().default(false),
});
export type PersonInput = z.input<typeof personInput>;

export const createPersonRequest = personInput.extend({
  /** The user saw the likely-duplicates warning and still wants a new person. */
  acknowledgeDuplicates: z.boolean().default(false),
});
/**
 * A change of a person. Besides the registration's fields (issue #17 items 2 and 9): `ageGiven`, the age in whole years
 * *today* when the date of birth is not known — kept as an age given on today's date and estimated onwards ("± 7 jaar
 * (geschat)"); the current estimate keeps the original date, null clears it, absent leaves it — and `noFixedAddress`,
 * why the person has no fixed address (null: a fixed address; absent: unchanged).
 */
export const updatePersonRequest = personInput.extend({
  version: z.number().int().min(1),
  ageGiven: z
    .number({ error: 'Vul de leeftijd in hele jaren in.' })
    .int({ error: 'Vul de leeftijd in hele jaren in.' })
    .min(0, { error: 'Vul een leeftijd van 0 tot 120 in.' })
    .max(120, { error: 'Vul een leeftijd van 0 tot 120 in.' })
    .nullable()
    .optional(),
  noFixedAddress: z.enum(NO_FIXED_ADDRESS_KINDS, { error: 'Kies de woonsituatie uit de lijst.' }).nullable().optional(),
});

export const personSummary = z.object({
  id: z.string(),
  fullName: z.string(),
  dateOfBirth: z.string().nullable(),
  postcode: z.string().nullable(),
  houseNumber: z.string().nullable(),
  isMinor: z.boolean().nullable(),
  /** Whole years today; with `ageEstimated` an estimate from an age given without a date of birth ("± 7 jaar (geschat)"). */
  age: z.number().nullable().optional(),
  ageEstimated: z.boolean().optional(),
});
export type PersonSummary = z.infer<typeof personSummary>;

export const householdMemberView = personSummary.extend({ relation: relationSchema });
export const householdView = z.object({
  id: z.string(),
  name: z.string(),
  version: z.number(),
  members: z.array(householdMemberView),
});
export type HouseholdView = z.infer<typeof householdView>;

export const personView = z.object({
  id: z.string(),
  version: z.number(),
  firstName: z.string(),
  infix: z.string().nullable(),
  lastName: z.string(),
  fullName: z.string(),
  dateOfBirth: z.string().nullable(),
  age: z.number().nullable(),
  isMinor: z.boolean().nullable(),
  /** True when `age` is estimated from an age given without a date of birth. */
  ageEstimated: z.boolean().optional(),
  /** 'caravan' | 'homeless' | 'postal_address' | 'other' when the person has no fixed address. */
  noFixedAddress: z.string().nullable().optional(),
  /** The age today estimated from an age given without a date of birth (also once a date of birth is known), and the day it was given. */
  estimatedAge: z.number().nullable().optional(),
  ageGivenOn: z.string().nullable().optional(),
  /** Masked, "•••••2345" (ADR 0051): the full number only through `GET /api/persons/:id/bsn`, which is logged. */
  bsn: z
    .string()
    .nullable()
    .describe('Masked ("•••••2345"); the full number only through GET /api/persons/{id}/bsn, which is logged.'),
  postcode: z.string().nullable(),
  houseNumber: z.string().nullable(),
  houseNumberAddition: z.string().nullable(),
  street: z.string().nullable(),
  city: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  preferredLanguage: z.string().nullable(),
  interpreterNeeded: z.boolean(),
  households: z.array(householdView),
});
export type PersonView = z.infer<typeof personView>;

/**
 * The 409 of registering a person: likely duplicates (`possible_duplicate`), the person who already has this BSN
 * (`bsn_exists`, with `personId` and `person`), or a `version_conflict` when two registrations raced.
 */
export const duplicatesResponse = errorResponse.extend({
  duplicates: z.array(personSummary).optional(),
  personId: z.string().optional(),
  person: personSummary.optional(),
});

export const personSearchRequest = z
  .object({
    name: z.string().trim().max(100).optional(),
    dateOfBirth: blankable(isoDate),
    bsn: blankable(bsnSchema),
    postcode: blankable(postcodeSchema),
    houseNumber: blankable(
      z
        .string()
        .trim()
        .regex(/^\d{1,5}$/, { error: 'Vul een huisnummer in (alleen cijfers).' }),
    ),
  })
  .refine((q) => (q.name && q.name.length >= 2) || q.dateOfBirth || q.bsn || (q.postcode && q.houseNumber), {
    error: 'Zoek op ten minste twee letters van de naam, een geboortedatum, een BSN of postcode met huisnummer.',
  });
export type PersonSearchRequest = z.input<typeof personSearchRequest>;
/**
 * Why a person was found (ADR 0030), strongest first in the list the API gives; the interface shows them in Dutch
 * ("achternaam gelijk", "klinkt gelijk (ij/y)", "geboortedatum dag en maand omgedraaid", …).
 */
export const PERSON_MATCH_REASONS = [
  'bsn_equal',
  'last_name_equal',
  'last_name_without_diacritics',
  'last_name_hyphen_or_space',
  'last_name_sounds_alike',
  'last_name_starts_with',
  'last_name_similar',
  'infix_equal',
  'first_name_equal',
  'first_name_without_diacritics',
  'first_name_sounds_alike',
  'first_name_starts_with',
  'first_name_similar',
  'initial_matches',
  'date_of_birth_equal',
  'date_of_birth_day_month_swapped',
  'address_equal',
] as const;
export const personMatchReason = z.enum(PERSON_MATCH_REASONS);
export type PersonMatchReason = z.infer<typeof personMatchReason>;
export const personSearchResult = personSummary.extend({
  reasons: z.array(personMatchReason),
  /** Street and town, so a worker tells two people of the same name apart (issue #19 item 10). */
  street: z.string().nullable(),
  houseNumberAddition: z.string().nullable(),
  city: z.string().nullable(),
  /**
   * The person's case that is not closed, only when the user may view it (need to know); null otherwise — the result
   * never tells whether a case the user may not see exists.
   */
  openCase: z.object({ id: z.string(), reference: z.string().nullable(), phase: z.string() }).nullable(),
});
export type PersonSearchResult = z.infer<typeof personSearchResult>;
export const personSearchResponse = z.object({ results: z.array(personSearchResult), truncated: z.boolean() });

/** The search box in the header: persons (name, date of birth, BSN, postcode with house number) and case references. */
export const globalSearchRequest = z.object({
  q: z
    .string()
    .trim()
    .min(2, { error: 'Typ ten minste twee tekens om te zoeken.' })
    .max(100, { error: 'Typ hoogstens 100 tekens.' }),
});
export const globalSearchCase = z.object({
  referralId: z.string(),
  /** Null while the referral has no case file (or the user may see the referral but not the case). */
  caseId: z.string().nullable(),
  reference: z.string(),
  householdName: z.string().nullable(),
  /** The case's phase when a case is shown, else the referral's status. */
  phase: z.string().nullable(),
  referralStatus: z.string(),
  reason: z.enum(['case_reference', 'referral_reference']),
});
export type GlobalSearchCase = z.infer<typeof globalSearchCase>;
export const globalSearchResponse = z.object({
  persons: z.array(personSearchResult),
  personsTruncated: z.boolean(),
  cases: z.array(globalSearchCase),
});
export type GlobalSearchResponse = z.infer<typeof globalSearchResponse>;

export const createHouseholdRequest = z.object({
  name: requiredText(100, 'een naam voor het huishouden'),
  members: z
    .array(z.object({ personId: uuid, relation: relationSchema }))
    .min(1, { error: 'Een huishouden heeft minstens één lid.' })
    .max(30),
});
export const addHouseholdMemberRequest = z.object({
  personId: uuid,
  relation: relationSchema,
  version: z.number().int(),
});
export const removeHouseholdMemberRequest = z.object({ version: z.number().int() });
/** Corrects a member's relation in the household (the household's version guards against a stale change). */
export const changeHouseholdRelationRequest = z.object({ relation: relationSchema, version: z.number().int() });

// ---------- users (functional administrator) ----------
export const usernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9._@-]{3,100}$/, { error: 'Gebruikersnaam: 3 tot 100 tekens, alleen letters, cijfers en . _ @ -' });

export const createUserRequest = z.object({
  username: usernameSchema,
  displayName: requiredText(200, 'de naam'),
  email: blankable(z.email({ error: 'Vul een geldig e-mailadres in.' }).max(200)),
  roles: z.array(roleSchema).min(1, { error: 'Kies ten minste één rol.' }),
  teamIds: z.array(uuid).default([]),
});
export const userView = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  email: z.string().nullable(),
  roles: z.array(roleSchema),
  teams: z.array(z.object({ id: z.string(), name: z.string() })),
  active: z.boolean(),
  totpEnabled: z.boolean(),
  lastLoginAt: z.string().nullable(),
  expertise: z.array(z.string()),
  /** Optimistic concurrency: send it back when changing the account (409 `version_conflict` when stale). */
  version: z.number(),
});
export type UserView = z.infer<typeof userView>;
export const updateExpertiseRequest = z.object({
  expertise: z
    .array(z.string().trim().min(1).max(60, { error: 'Maximaal 60 tekens per expertise.' }))
    .max(10, { error: 'Hoogstens 10 expertises.' }),
  version: z.number({ error: 'De versie ontbreekt. Vernieuw de pagina.' }).int().min(1),
});
export const userWithTemporaryPassword = z.object({ user: userView, temporaryPassword: z.string() });
export const teamView = z.object({ id: z.string(), name: z.string(), area: z.string().nullable() });

// ---------- home ----------
export const homeResponse = z.object({
  recentPersons: z.array(personSummary),
});

export const idParams = z.object({ id: uuid });

// ---------- team settings (functional administrator) ----------
export const teamSettings = z.object({
  id: z.string(),
  name: z.string(),
  area: z.string().nullable(),
  acceptsWebReferrals: z.boolean(),
  acceptsSelfReferrals: z.boolean(),
  analysisWeeks: z.number(),
  outreachWeeks: z.number(),
  /** How often the team evaluates a plan (weeks); the plan PDF says it in words. */
  evaluationWeeks: z.number(),
  /** The team's letterhead (issue #21 item 2): address block (lines), phone number and e-mail address. */
  postalAddress: z.string().nullable(),
  contactPhone: z.string().nullable(),
  contactEmail: z.string().nullable(),
  /** Optimistic concurrency token of the settings (409 `version_conflict` when stale). */
  version: z.number(),
});
const weeks = (what: string) =>
  z.coerce
    .number({ error: `Vul ${what} in weken in.` })
    .int({ error: `Vul ${what} in hele weken in.` })
    .min(1, { error: 'Kies 1 tot en met 52 weken.' })
    .max(52, { error: 'Kies 1 tot en met 52 weken.' });
export const updateTeamSettingsRequest = z.object({
  acceptsWebReferrals: z.boolean(),
  acceptsSelfReferrals: z.boolean(),
  analysisWeeks: weeks('de termijn voor de analyse'),
  outreachWeeks: weeks('de termijn voor eropaf'),
  /** Optional, like the letterhead below: a client that leaves them out keeps what is saved. */
  evaluationWeeks: weeks('hoe vaak het team evalueert').optional(),
  postalAddress: z
    .string()
    .trim()
    .max(300, { error: 'Het adres mag niet langer zijn dan 300 tekens.' })
    .refine((v) => v.split(/\r?\n/).length <= 5, { error: 'Gebruik voor het adres ten hoogste 5 regels.' })
    .transform((v) => v || null)
    .nullable()
    .optional(),
  contactPhone: z
    .string()
    .trim()
    .max(30, { error: 'Het telefoonnummer mag niet langer zijn dan 30 tekens.' })
    .refine((v) => v === '' || /^[0-9+() -]{6,}$/.test(v), {
      error: 'Vul een telefoonnummer in met alleen cijfers, spaties, +, - of haakjes.',
    })
    .transform((v) => v || null)
    .nullable()
    .optional(),
  contactEmail: z
    .string()
    .trim()
    .max(200, { error: 'Het e-mailadres mag niet langer zijn dan 200 tekens.' })
    .refine((v) => v === '' || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v), {
      error: 'Vul een e-mailadres in zoals naam@voorbeeld.nl.',
    })
    .transform((v) => v || null)
    .nullable()
    .optional(),
  version: z.number({ error: 'De versie ontbreekt. Vernieuw de pagina.' }).int().min(1),
});
