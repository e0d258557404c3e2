import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/test-app';
import { generateSynthetic } from '../demo-data';
import { destroyCase } from '../retention';
import { buildActor } from '../../shared/actor';
import { refreshCells, splitPeriod } from './mi.cells';
import { refreshAllFacts, refreshFacts } from './mi.facts';
import { loadFacts } from './mi.report';

/**
 * The monthly cells per team against the direct computation: every figure of the dashboard, for several periods and
 * team selections, read through the cells equals the same figure computed directly over the period — after the
 * bulk load, and again after changes of every kind that a cell depends on, refreshed only through the marks the
 * triggers wrote (no cell is computed anew in between).
 */
let t: TestApp;
let tenant: string;
let teams: string[];
const TODAY = '2026-11-20';

beforeAll(async () => {
  t = await startTestApp();
  const client = await t.db.pool.connect();
  try {
    await generateSynthetic(client, { size: 'small', seed: 'mi-cells', anchor: TODAY, passwordHash: 'not-used' });
  } finally {
    client.release();
  }
  // The municipality with the most teams.
  const rows = (
    await t.db.inSystem((tx) =>
      sql<{
        tenant_id: string;
        ids: string[];
      }>`select tenant_id, array_agg(id order by name) as ids from team group by tenant_id order by count(*) desc limit 1`.execute(
        tx,
      ),
    )
  ).rows;
  tenant = rows[0]!.tenant_id;
  teams = rows[0]!.ids;
}, 300_000);
afterAll(() => t?.close());

/** Lists in a stable order, so that two reports compare by content. */
function canon(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canon).sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value)
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([k, v]) => [k, canon(v)]),
    );
  return value;
}

const periods = () => [
  // Whole months only: everything from cells.
  { teamIds: teams, from: '2024-01-01', to: '2026-12-31' },
  // Days before and after the whole months, one team.
  { teamIds: [teams[0]!], from: '2025-02-10', to: TODAY },
  // Two teams, one month; and less than a month (no cell at all).
  { teamIds: teams.slice(0, 2), from: '2026-03-01', to: '2026-03-31' },
  { teamIds: teams, from: '2026-10-05', to: '2026-10-20' },
];

async function compare(): Promise<{ computed: number }> {
  await refreshFacts(t.db, tenant);
  let computed = 0;
  for (const p of periods()) {
    const s = { ...p, today: TODAY };
    computed += await refreshCells(t.db, tenant, TODAY, {
      teamIds: s.teamIds,
      spans: splitPeriod(s.from, s.to, TODAY).cells,
    });
    const [viaCells, direct] = await t.db.inTenant(tenant, async (tx) => [
      await loadFacts(tx, s),
      await loadFacts(tx, s, { direct: true }),
    ]);
    expect([p.from, p.to, p.teamIds.length, canon(viaCells)]).toEqual([p.from, p.to, p.teamIds.length, canon(direct)]);
  }
  return { computed };
}

const one = async <T extends Record<string, unknown>>(query: ReturnType<typeof sql<T>>) =>
  (await t.db.inSystem((tx) => query.execute(tx))).rows[0]!;

describe('monthly cells per team', () => {
  it('add up to the direct computation after a bulk load', async () => {
    expect(teams.length).toBeGreaterThan(1);
    const { computed } = await compare();
    // Whole months and single days (before today, in months a period covers in part), per team, each once.
    const spans = new Set(
      periods().flatMap((p) =>
        splitPeriod(p.from, p.to, TODAY).cells.flatMap((x) => p.teamIds.map((team) => `${team}|${x.first}|${x.last}`)),
      ),
    );
    expect(computed).toBe(spans.size);
    const months = (from: string, n: number) =>
      Array.from({ length: n }, (_, i) => {
        const m = new Date(Date.UTC(Number(from.slice(0, 4)), Number(from.slice(5, 7)) - 1 + i, 1));
        return {
          first: m.toISOString().slice(0, 10),
          last: new Date(Date.UTC(m.getUTCFullYear(), m.getUTCMonth() + 1, 0)).toISOString().slice(0, 10),
        };
      });
    expect(splitPeriod('2025-02-10', TODAY, TODAY)).toEqual({
      cells: [
        { first: '2025-02-10', last: '2025-02-28' },
        ...months('2025-03-01', 20),
        { first: '2026-11-01', last: '2026-11-19' },
      ],
      direct: [{ from: TODAY, to: TODAY }],
    });
    expect(splitPeriod('2026-11-01', '2026-12-31', TODAY)).toEqual({
      cells: [{ first: '2026-11-01', last: '2026-11-19' }],
      direct: [
        { from: TODAY, to: '2026-11-30' },
        { from: '2026-12-01', to: '2026-12-31' },
      ],
    });
    expect(splitPeriod('2026-11-20', '2026-11-25', TODAY)).toEqual({
      cells: [],
      direct: [{ from: TODAY, to: '2026-11-25' }],
    });
    expect(splitPeriod('2026-01-15', '2026-01-20', TODAY)).toEqual({
      cells: [{ first: '2026-01-15', last: '2026-01-20' }],
      direct: [],
    });
    // The data set is rich enough for the comparison to mean something.
    const direct = await t.db.inTenant(tenant, (tx) =>
      loadFacts(tx, { teamIds: teams, from: '2024-01-01', to: '2026-12-31', today: TODAY }, { direct: true }),
    );
    expect(direct.inflow.reduce((a, r) => a + r.n, 0)).toBeGreaterThan(100);
    expect(direct.leadTimes.reduce((a, r) => a + r.n, 0)).toBeGreaterThan(100);
    expect(direct.closures.reduce((a, r) => a + r.n, 0)).toBeGreaterThan(20);
    expect(direct.evaluations.held).toBeGreaterThan(20);
  });

  it('are what a dashboard reads: a cell changed behind its back shows, until it is marked', async () => {
    const p = { teamIds: [teams[0]!], from: '2026-03-01', to: '2026-03-31', today: TODAY };
    await t.db.inSystem((tx) =>
      sql`update mi_cell set figures = jsonb_set(figures::jsonb, '{reReferrals,referrals}', to_jsonb((figures #>> '{reReferrals,referrals}')::int + 1000))::json where team_id = ${teams[0]}::uuid and first_day = '2026-03-01' and last_day = '2026-03-31'`.execute(
        tx,
      ),
    );
    const [tampered, direct] = await t.db.inTenant(tenant, async (tx) => [
      await loadFacts(tx, p),
      await loadFacts(tx, p, { direct: true }),
    ]);
    expect(tampered.reReferrals.referrals).toBe(direct.reReferrals.referrals + 1000);
    await t.db.inSystem((tx) =>
      sql`insert into mi_dirty_day (tenant_id, team_id, day) values (${tenant}::uuid, ${teams[0]}::uuid, '2026-03-17')`.execute(
        tx,
      ),
    );
    expect(await refreshCells(t.db, tenant, TODAY)).toBe(1);
    const again = await t.db.inTenant(tenant, (tx) => loadFacts(tx, p));
    expect(again.reReferrals.referrals).toBe(direct.reReferrals.referrals);
  });

  it('stay equal to it as data change, refreshed through the marks alone', async () => {
    const [a, b] = teams as [string, string];
    await t.db.inSystem(async (tx) => {
      const user = (
        await sql<{
          id: string;
        }>`select id from app_user where tenant_id = ${tenant}::uuid order by id limit 1`.execute(tx)
      ).rows[0]!.id;
      const pick = async <T>(query: ReturnType<typeof sql<T>>) => (await query.execute(tx)).rows[0]!;
      // Referrals: another channel; one with a decision moves to another team; one without a case is closed.
      await sql`update referral set channel = 'walk_in' where id = (select id from referral where tenant_id = ${tenant}::uuid and channel <> 'walk_in' and received_at >= '2025-01-01' order by id limit 1)`.execute(
        tx,
      );
      const moved = await pick(
        sql<{
          id: string;
          team_id: string;
        }>`select r.id, r.team_id from referral r join core_decision d on d.referral_id = r.id where r.tenant_id = ${tenant}::uuid and d.decided_at >= '2025-03-01' order by r.id limit 1`,
      );
      await sql`update referral set team_id = ${moved.team_id === a ? b : a}::uuid where id = ${moved.id}::uuid`.execute(
        tx,
      );
      await sql`update referral set status = 'closed' where id = (select r.id from referral r where r.tenant_id = ${tenant}::uuid and r.status <> 'closed' and r.received_at >= '2025-01-01'
        and not exists (select 1 from case_file c where c.referral_id = r.id) order by r.id limit 1)`.execute(tx);
      // Decisions: one taken five weeks later, one with another outcome; a decision letter to the referrer.
      await sql`update core_decision set decided_at = decided_at + interval '35 days' where referral_id = (select d.referral_id from core_decision d where d.tenant_id = ${tenant}::uuid and d.decided_at between '2025-06-01' and '2026-06-01' order by d.referral_id limit 1)`.execute(
        tx,
      );
      await sql`update core_decision set outcome = 'advice' where referral_id = (select d.referral_id from core_decision d where d.tenant_id = ${tenant}::uuid and d.outcome <> 'advice' and d.decided_at >= '2025-01-01' order by d.referral_id desc limit 1)`.execute(
        tx,
      );
      const decided = await pick(sql<{
        referral_id: string;
      }>`select d.referral_id from core_decision d where d.tenant_id = ${tenant}::uuid and d.decided_at >= '2025-02-01'
        and not exists (select 1 from letter l where l.referral_id = d.referral_id) order by d.referral_id limit 1 offset 3`);
      await sql`insert into letter (tenant_id, referral_id, kind, subject, body, pdf, idempotency_key, created_by)
        values (${tenant}::uuid, ${decided.referral_id}::uuid, 'decision_take_up', 'Besluit', 'Tekst', '\\x00'::bytea, 'mi-cells-letter', ${user}::uuid)`.execute(
        tx,
      );
      // A closed case moves to another team and another household; another case's closure moves a month and is
      // a referral elsewhere with a warm handover.
      const transferred = await pick(sql<{
        id: string;
        team_id: string;
      }>`select c.id, c.team_id from case_file c where c.tenant_id = ${tenant}::uuid and c.phase = 'closed' and c.household_id is not null
        and exists (select 1 from case_evaluation e where e.case_id = c.id) and c.closed_at >= '2025-01-01' order by c.id limit 1`);
      const otherHousehold = await pick(sql<{
        household_id: string;
      }>`select household_id from referral where tenant_id = ${tenant}::uuid and household_id is not null
        and household_id <> (select household_id from case_file where id = ${transferred.id}::uuid) order by received_at desc limit 1`);
      await sql`update case_file set team_id = ${transferred.team_id === a ? b : a}::uuid, household_id = ${otherHousehold.household_id}::uuid where id = ${transferred.id}::uuid`.execute(
        tx,
      );
      const closure = await pick(
        sql<{
          id: string;
          case_id: string;
        }>`select x.id, x.case_id from case_closure x where x.tenant_id = ${tenant}::uuid and x.closed_on between '2025-03-01' and '2026-06-30' and x.case_id <> ${transferred.id}::uuid order by x.id limit 1`,
      );
      await sql`update case_closure set closed_on = closed_on - 31, reason = 'referred_elsewhere', referred_to = coalesce(referred_to, 'Schuldhulp') where id = ${closure.id}::uuid`.execute(
        tx,
      );
      await sql`insert into care_transfer (tenant_id, case_id, kind, organisation, what, on_date, warm_meeting_held, recorded_by)
        values (${tenant}::uuid, ${closure.case_id}::uuid, 'warm_handover', 'Schuldhulp', 'Overdracht', '2025-05-01', true, ${user}::uuid)`.execute(
        tx,
      );
      // The watch: one ends in another month; a case is reactivated.
      await sql`update case_watch set ended_on = coalesce(ended_on, started_on + 60) + 20, end_kind = 'ended' where id = (select id from case_watch where tenant_id = ${tenant}::uuid and started_on >= '2024-06-01' order by id limit 1)`.execute(
        tx,
      );
      const watched = await pick(
        sql<{
          case_id: string;
        }>`select case_id from case_watch where tenant_id = ${tenant}::uuid and started_on >= '2024-06-01' order by id desc limit 1`,
      );
      await sql`insert into case_episode (tenant_id, case_id, number, started_on, from_phase, to_phase, reason, started_by)
        values (${tenant}::uuid, ${watched.case_id}::uuid, 2, '2026-05-05', 'watch', 'execution', 'Nieuwe zorgen', ${user}::uuid)`.execute(
        tx,
      );
      // Changes counted on days of months the periods cover in part (cells of part of a month).
      await sql`update referral set referrer_kind = case when referrer_kind = 'self' then 'professional' else 'self' end
        where id = (select id from referral where team_id = ${a}::uuid and received_at >= '2026-11-02' and received_at < '2026-11-19' order by id limit 1)`.execute(
        tx,
      );
      await sql`update referral set channel = 'email' where id = (select id from referral where tenant_id = ${tenant}::uuid and channel <> 'email' and received_at >= '2026-10-06' and received_at < '2026-10-19' order by id limit 1)`.execute(
        tx,
      );
      await sql`insert into policy_signal (tenant_id, team_id, kind, life_domain, description, recorded_by, recorded_at)
        values (${tenant}::uuid, ${a}::uuid, 'law_gap', 'housing', 'Geen noodopvang', ${user}::uuid, '2026-11-10T10:00:00Z')`.execute(
        tx,
      );
      // A signal to policy; the contact person of an open case changes (the case_file trigger records it).
      await sql`insert into policy_signal (tenant_id, team_id, kind, life_domain, description, recorded_by, recorded_at)
        values (${tenant}::uuid, ${a}::uuid, 'service_gap', 'finances', 'Wachtlijst schuldhulp', ${user}::uuid, '2026-04-04T10:00:00Z')`.execute(
        tx,
      );
      const open = await pick(
        sql<{
          id: string;
          case_worker_id: string;
        }>`select id, case_worker_id from case_file where tenant_id = ${tenant}::uuid and phase <> 'closed' order by id limit 1`,
      );
      const worker = await pick(
        sql<{
          id: string;
        }>`select id from app_user where tenant_id = ${tenant}::uuid and id <> ${open.case_worker_id}::uuid order by id limit 1`,
      );
      await sql`update case_file set case_worker_id = ${worker.id}::uuid where id = ${open.id}::uuid`.execute(tx);
      // An evaluation disappears; a closing ZRM score changes; an earlier first contact.
      const evaluation = await pick(
        sql<{
          id: string;
        }>`select id from case_evaluation where tenant_id = ${tenant}::uuid and held_on >= '2025-01-01' order by id limit 1`,
      );
      await sql`delete from case_evaluation_goal where evaluation_id = ${evaluation.id}::uuid`.execute(tx);
      await sql`delete from case_evaluation where id = ${evaluation.id}::uuid`.execute(tx);
      await sql`update zrm_score set score = case when score = 5 then 1 else 5 end where assessment_id = (select a.id from zrm_assessment a join case_file c on c.id = a.case_id
        where a.tenant_id = ${tenant}::uuid and a.kind = 'closing' and c.closed_at >= '2025-01-01' order by a.id limit 1)`.execute(
        tx,
      );
      const late = await pick(
        sql<{
          id: string;
          case_worker_id: string;
        }>`select id, case_worker_id from case_file where tenant_id = ${tenant}::uuid and opened_at >= '2025-06-01' order by id limit 1`,
      );
      await sql`insert into contact_entry (tenant_id, case_id, kind, contact_on, note, recorded_by) values (${tenant}::uuid, ${late.id}::uuid, 'phone', '2025-01-15', 'Eerder contact', ${late.case_worker_id}::uuid)`.execute(
        tx,
      );
      // A team's norms change.
      await sql`update team set evaluation_weeks = 8, analysis_weeks = 4 where id = ${a}::uuid`.execute(tx);
    });
    expect((await one(sql<{ n: number }>`select count(*)::int as n from mi_dirty_day`)).n).toBeGreaterThan(0);
    // The scheduled refresh brings facts and marked cells up to date; then no cell is left to compute.
    expect(await refreshAllFacts(t.db, TODAY)).toBeGreaterThan(0);
    expect((await one(sql<{ n: number }>`select count(*)::int as n from mi_dirty_day`)).n).toBe(0);
    // No cell is computed anew: all were brought up to date through the marks.
    const { computed } = await compare();
    expect(computed).toBe(0);
  });

  it('drop a case destroyed after its retention term', async () => {
    const c = await one(sql<{
      id: string;
    }>`select c.id from case_file c where c.tenant_id = ${tenant}::uuid and c.phase = 'closed' and c.team_id = any(${teams}::uuid[])
      and c.closed_at >= '2025-06-01' and exists (select 1 from case_evaluation e where e.case_id = c.id) and exists (select 1 from zrm_assessment a where a.case_id = c.id) order by c.id limit 1`);
    const officer = await one(
      sql<{ id: string }>`select id from app_user where tenant_id = ${tenant}::uuid order by id limit 1`,
    );
    const ctx = {
      actor: buildActor({ userId: officer.id, tenantId: tenant, roles: ['privacy_officer'], teamIds: [] }),
      ip: '127.0.0.1',
      userAgent: null,
    };
    await t.db.inTenant(tenant, (tx) => destroyCase(tx, ctx, c.id, { reason: 'retention', today: TODAY }));
    expect((await one(sql<{ n: number }>`select count(*)::int as n from mi_dirty_day`)).n).toBeGreaterThan(0);
    expect(await refreshAllFacts(t.db, TODAY)).toBeGreaterThan(0);
    const { computed } = await compare();
    expect(computed).toBe(0);
  });

  it('are not written again for a change no monthly figure depends on', async () => {
    const before = await one(sql<{ n: number }>`select count(*)::int as n from mi_dirty_day`);
    expect(before.n).toBe(0);
    await t.db.inSystem(async (tx) => {
      const c = (
        await sql<{
          id: string;
          case_worker_id: string;
        }>`select c.id, c.case_worker_id from case_file c join contact_entry e on e.case_id = c.id where c.tenant_id = ${tenant}::uuid group by c.id having min(e.contact_on) < '2026-11-01' order by c.id limit 1`.execute(
          tx,
        )
      ).rows[0]!;
      await sql`insert into contact_entry (tenant_id, case_id, kind, contact_on, note, recorded_by) values (${tenant}::uuid, ${c.id}::uuid, 'home_visit', '2026-11-19', 'Huisbezoek', ${c.case_worker_id}::uuid)`.execute(
        tx,
      );
    });
    await refreshFacts(t.db, tenant);
    expect((await one(sql<{ n: number }>`select count(*)::int as n from mi_dirty_day`)).n).toBe(0);
  });
});
