import { sql } from 'kysely';
import type { DueCase, RetentionOverview } from '@nabij/contracts';
import { AppError } from '../../shared/app-error';
import { hasPermission, type AccessContext } from '../../shared/actor';
import { municipalToday } from '../../shared/clock';
import type { Database, Tx } from '../../platform/database/database';
import type { Deps } from '../../platform/deps';
import { recordAccess } from '../audit';
import { destroyCase } from './destroy';
import { DEFAULT_TERMS, destructionDate, isDue, regimesOf, type RetentionTerms } from './retention.domain';

export interface RetentionRow {
  id: string;
  reference: string | null;
  team_name: string;
  worker_name: string;
  phase: string;
  legal_bases: string[];
  closed_on: string | null;
  last_change_on: string;
  postponed_until: string | null;
  postpone_reason: string | null;
}

/**
 * The facts retention needs per case. The last change (the Jeugdwet clock) is the latest of opening, closure,
 * the recorded basis and every allowed creation, change or deletion logged for the case — the access log sees
 * every change of every capability. Without a case id only cases that can have a date are read (closed, or under the
 * Jeugdwet, whose clock runs from the last change). Postponing the destruction is a decision about the file, not a change in it.
 */
export async function retentionRows(tx: Tx, caseId?: string): Promise<RetentionRow[]> {
  const r = await sql<RetentionRow>`
    select c.id, r.reference, t.name as team_name, w.display_name as worker_name, c.phase, c.legal_bases,
           case when c.phase = 'closed' and c.closed_at is not null then (c.closed_at at time zone 'Europe/Amsterdam')::date::text end as closed_on,
           (greatest(c.opened_at, c.closed_at, c.basis_recorded_at,
              (select max(l.at) from access_log l
                where l.case_id = c.id and l.action in ('create', 'update', 'delete') and l.outcome = 'allowed'
                  and l.event <> 'case_file.destruction_postponed'))
             at time zone 'Europe/Amsterdam')::date::text as last_change_on,
           c.retention_postponed_until::text as postponed_until, c.retention_postpone_reason as postpone_reason
    from case_file c
    join team t on t.id = c.team_id
    join app_user w on w.id = c.case_worker_id
    left join referral r on r.id = c.referral_id
    where ${caseId ? sql`c.id = ${caseId}` : sql`(c.phase = 'closed' or 'jeugdwet' = any (c.legal_bases))`}
    order by c.opened_at`.execute(tx);
  return r.rows;
}

export async function termsOf(tx: Tx): Promise<RetentionTerms & { version: number }> {
  const s = await tx
    .selectFrom('retention_setting')
    .select(['participatiewet_years', 'wgs_years', 'other_years', 'version'])
    .executeTakeFirst();
  return s
    ? {
        participatiewetYears: s.participatiewet_years,
        wgsYears: s.wgs_years,
        otherYears: s.other_years,
        version: s.version,
      }
    : { ...DEFAULT_TERMS, version: 0 };
}

export type CaseRetention = Omit<DueCase, 'destroyOn'> & { destroyOn: string | null };

export function toDueCase(row: RetentionRow, terms: RetentionTerms): CaseRetention {
  const regimes = regimesOf(row.legal_bases);
  return {
    caseId: row.id,
    reference: row.reference,
    teamName: row.team_name,
    caseWorkerName: row.worker_name,
    phase: row.phase,
    regimes,
    closedOn: row.closed_on,
    lastChangeOn: row.last_change_on,
    destroyOn: destructionDate({ regimes, closedOn: row.closed_on, lastChangeOn: row.last_change_on }, terms),
    postponedUntil: row.postponed_until,
    postponeReason: row.postpone_reason,
  };
}

/** Cases of the transaction's municipality whose destruction date has come (postponed ones apart). */
export async function dueCases(tx: Tx, today: string): Promise<{ due: DueCase[]; postponed: DueCase[] }> {
  const terms = await termsOf(tx);
  const all = (await retentionRows(tx)).map((r) => toDueCase(r, terms));
  const reached = all.filter((c): c is DueCase => c.destroyOn !== null && c.destroyOn <= today);
  return {
    due: reached.filter((c) => isDue(c.destroyOn, c.postponedUntil, today)),
    postponed: reached.filter((c) => !isDue(c.destroyOn, c.postponedUntil, today)),
  };
}

/**
 * The daily retention scan (scheduled by the job queue): per municipality, the case files due for destruction.
 * It destroys nothing — the privacy officer confirms each case on the page "Te vernietigen". Reads ids, dates and
 * references only, no personal data, so it writes no access-log rows.
 */
export async function scanRetention(
  deps: Pick<Deps, 'db'> | { db: Database },
  today: string,
): Promise<Array<{ tenantId: string; caseId: string; reference: string | null; destroyOn: string }>> {
  const tenants = await deps.db.inSystem((tx) => tx.selectFrom('tenant').select('id').orderBy('id').execute());
  const found: Array<{ tenantId: string; caseId: string; reference: string | null; destroyOn: string }> = [];
  for (const t of tenants) {
    const { due } = await deps.db.inTenant(t.id, (tx) => dueCases(tx, today));
    found.push(
      ...due.map((c) => ({ tenantId: t.id, caseId: c.caseId, reference: c.reference, destroyOn: c.destroyOn })),
    );
  }
  return found;
}

const requirePrivacyOfficer = (ctx: AccessContext) => {
  if (!hasPermission(ctx.actor, 'privacy:manage')) throw new AppError('forbidden');
};

/** The page "Te vernietigen": cases due, postponed ones, recent destructions and the municipality's terms. */
export async function retentionOverview(deps: Deps, ctx: AccessContext): Promise<RetentionOverview> {
  requirePrivacyOfficer(ctx);
  const today = municipalToday(deps.clock);
  return deps.db.inTenant(ctx.actor.tenantId, async (tx) => {
    const { due, postponed } = await dueCases(tx, today);
    const destroyed = await tx
      .selectFrom('destruction_record as d')
      .leftJoin('team as t', 't.id', 'd.team_id')
      .innerJoin('app_user as u', 'u.id', 'd.destroyed_by')
      .leftJoin('avg_request as a', 'a.id', 'd.request_id')
      .select([
        'd.id',
        'd.subject',
        'd.case_reference',
        't.name as team_name',
        'd.reason',
        'a.reference as request_reference',
        'd.regimes',
        'd.persons_destroyed',
        'd.rows_destroyed',
        'u.display_name',
        'd.destroyed_at',
      ])
      .orderBy('d.destroyed_at', 'desc')
      .limit(50)
      .execute();
    const terms = await termsOf(tx);
    return {
      today,
      due,
      postponed,
      destroyed: destroyed.map((d) => ({
        id: d.id,
        subject: d.subject as 'case',
        caseReference: d.case_reference,
        teamName: d.team_name,
        reason: d.reason as 'retention',
        requestReference: d.request_reference,
        regimes: d.regimes,
        personsDestroyed: d.persons_destroyed,
        rowsDestroyed: Object.values(d.rows_destroyed).reduce((a, b) => a + b, 0),
        destroyedByName: d.display_name,
        destroyedAt: d.destroyed_at.toISOString(),
      })),
      settings: {
        participatiewetYears: terms.participatiewetYears,
        wgsYears: terms.wgsYears,
        otherYears: terms.otherYears,
        version: terms.version,
      },
    };
  });
}

/** The privacy officer confirms the destruction of one case that is due. */
export async function confirmDestruction(
  deps: Deps,
  ctx: AccessContext,
  caseId: string,
): Promise<{ destroyed: true; personsDestroyed: number; rows: number }> {
  requirePrivacyOfficer(ctx);
  const today = municipalToday(deps.clock);
  return deps.db.inTenant(ctx.actor.tenantId, async (tx) => {
    await sql`select id from case_file where id = ${caseId} for update`.execute(tx);
    const row = (await retentionRows(tx, caseId))[0];
    if (!row) throw new AppError('not_found');
    const c = toDueCase(row, await termsOf(tx));
    if (!isDue(c.destroyOn, c.postponedUntil, today)) throw new AppError('not_due_for_destruction');
    const result = await destroyCase(tx, ctx, caseId, { reason: 'retention', dueOn: c.destroyOn, today });
    return { destroyed: true as const, personsDestroyed: result.personsDestroyed.length, rows: result.rows };
  });
}

/** Keeps a due case longer ("zoveel langer als redelijkerwijs nodig"), with the reason. */
export async function postponeDestruction(
  deps: Deps,
  ctx: AccessContext,
  caseId: string,
  input: { until: string; reason: string },
) {
  requirePrivacyOfficer(ctx);
  const today = municipalToday(deps.clock);
  if (input.until <= today)
    throw new AppError('validation_failed', { fieldErrors: { until: ['Kies een datum in de toekomst.'] } });
  return deps.db.inTenant(ctx.actor.tenantId, async (tx) => {
    const r = await tx
      .updateTable('case_file')
      .set((eb) => ({
        retention_postponed_until: input.until,
        retention_postpone_reason: input.reason,
        version: eb('version', '+', 1),
      }))
      .where('id', '=', caseId)
      .returning('team_id')
      .executeTakeFirst();
    if (!r) throw new AppError('not_found');
    await recordAccess(tx, ctx, {
      action: 'update',
      event: 'case_file.destruction_postponed',
      dataCategory: 'case_file',
      caseId,
      teamId: r.team_id,
      legalBasis: 'legal_obligation',
      permission: 'privacy:manage',
      detail: { until: input.until },
    });
    return { postponedUntil: input.until };
  });
}

/** The municipality's terms for the Participatiewet, debt help and other support (an administrative action, logged). */
export async function changeRetentionSettings(
  deps: Deps,
  ctx: AccessContext,
  input: { participatiewetYears: number; wgsYears: number; otherYears: number; version: number },
) {
  requirePrivacyOfficer(ctx);
  return deps.db.inTenant(ctx.actor.tenantId, async (tx) => {
    const current = await termsOf(tx);
    if (current.version !== input.version) throw new AppError('version_conflict');
    const values = {
      participatiewet_years: input.participatiewetYears,
      wgs_years: input.wgsYears,
      other_years: input.otherYears,
      updated_by: ctx.actor.userId,
      updated_at: deps.clock.now(),
    };
    await tx
      .insertInto('retention_setting')
      .values({ tenant_id: ctx.actor.tenantId, ...values })
      .onConflict((oc) =>
        oc.column('tenant_id').doUpdateSet((eb) => ({ ...values, version: eb('retention_setting.version', '+', 1) })),
      )
      .execute();
    await recordAccess(tx, ctx, {
      action: 'update',
      event: 'retention.settings_changed',
      dataCategory: 'configuration',
      legalBasis: 'security',
      permission: 'privacy:manage',
      detail: {
        participatiewetYears: input.participatiewetYears,
        wgsYears: input.wgsYears,
        otherYears: input.otherYears,
      },
    });
    const t = await termsOf(tx);
    return {
      participatiewetYears: t.participatiewetYears,
      wgsYears: t.wgsYears,
      otherYears: t.otherYears,
      version: t.version,
    };
  });
}
