import { addDays, type CaseloadView, type WorkerChangeReason } from '@nabij/contracts';
import { sql } from 'kysely';
import { AppError } from '../../shared/app-error';
import type { AccessContext, Actor } from '../../shared/actor';
import { municipalToday } from '../../shared/clock';
import type { Tx } from '../../platform/database/database';
import type { Deps } from '../../platform/deps';
import { recordAccessMany } from '../audit';
import { findCase, logCaseAccess, type CaseRow } from '../case-files';
import { buildCaseCoordination, DATA_CATEGORY, invalid, teamCaseWorkers, withCaseRule } from './case-coordination';
import { isCoordinatorOf } from './coordination.policy';

/**
 * Staff changes (issue #17 item 6, ADR 0033): a new contact person for one case with a warm-handover note, and moving
 * a worker's caseload in one go when they leave or are ill. Each change is a row in `case_worker_change` (written by
 * the trigger of migration 0019, completed here with who, why and the note), tasks for both workers, and the household
 * told by e-mail and/or Mijn Nabij.
 */

interface ChangeInput {
  reason: WorkerChangeReason;
  reasonNote?: string | undefined;
  handoverNote?: string | undefined;
}

/** An e-mail to send after the transaction commits. */
interface Outgoing {
  tenantId: string;
  to: string;
  subject: string;
  text: string;
}

const REASONS_WITHOUT_PREVIOUS_TASK: readonly WorkerChangeReason[] = ['leaving', 'illness', 'leave'];

/** Active case workers of a team (who can take over a case): the same list as the tandem's candidates. */
async function activeTeamWorkers(tx: Tx, teamId: string) {
  return (await teamCaseWorkers(tx, teamId)).map((w) => ({ id: w.id, name: w.display_name }));
}

async function userName(tx: Tx, id: string): Promise<{ name: string; active: boolean } | undefined> {
  const u = await tx.selectFrom('app_user').select(['display_name', 'active']).where('id', '=', id).executeTakeFirst();
  return u && { name: u.display_name, active: u.active };
}

/** The household's ways to be told: the primary person's e-mail, and active Mijn Nabij accounts of its members. */
async function householdChannels(tx: Tx, c: CaseRow) {
  const primary = c.primaryPersonId
    ? await tx.selectFrom('person').select(['email']).where('id', '=', c.primaryPersonId).executeTakeFirst()
    : undefined;
  const accounts = c.personIds.length
    ? await tx
        .selectFrom('resident_account')
        .select('id')
        .where('person_id', 'in', c.personIds)
        .where('active', '=', true)
        .execute()
    : [];
  const email = primary?.email ?? null;
  const told = email && accounts.length ? 'email_and_portal' : email ? 'email' : accounts.length ? 'portal' : 'none';
  return { email, told };
}

/**
 * Gives one case a new contact person, within the caller's transaction: the case (version-checked), the change row
 * completed with who/why/note, the previous worker's open tasks on the case, tasks for both workers, and the message
 * to the household (returned, to send after commit).
 */
async function applyWorkerChange(
  tx: Tx,
  ctx: AccessContext,
  c: CaseRow,
  change: ChangeInput & { newWorkerId: string; version: number; today: string },
): Promise<Outgoing[]> {
  const previousId = c.caseWorkerId;
  if (change.newWorkerId === previousId)
    throw invalid('caseWorkerId', 'Deze werker is al de contactpersoon. Kies een andere werker.');
  const candidates = await activeTeamWorkers(tx, c.teamId);
  const next = candidates.find((w) => w.id === change.newWorkerId);
  if (!next) throw invalid('caseWorkerId', 'Kies een actieve werker van het team van dit dossier.');
  // Handing over to the tandem partner makes them the contact person; the case then has no tandem.
  const updated = await tx
    .updateTable('case_file')
    .set((eb) => ({
      case_worker_id: change.newWorkerId,
      tandem_worker_id: c.tandemWorkerId === change.newWorkerId ? null : c.tandemWorkerId,
      version: eb('version', '+', 1),
    }))
    .where('id', '=', c.id)
    .where('version', '=', change.version)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) !== 1) throw new AppError('version_conflict');
  const channels = await householdChannels(tx, c);
  await tx
    .updateTable('case_worker_change')
    .set({
      changed_by: ctx.actor.userId,
      reason: change.reason,
      reason_note: change.reasonNote ?? null,
      handover_note: change.handoverNote ?? null,
      household_told: channels.told,
    })
    .where('case_id', '=', c.id)
    .where('new_worker_id', '=', change.newWorkerId)
    .where('changed_by', 'is', null)
    .where(sql<boolean>`changed_at = now()`)
    .execute();
  // Open tasks the previous worker had on this case go to the new contact person.
  await tx
    .updateTable('task')
    .set((eb) => ({ assignee_id: change.newWorkerId, version: eb('version', '+', 1) }))
    .where('case_id', '=', c.id)
    .where('assignee_id', '=', previousId)
    .where('done_at', 'is', null)
    .execute();
  const previous = await userName(tx, previousId);
  const reference = await caseReference(tx, c.id);
  const due = addDays(change.today, 5);
  const tasks = [
    {
      assignee: change.newWorkerId,
      title:
        channels.told === 'none'
          ? `Warme overdracht ${reference}: lees de overdrachtsnotitie en laat het huishouden weten dat u de nieuwe contactpersoon bent (geen e-mail of Mijn Nabij)`
          : `Warme overdracht ${reference}: lees de overdrachtsnotitie en maak kennis met het huishouden`,
    },
    ...(previous?.active && !REASONS_WITHOUT_PREVIOUS_TASK.includes(change.reason)
      ? [
          {
            assignee: previousId,
            title: `Warme overdracht ${reference} aan ${next.name}: bespreek het dossier en stel ${next.name} voor aan het huishouden`,
          },
        ]
      : []),
  ];
  await tx
    .insertInto('task')
    .values(
      tasks.map((t) => ({
        tenant_id: ctx.actor.tenantId,
        team_id: c.teamId,
        case_id: c.id,
        kind: 'manual',
        title: t.title,
        due_on: due,
        assignee_id: t.assignee,
        source_key: null,
        created_by: ctx.actor.userId,
      })),
    )
    .execute();
  await logCaseAccess(tx, ctx, c, {
    action: 'update',
    event: 'case_file.contact_person_changed',
    dataCategory: 'case_file',
    permission: 'case:assign',
    detail: {
      previousWorkerId: previousId,
      newWorkerId: change.newWorkerId,
      reason: change.reason,
      householdTold: channels.told,
    },
  });
  if (!channels.email) return [];
  const team = await tx
    .selectFrom('team')
    .select(['name', 'contact_phone'])
    .where('id', '=', c.teamId)
    .executeTakeFirstOrThrow();
  return [
    {
      tenantId: ctx.actor.tenantId,
      to: channels.email,
      ...newContactPersonMail({
        team: team.name,
        teamPhone: team.contact_phone,
        next: next.name,
        previous: previous?.name ?? null,
      }),
    },
  ];
}

/** The e-mail to the household about its new contact person, in plain Dutch (scanned with the other resident-facing texts). */
export function newContactPersonMail(v: {
  team: string;
  teamPhone: string | null;
  next: string;
  previous: string | null;
}): { subject: string; text: string } {
  return {
    subject: `Uw nieuwe contactpersoon bij ${v.team}`,
    text: [
      'Beste bewoner,',
      '',
      `Vanaf nu is ${v.next} uw contactpersoon bij ${v.team}.${v.previous ? ` ${v.previous} heeft uw situatie met ${v.next} besproken. U hoeft uw verhaal niet opnieuw te vertellen.` : ''}`,
      `${v.next} neemt binnenkort contact met u op.${v.teamPhone ? ` Heeft u eerder een vraag? Bel het wijkteam: ${v.teamPhone}.` : ''}`,
      '',
      'Met vriendelijke groet,',
      v.team,
    ].join('\n'),
  };
}

async function caseReference(tx: Tx, caseId: string): Promise<string> {
  const r = await tx
    .selectFrom('case_file as c')
    .leftJoin('referral as r', 'r.id', 'c.referral_id')
    .select('r.reference')
    .where('c.id', '=', caseId)
    .executeTakeFirst();
  return r?.reference ?? 'dossier';
}

/** Sends the household's messages after commit; a failed e-mail is logged and does not undo the change. */
async function sendAll(deps: Deps, messages: readonly Outgoing[]): Promise<void> {
  for (const m of messages) {
    try {
      await deps.mailer.send(m);
    } catch (err) {
      deps.log.warn({ errClass: err instanceof Error ? err.name : 'unknown' }, 'contact person change e-mail failed');
    }
  }
}

/** A new contact person for one case: only the coordinator of the case's team; the case's `version` guards concurrent changes. */
export async function changeContactPerson(
  deps: Deps,
  ctx: AccessContext,
  caseId: string,
  input: ChangeInput & { version: number; caseWorkerId: string; handoverNote: string },
) {
  const today = municipalToday(deps.clock);
  const { view, outgoing } = await withCaseRule(
    deps,
    ctx,
    caseId,
    'work',
    (actor, c) => isCoordinatorOf(actor, c.teamId),
    async (tx, c) => {
      const outgoing = await applyWorkerChange(tx, ctx, c, { ...input, newWorkerId: input.caseWorkerId, today });
      const after = await findCase(tx, c.id);
      return { view: await buildCaseCoordination(tx, ctx.actor, after ?? c, today), outgoing };
    },
  );
  await sendAll(deps, outgoing);
  return view;
}

/** Teams whose caseload the actor may move: the teams they coordinate. */
function coordinatedTeams(actor: Actor): string[] {
  return actor.roles.includes('team_coordinator') ? [...actor.teamIds] : [];
}

/** The screen "Dossiers overdragen": the workers of the coordinator's teams, and the chosen worker's open cases. */
export async function viewCaseload(
  deps: Deps,
  ctx: AccessContext,
  workerId: string | undefined,
): Promise<CaseloadView> {
  const teams = coordinatedTeams(ctx.actor);
  if (teams.length === 0) throw new AppError('forbidden');
  return deps.db.inTenant(ctx.actor.tenantId, (tx) => buildCaseloadView(tx, ctx, teams, workerId, true));
}

async function buildCaseloadView(
  tx: Tx,
  ctx: AccessContext,
  teams: string[],
  workerId: string | undefined,
  log: boolean,
): Promise<CaseloadView> {
  const open = sql<number>`(select count(*)::int from case_file c where c.phase <> 'closed' and c.team_id in (${sql.join(teams)}) and (c.case_worker_id = u.id or c.tandem_worker_id = u.id))`;
  const workers = await tx
    .selectFrom('app_user as u')
    .select(['u.id', 'u.display_name as name', 'u.active', open.as('open_cases')])
    .where((eb) =>
      eb.or([
        eb.exists(
          eb
            .selectFrom('user_team as ut')
            .innerJoin('user_role as r', 'r.user_id', 'ut.user_id')
            .select('ut.user_id')
            .whereRef('ut.user_id', '=', 'u.id')
            .where('ut.team_id', 'in', teams)
            .where('r.role', '=', 'case_worker'),
        ),
        // Someone who left the team (or another team's worker) but still carries a case of these teams.
        eb.exists(
          eb
            .selectFrom('case_file as c')
            .select('c.id')
            .where('c.phase', '!=', 'closed')
            .where('c.team_id', 'in', teams)
            .where((w) =>
              w.or([w('c.case_worker_id', '=', w.ref('u.id')), w('c.tandem_worker_id', '=', w.ref('u.id'))]),
            ),
        ),
      ]),
    )
    .orderBy('u.display_name')
    .execute();
  const chosen = workerId ? workers.find((w) => w.id === workerId) : undefined;
  if (workerId && !chosen) throw new AppError('user_not_found');
  const rows = chosen
    ? await tx
        .selectFrom('case_file as c')
        .innerJoin('team as t', 't.id', 'c.team_id')
        .leftJoin('referral as r', 'r.id', 'c.referral_id')
        .leftJoin('household as h', 'h.id', 'c.household_id')
        .leftJoin('app_user as cw', 'cw.id', 'c.case_worker_id')
        .leftJoin('app_user as tw', 'tw.id', 'c.tandem_worker_id')
        .select([
          'c.id',
          'c.version',
          'c.phase',
          'c.team_id',
          't.name as team_name',
          'r.reference',
          'h.name as household_name',
          'c.case_worker_id',
          'cw.display_name as case_worker_name',
          'c.tandem_worker_id',
          'tw.display_name as tandem_name',
          'c.primary_person_id',
        ])
        .where('c.phase', '!=', 'closed')
        .where('c.team_id', 'in', teams)
        .where((eb) => eb.or([eb('c.case_worker_id', '=', chosen.id), eb('c.tandem_worker_id', '=', chosen.id)]))
        .orderBy('r.reference')
        .execute()
    : [];
  const teamIds = [...new Set(rows.map((r) => r.team_id))];
  const candidates = [];
  for (const teamId of teamIds)
    candidates.push({ teamId, workers: (await activeTeamWorkers(tx, teamId)).filter((w) => w.id !== chosen?.id) });
  if (log && chosen) {
    await recordAccessMany(
      tx,
      ctx,
      {
        action: 'search',
        event: 'case_file.caseload_listed',
        dataCategory: 'case_file',
        permission: 'case:assign',
        detail: { workerId: chosen.id, count: rows.length },
      },
      rows.length ? rows.map((r) => r.primary_person_id) : [null],
    );
  }
  return {
    workers: workers.map((w) => ({ id: w.id, name: w.name, active: w.active, openCases: w.open_cases })),
    worker: chosen ? { id: chosen.id, name: chosen.name, active: chosen.active } : null,
    cases: rows.map((r) => {
      const role = r.case_worker_id === chosen?.id ? ('case_worker' as const) : ('tandem' as const);
      const other =
        role === 'case_worker'
          ? r.tandem_worker_id && r.tandem_name
            ? { id: r.tandem_worker_id, name: r.tandem_name }
            : null
          : { id: r.case_worker_id, name: r.case_worker_name ?? '' };
      return {
        caseId: r.id,
        version: r.version,
        reference: r.reference,
        householdName: r.household_name,
        phase: r.phase,
        teamId: r.team_id,
        teamName: r.team_name,
        role,
        otherWorker: other,
      };
    }),
    candidates: candidates.map((c) => ({
      teamId: c.teamId,
      workers: c.workers.map((w) => ({ id: w.id, name: w.name })),
    })),
  };
}

/**
 * Moves the chosen cases of one worker to new workers, all in one transaction (a stale case or a wrong choice changes
 * nothing): as contact person through the same change as for one case, as tandem partner by setting or removing the
 * tandem. Each change is logged on its case with the reason.
 */
export async function moveCaseload(
  deps: Deps,
  ctx: AccessContext,
  input: ChangeInput & {
    fromWorkerId: string;
    moves: Array<{ caseId: string; version: number; newWorkerId: string | null }>;
  },
) {
  const teams = coordinatedTeams(ctx.actor);
  if (teams.length === 0) throw new AppError('forbidden');
  const today = municipalToday(deps.clock);
  if (new Set(input.moves.map((m) => m.caseId)).size !== input.moves.length)
    throw invalid('moves', 'Een dossier staat twee keer in de lijst.');
  // A case of another team of the municipality: refused and logged with the case, in its own transaction.
  const refused = await deps.db.inTenant(ctx.actor.tenantId, async (tx) => {
    const out: CaseRow[] = [];
    for (const m of input.moves) {
      const c = await findCase(tx, m.caseId);
      if (!c) throw new AppError('not_found');
      if (!isCoordinatorOf(ctx.actor, c.teamId)) out.push(c);
    }
    return out;
  });
  if (refused.length) {
    await deps.db.inTenant(ctx.actor.tenantId, async (tx) => {
      for (const c of refused)
        await logCaseAccess(tx, ctx, c, {
          action: 'update',
          event: 'case_file.access_denied',
          dataCategory: 'case_file',
          outcome: 'denied',
        });
    });
    throw new AppError('forbidden');
  }
  const { result, outgoing } = await deps.db.inTenant(ctx.actor.tenantId, async (tx) => {
    const outgoing: Outgoing[] = [];
    for (const [i, m] of input.moves.entries()) {
      const c = await findCase(tx, m.caseId);
      if (!c) throw new AppError('not_found');
      const phase = await tx.selectFrom('case_file').select('phase').where('id', '=', c.id).executeTakeFirstOrThrow();
      if (phase.phase === 'closed') throw invalid(`moves.${i}`, 'Dit dossier is gesloten.');
      if (c.caseWorkerId === input.fromWorkerId) {
        if (!m.newWorkerId) throw invalid(`moves.${i}.newWorkerId`, 'Kies de nieuwe contactpersoon.');
        outgoing.push(
          ...(await applyWorkerChange(tx, ctx, c, { ...input, newWorkerId: m.newWorkerId, version: m.version, today })),
        );
      } else if (c.tandemWorkerId === input.fromWorkerId) {
        await moveTandem(tx, ctx, c, { ...input, newWorkerId: m.newWorkerId, version: m.version });
      } else {
        throw invalid(`moves.${i}`, 'Deze werker werkt niet (meer) aan dit dossier. Vernieuw de pagina.');
      }
    }
    return { result: await buildCaseloadView(tx, ctx, teams, input.fromWorkerId, false), outgoing };
  });
  await sendAll(deps, outgoing);
  return { moved: input.moves.length, view: result };
}

/** The leaving worker was the tandem partner: a new tandem partner from the team, or none. */
async function moveTandem(
  tx: Tx,
  ctx: AccessContext,
  c: CaseRow,
  m: ChangeInput & { newWorkerId: string | null; version: number },
): Promise<void> {
  if (m.newWorkerId !== null) {
    if (m.newWorkerId === c.caseWorkerId)
      throw invalid('moves', 'De contactpersoon kan niet ook de tandempartner zijn.');
    if (!(await activeTeamWorkers(tx, c.teamId)).some((w) => w.id === m.newWorkerId))
      throw invalid('moves', 'Kies een actieve werker van het team van dit dossier.');
  }
  const updated = await tx
    .updateTable('case_file')
    .set((eb) => ({ tandem_worker_id: m.newWorkerId, version: eb('version', '+', 1) }))
    .where('id', '=', c.id)
    .where('version', '=', m.version)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) !== 1) throw new AppError('version_conflict');
  await tx
    .insertInto('tandem_change')
    .values({
      tenant_id: ctx.actor.tenantId,
      case_id: c.id,
      previous_worker_id: c.tandemWorkerId,
      new_worker_id: m.newWorkerId,
      changed_by: ctx.actor.userId,
    })
    .execute();
  await logCaseAccess(tx, ctx, c, {
    action: 'update',
    event: 'case_file.tandem_changed',
    dataCategory: DATA_CATEGORY,
    permission: 'case:assign',
    detail: { previousWorkerId: c.tandemWorkerId, newWorkerId: m.newWorkerId, reason: m.reason, caseloadMove: true },
  });
}

/**
 * Links a municipal consultant to the case as process coordinator (procesregisseur, ADR 0033): from then on they read
 * the case and its plan. The case's workers and the team coordinator link and unlink; the case's `version` guards
 * concurrent changes; both are logged on the case.
 */
export async function linkProcessCoordinator(
  deps: Deps,
  ctx: AccessContext,
  caseId: string,
  input: { version: number; userId: string },
) {
  const today = municipalToday(deps.clock);
  return withCaseRule(
    deps,
    ctx,
    caseId,
    'work',
    () => true,
    async (tx, c) => {
      const consultant = await tx
        .selectFrom('app_user as u')
        .innerJoin('user_role as r', 'r.user_id', 'u.id')
        .select('u.id')
        .where('u.id', '=', input.userId)
        .where('u.active', '=', true)
        .where('r.role', '=', 'municipal_consultant')
        .executeTakeFirst();
      if (!consultant) throw invalid('userId', 'Kies een consulent van de gemeente.');
      if ((c.processCoordinatorIds ?? []).includes(input.userId))
        throw invalid('userId', 'Deze consulent is al procesregisseur van dit dossier.');
      await bumpCase(tx, c.id, input.version);
      await tx
        .insertInto('case_process_coordinator')
        .values({
          tenant_id: ctx.actor.tenantId,
          case_id: c.id,
          user_id: input.userId,
          linked_by: ctx.actor.userId,
          unlinked_by: null,
          unlinked_at: null,
        })
        .execute();
      await logCaseAccess(tx, ctx, c, {
        action: 'update',
        event: 'case_file.process_coordinator_linked',
        dataCategory: DATA_CATEGORY,
        permission: 'case:read',
        detail: { userId: input.userId },
      });
      return buildCaseCoordination(tx, ctx.actor, (await findCase(tx, c.id)) ?? c, today);
    },
  );
}

/** Ends the link of a process coordinator: their access to the case ends at once; the row stays as history. */
export async function unlinkProcessCoordinator(
  deps: Deps,
  ctx: AccessContext,
  caseId: string,
  input: { version: number; userId: string },
) {
  const today = municipalToday(deps.clock);
  return withCaseRule(
    deps,
    ctx,
    caseId,
    'work',
    () => true,
    async (tx, c) => {
      await bumpCase(tx, c.id, input.version);
      const ended = await tx
        .updateTable('case_process_coordinator')
        .set({ unlinked_by: ctx.actor.userId, unlinked_at: new Date() })
        .where('case_id', '=', c.id)
        .where('user_id', '=', input.userId)
        .where('unlinked_at', 'is', null)
        .executeTakeFirst();
      if (Number(ended.numUpdatedRows) !== 1)
        throw invalid('userId', 'Deze consulent is geen procesregisseur van dit dossier.');
      await logCaseAccess(tx, ctx, c, {
        action: 'update',
        event: 'case_file.process_coordinator_unlinked',
        dataCategory: DATA_CATEGORY,
        permission: 'case:read',
        detail: { userId: input.userId },
      });
      return buildCaseCoordination(tx, ctx.actor, (await findCase(tx, c.id)) ?? c, today);
    },
  );
}

async function bumpCase(tx: Tx, caseId: string, version: number): Promise<void> {
  const r = await tx
    .updateTable('case_file')
    .set((eb) => ({ version: eb('version', '+', 1) }))
    .where('id', '=', caseId)
    .where('version', '=', version)
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) !== 1) throw new AppError('version_conflict');
}
