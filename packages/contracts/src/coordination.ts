/**
 * Team meetings and coordination during execution (issue #6 items 3, 4 and 8): the case review meeting
 * (casuïstiekoverleg), consultations with the behavioural scientist, agreed actions of involved parties, warm
 * handover and tandem construction, scaling up or down with the schakeloverleg, and signals to policy.
 */
import { z } from 'zod';
import { LIFE_DOMAINS } from './intake';
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
    .nullable()
    .transform((v) => (v ? v : undefined));
/** An optional date where an empty field means "no date". */
const optionalDate = z
  .string()
  .optional()
  .nullable()
  .transform((v) => (v === undefined || v === null || v.trim() === '' ? undefined : v.trim()))
  .pipe(isoDate.optional());
const requiredDate = (what: string) =>
  z
    .string({ error: `Vul ${what} in.` })
    .trim()
    .min(1, { error: `Vul ${what} in.` })
    .pipe(isoDate);
/** The optimistic-concurrency version of the record the client last saw. */
const versionField = z.number({ error: 'De versie ontbreekt. Vernieuw de pagina.' }).int().min(1);

// ---------- codes (labels: `coordination.<group>.<code>` in the web app) ----------
/** Why a worker brings a case to the case review meeting; `closure` when "Gaat er iets mis als ik eruit stap?" is not a clear no. */
export const CASE_REVIEW_QUESTION_KINDS = [
  'scale_up',
  'scale_down',
  'method',
  'stagnation',
  'peer_review',
  'closure',
  'other',
] as const;
export type CaseReviewQuestionKind = (typeof CASE_REVIEW_QUESTION_KINDS)[number];
export const AGREED_ACTION_STATUSES = ['open', 'in_progress', 'done', 'not_done'] as const;
export type AgreedActionStatus = (typeof AGREED_ACTION_STATUSES)[number];
/** warm_handover = warme overdracht; tandem_construction = the team stays case manager while the organisation provides care. */
export const CARE_TRANSFER_KINDS = ['warm_handover', 'tandem_construction'] as const;
export const SCALING_DIRECTIONS = ['up', 'down'] as const;
/** The framework decided in a schakeloverleg with the Child Protection Board: help continues voluntarily or under a court order. */
export const PROTECTION_FRAMEWORKS = ['voluntary', 'compulsory'] as const;
export const POLICY_SIGNAL_KINDS = ['service_gap', 'law_gap', 'cooperation', 'other'] as const;

// ---------- requests ----------
export const planCaseReviewRequest = z.object({
  teamId: uuid,
  date: requiredDate('de datum van het overleg'),
});

export const caseReviewItemInput = z.object({
  /** Without a meeting: the next planned case review meeting of the case's team. */
  meetingId: z
    .string()
    .optional()
    .nullable()
    .transform((v) => (v ? v : undefined))
    .pipe(uuid.optional()),
  questionKind: z.enum(CASE_REVIEW_QUESTION_KINDS, { error: 'Kies waar de vraag over gaat.' }),
  question: text(1000, 'uw vraag aan het overleg'),
});

/** The meeting's decision on a closure question ("Gaat er iets mis als ik eruit stap?" answered "ja"): close, or continue. */
export const CLOSURE_REVIEW_DECISIONS = ['close', 'continue'] as const;
export type ClosureReviewDecision = (typeof CLOSURE_REVIEW_DECISIONS)[number];

export const caseReviewOutcomeInput = z.object({
  version: versionField,
  advice: text(4000, 'het advies of besluit'),
  agreements: optional(2000),
  agreementsBy: optional(300),
  /** Required on an agenda item about closure (question kind `closure`); ignored on others. */
  closureDecision: z
    .enum(CLOSURE_REVIEW_DECISIONS, { error: 'Kies het besluit: afsluiten of de begeleiding voortzetten.' })
    .optional(),
});

export const consultationRequestInput = z.object({
  scientistId: z.uuid({ error: 'Kies de gedragswetenschapper.' }),
  question: text(2000, 'uw vraag aan de gedragswetenschapper'),
});

export const consultationAdviceInput = z.object({
  version: versionField,
  advice: text(4000, 'het advies'),
  advisedOn: requiredDate('de datum van het advies'),
});

export const agreedActionInput = z.object({
  party: text(200, 'de partij (organisatie of persoon)'),
  action: text(1000, 'wat de partij heeft toegezegd'),
  dueOn: optionalDate,
  status: z.enum(AGREED_ACTION_STATUSES, { error: 'Kies de stand van zaken.' }).default('open'),
  note: optional(1000),
});

export const agreedActionUpdateInput = agreedActionInput.extend({
  version: versionField,
  lastCheckedOn: optionalDate,
});

export const careTransferInput = z
  .object({
    kind: z.enum(CARE_TRANSFER_KINDS, { error: 'Kies warme overdracht of tandemconstructie.' }),
    organisation: text(200, 'de organisatie'),
    what: text(1000, 'wat er wordt overgedragen of welke zorg de organisatie biedt'),
    onDate: requiredDate('de datum'),
    warmMeetingHeld: z.boolean().optional().nullable(),
    contact: optional(200),
  })
  .superRefine((v, ctx) => {
    if (v.kind === 'warm_handover' && (v.warmMeetingHeld === undefined || v.warmMeetingHeld === null)) {
      ctx.addIssue({
        code: 'custom',
        path: ['warmMeetingHeld'],
        message: 'Geef aan of er een warm overdrachtsgesprek is geweest.',
      });
    }
  });

export const endCareTransferInput = z.object({ version: versionField, endedOn: requiredDate('de einddatum') });

export const tandemWorkerInput = z.object({
  /** The case file's version (concurrency with other changes of the case). */
  version: versionField,
  /** null removes the tandem worker. */
  tandemWorkerId: z.uuid({ error: 'Kies een werker.' }).nullable(),
});

export const scalingDecisionInput = z
  .object({
    direction: z.enum(SCALING_DIRECTIONS, { error: 'Kies opschalen of afschalen.' }),
    reason: text(2000, 'de reden'),
    toOrganisation: text(200, 'naar wie (organisatie)'),
    decidedOn: requiredDate('de datum van het besluit'),
    schakeloverleg: z.boolean().default(false),
    framework: z
      .enum(PROTECTION_FRAMEWORKS, { error: 'Kies het besloten kader: vrijwillig of gedwongen.' })
      .optional()
      .nullable(),
    schakeloverlegOn: optionalDate,
    participants: optional(500),
  })
  .superRefine((v, ctx) => {
    if (v.schakeloverleg && !v.framework)
      ctx.addIssue({
        code: 'custom',
        path: ['framework'],
        message: 'Kies het kader dat het schakeloverleg besloot: vrijwillig of gedwongen.',
      });
    if (v.schakeloverleg && !v.schakeloverlegOn)
      ctx.addIssue({ code: 'custom', path: ['schakeloverlegOn'], message: 'Vul de datum van het schakeloverleg in.' });
    if (v.schakeloverleg && v.direction !== 'up')
      ctx.addIssue({
        code: 'custom',
        path: ['direction'],
        message: 'Een schakeloverleg met de Raad voor de Kinderbescherming hoort bij opschalen.',
      });
    if (!v.schakeloverleg && v.framework)
      ctx.addIssue({
        code: 'custom',
        path: ['framework'],
        message: 'Een kader wordt alleen in een schakeloverleg besloten.',
      });
  });

export const policySignalInput = z.object({
  /** Without a team: the recorder's (first) team. */
  teamId: z
    .string()
    .optional()
    .nullable()
    .transform((v) => (v ? v : undefined))
    .pipe(uuid.optional()),
  kind: z.enum(POLICY_SIGNAL_KINDS, { error: 'Kies wat voor signaal het is.' }),
  lifeDomain: z.enum(LIFE_DOMAINS, { error: 'Kies het leefgebied.' }),
  description: text(2000, 'het signaal'),
  caseId: z
    .string()
    .optional()
    .nullable()
    .transform((v) => (v ? v : undefined))
    .pipe(uuid.optional()),
});

export const forwardSignalInput = z.object({ version: versionField });

// ---------- views ----------
const person = z.object({ id: z.string(), name: z.string() });

export const caseReviewOutcomeView = z.object({
  advice: z.string(),
  /** Only on an agenda item about closure. */
  closureDecision: z.enum(CLOSURE_REVIEW_DECISIONS).nullable().default(null),
  agreements: z.string().nullable(),
  agreementsBy: z.string().nullable(),
  recordedByName: z.string(),
  recordedAt: z.string(),
});

/** An agenda item as the meeting page shows it: the household name, question and outcome only to those who may see the case. */
export const caseReviewAgendaItem = z.object({
  id: z.string(),
  caseId: z.string(),
  reference: z.string().nullable(),
  contactPerson: z.string(),
  questionKind: z.enum(CASE_REVIEW_QUESTION_KINDS),
  /** False: the viewer is not on the case (need-to-know) and sees only the reference and the contact person. */
  visible: z.boolean(),
  householdName: z.string().nullable(),
  question: z.string().nullable(),
  requestedByName: z.string().nullable(),
  outcome: caseReviewOutcomeView.nullable(),
  canRecordOutcome: z.boolean(),
  version: z.number(),
});

export const caseReviewMeetingView = z.object({
  id: z.string(),
  teamId: z.string(),
  teamName: z.string(),
  date: z.string(),
  /** Today or later: cases can still be put on the agenda. */
  upcoming: z.boolean(),
  /** The meeting date has come: outcomes can be recorded. */
  held: z.boolean(),
  items: z.array(caseReviewAgendaItem),
});
export type CaseReviewMeetingView = z.infer<typeof caseReviewMeetingView>;

export const caseReviewMeetingList = z.object({
  meetings: z.array(
    z.object({
      id: z.string(),
      teamId: z.string(),
      teamName: z.string(),
      date: z.string(),
      itemCount: z.number(),
      outcomeCount: z.number(),
    }),
  ),
});
export type CaseReviewMeetingList = z.infer<typeof caseReviewMeetingList>;

export const caseReviewItemView = z.object({
  id: z.string(),
  meetingId: z.string(),
  meetingDate: z.string(),
  questionKind: z.enum(CASE_REVIEW_QUESTION_KINDS),
  question: z.string(),
  requestedByName: z.string(),
  requestedAt: z.string(),
  outcome: caseReviewOutcomeView.nullable(),
  version: z.number(),
});

export const consultationView = z.object({
  id: z.string(),
  scientist: person,
  question: z.string(),
  requestedByName: z.string(),
  requestedAt: z.string(),
  advice: z.string().nullable(),
  advisedOn: z.string().nullable(),
  /** The viewer is the consulted scientist and may record (or correct) the advice. */
  canAdvise: z.boolean(),
  version: z.number(),
});

export const agreedActionView = z.object({
  id: z.string(),
  party: z.string(),
  action: z.string(),
  dueOn: z.string().nullable(),
  status: z.enum(AGREED_ACTION_STATUSES),
  lastCheckedOn: z.string().nullable(),
  note: z.string().nullable(),
  /** Past its due date and not done: the coordinator follows up (or escalates). */
  overdue: z.boolean(),
  updatedByName: z.string(),
  version: z.number(),
});
export type AgreedActionView = z.infer<typeof agreedActionView>;

export const careTransferView = z.object({
  id: z.string(),
  kind: z.enum(CARE_TRANSFER_KINDS),
  organisation: z.string(),
  what: z.string(),
  onDate: z.string(),
  warmMeetingHeld: z.boolean().nullable(),
  contact: z.string().nullable(),
  endedOn: z.string().nullable(),
  recordedByName: z.string(),
  version: z.number(),
});

export const scalingDecisionView = z.object({
  id: z.string(),
  direction: z.enum(SCALING_DIRECTIONS),
  reason: z.string(),
  toOrganisation: z.string(),
  decidedOn: z.string(),
  schakeloverleg: z.boolean(),
  framework: z.enum(PROTECTION_FRAMEWORKS).nullable(),
  schakeloverlegOn: z.string().nullable(),
  participants: z.string().nullable(),
  recordedByName: z.string(),
});

/** Why a case gets another worker: the worker leaves, is ill, on leave; the workload of the team; a better match; something else. */
export const WORKER_CHANGE_REASONS = ['leaving', 'illness', 'leave', 'workload', 'match', 'other'] as const;
export type WorkerChangeReason = (typeof WORKER_CHANGE_REASONS)[number];
/** One change of contact person, as the case page shows it. */
export const contactPersonChangeView = z.object({
  changedAt: z.string(),
  previousWorker: person.nullable(),
  newWorker: person,
  reason: z.enum(WORKER_CHANGE_REASONS).nullable(),
  reasonNote: z.string().nullable(),
  handoverNote: z.string().nullable(),
  changedByName: z.string().nullable(),
  /** How the household was told: e-mail, Mijn Nabij, both, or not (no address and no account: the new worker's task says so). */
  householdTold: z.enum(['email', 'portal', 'email_and_portal', 'none']).nullable(),
});

/** Everything of team meetings and coordination on one case (the case page's sections "Overleg en advies" and "Coördinatie en opschaling"). */
export const caseCoordinationView = z.object({
  caseId: z.string(),
  caseVersion: z.number(),
  teamId: z.string(),
  /** The viewer is the case worker or the tandem partner (may put the case on the agenda). */
  isOnCase: z.boolean(),
  /** The viewer may change the coordination records (case workers and the team coordinator). */
  canWork: z.boolean(),
  /** The viewer is the coordinator of the case's team (may set the tandem worker). */
  canSetTandem: z.boolean(),
  reviewItems: z.array(caseReviewItemView),
  upcomingMeetings: z.array(z.object({ id: z.string(), date: z.string() })),
  consultations: z.array(consultationView),
  scientists: z.array(person),
  agreedActions: z.array(agreedActionView),
  transfers: z.array(careTransferView),
  scalingDecisions: z.array(scalingDecisionView),
  tandem: person.nullable(),
  /** Workers of the case's team who can be the tandem partner (only for the coordinator). */
  teamWorkers: z.array(person),
  /** The contact person (case worker) and the changes of contact person, newest first (issue #17 item 6). */
  caseWorker: person,
  contactPersonChanges: z.array(contactPersonChangeView),
  /** The viewer is the coordinator of the case's team (may change the contact person). */
  canChangeContactPerson: z.boolean(),
  /** Municipal consultants linked as process coordinator (procesregisseur), and the ones who can be linked (for the case's workers and coordinator). */
  processCoordinators: z.array(person),
  consultants: z.array(person),
});
export type CaseCoordinationView = z.infer<typeof caseCoordinationView>;

export const myConsultations = z.object({
  consultations: z.array(
    z.object({
      id: z.string(),
      caseId: z.string(),
      reference: z.string().nullable(),
      householdName: z.string().nullable(),
      teamName: z.string(),
      question: z.string(),
      requestedByName: z.string(),
      requestedAt: z.string(),
      advisedOn: z.string().nullable(),
    }),
  ),
});
export type MyConsultations = z.infer<typeof myConsultations>;

export const policySignalView = z.object({
  id: z.string(),
  teamName: z.string(),
  kind: z.enum(POLICY_SIGNAL_KINDS),
  lifeDomain: z.enum(LIFE_DOMAINS),
  description: z.string(),
  recordedOn: z.string(),
  forwardedOn: z.string().nullable(),
  /** Only for viewers who may see the case it came from; never for others (no drill-down). */
  case: z.object({ id: z.string(), reference: z.string().nullable() }).nullable(),
  canForward: z.boolean(),
  version: z.number(),
});
export type PolicySignalView = z.infer<typeof policySignalView>;

export const policySignalList = z.object({
  /** Counts per kind and life domain: the aggregate for the municipality. */
  summary: z.array(
    z.object({ kind: z.enum(POLICY_SIGNAL_KINDS), lifeDomain: z.enum(LIFE_DOMAINS), count: z.number() }),
  ),
  signals: z.array(policySignalView),
});
export type PolicySignalList = z.infer<typeof policySignalList>;

// ---------- staff changes (issue #17 item 6) and the process coordinator (item 8); ADR 0033 ----------
const workerChangeReason = z.enum(WORKER_CHANGE_REASONS, { error: 'Kies de reden van de wissel.' });
const otherNeedsNote = (v: { reason: WorkerChangeReason; reasonNote?: string | undefined }, ctx: z.RefinementCtx) => {
  if (v.reason === 'other' && !v.reasonNote)
    ctx.addIssue({ code: 'custom', path: ['reasonNote'], message: 'Leg kort uit waarom de contactpersoon wisselt.' });
};

/** A new contact person (case worker) for one case, with the warm-handover note; both workers and the household are told. */
export const contactPersonChangeInput = z
  .object({
    /** The case file's version (concurrency with other changes of the case). */
    version: versionField,
    caseWorkerId: z.uuid({ error: 'Kies de nieuwe contactpersoon.' }),
    reason: workerChangeReason,
    reasonNote: optional(1000),
    /** What the new contact person needs to know (warm handover); not shown to the household. */
    handoverNote: text(4000, 'de overdrachtsnotitie: wat moet de nieuwe contactpersoon weten?'),
  })
  .superRefine(otherNeedsNote);
export type ContactPersonChangeInput = z.input<typeof contactPersonChangeInput>;

/** Moving a worker's caseload: the coordinator picks cases and the new worker per case, in one go (all or nothing). */
export const caseloadMoveInput = z
  .object({
    fromWorkerId: z.uuid({ error: 'Kies de werker van wie de dossiers komen.' }),
    reason: workerChangeReason,
    reasonNote: optional(1000),
    /** One note for all moved cases (optional: the journal holds the case's story). */
    handoverNote: optional(4000),
    moves: z
      .array(
        z.object({
          caseId: uuid,
          version: versionField,
          /** The new worker; for a case where the worker was the tandem partner, null removes the tandem. */
          newWorkerId: uuid.nullable(),
        }),
      )
      .min(1, { error: 'Kies ten minste één dossier.' })
      .max(500, { error: 'Maximaal 500 dossiers tegelijk.' }),
  })
  .superRefine(otherNeedsNote);
export type CaseloadMoveInput = z.input<typeof caseloadMoveInput>;

/** The coordinator's screen "Dossiers overdragen": a worker's open cases and who can take them over. */
export const caseloadView = z.object({
  /** Workers of the coordinator's teams (also deactivated ones that still have open cases). */
  workers: z.array(z.object({ id: z.string(), name: z.string(), active: z.boolean(), openCases: z.number() })),
  worker: person.extend({ active: z.boolean() }).nullable(),
  cases: z.array(
    z.object({
      caseId: z.string(),
      version: z.number(),
      reference: z.string().nullable(),
      householdName: z.string().nullable(),
      phase: z.string(),
      teamId: z.string(),
      teamName: z.string(),
      /** The worker's role on the case: contact person or tandem partner. */
      role: z.enum(['case_worker', 'tandem']),
      /** The other worker on the case (the tandem partner, or the contact person). */
      otherWorker: person.nullable(),
    }),
  ),
  /** Per team of the listed cases: the active case workers who can take a case over. */
  candidates: z.array(z.object({ teamId: z.string(), workers: z.array(person) })),
});
export type CaseloadView = z.infer<typeof caseloadView>;
export const caseloadMoveResult = z.object({ moved: z.number(), view: caseloadView });

/** Linking or unlinking a municipal consultant as process coordinator (procesregisseur) of a case. */
export const processCoordinatorInput = z.object({
  version: versionField,
  userId: z.uuid({ error: 'Kies de consulent.' }),
});
