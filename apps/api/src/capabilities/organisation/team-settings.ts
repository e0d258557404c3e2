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
  evaluation_weeks: number;
  postal_address: string | null;
  contact_phone: string | null;
  contact_email: string | null;
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
    evaluationWeeks: t.evaluation_weeks,
    postalAddress: t.postal_address,
    contactPhone: t.contact_phone,
    contactEmail: t.contact_email,
    version: Number(t.row_version),
  };
}

/**
 * Which channels a team accepts (the public web form, referrals by residents themselves), its terms, and its
 * letterhead: the address block, phone number and e-mail address on its letters and plans.
 */
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
        'evaluation_weeks',
        'postal_address',
        'contact_phone',
        'contact_email',
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
    /** Left out: kept as saved (older clients send only the fields above). */
    evaluationWeeks?: number | undefined;
    postalAddress?: string | null | undefined;
    contactPhone?: string | null | undefined;
    contactEmail?: string | null | undefined;
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
        ...(input.evaluationWeeks !== undefined ? { evaluation_weeks: input.evaluationWeeks } : {}),
        ...(input.postalAddress !== undefined ? { postal_address: input.postalAddress } : {}),
        ...(input.contactPhone !== undefined ? { contact_phone: input.contactPhone } : {}),
        ...(input.contactEmail !== undefined ? { contact_email: input.contactEmail } : {}),
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
        'evaluation_weeks',
        'postal_address',
        'contact_phone',
        'contact_email',
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
