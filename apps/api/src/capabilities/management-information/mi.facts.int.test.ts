import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/test-app';
import { generateSynthetic } from '../demo-data';
import { createMailer } from '../../platform/mail';
import { scheduledJobs } from '../../scheduled-jobs';
import { refreshFacts } from './mi.facts';

/**
 * The pre-aggregated facts against a direct computation: the synthetic data set "small" (two municipalities, loaded
 * without triggers), every fact recomputed here in TypeScript from the raw rows, then again after changes of every
 * kind (earlier contacts, a revised plan, changed performers and services, a deleted score, a closure, a change of
 * contact person, a deleted measurement).
 */
let t: TestApp;
let tenants: string[];

beforeAll(async () => {
  t = await startTestApp();
  const client = await t.db.pool.connect();
  try {
    await generateSynthetic(client, {
      size: 'small',
      seed: 'mi-facts',
      anchor: '2026-11-20',
      passwordHash: 'not-used',
    });
  } finally {
    client.release();
  }
  tenants = (await t.db.inSystem((tx) => tx.selectFrom('tenant').select('id').execute())).map((r) => r.id);
}, 300_000);
afterAll(() => t?.close());

type Row = Record<string, unknown>;
const all = async (query: string): Promise<Row[]> =>
  t.db.inSystem(async (tx) => (await sql<Row>`${sql.raw(query)}`.execute(tx)).rows);
const day = (v: unknown) => (v instanceof Date ? v.toISOString().slice(0, 10) : (v as string | null));
const max = (values: Array<string | null>) =>
  values
    .filter((v): v is string => v !== null)
    .sort()
    .at(-1) ?? null;
const min = (values: Array<string | null>) => values.filter((v): v is string => v !== null).sort()[0] ?? null;
const group = <T extends Row>(rows: T[], key: (r: T) => string) => {
  const m = new Map<string, T[]>();
  for (const r of rows) m.set(key(r), [...(m.get(key(r)) ?? []), r]);
  return m;
};
const by =
  (...keys: string[]) =>
  (a: Row, b: Row) => {
    for (const k of keys) {
      const x = JSON.stringify(a[k] ?? '');
      const y = JSON.stringify(b[k] ?? '');
      if (x !== y) return x < y ? -1 : 1;
    }
    return 0;
  };

/** Every fact, computed from the raw rows without SQL aggregation. */
async function expectedFacts() {
  const cases = await all(
    'select id, tenant_id, team_id, household_id, phase, opened_at, closed_at, referral_id from case_file',
  );
  const referrals = new Map((await all('select id, received_at from referral')).map((r) => [r.id as string, r]));
  const decisions = new Map(
    (await all('select referral_id, decided_at from core_decision')).map((r) => [r.referral_id as string, r]),
  );
  const contacts = group(await all('select case_id, contact_on from contact_entry'), (r) => r.case_id as string);
  const plans = new Map((await all('select id, case_id from plan')).map((r) => [r.id as string, r.case_id as string]));
  const versions = await all(
    'select id, plan_id, number, status, agreed_on, resident_plan_kind, tenant_id from plan_version',
  );
  const versionsOf = group(versions, (v) => plans.get(v.plan_id as string) ?? '');
  const goals = group(
    await all('select id, plan_version_id, domain from plan_goal'),
    (g) => g.plan_version_id as string,
  );
  const actions = group(
    await all('select goal_id, performer, service_id from plan_action'),
    (a) => a.goal_id as string,
  );
  const serviceType = new Map(
    (await all('select id, type from service')).map((s) => [s.id as string, s.type as string]),
  );
  const closures = group(await all('select case_id, closed_on from case_closure'), (r) => r.case_id as string);
  const changes = group(await all('select case_id from case_worker_change'), (r) => r.case_id as string);
  const assessments = await all(
    'select id, case_id, person_id, instrument, kind, assessed_on, recorded_at from zrm_assessment',
  );
  const assessmentsOf = group(assessments, (a) => a.case_id as string);
  const scores = group(
    await all('select assessment_id, domain, score from zrm_score'),
    (s) => s.assessment_id as string,
  );
  const rungs = group(
    await all('select case_id, person_id, rung, measured_on, recorded_at from participation_measure'),
    (m) => m.case_id as string,
  );
  const evaluations = await all('select id, case_id, tenant_id, held_on from case_evaluation');
  const evaluationsOf = group(evaluations, (e) => e.case_id as string);

  const facts: Row[] = [];
  const planFacts: Row[] = [];
  const zrm: Row[] = [];
  for (const c of cases) {
    const id = c.id as string;
    const vs = versionsOf.get(id) ?? [];
    const lastClosed = max((closures.get(id) ?? []).map((x) => day(x.closed_on)));
    const as = assessmentsOf.get(id) ?? [];
    // Participation: per person, first against last measurement on or before the last closure.
    const persons = lastClosed
      ? group(
          (rungs.get(id) ?? []).filter((m) => day(m.measured_on)! <= lastClosed),
          (m) => m.person_id as string,
        )
      : new Map<string, Row[]>();
    const moves = [...persons.values()]
      .filter((ms) => ms.length >= 2)
      .map((ms) => {
        const sorted = [...ms].sort(
          (a, b) => by('measured_on')(a, b) || (a.recorded_at as Date).getTime() - (b.recorded_at as Date).getTime(),
        );
        return (sorted.at(-1)!.rung as number) - (sorted[0]!.rung as number);
      });
    facts.push({
      case_id: id,
      team_id: c.team_id,
      phase: c.phase,
      received_at: c.referral_id
        ? ((referrals.get(c.referral_id as string)?.received_at as Date | undefined)?.toISOString() ?? null)
        : null,
      decided_at: c.referral_id
        ? ((decisions.get(c.referral_id as string)?.decided_at as Date | undefined)?.toISOString() ?? null)
        : null,
      first_contact_on: min((contacts.get(id) ?? []).map((x) => day(x.contact_on))),
      first_agreed_on: min(vs.map((v) => day(v.agreed_on))),
      last_closed_on: lastClosed,
      worker_changes: (changes.get(id) ?? []).length,
      zrm_start: as.some((a) => a.kind === 'start'),
      zrm_pair: as.some((a) => a.kind === 'start') && as.some((a) => a.kind === 'closing'),
      participation_persons: moves.length,
      participation_up: moves.filter((m) => m > 0).length,
      participation_same: moves.filter((m) => m === 0).length,
      participation_down: moves.filter((m) => m < 0).length,
      participation_change: moves.reduce((a, b) => a + b, 0),
      evaluation_reference_on: max([
        max(vs.filter((v) => v.status !== 'draft').map((v) => day(v.agreed_on))),
        max((evaluationsOf.get(id) ?? []).map((e) => day(e.held_on))),
      ]),
    });
    for (const v of vs.filter((x) => x.agreed_on !== null)) {
      const gs = goals.get(v.id as string) ?? [];
      const acts = gs.flatMap((g) => actions.get(g.id as string) ?? []);
      const count = (f: (a: Row) => boolean) => acts.filter(f).length;
      planFacts.push({
        plan_version_id: v.id,
        case_id: id,
        agreed_on: day(v.agreed_on),
        domains: new Set(gs.map((g) => g.domain)).size,
        own_plan: v.resident_plan_kind !== null,
        actions_household: count((a) => a.performer === 'self' || a.performer === 'self_with_aids'),
        actions_family: count((a) => a.performer === 'family_or_informal_carer'),
        actions_network: count((a) => a.performer === 'network_or_volunteers'),
        actions_professional: count(
          (a) => a.performer === 'case_worker_or_team' || a.performer === 'other_organisation',
        ),
        actions_unknown: count((a) => a.performer === null),
        service_general: count((a) => serviceType.get(a.service_id as string) === 'general'),
        service_group: count((a) => serviceType.get(a.service_id as string) === 'group'),
        service_tailored: count((a) => serviceType.get(a.service_id as string) === 'tailored'),
        service_none: count((a) => a.service_id === null),
      });
    }
    // ZRM: per person the first start and the last closing measurement on or before the last closure, same instrument.
    if (lastClosed) {
      const upTo = as.filter((a) => day(a.assessed_on)! <= lastClosed);
      const order = (a: Row, b: Row) =>
        by('assessed_on')(a, b) || (a.recorded_at as Date).getTime() - (b.recorded_at as Date).getTime();
      const pairs: Array<{ domain: string; change: number }> = [];
      for (const [, mine] of group(upTo, (a) => a.person_id as string)) {
        const first = mine.filter((a) => a.kind === 'start').sort(order)[0];
        const last = mine
          .filter((a) => a.kind === 'closing')
          .sort(order)
          .at(-1);
        if (!first || !last || first.instrument !== last.instrument) continue;
        const end = new Map((scores.get(last.id as string) ?? []).map((s) => [s.domain as string, s.score as number]));
        for (const s of scores.get(first.id as string) ?? []) {
          const e = end.get(s.domain as string);
          if (e !== undefined) pairs.push({ domain: s.domain as string, change: e - (s.score as number) });
        }
      }
      for (const [domain, ps] of group(pairs as unknown as Row[], (p) => p.domain as string)) {
        const changes = ps.map((p) => p.change as number);
        zrm.push({
          case_id: id,
          domain,
          closed_on: lastClosed,
          pairs: ps.length,
          change_sum: changes.reduce((a, b) => a + b, 0),
          improved: changes.filter((x) => x > 0).length,
          same: changes.filter((x) => x === 0).length,
          worse: changes.filter((x) => x < 0).length,
        });
      }
    }
  }
  const evaluationFacts = evaluations.map((e) => {
    const held = day(e.held_on)!;
    const vs = versionsOf.get(e.case_id as string) ?? [];
    return {
      evaluation_id: e.id,
      held_on: held,
      reference_on: max([
        max(vs.map((v) => day(v.agreed_on)).filter((d) => d !== null && d < held)),
        max(
          (evaluationsOf.get(e.case_id as string) ?? [])
            .map((x) => day(x.held_on))
            .filter((d) => d !== null && d < held),
        ),
      ]),
    };
  });
  return { facts, planFacts, zrm, evaluationFacts };
}

async function storedFacts() {
  const facts = (
    await all(`select case_id, team_id, phase, received_at, decided_at, first_contact_on, first_agreed_on, last_closed_on, worker_changes, zrm_start, zrm_pair,
      participation_persons, participation_up, participation_same, participation_down, participation_change, evaluation_reference_on from mi_case_fact`)
  ).map((f) => ({
    ...f,
    received_at: (f.received_at as Date | null)?.toISOString() ?? null,
    decided_at: (f.decided_at as Date | null)?.toISOString() ?? null,
  }));
  const planFacts =
    await all(`select plan_version_id, case_id, agreed_on, domains, own_plan, actions_household, actions_family, actions_network, actions_professional,
      actions_unknown, service_general, service_group, service_tailored, service_none from mi_plan_fact`);
  const zrm = await all('select case_id, domain, closed_on, pairs, change_sum, improved, same, worse from mi_case_zrm');
  const evaluationFacts = await all('select evaluation_id, held_on, reference_on from mi_evaluation_fact');
  return { facts, planFacts, zrm, evaluationFacts };
}

async function expectFactsToMatch() {
  for (const tenant of tenants) await refreshFacts(t.db, tenant);
  const [expected, stored] = await Promise.all([expectedFacts(), storedFacts()]);
  expect(stored.facts.sort(by('case_id'))).toEqual(expected.facts.sort(by('case_id')));
  expect(stored.planFacts.sort(by('plan_version_id'))).toEqual(expected.planFacts.sort(by('plan_version_id')));
  expect(stored.zrm.sort(by('case_id', 'domain'))).toEqual(expected.zrm.sort(by('case_id', 'domain')));
  expect(stored.evaluationFacts.sort(by('evaluation_id'))).toEqual(expected.evaluationFacts.sort(by('evaluation_id')));
  expect(await all('select * from mi_dirty_case')).toEqual([]);
  return expected;
}

describe('pre-aggregated facts per case', () => {
  it('equal a direct computation after a bulk load that bypassed the triggers', async () => {
    const expected = await expectFactsToMatch();
    // The data set is rich enough for the comparison to mean something.
    expect(expected.facts.length).toBeGreaterThan(100);
    expect(expected.facts.filter((f) => f.first_contact_on !== null).length).toBeGreaterThan(50);
    expect(expected.facts.filter((f) => (f.participation_persons as number) > 0).length).toBeGreaterThan(10);
    expect(expected.zrm.length).toBeGreaterThan(50);
    expect(expected.planFacts.length).toBeGreaterThan(50);
    expect(expected.evaluationFacts.length).toBeGreaterThan(20);
    // Once every case had its facts, each municipality is marked complete: later refreshes read only the queue.
    const complete = await t.db.inSystem((tx) => tx.selectFrom('mi_fact_complete').select('tenant_id').execute());
    expect(complete.map((r) => r.tenant_id).sort()).toEqual(
      [
        ...new Set(
          (await t.db.inSystem((tx) => tx.selectFrom('case_file').select('tenant_id').execute())).map(
            (r) => r.tenant_id,
          ),
        ),
      ].sort(),
    );
  });

  it('stay equal to it as data change, through the triggers', async () => {
    await t.db.inSystem(async (tx) => {
      const [c1, c2, c3, c4] = (
        await sql<{
          id: string;
          tenant_id: string;
          case_worker_id: string;
        }>`select id, tenant_id, case_worker_id from case_file where phase <> 'closed' order by id limit 4`.execute(tx)
      ).rows;
      const worker = (
        await sql<{
          id: string;
        }>`select id from app_user where id <> ${c1!.case_worker_id} and tenant_id = ${c1!.tenant_id} limit 1`.execute(
          tx,
        )
      ).rows[0]!;
      // An earlier contact moves the first contact; a deleted contact moves it back or away.
      await sql`insert into contact_entry (tenant_id, case_id, kind, contact_on, note, recorded_by) values (${c1!.tenant_id}, ${c1!.id}, 'phone', '2020-01-01', 'Vroeg contact', ${c1!.case_worker_id})`.execute(
        tx,
      );
      await sql`delete from contact_entry where id = (select id from contact_entry where case_id = ${c2!.id} order by contact_on limit 1)`.execute(
        tx,
      );
      // The contact person changes (the trigger on case_file records it).
      await sql`update case_file set case_worker_id = ${worker.id} where id = ${c1!.id}`.execute(tx);
      // Plans: performers and services change, a goal disappears, a service changes its kind.
      await sql`update plan_action set performer = 'network_or_volunteers' where goal_id in (select g.id from plan_goal g join plan_version v on v.id = g.plan_version_id join plan p on p.id = v.plan_id where p.case_id = ${c3!.id})`.execute(
        tx,
      );
      await sql`delete from plan_goal where id = (select g.id from plan_goal g join plan_version v on v.id = g.plan_version_id join plan p on p.id = v.plan_id join plan_action a on a.goal_id = g.id
        where not exists (select 1 from case_evaluation_goal e where e.goal_id = g.id) and not exists (select 1 from case_closure_goal x where x.goal_id = g.id)
        order by g.id limit 1)`.execute(tx);
      await sql`update service set type = 'group' where id = (select service_id from plan_action where service_id is not null order by id limit 1)`.execute(
        tx,
      );
      // Measurements: a deleted start score, a changed closing score, a deleted participation measurement.
      await sql`delete from zrm_score where (assessment_id, domain) = (select s.assessment_id, s.domain from zrm_score s join zrm_assessment a on a.id = s.assessment_id where a.kind = 'start' order by s.assessment_id, s.domain limit 1)`.execute(
        tx,
      );
      await sql`update zrm_score set score = 5 where assessment_id = (select id from zrm_assessment where kind = 'closing' order by id limit 1)`.execute(
        tx,
      );
      await sql`delete from participation_measure where id = (select id from participation_measure order by id limit 1)`.execute(
        tx,
      );
      // A closure of a case in execution, and an evaluation.
      const v = (
        await sql<{
          id: string;
        }>`select v.id from plan_version v join plan p on p.id = v.plan_id where p.case_id = ${c4!.id} and v.agreed_on is not null limit 1`.execute(
          tx,
        )
      ).rows[0];
      if (v) {
        await sql`insert into case_evaluation (tenant_id, case_id, episode, held_on, participants, plan_version_id, conclusion, recorded_by) values (${c4!.tenant_id}, ${c4!.id}, 1, '2026-11-19', 'Huishouden', ${v.id}, 'closure', ${c4!.case_worker_id})`.execute(
          tx,
        );
      }
      const answer = (
        await sql<{
          id: string;
        }>`insert into closing_question_answer (tenant_id, case_id, episode, something_goes_wrong, answered_by) values (${c4!.tenant_id}, ${c4!.id}, 9, false, ${c4!.case_worker_id}) returning id`.execute(
          tx,
        )
      ).rows[0]!;
      await sql`insert into case_closure (tenant_id, case_id, episode, closed_on, outcome, reason, process_worked, process_learned, closing_question_id, outcome_snapshot, recorded_by)
        values (${c4!.tenant_id}, ${c4!.id}, 9, '2026-11-20', 'closed', 'goals_reached', 'Goed', 'Veel', ${answer.id}, '{}', ${c4!.case_worker_id})`.execute(
        tx,
      );
      await sql`update case_file set phase = 'closed', closed_at = '2026-11-20T10:00:00Z' where id = ${c4!.id}`.execute(
        tx,
      );
    });
    expect((await all('select count(*)::int as n from mi_dirty_case'))[0]!.n).toBeGreaterThan(0);
    // The scheduled refresh (not a dashboard request) empties the queue of every municipality.
    const job = scheduledJobs({
      db: t.db,
      config: t.config,
      clock: t.clock,
      mailer: createMailer({ smtpUrl: undefined, from: 'nabij@example.test', production: false }, t.db),
    }).find((j) => j.name === 'refresh-management-information');
    expect(await job?.run()).toBeGreaterThan(0);
    expect(await all('select * from mi_dirty_case')).toEqual([]);
    await expectFactsToMatch();
  });

  it('belong to their case: they go with it when it is destroyed', async () => {
    for (const table of [
      'mi_case_fact',
      'mi_plan_fact',
      'mi_case_zrm',
      'mi_evaluation_fact',
      'mi_dirty_case',
      'case_worker_change',
    ]) {
      const fk = await all(
        `select confdeltype from pg_constraint where conrelid = '${table}'::regclass and confrelid = 'case_file'::regclass`,
      );
      expect([table, fk.map((r) => r.confdeltype)]).toEqual([table, [table === 'case_worker_change' ? 'a' : 'c']]);
    }
  });
});
