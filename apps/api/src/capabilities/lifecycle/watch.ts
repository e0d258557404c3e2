import type { CaseCourseView } from '@nabij/contracts';
import { AppError } from '../../shared/app-error';
import type { AccessContext } from '../../shared/actor';
import { municipalDate, municipalToday } from '../../shared/clock';
import type { Tx } from '../../platform/database/database';
import type { Deps } from '../../platform/deps';
import { lockCaseState, logCaseAccess, moveCasePhase, withCase } from '../case-files';
import { findAgreedPlan } from '../plan';
import { buildCourseView } from './course-view';
import { DATA_CATEGORY } from './evaluate';
import { mayReactivate, nextCheckIn } from './lifecycle.domain';

async function activeWatch(tx: Tx, caseId: string) {
  return tx
    .selectFrom('case_watch')
    .select(['id', 'started_on', 'check_in_interval_weeks', 'ends_on'])
    .where('case_id', '=', caseId)
    .where('ended_on', 'is', null)
    .forUpdate()
    .executeTakeFirst();
}

/** A short check-in during the watch: date, how, all well or not, a note. Moves the next check-in one interval on. */
export async function recordCheckIn(
  deps: Deps,
  ctx: AccessContext,
  caseId: string,
  input: { checkedOn: string; way: string; allWell: boolean; note?: string | undefined },
): Promise<CaseCourseView> {
  const today = municipalToday(deps.clock);
  return withCase(deps, ctx, caseId, 'work', DATA_CATEGORY, async (tx, c) => {
    const state = await lockCaseState(tx, c.id);
    const watch = state.phase === 'watch' ? await activeWatch(tx, c.id) : undefined;
    if (!watch) throw new AppError('not_in_watch');
    if (input.checkedOn > today)
      throw new AppError('validation_failed', { fieldErrors: { checkedOn: ['Deze datum ligt in de toekomst.'] } });
    if (input.checkedOn < watch.started_on)
      throw new AppError('validation_failed', {
        fieldErrors: { checkedOn: [`De waakvlam begon op ${watch.started_on}; een check-in ligt daarna.`] },
      });
    await tx
      .insertInto('watch_check_in')
      .values({
        tenant_id: ctx.actor.tenantId,
        watch_id: watch.id,
        case_id: c.id,
        checked_on: input.checkedOn,
        way: input.way,
        all_well: input.allWell,
        note: input.note ?? null,
        recorded_by: ctx.actor.userId,
      })
      .execute();
    const latest = await tx
      .selectFrom('watch_check_in')
      .select((eb) => eb.fn.max('checked_on').as('on'))
      .where('watch_id', '=', watch.id)
      .executeTakeFirstOrThrow();
    await tx
      .updateTable('case_watch')
      .set((eb) => ({
        next_check_in_on: nextCheckIn(latest.on ?? input.checkedOn, watch.check_in_interval_weeks, watch.ends_on),
        version: eb('version', '+', 1),
      }))
      .where('id', '=', watch.id)
      .execute();
    await logCaseAccess(tx, ctx, c, {
      action: 'create',
      event: 'watch.checked_in',
      dataCategory: DATA_CATEGORY,
      permission: 'case:read',
      detail: { allWell: input.allWell },
    });
    return buildCourseView(tx, c, today);
  });
}

/** Ends the watch: the case is closed. */
export async function endWatch(
  deps: Deps,
  ctx: AccessContext,
  caseId: string,
  input: { note?: string | undefined },
): Promise<CaseCourseView> {
  const now = deps.clock.now();
  const today = municipalDate(now);
  return withCase(deps, ctx, caseId, 'work', DATA_CATEGORY, async (tx, c) => {
    const state = await lockCaseState(tx, c.id);
    const watch = state.phase === 'watch' ? await activeWatch(tx, c.id) : undefined;
    if (!watch) throw new AppError('not_in_watch');
    await tx
      .updateTable('case_watch')
      .set((eb) => ({
        ended_on: today < watch.started_on ? watch.started_on : today,
        end_kind: 'ended',
        end_note: input.note ?? null,
        ended_by: ctx.actor.userId,
        version: eb('version', '+', 1),
      }))
      .where('id', '=', watch.id)
      .execute();
    await moveCasePhase(tx, c.id, ['watch'], 'closed', { closedAt: now });
    await logCaseAccess(tx, ctx, c, {
      action: 'update',
      event: 'case_file.watch_ended',
      dataCategory: DATA_CATEGORY,
      permission: 'case:read',
    });
    return buildCourseView(tx, c, today);
  });
}

/**
 * One-step reactivation: a case in watch, or closed less than two years ago, becomes active again as a new episode
 * of the same case file. Its history (evaluations, closure, letters, watch) stays. With an agreed plan the case goes
 * back to execution (the worker evaluates and changes the plan through a new version); without one, to analysis with a
 * new analysis deadline.
 */
export async function reactivateCase(
  deps: Deps,
  ctx: AccessContext,
  caseId: string,
  input: { reason: string },
): Promise<CaseCourseView> {
  const today = municipalToday(deps.clock);
  return withCase(deps, ctx, caseId, 'work', DATA_CATEGORY, async (tx, c) => {
    const state = await lockCaseState(tx, c.id);
    const closedOn = state.closed_at ? municipalDate(state.closed_at) : null;
    if (!mayReactivate(state.phase, closedOn, today)) throw new AppError('cannot_reactivate');
    const watch = state.phase === 'watch' ? await activeWatch(tx, c.id) : undefined;
    if (watch) {
      await tx
        .updateTable('case_watch')
        .set((eb) => ({
          ended_on: today < watch.started_on ? watch.started_on : today,
          end_kind: 'reactivated',
          end_note: input.reason,
          ended_by: ctx.actor.userId,
          version: eb('version', '+', 1),
        }))
        .where('id', '=', watch.id)
        .execute();
    }
    const to = (await findAgreedPlan(tx, c.id)) ? 'execution' : 'analysis';
    const episode = state.episode + 1;
    await tx
      .insertInto('case_episode')
      .values({
        tenant_id: ctx.actor.tenantId,
        case_id: c.id,
        number: episode,
        started_on: today,
        from_phase: state.phase,
        to_phase: to,
        reason: input.reason,
        started_by: ctx.actor.userId,
      })
      .execute();
    const moved = await moveCasePhase(tx, c.id, [state.phase as 'watch'], to, {
      closedAt: null,
      episode,
      renewAnalysisDeadline: to === 'analysis',
    });
    if (!moved) throw new AppError('version_conflict');
    await logCaseAccess(tx, ctx, c, {
      action: 'update',
      event: 'case_file.reactivated',
      dataCategory: DATA_CATEGORY,
      permission: 'case:read',
      detail: { episode, from: state.phase, to },
    });
    return buildCourseView(tx, c, today);
  });
}
