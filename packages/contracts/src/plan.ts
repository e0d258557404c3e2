import { z } from 'zod';
import { attachmentUpload, LIFE_DOMAINS } from './intake';
import { isoDate, uuid } from './schemas';
import { analysisConclusionView } from './analysis';

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
/** An optional date where an empty field means "no date". */
const optionalDate = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim()))
  .pipe(isoDate.optional());
/** The optimistic-concurrency version of the plan version the client last saw. */
const versionField = z.number({ error: 'De versie van het plan ontbreekt. Vernieuw de pagina.' }).int().min(1);

// ---------- codes ----------
/** Life domains of a goal: every life domain a help question can be about — the ZRM 2017 domains plus parenting (labels `domain.<code>`). */
export const PLAN_DOMAINS = LIFE_DOMAINS;
/**
 * Who carries out an action, in the order of preference ("light before heavy", 003): what the resident can
 * do themselves, with aids, with family or informal carers, with the network or volunteers, then professionals.
 */
export const PERFORMERS = [
  'self',
  'self_with_aids',
  'family_or_informal_carer',
  'network_or_volunteers',
  'case_worker_or_team',
  'other_organisation',
] as const;
export type Performer = (typeof PERFORMERS)[number];
/** Performers on the household's side: the resident and their network. */
export const HOUSEHOLD_PERFORMERS: readonly Performer[] = [
  'self',
  'self_with_aids',
  'family_or_informal_carer',
  'network_or_volunteers',
];
export const ACTION_STATUSES = ['open', 'in_progress', 'done', 'stopped'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];
/** general = algemene/collectieve voorziening, group = groepsaanbod, tailored = maatwerk; suggested in this order. */
export const SERVICE_TYPES = ['general', 'group', 'tailored'] as const;
export type ServiceType = (typeof SERVICE_TYPES)[number];
/** Typed name on screen, uploaded signed paper, or verbal agreement recorded by the worker. */
export const AGREEMENT_FORMS = ['typed_signature', 'signed_paper', 'verbal'] as const;
/** case = casusregie by the team; process = procesregie by a municipal consultant. */
export const COORDINATIONS = ['case', 'process'] as const;
export const RESIDENT_PLAN_KINDS = ['family_group_plan', 'personal_plan'] as const;
export const PLAN_VERSION_STATUSES = ['draft', 'agreed', 'superseded'] as const;
export const PLAN_WARNINGS = [
  'goal_without_actions',
  'action_without_performer',
  'action_without_date',
  'not_agreed_after_analysis',
  'all_professional',
] as const;
export type PlanWarningCode = (typeof PLAN_WARNINGS)[number];

// ---------- requests ----------
export const startPlanInput = z.object({ startsOn: isoDate });

export const planGoalInput = z.object({
  version: versionField,
  domain: z.enum(PLAN_DOMAINS, { error: 'Kies het leefgebied.' }),
  problem: text(2000, 'het probleem, in de woorden van het huishouden'),
  goal: text(1000, 'het doel'),
  intendedResult: optional(1000),
  solutions: optional(2000),
  fromResidentPlan: z.boolean().default(false),
});

export const planActionInput = z
  .object({
    version: versionField,
    description: text(1000, 'wat er gaat gebeuren'),
    performer: z.enum(PERFORMERS, { error: 'Kies wie het doet.' }).optional(),
    performerName: optional(200),
    serviceId: z
      .string()
      .optional()
      .transform((v) => (v ? v : undefined))
      .pipe(uuid.optional()),
    dueOn: optionalDate,
    status: z.enum(ACTION_STATUSES, { error: 'Kies de stand van zaken.' }).default('open'),
    progressNote: optional(2000),
  })
  .superRefine((a, ctx) => {
    if (a.performer === 'other_organisation' && !a.serviceId && !a.performerName) {
      ctx.addIssue({
        code: 'custom',
        path: ['serviceId'],
        message: 'Kies een voorziening uit de sociale kaart of vul de organisatie in.',
      });
    }
  });

export const actionProgressInput = z.object({
  version: versionField,
  status: z.enum(ACTION_STATUSES, { error: 'Kies de stand van zaken.' }),
  progressNote: optional(2000),
});

export const coordinationInput = z.object({
  version: versionField,
  coordination: z.enum(COORDINATIONS, { error: 'Kies wie de regie heeft.' }),
  coordinatorName: optional(200),
  coordinatorContact: optional(200),
});

export const planPartyInput = z.object({
  version: versionField,
  name: text(200, 'de naam'),
  organisation: optional(200),
  part: text(1000, 'wat deze partij doet'),
  place: optional(200),
  timing: optional(200),
});

export const residentPlanInput = z.object({
  version: versionField,
  kind: z.enum(RESIDENT_PLAN_KINDS, { error: 'Kies wat voor plan het is.' }),
  text: optional(20000),
  file: attachmentUpload.optional(),
  leading: z.boolean().default(false),
});

export const agreePlanInput = z
  .object({
    version: versionField,
    form: z.enum(AGREEMENT_FORMS, { error: 'Kies hoe het huishouden akkoord gaf.' }),
    agreedOn: isoDate.refine((v) => v <= new Date().toISOString().slice(0, 10), {
      error: 'Deze datum ligt in de toekomst.',
    }),
    /** Who agreed; with a typed signature the typed name is the signer's name and this may be left out (asked once). */
    agreedByName: optional(200),
    typedSignature: optional(200),
    signedPaper: attachmentUpload.optional(),
    note: optional(1000),
  })
  .superRefine((a, ctx) => {
    if (a.form === 'typed_signature' && !a.typedSignature)
      ctx.addIssue({
        code: 'custom',
        path: ['typedSignature'],
        message: 'Laat het huishouden de naam typen als handtekening.',
      });
    if (a.form !== 'typed_signature' && !a.agreedByName)
      ctx.addIssue({ code: 'custom', path: ['agreedByName'], message: 'Vul wie akkoord gaf in.' });
    if (a.form === 'signed_paper' && !a.signedPaper)
      ctx.addIssue({
        code: 'custom',
        path: ['signedPaper'],
        message: 'Voeg het ondertekende plan toe (PDF, PNG of JPEG).',
      });
  })
  .transform((a) => ({ ...a, agreedByName: a.agreedByName ?? a.typedSignature ?? '' }));

export const revisePlanInput = z.object({ version: versionField, reason: text(2000, 'de reden van de wijziging') });

// ---------- views ----------
export const serviceSummary = z.object({
  id: z.string(),
  organisation: z.string(),
  name: z.string(),
  type: z.enum(SERVICE_TYPES),
  phone: z.string().nullable(),
  email: z.string().nullable(),
});

export const planActionView = z.object({
  id: z.string(),
  description: z.string(),
  performer: z.enum(PERFORMERS).nullable(),
  performerName: z.string().nullable(),
  service: serviceSummary.nullable(),
  dueOn: z.string().nullable(),
  status: z.enum(ACTION_STATUSES),
  progressNote: z.string().nullable(),
});
export const planBalance = z.object({ household: z.number(), professional: z.number(), unassigned: z.number() });
export const planGoalView = z.object({
  id: z.string(),
  domain: z.string(),
  zrmScore: z.number().nullable(),
  zrmAssessedOn: z.string().nullable(),
  problem: z.string(),
  goal: z.string(),
  intendedResult: z.string().nullable(),
  solutions: z.string().nullable(),
  fromResidentPlan: z.boolean(),
  balance: planBalance,
  actions: z.array(planActionView),
});
export const planFileView = z.object({
  id: z.string(),
  filename: z.string(),
  mediaType: z.string(),
  sizeBytes: z.number(),
});
export const planWarning = z.object({
  code: z.enum(PLAN_WARNINGS),
  goalId: z.string().nullable(),
  actionId: z.string().nullable(),
});
export const planVersionView = z.object({
  number: z.number(),
  status: z.enum(PLAN_VERSION_STATUSES),
  version: z.number(),
  startsOn: z.string(),
  changeReason: z.string().nullable(),
  createdAt: z.string(),
  createdByName: z.string(),
  coordination: z.enum(COORDINATIONS).nullable(),
  coordinatorName: z.string().nullable(),
  coordinatorContact: z.string().nullable(),
  residentPlan: z
    .object({
      kind: z.enum(RESIDENT_PLAN_KINDS),
      text: z.string().nullable(),
      leading: z.boolean(),
      file: planFileView.nullable(),
    })
    .nullable(),
  agreement: z
    .object({
      form: z.enum(AGREEMENT_FORMS),
      agreedOn: z.string(),
      agreedByName: z.string(),
      typedSignature: z.string().nullable(),
      note: z.string().nullable(),
      recordedByName: z.string(),
      signedPaper: planFileView.nullable(),
    })
    .nullable(),
  document: planFileView.nullable(),
  goals: z.array(planGoalView),
  parties: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      organisation: z.string().nullable(),
      part: z.string(),
      place: z.string().nullable(),
      timing: z.string().nullable(),
    }),
  ),
  balance: planBalance,
  warnings: z.array(planWarning),
});
export type PlanVersionView = z.infer<typeof planVersionView>;

export const planPageView = z.object({
  caseId: z.string(),
  householdName: z.string(),
  teamName: z.string(),
  caseWorker: z.object({ name: z.string(), email: z.string().nullable() }),
  analysisDeadline: z.string().nullable(),
  hasMinors: z.boolean(),
  childSafetyAssessed: z.boolean(),
  latestZrm: z.array(z.object({ domain: z.string(), score: z.number(), assessedOn: z.string() })),
  participation: z.object({ personName: z.string(), rung: z.number(), measuredOn: z.string() }).nullable(),
  /** The analysis' conclusion (issue #22 item 6), shown above the plan. */
  analysisConclusion: analysisConclusionView.nullable().optional(),
  plan: z
    .object({
      id: z.string(),
      versions: z.array(
        z.object({
          number: z.number(),
          status: z.enum(PLAN_VERSION_STATUSES),
          startsOn: z.string(),
          changeReason: z.string().nullable(),
          agreedOn: z.string().nullable(),
          createdAt: z.string(),
        }),
      ),
      current: planVersionView,
    })
    .nullable(),
});
export type PlanPageView = z.infer<typeof planPageView>;

export const serviceSuggestions = z.object({
  domain: z.string(),
  services: z.array(serviceSummary.extend({ description: z.string().nullable(), area: z.string().nullable() })),
});

// ---------- service catalogue ----------
const optionalEmail = z
  .string()
  .trim()
  .max(200)
  .optional()
  .transform((v) => (v ? v : undefined))
  .pipe(z.email({ error: 'Vul een geldig e-mailadres in.' }).optional());
export const serviceInput = z.object({
  organisation: text(200, 'de organisatie'),
  name: text(200, 'de naam van de voorziening'),
  description: optional(2000),
  domains: z
    .array(z.enum(PLAN_DOMAINS, { error: 'Onbekend leefgebied.' }))
    .min(1, { error: 'Kies ten minste één leefgebied.' }),
  type: z.enum(SERVICE_TYPES, { error: 'Kies het soort voorziening.' }),
  area: optional(200),
  phone: optional(40),
  email: optionalEmail,
  website: optional(300),
  active: z.boolean().default(true),
});
export const serviceUpdateInput = serviceInput.extend({ version: versionField });
export const serviceView = z.object({
  id: z.string(),
  organisation: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  domains: z.array(z.string()),
  type: z.enum(SERVICE_TYPES),
  area: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  website: z.string().nullable(),
  active: z.boolean(),
  version: z.number(),
});
export type ServiceView = z.infer<typeof serviceView>;
export const serviceCatalogueImport = z.object({
  csv: z
    .string()
    .min(1, { error: 'Plak de CSV of kies een bestand.' })
    .max(1_000_000, { error: 'Het bestand is te groot (hoogstens 1 MB).' }),
});
/** Columns of the catalogue CSV (export and import), in this order; `domains` separated by `|`. */
export const SERVICE_CSV_COLUMNS = [
  'id',
  'organisation',
  'name',
  'description',
  'domains',
  'type',
  'area',
  'phone',
  'email',
  'website',
  'active',
] as const;
/**
 * The Dutch column headers of the catalogue CSV (the export writes them; the import reads them, and the English column
 * names above as well, so older files still load).
 */
export const SERVICE_CSV_HEADERS: Readonly<Record<(typeof SERVICE_CSV_COLUMNS)[number], string>> = {
  id: 'Nummer (niet wijzigen)',
  organisation: 'Organisatie',
  name: 'Voorziening',
  description: 'Omschrijving',
  domains: 'Leefgebieden',
  type: 'Soort',
  area: 'Gebied',
  phone: 'Telefoon',
  email: 'E-mail',
  website: 'Website',
  active: 'Actief',
};
/** The kinds of service in Dutch: in the catalogue CSV and the management information. */
export const SERVICE_TYPE_LABELS: Readonly<Record<ServiceType, string>> = {
  general: 'Algemene (collectieve) voorziening',
  group: 'Groepsaanbod',
  tailored: 'Maatwerkvoorziening',
};
/** The life domains by their ZRM names, as staff screens show them (residents get `PLAIN_DOMAIN_LABELS`). */
export const LIFE_DOMAIN_LABELS: Readonly<Record<(typeof LIFE_DOMAINS)[number], string>> = {
  finances: 'Financiën',
  work_education: 'Werk & opleiding',
  time_use: 'Tijdsbesteding',
  housing: 'Huisvesting',
  domestic_relations: 'Huiselijke relaties',
  parenting: 'Opvoeding',
  mental_health: 'Geestelijke gezondheid',
  physical_health: 'Lichamelijke gezondheid',
  substance_use: 'Middelengebruik',
  basic_adl: 'Basale ADL',
  instrumental_adl: 'Instrumentele ADL',
  social_network: 'Sociaal netwerk',
  community_participation: 'Maatschappelijke participatie',
  justice: 'Justitie',
};
