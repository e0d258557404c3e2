import { z } from 'zod';
import { isoDate, uuid } from './schemas';

const text = (max: number, what: string) =>
  z
    .string({ error: `Vul ${what} in.` })
    .trim()
    .min(1, { error: `Vul ${what} in.` })
    .max(max, { error: `Maximaal ${max} tekens.` });
const optional = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: `Maximaal ${max} tekens.` })
    .optional()
    .transform((v) => (v ? v : undefined));
const versionField = z.number({ error: 'De versie ontbreekt. Vernieuw de pagina.' }).int().min(1);
const yesNo = (question: string) => z.boolean({ error: `Beantwoord de vraag: ${question}` });

// ---------- legal basis and purpose per processing ----------
/** The legal basis of a case's processing. Consent is only a basis for support outside a statutory task. */
export const LEGAL_BASES = ['wmo_2015', 'jeugdwet', 'participatiewet', 'wgs', 'consent'] as const;
export type LegalBasisCode = (typeof LEGAL_BASES)[number];
export const STATUTORY_BASES = ['wmo_2015', 'jeugdwet', 'participatiewet', 'wgs'] as const;
export type StatutoryBasis = (typeof STATUTORY_BASES)[number];
/** What the team processes the data for; every purpose but voluntary support is a statutory task of the municipality. */
export const PROCESSING_PURPOSES = [
  'social_support',
  'youth_help',
  'work_and_income',
  'debt_help',
  'voluntary_support',
] as const;
export type ProcessingPurpose = (typeof PROCESSING_PURPOSES)[number];
/** The law that assigns each statutory purpose to the municipality. */
export const PURPOSE_LAW: Record<ProcessingPurpose, StatutoryBasis | null> = {
  social_support: 'wmo_2015',
  youth_help: 'jeugdwet',
  work_and_income: 'participatiewet',
  debt_help: 'wgs',
  voluntary_support: null,
};
const LAW_NAME: Record<StatutoryBasis, string> = {
  wmo_2015: 'de Wmo 2015',
  jeugdwet: 'de Jeugdwet',
  participatiewet: 'de Participatiewet',
  wgs: 'de Wet gemeentelijke schuldhulpverlening',
};

export interface BasisProblem {
  field: 'legalBases' | 'purposes';
  message: string;
}

/**
 * The rule "consent is never a substitute for a missing legal basis": a statutory purpose needs its law as the
 * basis, and consent alone is refused for it; consent can be the basis only of voluntary support outside a
 * statutory task, and only when the resident's consent is recorded on the case. Consent is not stacked on a law
 * for a statutory purpose either (withdrawing it would then seem to end a processing that goes on by law).
 */
export function processingBasisProblems(
  input: { legalBases: readonly LegalBasisCode[]; purposes: readonly ProcessingPurpose[] },
  consentRecorded: boolean | undefined,
): BasisProblem[] {
  const problems: BasisProblem[] = [];
  const bases = new Set(input.legalBases);
  const statutoryPurposes = input.purposes.filter((p) => PURPOSE_LAW[p] !== null);
  const missing = [
    ...new Set(
      statutoryPurposes
        .map((p) => PURPOSE_LAW[p])
        .filter((law): law is StatutoryBasis => law !== null && !bases.has(law)),
    ),
  ];
  if (missing.length > 0) {
    const names = missing.map((l) => LAW_NAME[l]).join(' en ');
    problems.push({
      field: 'legalBases',
      message:
        bases.has('consent') && !STATUTORY_BASES.some((b) => bases.has(b))
          ? `Toestemming is geen vervanging voor een wettelijke grondslag. Dit doel is een wettelijke taak van de gemeente; kies ${names} als grondslag.`
          : `Dit doel is een wettelijke taak van de gemeente; kies ${names} als grondslag.`,
    });
  }
  if (bases.has('consent') && !input.purposes.includes('voluntary_support')) {
    if (missing.length === 0)
      problems.push({
        field: 'legalBases',
        message:
          'Toestemming is hier geen grondslag: de verwerking gebeurt op grond van de wet. Toestemming om gegevens te delen legt u vast bij "Toestemming".',
      });
  }
  if (input.purposes.includes('voluntary_support') && !bases.has('consent'))
    problems.push({
      field: 'legalBases',
      message:
        'Vrijwillige ondersteuning buiten een wettelijke taak kan alleen met toestemming van de inwoner. Kies "Toestemming" als grondslag.',
    });
  if (bases.has('consent') && input.purposes.includes('voluntary_support') && consentRecorded === false)
    problems.push({
      field: 'legalBases',
      message:
        'Bij dit dossier is geen toestemming van de inwoner vastgelegd. Leg eerst de toestemming vast of kies een wettelijke grondslag.',
    });
  return problems;
}

export const recordProcessingInput = z
  .object({
    legalBases: z
      .array(z.enum(LEGAL_BASES, { error: 'Kies een grondslag uit de lijst.' }))
      .min(1, { error: 'Kies ten minste één grondslag.' }),
    purposes: z
      .array(z.enum(PROCESSING_PURPOSES, { error: 'Kies een doel uit de lijst.' }))
      .min(1, { error: 'Kies ten minste één doel.' }),
    purposeDescription: text(2000, 'waarvoor het team de gegevens gebruikt'),
    version: versionField,
  })
  .superRefine((v, ctx) => {
    for (const p of processingBasisProblems(v, undefined))
      ctx.addIssue({ code: 'custom', path: [p.field], message: p.message });
  });
export type RecordProcessingInput = z.input<typeof recordProcessingInput>;

// ---------- retention ----------
export const RETENTION_REGIMES = ['wmo', 'jeugdwet', 'participatiewet', 'wgs', 'other'] as const;
export type RetentionRegime = (typeof RETENTION_REGIMES)[number];

const years = (what: string) =>
  z.coerce
    .number({ error: `Vul de bewaartermijn voor ${what} in jaren in.` })
    .int({ error: 'Vul hele jaren in.' })
    .min(1, { error: 'Kies 1 tot en met 30 jaar.' })
    .max(30, { error: 'Kies 1 tot en met 30 jaar.' });
export const retentionSettingsInput = z.object({
  participatiewetYears: years('de Participatiewet'),
  wgsYears: years('schuldhulpverlening'),
  otherYears: years('overige ondersteuning'),
  version: z.number().int().min(0),
});
export const retentionSettingsView = z.object({
  participatiewetYears: z.number(),
  wgsYears: z.number(),
  otherYears: z.number(),
  version: z.number(),
});

export const caseRetentionView = z.object({
  regimes: z.array(z.enum(RETENTION_REGIMES)),
  /** The date from which the case may be destroyed; null while it is open under a regime that counts from closure. */
  destroyOn: z.string().nullable(),
  closedOn: z.string().nullable(),
  lastChangeOn: z.string(),
  postponedUntil: z.string().nullable(),
  postponeReason: z.string().nullable(),
});

export const dueCase = z.object({
  caseId: z.string(),
  reference: z.string().nullable(),
  teamName: z.string(),
  caseWorkerName: z.string(),
  phase: z.string(),
  regimes: z.array(z.enum(RETENTION_REGIMES)),
  closedOn: z.string().nullable(),
  lastChangeOn: z.string(),
  destroyOn: z.string(),
  postponedUntil: z.string().nullable(),
  postponeReason: z.string().nullable(),
});
export type DueCase = z.infer<typeof dueCase>;
export const destructionView = z.object({
  id: z.string(),
  subject: z.enum(['case', 'person']),
  caseReference: z.string().nullable(),
  teamName: z.string().nullable(),
  reason: z.enum(['retention', 'erasure']),
  requestReference: z.string().nullable(),
  regimes: z.array(z.string()),
  personsDestroyed: z.number(),
  rowsDestroyed: z.number(),
  destroyedByName: z.string(),
  destroyedAt: z.string(),
});
export const retentionOverview = z.object({
  today: z.string(),
  due: z.array(dueCase),
  postponed: z.array(dueCase),
  destroyed: z.array(destructionView),
  settings: retentionSettingsView,
});
export type RetentionOverview = z.infer<typeof retentionOverview>;
export const confirmDestructionInput = z.object({
  confirm: z.literal(true, { error: 'Bevestig dat u dit dossier definitief wilt vernietigen.' }),
});
export const postponeDestructionInput = z.object({
  until: isoDate,
  reason: text(1000, 'de reden om langer te bewaren'),
});

// ---------- the resident's own statement ----------
export const residentStatementView = z.object({
  id: z.string(),
  personName: z.string().nullable(),
  receivedOn: z.string(),
  statement: z.string(),
  recordedByName: z.string(),
  requestReference: z.string().nullable(),
});
export const addStatementInput = z.object({
  personId: uuid.optional(),
  receivedOn: isoDate,
  statement: text(10_000, 'de verklaring van de inwoner'),
});

// ---------- the case's privacy panel ----------
export const casePrivacyView = z.object({
  caseId: z.string(),
  version: z.number(),
  legalBases: z.array(z.enum(LEGAL_BASES)),
  purposes: z.array(z.enum(PROCESSING_PURPOSES)),
  purposeDescription: z.string().nullable(),
  recordedByName: z.string().nullable(),
  recordedAt: z.string().nullable(),
  consentRecorded: z.boolean(),
  members: z.array(z.object({ id: z.string(), name: z.string() })),
  retention: caseRetentionView,
  statements: z.array(residentStatementView),
});
export type CasePrivacyView = z.infer<typeof casePrivacyView>;

// ---------- the register of AVG requests ----------
export const AVG_REQUEST_KINDS = [
  'inspection',
  'correction',
  'erasure',
  'restriction',
  'objection',
  'statement',
] as const;
export type AvgRequestKind = (typeof AVG_REQUEST_KINDS)[number];
export const AVG_CHANNELS = ['letter', 'email', 'in_person', 'phone', 'portal', 'other'] as const;
export const AVG_STATUSES = ['received', 'in_progress', 'granted', 'partly_granted', 'refused', 'withdrawn'] as const;
export type AvgStatus = (typeof AVG_STATUSES)[number];
export const CLOSED_AVG_STATUSES: readonly AvgStatus[] = ['granted', 'partly_granted', 'refused', 'withdrawn'];
/** Categories of an inspection copy that need an explicit decision (third parties, shielded records, internal notes). */
export const INSPECTION_CATEGORIES = [
  'internal_notes',
  'meldcode',
  'network_persons',
  'other_household_members',
] as const;
export type InspectionCategory = (typeof INSPECTION_CATEGORIES)[number];
/** Person fields a correction can change directly; "other" is corrected in the case by its worker. */
export const CORRECTABLE_FIELDS = [
  'firstName',
  'infix',
  'lastName',
  'dateOfBirth',
  'street',
  'houseNumber',
  'houseNumberAddition',
  'postcode',
  'city',
  'phone',
  'email',
  'preferredLanguage',
  'other',
] as const;
export type CorrectableField = (typeof CORRECTABLE_FIELDS)[number];

export const registerAvgRequestInput = z.object({
  personId: uuid,
  kind: z.enum(AVG_REQUEST_KINDS, { error: 'Kies het soort verzoek.' }),
  channel: z.enum(AVG_CHANNELS, { error: 'Kies hoe het verzoek binnenkwam.' }),
  receivedOn: isoDate,
  description: text(1000, 'een korte omschrijving van het verzoek'),
  identityVerified: z.boolean().default(false),
});
export type RegisterAvgRequestInput = z.input<typeof registerAvgRequestInput>;

export const changeAvgStatusInput = z
  .object({
    status: z.enum(AVG_STATUSES, { error: 'Kies de status.' }),
    decisionNotes: optional(4000),
    version: versionField,
  })
  .superRefine((v, ctx) => {
    if (CLOSED_AVG_STATUSES.includes(v.status) && !v.decisionNotes)
      ctx.addIssue({
        code: 'custom',
        path: ['decisionNotes'],
        message: 'Leg het besluit en de motivering vast voordat u het verzoek afsluit.',
      });
  });
export const extendAvgRequestInput = z.object({
  extendedUntil: isoDate,
  reason: text(1000, 'de reden van de verlenging'),
  version: versionField,
});
export const inspectionDecisionInput = z.object({
  include: z.boolean({ error: 'Kies of u deze gegevens opneemt.' }),
  reason: text(1000, 'de reden van dit besluit'),
});
export const correctionInput = z.object({
  field: z.enum(CORRECTABLE_FIELDS, { error: 'Kies het gegeven dat wordt gecorrigeerd.' }),
  value: optional(200),
  note: text(2000, 'een toelichting op de correctie'),
});
export const requestStatementInput = addStatementInput.extend({ caseId: uuid });
export const erasureInput = z.object({
  retentionObligation: yesNo('geldt er een wettelijke bewaarplicht?'),
  legalClaim: yesNo('zijn de gegevens nodig voor een rechtsvordering?'),
  publicInterest: yesNo('is bewaren nodig in het algemeen belang?'),
  othersInterest: yesNo('is bewaren van aanmerkelijk belang voor een ander?'),
  exceptionNotes: z
    .string({ error: 'Leg de toets op de wettelijke uitzonderingen vast voordat u gegevens wist.' })
    .trim()
    .min(10, {
      error:
        'Leg de toets op de wettelijke uitzonderingen vast voordat u gegevens wist (ten minste een korte motivering).',
    })
    .max(4000, { error: 'Maximaal 4000 tekens.' }),
  confirm: z.literal(true, { error: 'Bevestig dat de gegevens definitief worden gewist.' }),
  version: versionField,
});
/**
 * What an erasure will do, listed before it is confirmed (and exactly what it then does): the case files,
 * referrals and households destroyed as a whole or kept (with how many other persons are part of them), the
 * subject's own rows that go inside the kept cases, the rows destroyed per table, and what is pseudonymised or
 * cut loose instead ("table" or "table.column" → count). ADR 0028.
 */
export const erasurePreview = z.object({
  /** deleted: the person row goes; pseudonymised: it stays as "Verwijderde persoon" because a kept record refers to it. */
  person: z.enum(['deleted', 'pseudonymised']),
  /** The references of the kept case files whose primary person the subject was (why the row is pseudonymised). */
  personKeptFor: z.array(z.string().nullable()),
  cases: z.array(
    z.object({
      caseId: z.string(),
      reference: z.string().nullable(),
      teamName: z.string(),
      outcome: z.enum(['destroyed', 'kept']),
      /** Other persons part of the case (household members, persons on its referral, persons with records in it). */
      others: z.number(),
      /** Destroyed: every row of the case per table; kept: the subject's own rows in it per table. */
      subjectRows: z.record(z.string(), z.number()),
    }),
  ),
  referrals: z.array(
    z.object({
      referralId: z.string(),
      reference: z.string(),
      outcome: z.enum(['destroyed', 'kept']),
      others: z.number(),
    }),
  ),
  households: z.array(
    z.object({ householdId: z.string(), outcome: z.enum(['destroyed', 'kept']), others: z.number() }),
  ),
  destroyed: z.record(z.string(), z.number()),
  pseudonymised: z.record(z.string(), z.number()),
});
export type ErasurePreview = z.infer<typeof erasurePreview>;

export const privacyPersonLookup = z
  .object({
    name: z.string().trim().max(100).optional(),
    dateOfBirth: z
      .string()
      .optional()
      .transform((v) => (v?.trim() ? v.trim() : undefined))
      .pipe(isoDate.optional()),
  })
  .refine((q) => (q.name && q.name.length >= 2) || q.dateOfBirth, {
    error: 'Zoek op ten minste twee letters van de naam of op de geboortedatum.',
  });

export const avgRequestSummary = z.object({
  id: z.string(),
  reference: z.string(),
  kind: z.enum(AVG_REQUEST_KINDS),
  personName: z.string().nullable(),
  receivedOn: z.string(),
  deadline: z.string(),
  extendedUntil: z.string().nullable(),
  /** The deadline that applies now: the extended one when extended. */
  dueOn: z.string(),
  status: z.enum(AVG_STATUSES),
  overdue: z.boolean(),
  daysLeft: z.number(),
  handledByName: z.string().nullable(),
});
export type AvgRequestSummary = z.infer<typeof avgRequestSummary>;
export const avgRequestList = z.object({ today: z.string(), requests: z.array(avgRequestSummary) });

export const avgRequestView = avgRequestSummary.extend({
  version: z.number(),
  channel: z.enum(AVG_CHANNELS),
  description: z.string(),
  identityVerified: z.boolean(),
  extensionReason: z.string().nullable(),
  /** The latest date an extension may reach: three months after receipt. */
  latestExtension: z.string(),
  /** Whether an extension is still possible (only within the first month). */
  canExtend: z.boolean(),
  decisionNotes: z.string().nullable(),
  completedOn: z.string().nullable(),
  person: z
    .object({ id: z.string(), name: z.string(), dateOfBirth: z.string().nullable(), version: z.number() })
    .nullable(),
  cases: z.array(
    z.object({ id: z.string(), reference: z.string().nullable(), teamName: z.string(), phase: z.string() }),
  ),
  decisions: z.array(
    z.object({
      category: z.enum(INSPECTION_CATEGORIES),
      include: z.boolean(),
      reason: z.string(),
      decidedByName: z.string(),
      decidedAt: z.string(),
    }),
  ),
  copyGeneratedAt: z.string().nullable(),
  corrections: z.array(
    z.object({
      id: z.string(),
      field: z.enum(CORRECTABLE_FIELDS),
      note: z.string(),
      applied: z.boolean(),
      recordedByName: z.string(),
      recordedAt: z.string(),
    }),
  ),
  statements: z.array(residentStatementView),
  exceptionCheck: z
    .object({
      retentionObligation: z.boolean(),
      legalClaim: z.boolean(),
      publicInterest: z.boolean(),
      othersInterest: z.boolean(),
      notes: z.string(),
      checkedByName: z.string(),
      checkedAt: z.string(),
    })
    .nullable(),
  erasedAt: z.string().nullable(),
});
export type AvgRequestView = z.infer<typeof avgRequestView>;
