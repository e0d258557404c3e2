import type { CaseCoordinationView, CaseReviewMeetingList, CaseReviewMeetingView } from '@nabij/contracts';
import { AppError } from '../../shared/app-error';
import type { AccessContext, Actor } from '../../shared/actor';
import { municipalToday } from '../../shared/clock';
import type { Tx } from '../../platform/database/database';
import type { Deps } from '../../platform/deps';
import { recordAccess } from '../audit';
import { canViewCase, canWorkOnCase, findCase, logCaseAccess, withCase, type CaseRow } from '../case-files';
import { buildCaseCoordination, DATA_CATEGORY, invalid, refuse, withCaseRule } from './case-coordination';
import { meetingHasBegun, nextMeeting } from './coordination.domain';
import { canTakePartInCaseReview, isOnCase } from './coordination.policy';
import {
  bumpVersion,
  findItem,
  findMeeting,
  listAgenda,
  listMeetings,
  listUpcomingMeetings,
  type MeetingRow,
} from './coordination.store';

const daysBefore = (iso: string, days: number) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);

/** The case review meetings of the user's teams: upcoming ones and those of the last eight weeks. */
export async function listCaseReviewMeetings(deps: Deps, ctx: AccessContext): Promise<CaseReviewMeetingList> {
  const today = municipalToday(deps.clock);
  const teamIds = ctx.actor.teamIds.filter((teamId) => canTakePartInCaseReview(ctx.actor, teamId));
  return deps.db.inTenant(ctx.actor.tenantId, async (tx) => {
    const rows = await listMeetings(tx, teamIds, daysBefore(today, 56));
    return {
      meetings: rows.map((m) => ({
        id: m.id,
        teamId: m.team_id,
        teamName: m.team_name,
        date: m.meets_on,
        itemCount: Number(m.item_count),
        outcomeCount: Number(m.outcome_count),
      })),
    };
  });
}

/** Plans a case review meeting of one of the user's teams, today or later; one per team per day. */
export async function planCaseReview(
  deps: Deps,
  ctx: AccessContext,
  input: { teamId: string; date: string },
): Promise<CaseReviewMeetingView> {
  const today = municipalToday(deps.clock);
  if (!canTakePartInCaseReview(ctx.actor, input.teamId)) throw new AppError('forbidden');
  refuse({ date: input.date < today ? 'Plan het overleg op vandaag of een latere datum.' : undefined });
  return deps.db.inTenant(ctx.actor.tenantId, async (tx) => {
    const row = await tx
      .insertInto('case_review_meeting')
      .values({
        tenant_id: ctx.actor.tenantId,
        team_id: input.teamId,
        meets_on: input.date,
        created_by: ctx.actor.userId,
      })
      .onConflict((oc) => oc.columns(['team_id', 'meets_on']).doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!row) throw invalid('date', 'Op deze datum staat al een casuïstiekoverleg voor dit team gepland.');
    await recordAccess(tx, ctx, {
      action: 'create',
      event: 'case_review.planned',
      dataCategory: 'meeting',
      permission: 'case:read',
      teamId: input.teamId,
      detail: { meetingId: row.id },
    });
    return (await buildMeetingView(tx, ctx.actor, await visibleMeeting(tx, ctx.actor, row.id), today)).view;
  });
}

/**
 * The meeting page. Need to know: for a case the viewer may see, the household name, the question and the outcome;
 * for the other cases of the team only the reference, the contact person and the kind of question.
 */
async function buildMeetingView(
  tx: Tx,
  actor: Actor,
  m: MeetingRow,
  today: string,
): Promise<{ view: CaseReviewMeetingView; cases: Array<{ row: CaseRow; visible: boolean }> }> {
  const agenda = await listAgenda(tx, m.id);
  const cases: Array<{ row: CaseRow; visible: boolean }> = [];
  const held = meetingHasBegun(m.meets_on, today);
  const items = [];
  for (const i of agenda) {
    const row = await findCase(tx, i.case_id);
    if (!row) continue;
    const visible = canViewCase(actor, row);
    cases.push({ row, visible });
    items.push({
      id: i.id,
      caseId: i.case_id,
      reference: i.reference,
      contactPerson: i.contact_person,
      questionKind: i.question_kind as 'other',
      visible,
      householdName: visible ? i.household_name : null,
      question: visible ? i.question : null,
      requestedByName: visible ? i.requested_by_name : null,
      outcome:
        visible && i.advice !== null && i.outcome_recorded_at
          ? {
              advice: i.advice,
              closureDecision: i.closure_decision as 'close' | null,
              agreements: i.agreements,
              agreementsBy: i.agreements_by,
              recordedByName: i.outcome_by_name ?? '',
              recordedAt: i.outcome_recorded_at.toISOString(),
            }
          : null,
      canRecordOutcome: held && canWorkOnCase(actor, row),
      version: i.version,
    });
  }
  return {
    view: {
      id: m.id,
      teamId: m.team_id,
      teamName: m.team_name,
      date: m.meets_on,
      upcoming: m.meets_on >= today,
      held,
      items,
    },
    cases,
  };
}

/** Logs what the meeting page showed: per visible case one row per person; per limited case one row with the case id. */
async function logAgenda(
  tx: Tx,
  ctx: AccessContext,
  meetingId: string,
  cases: Array<{ row: CaseRow; visible: boolean }>,
  event: string,
): Promise<void> {
  for (const { row, visible } of cases) {
    if (visible)
      await logCaseAccess(tx, ctx, row, {
        action: 'read',
        event,
        dataCategory: 'meeting',
        permission: 'case:read',
        detail: { meetingId },
      });
    else
      await recordAccess(tx, ctx, {
        action: 'read',
        event,
        dataCategory: 'meeting',
        permission: 'case:read',
        caseId: row.id,
        teamId: row.teamId,
        detail: { meetingId, limited: true },
      });
  }
}

async function visibleMeeting(tx: Tx, actor: Actor, id: string): Promise<MeetingRow> {
  const m = await findMeeting(tx, id);
  if (!m || !canTakePartInCaseReview(actor, m.team_id)) throw new AppError('not_found');
  return m;
}

export async function viewCaseReviewMeeting(
  deps: Deps,
  ctx: AccessContext,
  id: string,
): Promise<CaseReviewMeetingView> {
  const today = municipalToday(deps.clock);
  return deps.db.inTenant(ctx.actor.tenantId, async (tx) => {
    const m = await visibleMeeting(tx, ctx.actor, id);
    const { view, cases } = await buildMeetingView(tx, ctx.actor, m, today);
    await logAgenda(tx, ctx, m.id, cases, 'case_review.agenda_viewed');
    return view;
  });
}

/**
 * A worker puts one of their cases on the agenda of an upcoming meeting of the case's team (without a meeting:
 * the next one), with the kind of question and the question itself. Only the case worker and the tandem partner may.
 */
export async function putOnAgenda(
  deps: Deps,
  ctx: AccessContext,
  caseId: string,
  input: { meetingId?: string | undefined; questionKind: string; question: string },
): Promise<CaseCoordinationView> {
  const today = municipalToday(deps.clock);
  return withCaseRule(deps, ctx, caseId, 'work', isOnCase, async (tx, c) => {
    const meeting = input.meetingId
      ? await findMeeting(tx, input.meetingId)
      : await (async () => {
          const next = nextMeeting(
            (await listUpcomingMeetings(tx, c.teamId, today)).map((m) => ({ id: m.id, date: m.meets_on })),
            today,
          );
          return next ? findMeeting(tx, next.id) : undefined;
        })();
    if (!meeting)
      throw invalid(
        'meetingId',
        input.meetingId
          ? 'Kies een overleg uit de lijst.'
          : 'Er is nog geen casuïstiekoverleg gepland voor dit team. Vraag de coördinator een overleg te plannen.',
      );
    refuse({
      meetingId:
        meeting.team_id !== c.teamId
          ? 'Kies een overleg van het team van dit dossier.'
          : meeting.meets_on < today
            ? 'Dit overleg is al geweest. Kies een volgend overleg.'
            : undefined,
    });
    const row = await tx
      .insertInto('case_review_item')
      .values({
        tenant_id: ctx.actor.tenantId,
        meeting_id: meeting.id,
        case_id: c.id,
        question_kind: input.questionKind,
        question: input.question,
        requested_by: ctx.actor.userId,
      })
      .onConflict((oc) => oc.columns(['meeting_id', 'case_id']).doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!row) throw invalid('meetingId', 'Dit dossier staat al op de agenda van dit overleg. Kies een ander overleg.');
    await logCaseAccess(tx, ctx, c, {
      action: 'create',
      event: 'case_review.put_on_agenda',
      dataCategory: DATA_CATEGORY,
      permission: 'case:read',
      detail: { meetingId: meeting.id, questionKind: input.questionKind },
    });
    return buildCaseCoordination(tx, ctx.actor, c, today);
  });
}

/** Takes a case off the agenda again, as long as no outcome was recorded (the case's own workers). */
export async function withdrawFromAgenda(
  deps: Deps,
  ctx: AccessContext,
  caseId: string,
  itemId: string,
  version: number,
): Promise<CaseCoordinationView> {
  const today = municipalToday(deps.clock);
  return withCaseRule(deps, ctx, caseId, 'work', isOnCase, async (tx, c) => {
    const item = await findItem(tx, itemId);
    if (!item || item.case_id !== c.id) throw new AppError('not_found');
    refuse({
      item:
        item.advice !== null
          ? 'Over dit agendapunt is al een advies vastgelegd; het kan niet meer van de agenda.'
          : undefined,
    });
    const r = await tx
      .deleteFrom('case_review_item')
      .where('id', '=', item.id)
      .where('version', '=', version)
      .where('advice', 'is', null)
      .executeTakeFirst();
    if (Number(r.numDeletedRows) !== 1) throw new AppError('version_conflict');
    await logCaseAccess(tx, ctx, c, {
      action: 'delete',
      event: 'case_review.taken_off_agenda',
      dataCategory: DATA_CATEGORY,
      permission: 'case:read',
      detail: { meetingId: item.meeting_id },
    });
    return buildCaseCoordination(tx, ctx.actor, c, today);
  });
}

/**
 * Records (or corrects) the outcome of an agenda item during or after the meeting: the advice or decision, the
 * follow-up agreements and who carries them out. Written to the case (its timeline and "Overleg en advies").
 * The case's workers and the team coordinator may; a stale version gets 409.
 */
export async function recordOutcome(
  deps: Deps,
  ctx: AccessContext,
  meetingId: string,
  itemId: string,
  input: {
    version: number;
    advice: string;
    agreements?: string | undefined;
    agreementsBy?: string | undefined;
    closureDecision?: 'close' | 'continue' | undefined;
  },
): Promise<CaseReviewMeetingView> {
  const today = municipalToday(deps.clock);
  const item = await deps.db.inTenant(ctx.actor.tenantId, async (tx) => {
    await visibleMeeting(tx, ctx.actor, meetingId);
    return findItem(tx, itemId);
  });
  if (!item || item.meeting_id !== meetingId) throw new AppError('not_found');
  return withCase(deps, ctx, item.case_id, 'work', DATA_CATEGORY, async (tx, c) => {
    const m = await visibleMeeting(tx, ctx.actor, meetingId);
    refuse({
      advice: meetingHasBegun(m.meets_on, today)
        ? undefined
        : 'Het overleg is nog niet geweest. Leg de uitkomst vast tijdens of na het overleg.',
    });
    // On a closure question the meeting decides: close (the worker closes with the risk) or continue (ADR 0034).
    const closureQuestion = item.question_kind === 'closure';
    refuse({
      closureDecision:
        closureQuestion && !input.closureDecision
          ? 'Kies het besluit: afsluiten of de begeleiding voortzetten.'
          : undefined,
    });
    if (!(await bumpVersion(tx, 'case_review_item', item.id, input.version))) throw new AppError('version_conflict');
    const first = item.advice === null;
    await tx
      .updateTable('case_review_item')
      .set({
        advice: input.advice,
        agreements: input.agreements ?? null,
        agreements_by: input.agreementsBy ?? null,
        closure_decision: closureQuestion ? (input.closureDecision ?? null) : null,
        outcome_recorded_by: ctx.actor.userId,
        outcome_recorded_at: deps.clock.now(),
      })
      .where('id', '=', item.id)
      .execute();
    await logCaseAccess(tx, ctx, c, {
      action: first ? 'create' : 'update',
      event: first ? 'case_review.outcome_recorded' : 'case_review.outcome_changed',
      dataCategory: DATA_CATEGORY,
      permission: 'case:read',
      detail: { meetingId, itemId: item.id, ...(closureQuestion ? { closureDecision: input.closureDecision } : {}) },
    });
    const { view, cases } = await buildMeetingView(tx, ctx.actor, m, today);
    await logAgenda(
      tx,
      ctx,
      m.id,
      cases.filter((x) => x.row.id !== c.id),
      'case_review.agenda_viewed',
    );
    return view;
  });
}

/** The case's agenda items about closure, with their meeting date and outcome (for the closure, ADR 0034). */
export async function closureReviewsOfCase(tx: Tx, caseId: string) {
  const rows = await tx
    .selectFrom('case_review_item as i')
    .innerJoin('case_review_meeting as m', 'm.id', 'i.meeting_id')
    .select([
      'i.id',
      'i.meeting_id',
      'm.meets_on',
      'i.requested_at',
      'i.advice',
      'i.closure_decision',
      'i.outcome_recorded_at',
    ])
    .where('i.case_id', '=', caseId)
    .where('i.question_kind', '=', 'closure')
    .orderBy('m.meets_on')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    meetingId: r.meeting_id,
    meetingDate: r.meets_on,
    requestedAt: r.requested_at,
    advice: r.advice,
    decision: r.closure_decision as 'close' | 'continue' | null,
    decidedAt: r.outcome_recorded_at,
  }));
}

/**
 * "Ja" to "Gaat er iets mis als ik eruit stap?": the case goes onto the agenda of its team's next planned case review
 * meeting as a closure question, unless a closure question of the case is already waiting there. Returns the meeting
 * date, or null when no meeting is planned (the worker then puts it on the agenda once one is).
 */
export async function putClosureQuestionOnAgenda(
  tx: Tx,
  ctx: AccessContext,
  c: CaseRow,
  question: string,
  today: string,
): Promise<string | null> {
  const upcoming = await listUpcomingMeetings(tx, c.teamId, today);
  const waiting = (await closureReviewsOfCase(tx, c.id)).find((r) => r.decidedAt === null && r.meetingDate >= today);
  if (waiting) return waiting.meetingDate;
  for (const m of upcoming.map((x) => ({ id: x.id, date: x.meets_on })).sort((a, b) => a.date.localeCompare(b.date))) {
    const row = await tx
      .insertInto('case_review_item')
      .values({
        tenant_id: ctx.actor.tenantId,
        meeting_id: m.id,
        case_id: c.id,
        question_kind: 'closure',
        question,
        requested_by: ctx.actor.userId,
      })
      .onConflict((oc) => oc.columns(['meeting_id', 'case_id']).doNothing())
      .returning('id')
      .executeTakeFirst();
    if (row) {
      await logCaseAccess(tx, ctx, c, {
        action: 'create',
        event: 'case_review.put_on_agenda',
        dataCategory: DATA_CATEGORY,
        permission: 'case:read',
        detail: { meetingId: m.id, questionKind: 'closure' },
      });
      return m.date;
    }
  }
  return null;
}
