import type { Tx } from '../../platform/database/database';
import { findCurrentVersion } from './plan.store';

export interface AgreedPlan {
  versionId: string;
  number: number;
  agreedOn: string | null;
  goals: Array<{ id: string; domain: string; goal: string; intendedResult: string | null }>;
  actions: Array<{ id: string; goalId: string; description: string; status: string }>;
  /** The current (highest) version: a draft after a change, or the agreed version itself. */
  current: { number: number; status: string; version: number };
}

/** The agreed version of a case's plan (the one being carried out), with its goals and actions; undefined before agreement. */
export async function findAgreedPlan(tx: Tx, caseId: string): Promise<AgreedPlan | undefined> {
  const v = await tx
    .selectFrom('plan_version as v')
    .innerJoin('plan as p', 'p.id', 'v.plan_id')
    .select(['v.id', 'v.number', 'v.agreed_on'])
    .where('p.case_id', '=', caseId)
    .where('v.status', '=', 'agreed')
    .orderBy('v.number', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!v) return undefined;
  const current = await findCurrentVersion(tx, caseId);
  const goals = await tx
    .selectFrom('plan_goal')
    .select(['id', 'domain', 'goal', 'intended_result'])
    .where('plan_version_id', '=', v.id)
    .orderBy('position')
    .execute();
  const actions = goals.length
    ? await tx
        .selectFrom('plan_action')
        .select(['id', 'goal_id', 'description', 'status'])
        .where(
          'goal_id',
          'in',
          goals.map((g) => g.id),
        )
        .orderBy('position')
        .execute()
    : [];
  return {
    versionId: v.id,
    number: v.number,
    agreedOn: v.agreed_on,
    goals: goals.map((g) => ({ id: g.id, domain: g.domain, goal: g.goal, intendedResult: g.intended_result })),
    // In the plan's order: by goal, then by the action's position within the goal.
    actions: goals
      .flatMap((g) => actions.filter((a) => a.goal_id === g.id))
      .map((a) => ({ id: a.id, goalId: a.goal_id, description: a.description, status: a.status })),
    current: current
      ? { number: current.number, status: current.status, version: current.version }
      : { number: v.number, status: 'agreed', version: 0 },
  };
}

/**
 * Settles the open actions of the agreed version at closure: done, stopped, or handed over (stopped, with a progress
 * note naming to whom). Raises the version's concurrency counter so an open editor sees the change.
 */
export async function settleActionsAtClosure(
  tx: Tx,
  versionId: string,
  decisions: ReadonlyArray<{
    actionId: string;
    decision: 'done' | 'stopped' | 'handed_over';
    handedOverTo?: string | undefined;
  }>,
): Promise<void> {
  if (decisions.length === 0) return;
  for (const d of decisions) {
    const row = await tx
      .selectFrom('plan_action')
      .select('progress_note')
      .where('id', '=', d.actionId)
      .executeTakeFirstOrThrow();
    const handover = d.decision === 'handed_over' ? `Bij afsluiting overgedragen aan ${d.handedOverTo ?? ''}` : null;
    await tx
      .updateTable('plan_action')
      .set({
        status: d.decision === 'done' ? 'done' : 'stopped',
        ...(handover ? { progress_note: row.progress_note ? `${row.progress_note} — ${handover}` : handover } : {}),
      })
      .where('id', '=', d.actionId)
      .execute();
  }
  await tx
    .updateTable('plan_version')
    .set((eb) => ({ version: eb('version', '+', 1) }))
    .where('id', '=', versionId)
    .execute();
}
