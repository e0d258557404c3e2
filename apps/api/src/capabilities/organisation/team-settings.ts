import { sql } from 'kysely';
import { AppError } from '../../shared/app-error';
import { hasPermission, type AccessContext } from '../../shared/actor';
import type { Deps } from '../../platform/deps';
import { recordAccess } from '../audit';

/**
 * Optimistic concurrency for team settings. The team table has no version column (yet; ADR 0018), so the
 * row's `xmin` — the id of the transaction that last wrote the row, which changes with every update — is the
 * version the client sends back: a save based on an older read is refused with 409.
 */
const rowVersion = sql<string>`xmin::text`.as('row_version');

function toView(t: {
  id: string;
  name: string;
  area: string | null;
  accepts_web_referrals: boolean;
  accepts_self_referrals: boolean;
  analysis_weeks: number;
  outreach_weeks: number;
  row_version: string;
}) {
  return {
    id: t.id,
    name: t.name,
    area: t.area,
    acceptsWebReferrals: t.accepts_web_referrals,
    acceptsSelfReferrals: t.accepts_self_referrals,
    analysisWeeks: t.analysis_weeks,
    outreachWeeks: t.outreach_weeks,
    version: Number(t.row_version),
  };
}

/** Which channels a team accepts: the public web form, and referrals by residents themselves. */
export async function listTeamSettings(deps: Deps, ctx: AccessContext) {
  if (!hasPermission(ctx.actor, 'user:admin')) throw new AppError('forbidden');
  return deps.db.inSystem(async (tx) => {
    const rows = await tx
      .selectFrom('team')
      .select([
        'id',
        'name',
        'area',
        'accepts_web_referrals',
        'accepts_self_referrals',
        'analysis_weeks',
        'outreach_weeks',
        rowVersion,
      ])
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
  input: {
    acceptsWebReferrals: boolean;
    acceptsSelfReferrals: boolean;
    analysisWeeks: number;
    outreachWeeks: number;
    version: number;
  },
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
      .where(sql<boolean>`xmin::text = ${String(input.version)}`)
      .returning([
        'id',
        'name',
        'area',
        'accepts_web_referrals',
        'accepts_self_referrals',
        'analysis_weeks',
        'outreach_weeks',
        rowVersion,
      ])
      .executeTakeFirst();
    if (!t) {
      const exists = await tx
        .selectFrom('team')
        .select('id')
        .where('tenant_id', '=', ctx.actor.tenantId)
        .where('id', '=', teamId)
        .executeTakeFirst();
      throw new AppError(exists ? 'version_conflict' : 'team_not_found');
    }
    await recordAccess(tx, ctx, {
      action: 'update',
      event: 'team.settings_changed',
      dataCategory: 'configuration',
      legalBasis: 'security',
      permission: 'user:admin',
      detail: { teamId },
    });
    return toView(t);
  });
}
