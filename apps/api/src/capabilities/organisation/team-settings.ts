import { AppError } from '../../shared/app-error';
import { hasPermission, type AccessContext } from '../../shared/actor';
import type { Deps } from '../../platform/deps';
import { recordAccess } from '../audit';

/** Which channels a team accepts: the public web form, and referrals by residents themselves. */
export async function listTeamSettings(deps: Deps, ctx: AccessContext) {
  if (!hasPermission(ctx.actor, 'user:admin')) throw new AppError('forbidden');
  return deps.db.inSystem(async (tx) => {
    const rows = await tx
      .selectFrom('team')
      .select(['id', 'name', 'area', 'accepts_web_referrals', 'accepts_self_referrals'])
      .where('tenant_id', '=', ctx.actor.tenantId)
      .orderBy('name')
      .execute();
    return { teams: rows.map((t) => ({ id: t.id, name: t.name, area: t.area, acceptsWebReferrals: t.accepts_web_referrals, acceptsSelfReferrals: t.accepts_self_referrals })) };
  });
}

export async function changeTeamSettings(deps: Deps, ctx: AccessContext, teamId: string, input: { acceptsWebReferrals: boolean; acceptsSelfReferrals: boolean }) {
  if (!hasPermission(ctx.actor, 'user:admin')) throw new AppError('forbidden');
  return deps.db.inSystem(async (tx) => {
    const t = await tx
      .updateTable('team')
      .set({ accepts_web_referrals: input.acceptsWebReferrals, accepts_self_referrals: input.acceptsSelfReferrals })
      .where('tenant_id', '=', ctx.actor.tenantId)
      .where('id', '=', teamId)
      .returning(['id', 'name', 'area', 'accepts_web_referrals', 'accepts_self_referrals'])
      .executeTakeFirst();
    if (!t) throw new AppError('team_not_found');
    await recordAccess(tx, ctx, { action: 'update', event: 'team.settings_changed', dataCategory: 'configuration', legalBasis: 'security', permission: 'user:admin', detail: { teamId } });
    return { id: t.id, name: t.name, area: t.area, acceptsWebReferrals: t.accepts_web_referrals, acceptsSelfReferrals: t.accepts_self_referrals };
  });
}
