/**
 * The pre-aggregated facts per case (migration 0019, ADR 0021). Triggers on the source tables queue every case they
 * touch in `mi_dirty_case`; `refreshFacts` recomputes the queued cases of a municipality from the source — the
 * direct computation, per case — before a dashboard reads the facts. So the facts are never older than the request.
 */
import { sql } from 'kysely';
import type { Database, Tx } from '../../platform/database/database';

/** Cases recomputed per statement (one statement per table per chunk). */
const CHUNK = 2_000;

/** Recomputes the facts of the given cases from the source tables, in the caller's transaction. */
export async function recomputeCases(tx: Tx, caseIds: readonly string[]): Promise<void> {
  for (let i = 0; i < caseIds.length; i += CHUNK) {
    const ids = sql`${caseIds.slice(i, i + CHUNK)}::uuid[]`;
    await sql`delete from mi_case_fact f where f.case_id = any(${ids}) and not exists (select 1 from case_file c where c.id = f.case_id)`.execute(tx);
    await sql`
      insert into mi_case_fact (
        case_id, tenant_id, team_id, household_id, phase, received_at, decided_at, opened_at, closed_at, first_contact_on, first_agreed_on,
        last_closed_on, worker_changes, zrm_start, zrm_pair,
        participation_persons, participation_up, participation_same, participation_down, participation_change, evaluation_reference_on, refreshed_at)
      select c.id, c.tenant_id, c.team_id, c.household_id, c.phase, r.received_at, d.decided_at, c.opened_at, c.closed_at,
             (select min(e.contact_on) from contact_entry e where e.case_id = c.id),
             (select min(v.agreed_on) from plan_version v join plan p on p.id = v.plan_id where p.case_id = c.id),
             lc.closed_on,
             (select count(*) from case_worker_change w where w.case_id = c.id)::int,
             exists (select 1 from zrm_assessment a where a.case_id = c.id and a.kind = 'start'),
             exists (select 1 from zrm_assessment a where a.case_id = c.id and a.kind = 'start')
               and exists (select 1 from zrm_assessment a where a.case_id = c.id and a.kind = 'closing'),
             coalesce(pm.persons, 0), coalesce(pm.up, 0), coalesce(pm.same, 0), coalesce(pm.down, 0), coalesce(pm.change, 0),
             greatest(
               (select max(v.agreed_on) from plan_version v join plan p on p.id = v.plan_id where p.case_id = c.id and v.status <> 'draft'),
               (select max(e.held_on) from case_evaluation e where e.case_id = c.id)
             ),
             now()
      from case_file c
      left join referral r on r.id = c.referral_id
      left join core_decision d on d.referral_id = c.referral_id
      left join lateral (select max(x.closed_on) as closed_on from case_closure x where x.case_id = c.id) lc on true
      left join lateral (
        select count(*)::int as persons,
               count(*) filter (where m.change > 0)::int as up,
               count(*) filter (where m.change = 0)::int as same,
               count(*) filter (where m.change < 0)::int as down,
               coalesce(sum(m.change), 0)::int as change
        from (
          select (array_agg(pm.rung order by pm.measured_on desc, pm.recorded_at desc))[1] - (array_agg(pm.rung order by pm.measured_on, pm.recorded_at))[1] as change
          from participation_measure pm
          where pm.case_id = c.id and lc.closed_on is not null and pm.measured_on <= lc.closed_on
          group by pm.person_id
          having count(*) >= 2
        ) m
      ) pm on true
      where c.id = any(${ids})
      order by c.id
      on conflict (case_id) do update set
        tenant_id = excluded.tenant_id, team_id = excluded.team_id, household_id = excluded.household_id, phase = excluded.phase,
        received_at = excluded.received_at, decided_at = excluded.decided_at, opened_at = excluded.opened_at, closed_at = excluded.closed_at,
        first_contact_on = excluded.first_contact_on, first_agreed_on = excluded.first_agreed_on,
        last_closed_on = excluded.last_closed_on, worker_changes = excluded.worker_changes,
        zrm_start = excluded.zrm_start, zrm_pair = excluded.zrm_pair, participation_persons = excluded.participation_persons,
        participation_up = excluded.participation_up, participation_same = excluded.participation_same, participation_down = excluded.participation_down,
        participation_change = excluded.participation_change, evaluation_reference_on = excluded.evaluation_reference_on, refreshed_at = excluded.refreshed_at`.execute(tx);

    await sql`delete from mi_plan_fact where case_id = any(${ids})`.execute(tx);
    await sql`
      insert into mi_plan_fact (plan_version_id, case_id, tenant_id, number, agreed_on, domains, own_plan, actions_household, actions_family,
        actions_network, actions_professional, actions_unknown, service_general, service_group, service_tailored, service_none)
      select v.id, p.case_id, v.tenant_id, v.number, v.agreed_on,
             (select count(distinct g.domain) from plan_goal g where g.plan_version_id = v.id)::int,
             v.resident_plan_kind is not null,
             count(a.id) filter (where a.performer in ('self', 'self_with_aids'))::int,
             count(a.id) filter (where a.performer = 'family_or_informal_carer')::int,
             count(a.id) filter (where a.performer = 'network_or_volunteers')::int,
             count(a.id) filter (where a.performer in ('case_worker_or_team', 'other_organisation'))::int,
             count(a.id) filter (where a.performer is null)::int,
             count(a.id) filter (where s.type = 'general')::int,
             count(a.id) filter (where s.type = 'group')::int,
             count(a.id) filter (where s.type = 'tailored')::int,
             count(a.id) filter (where s.id is null)::int
      from plan_version v
      join plan p on p.id = v.plan_id
      left join plan_goal g on g.plan_version_id = v.id
      left join plan_action a on a.goal_id = g.id
      left join service s on s.id = a.service_id
      where p.case_id = any(${ids}) and v.agreed_on is not null
      group by v.id, p.case_id, v.tenant_id, v.number, v.agreed_on, v.resident_plan_kind`.execute(tx);

    await sql`delete from mi_case_zrm where case_id = any(${ids})`.execute(tx);
    await sql`
      insert into mi_case_zrm (case_id, tenant_id, team_id, closed_on, domain, pairs, change_sum, improved, same, worse)
      with closed as (
        select f.case_id, f.tenant_id, f.team_id, f.last_closed_on as closed_on from mi_case_fact f where f.case_id = any(${ids}) and f.last_closed_on is not null
      ),
      firsts as (
        select distinct on (a.case_id, a.person_id) a.case_id, a.person_id, a.id, a.instrument
        from zrm_assessment a join closed k on k.case_id = a.case_id
        where a.kind = 'start' and a.assessed_on <= k.closed_on
        order by a.case_id, a.person_id, a.assessed_on, a.recorded_at
      ),
      lasts as (
        select distinct on (a.case_id, a.person_id) a.case_id, a.person_id, a.id, a.instrument
        from zrm_assessment a join closed k on k.case_id = a.case_id
        where a.kind = 'closing' and a.assessed_on <= k.closed_on
        order by a.case_id, a.person_id, a.assessed_on desc, a.recorded_at desc
      ),
      pairs as (
        select f.case_id, s1.domain, (s2.score - s1.score)::int as change
        from firsts f
        join lasts l on l.case_id = f.case_id and l.person_id = f.person_id and l.instrument = f.instrument
        join zrm_score s1 on s1.assessment_id = f.id
        join zrm_score s2 on s2.assessment_id = l.id and s2.domain = s1.domain
      )
      select p.case_id, k.tenant_id, k.team_id, k.closed_on, p.domain, count(*)::int, sum(p.change)::int,
             count(*) filter (where p.change > 0)::int, count(*) filter (where p.change = 0)::int, count(*) filter (where p.change < 0)::int
      from pairs p join closed k on k.case_id = p.case_id
      group by p.case_id, k.tenant_id, k.team_id, k.closed_on, p.domain`.execute(tx);

    await sql`delete from mi_evaluation_fact where case_id = any(${ids})`.execute(tx);
    await sql`
      insert into mi_evaluation_fact (evaluation_id, case_id, tenant_id, held_on, reference_on)
      select e.id, e.case_id, e.tenant_id, e.held_on,
             greatest(
               (select max(v.agreed_on) from plan_version v join plan p on p.id = v.plan_id where p.case_id = e.case_id and v.agreed_on < e.held_on),
               (select max(e0.held_on) from case_evaluation e0 where e0.case_id = e.case_id and e0.held_on < e.held_on)
             )
      from case_evaluation e
      where e.case_id = any(${ids})`.execute(tx);
  }
}

/**
 * Brings the facts of a municipality up to date: recomputes every queued case, and every case that has no facts yet (a
 * bulk load that bypassed the triggers, such as the synthetic data generator), a chunk per transaction so that work
 * done survives an interrupted request. Refreshes of one municipality wait for each other (an advisory lock), so two
 * requests never compute the same case at once; a change committed meanwhile queues its case again and is picked up
 * by the next round.
 */
export async function refreshFacts(db: Database, tenantId: string): Promise<number> {
  let total = 0;
  // Bounded: a municipality where others keep changing cases still gets its answer.
  for (let round = 0; round < 500; round++) {
    const done = await db.inTenant(tenantId, async (tx) => {
      await sql`select pg_advisory_xact_lock(hashtext('nabij.mi_refresh'), hashtext(${tenantId}))`.execute(tx);
      const queued = (await sql<{ id: number; case_id: string }>`select id, case_id from mi_dirty_case order by id limit ${CHUNK * 2}`.execute(tx)).rows;
      let cases = [...new Set(queued.map((r) => r.case_id))];
      if (cases.length === 0) {
        // Cases without facts exist only until the first complete check (mi_fact_complete, migration 0022): after
        // that every new case is queued by the triggers, so the check no longer reads all case files.
        const complete = await sql`select 1 from mi_fact_complete where tenant_id = ${tenantId}::uuid`.execute(tx);
        if (complete.rows.length === 0) {
          cases = (await sql<{ id: string }>`select c.id from case_file c where not exists (select 1 from mi_case_fact f where f.case_id = c.id) limit ${CHUNK}`.execute(tx)).rows.map((r) => r.id);
          if (cases.length === 0) await sql`insert into mi_fact_complete (tenant_id) values (${tenantId}::uuid) on conflict do nothing`.execute(tx);
        }
      }
      if (cases.length === 0) return 0;
      await recomputeCases(tx, cases);
      if (queued.length) await sql`delete from mi_dirty_case where id = any(${queued.map((r) => r.id)}::bigint[])`.execute(tx);
      return cases.length;
    });
    if (done === 0) return total;
    total += done;
  }
  return total;
}

/**
 * The scheduled refresh (every 10 minutes, see scheduled-jobs.ts): brings every municipality's facts up to date,
 * so the queue stays short and a dashboard request finds little or nothing left to compute.
 */
export async function refreshAllFacts(db: Database): Promise<number> {
  const tenants = await db.inSystem((tx) => tx.selectFrom('tenant').select('id').execute());
  let total = 0;
  for (const { id } of tenants) total += await refreshFacts(db, id);
  return total;
}
