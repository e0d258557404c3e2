import { AppError } from '../../shared/app-error';
import { hasPermission, type AccessContext } from '../../shared/actor';
import type { Deps } from '../../platform/deps';
import { recordAccess } from '../audit';

function toView(t: { id: string; name: string; area: string | null; accepts_web_referrals: boolean; accepts_self_referrals: boolean; analysis_weeks: number; outreach_weeks: number }) {
  return {
    id: t.id,
    name: t.name,
    area: t.area,
    acceptsWebReferrals: t.accepts_web_referrals,
    acceptsSelfReferrals: t.accepts_self_referrals,
    analysisWeeks: t.analysis_weeks,
    outreachWeeks: t.outreach_weeks,
  };
}

/** Which channels a team accepts: the public web form, and referrals by residents themselves. */
export async function listTeamSettings(deps: Deps, ctx: AccessContext) {
  if (!hasPermission(ctx.actor, 'user:admin')) throw new AppError('forbidden');
  return deps.db.inSystem(async (tx) => {
    const rows = await tx
      .selectFrom('team')
      .select(['id', 'name', 'area', 'accepts_web_referrals', 'accepts_self_referrals', 'analysis_weeks', 'outreach_weeks'])
      .where('tenant_id', '=', ctx.actor.tenantId)
      .orderBy('name')
      .execute();
    return { teams: rows.map(toView) };
  });
}

export async function changeTeamSettings(
  deps: Deps,
  ctx: AccessContext,
  teamId: string,
  input: { acceptsWebReferrals: boolean; acceptsSelfReferrals: boolean; analysisWeeks: number; outreachWeeks: number },
) {
  if (!hasPermission(ctx.actor, 'user:admin')) throw new AppError('forbidden');
  return deps.db.inSystem(async (tx) => {
    const t = await tx
      .updateTable('team')
      .set({
        accepts_web_referrals: input.acceptsWebReferrals,
        accepts_self_referrals: input.acceptsSelfReferrals,
        analysis_weeks: input.analysisWeeks,
        outreach_weeks: input.outreachWeeks,
      })
      .where('tenant_id', '=', ctx.actor.tenantId)
      .where('id', '=', teamId)
      .returning(['id', 'name', 'area', 'accepts_web_referrals', 'accepts_self_referrals', 'analysis_weeks', 'outreach_weeks'])
      .executeTakeFirst();
    if (!t) throw new AppError('team_not_found');
    await recordAccess(tx, ctx, { action: 'update', event: 'team.settings_changed', dataCategory: 'configuration', legalBasis: 'security', permission: 'user:admin', detail: { teamId } });
    return toView(t);
  });
}
