import {
  HOUSEHOLD_PERFORMERS,
  SERVICE_TYPES,
  type Performer,
  type PlanWarningCode,
  type ServiceType,
} from '@nabij/contracts';
import { fail, ok, type Result } from '../../shared/app-error';

export type VersionStatus = 'draft' | 'agreed' | 'superseded';

export interface Balance {
  household: number;
  professional: number;
  unassigned: number;
}

/** How much of a set of actions rests on the household and its network versus professionals ("normalising"). */
export function balanceOf(actions: ReadonlyArray<{ performer: Performer | null }>): Balance {
  const b: Balance = { household: 0, professional: 0, unassigned: 0 };
  for (const a of actions) {
    if (a.performer === null) b.unassigned++;
    else if (HOUSEHOLD_PERFORMERS.includes(a.performer)) b.household++;
    else b.professional++;
  }
  return b;
}

/** Weeks after the analysis deadline before an unagreed plan is flagged. */
export const AGREEMENT_GRACE_WEEKS = 3;

export interface WarningInput {
  status: VersionStatus;
  analysisDeadline: string | null;
  today: string;
  goals: ReadonlyArray<{
    id: string;
    actions: ReadonlyArray<{ id: string; performer: Performer | null; dueOn: string | null; status: string }>;
  }>;
}

export interface PlanWarning {
  code: PlanWarningCode;
  goalId: string | null;
  actionId: string | null;
}

function addDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * Gentle quality checks: they inform, never block. A goal without actions, an open action without a performer
 * or a date, a plan still not agreed weeks after the analysis deadline, and a plan that rests entirely on professionals.
 */
export function planWarnings(p: WarningInput): PlanWarning[] {
  const warnings: PlanWarning[] = [];
  for (const g of p.goals) {
    if (g.actions.length === 0) warnings.push({ code: 'goal_without_actions', goalId: g.id, actionId: null });
    for (const a of g.actions) {
      if (a.status === 'done' || a.status === 'stopped') continue;
      if (a.performer === null) warnings.push({ code: 'action_without_performer', goalId: g.id, actionId: a.id });
      if (a.dueOn === null) warnings.push({ code: 'action_without_date', goalId: g.id, actionId: a.id });
    }
  }
  if (p.status === 'draft' && p.analysisDeadline && p.today > addDays(p.analysisDeadline, AGREEMENT_GRACE_WEEKS * 7)) {
    warnings.push({ code: 'not_agreed_after_analysis', goalId: null, actionId: null });
  }
  const all = p.goals.flatMap((g) => g.actions);
  const b = balanceOf(all);
  if (all.length > 0 && b.household === 0 && b.unassigned === 0)
    warnings.push({ code: 'all_professional', goalId: null, actionId: null });
  return warnings;
}

/** General and collective services first, then group offers, then tailored services; by organisation and name within a type. */
export function orderSuggestions<T extends { type: ServiceType; organisation: string; name: string }>(
  services: readonly T[],
): T[] {
  const rank = (t: ServiceType) => SERVICE_TYPES.indexOf(t);
  return [...services].sort(
    (a, b) =>
      rank(a.type) - rank(b.type) ||
      a.organisation.localeCompare(b.organisation, 'nl') ||
      a.name.localeCompare(b.name, 'nl'),
  );
}

/** Field errors for an action's due date: not before the plan starts. */
export function checkDueDate(dueOn: string | undefined, startsOn: string): Record<string, string[]> {
  if (dueOn && dueOn < startsOn)
    return { dueOn: [`De datum ligt voor de start van het plan (${startsOn}). Kies een latere datum.`] };
  return {};
}

export type AgreementRefusal = 'plan_frozen' | 'plan_without_goals' | 'child_safety_required';

/**
 * The household can agree to a draft with at least one goal; in a household with minors only after the
 * child safety assessment has been recorded.
 */
export function checkAgreement(p: {
  status: VersionStatus;
  goalCount: number;
  hasMinors: boolean;
  childSafetyAssessed: boolean;
}): Result<true, AgreementRefusal> {
  if (p.status !== 'draft') return fail('plan_frozen');
  if (p.goalCount === 0) return fail('plan_without_goals');
  if (p.hasMinors && !p.childSafetyAssessed) return fail('child_safety_required');
  return ok(true);
}

/** True when the version may be edited directly (only a draft). */
export const isEditable = (status: VersionStatus): boolean => status === 'draft';
