import { inflateRawSync } from 'node:zlib';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DashboardView, MiCell, MiTable, QualityMirrorView, Role } from '@nabij/contracts';
import { buildTenant, buildUser } from '../../../test/builders';
import { startTestApp, type Agent, type TestApp } from '../../../test/test-app';
import type { Tx } from '../../platform/database/database';
import { addDays } from './mi.domain';

/**
 * A hand-built municipality with two teams. Team "Test" has six cases that went through every step on known
 * dates (so every median and 90th percentile below is computed by hand), five of them closed in the period with
 * ZRM and participation measurements, plus referrals closed without a case, a re-referral and signals to policy.
 * Team "Oost" has five referrals only. The period is the first half of 2026; "today" is 30 June 2026.
 */
let t: TestApp;
let tenant: { id: string; slug: string; teamId: string };
let oostId: string;
const as: Record<string, Agent & { userId: string }> = {};
const ids: { cases: string[]; persons: string[] } = { cases: [], persons: [] };
const PERIOD = 'from=2026-01-01&to=2026-06-30';

// Per case 1..6: days referral → decision, decision → assignment, assignment → first contact, first contact → plan agreed.
const RECEIVED = ['2026-01-05', '2026-01-12', '2026-01-19', '2026-01-26', '2026-02-02', '2026-02-09'];
const TO_DECISION = [2, 4, 6, 8, 10, 12];
const TO_ASSIGNMENT = [0, 0, 0, 0, 0, 3];
const TO_CONTACT = [1, 2, 3, 5, 8, 13];
const TO_PLAN = [20, 25, 30, 35, 34, 45];
const CLOSED_ON = ['2026-05-04', '2026-05-05', '2026-05-06', '2026-05-07', '2026-06-30'];

async function login(key: string, roles: Role[], teamId = tenant.teamId) {
  const user = await buildUser(t.db, { id: tenant.id, teamId }, { roles });
  const agent = t.agent();
  expect(await agent.login(user.username, user.password)).toBe('done');
  as[key] = Object.assign(agent, { userId: user.id });
  return as[key];
}

const at = (date: string) => `${date}T09:00:00Z`;
async function one<T>(tx: Tx, query: ReturnType<typeof sql<T>>): Promise<T> {
  const r = await query.execute(tx);
  const row = r.rows[0];
  if (!row) throw new Error('nothing returned');
  return row;
}
const newId = async (tx: Tx, query: ReturnType<typeof sql<{ id: string }>>) => (await one(tx, query)).id;

let refNo = 0;
async function referral(
  tx: Tx,
  teamId: string,
  o: { received: string; channel: string; kind: string; status: string; household?: string | null },
) {
  refNo++;
  return newId(
    tx,
    sql<{
      id: string;
    }>`insert into referral (tenant_id, team_id, reference, channel, referrer_kind, question, status, received_at, household_id)
      values (${tenant.id}, ${teamId}, ${`MI-${refNo}`}, ${o.channel}, ${o.kind}, 'Hulpvraag', ${o.status}, ${at(o.received)}, ${o.household ?? null}) returning id`,
  );
}

async function meeting(tx: Tx, teamId: string, date: string) {
  return newId(
    tx,
    sql<{
      id: string;
    }>`insert into intake_meeting (tenant_id, team_id, date, chair_user_id, created_by) values (${tenant.id}, ${teamId}, ${date}, ${as.coordinator!.userId}, ${as.coordinator!.userId}) returning id`,
  );
}

async function decide(tx: Tx, referralId: string, teamId: string, date: string, outcome: string, discussed: boolean) {
  const m = await meeting(tx, teamId, date);
  await sql`insert into core_decision (referral_id, tenant_id, meeting_id, outcome, reasoning, discussed_with_resident, decided_by, decided_at)
    values (${referralId}, ${tenant.id}, ${m}, ${outcome}, 'Besproken', ${discussed}, ${as.coordinator!.userId}, ${at(date)})`.execute(
    tx,
  );
}

async function household(tx: Tx) {
  const h = await newId(
    tx,
    sql<{
      id: string;
    }>`insert into household (tenant_id, name) values (${tenant.id}, 'Huishouden Fixture') returning id`,
  );
  const p = await newId(
    tx,
    sql<{
      id: string;
    }>`insert into person (tenant_id, first_name, last_name) values (${tenant.id}, 'Inwoner', 'Fixture') returning id`,
  );
  await sql`insert into household_member (tenant_id, household_id, person_id, relation) values (${tenant.id}, ${h}, ${p}, 'other')`.execute(
    tx,
  );
  return { h, p };
}

async function zrm(tx: Tx, caseId: string, personId: string, kind: string, on: string, scores: Record<string, number>) {
  const a = await newId(
    tx,
    sql<{
      id: string;
    }>`insert into zrm_assessment (tenant_id, case_id, person_id, instrument, kind, assessed_on, recorded_by) values (${tenant.id}, ${caseId}, ${personId}, 'zrm2017', ${kind}, ${on}, ${as.w1!.userId}) returning id`,
  );
  for (const [domain, score] of Object.entries(scores))
    await sql`insert into zrm_score (assessment_id, tenant_id, domain, score) values (${a}, ${tenant.id}, ${domain}, ${score})`.execute(
      tx,
    );
}

async function rung(tx: Tx, caseId: string, personId: string, on: string, value: number) {
  await sql`insert into participation_measure (tenant_id, case_id, person_id, rung, measured_on, recorded_by) values (${tenant.id}, ${caseId}, ${personId}, ${value}, ${on}, ${as.w1!.userId})`.execute(
    tx,
  );
}

async function planVersion(tx: Tx, planId: string, number: number, agreedOn: string, status: string, ownPlan: boolean) {
  return newId(
    tx,
    sql<{
      id: string;
    }>`insert into plan_version (tenant_id, plan_id, number, status, starts_on, change_reason, agreement_form, agreed_on, agreed_by_name, created_by, resident_plan_kind)
      values (${tenant.id}, ${planId}, ${number}, ${status}, ${agreedOn}, ${number > 1 ? 'Bijgesteld' : null}, 'verbal', ${agreedOn}, 'Inwoner', ${as.w1!.userId}, ${ownPlan ? 'personal_plan' : null}) returning id`,
  );
}

async function goal(tx: Tx, versionId: string, domain: string, position: number) {
  return newId(
    tx,
    sql<{
      id: string;
    }>`insert into plan_goal (tenant_id, plan_version_id, position, domain, problem, goal) values (${tenant.id}, ${versionId}, ${position}, ${domain}, 'Probleem', 'Doel') returning id`,
  );
}

async function action(tx: Tx, goalId: string, performer: string, serviceId: string | null, position: number) {
  await sql`insert into plan_action (tenant_id, goal_id, position, description, performer, service_id) values (${tenant.id}, ${goalId}, ${position}, 'Actie', ${performer}, ${serviceId})`.execute(
    tx,
  );
}

async function seed() {
  await t.db.inSystem(async (tx) => {
    const general = await newId(
      tx,
      sql<{
        id: string;
      }>`insert into service (tenant_id, organisation, name, type) values (${tenant.id}, 'Buurthuis', 'Thuisadministratie', 'general') returning id`,
    );
    const tailored = await newId(
      tx,
      sql<{
        id: string;
      }>`insert into service (tenant_id, organisation, name, type) values (${tenant.id}, 'Zorg BV', 'Begeleiding', 'tailored') returning id`,
    );
    for (let i = 0; i < 6; i++) {
      const received = RECEIVED[i]!;
      const decided = addDays(received, TO_DECISION[i]!);
      const opened = addDays(decided, TO_ASSIGNMENT[i]!);
      const contact = addDays(opened, TO_CONTACT[i]!);
      const agreed = addDays(contact, TO_PLAN[i]!);
      const { h, p } = await household(tx);
      const r = await referral(tx, tenant.teamId, {
        received,
        channel: 'web_form',
        kind: 'professional',
        status: 'decided',
        household: h,
      });
      await decide(tx, r, tenant.teamId, decided, 'take_up', true);
      const closed = i < 5;
      const watch = i === 2;
      const phase = !closed ? 'execution' : watch ? 'watch' : 'closed';
      const c = await newId(
        tx,
        sql<{
          id: string;
        }>`insert into case_file (tenant_id, team_id, referral_id, household_id, primary_person_id, case_worker_id, phase, opened_at, opened_by, closed_at, consent_kind, consent_date, consent_recorded_by)
          values (${tenant.id}, ${tenant.teamId}, ${r}, ${h}, ${p}, ${as.w1!.userId}, ${phase}, ${at(opened)}, ${as.coordinator!.userId}, ${closed && !watch ? at(CLOSED_ON[i]!) : null}, 'verbal', ${opened}, ${as.coordinator!.userId}) returning id`,
      );
      ids.cases.push(c);
      ids.persons.push(p);
      // The first contact, a later one, and (for the first case) a home visit.
      await sql`insert into contact_entry (tenant_id, case_id, kind, contact_on, note, recorded_by) values (${tenant.id}, ${c}, ${i === 0 ? 'home_visit' : 'phone'}, ${contact}, 'Kennismaking', ${as.w1!.userId})`.execute(
        tx,
      );
      await sql`insert into contact_entry (tenant_id, case_id, kind, contact_on, note, recorded_by) values (${tenant.id}, ${c}, 'office', ${addDays(contact, 5)}, 'Vervolg', ${as.w1!.userId})`.execute(
        tx,
      );
      // The plan: finances (and housing for cases 1–5); the household itself, a volunteer with a general service, the team with a tailored one.
      const plan = await newId(
        tx,
        sql<{
          id: string;
        }>`insert into plan (tenant_id, case_id, created_by) values (${tenant.id}, ${c}, ${as.w1!.userId}) returning id`,
      );
      const v1 = await planVersion(tx, plan, 1, agreed, i === 0 ? 'superseded' : 'agreed', i === 1);
      const g1 = await goal(tx, v1, 'finances', 1);
      await action(tx, g1, 'self', null, 1);
      await action(tx, g1, 'network_or_volunteers', general, 2);
      const g2 = i < 5 ? await goal(tx, v1, 'housing', 2) : g1;
      await action(tx, g2, 'case_worker_or_team', tailored, 3);
      if (i === 5) await action(tx, g1, 'family_or_informal_carer', null, 4);
      if (i === 0) {
        // A revision agreed after the period: it must not count for this period.
        const v2 = await planVersion(tx, plan, 2, '2026-07-10', 'agreed', false);
        const g = await goal(tx, v2, 'justice', 1);
        for (let k = 0; k < 3; k++) await action(tx, g, 'other_organisation', tailored, k + 1);
      }
      // Evaluations: 30 days after the agreement (on time), case 5 after 95 days (late: the interval is 13 weeks), case 6 after 39 days.
      const evalOn = i === 4 ? addDays(agreed, 95) : i === 5 ? addDays(agreed, 39) : addDays(agreed, 30);
      await sql`insert into case_evaluation (tenant_id, case_id, episode, held_on, participants, plan_version_id, conclusion, recorded_by)
        values (${tenant.id}, ${c}, 1, ${evalOn}, 'Huishouden', ${v1}, 'continue', ${as.w1!.userId})`.execute(tx);
      // ZRM: start on finances and housing; case 1 also an interim measurement that must be ignored.
      const start = { finances: [2, 2, 3, 2, 4, 2][i]!, housing: [2, 3, 2, 3, 1, 2][i]! };
      await zrm(tx, c, p, 'start', addDays(opened, 2), start);
      if (i === 0) await zrm(tx, c, p, 'interim', addDays(opened, 40), { finances: 1, housing: 1 });
      await rung(tx, c, p, addDays(opened, 2), [1, 1, 2, 3, 2, 1][i]!);
      if (i === 0) await rung(tx, c, p, addDays(opened, 30), 5);
      if (closed) {
        const closedOn = CLOSED_ON[i]!;
        await zrm(tx, c, p, 'closing', addDays(closedOn, -1), {
          finances: start.finances + [2, 1, 0, 1, -1][i]!,
          housing: start.housing + 1,
        });
        await rung(tx, c, p, addDays(closedOn, -1), [1, 1, 2, 3, 2][i]! + [1, 2, 0, 0, 1][i]!);
        const answer = await newId(
          tx,
          sql<{
            id: string;
          }>`insert into closing_question_answer (tenant_id, case_id, episode, something_goes_wrong, answered_by) values (${tenant.id}, ${c}, 1, false, ${as.w1!.userId}) returning id`,
        );
        const reason = ['goals_reached', 'goals_reached', 'goals_reached', 'moved', 'referred_elsewhere'][i]!;
        const closure = await newId(
          tx,
          sql<{
            id: string;
          }>`insert into case_closure (tenant_id, case_id, episode, closed_on, outcome, reason, referred_to, process_worked, process_learned, closing_question_id, plan_version_id, outcome_snapshot, recorded_by)
            values (${tenant.id}, ${c}, 1, ${closedOn}, ${watch ? 'watch' : 'closed'}, ${reason}, ${reason === 'referred_elsewhere' ? 'Schuldhulp' : null}, 'Goed', 'Veel', ${answer}, ${v1}, '{}', ${as.w1!.userId}) returning id`,
        );
        if (watch) {
          await sql`insert into case_watch (tenant_id, case_id, episode, closure_id, started_on, check_in_interval_weeks, next_check_in_on, ends_on)
            values (${tenant.id}, ${c}, 1, ${closure}, ${closedOn}, 8, ${addDays(closedOn, 56)}, ${addDays(closedOn, 365)})`.execute(
            tx,
          );
        }
      }
    }
    // Referrals closed without a case: advice (decided after 1 day), not for us (after 20 days), closed before a decision.
    const r7 = await referral(tx, tenant.teamId, {
      received: '2026-03-02',
      channel: 'phone',
      kind: 'self',
      status: 'closed',
    });
    await decide(tx, r7, tenant.teamId, '2026-03-03', 'advice', false);
    const r8 = await referral(tx, tenant.teamId, {
      received: '2026-03-09',
      channel: 'email',
      kind: 'self',
      status: 'closed',
    });
    await decide(tx, r8, tenant.teamId, '2026-03-29', 'not_for_us', false);
    await referral(tx, tenant.teamId, { received: '2026-03-16', channel: 'walk_in', kind: 'self', status: 'closed' });
    // A household whose case closed in June 2025 is referred again in April 2026: within one year.
    const earlier = await household(tx);
    const rx = await referral(tx, tenant.teamId, {
      received: '2025-05-01',
      channel: 'phone',
      kind: 'self',
      status: 'decided',
      household: earlier.h,
    });
    const cx = await newId(
      tx,
      sql<{
        id: string;
      }>`insert into case_file (tenant_id, team_id, referral_id, household_id, primary_person_id, case_worker_id, phase, opened_at, opened_by, closed_at, consent_kind, consent_date, consent_recorded_by)
        values (${tenant.id}, ${tenant.teamId}, ${rx}, ${earlier.h}, ${earlier.p}, ${as.w1!.userId}, 'closed', ${at('2025-05-02')}, ${as.coordinator!.userId}, ${at('2025-06-01')}, 'verbal', '2025-05-02', ${as.coordinator!.userId}) returning id`,
    );
    const ax = await newId(
      tx,
      sql<{
        id: string;
      }>`insert into closing_question_answer (tenant_id, case_id, episode, something_goes_wrong, answered_by) values (${tenant.id}, ${cx}, 1, false, ${as.w1!.userId}) returning id`,
    );
    await sql`insert into case_closure (tenant_id, case_id, episode, closed_on, outcome, reason, process_worked, process_learned, closing_question_id, outcome_snapshot, recorded_by)
      values (${tenant.id}, ${cx}, 1, '2025-06-01', 'closed', 'goals_reached', 'Goed', 'Veel', ${ax}, '{}', ${as.w1!.userId})`.execute(
      tx,
    );
    await referral(tx, tenant.teamId, {
      received: '2026-04-01',
      channel: 'phone',
      kind: 'self',
      status: 'new',
      household: earlier.h,
    });
    // Signals to policy: five gaps in the debt help offer, two taken to the municipality.
    for (let k = 0; k < 5; k++) {
      await sql`insert into policy_signal (tenant_id, team_id, kind, life_domain, description, recorded_by, recorded_at, forwarded_at, forwarded_by)
        values (${tenant.id}, ${tenant.teamId}, 'service_gap', 'finances', 'Wachtlijst schuldhulp', ${as.w1!.userId}, ${at('2026-03-10')}, ${k < 2 ? at('2026-03-20') : null}, ${k < 2 ? as.coordinator!.userId : null})`.execute(
        tx,
      );
    }
    // Team Oost: five referrals by e-mail in March.
    for (let k = 0; k < 5; k++)
      await referral(tx, oostId, { received: `2026-03-1${k}`, channel: 'email', kind: 'self', status: 'new' });
    // Changes of contact person, through the trigger: case 1 once, case 2 twice (away and back).
    await sql`update case_file set case_worker_id = ${as.w2!.userId} where id = ${ids.cases[0]!}`.execute(tx);
    await sql`update case_file set case_worker_id = ${as.w2!.userId} where id = ${ids.cases[1]!}`.execute(tx);
    await sql`update case_file set case_worker_id = ${as.w1!.userId} where id = ${ids.cases[1]!}`.execute(tx);
    // An update that leaves the worker as it is records nothing.
    await sql`update case_file set version = version + 1 where id = ${ids.cases[2]!}`.execute(tx);
  });
}

beforeAll(async () => {
  t = await startTestApp();
  t.clock.set(new Date('2026-06-30T10:00:00Z'));
  tenant = await buildTenant(t.db);
  oostId = (
    await t.db.inSystem((tx) =>
      tx
        .insertInto('team')
        .values({ tenant_id: tenant.id, name: 'Wijkteam Oost', area: 'Oost' })
        .returning('id')
        .executeTakeFirstOrThrow(),
    )
  ).id;
  await login('coordinator', ['team_coordinator']);
  await login('coordinatorOost', ['team_coordinator'], oostId);
  await login('advisor', ['policy_advisor']);
  await login('w1', ['case_worker']);
  await login('w2', ['case_worker']);
  await login('w3', ['case_worker']);
  await t.db.inSystem((tx) =>
    tx
      .updateTable('app_user')
      .set({ display_name: '=HYPERLINK("http://evil.example","klik")' })
      .where('id', '=', as.w3!.userId)
      .execute(),
  );
  await seed();
}, 120_000);
afterAll(() => t?.close());

const dashboard = async (agent: Agent, query = PERIOD) => {
  const r = await agent.get(`/api/management-information/dashboard?${query}`);
  expect(r.statusCode, r.body).toBe(200);
  return r.json<DashboardView>();
};
const tableOf = (view: DashboardView, key: string): MiTable => {
  const found = view.sections.flatMap((s) => s.tables).find((x) => x.key === key);
  if (!found) throw new Error(`no table ${key}`);
  return found;
};
/** The cell of a row and column, by their keys. */
const cell = (view: DashboardView, table: string, rowKey: string, columnKey: string): MiCell => {
  const tb = tableOf(view, table);
  const r = tb.rows.find((x) => x.key === rowKey);
  const c = tb.columns.findIndex((x) => x.key === columnKey);
  if (!r || c < 0) throw new Error(`no cell ${table}/${rowKey}/${columnKey}`);
  return r.cells[c]!;
};
const shown = (value: number) => ({ value, suppressed: false });
/** Hidden, whatever the reason; the reason is checked where it matters (`small`, `protecting`, `fewCases`). */
const hidden = expect.objectContaining({ value: null, suppressed: true });
const small = { value: null, suppressed: true, reason: 'small' };
const protecting = { value: null, suppressed: true, reason: 'complementary' };
const fewCases = { value: null, suppressed: true, reason: 'few_cases' };
const none = { value: null, suppressed: false };

describe('the coordinator’s dashboard, checked against the hand-built fixture', () => {
  let v: DashboardView;
  beforeAll(async () => {
    v = await dashboard(as.coordinator!);
  });

  it('is about the own team and the chosen period', () => {
    expect(v.filters).toEqual({ from: '2026-01-01', to: '2026-06-30', teamId: null, area: null });
    expect(v.scope.kind).toBe('team');
    expect(v.scope.teams.map((x) => x.name)).toEqual(['Wijkteam Test']);
    expect(v.teamNames).toEqual(['Wijkteam Test']);
  });

  it('counts the inflow per channel and month, with small cells suppressed', () => {
    // Ten referrals: web form 6, phone 2, walk-in 1, e-mail 1 (the Oost referrals are not counted).
    expect(cell(v, 'inflow_channel', 'total', 'total')).toEqual(shown(10));
    expect(cell(v, 'inflow_channel', 'total', 'web_form')).toEqual(shown(6));
    expect(cell(v, 'inflow_channel', 'total', 'phone')).toEqual(hidden);
    expect(cell(v, 'inflow_channel', 'total', 'email')).toEqual(hidden);
    expect(cell(v, 'inflow_channel', 'total', 'partner_signal')).toEqual(shown(0));
    // January: four referrals — fewer than five.
    expect(cell(v, 'inflow_channel', '2026-01', 'total')).toEqual(hidden);
    expect(cell(v, 'inflow_channel', '2026-05', 'total')).toEqual(shown(0));
    expect(tableOf(v, 'inflow_channel').rows.map((r) => r.key)).toEqual([
      '2026-01',
      '2026-02',
      '2026-03',
      '2026-04',
      '2026-05',
      '2026-06',
      'total',
    ]);
    // By referrer: professionals 6, residents 4. With the 4 hidden, 10 − 6 would give it away: the 6 is hidden too.
    // The API says why: the 4 is small ("<5"), the 6 is hidden to protect it (its own marker, never "<5").
    expect(cell(v, 'inflow_referrer', 'total', 'self')).toEqual(small);
    expect(cell(v, 'inflow_referrer', 'total', 'professional')).toEqual(protecting);
    expect(cell(v, 'inflow_referrer', 'total', 'partner')).toEqual(shown(0));
    expect(cell(v, 'inflow_referrer', 'total', 'total')).toEqual(shown(10));
  });

  it('counts core decisions and referrals closed without a case', () => {
    expect(cell(v, 'core_decisions', 'take_up', 'count')).toEqual(shown(6));
    expect(cell(v, 'core_decisions', 'take_up', 'share')).toEqual(shown(75));
    expect(cell(v, 'core_decisions', 'advice', 'count')).toEqual(hidden);
    expect(cell(v, 'core_decisions', 'refer_elsewhere', 'count')).toEqual(shown(0));
    expect(cell(v, 'core_decisions', 'total', 'count')).toEqual(shown(8));
    expect(cell(v, 'closed_without_case', 'total', 'count')).toEqual(hidden);
    expect(cell(v, 'closed_without_case', 'refer_elsewhere', 'count')).toEqual(shown(0));
  });

  it('computes the lead times as median and 90th percentile against the norms', () => {
    // referral → decision: 1, 2, 4, 6, 8, 10, 12, 20 days → median (6 + 8) / 2 = 7; p90 at rank 6.3: 12 + 0.3 × 8 = 14.4.
    expect(tableOf(v, 'lead_times').rows.find((r) => r.key === 'referral_decision')!.cells).toEqual([
      shown(8),
      shown(7),
      shown(14.4),
      none,
      none,
    ]);
    // decision → assignment: 0, 0, 0, 0, 0, 3 → median 0, p90 1.5; norm the same day: 5 of 6.
    expect(tableOf(v, 'lead_times').rows.find((r) => r.key === 'decision_assignment')!.cells).toEqual([
      shown(6),
      shown(0),
      shown(1.5),
      shown(0),
      shown(83.3),
    ]);
    // assignment → first contact: 1, 2, 3, 5, 8, 13 → median 4, p90 8 + 0.5 × 5 = 10.5 (the later contacts do not count).
    expect(tableOf(v, 'lead_times').rows.find((r) => r.key === 'assignment_contact')!.cells).toEqual([
      shown(6),
      shown(4),
      shown(10.5),
      none,
      none,
    ]);
    // first contact → plan agreed: 20, 25, 30, 34, 35, 45 → median 32, p90 40.
    expect(tableOf(v, 'lead_times').rows.find((r) => r.key === 'contact_plan')!.cells).toEqual([
      shown(6),
      shown(32),
      shown(40),
      none,
      none,
    ]);
    // assignment → plan agreed: 21, 27, 33, 40, 42, 58 → median 36.5, p90 50; norm six weeks (42 days): 5 of 6.
    expect(tableOf(v, 'lead_times').rows.find((r) => r.key === 'assignment_plan')!.cells).toEqual([
      shown(6),
      shown(36.5),
      shown(50),
      shown(42),
      shown(83.3),
    ]);
    // referral → plan agreed: 23, 31, 39, 48, 52, 73 → median 43.5, p90 62.5.
    expect(tableOf(v, 'lead_times').rows.find((r) => r.key === 'referral_plan')!.cells).toEqual([
      shown(6),
      shown(43.5),
      shown(62.5),
      none,
      none,
    ]);
  });

  it('shows the workload of today and the evaluations on time', () => {
    // Open today: case 6 (execution) and case 3 (watch): two — suppressed.
    expect(cell(v, 'open_by_phase', 'total', 'count')).toEqual(hidden);
    expect(cell(v, 'open_by_phase', 'analysis', 'count')).toEqual(shown(0));
    // Three workers: too few for a distribution.
    expect(cell(v, 'caseload', 'workers', 'value')).toEqual(small);
    // An average or median over three workers is not "<5": it is hidden for the few cases behind it.
    expect(cell(v, 'caseload', 'mean', 'value')).toEqual(fewCases);
    expect(cell(v, 'caseload', 'median', 'value')).toEqual(fewCases);
    // The coordinator sees the list per worker (names), with small numbers suppressed too.
    const perWorker = tableOf(v, 'caseload_per_worker');
    expect(perWorker.rows.map((r) => r.label)).toContain('=HYPERLINK("http://evil.example","klik")');
    expect(perWorker.rows.flatMap((r) => r.cells).every((c) => c.value === 0 || c.suppressed)).toBe(true);
    // Six evaluations in the period, five on time (case 5 came after 95 days; the interval is 13 weeks).
    expect(cell(v, 'evaluations', 'held', 'count')).toEqual(shown(6));
    expect(cell(v, 'evaluations', 'on_time', 'count')).toEqual(shown(5));
    expect(cell(v, 'evaluations', 'on_time', 'share')).toEqual(shown(83.3));
    expect(cell(v, 'evaluations', 'overdue_now', 'count')).toEqual(shown(0));
  });

  it('computes the ZRM change from the first start to the last closing measurement', () => {
    // Housing +1 for all five closed cases; finances +2, +1, 0, +1, −1 (the interim measurement is ignored).
    expect(tableOf(v, 'zrm_change').rows.find((r) => r.key === 'housing')!.cells).toEqual([
      shown(5),
      shown(5),
      shown(1),
      shown(100),
      shown(0),
      shown(0),
    ]);
    expect(tableOf(v, 'zrm_change').rows.find((r) => r.key === 'finances')!.cells).toEqual([
      shown(5),
      shown(5),
      shown(0.6),
      protecting,
      protecting,
      protecting,
    ]);
    // All domains: 10 measurements, change (3 + 5) / 10 = 0.8; 8 improved (80 %), 1 same and 1 worse hidden.
    expect(tableOf(v, 'zrm_change').rows.find((r) => r.key === 'total')!.cells).toEqual([
      shown(5),
      shown(10),
      shown(0.8),
      shown(80),
      hidden,
      hidden,
    ]);
    expect(cell(v, 'zrm_coverage', 'with_pair', 'share')).toEqual(shown(100));
  });

  it('computes the participation-ladder movement, closure reasons, watch and re-referrals', () => {
    // Moves +1, +2, 0, 0, +1 (first against last; the middle measurement of case 1 is ignored): average 0.8.
    // The shares of the hidden counts (3 up, 2 same) are percentages: hidden to protect those counts, never "<5".
    expect(tableOf(v, 'participation').rows[0]!.cells).toEqual([
      shown(5),
      shown(5),
      protecting,
      protecting,
      shown(0),
      shown(0.8),
    ]);
    expect(cell(v, 'closure_reasons', 'total', 'total')).toEqual(shown(5));
    expect(cell(v, 'closure_reasons', 'goals_reached', 'total')).toEqual(hidden);
    expect(cell(v, 'closure_reasons', 'other', 'total')).toEqual(shown(0));
    expect(cell(v, 'watch_and_return', 'in_watch_now', 'count')).toEqual(hidden);
    expect(cell(v, 'watch_and_return', 'reactivated_from_closed', 'count')).toEqual(shown(0));
    expect(cell(v, 're_referrals', 'referrals', 'count')).toEqual(shown(10));
    // Seven of the ten referrals are linked to a household; one came back within a year (suppressed).
    expect(cell(v, 're_referrals', 'with_household', 'count')).toEqual(shown(7));
    expect(cell(v, 're_referrals', 'with_household', 'share')).toEqual(shown(70));
    expect(cell(v, 're_referrals', 'within_one_year', 'count')).toEqual(hidden);
  });

  it('counts changes of contact person recorded by the trigger', async () => {
    const rows = await t.db.inSystem((tx) =>
      tx.selectFrom('case_worker_change').select(['case_id', 'previous_worker_id', 'new_worker_id']).execute(),
    );
    expect(rows).toHaveLength(3);
    expect(rows.filter((r) => r.case_id === ids.cases[1])).toEqual([
      { case_id: ids.cases[1], previous_worker_id: as.w1!.userId, new_worker_id: as.w2!.userId },
      { case_id: ids.cases[1], previous_worker_id: as.w2!.userId, new_worker_id: as.w1!.userId },
    ]);
    // Closed cases: none changed 3, once 1, twice 1 — each suppressed, the total of five shown; on average 3 / 5 = 0.6.
    expect(tableOf(v, 'contact_person_changes').rows.map((r) => r.cells[0])).toEqual([
      hidden,
      hidden,
      hidden,
      shown(5),
    ]);
    expect(cell(v, 'contact_person_summary', 'mean', 'value')).toEqual(shown(0.6));
  });

  it('shows who carries the actions of the plans in effect and which services they use', () => {
    // 19 actions (the revision agreed after the period does not count): household 6, family 1, network 6, professionals 6.
    // Family (1) is hidden, so the smallest other cell is hidden too: a total minus the rest must not give it away.
    const p = tableOf(v, 'actions_by_performer');
    expect(p.rows.map((r) => [r.key, r.cells[0]])).toEqual([
      ['household', protecting],
      ['family', small],
      ['network', shown(6)],
      ['professional', shown(6)],
      ['unknown', shown(0)],
      ['total', shown(19)],
    ]);
    expect(cell(v, 'actions_by_performer', 'network', 'share')).toEqual(shown(31.6));
    expect(cell(v, 'actions_by_service', 'general', 'actions')).toEqual(shown(6));
    expect(cell(v, 'actions_by_service', 'none', 'share')).toEqual(shown(36.8));
    expect(cell(v, 'plan_domains', 'total', 'count')).toEqual(shown(6));
  });

  it('counts the signals to policy', () => {
    expect(cell(v, 'signals_by_kind', 'service_gap', 'total')).toEqual(shown(5));
    expect(cell(v, 'signals_by_kind', 'service_gap', 'forwarded')).toEqual(hidden);
    expect(cell(v, 'signals_by_domain', 'finances', 'count')).toEqual(shown(5));
  });

  it('holds no person or case ids', () => {
    const text = JSON.stringify(v);
    for (const id of [...ids.cases, ...ids.persons, as.w1!.userId, as.w2!.userId]) expect(text).not.toContain(id);
  });
});

describe('scope, filters and privacy', () => {
  it('shows another team’s coordinator only that team', async () => {
    const v = await dashboard(as.coordinatorOost!);
    expect(v.teamNames).toEqual(['Wijkteam Oost']);
    expect(cell(v, 'inflow_channel', 'total', 'email')).toEqual(shown(5));
    expect(cell(v, 'inflow_channel', 'total', 'total')).toEqual(shown(5));
  });

  it('refuses a coordinator the figures of another team, and logs the refusal', async () => {
    const r = await as.coordinator!.get(`/api/management-information/dashboard?${PERIOD}&teamId=${oostId}`);
    expect(r.statusCode).toBe(403);
    expect(r.json<{ fieldErrors: Record<string, string[]> }>().fieldErrors.teamId).toEqual([
      'U mag alleen de cijfers van uw eigen team bekijken.',
    ]);
    const denied = await t.db.inSystem((tx) =>
      tx
        .selectFrom('access_log')
        .select(['event', 'outcome'])
        .where('user_id', '=', as.coordinator!.userId)
        .where('outcome', '=', 'denied')
        .execute(),
    );
    expect(denied).toContainEqual({ event: 'management_information.viewed', outcome: 'denied' });
    const area = await as.coordinator!.get(`/api/management-information/dashboard?${PERIOD}&area=Oost`);
    expect(area.statusCode).toBe(403);
  });

  it('answers bad filters with a Dutch message', async () => {
    const inverted = await as.advisor!.get('/api/management-information/dashboard?from=2026-06-01&to=2026-01-01');
    expect(inverted.statusCode).toBe(400);
    expect(inverted.json<{ fieldErrors: Record<string, string[]> }>().fieldErrors.to?.[0]).toMatch(
      /einddatum ligt vóór de begindatum/,
    );
    const unknown = await as.advisor!.get(
      '/api/management-information/dashboard?teamId=00000000-0000-4000-8000-000000000000',
    );
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json<{ fieldErrors: Record<string, string[]> }>().fieldErrors.teamId?.[0]).toMatch(/bestaat niet/);
    const badDate = await as.advisor!.get('/api/management-information/dashboard?from=2026-02-31');
    expect(badDate.statusCode).toBe(400);
    const tooLong = await as.advisor!.get('/api/management-information/dashboard?from=2015-01-01&to=2026-06-30');
    expect(tooLong.statusCode).toBe(400);
  });

  it('refuses roles without a dashboard permission', async () => {
    expect((await as.w1!.get(`/api/management-information/dashboard?${PERIOD}`)).statusCode).toBe(403);
    expect((await as.w1!.get(`/api/management-information/dashboard/export.csv?${PERIOD}`)).statusCode).toBe(403);
    expect((await as.w1!.get('/api/management-information/quality-mirror')).statusCode).toBe(403);
  });

  it('gives the policy advisor every team, aggregate only, without names of workers or a way to a case', async () => {
    const v = await dashboard(as.advisor!);
    expect(v.scope.kind).toBe('municipality');
    expect(v.teamNames).toEqual(['Wijkteam Oost', 'Wijkteam Test']);
    expect(cell(v, 'inflow_channel', 'total', 'total')).toEqual(shown(15));
    expect(cell(v, 'inflow_channel', 'total', 'email')).toEqual(shown(6));
    expect(v.sections.flatMap((s) => s.tables).map((x) => x.key)).not.toContain('caseload_per_worker');
    const text = JSON.stringify(v);
    expect(text).not.toContain('HYPERLINK');
    // The only ids in the answer are those of teams.
    const uuids = new Set(text.match(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g) ?? []);
    expect([...uuids].sort()).toEqual([tenant.teamId, oostId].sort());
    // No drill-down: the advisor cannot open a case or search persons.
    expect((await as.advisor!.get(`/api/cases/${ids.cases[0]!}`)).statusCode).toBe(403);
    expect((await as.advisor!.post('/api/persons/search', { name: 'Fixture' })).statusCode).toBe(403);
    expect((await as.advisor!.get(`/api/persons/${ids.persons[0]!}`)).statusCode).toBe(403);
    // Filters: one team, or an area.
    expect(
      cell(await dashboard(as.advisor!, `${PERIOD}&teamId=${oostId}`), 'inflow_channel', 'total', 'total'),
    ).toEqual(shown(5));
    expect(cell(await dashboard(as.advisor!, `${PERIOD}&area=Test`), 'inflow_channel', 'total', 'total')).toEqual(
      shown(10),
    );
  });

  it('shows "no data" for an empty period, not errors', async () => {
    const v = await dashboard(as.advisor!, 'from=2020-01-01&to=2020-12-31');
    expect(cell(v, 'inflow_channel', 'total', 'total')).toEqual(shown(0));
    expect(tableOf(v, 'lead_times').rows[0]!.cells).toEqual([shown(0), none, none, none, none]);
    expect(cell(v, 'zrm_coverage', 'with_pair', 'share')).toEqual(none);
  });

  it('logs every view and export without person or case ids', async () => {
    const before = await t.db.inSystem((tx) =>
      tx
        .selectFrom('access_log')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('event', 'like', 'management_information.%')
        .executeTakeFirstOrThrow(),
    );
    await dashboard(as.coordinator!);
    expect((await as.coordinator!.get(`/api/management-information/dashboard/export.csv?${PERIOD}`)).statusCode).toBe(
      200,
    );
    expect((await as.coordinator!.get(`/api/management-information/dashboard/export.xlsx?${PERIOD}`)).statusCode).toBe(
      200,
    );
    expect((await as.coordinator!.get(`/api/management-information/dashboard/report.pdf?${PERIOD}`)).statusCode).toBe(
      200,
    );
    const rows = await t.db.inSystem((tx) =>
      tx
        .selectFrom('access_log')
        .select(['event', 'action', 'person_id', 'case_id', 'data_category', 'team_id', 'detail'])
        .where('event', 'like', 'management_information.%')
        .orderBy('id')
        .execute(),
    );
    expect(rows.length - before.n).toBe(4);
    expect(rows.slice(-4).map((r) => [r.event, r.action])).toEqual([
      ['management_information.viewed', 'read'],
      ['management_information.exported', 'export'],
      ['management_information.exported', 'export'],
      ['management_information.printed', 'print'],
    ]);
    expect(
      rows.every((r) => r.person_id === null && r.case_id === null && r.data_category === 'management_information'),
    ).toBe(true);
    expect(rows.at(-3)!.detail).toMatchObject({
      from: '2026-01-01',
      to: '2026-06-30',
      format: 'csv',
      scope: 'team',
      teams: 1,
    });
  });
});

/** The files of an XLSX (a zip) as text. */
function unzip(buffer: Buffer): Map<string, string> {
  const files = new Map<string, string>();
  const end = buffer.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  let offset = buffer.readUInt32LE(end + 16);
  const count = buffer.readUInt16LE(end + 10);
  for (let i = 0; i < count; i++) {
    const method = buffer.readUInt16LE(offset + 10);
    const size = buffer.readUInt32LE(offset + 20);
    const nameLength = buffer.readUInt16LE(offset + 28);
    const extra = buffer.readUInt16LE(offset + 30);
    const comment = buffer.readUInt16LE(offset + 32);
    const local = buffer.readUInt32LE(offset + 42);
    const name = buffer.toString('utf8', offset + 46, offset + 46 + nameLength);
    const dataStart = local + 30 + buffer.readUInt16LE(local + 26) + buffer.readUInt16LE(local + 28);
    const data = buffer.subarray(dataStart, dataStart + size);
    files.set(name, (method === 8 ? inflateRawSync(data) : data).toString('utf8'));
    offset += 46 + nameLength + extra + comment;
  }
  return files;
}

describe('exports', () => {
  it('CSV: the same suppressed cells, formula-safe text', async () => {
    const r = await as.coordinator!.get(`/api/management-information/dashboard/export.csv?${PERIOD}`);
    expect(r.headers['content-type']).toMatch(/text\/csv/);
    expect(r.headers['content-disposition']).toBe(
      'attachment; filename="sturingsinformatie-2026-01-01-2026-06-30.csv"',
    );
    const lines = r.body.replace(/^\uFEFF/, '').split('\r\n');
    // The total row of inflow per channel: web form 6, phone, walk-in and e-mail suppressed, total 10.
    const inflowAt = lines.indexOf('Aanmeldingen per maand en kanaal');
    expect(lines.slice(inflowAt).find((l) => l.startsWith('Totaal;'))).toBe('Totaal;6;<5;<5;<5;0;0;10');
    // By referrer: the 4 residents are "<5", the 6 professionals hidden to protect them get "x", explained at the top.
    const referrerTotal =
      lines.slice(lines.indexOf('Aanmeldingen per maand en soort verwijzer')).find((l) => l.startsWith('Totaal;')) ??
      '';
    expect(referrerTotal.split(';').sort()).toEqual(['0', '10', '<5', 'Totaal', 'x'].sort());
    expect(r.body).toContain('x: verborgen om een klein aantal elders in de tabel te beschermen');
    // A percentage or average over too few cases is never "<5".
    expect(lines.find((l) => l.startsWith('Gemiddeld aantal open dossiers per werker;'))).toBe(
      'Gemiddeld aantal open dossiers per werker;te weinig',
    );
    expect(lines).toContain('Toewijzing → plan afgesproken (analyse);6;36,5;50;42;83,3');
    // The worker's name that looks like a formula gets a leading apostrophe (and is quoted for its quotes).
    expect(r.body).toContain(`"'=HYPERLINK(""http://evil.example"",""klik"")";0;0`);
    for (const line of lines) for (const field of line.split(';')) expect(field).not.toMatch(/^"?[=+@\t\r]/);
  });

  it('XLSX: numbers as numbers, "<5" as text, no formulas', async () => {
    const r = await as.coordinator!.get(`/api/management-information/dashboard/export.xlsx?${PERIOD}`);
    expect(r.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const files = unzip(r.rawPayload);
    const sheets = [...files.entries()].filter(([name]) => name.startsWith('xl/worksheets/sheet'));
    expect(sheets.length).toBe(8);
    const all = [...files.values()].join('\n');
    expect(all).not.toMatch(/<f>|<f /);
    expect(all).toMatch(/'=HYPERLINK\((&quot;|")http:\/\/evil\.example/);
    expect(all).toContain('&lt;5');
    expect(all).toContain('36.5');
  });

  it('PDF: a report of the period', async () => {
    const r = await as.advisor!.get(`/api/management-information/dashboard/report.pdf?${PERIOD}`);
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toBe('application/pdf');
    expect(r.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(r.rawPayload.length).toBeGreaterThan(5_000);
  });
});

describe('the quality mirror', () => {
  it('maps the elements to the figures of the team', async () => {
    const r = await as.coordinator!.get(`/api/management-information/quality-mirror?${PERIOD}`);
    expect(r.statusCode, r.body).toBe(200);
    const m = r.json<QualityMirrorView>();
    expect(m.team.name).toBe('Wijkteam Test');
    expect(m.canAssess).toBe(true);
    expect(m.currentQuarter).toBe('2026-Q2');
    expect(m.elements.map((e) => e.name)).toHaveLength(15);
    const ind = (code: string, label: RegExp) =>
      m.elements.find((e) => e.code === code)!.indicators.find((i) => label.test(i.label))!.cell;
    expect(ind('quick_practical_help', /eerste contact/)).toEqual(shown(4));
    expect(ind('question_clarification', /mediaan/)).toEqual(shown(36.5));
    expect(ind('integral_plan', /twee of meer/)).toEqual(shown(83.3));
    // Household, family and network carry 13 of the 19 actions.
    expect(ind('normalising', /huishouden, familie/)).toEqual(shown(68.4));
    expect(ind('normalising', /Algemene voorzieningen/)).toEqual(shown(50));
    expect(ind('working_with_methods', /ZRM/)).toEqual(shown(100));
    expect(ind('open_communication', /besproken/)).toEqual(shown(75));
    expect(m.elements.find((e) => e.code === 'basic_attitude')!.limitation).toMatch(/zelfevaluatie/);
    const log = await t.db.inSystem((tx) =>
      tx
        .selectFrom('access_log')
        .select(['team_id', 'person_id'])
        .where('event', '=', 'quality_mirror.viewed')
        .execute(),
    );
    expect(log).toContainEqual({ team_id: tenant.teamId, person_id: null });
  });

  it('lets the coordinator record a self-assessment per quarter, compared over time, with conflicts and bad input refused', async () => {
    const save = (agent: Agent, body: object) =>
      agent.put('/api/management-information/quality-mirror/assessment', body);
    const first = await save(as.coordinator!, {
      teamId: tenant.teamId,
      period: '2026-Q1',
      elements: [
        { element: 'fixed_contact_person', score: 4, notes: 'Weinig wisselingen.' },
        { element: 'normalising', score: 2, notes: null },
      ],
    });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({
      period: '2026-Q1',
      version: 1,
      elements: [
        { element: 'normalising', score: 2 },
        { element: 'fixed_contact_person', score: 4, notes: 'Weinig wisselingen.' },
      ],
    });
    const second = await save(as.coordinator!, {
      teamId: tenant.teamId,
      period: '2026-Q2',
      elements: [{ element: 'normalising', score: 3, notes: 'Meer groepsaanbod ingezet.' }],
    });
    expect(second.statusCode).toBe(200);
    // A change of Q1 with the version it was loaded with; then the same stale version again: conflict.
    expect(
      (
        await save(as.coordinator!, {
          teamId: tenant.teamId,
          period: '2026-Q1',
          version: 1,
          elements: [{ element: 'normalising', score: 3, notes: null }],
        })
      ).statusCode,
    ).toBe(200);
    expect(
      (
        await save(as.coordinator!, {
          teamId: tenant.teamId,
          period: '2026-Q1',
          version: 1,
          elements: [{ element: 'normalising', score: 1, notes: null }],
        })
      ).statusCode,
    ).toBe(409);
    expect(
      (
        await save(as.coordinator!, {
          teamId: tenant.teamId,
          period: '2026-Q2',
          elements: [{ element: 'normalising', score: 1, notes: null }],
        })
      ).statusCode,
    ).toBe(409);
    // Bad input: a quarter not yet begun, a score of 6, notes with a phone number, nothing filled in.
    const future = await save(as.coordinator!, {
      teamId: tenant.teamId,
      period: '2026-Q3',
      elements: [{ element: 'normalising', score: 3, notes: null }],
    });
    expect(future.statusCode).toBe(400);
    expect(future.json<{ fieldErrors: Record<string, string[]> }>().fieldErrors.period?.[0]).toMatch(
      /nog niet begonnen/,
    );
    expect(
      (
        await save(as.coordinator!, {
          teamId: tenant.teamId,
          period: '2026-Q2',
          version: 1,
          elements: [{ element: 'normalising', score: 6, notes: null }],
        })
      ).statusCode,
    ).toBe(400);
    const phone = await save(as.coordinator!, {
      teamId: tenant.teamId,
      period: '2026-Q2',
      version: 1,
      elements: [{ element: 'normalising', score: 3, notes: 'Bel mevrouw op 06-12345678' }],
    });
    expect(phone.statusCode).toBe(400);
    expect(
      phone.json<{ fieldErrors: Record<string, string[]> }>().fieldErrors['elements.normalising.notes']?.[0],
    ).toMatch(/telefoonnummer/);
    expect(
      (
        await save(as.coordinator!, {
          teamId: tenant.teamId,
          period: '2026-Q2',
          version: 1,
          elements: [{ element: 'normalising', score: null, notes: null }],
        })
      ).statusCode,
    ).toBe(400);
    // Others may not: the coordinator of another team, the policy advisor.
    expect(
      (
        await save(as.coordinatorOost!, {
          teamId: tenant.teamId,
          period: '2026-Q2',
          version: 1,
          elements: [{ element: 'normalising', score: 5, notes: null }],
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await save(as.advisor!, {
          teamId: tenant.teamId,
          period: '2026-Q2',
          version: 1,
          elements: [{ element: 'normalising', score: 5, notes: null }],
        })
      ).statusCode,
    ).toBe(403);

    // The mirror compares the quarters, newest first; the policy advisor reads it without being able to change it.
    const m = (
      await as.advisor!.get(`/api/management-information/quality-mirror?teamId=${tenant.teamId}`)
    ).json<QualityMirrorView>();
    expect(m.canAssess).toBe(false);
    expect(
      m.assessments.map((a) => [a.period, a.version, a.elements.find((e) => e.element === 'normalising')?.score]),
    ).toEqual([
      ['2026-Q2', 1, 3],
      ['2026-Q1', 2, 3],
    ]);
    // The change of Q1 replaced its elements: fixed contact person was left out this time.
    expect(m.assessments[1]!.elements.map((e) => e.element)).toEqual(['normalising']);
    const logged = await t.db.inSystem((tx) =>
      tx
        .selectFrom('access_log')
        .select(['action', 'outcome'])
        .where('event', '=', 'quality_mirror.assessed')
        .execute(),
    );
    expect(logged.filter((l) => l.outcome === 'allowed').map((l) => l.action)).toEqual(['create', 'create', 'update']);
    expect(logged.filter((l) => l.outcome === 'denied')).toHaveLength(2);
  });
});
