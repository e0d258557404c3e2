import type { HouseholdLanguage } from '@nabij/contracts';
import { AppError } from '../../shared/app-error';
import { hasPermission, type AccessContext } from '../../shared/actor';
import type { Tx } from '../../platform/database/database';
import type { Deps } from '../../platform/deps';
import { renderMinutesPdf } from '../../platform/pdf';
import { recordAccess, recordAccessMany } from '../audit';
import { languageOfPersonGroups } from '../persons';
import { canDecideInMeeting, canManageMeeting, canSeeMeeting } from './intake.policy';
import { updateReferralStatus } from './intake.store';
import {
  addItem,
  findMeeting,
  insertMeeting,
  insertParticipants,
  insertTriageAndDecision,
  listMeetingItems,
  listMeetings,
  type MeetingRow,
} from './meetings.store';
import { loadInbox } from './referral.views';
import { municipalToday } from '../../shared/clock';
import { joinReferralToCase, openCasesOfReferral, openCaseStateOf, recordParallelCase } from './open-case';

const CORE_DECISION_LABELS: Record<string, string> = {
  take_up: 'Het team pakt de hulp op',
  advice: 'Advies aan de verwijzer volstaat',
  refer_elsewhere: 'Verwijzing naar een andere partij',
  not_for_us: 'Niet voor het wijkteam',
};
const URGENCY_LABELS: Record<string, string> = { low: 'laag', medium: 'middel', high: 'hoog', crisis: 'crisis' };

async function getVisibleMeeting(tx: Tx, ctx: AccessContext, id: string): Promise<MeetingRow> {
  const m = await findMeeting(tx, id);
  const facts = m && {
    teamId: m.team_id,
    chairUserId: m.chair_user_id,
    participantUserIds: m.participants.map((p) => p.user_id).filter((x): x is string => x !== null),
  };
  if (!m || !facts || !canSeeMeeting(ctx.actor, facts)) throw new AppError('not_found');
  return m;
}

type MeetingItemRow = Awaited<ReturnType<typeof listMeetingItems>>[number];

/** The household's language and interpreter per item: from the linked persons, else as the referral says (ADR 0032). */
async function languagesOfItems(
  tx: Tx,
  items: readonly MeetingItemRow[],
): Promise<(i: MeetingItemRow) => HouseholdLanguage | undefined> {
  const languages = await languageOfPersonGroups(tx, new Map(items.map((i) => [i.referral_id, i.person_ids])));
  return (i) =>
    i.person_ids.length
      ? languages.get(i.referral_id)
      : { interpreterNeeded: i.interpreter_needed, languages: i.preferred_language ? [i.preferred_language] : [] };
}

/** The minutes' line on language and interpreter, worded as on the agenda and the case page (issue #17 item 10). */
export function languageSummary(language: HouseholdLanguage | undefined): string {
  const spoken = language?.languages.join(', ') ?? '';
  if (language?.interpreterNeeded) return spoken ? `Tolk nodig (${spoken})` : 'Tolk nodig';
  return spoken ? `Geen tolk nodig; spreekt ${spoken}` : 'niet bekend';
}

async function meetingView(tx: Tx, ctx: AccessContext, m: MeetingRow, now: Date) {
  const items = await listMeetingItems(tx, m.id);
  const openCases = new Map(
    await Promise.all(items.map(async (i) => [i.referral_id, await openCaseStateOf(tx, i.referral_id)] as const)),
  );
  const languageOf = await languagesOfItems(tx, items);
  const manage = canManageMeeting(ctx.actor, { teamId: m.team_id });
  const candidates = manage ? await loadInbox(tx, { teamIds: [m.team_id], status: 'complete' }, now) : [];
  return {
    id: m.id,
    teamId: m.team_id,
    teamName: m.team_name,
    date: m.date,
    chair: { id: m.chair_user_id, name: m.chair_name },
    participants: m.participants.map((p) => ({ userId: p.user_id, name: p.name, role: p.role })),
    items: items.map((i) => ({
      referralId: i.referral_id,
      reference: i.reference,
      residentNames: i.resident_names,
      lifeDomains: i.life_domains as never[],
      urgency: i.urgency as 'normal',
      childrenAtRisk: i.children_at_risk as 'unknown',
      question: i.question,
      status: i.status as 'on_agenda',
      version: i.version,
      ...openCases.get(i.referral_id),
      language: languageOf(i),
      triage:
        i.situation !== null
          ? {
              situation: i.situation,
              lifeDomains: (i.triage_domains ?? []) as never[],
              multipleProblems: i.multiple_problems ?? false,
              knownToOthers: i.known_to_others,
              urgency: i.triage_urgency as 'low',
              safety: i.safety ?? '',
              expertiseNeeded: i.expertise_needed,
            }
          : null,
      decision:
        i.outcome !== null && i.decided_at !== null
          ? {
              outcome: i.outcome as 'take_up',
              interventions: i.interventions,
              goal: i.goal,
              intendedResult: i.intended_result,
              carriedOutBy: i.carried_out_by,
              reasoning: i.reasoning ?? '',
              discussedWithResident: i.discussed_with_resident ?? false,
              decidedAt: i.decided_at.toISOString(),
              decidedByName: i.decided_by_name ?? '',
            }
          : null,
    })),
    candidates,
  };
}

export async function planMeeting(
  deps: Deps,
  ctx: AccessContext,
  input: {
    teamId: string;
    date: string;
    chairUserId: string;
    participants: Array<{ userId?: string | undefined; name?: string | undefined; role?: string | undefined }>;
  },
) {
  if (!canManageMeeting(ctx.actor, { teamId: input.teamId })) throw new AppError('forbidden');
  return deps.db.inTenant(ctx.actor.tenantId, async (tx) => {
    const userIds = [
      input.chairUserId,
      ...input.participants.map((p) => p.userId).filter((x): x is string => Boolean(x)),
    ];
    const known = await tx
      .selectFrom('app_user')
      .select('id')
      .where('id', 'in', userIds)
      .where('tenant_id', '=', ctx.actor.tenantId)
      .execute();
    if (new Set(known.map((k) => k.id)).size !== new Set(userIds).size) throw new AppError('user_not_found');
    const external = input.participants.filter((p) => !p.userId && !p.name);
    if (external.length)
      throw new AppError('validation_failed', {
        fieldErrors: { participants: ['Vul bij een externe deelnemer de naam in.'] },
      });
    const id = await insertMeeting(tx, {
      tenantId: ctx.actor.tenantId,
      teamId: input.teamId,
      date: input.date,
      chairUserId: input.chairUserId,
      createdBy: ctx.actor.userId,
    });
    await insertParticipants(tx, ctx.actor.tenantId, id, input.participants);
    await recordAccess(tx, ctx, {
      action: 'create',
      event: 'intake_meeting.planned',
      dataCategory: 'meeting',
      permission: 'meeting:manage',
      teamId: input.teamId,
      detail: { meetingId: id },
    });
    return meetingView(tx, ctx, (await findMeeting(tx, id))!, deps.clock.now());
  });
}

export async function listIntakeMeetings(deps: Deps, ctx: AccessContext) {
  return deps.db.inTenant(ctx.actor.tenantId, async (tx) => {
    const rows = await listMeetings(
      tx,
      ctx.actor.teamIds,
      ctx.actor.userId,
      hasPermission(ctx.actor, 'meeting:manage'),
    );
    return {
      meetings: rows.map((m) => ({
        id: m.id,
        teamId: m.team_id,
        teamName: m.team_name,
        date: m.date,
        chairName: m.chair_name,
        itemCount: m.item_count,
        decidedCount: m.decided_count,
      })),
    };
  });
}

export async function viewMeeting(deps: Deps, ctx: AccessContext, id: string) {
  return deps.db.inTenant(ctx.actor.tenantId, async (tx) => {
    const m = await getVisibleMeeting(tx, ctx, id);
    const view = await meetingView(tx, ctx, m, deps.clock.now());
    await recordAccessMany(
      tx,
      ctx,
      {
        action: 'read',
        event: 'intake_meeting.viewed',
        dataCategory: 'referral',
        permission: 'meeting:read',
        teamId: m.team_id,
        detail: { meetingId: id, items: view.items.length },
      },
      [null],
    );
    return view;
  });
}

/** Puts a complete referral on the agenda of a meeting of its own team. */
export async function putOnAgenda(deps: Deps, ctx: AccessContext, meetingId: string, referralId: string) {
  return deps.db.inTenant(ctx.actor.tenantId, async (tx) => {
    const m = await getVisibleMeeting(tx, ctx, meetingId);
    if (!canManageMeeting(ctx.actor, { teamId: m.team_id })) throw new AppError('forbidden');
    const referral = await tx
      .selectFrom('referral')
      .select(['id', 'team_id', 'status', 'version'])
      .where('id', '=', referralId)
      .executeTakeFirst();
    if (referral?.team_id !== m.team_id) throw new AppError('not_found');
    if (referral.status !== 'complete') throw new AppError('referral_incomplete');
    await addItem(tx, ctx.actor.tenantId, meetingId, referralId);
    if (!(await updateReferralStatus(tx, referralId, referral.version, 'on_agenda')))
      throw new AppError('version_conflict');
    await recordAccess(tx, ctx, {
      action: 'update',
      event: 'referral.put_on_agenda',
      dataCategory: 'referral',
      permission: 'meeting:manage',
      teamId: m.team_id,
      detail: { meetingId, referralId },
    });
    return meetingView(tx, ctx, m, deps.clock.now());
  });
}

/** Records the triage and the core decision on a referral on this meeting's agenda; a decision is never overwritten. */
export async function decideReferral(
  deps: Deps,
  ctx: AccessContext,
  meetingId: string,
  referralId: string,
  input: {
    version: number;
    triage: {
      situation: string;
      lifeDomains: string[];
      multipleProblems: boolean;
      knownToOthers?: string | undefined;
      urgency: string;
      safety: string;
      expertiseNeeded?: string | undefined;
    };
    decision: {
      outcome: string;
      interventions?: string | undefined;
      goal?: string | undefined;
      intendedResult?: string | undefined;
      carriedOutBy?: string | undefined;
      reasoning: string;
      discussedWithResident: boolean;
      parallelCaseReason?: string | undefined;
    };
  },
) {
  return deps.db.inTenant(ctx.actor.tenantId, async (tx) => {
    const m = await getVisibleMeeting(tx, ctx, meetingId);
    if (!canDecideInMeeting(ctx.actor, { teamId: m.team_id, chairUserId: m.chair_user_id }))
      throw new AppError('forbidden');
    const item = await tx
      .selectFrom('meeting_item')
      .select('referral_id')
      .where('meeting_id', '=', meetingId)
      .where('referral_id', '=', referralId)
      .executeTakeFirst();
    if (!item) throw new AppError('not_on_agenda');
    const decided = await tx
      .selectFrom('core_decision')
      .select('referral_id')
      .where('referral_id', '=', referralId)
      .executeTakeFirst();
    if (decided) throw new AppError('already_decided');
    if (!(await updateReferralStatus(tx, referralId, input.version, 'decided'))) throw new AppError('version_conflict');
    await insertTriageAndDecision(tx, {
      tenantId: ctx.actor.tenantId,
      referralId,
      meetingId,
      userId: ctx.actor.userId,
      triage: input.triage,
      decision: input.decision,
    });
    const persons = await tx
      .selectFrom('referral_person')
      .select('person_id')
      .where('referral_id', '=', referralId)
      .where('person_id', 'is not', null)
      .execute();
    // One household, one plan, one coordinator: taken up for a household with an open case, the referral joins that
    // case as a new question — unless the meeting records why a parallel case is needed (issue #17 item 7).
    const [open] = input.decision.outcome === 'take_up' ? await openCasesOfReferral(tx, referralId) : [];
    if (open) {
      const referral = await tx
        .selectFrom('referral')
        .select(['reference'])
        .where('id', '=', referralId)
        .executeTakeFirstOrThrow();
      const subject = {
        id: referralId,
        reference: referral.reference,
        teamId: m.team_id,
        personIds: persons.map((p) => p.person_id).filter((x): x is string => x !== null),
      };
      if (input.decision.parallelCaseReason)
        await recordParallelCase(tx, ctx, subject, open, input.decision.parallelCaseReason);
      else await joinReferralToCase(tx, ctx, subject, open, municipalToday(deps.clock));
    }
    await recordAccessMany(
      tx,
      ctx,
      {
        action: 'create',
        event: 'referral.decided',
        dataCategory: 'referral',
        permission: 'meeting:read',
        teamId: m.team_id,
        detail: { referralId, meetingId, outcome: input.decision.outcome },
      },
      persons.length ? persons.map((p) => p.person_id) : [null],
    );
    return meetingView(tx, ctx, m, deps.clock.now());
  });
}

/** The minutes of a meeting as a PDF; printing is logged. */
export async function printMinutes(
  deps: Deps,
  ctx: AccessContext,
  meetingId: string,
): Promise<{ filename: string; pdf: Buffer }> {
  const { m, items, municipality, languageOf } = await deps.db.inTenant(ctx.actor.tenantId, async (tx) => {
    const meeting = await getVisibleMeeting(tx, ctx, meetingId);
    const rows = await listMeetingItems(tx, meetingId);
    const languageOf = await languagesOfItems(tx, rows);
    const tenant = await tx
      .selectFrom('tenant')
      .select('name')
      .where('id', '=', ctx.actor.tenantId)
      .executeTakeFirstOrThrow();
    await recordAccess(tx, ctx, {
      action: 'print',
      event: 'intake_meeting.minutes_printed',
      dataCategory: 'referral',
      permission: 'meeting:read',
      teamId: meeting.team_id,
      detail: { meetingId },
    });
    return { m: meeting, items: rows, municipality: tenant.name, languageOf };
  });
  const pdf = await renderMinutesPdf({
    municipality,
    team: m.team_name,
    date: m.date,
    chair: m.chair_name,
    participants: m.participants.map((p) => [p.name, p.role].filter(Boolean).join(', ')),
    items: items.map((i) => ({
      reference: i.reference,
      residents: i.resident_names.join(', '),
      language: languageSummary(languageOf(i)),
      triage: i.situation
        ? `${i.situation} (urgentie ${URGENCY_LABELS[i.triage_urgency ?? ''] ?? i.triage_urgency}; ${i.multiple_problems ? 'meervoudige' : 'enkelvoudige'} problematiek; veiligheid: ${i.safety ?? ''})`
        : null,
      decision: i.outcome
        ? `${CORE_DECISION_LABELS[i.outcome] ?? i.outcome}${i.goal ? `. Doel: ${i.goal}` : ''}${i.carried_out_by ? `. Uitvoering: ${i.carried_out_by}` : ''}`
        : null,
      reasoning: i.reasoning,
    })),
  });
  return { filename: `verslag-aanmeldoverleg-${m.date}.pdf`, pdf };
}

export { CORE_DECISION_LABELS };
