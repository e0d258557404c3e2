import type { EmergencyOverview } from '@nabij/contracts';
import { AppError } from '../../shared/app-error';
import type { AccessContext } from '../../shared/actor';
import { municipalDate, municipalToday } from '../../shared/clock';
import type { Deps } from '../../platform/deps';
import { recordAccess } from '../audit';
import { roleLabel } from './access-log-viewer';
import { emergencyDays, findEmergencyAccessesOn, markReviewed } from './privacy.store';

const entry = { dataCategory: 'access_log', permission: 'access_log:read', legalBasis: 'security' } as const;

/** The daily overview of emergency accesses: who, which case, why, how often it was used, and the review. */
export async function emergencyOverview(
  deps: Deps,
  ctx: AccessContext,
  day: string | undefined,
): Promise<EmergencyOverview> {
  const date = day ?? municipalToday(deps.clock);
  return deps.db.inTenant(ctx.actor.tenantId, async (tx) => {
    const rows = await findEmergencyAccessesOn(tx, ctx.actor.tenantId, date);
    const days = await emergencyDays(tx, ctx.actor.tenantId, municipalToday(deps.clock));
    await recordAccess(tx, ctx, {
      ...entry,
      action: 'read',
      event: 'emergency_access.listed',
      detail: { date, count: rows.length },
    });
    return {
      date,
      days,
      accesses: rows.map((r) => ({
        id: r.id,
        userId: r.user_id,
        userName: r.user_name,
        roleLabels: r.roles.map((x) => roleLabel(x) ?? x),
        caseId: r.case_id,
        caseReference: r.case_reference,
        teamName: r.team_name,
        reason: r.reason,
        startsAt: r.starts_at.toISOString(),
        expiresAt: r.expires_at.toISOString(),
        endedAt: r.ended_at?.toISOString() ?? null,
        accessCount: r.access_count,
        review: r.reviewed_at
          ? { at: r.reviewed_at.toISOString(), byName: r.reviewer_name ?? '', note: r.review_note ?? '' }
          : null,
        version: r.version,
      })),
    };
  });
}

/** Marks an emergency access as reviewed with the privacy officer's note (409 when someone else did meanwhile). */
export async function reviewEmergencyAccess(
  deps: Deps,
  ctx: AccessContext,
  id: string,
  input: { note: string; version: number },
): Promise<EmergencyOverview> {
  const now = deps.clock.now();
  const day = await deps.db.inTenant(ctx.actor.tenantId, async (tx) => {
    const current = await tx
      .selectFrom('emergency_access')
      .select(['id', 'version', 'starts_at', 'case_id'])
      .where('id', '=', id)
      .executeTakeFirst();
    if (!current) throw new AppError('not_found');
    const updated = await markReviewed(tx, id, input.version, ctx.actor.userId, input.note, now);
    if (!updated) throw new AppError('version_conflict');
    await recordAccess(tx, ctx, {
      ...entry,
      action: 'update',
      event: 'emergency_access.reviewed',
      caseId: current.case_id,
      detail: { emergencyAccessId: id },
    });
    return municipalDate(current.starts_at);
  });
  return emergencyOverview(deps, ctx, day);
}
