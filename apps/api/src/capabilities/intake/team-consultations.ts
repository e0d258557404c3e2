import type { TeamConsultationView } from '@nabij/contracts';
import { AppError } from '../../shared/app-error';
import type { AccessContext } from '../../shared/actor';
import type { Tx } from '../../platform/database/database';
import type { Deps } from '../../platform/deps';
import { recordAccess } from '../audit';
import { canSeeReferral, canWorkOnReferral } from './intake.policy';
import { findTeam } from './intake.store';

/**
 * Consultations without a case ("even overleggen", issue #17 item 18): a professional or a resident asks the team
 * for advice without a referral. Kept with the desk's tally of simple questions — no personal data: the topic, who
 * asked (a professional or a resident), the channel, the advice given and the minutes spent. One can later become a
 * referral (`registerReferral` with its id links the two). Counted per team and month in the management
 * information.
 */
export async function recordTeamConsultation(
  deps: Deps,
  ctx: AccessContext,
  input: {
    teamId: string;
    asker: 'professional' | 'resident';
    channel: 'phone' | 'email' | 'in_person' | 'other';
    topic: string;
    advice: string;
    minutesSpent: number;
  },
): Promise<TeamConsultationView> {
  if (!canWorkOnReferral(ctx.actor, { teamId: input.teamId })) throw new AppError('forbidden');
  return deps.db.inTenant(ctx.actor.tenantId, async (tx) => {
    if (!(await findTeam(tx, input.teamId))) throw new AppError('team_not_found');
    const row = await tx
      .insertInto('host_question')
      .values({
        tenant_id: ctx.actor.tenantId,
        team_id: input.teamId,
        kind: 'consultation',
        category: input.topic,
        outcome: 'answered',
        asker: input.asker,
        channel: input.channel,
        advice: input.advice,
        minutes_spent: input.minutesSpent,
        referral_id: null,
        created_by: ctx.actor.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAccess(tx, ctx, {
      action: 'create',
      event: 'consultation_without_case.recorded',
      dataCategory: 'host_question',
      permission: 'referral:write',
      teamId: input.teamId,
      detail: { consultationId: row.id },
    });
    return (await loadConsultations(tx, { ids: [row.id] }))[0]!;
  });
}

/** The consultations of the user's teams in the last 92 days, newest first. */
export async function listTeamConsultations(
  deps: Deps,
  ctx: AccessContext,
): Promise<{ consultations: TeamConsultationView[] }> {
  const teamIds = ctx.actor.teamIds.filter((teamId) => canSeeReferral(ctx.actor, { teamId }));
  if (teamIds.length === 0) throw new AppError('forbidden');
  const since = new Date(deps.clock.now().getTime() - 92 * 86_400_000);
  return deps.db.inTenant(ctx.actor.tenantId, async (tx) => ({
    consultations: await loadConsultations(tx, { teamIds, since }),
  }));
}

/** Links a consultation of the user's team to the referral made from it; refused when it is gone or already linked. */
export async function linkConsultationToReferral(
  tx: Tx,
  ctx: AccessContext,
  consultationId: string,
  referral: { id: string; teamId: string },
): Promise<void> {
  const linked = await tx
    .updateTable('host_question')
    .set({ referral_id: referral.id })
    .where('id', '=', consultationId)
    .where('kind', '=', 'consultation')
    .where('referral_id', 'is', null)
    .where('team_id', 'in', [...ctx.actor.teamIds])
    .executeTakeFirst();
  if (Number(linked.numUpdatedRows) !== 1) {
    throw new AppError('validation_failed', {
      fieldErrors: { consultationId: ['Dit overleg is niet gevonden of is al omgezet in een aanmelding.'] },
    });
  }
  await recordAccess(tx, ctx, {
    action: 'update',
    event: 'consultation_without_case.referred',
    dataCategory: 'host_question',
    permission: 'referral:write',
    teamId: referral.teamId,
    detail: { consultationId, referralId: referral.id },
  });
}

async function loadConsultations(
  tx: Tx,
  f: { ids?: string[]; teamIds?: string[]; since?: Date },
): Promise<TeamConsultationView[]> {
  let q = tx
    .selectFrom('host_question as q')
    .innerJoin('team as t', 't.id', 'q.team_id')
    .innerJoin('app_user as u', 'u.id', 'q.created_by')
    .leftJoin('referral as r', 'r.id', 'q.referral_id')
    .select([
      'q.id',
      'q.at',
      'q.team_id',
      't.name as team_name',
      'q.asker',
      'q.channel',
      'q.category',
      'q.advice',
      'q.minutes_spent',
      'u.display_name',
      'q.referral_id',
      'r.reference',
    ])
    .where('q.kind', '=', 'consultation');
  if (f.ids) q = q.where('q.id', 'in', f.ids);
  if (f.teamIds) q = q.where('q.team_id', 'in', f.teamIds);
  if (f.since) q = q.where('q.at', '>=', f.since);
  const rows = await q.orderBy('q.at', 'desc').limit(200).execute();
  return rows.map((r) => ({
    id: r.id,
    at: r.at.toISOString(),
    teamId: r.team_id,
    teamName: r.team_name,
    asker: r.asker as 'professional',
    channel: r.channel as 'phone',
    topic: r.category as 'other',
    advice: r.advice ?? '',
    minutesSpent: r.minutes_spent ?? 0,
    byName: r.display_name,
    referralId: r.referral_id,
    referralReference: r.reference,
  }));
}
