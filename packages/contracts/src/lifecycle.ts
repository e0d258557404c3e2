/**
 * The end of the household's journey: periodic evaluation, closure (with the closing question and letters), the
 * watch (waakvlam) with check-ins, and reactivation as a new episode of the same case file.
 */
import { z } from 'zod';
import { pastDate } from './analysis';
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
/** An optional id where an empty choice means "none". */
const optionalId = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim()))
  .pipe(uuid.optional());

// ---------- dates (pure, shared by API and web) ----------
/** Adds whole days to an ISO date. */
export function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Adds months to an ISO date, clamping to the last day of the month (as PostgreSQL does: 29 Feb + 1 year = 28 Feb). */
export function addMonths(iso: string, months: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12;
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month + 1).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** The watch lasts at most two years. */
export const WATCH_MAX_MONTHS = 24;
export const WATCH_MAX_INTERVAL_WEEKS = 104;

/**
 * The rules of a watch: an interval of 1–104 weeks, an end after the start and at most two years after it, and a
 * first check-in before the end. Returns field errors keyed `checkInIntervalWeeks` and `endsOn`.
 */
export function checkWatchPlan(w: {
  startedOn: string;
  checkInIntervalWeeks: number;
  endsOn: string;
}): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  const latest = addMonths(w.startedOn, WATCH_MAX_MONTHS);
  if (
    !Number.isInteger(w.checkInIntervalWeeks) ||
    w.checkInIntervalWeeks < 1 ||
    w.checkInIntervalWeeks > WATCH_MAX_INTERVAL_WEEKS
  ) {
    errors.checkInIntervalWeeks = [
      'Een waakvlam duurt hoogstens twee jaar: kies een interval van 1 tot en met 104 weken.',
    ];
  }
  if (w.endsOn <= w.startedOn) errors.endsOn = ['De einddatum van de waakvlam ligt na de startdatum.'];
  else if (w.endsOn > latest)
    errors.endsOn = [`Een waakvlam duurt hoogstens twee jaar: kies een einddatum op of voor ${latest}.`];
  else if (!errors.checkInIntervalWeeks && addDays(w.startedOn, w.checkInIntervalWeeks * 7) > w.endsOn) {
    errors.checkInIntervalWeeks = [
      'De eerste check-in valt na het einde van de waakvlam. Kies een korter interval of een latere einddatum.',
    ];
  }
  return errors;
}

// ---------- evaluation ----------
export const GOAL_EVALUATION_STATUSES = ['achieved', 'partly', 'not_achieved', 'ongoing'] as const;
export const EVALUATION_CONCLUSIONS = ['continue', 'adjust_plan', 'closure'] as const;
export type EvaluationConclusion = (typeof EVALUATION_CONCLUSIONS)[number];

export const recordEvaluationInput = z.object({
  heldOn: pastDate,
  participants: text(1000, 'wie er bij de evaluatie waren (het huishouden en betrokken partijen)'),
  goals: z
    .array(
      z.object({
        goalId: uuid,
        status: z.enum(GOAL_EVALUATION_STATUSES, { error: 'Kies hoe het met dit doel staat.' }),
        note: optional(2000),
      }),
    )
    .min(1, { error: 'Geef per doel van het plan aan hoe het ervoor staat.' }),
  interimZrmId: optionalId,
  conclusion: z.enum(EVALUATION_CONCLUSIONS, {
    error: 'Kies de conclusie: doorgaan, het plan bijstellen of afsluiten.',
  }),
  summary: optional(4000),
});
export type RecordEvaluationInput = z.infer<typeof recordEvaluationInput>;

// ---------- closure ----------
export const CLOSURE_REASONS = [
  'goals_reached',
  'referred_elsewhere',
  'household_stopped',
  'no_contact_after_outreach',
  'moved',
  'other',
] as const;
export type ClosureReason = (typeof CLOSURE_REASONS)[number];
export const GOAL_RESULTS = ['achieved', 'partly', 'not_achieved'] as const;
export const ACTION_DECISIONS = ['done', 'stopped', 'handed_over'] as const;
export const CLOSURE_OUTCOMES = ['closed', 'watch'] as const;

/**
 * "Gaat er iets mis als ik eruit stap?" — recorded on its own (a "yes" goes to the case review meeting first). After a
 * "yes", a "no" is accepted only once the meeting has decided, or from the team coordinator with `changeReason`.
 */
export const closingQuestionInput = z.object({
  somethingGoesWrong: z.boolean({ error: 'Beantwoord de vraag "Gaat er iets mis als ik eruit stap?".' }),
  explanation: optional(2000),
  changeReason: optional(2000),
});

/**
 * The closure form's required fields (a "no" to the closing question, or a "yes" after the case review meeting decided
 * to close). Shared by the contract and the API, which applies it to a "yes" once it knows the meeting's decision.
 */
export function closureFormIssues(c: {
  closedOn?: string | undefined;
  processWorked?: string | undefined;
  processLearned?: string | undefined;
  reason?: string | undefined;
  referredTo?: string | undefined;
  reasonOther?: string | undefined;
  outcome?: string | undefined;
  watch?: { checkInIntervalWeeks: number; endsOn: string } | undefined;
  actionDecisions: ReadonlyArray<{ decision: string; handedOverTo?: string | undefined }>;
}): Array<{ path: Array<string | number>; message: string }> {
  const issues: Array<{ path: Array<string | number>; message: string }> = [];
  const need = (path: string, present: unknown, message: string) => {
    if (!present) issues.push({ path: [path], message });
  };
  need('closedOn', c.closedOn, 'Vul de datum van afsluiten in.');
  need('processWorked', c.processWorked, 'Vul in wat goed werkte in de begeleiding.');
  need('processLearned', c.processLearned, 'Vul in wat we ervan leren.');
  need('reason', c.reason, 'Kies de reden van afsluiten.');
  need('outcome', c.outcome, 'Kies of het dossier wordt afgesloten of in de waakvlam gaat.');
  if (c.reason === 'referred_elsewhere')
    need('referredTo', c.referredTo, 'Vul in naar wie het huishouden is doorverwezen.');
  if (c.reason === 'other') need('reasonOther', c.reasonOther, 'Beschrijf de reden van afsluiten.');
  c.actionDecisions.forEach((a, i) => {
    if (a.decision === 'handed_over' && !a.handedOverTo)
      issues.push({
        path: ['actionDecisions', i, 'handedOverTo'],
        message: 'Vul in aan wie de actie is overgedragen.',
      });
  });
  if (c.outcome === 'watch') {
    if (!c.watch)
      issues.push({
        path: ['watch', 'checkInIntervalWeeks'],
        message: 'Vul het aantal weken tussen de check-ins en de einddatum van de waakvlam in.',
      });
    else if (c.closedOn) {
      for (const [field, messages] of Object.entries(checkWatchPlan({ startedOn: c.closedOn, ...c.watch })))
        issues.push({ path: ['watch', field], message: messages[0] ?? '' });
    }
  }
  return issues;
}

/** The watch lengths the closure form offers (months); any end date up to two years stays possible. */
export const WATCH_LENGTH_MONTHS = [3, 6, 12] as const;

/**
 * Closing the case. With "yes" to the closing question: before the case review meeting decided to close, only the
 * answer is needed (it is recorded and the closure refused); after that decision, the whole form and `riskNote`.
 * With "no" everything below is required as the rules say. A goal left out takes its result from the final evaluation
 * (the API refuses it when that evaluation has none).
 */
export const closeCaseInput = z
  .object({
    somethingGoesWrong: z.boolean({ error: 'Beantwoord de vraag "Gaat er iets mis als ik eruit stap?".' }),
    closingQuestionExplanation: optional(2000),
    /** With "yes", after the meeting decided to close: which risk remains and what was agreed about it. */
    riskNote: optional(4000),
    closedOn: pastDate.optional(),
    goals: z
      .array(
        z.object({
          goalId: uuid,
          status: z.enum(GOAL_RESULTS, { error: 'Kies of het doel is bereikt.' }),
          result: text(2000, 'het resultaat van dit doel'),
          sideEffects: optional(2000),
        }),
      )
      .default([]),
    processWorked: optional(4000),
    processLearned: optional(4000),
    reason: z.enum(CLOSURE_REASONS, { error: 'Kies de reden van afsluiten.' }).optional(),
    referredTo: optional(300),
    reasonOther: optional(1000),
    aftercare: optional(4000),
    actionDecisions: z
      .array(
        z.object({
          actionId: uuid,
          decision: z.enum(ACTION_DECISIONS, { error: 'Kies wat er met deze actie gebeurt.' }),
          handedOverTo: optional(300),
        }),
      )
      .default([]),
    outcome: z
      .enum(CLOSURE_OUTCOMES, { error: 'Kies of het dossier wordt afgesloten of in de waakvlam gaat.' })
      .optional(),
    watch: z
      .object({
        checkInIntervalWeeks: z
          .number({ error: 'Vul het aantal weken tussen de check-ins in.' })
          .int({ error: 'Vul een heel aantal weken in.' })
          .min(1, { error: 'Een waakvlam duurt hoogstens twee jaar: kies een interval van 1 tot en met 104 weken.' })
          .max(WATCH_MAX_INTERVAL_WEEKS, {
            error: 'Een waakvlam duurt hoogstens twee jaar: kies een interval van 1 tot en met 104 weken.',
          }),
        endsOn: isoDate,
      })
      .optional(),
  })
  .superRefine((c, ctx) => {
    if (c.somethingGoesWrong) return;
    for (const issue of closureFormIssues(c)) ctx.addIssue({ code: 'custom', ...issue });
  });
export type CloseCaseInput = z.infer<typeof closeCaseInput>;

// ---------- letters on closure ----------
export const CASE_LETTER_KINDS = ['case_closure_referrer', 'case_closure_household'] as const;
export type CaseLetterKind = (typeof CASE_LETTER_KINDS)[number];
export const caseLetterKind = z.enum(CASE_LETTER_KINDS);
export const SHARING_BASES = ['own_household', 'consent', 'legal_basis'] as const;

export const caseLetterDraft = z.object({
  kind: caseLetterKind,
  recipientName: z.string().nullable(),
  to: z.string().nullable(),
  subject: z.string(),
  body: z.string(),
  /** For anyone outside the household: the active consent found, or that a legal basis and reason are needed. */
  sharing: z.object({
    thirdParty: z.boolean(),
    consent: z
      .object({
        id: z.string(),
        personName: z.string(),
        recipient: z.string(),
        scope: z.string(),
        givenOn: z.string(),
        expiresOn: z.string().nullable(),
      })
      .nullable(),
  }),
});
export const sendCaseLetterInput = z.object({
  kind: caseLetterKind,
  subject: text(200, 'een onderwerp'),
  body: text(20_000, 'de tekst van de brief'),
  /** Retrying the same send with the same key sends once. */
  idempotencyKey: z.uuid(),
  /** Required when no active consent covers the recipient. */
  legalBasis: optional(500),
  sharingReason: optional(2000),
});
export const caseLetterView = z.object({
  id: z.string(),
  kind: caseLetterKind,
  episode: z.number(),
  to: z.string().nullable(),
  recipientName: z.string().nullable(),
  subject: z.string(),
  /** `portal`: no e-mail address, shown in the resident's Mijn Nabij (announced by an e-mail without content). */
  status: z.enum(['pending', 'sent', 'no_address', 'failed', 'portal']),
  /** Also shown in the addressee's Mijn Nabij. */
  inPortal: z.boolean().default(false),
  sentAt: z.string().nullable(),
  createdAt: z.string(),
  sharingBasis: z.enum(SHARING_BASES),
});

// ---------- watch ----------
export const CHECK_IN_WAYS = ['phone', 'home_visit', 'office', 'video', 'message', 'other'] as const;
export const checkInInput = z.object({
  checkedOn: pastDate,
  way: z.enum(CHECK_IN_WAYS, { error: 'Kies hoe er contact was.' }),
  allWell: z.boolean({ error: 'Kies of alles goed gaat.' }),
  note: optional(2000),
});
export const endWatchInput = z.object({ note: optional(2000) });
export const reactivateInput = z.object({ reason: text(2000, 'waarom de ondersteuning weer start') });

// ---------- the course of the case (one view for the evaluation, closure and watch pages) ----------
const change = z.enum(['risen', 'fallen', 'same', 'not_compared']);
export const outcomeComparison = z.object({
  zrm: z.array(
    z.object({
      personId: z.string(),
      personName: z.string(),
      startOn: z.string().nullable(),
      closingOn: z.string().nullable(),
      /** Which later measurement is compared: the closing one, or the latest interim one when there is no closing one yet. */
      closingKind: z.enum(['closing', 'interim']).nullable(),
      domains: z.array(
        z.object({ domain: z.string(), start: z.number().nullable(), closing: z.number().nullable(), change }),
      ),
    }),
  ),
  participation: z.array(
    z.object({
      personId: z.string(),
      personName: z.string(),
      firstRung: z.number(),
      firstOn: z.string(),
      lastRung: z.number(),
      lastOn: z.string(),
      change,
    }),
  ),
});
export type OutcomeComparison = z.infer<typeof outcomeComparison>;

const goalRef = z.object({
  id: z.string(),
  domain: z.string(),
  goal: z.string(),
  intendedResult: z.string().nullable(),
});
export const caseCourseView = z.object({
  caseId: z.string(),
  householdName: z.string(),
  phase: z.string(),
  episode: z.number(),
  closedAt: z.string().nullable(),
  evaluationWeeks: z.number(),
  /** The agreed plan version the evaluation and closure are about; null before agreement. */
  plan: z
    .object({
      agreedNumber: z.number(),
      agreedOn: z.string().nullable(),
      goals: z.array(goalRef),
      openActions: z.array(
        z.object({
          id: z.string(),
          goalId: z.string(),
          description: z.string(),
          status: z.enum(['open', 'in_progress']),
        }),
      ),
      /** The current (highest) version, for "Nieuwe planversie maken" through the plan. */
      current: z.object({ number: z.number(), status: z.string(), version: z.number() }),
    })
    .nullable(),
  nextEvaluationDue: z.string().nullable(),
  interimZrm: z.array(
    z.object({ id: z.string(), personName: z.string(), assessedOn: z.string(), domains: z.number() }),
  ),
  hasClosingZrm: z.boolean(),
  evaluations: z.array(
    z.object({
      id: z.string(),
      episode: z.number(),
      heldOn: z.string(),
      participants: z.string(),
      conclusion: z.enum(EVALUATION_CONCLUSIONS),
      summary: z.string().nullable(),
      planNumber: z.number(),
      interimZrm: z.object({ id: z.string(), personName: z.string(), assessedOn: z.string() }).nullable(),
      goals: z.array(
        z.object({
          goalId: z.string(),
          domain: z.string(),
          goal: z.string(),
          status: z.enum(GOAL_EVALUATION_STATUSES),
          note: z.string().nullable(),
        }),
      ),
      recordedByName: z.string(),
    }),
  ),
  comparison: outcomeComparison,
  closingQuestion: z
    .object({
      somethingGoesWrong: z.boolean(),
      explanation: z.string().nullable(),
      answeredAt: z.string(),
      answeredByName: z.string(),
      changeReason: z.string().nullable(),
    })
    .nullable(),
  /** The latest answer in this episode was "yes", the case review meeting has not decided since, and the case is not closed. */
  teamMeetingNeeded: z.boolean(),
  /**
   * After a "yes" in this episode: where the case stands with the case review meeting — on the agenda of a meeting
   * (waiting for its outcome), or decided (close: the worker closes with "yes" and the risk; continue: the work goes on).
   */
  closureReview: z
    .object({
      onAgenda: z.object({ meetingId: z.string(), meetingDate: z.string() }).nullable(),
      decision: z.enum(['close', 'continue']).nullable(),
      advice: z.string().nullable(),
      decidedAt: z.string().nullable(),
    })
    .nullable(),
  /** The latest evaluation of this episode concluded "afronden": its goal results are taken into the closure. */
  finalEvaluation: z
    .object({
      id: z.string(),
      heldOn: z.string(),
      goals: z.array(
        z.object({ goalId: z.string(), status: z.enum(GOAL_EVALUATION_STATUSES), note: z.string().nullable() }),
      ),
    })
    .nullable(),
  closures: z.array(
    z.object({
      id: z.string(),
      episode: z.number(),
      closedOn: z.string(),
      outcome: z.enum(CLOSURE_OUTCOMES),
      reason: z.enum(CLOSURE_REASONS),
      referredTo: z.string().nullable(),
      reasonOther: z.string().nullable(),
      processWorked: z.string(),
      processLearned: z.string(),
      aftercare: z.string().nullable(),
      /** Closed with "yes" after the case review meeting decided to close: the risk that remains. */
      riskNote: z.string().nullable(),
      goals: z.array(
        z.object({
          goalId: z.string(),
          domain: z.string(),
          goal: z.string(),
          status: z.enum(GOAL_RESULTS),
          result: z.string(),
          sideEffects: z.string().nullable(),
          fromEvaluation: z.boolean(),
        }),
      ),
      actions: z.array(
        z.object({
          actionId: z.string(),
          description: z.string(),
          decision: z.enum(ACTION_DECISIONS),
          handedOverTo: z.string().nullable(),
        }),
      ),
      snapshot: outcomeComparison,
      recordedByName: z.string(),
    }),
  ),
  referrer: z
    .object({ name: z.string().nullable(), organisation: z.string().nullable(), email: z.string().nullable() })
    .nullable(),
  letters: z.array(caseLetterView),
  watches: z.array(
    z.object({
      id: z.string(),
      episode: z.number(),
      startedOn: z.string(),
      checkInIntervalWeeks: z.number(),
      nextCheckInOn: z.string(),
      endsOn: z.string(),
      endedOn: z.string().nullable(),
      endKind: z.enum(['ended', 'reactivated']).nullable(),
      endNote: z.string().nullable(),
      checkIns: z.array(
        z.object({
          id: z.string(),
          checkedOn: z.string(),
          way: z.enum(CHECK_IN_WAYS),
          allWell: z.boolean(),
          note: z.string().nullable(),
          recordedByName: z.string(),
        }),
      ),
    }),
  ),
  episodes: z.array(
    z.object({
      number: z.number(),
      startedOn: z.string(),
      fromPhase: z.enum(['watch', 'closed']),
      toPhase: z.enum(['analysis', 'execution']),
      reason: z.string(),
      startedByName: z.string(),
    }),
  ),
  linkedReferrals: z.array(
    z.object({
      referralId: z.string(),
      reference: z.string(),
      receivedAt: z.string(),
      linkedAt: z.string(),
      /** The case's phase when the referral was linked: open (issue #17 item 7), in watch, or closed. */
      casePhase: z.enum(['analysis', 'plan', 'execution', 'closure', 'watch', 'closed']),
      /** For an open case: the referral joined the case as a new question, or a parallel case was opened (with the reason). */
      outcome: z.enum(['joined', 'parallel_case']).nullable().optional(),
      reason: z.string().nullable().optional(),
    }),
  ),
  canReactivate: z.boolean(),
});
export type CaseCourseView = z.infer<typeof caseCourseView>;
