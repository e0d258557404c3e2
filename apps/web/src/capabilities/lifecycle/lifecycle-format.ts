/** Pure helpers of the evaluation, closure and watch pages: building requests from form state. No I/O. */
import { addMonths, type CaseCourseView } from '@nabij/contracts';

export type Course = CaseCourseView;

export interface GoalEntry {
  status: string;
  note: string;
}

/** The evaluation request from the form: one entry per goal of the agreed plan, in the plan's order. */
export function evaluationRequest(
  course: Pick<Course, 'plan'>,
  form: {
    heldOn: string;
    participants: string;
    goals: Record<string, GoalEntry>;
    interimZrmId: string;
    conclusion: string;
    summary: string;
  },
) {
  return {
    heldOn: form.heldOn,
    participants: form.participants,
    goals: (course.plan?.goals ?? []).map((g) => ({
      goalId: g.id,
      status: form.goals[g.id]?.status || undefined,
      note: form.goals[g.id]?.note ?? '',
    })),
    interimZrmId: form.interimZrmId,
    conclusion: form.conclusion || undefined,
    summary: form.summary,
  };
}

export interface ClosureForm {
  goals: Record<string, { status: string; result: string; sideEffects: string }>;
  /** Goals whose result from the final evaluation the worker chose to change. */
  changedGoals: Record<string, boolean>;
  /** With "ja" after the case review meeting decided to close: the risk that remains. */
  riskNote: string;
  processWorked: string;
  processLearned: string;
  somethingGoesWrong: '' | 'yes' | 'no';
  closingQuestionExplanation: string;
  reason: string;
  referredTo: string;
  reasonOther: string;
  aftercare: string;
  decisions: Record<string, { decision: string; handedOverTo: string }>;
  outcome: string;
  closedOn: string;
  watchInterval: string;
  /** '3', '6', '12' (months after the closing date), or 'other' with `watchEndsOn`. */
  watchLength: string;
  watchEndsOn: string;
}

export function emptyClosureForm(today: string): ClosureForm {
  return {
    goals: {},
    changedGoals: {},
    riskNote: '',
    processWorked: '',
    processLearned: '',
    somethingGoesWrong: '',
    closingQuestionExplanation: '',
    reason: '',
    referredTo: '',
    reasonOther: '',
    aftercare: '',
    decisions: {},
    outcome: '',
    closedOn: today,
    watchInterval: '8',
    watchLength: '12',
    watchEndsOn: addMonths(today, 12),
  };
}

/** The goal results of the final evaluation that the closure takes over (not asked again): reached, partly or not. */
export function carriedGoalResults(
  course: Partial<Pick<Course, 'finalEvaluation'>>,
): Map<string, { status: string; note: string | null; heldOn: string }> {
  const e = course.finalEvaluation;
  if (!e) return new Map();
  return new Map(
    e.goals
      .filter((g) => g.status !== 'ongoing')
      .map((g) => [g.goalId, { status: g.status, note: g.note, heldOn: e.heldOn }]),
  );
}

/** The end of the watch: 3, 6 or 12 months after the closing date, or the date chosen. */
export function watchEndsOn(f: Pick<ClosureForm, 'closedOn' | 'watchLength' | 'watchEndsOn'>): string {
  const months = Number(f.watchLength);
  return f.watchLength !== 'other' && Number.isInteger(months) && /^\d{4}-\d{2}-\d{2}$/.test(f.closedOn)
    ? addMonths(f.closedOn, months)
    : f.watchEndsOn;
}

/**
 * The closure request: with "yes" only the answer — unless the case review meeting decided to close, then the whole
 * form with the risk. Goals whose result comes from the final evaluation are left out (the API takes them over)
 * unless the worker changed them; decisions on open actions; the watch when chosen.
 */
export function closureRequest(
  course: Pick<Course, 'plan'> & Partial<Pick<Course, 'finalEvaluation' | 'closureReview'>>,
  f: ClosureForm,
) {
  const closeWithRisk = f.somethingGoesWrong === 'yes' && course.closureReview?.decision === 'close';
  if (f.somethingGoesWrong === 'yes' && !closeWithRisk)
    return { somethingGoesWrong: true, closingQuestionExplanation: f.closingQuestionExplanation };
  const interval = Number(f.watchInterval);
  const carried = carriedGoalResults(course);
  return {
    somethingGoesWrong: f.somethingGoesWrong === 'no' ? false : f.somethingGoesWrong === 'yes' ? true : undefined,
    closingQuestionExplanation: f.closingQuestionExplanation,
    ...(closeWithRisk ? { riskNote: f.riskNote } : {}),
    closedOn: f.closedOn,
    goals: (course.plan?.goals ?? [])
      .filter((g) => !carried.has(g.id) || f.changedGoals[g.id])
      .map((g) => ({
        goalId: g.id,
        status: f.goals[g.id]?.status || undefined,
        result: f.goals[g.id]?.result ?? '',
        sideEffects: f.goals[g.id]?.sideEffects ?? '',
      })),
    processWorked: f.processWorked,
    processLearned: f.processLearned,
    reason: f.reason || undefined,
    referredTo: f.reason === 'referred_elsewhere' ? f.referredTo : '',
    reasonOther: f.reason === 'other' ? f.reasonOther : '',
    aftercare: f.aftercare,
    actionDecisions: (course.plan?.openActions ?? [])
      .filter((a) => f.decisions[a.id]?.decision)
      .map((a) => ({
        actionId: a.id,
        decision: f.decisions[a.id]?.decision,
        handedOverTo: f.decisions[a.id]?.decision === 'handed_over' ? f.decisions[a.id]?.handedOverTo : '',
      })),
    outcome: f.outcome || undefined,
    ...(f.outcome === 'watch'
      ? {
          watch: {
            checkInIntervalWeeks: f.watchInterval.trim() === '' || Number.isNaN(interval) ? undefined : interval,
            endsOn: watchEndsOn(f),
          },
        }
      : {}),
  };
}

/** The closure of the current episode, if the case was closed in it. */
export function currentClosure(course: Pick<Course, 'closures' | 'episode'>) {
  return course.closures.find((c) => c.episode === course.episode);
}

/** The watch still running, if any. */
export function activeWatch(course: Pick<Course, 'watches'>) {
  return course.watches.find((w) => w.endedOn === null);
}

/** A field id for an open action's decision (the API keys its errors `actionDecisions.<actionId>`). */
export const decisionField = (actionId: string) => `actionDecisions.${actionId}`;
