import { z } from 'zod';
import { isoDate, uuid } from './schemas';
import { householdLanguage } from './intake';

const text = (max: number, what: string) =>
  z
    .string()
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
/** A date that has happened (today at the latest). */
export const pastDate = isoDate.refine((v) => v <= new Date().toISOString().slice(0, 10), {
  error: 'Deze datum ligt in de toekomst.',
});

// ---------- ZRM ----------
/** Instruments and their domains; labels are `zrm.<domain>`. Criteria texts are not bundled (© GGD Amsterdam). */
export const ZRM_INSTRUMENTS = {
  zrm2017: [
    'finances',
    'work_education',
    'time_use',
    'housing',
    'domestic_relations',
    'mental_health',
    'physical_health',
    'substance_use',
    'basic_adl',
    'instrumental_adl',
    'social_network',
    'community_participation',
    'justice',
  ],
  zrm2013: [
    'finances',
    'daytime_activities',
    'housing',
    'domestic_relations',
    'mental_health',
    'physical_health',
    'addiction',
    'adl',
    'social_network',
    'community_participation',
    'justice',
  ],
} as const;
export type ZrmInstrument = keyof typeof ZRM_INSTRUMENTS;
export const zrmInstrument = z.enum(['zrm2017', 'zrm2013']);
export const ZRM_LEVELS = [1, 2, 3, 4, 5] as const;
export const ASSESSMENT_KINDS = ['start', 'interim', 'closing'] as const;

export const zrmScoreInput = z.object({
  domain: z.string().min(1),
  score: z
    .number({ error: 'Kies een niveau van 1 tot en met 5.' })
    .int()
    .min(1, { error: 'Kies een niveau van 1 tot en met 5.' })
    .max(5, { error: 'Kies een niveau van 1 tot en met 5.' }),
  note: optional(1000),
  /** Required when the domain lies outside the help question. */
  outOfScopeReason: optional(500),
});
export const recordZrmRequest = z
  .object({
    personId: uuid,
    instrument: zrmInstrument.default('zrm2017'),
    kind: z.enum(ASSESSMENT_KINDS),
    assessedOn: pastDate,
    scores: z.array(zrmScoreInput).min(1, { error: 'Scoor ten minste één leefgebied.' }).max(13),
    /** One reason for every scored domain outside the help question that has no reason of its own (asked once). */
    outOfScopeReason: optional(500),
  })
  .transform(({ outOfScopeReason, ...r }) => ({
    ...r,
    scores: r.scores.map((s) => ({ ...s, outOfScopeReason: s.outOfScopeReason ?? outOfScopeReason })),
  }));
export const zrmAssessmentView = z.object({
  id: z.string(),
  personId: z.string(),
  personName: z.string(),
  instrument: zrmInstrument,
  kind: z.enum(ASSESSMENT_KINDS),
  assessedOn: z.string(),
  recordedByName: z.string(),
  version: z.number(),
  scores: z.array(
    z.object({
      domain: z.string(),
      score: z.number(),
      note: z.string().nullable(),
      outOfScopeReason: z.string().nullable(),
    }),
  ),
});
export const zrmCriteriaImport = z.object({
  instrument: zrmInstrument,
  criteria: z
    .array(
      z.object({ domain: z.string(), level: z.number().int().min(1).max(5), text: text(2000, 'de criteriumtekst') }),
    )
    .min(1),
});

// ---------- participation ladder ----------
export const PARTICIPATION_RUNGS = [1, 2, 3, 4, 5, 6] as const;
export const recordParticipationRequest = z.object({
  personId: uuid,
  rung: z
    .number({ error: 'Kies een trede van 1 tot en met 6.' })
    .int()
    .min(1, { error: 'Kies een trede van 1 tot en met 6.' })
    .max(6, { error: 'Kies een trede van 1 tot en met 6.' }),
  measuredOn: pastDate,
  note: optional(1000),
});

// ---------- network ----------
export const NETWORK_RELATIONS = [
  'family',
  'friend',
  'neighbour',
  'volunteer',
  'informal_carer',
  'colleague',
  'other',
] as const;
export const NETWORK_QUALITIES = ['supportive', 'stressful', 'mixed'] as const;
export const CONTACT_FREQUENCIES = ['daily', 'weekly', 'monthly', 'rarely'] as const;
export const networkPersonInput = z.object({
  name: text(200, 'de naam'),
  relationType: z.enum(NETWORK_RELATIONS, { error: 'Kies de relatie.' }),
  relationNote: optional(200),
  quality: z.enum(NETWORK_QUALITIES, { error: 'Kies of het contact steunend, belastend of wisselend is.' }),
  contactFrequency: z.enum(CONTACT_FREQUENCIES, { error: 'Kies hoe vaak er contact is.' }),
  keyFigure: z.boolean().default(false),
  phone: optional(40),
});
export const professionalInput = z.object({
  organisation: text(200, 'de organisatie'),
  name: optional(200),
  role: optional(200),
  phone: optional(40),
  email: z
    .string()
    .trim()
    .max(200)
    .optional()
    .transform((v) => (v ? v : undefined))
    .pipe(z.email({ error: 'Vul een geldig e-mailadres in.' }).optional()),
});

// ---------- the analysis' conclusion (issue #22 item 6) ----------
/** Seed 000: the question behind the question, a working hypothesis, what keeps the problem going. Each optional. */
export const analysisConclusionInput = z.object({
  /** The version the worker started from: 0 when there is no conclusion yet (409 on a stale save). */
  version: z.number({ error: 'De versie ontbreekt.' }).int().min(0),
  questionBehind: optional(1000),
  workingHypothesis: optional(2000),
  sustainingFactors: optional(2000),
});
export const analysisConclusionView = z.object({
  version: z.number(),
  questionBehind: z.string().nullable(),
  workingHypothesis: z.string().nullable(),
  sustainingFactors: z.string().nullable(),
  recordedAt: z.string(),
  recordedByName: z.string(),
  /** Earlier saves, newest first: who changed it and when. */
  history: z.array(
    z.object({
      version: z.number(),
      questionBehind: z.string().nullable(),
      workingHypothesis: z.string().nullable(),
      sustainingFactors: z.string().nullable(),
      recordedAt: z.string(),
      recordedByName: z.string(),
    }),
  ),
});
export type AnalysisConclusionView = z.infer<typeof analysisConclusionView>;

// ---------- network meeting / family group conference (issue #22 item 7) ----------
export const NETWORK_MEETING_KINDS = ['network_meeting', 'family_group_conference', 'other'] as const;
export const NETWORK_MEETING_STATUSES = ['proposed', 'planned', 'held', 'plan_received', 'cancelled'] as const;
const networkMeetingFields = z.object({
  kind: z.enum(NETWORK_MEETING_KINDS, { error: 'Kies een netwerkberaad, een Eigen Kracht-conferentie of anders.' }),
  status: z.enum(NETWORK_MEETING_STATUSES, { error: 'Kies hoe ver het beraad is.' }),
  plannedOn: isoDate.optional(),
  heldOn: pastDate.optional(),
  planReceivedOn: pastDate.optional(),
  cancelReason: optional(1000),
  note: optional(2000),
  invitedNetworkPersonIds: z.array(uuid).max(100).default([]),
  invitedProfessionalIds: z.array(uuid).max(100).default([]),
});
type MeetingFields = z.infer<typeof networkMeetingFields>;
function checkMeeting(m: MeetingFields, ctx: z.RefinementCtx) {
  const need = (path: keyof MeetingFields, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
  if (m.status === 'planned' && !m.plannedOn) need('plannedOn', 'Vul de datum in waarop het beraad gepland is.');
  if ((m.status === 'held' || m.status === 'plan_received') && !m.heldOn)
    need('heldOn', 'Vul de datum in waarop het beraad is gehouden.');
  if (m.status === 'plan_received' && !m.planReceivedOn)
    need('planReceivedOn', 'Vul de datum in waarop het plan is ontvangen.');
  if (m.heldOn && m.planReceivedOn && m.planReceivedOn < m.heldOn)
    need('planReceivedOn', 'Het plan kan niet eerder ontvangen zijn dan het beraad is gehouden.');
  if (m.status === 'cancelled' && !m.cancelReason)
    need('cancelReason', 'Vul de reden in waarom het beraad niet doorgaat.');
}
export const networkMeetingInput = networkMeetingFields.superRefine(checkMeeting);
/** A correction or a next step: the whole record again, with the version it started from and why it changed. */
export const networkMeetingChange = networkMeetingFields
  .extend({
    version: z.number({ error: 'De versie ontbreekt.' }).int().min(1),
    changeReason: optional(1000),
  })
  .superRefine(checkMeeting);
export const networkMeetingView = z.object({
  id: z.string(),
  version: z.number(),
  kind: z.enum(NETWORK_MEETING_KINDS),
  status: z.enum(NETWORK_MEETING_STATUSES),
  plannedOn: z.string().nullable(),
  heldOn: z.string().nullable(),
  planReceivedOn: z.string().nullable(),
  cancelReason: z.string().nullable(),
  note: z.string().nullable(),
  invitedNetworkPersonIds: z.array(z.string()),
  invitedProfessionalIds: z.array(z.string()),
  /** The names of the invited, from the network and professionals of the case. */
  invitedNames: z.array(z.string()),
  updatedAt: z.string(),
  updatedByName: z.string(),
});
export type NetworkMeetingView = z.infer<typeof networkMeetingView>;

// ---------- child safety ----------
export const RISK_LEVELS = ['low', 'medium', 'high'] as const;
export const childSafetyInput = z.object({
  assessedOn: pastDate,
  signs: text(4000, 'de signalen (of dat er geen zijn)'),
  protectiveFactors: text(4000, 'de beschermende factoren'),
  riskLevel: z.enum(RISK_LEVELS, { error: 'Kies het risiconiveau.' }),
  actions: text(4000, 'de acties'),
});

// ---------- Meldcode ----------
export const meldcodeSignalInput = z.object({
  observedOn: pastDate,
  fact: text(2000, 'het feit: wat is gezien of gehoord'),
  source: text(200, 'de bron: wie zag of hoorde het'),
  interpretation: optional(2000),
});
export const meldcodeConsultationInput = z.object({
  consultedOn: pastDate,
  withWhom: text(200, 'met wie is overlegd'),
  advice: text(2000, 'het advies'),
});
export const meldcodeConversationInput = z
  .object({
    heldOn: pastDate.optional(),
    withWhom: optional(200),
    summary: optional(4000),
    reasonNotHeld: optional(2000),
  })
  .superRefine((c, ctx) => {
    if (!c.heldOn && !c.reasonNotHeld)
      ctx.addIssue({
        code: 'custom',
        path: ['reasonNotHeld'],
        message: 'Vul de datum van het gesprek in, of waarom er geen gesprek was.',
      });
    if (c.heldOn && (!c.withWhom || !c.summary))
      ctx.addIssue({
        code: 'custom',
        path: ['summary'],
        message: 'Vul in met wie is gesproken en wat de reactie was.',
      });
  });
export const meldcodeDecisionInput = z
  .object({
    suspicion: z.boolean(),
    acuteOrStructuralUnsafety: z.boolean().optional(),
    helpPossible: z.boolean().optional(),
    helpAccepted: z.boolean().optional(),
    resultsAchieved: z.boolean().optional(),
    weighing: text(4000, 'de weging: waarom komt u tot dit besluit'),
    reportToVeiligThuis: z.boolean(),
    provideOrOrganiseHelp: z.boolean(),
    consentAsked: z.boolean(),
    consentGiven: z.boolean().optional(),
    veiligThuisReportedOn: pastDate.optional(),
    veiligThuisReference: optional(100),
    followUpOn: isoDate.optional(),
  })
  .superRefine((d, ctx) => {
    if (d.suspicion && d.acuteOrStructuralUnsafety && !d.reportToVeiligThuis) {
      ctx.addIssue({
        code: 'custom',
        path: ['reportToVeiligThuis'],
        message: 'Bij acute of structurele onveiligheid is melden bij Veilig Thuis de norm.',
      });
    }
    if (d.reportToVeiligThuis && !d.followUpOn)
      ctx.addIssue({ code: 'custom', path: ['followUpOn'], message: 'Plan een datum om de melding op te volgen.' });
  });

// ---------- outreach and consent ----------
export const OUTREACH_WAYS = ['home_visit', 'phone', 'letter', 'via_network', 'other'] as const;
export const outreachAttemptInput = z.object({
  attemptedOn: pastDate,
  way: z.enum(OUTREACH_WAYS, { error: 'Kies hoe u contact zocht.' }),
  contactMade: z.boolean(),
  note: optional(1000),
});
export const CONSENT_FORMS = ['signed', 'email', 'verbal'] as const;
export const informationConsentInput = z.object({
  personId: uuid,
  recipient: text(200, 'aan wie gegevens gedeeld mogen worden'),
  scope: text(1000, 'welke gegevens (leefgebieden) gedeeld mogen worden'),
  form: z.enum(CONSENT_FORMS, { error: 'Kies hoe de toestemming is gegeven.' }),
  givenOn: pastDate,
  expiresOn: isoDate.optional(),
});

export const caseTimelineItem = z.object({
  at: z.string(),
  kind: z.string(),
  summary: z.string(),
  byName: z.string().nullable(),
});
export const caseOverview = z.object({
  id: z.string(),
  version: z.number(),
  reference: z.string().nullable(),
  teamName: z.string(),
  phase: z.string(),
  openedAt: z.string(),
  analysisDeadline: z.string().nullable(),
  analysisOverdue: z.boolean(),
  caseWorker: z.object({ id: z.string(), name: z.string() }),
  tandem: z.object({ id: z.string(), name: z.string() }).nullable(),
  questionDomains: z.array(z.string()),
  /** The help question as referred (the referral's question); null for a case without a referral (issue #19: the overview shows it). */
  helpQuestion: z.string().nullable().optional(),
  /** The household's language and need of an interpreter (issue #17 item 10), from its persons. */
  language: householdLanguage.optional(),
  household: z
    .object({
      id: z.string(),
      name: z.string(),
      members: z.array(
        z.object({
          id: z.string(),
          fullName: z.string(),
          relation: z.string(),
          age: z.number().nullable(),
          isMinor: z.boolean().nullable(),
          ageEstimated: z.boolean().optional(),
        }),
      ),
    })
    .nullable(),
  hasMinors: z.boolean(),
  network: z.array(
    networkPersonInput.extend({ id: z.string(), relationNote: z.string().nullable(), phone: z.string().nullable() }),
  ),
  professionals: z.array(
    z.object({
      id: z.string(),
      organisation: z.string(),
      name: z.string().nullable(),
      role: z.string().nullable(),
      phone: z.string().nullable(),
      email: z.string().nullable(),
      consentToShare: z.boolean(),
    }),
  ),
  /** The analysis' conclusion (issue #22 item 6); null until one is saved. */
  analysisConclusion: analysisConclusionView.nullable().optional(),
  /** Network meetings and family group conferences (issue #22 item 7). */
  networkMeetings: z.array(networkMeetingView).optional(),
  zrm: z.array(zrmAssessmentView),
  participation: z.array(
    z.object({
      id: z.string(),
      personId: z.string(),
      personName: z.string(),
      rung: z.number(),
      measuredOn: z.string(),
      note: z.string().nullable(),
    }),
  ),
  childSafety: z.array(childSafetyInput.extend({ id: z.string(), recordedByName: z.string() })),
  childSafetyRequired: z.boolean(),
  meldcodeSuggested: z.boolean(),
  /** Null when the user may not see Meldcode records (shielded). */
  meldcode: z.array(z.object({ id: z.string(), status: z.enum(['open', 'closed']), startedOn: z.string() })).nullable(),
  outreach: z.object({
    attempts: z.array(outreachAttemptInput.extend({ id: z.string(), note: z.string().nullable() })),
    flaggedForTeam: z.boolean(),
  }),
  consents: z.array(
    z.object({
      id: z.string(),
      personName: z.string(),
      recipient: z.string(),
      scope: z.string(),
      form: z.string(),
      givenOn: z.string(),
      expiresOn: z.string().nullable(),
      withdrawnOn: z.string().nullable(),
      active: z.boolean(),
    }),
  ),
  /** Open tasks and reminders of the case (see execution.ts). */
  openTasks: z.array(
    z.object({
      id: z.string(),
      kind: z.string(),
      title: z.string(),
      dueOn: z.string(),
      overdue: z.boolean(),
      dueToday: z.boolean(),
      assigneeName: z.string().nullable(),
      version: z.number(),
    }),
  ),
  /** The most recent contacts of the contact log (journaal). */
  recentContacts: z.array(
    z.object({ id: z.string(), kind: z.string(), contactOn: z.string(), note: z.string(), recordedByName: z.string() }),
  ),
  timeline: z.array(caseTimelineItem),
});
export type CaseOverview = z.infer<typeof caseOverview>;

export const meldcodeView = z.object({
  id: z.string(),
  caseId: z.string(),
  status: z.enum(['open', 'closed']),
  startedOn: z.string(),
  startedByName: z.string(),
  signals: z.array(meldcodeSignalInput.extend({ id: z.string(), interpretation: z.string().nullable() })),
  consultations: z.array(meldcodeConsultationInput.extend({ id: z.string() })),
  conversations: z.array(
    z.object({
      id: z.string(),
      heldOn: z.string().nullable(),
      withWhom: z.string().nullable(),
      summary: z.string().nullable(),
      reasonNotHeld: z.string().nullable(),
    }),
  ),
  decision: z
    .object({
      suspicion: z.boolean(),
      acuteOrStructuralUnsafety: z.boolean().nullable(),
      helpPossible: z.boolean().nullable(),
      helpAccepted: z.boolean().nullable(),
      resultsAchieved: z.boolean().nullable(),
      weighing: z.string(),
      reportToVeiligThuis: z.boolean(),
      provideOrOrganiseHelp: z.boolean(),
      consentAsked: z.boolean(),
      consentGiven: z.boolean().nullable(),
      veiligThuisReportedOn: z.string().nullable(),
      veiligThuisReference: z.string().nullable(),
      followUpOn: z.string().nullable(),
      decidedAt: z.string(),
    })
    .nullable(),
});
