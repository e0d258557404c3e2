import { sql } from 'kysely';
import type { EmergencyAccessGrant } from '@nabij/contracts';
import { AppError } from '../../shared/app-error';
import { hasPermission, type AccessContext } from '../../shared/actor';
import { municipalDate } from '../../shared/clock';
import type { Tx } from '../../platform/database/database';
import type { Deps } from '../../platform/deps';
import { findCase, logCaseAccess, type CaseRow } from './case-access';
import { canViewCase } from './case-files.policy';
import { findActiveEmergencyAccess, type GrantRow } from './emergency-grant';

/**
 * Emergency access ("break the glass", docs/privacy.md): a user with case:read but without a relation to a
 * case may view it for at most 8 hours after giving a reason. Only viewing — never work on the case and
 * never the shielded Meldcode records. Every access in that time is flagged in the access log by the
 * database (the transaction carries the grant id), the team coordinators and privacy officers are told by
 * e-mail without personal data, and the privacy officer reviews each grant in the daily overview.
 */
export const EMERGENCY_ACCESS_MAX_HOURS = 8;

const toGrant = (g: GrantRow): EmergencyAccessGrant => ({
  id: g.id,
  caseId: g.case_id,
  reason: g.reason,
  startsAt: g.starts_at.toISOString(),
  expiresAt: g.expires_at.toISOString(),
});

async function caseReference(tx: Tx, caseId: string): Promise<string | null> {
  const r = await tx
    .selectFrom('case_file as c')
    .leftJoin('referral as r', 'r.id', 'c.referral_id')
    .select('r.reference')
    .where('c.id', '=', caseId)
    .executeTakeFirst();
  return r?.reference ?? null;
}

/** Who is told: the coordinators of the case's team and the privacy officers of the municipality (active, with an address). */
async function recipients(
  tx: Tx,
  tenantId: string,
  teamId: string,
): Promise<Array<{ email: string; role: 'team_coordinator' | 'privacy_officer' }>> {
  const rows = await sql<{ email: string; role: 'team_coordinator' | 'privacy_officer' }>`
    select distinct u.email, r.role
    from app_user u
    join user_role r on r.user_id = u.id
    where u.tenant_id = ${tenantId} and u.active and u.email is not null
      and (r.role = 'privacy_officer'
           or (r.role = 'team_coordinator' and exists (select 1 from user_team ut where ut.user_id = u.id and ut.team_id = ${teamId})))
    order by r.role, u.email`.execute(tx);
  return rows.rows;
}

/** Starts emergency access to a case the user has no relation to. */
export async function startEmergencyAccess(
  deps: Deps,
  ctx: AccessContext,
  caseId: string,
  input: { reason: string; hours: number },
): Promise<EmergencyAccessGrant> {
  if (!hasPermission(ctx.actor, 'case:read')) throw new AppError('forbidden');
  if (input.hours > EMERGENCY_ACCESS_MAX_HOURS)
    throw new AppError('validation_failed', {
      fieldErrors: { hours: [`Noodtoegang duurt maximaal ${EMERGENCY_ACCESS_MAX_HOURS} uur.`] },
    });
  const now = deps.clock.now();
  const outcome = await deps.db.inTenant(ctx.actor.tenantId, async (tx) => {
    const c = await findCase(tx, caseId);
    if (!c) throw new AppError('not_found');
    if (canViewCase(ctx.actor, c)) throw new AppError('emergency_access_not_needed');
    const running = await findActiveEmergencyAccess(tx, ctx.actor.userId, c.id, now);
    if (running) return { grant: running, c, notice: null };
    const grant = await tx
      .insertInto('emergency_access')
      .values({
        tenant_id: ctx.actor.tenantId,
        case_id: c.id,
        user_id: ctx.actor.userId,
        reason: input.reason,
        starts_at: now,
        expires_at: new Date(now.getTime() + input.hours * 3_600_000),
      })
      .returning(['id', 'case_id', 'reason', 'starts_at', 'expires_at'])
      .executeTakeFirstOrThrow();
    await logCaseAccess(tx, ctx, c, {
      action: 'read',
      event: 'emergency_access.started',
      dataCategory: 'case_file',
      permission: 'case:read',
      emergency: true,
      detail: { emergencyAccessId: grant.id, hours: input.hours },
    });
    return {
      grant,
      c,
      notice: { reference: await caseReference(tx, c.id), to: await recipients(tx, ctx.actor.tenantId, c.teamId) },
    };
  });
  // Mail goes out after the commit, never inside the transaction.
  if (outcome.notice)
    await notify(deps, ctx.actor.tenantId, outcome.c, outcome.notice.reference, outcome.notice.to, municipalDate(now));
  return toGrant(outcome.grant);
}

/**
 * The e-mail holds no personal data: only that emergency access was used, the case reference and a link
 * (to the daily overview for the privacy officer, to the case for the coordinator).
 */
async function notify(
  deps: Deps,
  tenantId: string,
  c: CaseRow,
  reference: string | null,
  to: Array<{ email: string; role: string }>,
  day: string,
): Promise<void> {
  const ref = reference ?? 'zonder kenmerk';
  for (const r of to) {
    const link =
      r.role === 'privacy_officer'
        ? `${deps.config.publicUrl}/privacy/noodtoegang?datum=${day}`
        : `${deps.config.publicUrl}/dossiers/${c.id}`;
    try {
      await deps.mailer.send({
        tenantId,
        to: r.email,
        subject: `Noodtoegang gebruikt: dossier ${ref}`,
        text:
          `Er is noodtoegang gebruikt tot dossier ${ref}.\n\n` +
          (r.role === 'privacy_officer'
            ? `Bekijk de reden en beoordeel de noodtoegang in het dagoverzicht:\n${link}\n\n`
            : `U ontvangt dit bericht als coördinator van het team van dit dossier. Het dossier:\n${link}\n\n`) +
          'Dit bericht bevat bewust geen namen of andere persoonsgegevens. Log in om meer te zien.\n\nNabij',
      });
    } catch (err) {
      deps.log.warn({ errClass: err instanceof Error ? err.name : 'unknown' }, 'emergency access e-mail not sent');
    }
  }
}

/** The user's own running emergency access to a case (for the notice on the case page), or null. */
export async function myEmergencyAccess(
  deps: Deps,
  ctx: AccessContext,
  caseId: string,
): Promise<{ active: EmergencyAccessGrant | null }> {
  const now = deps.clock.now();
  return deps.db.inTenant(ctx.actor.tenantId, async (tx) => {
    const g = await findActiveEmergencyAccess(tx, ctx.actor.userId, caseId, now);
    return { active: g ? toGrant(g) : null };
  });
}

/** Ends the user's own emergency access before its time is up. */
export async function endEmergencyAccess(deps: Deps, ctx: AccessContext, caseId: string): Promise<{ active: null }> {
  const now = deps.clock.now();
  await deps.db.inTenant(ctx.actor.tenantId, async (tx) => {
    const g = await findActiveEmergencyAccess(tx, ctx.actor.userId, caseId, now);
    if (!g) return;
    await tx.updateTable('emergency_access').set({ ended_at: now }).where('id', '=', g.id).execute();
    const c = await findCase(tx, caseId);
    if (c)
      await logCaseAccess(tx, ctx, c, {
        action: 'read',
        event: 'emergency_access.ended',
        dataCategory: 'case_file',
        permission: 'case:read',
        emergency: true,
        detail: { emergencyAccessId: g.id },
      });
  });
  return { active: null };
}
