import type { CaseOverview, NetworkMeetingView } from '@nabij/contracts';
import { AppError } from '../../shared/app-error';
import type { AccessContext } from '../../shared/actor';
import { municipalToday } from '../../shared/clock';
import type { Tx } from '../../platform/database/database';
import type { Deps } from '../../platform/deps';
import { logCaseAccess, withCase, type CaseRow } from './case-access';
import { buildOverview } from './view-case';

type Detail = Record<string, string | number | boolean | null>;

/** Authorise on the case ('work'), change, log one row per person of the household, answer with the new overview. */
function changeCase(
  deps: Deps,
  ctx: AccessContext,
  caseId: string,
  event: string,
  dataCategory: string,
  change: (tx: Tx, c: CaseRow) => Promise<{ action: 'create' | 'update'; detail: Detail }>,
): Promise<CaseOverview> {
  const today = municipalToday(deps.clock);
  return withCase(deps, ctx, caseId, 'work', dataCategory, async (tx, c) => {
    const { action, detail } = await change(tx, c);
    await logCaseAccess(tx, ctx, c, { action, event, dataCategory, permission: 'case:read', detail });
    return buildOverview(tx, ctx, c, today);
  });
}

const isUniqueViolation = (err: unknown) =>
  typeof err === 'object' && err !== null && (err as { code?: unknown }).code === '23505';

/**
 * Saves the analysis' conclusion (issue #22 item 6). Every save is a new row with the next version: the rows are the
 * history. A save from an older version is refused (409); two saves at once meet the unique key (409 too).
 */
export const recordAnalysisConclusion = (
  deps: Deps,
  ctx: AccessContext,
  caseId: string,
  input: {
    version: number;
    questionBehind?: string | undefined;
    workingHypothesis?: string | undefined;
    sustainingFactors?: string | undefined;
  },
) =>
  changeCase(deps, ctx, caseId, 'analysis.conclusion_recorded', 'assessment', async (tx, c) => {
    const current = await tx
      .selectFrom('analysis_conclusion')
      .select((eb) => eb.fn.max('version').as('version'))
      .where('case_id', '=', c.id)
      .executeTakeFirst();
    const version = current?.version ?? 0;
    if (version !== input.version) throw new AppError('version_conflict');
    try {
      await tx
        .insertInto('analysis_conclusion')
        .values({
          tenant_id: ctx.actor.tenantId,
          case_id: c.id,
          version: version + 1,
          question_behind: input.questionBehind ?? null,
          working_hypothesis: input.workingHypothesis ?? null,
          sustaining_factors: input.sustainingFactors ?? null,
          recorded_by: ctx.actor.userId,
        })
        .execute();
    } catch (err) {
      if (isUniqueViolation(err)) throw new AppError('version_conflict');
      throw err;
    }
    return { action: version === 0 ? 'create' : 'update', detail: { version: version + 1 } };
  });

interface MeetingInput {
  kind: NetworkMeetingView['kind'];
  status: NetworkMeetingView['status'];
  plannedOn?: string | undefined;
  heldOn?: string | undefined;
  planReceivedOn?: string | undefined;
  cancelReason?: string | undefined;
  note?: string | undefined;
  invitedNetworkPersonIds: string[];
  invitedProfessionalIds: string[];
}

/** The invited must be people and professionals already recorded on this case. */
async function checkInvitees(tx: Tx, c: CaseRow, input: MeetingInput): Promise<void> {
  const [people, pros] = await Promise.all([
    input.invitedNetworkPersonIds.length
      ? tx
          .selectFrom('network_person')
          .select('id')
          .where('case_id', '=', c.id)
          .where('id', 'in', input.invitedNetworkPersonIds)
          .execute()
      : Promise.resolve([]),
    input.invitedProfessionalIds.length
      ? tx
          .selectFrom('involved_professional')
          .select('id')
          .where('case_id', '=', c.id)
          .where('id', 'in', input.invitedProfessionalIds)
          .execute()
      : Promise.resolve([]),
  ]);
  const fieldErrors: Record<string, string[]> = {};
  if (people.length !== new Set(input.invitedNetworkPersonIds).size)
    fieldErrors.invitedNetworkPersonIds = ['Kies mensen uit het netwerk van dit dossier.'];
  if (pros.length !== new Set(input.invitedProfessionalIds).size)
    fieldErrors.invitedProfessionalIds = ['Kies hulpverleners die bij dit dossier betrokken zijn.'];
  if (Object.keys(fieldErrors).length) throw new AppError('validation_failed', { fieldErrors });
}

async function writeInvitees(tx: Tx, ctx: AccessContext, meetingId: string, input: MeetingInput): Promise<void> {
  await tx.deleteFrom('network_meeting_invitee').where('meeting_id', '=', meetingId).execute();
  const rows = [
    ...[...new Set(input.invitedNetworkPersonIds)].map((id) => ({ network_person_id: id, professional_id: null })),
    ...[...new Set(input.invitedProfessionalIds)].map((id) => ({ network_person_id: null, professional_id: id })),
  ].map((r) => ({ ...r, tenant_id: ctx.actor.tenantId, meeting_id: meetingId }));
  if (rows.length) await tx.insertInto('network_meeting_invitee').values(rows).execute();
}

/** Only the dates that belong to the status are kept: a proposed meeting has no date held. */
function meetingColumns(input: MeetingInput) {
  const held = input.status === 'held' || input.status === 'plan_received';
  return {
    kind: input.kind,
    status: input.status,
    planned_on: input.plannedOn ?? null,
    held_on: held || input.status === 'cancelled' ? (input.heldOn ?? null) : null,
    plan_received_on: input.status === 'plan_received' ? (input.planReceivedOn ?? null) : null,
    cancel_reason: input.status === 'cancelled' ? (input.cancelReason ?? null) : null,
    note: input.note ?? null,
  };
}

/** Records a network meeting or family group conference on the case (issue #22 item 7). */
export const recordNetworkMeeting = (deps: Deps, ctx: AccessContext, caseId: string, input: MeetingInput) =>
  changeCase(deps, ctx, caseId, 'network_meeting.recorded', 'network', async (tx, c) => {
    await checkInvitees(tx, c, input);
    const { id } = await tx
      .insertInto('network_meeting')
      .values({
        tenant_id: ctx.actor.tenantId,
        case_id: c.id,
        ...meetingColumns(input),
        created_by: ctx.actor.userId,
        updated_by: ctx.actor.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await writeInvitees(tx, ctx, id, input);
    return { action: 'create', detail: { meetingId: id, status: input.status } };
  });

/**
 * The next step, a correction or a cancellation: the whole record again from the version the worker saw (409 on a
 * stale write), with the reason of a correction kept on the record and the change in the access log.
 */
export const changeNetworkMeeting = (
  deps: Deps,
  ctx: AccessContext,
  caseId: string,
  meetingId: string,
  input: MeetingInput & { version: number; changeReason?: string | undefined },
) =>
  changeCase(deps, ctx, caseId, 'network_meeting.changed', 'network', async (tx, c) => {
    const before = await tx
      .selectFrom('network_meeting')
      .select(['status', 'version'])
      .where('id', '=', meetingId)
      .where('case_id', '=', c.id)
      .executeTakeFirst();
    if (!before) throw new AppError('not_found');
    await checkInvitees(tx, c, input);
    const r = await tx
      .updateTable('network_meeting')
      .set({
        ...meetingColumns(input),
        change_reason: input.changeReason ?? null,
        version: before.version + 1,
        updated_by: ctx.actor.userId,
        updated_at: deps.clock.now(),
      })
      .where('id', '=', meetingId)
      .where('version', '=', input.version)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) throw new AppError('version_conflict');
    await writeInvitees(tx, ctx, meetingId, input);
    return {
      action: 'update',
      detail: { meetingId, from: before.status, to: input.status, version: before.version + 1 },
    };
  });
