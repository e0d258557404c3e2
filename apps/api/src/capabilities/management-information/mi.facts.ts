/**
 * The pre-aggregated facts per case (migration 0019, ADR 0021). Triggers on the source tables queue every case they
 * touch in `mi_dirty_case`; `refreshFacts` recomputes the queued cases of a municipality from the source — the
 * direct computation, per case — before a dashboard reads the facts. So the facts are never older than the request.
 */
import { sql } from 'kysely';
import type { Database, Tx } from '../../platform/database/database';
import { prunePartialCells, refreshCells, splitPeriod } from './mi.cells';
import { defaultPeriod } from './mi.domain';

/** Cases recomputed per statement (one statement per table per chunk). */
const CHUNK = 2_000;

/** Recomputes the facts of the given cases from the source tables, in the caller's transaction. */
export async function recomputeCases(tx: Tx, caseIds: readonly string[]): Promise<void> {
  for (let i = 0; i < caseIds.length; i += CHUNK) {
    const ids = sql`${caseIds.slice(i, i + CHUNK)}::uuid[]`;
    await sql`delete from mi_case_fact f where f.case_id = any(${ids}) and not exists (select 1 from case_file c where c.id = f.case_id)`.execute(
      tx,
    );
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
        participation_change = excluded.participation_change, evaluation_reference_on = excluded.evaluation_reference_on, refreshed_at = excluded.refreshed_at
      -- Written only when something changed: the monthly cells (migration 0025) are marked from the changes.
      where (mi_case_fact.tenant_id, mi_case_fact.team_id, mi_case_fact.household_id, mi_case_fact.phase, mi_case_fact.received_at, mi_case_fact.decided_at, mi_case_fact.opened_at, mi_case_fact.closed_at, mi_case_fact.first_contact_on, mi_case_fact.first_agreed_on, mi_case_fact.last_closed_on, mi_case_fact.worker_changes, mi_case_fact.zrm_start, mi_case_fact.zrm_pair, mi_case_fact.participation_persons, mi_case_fact.participation_up, mi_case_fact.participation_same, mi_case_fact.participation_down, mi_case_fact.participation_change, mi_case_fact.evaluation_reference_on)
        is distinct from (excluded.tenant_id, excluded.team_id, excluded.household_id, excluded.phase, excluded.received_at, excluded.decided_at, excluded.opened_at, excluded.closed_at, excluded.first_contact_on, excluded.first_agreed_on, excluded.last_closed_on, excluded.worker_changes, excluded.zrm_start, excluded.zrm_pair, excluded.participation_persons, excluded.participation_up, excluded.participation_same, excluded.participation_down, excluded.participation_change, excluded.evaluation_reference_on)`.execute(
      tx,
    );

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
    // The plan in effect today: a copy of the latest agreed version on the case's facts (written only when it changed).
    await sql`
      update mi_case_fact f set plan_agreed_on = v.agreed_on, plan_domains = v.domains, plan_own = v.own_plan, plan_household = v.actions_household,
        plan_family = v.actions_family, plan_network = v.actions_network, plan_professional = v.actions_professional, plan_unknown = v.actions_unknown,
        plan_general = v.service_general, plan_group = v.service_group, plan_tailored = v.service_tailored, plan_none = v.service_none
      from mi_case_fact k
      left join lateral (
        select pf.* from mi_plan_fact pf where pf.case_id = k.case_id order by pf.agreed_on desc, pf.number desc limit 1
      ) v on true
      where k.case_id = f.case_id and k.case_id = any(${ids})
        and (f.plan_agreed_on, f.plan_domains, f.plan_own, f.plan_household, f.plan_family, f.plan_network, f.plan_professional, f.plan_unknown,
             f.plan_general, f.plan_group, f.plan_tailored, f.plan_none)
        is distinct from (v.agreed_on, v.domains, v.own_plan, v.actions_household, v.actions_family, v.actions_network, v.actions_professional,
             v.actions_unknown, v.service_general, v.service_group, v.service_tailored, v.service_none)`.execute(tx);

    // ZRM and evaluation facts are merged rather than replaced: only rows that changed are written (and mark their month).
    await sql`
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
      ),
      computed as (
        select p.case_id, k.tenant_id, k.team_id, k.closed_on, p.domain, count(*)::int as pairs, sum(p.change)::int as change_sum,
               count(*) filter (where p.change > 0)::int as improved, count(*) filter (where p.change = 0)::int as same, count(*) filter (where p.change < 0)::int as worse
        from pairs p join closed k on k.case_id = p.case_id
        group by p.case_id, k.tenant_id, k.team_id, k.closed_on, p.domain
      ),
      gone as (
        delete from mi_case_zrm z where z.case_id = any(${ids}) and not exists (select 1 from computed c where c.case_id = z.case_id and c.domain = z.domain)
      )
      insert into mi_case_zrm (case_id, tenant_id, team_id, closed_on, domain, pairs, change_sum, improved, same, worse)
      select case_id, tenant_id, team_id, closed_on, domain, pairs, change_sum, improved, same, worse from computed
      on conflict (case_id, domain) do update set
        tenant_id = excluded.tenant_id, team_id = excluded.team_id, closed_on = excluded.closed_on, pairs = excluded.pairs, change_sum = excluded.change_sum,
        improved = excluded.improved, same = excluded.same, worse = excluded.worse
      where (mi_case_zrm.tenant_id, mi_case_zrm.team_id, mi_case_zrm.closed_on, mi_case_zrm.pairs, mi_case_zrm.change_sum, mi_case_zrm.improved, mi_case_zrm.same, mi_case_zrm.worse)
        is distinct from (excluded.tenant_id, excluded.team_id, excluded.closed_on, excluded.pairs, excluded.change_sum, excluded.improved, excluded.same, excluded.worse)`.execute(
      tx,
    );

    await sql`
      delete from mi_evaluation_fact ef
      where ef.case_id = any(${ids}) and not exists (select 1 from case_evaluation e where e.id = ef.evaluation_id and e.case_id = ef.case_id)`.execute(
      tx,
    );
    await sql`
      insert into mi_evaluation_fact (evaluation_id, case_id, tenant_id, team_id, held_on, reference_on)
      select e.id, e.case_id, e.tenant_id, f.team_id, e.held_on,
             greatest(
               (select max(v.agreed_on) from plan_version v join plan p on p.id = v.plan_id where p.case_id = e.case_id and v.agreed_on < e.held_on),
               (select max(e0.held_on) from case_evaluation e0 where e0.case_id = e.case_id and e0.held_on < e.held_on)
             )
      from case_evaluation e
      join mi_case_fact f on f.case_id = e.case_id
      where e.case_id = any(${ids})
      on conflict (evaluation_id) do update set
        case_id = excluded.case_id, tenant_id = excluded.tenant_id, team_id = excluded.team_id, held_on = excluded.held_on, reference_on = excluded.reference_on
      where (mi_evaluation_fact.case_id, mi_evaluation_fact.team_id, mi_evaluation_fact.held_on, mi_evaluation_fact.reference_on)
        is distinct from (excluded.case_id, excluded.team_id, excluded.held_on, excluded.reference_on)`.execute(tx);
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
      const queued = (
        await sql<{
          id: number;
          case_id: string;
        }>`select id, case_id from mi_dirty_case order by id limit ${CHUNK * 2}`.execute(tx)
      ).rows;
      let cases = [...new Set(queued.map((r) => r.case_id))];
      if (cases.length === 0) {
        // Cases without facts exist only until the first complete check (mi_fact_complete, migration 0022): after
        // that every new case is queued by the triggers, so the check no longer reads all case files.
        const complete = await sql`select 1 from mi_fact_complete where tenant_id = ${tenantId}::uuid`.execute(tx);
        if (complete.rows.length === 0) {
          cases = (
            await sql<{
              id: string;
            }>`select c.id from case_file c where not exists (select 1 from mi_case_fact f where f.case_id = c.id) limit ${CHUNK}`.execute(
              tx,
            )
          ).rows.map((r) => r.id);
          if (cases.length === 0)
            await sql`insert into mi_fact_complete (tenant_id) values (${tenantId}::uuid) on conflict do nothing`.execute(
              tx,
            );
        }
      }
      if (cases.length === 0) return 0;
      await recomputeCases(tx, cases);
      if (queued.length)
        await sql`delete from mi_dirty_case where id = any(${queued.map((r) => r.id)}::bigint[])`.execute(tx);
      return cases.length;
    });
    if (done === 0) return total;
    total += done;
  }
  return total;
}

/**
 * The scheduled refresh (every 10 minutes, see scheduled-jobs.ts): brings every municipality's facts and monthly
 * cells up to date, so the queues stay short and a dashboard request finds little or nothing left to compute.
 */
export async function refreshAllFacts(db: Database, today: string): Promise<number> {
  const tenants = await db.inSystem((tx) => tx.selectFrom('tenant').select('id').execute());
  let total = 0;
  for (const { id } of tenants) {
    total += await refreshFacts(db, id);
    // Then the cells (mi.cells.ts): those marked by the changes, and those of the usual period (the last twelve
    // months, every team) that are missing — such as the current month up to yesterday, new each day — so that the
    // first dashboard of the day finds them. Old cells of part of a month go.
    const teams = (await db.inTenant(id, (tx) => tx.selectFrom('team').select('id').execute())).map((t) => t.id);
    const usual = defaultPeriod(today);
    total += await refreshCells(db, id, today, {
      teamIds: teams,
      spans: splitPeriod(usual.from, usual.to, today).cells,
    });
    await prunePartialCells(db, id);
  }
  return total;
}
