import type { CaseCoordinationView } from '@nabij/contracts';
import { AppError } from '../../shared/app-error';
import type { AccessContext } from '../../shared/actor';
import { municipalToday } from '../../shared/clock';
import type { Tx } from '../../platform/database/database';
import type { Deps } from '../../platform/deps';
import { logCaseAccess, setTandemWorker, withCase, type CaseRow } from '../case-files';
import {
  buildCaseCoordination,
  DATA_CATEGORY,
  invalid,
  refuse,
  teamCaseWorkers,
  withCaseRule,
} from './case-coordination';
import { futureDateError } from './coordination.domain';
import { isCoordinatorOf } from './coordination.policy';
import { bumpVersion } from './coordination.store';

type Change = (
  tx: Tx,
  c: CaseRow,
  today: string,
) => Promise<{ event: string; action: 'create' | 'update'; detail?: Record<string, string | number | boolean | null> }>;

/** The shape of every coordination change on a case: authorise (case workers and team coordinator), change, log, answer with the sections. */
async function changeCoordination(
  deps: Deps,
  ctx: AccessContext,
  caseId: string,
  change: Change,
): Promise<CaseCoordinationView> {
  const today = municipalToday(deps.clock);
  return withCase(deps, ctx, caseId, 'work', DATA_CATEGORY, async (tx, c) => {
    const e = await change(tx, c, today);
    await logCaseAccess(tx, ctx, c, {
      action: e.action,
      event: e.event,
      dataCategory: DATA_CATEGORY,
      permission: 'case:read',
      ...(e.detail ? { detail: e.detail } : {}),
    });
    return buildCaseCoordination(tx, ctx.actor, c, today);
  });
}

// ---------- agreed actions of involved parties (casusregie) ----------
export interface AgreedActionInput {
  party: string;
  action: string;
  dueOn?: string | undefined;
  status: string;
  note?: string | undefined;
}

export const addAgreedAction = (deps: Deps, ctx: AccessContext, caseId: string, input: AgreedActionInput) =>
  changeCoordination(deps, ctx, caseId, async (tx, c) => {
    const row = await tx
      .insertInto('agreed_action')
      .values({
        tenant_id: ctx.actor.tenantId,
        case_id: c.id,
        party: input.party,
        action: input.action,
        due_on: input.dueOn ?? null,
        status: input.status,
        note: input.note ?? null,
        created_by: ctx.actor.userId,
        updated_by: ctx.actor.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return { event: 'agreed_action.added', action: 'create', detail: { agreedActionId: row.id } };
  });

/** Updates an agreed action (status, due date, when the coordinator last checked it); a stale version gets 409. */
export const changeAgreedAction = (
  deps: Deps,
  ctx: AccessContext,
  caseId: string,
  actionId: string,
  input: AgreedActionInput & { version: number; lastCheckedOn?: string | undefined },
) =>
  changeCoordination(deps, ctx, caseId, async (tx, c, today) => {
    const a = await tx
      .selectFrom('agreed_action')
      .select(['id', 'case_id'])
      .where('id', '=', actionId)
      .executeTakeFirst();
    if (!a || a.case_id !== c.id) throw new AppError('not_found');
    refuse({ lastCheckedOn: futureDateError(input.lastCheckedOn, today) });
    if (!(await bumpVersion(tx, 'agreed_action', a.id, input.version))) throw new AppError('version_conflict');
    await tx
      .updateTable('agreed_action')
      .set({
        party: input.party,
        action: input.action,
        due_on: input.dueOn ?? null,
        status: input.status,
        last_checked_on: input.lastCheckedOn ?? null,
        note: input.note ?? null,
        updated_by: ctx.actor.userId,
        updated_at: deps.clock.now(),
      })
      .where('id', '=', a.id)
      .execute();
    return { event: 'agreed_action.changed', action: 'update', detail: { agreedActionId: a.id, status: input.status } };
  });

// ---------- warm handover and tandem construction ----------
export const addCareTransfer = (
  deps: Deps,
  ctx: AccessContext,
  caseId: string,
  input: {
    kind: string;
    organisation: string;
    what: string;
    onDate: string;
    warmMeetingHeld?: boolean | null | undefined;
    contact?: string | undefined;
  },
) =>
  changeCoordination(deps, ctx, caseId, async (tx, c, today) => {
    const handover = input.kind === 'warm_handover';
    refuse({ onDate: handover && input.warmMeetingHeld ? futureDateError(input.onDate, today) : undefined });
    const row = await tx
      .insertInto('care_transfer')
      .values({
        tenant_id: ctx.actor.tenantId,
        case_id: c.id,
        kind: input.kind,
        organisation: input.organisation,
        what: input.what,
        on_date: input.onDate,
        warm_meeting_held: handover ? (input.warmMeetingHeld ?? false) : null,
        contact: input.contact ?? null,
        recorded_by: ctx.actor.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return {
      event: handover ? 'care_transfer.handover_recorded' : 'care_transfer.tandem_started',
      action: 'create',
      detail: { transferId: row.id },
    };
  });

/** Ends a tandem construction (the organisation's care has ended); a warm handover has no end. */
export const endCareTransfer = (
  deps: Deps,
  ctx: AccessContext,
  caseId: string,
  transferId: string,
  input: { version: number; endedOn: string },
) =>
  changeCoordination(deps, ctx, caseId, async (tx, c, today) => {
    const t = await tx
      .selectFrom('care_transfer')
      .select(['id', 'case_id', 'kind', 'on_date', 'ended_on'])
      .where('id', '=', transferId)
      .executeTakeFirst();
    if (!t || t.case_id !== c.id) throw new AppError('not_found');
    refuse({
      endedOn:
        t.kind !== 'tandem_construction'
          ? 'Alleen een tandemconstructie wordt beëindigd.'
          : t.ended_on !== null
            ? 'Deze tandemconstructie is al beëindigd.'
            : (futureDateError(input.endedOn, today) ??
              (input.endedOn < t.on_date ? 'De einddatum ligt voor de startdatum.' : undefined)),
    });
    if (!(await bumpVersion(tx, 'care_transfer', t.id, input.version))) throw new AppError('version_conflict');
    await tx.updateTable('care_transfer').set({ ended_on: input.endedOn }).where('id', '=', t.id).execute();
    return { event: 'care_transfer.tandem_ended', action: 'update', detail: { transferId: t.id } };
  });

// ---------- the tandem worker of the case ----------
/** The coordinator of the case's team sets, changes or removes the tandem worker (a second worker of the team). */
export async function setTandem(
  deps: Deps,
  ctx: AccessContext,
  caseId: string,
  input: { version: number; tandemWorkerId: string | null },
): Promise<CaseCoordinationView> {
  const today = municipalToday(deps.clock);
  return withCaseRule(
    deps,
    ctx,
    caseId,
    'work',
    (actor, c) => isCoordinatorOf(actor, c.teamId),
    async (tx, c) => {
      if (input.tandemWorkerId !== null) {
        const workers = await teamCaseWorkers(tx, c.teamId);
        if (input.tandemWorkerId === c.caseWorkerId)
          throw invalid('tandemWorkerId', 'De casemanager kan niet ook de tandempartner zijn. Kies een andere werker.');
        if (!workers.some((w) => w.id === input.tandemWorkerId))
          throw invalid('tandemWorkerId', 'Kies een werker van het team van dit dossier.');
      }
      if (!(await setTandemWorker(tx, c.id, input.tandemWorkerId, input.version)))
        throw new AppError('version_conflict');
      await tx
        .insertInto('tandem_change')
        .values({
          tenant_id: ctx.actor.tenantId,
          case_id: c.id,
          previous_worker_id: c.tandemWorkerId,
          new_worker_id: input.tandemWorkerId,
          changed_by: ctx.actor.userId,
        })
        .execute();
      await logCaseAccess(tx, ctx, c, {
        action: 'update',
        event: 'case_file.tandem_changed',
        dataCategory: DATA_CATEGORY,
        permission: 'case:read',
        detail: { tandemWorkerId: input.tandemWorkerId },
      });
      return buildCaseCoordination(tx, ctx.actor, { ...c, tandemWorkerId: input.tandemWorkerId }, today);
    },
  );
}

// ---------- scaling up or down, schakeloverleg ----------
export const recordScalingDecision = (
  deps: Deps,
  ctx: AccessContext,
  caseId: string,
  input: {
    direction: string;
    reason: string;
    toOrganisation: string;
    decidedOn: string;
    schakeloverleg: boolean;
    framework?: string | null | undefined;
    schakeloverlegOn?: string | undefined;
    participants?: string | undefined;
  },
) =>
  changeCoordination(deps, ctx, caseId, async (tx, c, today) => {
    // The contract already demands the framework and date with a schakeloverleg; checked again so no caller can skip it.
    refuse({
      decidedOn: futureDateError(input.decidedOn, today),
      schakeloverlegOn: input.schakeloverleg
        ? input.schakeloverlegOn
          ? futureDateError(input.schakeloverlegOn, today)
          : 'Vul de datum van het schakeloverleg in.'
        : undefined,
      framework:
        input.schakeloverleg && !input.framework
          ? 'Kies het kader dat het schakeloverleg besloot: vrijwillig of gedwongen.'
          : undefined,
    });
    const row = await tx
      .insertInto('scaling_decision')
      .values({
        tenant_id: ctx.actor.tenantId,
        case_id: c.id,
        direction: input.direction,
        reason: input.reason,
        to_organisation: input.toOrganisation,
        decided_on: input.decidedOn,
        schakeloverleg: input.schakeloverleg,
        framework: input.schakeloverleg ? (input.framework ?? null) : null,
        schakeloverleg_on: input.schakeloverleg ? (input.schakeloverlegOn ?? null) : null,
        participants: input.schakeloverleg ? (input.participants ?? null) : null,
        recorded_by: ctx.actor.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return {
      event: 'scaling.decided',
      action: 'create',
      detail: {
        decisionId: row.id,
        direction: input.direction,
        schakeloverleg: input.schakeloverleg,
        framework: input.schakeloverleg ? (input.framework ?? null) : null,
      },
    };
  });
