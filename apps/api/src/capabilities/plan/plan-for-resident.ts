import { OWN_PERFORMERS, type Performer, type ResidentPlanVersion } from '@nabij/contracts';
import { AppError } from '../../shared/app-error';
import type { Tx } from '../../platform/database/database';
import { findCurrentVersion } from './plan.store';

/**
 * The plan as the resident portal (Mijn Nabij) shows it, and the few changes the household makes there itself.
 * Authorisation (the resident, the age rules) and the access log are the resident capability's; these functions
 * run in its transaction.
 */

async function versionView(tx: Tx, versionId: string): Promise<ResidentPlanVersion> {
  const v = await tx
    .selectFrom('plan_version')
    .select(['number', 'version', 'status', 'starts_on', 'change_reason', 'agreed_on', 'agreed_by_name'])
    .where('id', '=', versionId)
    .executeTakeFirstOrThrow();
  const goals = await tx
    .selectFrom('plan_goal')
    .select(['id', 'domain', 'problem', 'goal', 'intended_result'])
    .where('plan_version_id', '=', versionId)
    .orderBy('position')
    .execute();
  const actions = goals.length
    ? await tx
        .selectFrom('plan_action as a')
        .leftJoin('service as s', 's.id', 'a.service_id')
        .select([
          'a.id',
          'a.goal_id',
          'a.description',
          'a.performer',
          'a.performer_name',
          's.organisation',
          's.name as service_name',
          'a.due_on',
          'a.status',
          'a.progress_note',
        ])
        .where(
          'a.goal_id',
          'in',
          goals.map((g) => g.id),
        )
        .orderBy('a.position')
        .execute()
    : [];
  const parties = await tx
    .selectFrom('plan_party')
    .select(['name', 'organisation', 'part', 'place', 'timing'])
    .where('plan_version_id', '=', versionId)
    .orderBy('name')
    .execute();
  return {
    number: v.number,
    version: v.version,
    status: v.status as 'agreed',
    startsOn: v.starts_on,
    changeReason: v.change_reason,
    agreedOn: v.agreed_on,
    agreedByName: v.agreed_by_name,
    goals: goals.map((g) => ({
      id: g.id,
      domain: g.domain,
      problem: g.problem,
      goal: g.goal,
      intendedResult: g.intended_result,
      actions: actions
        .filter((a) => a.goal_id === g.id)
        .map((a) => ({
          id: a.id,
          description: a.description,
          performer: a.performer as Performer | null,
          performerName: a.performer_name,
          serviceName: a.service_name ? `${a.service_name}${a.organisation ? ` (${a.organisation})` : ''}` : null,
          dueOn: a.due_on,
          status: a.status as 'open',
          progressNote: a.progress_note,
          own: (OWN_PERFORMERS as readonly string[]).includes(a.performer ?? ''),
        })),
    })),
    parties,
  };
}

async function versionIdWhere(tx: Tx, caseId: string, where: 'agreed' | 'offered'): Promise<string | undefined> {
  let q = tx
    .selectFrom('plan_version as v')
    .innerJoin('plan as p', 'p.id', 'v.plan_id')
    .select('v.id')
    .where('p.case_id', '=', caseId);
  q =
    where === 'agreed'
      ? q.where('v.status', '=', 'agreed')
      : q.where('v.status', '=', 'draft').where('v.offered_to_resident_at', 'is not', null);
  return (await q.orderBy('v.number', 'desc').limit(1).executeTakeFirst())?.id;
}

/** The agreed version being carried out, and a new version the worker offered for digital agreement (if any). */
export async function planForResident(
  tx: Tx,
  caseId: string,
): Promise<{ agreed: ResidentPlanVersion | null; offered: ResidentPlanVersion | null }> {
  const agreedId = await versionIdWhere(tx, caseId, 'agreed');
  const offeredId = await versionIdWhere(tx, caseId, 'offered');
  return {
    agreed: agreedId ? await versionView(tx, agreedId) : null,
    offered: offeredId ? await versionView(tx, offeredId) : null,
  };
}

/** The current draft, and whether the worker offered it in the portal. */
export async function draftForResident(
  tx: Tx,
  caseId: string,
): Promise<{ number: number; version: number; offeredAt: Date | null } | null> {
  const v = await findCurrentVersion(tx, caseId);
  if (!v || v.status !== 'draft') return null;
  const row = await tx
    .selectFrom('plan_version')
    .select('offered_to_resident_at')
    .where('id', '=', v.id)
    .executeTakeFirstOrThrow();
  return { number: v.number, version: v.version, offeredAt: row.offered_to_resident_at };
}

/** The worker offers the current draft for digital agreement in the portal (409 when it changed meanwhile). */
export async function offerDraftToResident(
  tx: Tx,
  caseId: string,
  expectedVersion: number,
  userId: string,
  at: Date,
): Promise<{ number: number }> {
  const v = await findCurrentVersion(tx, caseId, true);
  if (!v) throw new AppError('plan_not_found');
  if (v.status !== 'draft') throw new AppError('plan_frozen');
  if (v.version !== expectedVersion) throw new AppError('version_conflict');
  const goals = await tx.selectFrom('plan_goal').select('id').where('plan_version_id', '=', v.id).limit(1).execute();
  if (goals.length === 0) throw new AppError('plan_without_goals');
  await tx
    .updateTable('plan_version')
    .set({ offered_to_resident_at: at, offered_to_resident_by: userId })
    .where('id', '=', v.id)
    .execute();
  return { number: v.number };
}

/** The draft version the resident is about to agree to: refused unless it is the offered current draft the resident saw. */
export async function checkOfferedDraft(
  tx: Tx,
  caseId: string,
  seen: { number: number; version: number },
): Promise<void> {
  const v = await findCurrentVersion(tx, caseId, true);
  if (!v || v.status !== 'draft') {
    // Agreed meanwhile (or no draft at all): what the resident saw is no longer the version to agree to.
    throw new AppError(v && v.number >= seen.number ? 'plan_version_outdated' : 'resident_nothing_to_agree');
  }
  const offered = await tx
    .selectFrom('plan_version')
    .select('offered_to_resident_at')
    .where('id', '=', v.id)
    .executeTakeFirstOrThrow();
  if (!offered.offered_to_resident_at) throw new AppError('resident_nothing_to_agree');
  if (v.number !== seen.number || v.version !== seen.version) throw new AppError('plan_version_outdated');
}

/**
 * The household marks one of its own actions (done by the resident, with or without aids) of the agreed version
 * as done, with a short note that is added to the action's progress note. Raises the version's concurrency counter
 * (409 when the resident's page was stale).
 */
export async function markOwnActionDone(
  tx: Tx,
  caseId: string,
  actionId: string,
  input: { version: number; note: string | undefined },
): Promise<{ number: number }> {
  const v = await tx
    .selectFrom('plan_version as v')
    .innerJoin('plan as p', 'p.id', 'v.plan_id')
    .select(['v.id', 'v.number', 'v.version'])
    .where('p.case_id', '=', caseId)
    .where('v.status', '=', 'agreed')
    .forUpdate()
    .executeTakeFirst();
  if (!v) throw new AppError('plan_not_found');
  const action = await tx
    .selectFrom('plan_action as a')
    .innerJoin('plan_goal as g', 'g.id', 'a.goal_id')
    .select(['a.id', 'a.performer', 'a.progress_note'])
    .where('a.id', '=', actionId)
    .where('g.plan_version_id', '=', v.id)
    .executeTakeFirst();
  if (!action) throw new AppError('not_found');
  if (!(OWN_PERFORMERS as readonly string[]).includes(action.performer ?? ''))
    throw new AppError('resident_action_not_own');
  if (v.version !== input.version) throw new AppError('version_conflict');
  const note = input.note ? `Via Mijn Nabij: ${input.note}` : null;
  const progress = (existing: string | null) => ({
    status: 'done',
    ...(note ? { progress_note: existing ? `${existing}\n${note}` : note } : {}),
  });
  await tx.updateTable('plan_action').set(progress(action.progress_note)).where('id', '=', action.id).execute();
  await tx
    .updateTable('plan_version')
    .set((eb) => ({ version: eb('version', '+', 1) }))
    .where('id', '=', v.id)
    .execute();
  // A new draft copied from this version (a change in preparation) gets the same progress, so agreeing to it later
  // does not undo what the household did. Its counter is raised as well: an open editor sees the change.
  const draft = await findCurrentVersion(tx, caseId, true);
  if (draft && draft.status === 'draft') {
    const copy = await tx
      .selectFrom('plan_action as a')
      .innerJoin('plan_goal as g', 'g.id', 'a.goal_id')
      .select(['a.id', 'a.progress_note'])
      .where('g.plan_version_id', '=', draft.id)
      .where('g.position', '=', (eb) =>
        eb
          .selectFrom('plan_goal as og')
          .innerJoin('plan_action as oa', 'oa.goal_id', 'og.id')
          .select('og.position')
          .where('oa.id', '=', action.id),
      )
      .where('a.position', '=', (eb) =>
        eb.selectFrom('plan_action as oa').select('oa.position').where('oa.id', '=', action.id),
      )
      .where('a.description', '=', (eb) =>
        eb.selectFrom('plan_action as oa').select('oa.description').where('oa.id', '=', action.id),
      )
      .where('a.status', 'not in', ['done', 'stopped'])
      .executeTakeFirst();
    if (copy) {
      await tx.updateTable('plan_action').set(progress(copy.progress_note)).where('id', '=', copy.id).execute();
      await tx
        .updateTable('plan_version')
        .set((eb) => ({ version: eb('version', '+', 1) }))
        .where('id', '=', draft.id)
        .execute();
    }
  }
  return { number: v.number };
}
