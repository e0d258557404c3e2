/** Pure rules of evaluation, closure, watch and reactivation. No I/O. */
import { addDays, addMonths, type ClosureReason, type OutcomeComparison } from '@nabij/contracts';

export type Change = 'risen' | 'fallen' | 'same' | 'not_compared';

export function changeOf(before: number | null, after: number | null): Change {
  if (before === null || after === null) return 'not_compared';
  return after > before ? 'risen' : after < before ? 'fallen' : 'same';
}

export interface ZrmMeasurement {
  personId: string;
  personName: string;
  instrument: string;
  kind: 'start' | 'interim' | 'closing';
  assessedOn: string;
  scores: ReadonlyArray<{ domain: string; score: number }>;
}

/**
 * ZRM at the start versus at closure, per person and domain: the first start measurement against the latest closing
 * one (or, while there is none, the latest interim one, marked as such). Domains of either measurement are listed;
 * a domain scored only once is `not_compared`. Measurements are compared only within one instrument version.
 */
export function compareZrm(assessments: readonly ZrmMeasurement[]): OutcomeComparison['zrm'] {
  const byPerson = new Map<string, ZrmMeasurement[]>();
  for (const a of [...assessments].sort((x, y) => x.assessedOn.localeCompare(y.assessedOn))) {
    byPerson.set(a.personId, [...(byPerson.get(a.personId) ?? []), a]);
  }
  return [...byPerson.values()].map((list) => {
    const start = list.find((a) => a.kind === 'start') ?? null;
    const sameInstrument = list.filter((a) => !start || a.instrument === start.instrument);
    const closing =
      [...sameInstrument].reverse().find((a) => a.kind === 'closing') ??
      [...sameInstrument].reverse().find((a) => a.kind === 'interim' && a !== start) ??
      null;
    const domains = [...new Set([...(start?.scores ?? []), ...(closing?.scores ?? [])].map((s) => s.domain))];
    const first = list[0]!;
    return {
      personId: first.personId,
      personName: first.personName,
      startOn: start?.assessedOn ?? null,
      closingOn: closing?.assessedOn ?? null,
      closingKind: closing ? (closing.kind === 'closing' ? 'closing' : 'interim') : null,
      domains: domains.map((domain) => {
        const before = start?.scores.find((s) => s.domain === domain)?.score ?? null;
        const after = closing?.scores.find((s) => s.domain === domain)?.score ?? null;
        return { domain, start: before, closing: after, change: changeOf(before, after) };
      }),
    };
  });
}

/** The participation ladder per person: the first measurement against the last. */
export function compareParticipation(
  measures: ReadonlyArray<{ personId: string; personName: string; rung: number; measuredOn: string }>,
): OutcomeComparison['participation'] {
  const byPerson = new Map<string, Array<(typeof measures)[number]>>();
  for (const m of [...measures].sort((x, y) => x.measuredOn.localeCompare(y.measuredOn)))
    byPerson.set(m.personId, [...(byPerson.get(m.personId) ?? []), m]);
  return [...byPerson.values()].map((list) => {
    const first = list[0]!;
    const last = list[list.length - 1]!;
    return {
      personId: first.personId,
      personName: first.personName,
      firstRung: first.rung,
      firstOn: first.measuredOn,
      lastRung: last.rung,
      lastOn: last.measuredOn,
      change: list.length < 2 ? 'not_compared' : changeOf(first.rung, last.rung),
    };
  });
}

/** When the next evaluation is due: the team's interval after the latest evaluation, or after the plan's agreement. */
export function nextEvaluationDue(
  agreedOn: string | null,
  latestHeldOn: string | null,
  evaluationWeeks: number,
): string | null {
  const from = latestHeldOn && (!agreedOn || latestHeldOn > agreedOn) ? latestHeldOn : agreedOn;
  return from ? addDays(from, evaluationWeeks * 7) : null;
}

/**
 * From which phases a case may be closed: from execution or after an evaluation concluded "closure"; in the analysis
 * or plan phase only when the goals cannot have been reached (household stopped, no contact, moved, referred, other).
 */
export function mayClose(phase: string, reason: ClosureReason): boolean {
  if (phase === 'execution' || phase === 'closure') return true;
  if (phase === 'analysis' || phase === 'plan') return reason !== 'goals_reached';
  return false;
}

/**
 * "Doelen bereikt" only when the goals were reached: every goal of the plan reached (and at least one goal). Returns the
 * Dutch message for the reason field, or null when the reason fits the results.
 */
export function goalsReachedProblem(
  reason: ClosureReason,
  results: ReadonlyArray<{ goal: string; status: string }>,
): string | null {
  if (reason !== 'goals_reached') return null;
  if (results.length === 0)
    return '"Doelen bereikt" kan alleen met een afgesproken plan met doelen. Kies een andere reden.';
  const notReached = results.filter((r) => r.status !== 'achieved');
  if (notReached.length === 0) return null;
  return `"Doelen bereikt" kan alleen als alle doelen zijn bereikt. Niet (helemaal) bereikt: ${notReached.map((r) => `"${r.goal}"`).join(', ')}. Kies een andere reden, bijvoorbeeld "Anders" met een toelichting.`;
}

/** Open plan actions (open or in progress) that have no decision in the closure. */
export function undecidedActions<T extends { id: string; status: string }>(
  actions: readonly T[],
  decidedIds: ReadonlySet<string>,
): T[] {
  return actions.filter((a) => (a.status === 'open' || a.status === 'in_progress') && !decidedIds.has(a.id));
}

/** The next check-in after one on `checkedOn`: one interval later, but never after the end of the watch. */
export function nextCheckIn(checkedOn: string, intervalWeeks: number, endsOn: string): string {
  const next = addDays(checkedOn, intervalWeeks * 7);
  return next > endsOn ? endsOn : next;
}

/** A case may be reactivated from watch, or when it was closed less than two years ago. */
export function mayReactivate(phase: string, closedOn: string | null, today: string): boolean {
  if (phase === 'watch') return true;
  return phase === 'closed' && closedOn !== null && closedOn > addMonths(today, -24);
}
