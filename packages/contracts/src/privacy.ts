// Contracts of the privacy officer's access-log viewer and of emergency access ("break the glass").
// Owned by the emergency-access / log-viewer work (issue #7 items 2–4); AVG rights live in ./avg-rights.ts.
import { z } from 'zod';
import { isoDate, personSummary, uuid } from './schemas';

/** Emergency access lasts at most this many hours (default the same). */
export const EMERGENCY_MAX_HOURS = 8;
export const EMERGENCY_REASON_MIN = 15;

/** Empty query-string values mean "no filter". */
const optional = <T extends z.ZodType<unknown, string>>(schema: T) =>
  z
    .string()
    .optional()
    .transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim()))
    .pipe(schema.optional());

// ---------- emergency access ("break the glass") ----------
export const emergencyAccessInput = z.object({
  reason: z
    .string({ error: 'Geef de reden voor de noodtoegang.' })
    .trim()
    .min(EMERGENCY_REASON_MIN, {
      error: `Beschrijf de reden in ten minste ${EMERGENCY_REASON_MIN} tekens: waarom heeft u het dossier nu nodig?`,
    })
    .max(1000, { error: 'Maximaal 1000 tekens.' }),
  hours: z
    .number({ error: 'Kies hoe lang u de noodtoegang nodig heeft.' })
    .int({ error: 'Kies een heel aantal uren.' })
    .min(1, { error: 'Noodtoegang duurt ten minste 1 uur.' })
    .max(EMERGENCY_MAX_HOURS, { error: `Noodtoegang duurt maximaal ${EMERGENCY_MAX_HOURS} uur.` })
    .default(EMERGENCY_MAX_HOURS),
});
export type EmergencyAccessInput = z.input<typeof emergencyAccessInput>;

export const emergencyAccessGrant = z.object({
  id: z.string(),
  caseId: z.string(),
  reason: z.string(),
  startsAt: z.string(),
  expiresAt: z.string(),
});
export type EmergencyAccessGrant = z.infer<typeof emergencyAccessGrant>;
export const myEmergencyAccess = z.object({ active: emergencyAccessGrant.nullable() });

/** One emergency access in the privacy officer's daily overview. */
export const emergencyAccessView = z.object({
  id: z.string(),
  userId: z.string(),
  userName: z.string(),
  roleLabels: z.array(z.string()),
  caseId: z.string(),
  caseReference: z.string().nullable(),
  teamName: z.string(),
  reason: z.string(),
  startsAt: z.string(),
  expiresAt: z.string(),
  endedAt: z.string().nullable(),
  /** How many access-log rows were written under this emergency access. */
  accessCount: z.number(),
  review: z.object({ at: z.string(), byName: z.string(), note: z.string() }).nullable(),
  version: z.number(),
});
export type EmergencyAccessView = z.infer<typeof emergencyAccessView>;

export const emergencyOverviewQuery = z.object({ datum: optional(isoDate) });
export const emergencyOverview = z.object({
  date: z.string(),
  /** The last 14 days with emergency accesses, newest first, for navigation. */
  days: z.array(z.object({ date: z.string(), count: z.number(), unreviewed: z.number() })),
  accesses: z.array(emergencyAccessView),
});
export type EmergencyOverview = z.infer<typeof emergencyOverview>;

export const reviewEmergencyAccessInput = z.object({
  note: z
    .string({ error: 'Schrijf uw beoordeling op.' })
    .trim()
    .min(1, { error: 'Schrijf uw beoordeling op.' })
    .max(1000, { error: 'Maximaal 1000 tekens.' }),
  version: z.number({ error: 'De versie ontbreekt. Vernieuw de pagina.' }).int().min(1),
});
export type ReviewEmergencyAccessInput = z.infer<typeof reviewEmergencyAccessInput>;

// ---------- access-log viewer ----------
export const ACCESS_ACTIONS = [
  'read',
  'search',
  'create',
  'update',
  'delete',
  'export',
  'print',
  'login',
  'logout',
] as const;
export const ACCESS_LOG_PAGE_SIZE = 50;

export const accessLogQuery = z
  .object({
    userId: optional(uuid),
    personId: optional(uuid),
    from: optional(isoDate),
    to: optional(isoDate),
    action: optional(z.enum(ACCESS_ACTIONS, { error: 'Kies een soort handeling uit de lijst.' })),
    emergency: optional(z.enum(['true'], { error: 'Ongeldige keuze.' })),
    outcome: optional(z.enum(['allowed', 'denied'], { error: 'Ongeldige keuze.' })),
    page: z.coerce.number().int().min(1).max(100_000).default(1),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { path: ['to'], error: 'De einddatum ligt vóór de begindatum.' });
export type AccessLogQuery = z.input<typeof accessLogQuery>;

export const accessLogRow = z.object({
  id: z.number(),
  /** Place in the hash chain; null while the row is not sealed yet (ADR 0045). */
  seq: z.number().nullable(),
  at: z.string(),
  userId: z.string().nullable(),
  userName: z.string().nullable(),
  roleLabel: z.string().nullable(),
  teamName: z.string().nullable(),
  action: z.string(),
  event: z.string(),
  description: z.string(),
  personId: z.string().nullable(),
  personName: z.string().nullable(),
  caseId: z.string().nullable(),
  caseReference: z.string().nullable(),
  dataCategory: z.string(),
  basis: z.string(),
  emergency: z.boolean(),
  outcome: z.enum(['allowed', 'denied']),
  ip: z.string().nullable(),
});
export type AccessLogRow = z.infer<typeof accessLogRow>;

export const accessLogPage = z.object({
  rows: z.array(accessLogRow),
  page: z.number(),
  pageSize: z.number(),
  total: z.number(),
  /** The client of the person filter, so the page can name them. */
  person: personSummary.nullable(),
  /** Rows not sealed into the hash chain yet (ADR 0045); `stale` of them older than a minute: a warning. */
  sealing: z.object({ unsealed: z.number(), stale: z.number(), oldestAt: z.string().nullable() }),
});
export type AccessLogPage = z.infer<typeof accessLogPage>;

export const accessLogFilterOptions = z.object({
  users: z.array(z.object({ id: z.string(), name: z.string(), roleLabels: z.array(z.string()), active: z.boolean() })),
});
export type AccessLogFilterOptions = z.infer<typeof accessLogFilterOptions>;

export const clientSearchQuery = z
  .object({
    name: z.string().trim().max(100).optional(),
    dateOfBirth: optional(isoDate),
    bsn: optional(
      z
        .string()
        .trim()
        .regex(/^\d{8,9}$/, { error: 'Een BSN heeft 9 cijfers.' }),
    ),
  })
  .refine((q) => (q.name && q.name.length >= 2) || q.dateOfBirth || q.bsn, {
    error: 'Zoek op ten minste twee letters van de naam, een geboortedatum of een BSN.',
  });
export const clientSearchResponse = z.object({ results: z.array(personSummary), truncated: z.boolean() });

/** The per-client overview in plain Dutch: who looked at or changed what, when, in which role, under which basis. */
export const personAccessOverviewQuery = z
  .object({ from: optional(isoDate), to: optional(isoDate) })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { path: ['to'], error: 'De einddatum ligt vóór de begindatum.' });
export const personAccessEntry = z.object({
  at: z.string(),
  who: z.string(),
  organisation: z.string(),
  role: z.string(),
  description: z.string(),
  basis: z.string(),
  emergency: z.boolean(),
  denied: z.boolean(),
});
export type PersonAccessEntry = z.infer<typeof personAccessEntry>;
export const personAccessOverview = z.object({
  person: z.object({ id: z.string(), fullName: z.string(), dateOfBirth: z.string().nullable() }),
  from: z.string(),
  to: z.string(),
  entries: z.array(personAccessEntry),
  /** Shown entries are capped; true when there were more. */
  truncated: z.boolean(),
});
export type PersonAccessOverview = z.infer<typeof personAccessOverview>;

export const chainVerification = z.object({
  intact: z.boolean(),
  checked: z.number(),
  headSeq: z.number(),
  headHash: z.string(),
  verifiedAt: z.string(),
  problem: z
    .object({
      kind: z.enum(['altered', 'deleted', 'reordered', 'inserted', 'rewritten']),
      seq: z.number(),
      message: z.string(),
    })
    .nullable(),
  /** Rows not in the chain yet after sealing, and those of them older than a minute (ADR 0045). */
  unsealed: z.number(),
  staleUnsealed: z.number(),
});
export type ChainVerification = z.infer<typeof chainVerification>;
