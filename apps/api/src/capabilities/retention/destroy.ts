import { sql } from 'kysely';
import type { AccessContext } from '../../shared/actor';
import { municipalDate } from '../../shared/clock';
import type { Tx } from '../../platform/database/database';
import { recordAccessMany } from '../audit';
import { daysBetween, monthOf, regimesOf } from './retention.domain';
import { destroyWhere, foreignKeys, isReferenced } from './foreign-keys';

export interface DestroyReason {
  reason: 'retention' | 'erasure';
  requestId?: string | null;
  dueOn?: string | null;
  today: string;
  /** false: destroy without writing the destruction record and the log (the erasure preview, rolled back). */
  record?: boolean;
}

export interface DestroyResult {
  destructionId: string | null;
  personsDestroyed: string[];
  rows: number;
  counts: Record<string, number>;
}

interface CaseBasics {
  id: string;
  team_id: string;
  referral_id: string | null;
  household_id: string | null;
  primary_person_id: string | null;
  legal_bases: string[];
  opened_at: Date;
  closed_at: Date | null;
  episode: number;
  reference: string | null;
}

async function loadCase(tx: Tx, caseId: string): Promise<CaseBasics | undefined> {
  return tx
    .selectFrom('case_file as c')
    .leftJoin('referral as r', 'r.id', 'c.referral_id')
    .select([
      'c.id',
      'c.team_id',
      'c.referral_id',
      'c.household_id',
      'c.primary_person_id',
      'c.legal_bases',
      'c.opened_at',
      'c.closed_at',
      'c.episode',
      'r.reference',
    ])
    .where('c.id', '=', caseId)
    .executeTakeFirst();
}

const isoDay = (d: Date | null | undefined): string | null => (d ? municipalDate(d) : null);

/**
 * The anonymous statistics of a case, kept after its destruction: team, legal regimes, months of opening and
 * closure, phase durations in days, closure reason and outcome, ZRM start and closing per domain. No person,
 * case or referral id, no names, no free text.
 */
async function recordStatistic(tx: Tx, tenantId: string, c: CaseBasics, today: string): Promise<void> {
  const plan = await sql<{ started: Date | null; agreed: Date | null }>`
    select min(p.created_at) as started, min(v.agreement_recorded_at) as agreed
    from plan p left join plan_version v on v.plan_id = p.id where p.case_id = ${c.id}`.execute(tx);
  const closure = await sql<{ reason: string; outcome: string }>`
    select reason, outcome from case_closure where case_id = ${c.id} order by episode desc limit 1`.execute(tx);
  const zrm = await sql<{ person_id: string; kind: string; domain: string; score: number; assessed_on: string }>`
    select a.person_id, a.kind, s.domain, s.score, a.assessed_on::text as assessed_on
    from zrm_assessment a join zrm_score s on s.assessment_id = a.id
    where a.case_id = ${c.id} and a.kind in ('start', 'closing')
    order by a.assessed_on, a.recorded_at`.execute(tx);
  // One person per case: the primary person when assessed, otherwise the first one assessed.
  const assessed = zrm.rows.map((r) => r.person_id);
  const person = c.primary_person_id && assessed.includes(c.primary_person_id) ? c.primary_person_id : assessed[0];
  const profile: Record<string, { start: number | null; closing: number | null }> = {};
  for (const s of zrm.rows.filter((r) => r.person_id === person)) {
    const entry = (profile[s.domain] ??= { start: null, closing: null });
    if (s.kind === 'start' && entry.start === null) entry.start = s.score;
    if (s.kind === 'closing') entry.closing = s.score;
  }
  const opened = isoDay(c.opened_at) ?? today;
  const closed = isoDay(c.closed_at);
  const planStarted = isoDay(plan.rows[0]?.started);
  const agreed = isoDay(plan.rows[0]?.agreed);
  await tx
    .insertInto('case_statistic')
    .values({
      tenant_id: tenantId,
      team_id: c.team_id,
      legal_regimes: regimesOf(c.legal_bases),
      opened_month: monthOf(opened),
      closed_month: closed ? monthOf(closed) : null,
      analysis_days: daysBetween(opened, planStarted ?? closed),
      plan_days: planStarted ? daysBetween(planStarted, agreed ?? closed) : null,
      execution_days: agreed ? daysBetween(agreed, closed) : null,
      total_days: daysBetween(opened, closed),
      episodes: c.episode,
      closure_reason: closure.rows[0]?.reason ?? null,
      closure_outcome: closure.rows[0]?.outcome ?? null,
      zrm: JSON.stringify(profile),
      recorded_month: monthOf(today),
    })
    .execute();
}

/** Persons and households of the case whose data go with it unless something else still needs them. */
async function householdOf(tx: Tx, c: CaseBasics): Promise<string[]> {
  const members = c.household_id
    ? await tx.selectFrom('household_member').select('person_id').where('household_id', '=', c.household_id).execute()
    : [];
  return [...new Set([...(c.primary_person_id ? [c.primary_person_id] : []), ...members.map((m) => m.person_id)])];
}

const total = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);

/**
 * Destroys the households and persons among `householdIds` / `personIds` that nothing else refers to any more
 * (another case file or referral, also a closed one that is not yet due). Returns the persons destroyed.
 */
export async function destroyUnreferenced(
  tx: Tx,
  householdIds: readonly string[],
  personIds: readonly string[],
  counts: Record<string, number>,
  alwaysPersons: readonly string[] = [],
): Promise<string[]> {
  const fks = await foreignKeys(tx);
  for (const h of new Set(householdIds)) {
    if (!(await tx.selectFrom('household').select('id').where('id', '=', h).executeTakeFirst())) continue;
    if (!(await isReferenced(tx, fks, 'household', h))) await destroyWhere(tx, fks, 'household', 'id', [h], counts);
  }
  const destroyed: string[] = [];
  for (const p of new Set([...personIds, ...alwaysPersons])) {
    if (!(await tx.selectFrom('person').select('id').where('id', '=', p).executeTakeFirst())) continue;
    if (alwaysPersons.includes(p) || !(await isReferenced(tx, fks, 'person', p))) {
      await destroyWhere(tx, fks, 'person', 'id', [p], counts);
      destroyed.push(p);
    }
  }
  return destroyed;
}

/**
 * Destroys a case file with everything that belongs to it (analysis, plan, contacts, attachments, letters, the
 * referral it came from, …), then its household and persons when no other case or referral needs them. Keeps
 * the anonymous statistics, writes the destruction record and logs the destruction per person. The access log
 * keeps its rows: they refer to the destroyed ids, which no longer lead to a name.
 */
export async function destroyCase(
  tx: Tx,
  ctx: AccessContext,
  caseId: string,
  why: DestroyReason,
): Promise<DestroyResult> {
  const c = await loadCase(tx, caseId);
  if (!c) throw new Error('case not found for destruction');
  const fks = await foreignKeys(tx);
  const personIds = await householdOf(tx, c);
  await recordStatistic(tx, ctx.actor.tenantId, c, why.today);
  const counts: Record<string, number> = {};
  await destroyWhere(tx, fks, 'case_file', 'id', [c.id], counts);
  // The referral the case came from goes with it, unless another case file still links to it (a new question for
  // that case): then the referral is that case's data too.
  if (c.referral_id && !(await referralStillLinked(tx, c.referral_id)))
    await destroyWhere(tx, fks, 'referral', 'id', [c.referral_id], counts);
  const destroyedPersons = await destroyUnreferenced(tx, c.household_id ? [c.household_id] : [], personIds, counts);
  if (why.record === false)
    return { destructionId: null, personsDestroyed: destroyedPersons, rows: total(counts), counts };
  const record = await tx
    .insertInto('destruction_record')
    .values({
      tenant_id: ctx.actor.tenantId,
      subject: 'case',
      case_id: c.id,
      case_reference: c.reference,
      team_id: c.team_id,
      reason: why.reason,
      request_id: why.requestId ?? null,
      regimes: regimesOf(c.legal_bases),
      due_on: why.dueOn ?? null,
      persons_destroyed: destroyedPersons.length,
      rows_destroyed: JSON.stringify(counts),
      destroyed_by: ctx.actor.userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const detail = {
    reason: why.reason,
    destructionId: record.id,
    rows: total(counts),
    ...(why.requestId ? { requestId: why.requestId } : {}),
  };
  const base = {
    action: 'delete',
    caseId: c.id,
    teamId: c.team_id,
    legalBasis: 'legal_obligation',
    permission: 'privacy:manage',
    detail,
  } as const;
  const caseEntry =
    why.reason === 'retention'
      ? { ...base, event: 'case_file.destroyed', dataCategory: 'case_file' }
      : { ...base, event: 'case_file.erased', dataCategory: 'case_file' };
  await recordAccessMany(tx, ctx, caseEntry, personIds.length ? personIds : [null]);
  const personEntry =
    why.reason === 'retention'
      ? { ...base, event: 'person.destroyed', dataCategory: 'identity' }
      : { ...base, event: 'person.erased', dataCategory: 'identity' };
  // An erasure logs the erased person itself, once, with what it did in all (retention/erasure.ts).
  if (destroyedPersons.length && why.reason === 'retention')
    await recordAccessMany(tx, ctx, personEntry, destroyedPersons);
  return { destructionId: record.id, personsDestroyed: destroyedPersons, rows: total(counts), counts };
}

/** Whether a case file (other than ones already destroyed) still refers to the referral, directly or as a linked new question. */
async function referralStillLinked(tx: Tx, referralId: string): Promise<boolean> {
  const r = await sql<{ found: boolean }>`
    select exists (select 1 from case_file where referral_id = ${referralId})
        or exists (select 1 from case_referral_link where referral_id = ${referralId}) as found`.execute(tx);
  return r.rows[0]?.found ?? false;
}

/** Every case file a person is part of: as the primary person or as a member of the case's household. */
export async function casesOfPerson(tx: Tx, personId: string): Promise<string[]> {
  const rows = await tx
    .selectFrom('case_file as c')
    .select('c.id')
    .where((eb) =>
      eb.or([
        eb('c.primary_person_id', '=', personId),
        eb(
          'c.household_id',
          'in',
          eb.selectFrom('household_member').select('household_id').where('person_id', '=', personId),
        ),
      ]),
    )
    .execute();
  return rows.map((r) => r.id);
}
