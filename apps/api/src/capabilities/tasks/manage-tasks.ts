import type { TaskKind, TaskList, TaskView } from '@nabij/contracts';
import { AppError } from '../../shared/app-error';
import type { AccessContext } from '../../shared/actor';
import { municipalToday } from '../../shared/clock';
import type { Tx } from '../../platform/database/database';
import type { Deps } from '../../platform/deps';
import { recordAccess, recordAccessMany } from '../audit';
import { logCaseAccess, withCase } from '../case-files';

function baseQuery(tx: Tx) {
  return tx
    .selectFrom('task as t')
    .leftJoin('case_file as c', 'c.id', 't.case_id')
    .leftJoin('referral as r', 'r.id', 'c.referral_id')
    .leftJoin('household as h', 'h.id', 'c.household_id')
    .leftJoin('app_user as a', (j) =>
      j.on((eb) => eb('a.id', '=', eb.fn.coalesce('t.assignee_id', 'c.case_worker_id'))),
    )
    .select([
      't.id',
      't.kind',
      't.title',
      't.due_on',
      't.case_id',
      't.done_at',
      't.version',
      'r.reference',
      'h.name as household_name',
      'c.primary_person_id',
      'a.id as assignee_id',
      'a.display_name as assignee_name',
    ]);
}
type TaskRow = Awaited<ReturnType<ReturnType<typeof baseQuery>['execute']>>[number];

function toView(r: TaskRow, today: string): TaskView {
  return {
    id: r.id,
    kind: r.kind as TaskKind,
    title: r.title,
    dueOn: r.due_on,
    overdue: r.done_at === null && r.due_on < today,
    dueToday: r.due_on === today,
    caseId: r.case_id,
    caseReference: r.reference,
    householdName: r.household_name,
    assignee: r.assignee_id && r.assignee_name ? { id: r.assignee_id, name: r.assignee_name } : null,
    doneAt: r.done_at ? r.done_at.toISOString() : null,
    version: r.version,
  };
}

async function logListing(
  tx: Tx,
  ctx: AccessContext,
  rows: TaskRow[],
  event: string,
  permission: 'case:read_own' | 'task:read_team',
) {
  const persons = [...new Set(rows.map((r) => r.primary_person_id).filter((p): p is string => p !== null))];
  await recordAccessMany(
    tx,
    ctx,
    { action: 'search', event, dataCategory: 'task', permission, detail: { count: rows.length } },
    persons.length ? persons : [null],
  );
}

/** "Mijn werk": the open tasks of the user — assigned to them, or on cases where they are the case worker. */
export function listMyTasks(deps: Deps, ctx: AccessContext): Promise<TaskList> {
  const today = municipalToday(deps.clock);
  const me = ctx.actor.userId;
  return deps.db.inTenant(ctx.actor.tenantId, async (tx) => {
    const rows = await baseQuery(tx)
      .where('t.done_at', 'is', null)
      .where((eb) =>
        eb.or([
          eb('t.assignee_id', '=', me),
          eb.and([eb('t.assignee_id', 'is', null), eb('c.case_worker_id', '=', me)]),
        ]),
      )
      .orderBy('t.due_on')
      .orderBy('t.created_at')
      .execute();
    await logListing(tx, ctx, rows, 'task.listed', 'case:read_own');
    return { tasks: rows.map((r) => toView(r, today)) };
  });
}

/** The coordinator's view: the open tasks of the teams they coordinate, per worker. */
export function listTeamTasks(deps: Deps, ctx: AccessContext): Promise<TaskList> {
  const today = municipalToday(deps.clock);
  const teams = ctx.actor.teamIds;
  return deps.db.inTenant(ctx.actor.tenantId, async (tx) => {
    if (teams.length === 0) return { tasks: [] };
    const rows = await baseQuery(tx)
      .where('t.done_at', 'is', null)
      .where('t.team_id', 'in', teams)
      .orderBy('t.due_on')
      .orderBy('a.display_name')
      .execute();
    await logListing(tx, ctx, rows, 'task.team_listed', 'task:read_team');
    return { tasks: rows.map((r) => toView(r, today)) };
  });
}

/** The open tasks of one case (on the case overview). The caller has already checked access and logs the read. */
export async function openTasksOfCase(tx: Tx, caseId: string, today: string): Promise<TaskView[]> {
  const rows = await baseQuery(tx)
    .where('t.case_id', '=', caseId)
    .where('t.done_at', 'is', null)
    .orderBy('t.due_on')
    .execute();
  return rows.map((r) => toView(r, today));
}

async function checkAssignee(tx: Tx, assigneeId: string): Promise<void> {
  const user = await tx.selectFrom('app_user').select(['id', 'active']).where('id', '=', assigneeId).executeTakeFirst();
  if (!user?.active)
    throw new AppError('validation_failed', {
      fieldErrors: { assigneeId: ['Kies een actieve medewerker van uw organisatie.'] },
    });
}

/** A manual task on a case; by default for the case worker. */
export function createCaseTask(
  deps: Deps,
  ctx: AccessContext,
  caseId: string,
  input: { title: string; dueOn: string; assigneeId?: string | undefined },
): Promise<TaskView> {
  const today = municipalToday(deps.clock);
  return withCase(deps, ctx, caseId, 'work', 'task', async (tx, c) => {
    if (input.assigneeId) await checkAssignee(tx, input.assigneeId);
    const phase = await tx.selectFrom('case_file').select('phase').where('id', '=', c.id).executeTakeFirstOrThrow();
    if (phase.phase === 'closed') throw new AppError('case_closed');
    const { id } = await tx
      .insertInto('task')
      .values({
        tenant_id: ctx.actor.tenantId,
        team_id: c.teamId,
        case_id: c.id,
        kind: 'manual',
        title: input.title,
        due_on: input.dueOn,
        assignee_id: input.assigneeId ?? null,
        created_by: ctx.actor.userId,
        created_at: deps.clock.now(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await logCaseAccess(tx, ctx, c, {
      action: 'create',
      event: 'task.created',
      dataCategory: 'task',
      permission: 'case:read',
      detail: { taskId: id },
    });
    return toView(await baseQuery(tx).where('t.id', '=', id).executeTakeFirstOrThrow(), today);
  });
}

/** A personal task without a case (e.g. "prepare the team meeting"). */
export function createOwnTask(
  deps: Deps,
  ctx: AccessContext,
  input: { title: string; dueOn: string },
): Promise<TaskView> {
  const today = municipalToday(deps.clock);
  const teamId = ctx.actor.teamIds[0];
  if (!teamId) throw new AppError('team_not_found');
  return deps.db.inTenant(ctx.actor.tenantId, async (tx) => {
    const { id } = await tx
      .insertInto('task')
      .values({
        tenant_id: ctx.actor.tenantId,
        team_id: teamId,
        kind: 'manual',
        title: input.title,
        due_on: input.dueOn,
        assignee_id: ctx.actor.userId,
        created_by: ctx.actor.userId,
        created_at: deps.clock.now(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAccess(tx, ctx, {
      action: 'create',
      event: 'task.created',
      dataCategory: 'task',
      permission: 'case:read_own',
      detail: { taskId: id },
    });
    return toView(await baseQuery(tx).where('t.id', '=', id).executeTakeFirstOrThrow(), today);
  });
}

/**
 * Marks a task done: the assignee, the case worker or tandem partner of its case, or the team's coordinator.
 * A stale version (someone else finished or changed it meanwhile) is a conflict.
 */
export function completeTask(deps: Deps, ctx: AccessContext, taskId: string, version: number): Promise<TaskView> {
  return setTaskDone(deps, ctx, taskId, version, true);
}

/**
 * Undoes "Klaar" (issue #19 item 8): the task is open again, for the same people who may complete it, versioned and
 * logged as task.reopened. Only a task that is done; a stale version is a 409.
 */
export function reopenTask(deps: Deps, ctx: AccessContext, taskId: string, version: number): Promise<TaskView> {
  return setTaskDone(deps, ctx, taskId, version, false);
}

async function setTaskDone(
  deps: Deps,
  ctx: AccessContext,
  taskId: string,
  version: number,
  done: boolean,
): Promise<TaskView> {
  const today = municipalToday(deps.clock);
  const me = ctx.actor.userId;
  const result = await deps.db.inTenant(ctx.actor.tenantId, async (tx) => {
    const task = await tx
      .selectFrom('task as t')
      .leftJoin('case_file as c', 'c.id', 't.case_id')
      .select([
        't.id',
        't.team_id',
        't.case_id',
        't.assignee_id',
        't.version',
        't.done_at',
        'c.case_worker_id',
        'c.tandem_worker_id',
        'c.primary_person_id',
      ])
      .where('t.id', '=', taskId)
      .executeTakeFirst();
    if (!task) throw new AppError('not_found');
    const isCoordinator = ctx.actor.roles.includes('team_coordinator') && ctx.actor.teamIds.includes(task.team_id);
    const mayComplete =
      task.assignee_id === me || task.case_worker_id === me || task.tandem_worker_id === me || isCoordinator;
    if (!mayComplete) return { kind: 'refused' as const, task };
    const updated = await tx
      .updateTable('task')
      .set(
        done
          ? { done_at: deps.clock.now(), done_by: me, outcome: 'done', version: version + 1 }
          : { done_at: null, done_by: null, outcome: null, version: version + 1 },
      )
      .where('id', '=', taskId)
      .where('version', '=', version)
      .where('done_at', done ? 'is' : 'is not', null)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) throw new AppError('version_conflict');
    const event = done ? 'task.completed' : 'task.reopened';
    await recordAccess(tx, ctx, {
      action: 'update',
      event,
      dataCategory: 'task',
      caseId: task.case_id,
      personId: task.primary_person_id,
      teamId: task.team_id,
      detail: { taskId },
    });
    return {
      kind: 'done' as const,
      view: toView(await baseQuery(tx).where('t.id', '=', taskId).executeTakeFirstOrThrow(), today),
    };
  });
  if (result.kind === 'done') return result.view;
  // The refusal is logged in a transaction of its own, after the first has ended (never two at once: ADR 0012).
  const { task } = result;
  await deps.db.inTenant(ctx.actor.tenantId, (tx) =>
    recordAccess(tx, ctx, {
      action: 'update',
      event: done ? 'task.complete_denied' : 'task.reopen_denied',
      dataCategory: 'task',
      caseId: task.case_id,
      personId: task.primary_person_id,
      outcome: 'denied',
      detail: { taskId },
    }),
  );
  throw new AppError('forbidden');
}

export function setTaskDigest(deps: Deps, ctx: AccessContext, enabled: boolean): Promise<{ taskDigest: boolean }> {
  // app_user is read-only for the app role; this touches only the user's own preference.
  return deps.db.inSystem(async (tx) => {
    await tx
      .updateTable('app_user')
      .set({ task_digest: enabled })
      .where('id', '=', ctx.actor.userId)
      .where('tenant_id', '=', ctx.actor.tenantId)
      .execute();
    return { taskDigest: enabled };
  });
}

export function getTaskDigest(deps: Deps, ctx: AccessContext): Promise<{ taskDigest: boolean }> {
  return deps.db.inTenant(ctx.actor.tenantId, async (tx) => {
    const u = await tx
      .selectFrom('app_user')
      .select('task_digest')
      .where('id', '=', ctx.actor.userId)
      .executeTakeFirstOrThrow();
    return { taskDigest: u.task_digest };
  });
}
