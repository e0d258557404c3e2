import type { CaseCoordinationView } from '@nabij/contracts';
import { AppError } from '../../shared/app-error';
import type { AccessContext, Actor } from '../../shared/actor';
import { municipalToday } from '../../shared/clock';
import type { Tx } from '../../platform/database/database';
import type { Deps } from '../../platform/deps';
import { canWorkOnCase, logCaseAccess, withCase, type CaseRow } from '../case-files';
import { isOnCase, isCoordinatorOf } from './coordination.policy';
import { isOverdue } from './coordination.domain';
import { listCaseReviewItems, listUpcomingMeetings } from './coordination.store';

export const DATA_CATEGORY = 'coordination';
type Access = 'view' | 'work';

/**
 * `withCase` with a narrower rule on top (e.g. "only the case's own workers"): a refusal by that rule is
 * logged like any refused case access (in its own transaction, so the log row stays) and answered with 403.
 */
export async function withCaseRule<T>(
  deps: Deps,
  ctx: AccessContext,
  caseId: string,
  access: Access,
  rule: (actor: Actor, c: CaseRow, tx: Tx) => boolean | Promise<boolean>,
  fn: (tx: Tx, c: CaseRow) => Promise<T>,
): Promise<T> {
  let refused: CaseRow | undefined;
  try {
    return await withCase(deps, ctx, caseId, access, DATA_CATEGORY, async (tx, c) => {
      if (!(await rule(ctx.actor, c, tx))) {
        refused = c;
        throw new AppError('forbidden');
      }
      return fn(tx, c);
    });
  } catch (error) {
    if (refused) {
      const c = refused;
      await deps.db.inTenant(ctx.actor.tenantId, (tx) =>
        logCaseAccess(tx, ctx, c, {
          action: access === 'view' ? 'read' : 'update',
          event: 'case_file.access_denied',
          dataCategory: DATA_CATEGORY,
          outcome: 'denied',
        }),
      );
    }
    throw error;
  }
}

/** Throws a 400 with Dutch field messages when any are given; nothing is stored (the transaction is rolled back). */
export function refuse(fieldErrors: Record<string, string | undefined>): void {
  const errors = Object.fromEntries(
    Object.entries(fieldErrors)
      .filter((e): e is [string, string] => e[1] !== undefined)
      .map(([k, v]) => [k, [v]]),
  );
  if (Object.keys(errors).length) throw new AppError('validation_failed', { fieldErrors: errors });
}

/** A 400 with one Dutch field message, to throw. */
export const invalid = (field: string, message: string): AppError =>
  new AppError('validation_failed', { fieldErrors: { [field]: [message] } });

const iso = (d: Date) => d.toISOString();

/** Everything of team meetings and coordination on one case, as the case page shows it. */
export async function buildCaseCoordination(
  tx: Tx,
  actor: Actor,
  c: CaseRow,
  today: string,
): Promise<CaseCoordinationView> {
  const coordinatorView = isCoordinatorOf(actor, c.teamId);
  const [base, items, meetings, consultations, scientists, actions, transfers, decisions, teamWorkers, staff] =
    await Promise.all([
      tx
        .selectFrom('case_file as c')
        .leftJoin('app_user as tw', 'tw.id', 'c.tandem_worker_id')
        .innerJoin('app_user as cw', 'cw.id', 'c.case_worker_id')
        .select([
          'c.version',
          'tw.id as tandem_id',
          'tw.display_name as tandem_name',
          'cw.id as worker_id',
          'cw.display_name as worker_name',
        ])
        .where('c.id', '=', c.id)
        .executeTakeFirstOrThrow(),
      listCaseReviewItems(tx, c.id),
      listUpcomingMeetings(tx, c.teamId, today),
      tx
        .selectFrom('behavioural_consultation as b')
        .innerJoin('app_user as s', 's.id', 'b.scientist_id')
        .innerJoin('app_user as r', 'r.id', 'b.requested_by')
        .select([
          'b.id',
          'b.scientist_id',
          's.display_name as scientist_name',
          'b.question',
          'r.display_name as requested_by_name',
          'b.requested_at',
          'b.advice',
          'b.advised_on',
          'b.version',
        ])
        .where('b.case_id', '=', c.id)
        .orderBy('b.requested_at')
        .execute(),
      tx
        .selectFrom('app_user as u')
        .innerJoin('user_role as r', 'r.user_id', 'u.id')
        .select(['u.id', 'u.display_name'])
        .where('u.tenant_id', '=', actor.tenantId)
        .where('r.role', '=', 'behavioural_scientist')
        .where('u.active', '=', true)
        .orderBy('u.display_name')
        .execute(),
      tx
        .selectFrom('agreed_action as a')
        .innerJoin('app_user as u', 'u.id', 'a.updated_by')
        .select([
          'a.id',
          'a.party',
          'a.action',
          'a.due_on',
          'a.status',
          'a.last_checked_on',
          'a.note',
          'a.version',
          'u.display_name',
        ])
        .where('a.case_id', '=', c.id)
        .orderBy('a.created_at')
        .execute(),
      tx
        .selectFrom('care_transfer as t')
        .innerJoin('app_user as u', 'u.id', 't.recorded_by')
        .select([
          't.id',
          't.kind',
          't.organisation',
          't.what',
          't.on_date',
          't.warm_meeting_held',
          't.contact',
          't.ended_on',
          't.version',
          'u.display_name',
        ])
        .where('t.case_id', '=', c.id)
        .orderBy('t.on_date')
        .execute(),
      tx
        .selectFrom('scaling_decision as d')
        .innerJoin('app_user as u', 'u.id', 'd.recorded_by')
        .select([
          'd.id',
          'd.direction',
          'd.reason',
          'd.to_organisation',
          'd.decided_on',
          'd.schakeloverleg',
          'd.framework',
          'd.schakeloverleg_on',
          'd.participants',
          'u.display_name',
        ])
        .where('d.case_id', '=', c.id)
        .orderBy('d.decided_on')
        .execute(),
      coordinatorView ? teamCaseWorkers(tx, c.teamId) : Promise.resolve([]),
      staffOfCase(tx, actor, c),
    ]);
  return {
    caseId: c.id,
    caseVersion: base.version,
    teamId: c.teamId,
    isOnCase: isOnCase(actor, c),
    canWork: canWorkOnCase(actor, c),
    canSetTandem: coordinatorView,
    reviewItems: items.map((i) => ({
      id: i.id,
      meetingId: i.meeting_id,
      meetingDate: i.meets_on,
      questionKind: i.question_kind as 'other',
      question: i.question,
      requestedByName: i.requested_by_name,
      requestedAt: iso(i.requested_at),
      outcome:
        i.advice !== null && i.outcome_recorded_at
          ? {
              advice: i.advice,
              closureDecision: i.closure_decision as 'close' | null,
              agreements: i.agreements,
              agreementsBy: i.agreements_by,
              recordedByName: i.outcome_by_name ?? '',
              recordedAt: iso(i.outcome_recorded_at),
            }
          : null,
      version: i.version,
    })),
    upcomingMeetings: meetings.map((m) => ({ id: m.id, date: m.meets_on })),
    consultations: consultations.map((b) => ({
      id: b.id,
      scientist: { id: b.scientist_id, name: b.scientist_name },
      question: b.question,
      requestedByName: b.requested_by_name,
      requestedAt: iso(b.requested_at),
      advice: b.advice,
      advisedOn: b.advised_on,
      canAdvise: actor.roles.includes('behavioural_scientist') && b.scientist_id === actor.userId,
      version: b.version,
    })),
    scientists: dedupe(scientists).map((s) => ({ id: s.id, name: s.display_name })),
    agreedActions: actions.map((a) => ({
      id: a.id,
      party: a.party,
      action: a.action,
      dueOn: a.due_on,
      status: a.status as 'open',
      lastCheckedOn: a.last_checked_on,
      note: a.note,
      overdue: isOverdue({ dueOn: a.due_on, status: a.status }, today),
      updatedByName: a.display_name,
      version: a.version,
    })),
    transfers: transfers.map((t) => ({
      id: t.id,
      kind: t.kind as 'warm_handover',
      organisation: t.organisation,
      what: t.what,
      onDate: t.on_date,
      warmMeetingHeld: t.warm_meeting_held,
      contact: t.contact,
      endedOn: t.ended_on,
      recordedByName: t.display_name,
      version: t.version,
    })),
    scalingDecisions: decisions.map((d) => ({
      id: d.id,
      direction: d.direction as 'up',
      reason: d.reason,
      toOrganisation: d.to_organisation,
      decidedOn: d.decided_on,
      schakeloverleg: d.schakeloverleg,
      framework: d.framework as 'voluntary' | null,
      schakeloverlegOn: d.schakeloverleg_on,
      participants: d.participants,
      recordedByName: d.display_name,
    })),
    tandem: base.tandem_id && base.tandem_name ? { id: base.tandem_id, name: base.tandem_name } : null,
    teamWorkers: teamWorkers.map((w) => ({ id: w.id, name: w.display_name })),
    caseWorker: { id: base.worker_id, name: base.worker_name },
    canChangeContactPerson: coordinatorView,
    ...staff,
  };
}

/** The changes of contact person and the process coordinators of a case (issue #17 items 6 and 8). */
async function staffOfCase(tx: Tx, actor: Actor, c: CaseRow) {
  const [changes, coordinators, consultants] = await Promise.all([
    tx
      .selectFrom('case_worker_change as w')
      .leftJoin('app_user as p', 'p.id', 'w.previous_worker_id')
      .innerJoin('app_user as n', 'n.id', 'w.new_worker_id')
      .leftJoin('app_user as b', 'b.id', 'w.changed_by')
      .select([
        'w.changed_at',
        'w.previous_worker_id',
        'p.display_name as previous_name',
        'w.new_worker_id',
        'n.display_name as new_name',
        'w.reason',
        'w.reason_note',
        'w.handover_note',
        'b.display_name as by_name',
        'w.household_told',
      ])
      .where('w.case_id', '=', c.id)
      .orderBy('w.changed_at', 'desc')
      .execute(),
    tx
      .selectFrom('case_process_coordinator as pc')
      .innerJoin('app_user as u', 'u.id', 'pc.user_id')
      .select(['u.id', 'u.display_name'])
      .where('pc.case_id', '=', c.id)
      .where('pc.unlinked_at', 'is', null)
      .orderBy('u.display_name')
      .execute(),
    canWorkOnCase(actor, c)
      ? tx
          .selectFrom('app_user as u')
          .innerJoin('user_role as r', 'r.user_id', 'u.id')
          .select(['u.id', 'u.display_name'])
          .where('r.role', '=', 'municipal_consultant')
          .where('u.active', '=', true)
          .orderBy('u.display_name')
          .execute()
      : Promise.resolve([]),
  ]);
  return {
    contactPersonChanges: changes.map((w) => ({
      changedAt: iso(w.changed_at),
      previousWorker: w.previous_worker_id ? { id: w.previous_worker_id, name: w.previous_name ?? '' } : null,
      newWorker: { id: w.new_worker_id, name: w.new_name },
      reason: w.reason as 'other' | null,
      reasonNote: w.reason_note,
      handoverNote: w.handover_note,
      changedByName: w.by_name,
      householdTold: w.household_told as 'none' | null,
    })),
    processCoordinators: coordinators.map((u) => ({ id: u.id, name: u.display_name })),
    consultants: consultants.map((u) => ({ id: u.id, name: u.display_name })),
  };
}

function dedupe<T extends { id: string }>(rows: readonly T[]): T[] {
  const seen = new Set<string>();
  return rows.filter((r) => (seen.has(r.id) ? false : (seen.add(r.id), true)));
}

/** Active case workers of a team (candidates for the tandem). */
export async function teamCaseWorkers(tx: Tx, teamId: string) {
  return tx
    .selectFrom('app_user as u')
    .innerJoin('user_team as ut', 'ut.user_id', 'u.id')
    .innerJoin('user_role as r', 'r.user_id', 'u.id')
    .select(['u.id', 'u.display_name'])
    .where('ut.team_id', '=', teamId)
    .where('r.role', '=', 'case_worker')
    .where('u.active', '=', true)
    .orderBy('u.display_name')
    .execute();
}

/** The sections "Overleg en advies" and "Coördinatie en opschaling" of a case; the read is logged for every person of the household. */
export async function viewCaseCoordination(
  deps: Deps,
  ctx: AccessContext,
  caseId: string,
): Promise<CaseCoordinationView> {
  const today = municipalToday(deps.clock);
  return withCase(deps, ctx, caseId, 'view', DATA_CATEGORY, async (tx, c) => {
    const view = await buildCaseCoordination(tx, ctx.actor, c, today);
    await logCaseAccess(tx, ctx, c, {
      action: 'read',
      event: 'case_coordination.viewed',
      dataCategory: DATA_CATEGORY,
      permission: 'case:read',
    });
    return view;
  });
}
