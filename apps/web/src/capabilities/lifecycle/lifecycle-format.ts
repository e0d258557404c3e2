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
  form: { heldOn: string; participants: string; goals: Record<string, GoalEntry>; interimZrmId: string; conclusion: string; summary: string },
) {
  return {
    heldOn: form.heldOn,
    participants: form.participants,
    goals: (course.plan?.goals ?? []).map((g) => ({ goalId: g.id, status: form.goals[g.id]?.status || undefined, note: form.goals[g.id]?.note ?? '' })),
    interimZrmId: form.interimZrmId,
    conclusion: form.conclusion || undefined,
    summary: form.summary,
  };
}

export interface ClosureForm {
  goals: Record<string, { status: string; result: string; sideEffects: string }>;
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
  watchEndsOn: string;
}

export function emptyClosureForm(today: string): ClosureForm {
  return {
    goals: {},
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
    watchEndsOn: addMonths(today, 12),
  };
}

/** The closure request: with "yes" only the answer; otherwise goals, decisions on open actions, and the watch when chosen. */
export function closureRequest(course: Pick<Course, 'plan'>, f: ClosureForm) {
  if (f.somethingGoesWrong === 'yes') return { somethingGoesWrong: true, closingQuestionExplanation: f.closingQuestionExplanation };
  const interval = Number(f.watchInterval);
  return {
    somethingGoesWrong: f.somethingGoesWrong === 'no' ? false : undefined,
    closingQuestionExplanation: f.closingQuestionExplanation,
    closedOn: f.closedOn,
    goals: (course.plan?.goals ?? []).map((g) => ({
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
      .map((a) => ({ actionId: a.id, decision: f.decisions[a.id]?.decision, handedOverTo: f.decisions[a.id]?.decision === 'handed_over' ? f.decisions[a.id]?.handedOverTo : '' })),
    outcome: f.outcome || undefined,
    ...(f.outcome === 'watch' ? { watch: { checkInIntervalWeeks: f.watchInterval.trim() === '' || Number.isNaN(interval) ? undefined : interval, endsOn: f.watchEndsOn } } : {}),
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
