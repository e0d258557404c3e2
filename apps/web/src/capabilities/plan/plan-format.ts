/**
 * Pure display rules of the plan pages: labels, the balance line, warnings as sentences, lines of the
 * household's own plan to take over, and pairing two versions for the side-by-side comparison. No I/O.
 */
import type { PlanVersionView } from '@nabij/contracts';
import { t } from '../../app/i18n';

type Goal = PlanVersionView['goals'][number];
type Action = Goal['actions'][number];

/** Dates are written as on the person pages: "12 maart 2026". */
export { formatDate } from '../persons/person-format';

export function domainLabel(domain: string): string {
  return t(`domain.${domain}`);
}

/** Who does an action, with the service or name when known. */
export function performerText(a: Pick<Action, 'performer' | 'performerName' | 'service'>): string {
  const base = a.performer ? t(`plan.performer.${a.performer}`) : t('plan.noPerformer');
  const detail = a.service ? `${a.service.name} (${a.service.organisation})` : a.performerName;
  return detail ? `${base}: ${detail}` : base;
}

export function balanceText(b: Goal['balance']): string {
  return (
    t('plan.balance', { household: b.household, professional: b.professional }) +
    (b.unassigned ? t('plan.balanceUnassigned', { unassigned: b.unassigned }) : '')
  );
}

/** A warning as a sentence, naming the goal or action it is about. */
export function warningText(w: PlanVersionView['warnings'][number], goals: readonly Goal[]): string {
  const goal = goals.find((g) => g.id === w.goalId);
  const action = goal?.actions.find((a) => a.id === w.actionId);
  return t(`plan.warning.${w.code}`, { goal: goal?.goal ?? '', action: action?.description ?? '' });
}

/** The fields of the goal form, prefilled from a saved goal when it is edited. */
export interface GoalFormValues {
  domain: string;
  problem: string;
  goal: string;
  intendedResult: string;
  solutions: string;
}

export function goalFormValues(
  g: Pick<Goal, 'domain' | 'problem' | 'goal' | 'intendedResult' | 'solutions'>,
): GoalFormValues {
  return {
    domain: g.domain,
    problem: g.problem,
    goal: g.goal,
    intendedResult: g.intendedResult ?? '',
    solutions: g.solutions ?? '',
  };
}

/** The fields of the action form, prefilled from a saved action when it is edited (a date input wants `YYYY-MM-DD`). */
export interface ActionFormValues {
  description: string;
  performer: string;
  serviceId: string;
  performerName: string;
  dueOn: string;
}

export function actionFormValues(
  a: Pick<Action, 'description' | 'performer' | 'service' | 'performerName' | 'dueOn'>,
): ActionFormValues {
  return {
    description: a.description,
    performer: a.performer ?? '',
    serviceId: a.service?.id ?? '',
    performerName: a.performerName ?? '',
    dueOn: a.dueOn ? a.dueOn.slice(0, 10) : '',
  };
}

/** Non-empty lines of the household's own plan text, each a candidate goal to take over. */
export function residentPlanLines(text: string | null | undefined): string[] {
  return (text ?? '')
    .split(/\r?\n/)
    .map((l) => l.replace(/^\s*(?:[-*•]|\d+[.)])\s*/, '').trim())
    .filter((l) => l.length > 0);
}

export type CompareState = 'same' | 'changed' | 'added' | 'removed';

export interface ComparedGoal {
  key: string;
  domain: string;
  from: Goal | undefined;
  to: Goal | undefined;
  state: CompareState;
}

const goalContent = (g: Goal) =>
  JSON.stringify([
    g.domain,
    g.problem,
    g.goal,
    g.intendedResult,
    g.solutions,
    g.actions.map((a) => [
      a.description,
      a.performer,
      a.performerName,
      a.service?.id ?? null,
      a.dueOn,
      a.status,
      a.progressNote,
    ]),
  ]);

/**
 * Pairs the goals of two versions: by position within the same life domain (a new version copies the goals
 * in order), so a reworded goal shows as changed rather than as removed and added.
 */
export function compareVersions(from: PlanVersionView, to: PlanVersionView): ComparedGoal[] {
  const domains = [...new Set([...from.goals.map((g) => g.domain), ...to.goals.map((g) => g.domain)])];
  return domains.flatMap((domain) => {
    const a = from.goals.filter((g) => g.domain === domain);
    const b = to.goals.filter((g) => g.domain === domain);
    return Array.from({ length: Math.max(a.length, b.length) }, (_, i) => {
      const left = a[i];
      const right = b[i];
      const state: CompareState = !left
        ? 'added'
        : !right
          ? 'removed'
          : goalContent(left) === goalContent(right)
            ? 'same'
            : 'changed';
      return { key: `${domain}-${i}`, domain, from: left, to: right, state };
    });
  });
}
