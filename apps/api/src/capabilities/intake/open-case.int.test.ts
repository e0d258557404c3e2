// Issue #17 item 7: one household, one plan, one coordinator. A referral for a household with an open case joins that
// case as a new question (same contact person) instead of opening a second, parallel case — unless the coordinator
// records why; the regiecheck says so before the meeting.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '@nabij/contracts';
import { municipalDate } from '../../shared/clock';
import { buildCase, buildLoggedInUser, buildTenant } from '../../../test/builders';
import { startTestApp, type Agent, type TestApp } from '../../../test/test-app';

let t: TestApp;
let tenant: { id: string; slug: string; teamId: string };
const users: Record<string, { id: string; agent: Agent }> = {};
let kase: Awaited<ReturnType<typeof buildCase>>;
let caseReference: string;
let workerName: string;
let meetingId: string;
const today = municipalDate(new Date());

async function loggedIn(key: string, roles: Role[]) {
  users[key] = await buildLoggedInUser(t, tenant, roles);
  return users[key].agent;
}

interface Referral {
  id: string;
  version: number;
  status: string;
  residents: Array<{ id: string; role: string }>;
}

/** A referral by phone for Anna Testhuis (the adult of the open case), through the regiecheck linked to her and her household. */
async function referralForAnna(): Promise<{
  id: string;
  regiecheck: { openCases?: Array<{ caseId: string; reference: string | null; workerName: string; teamName: string }> };
}> {
  const desk = users.desk!.agent;
  const created = await desk.post('/api/referrals', {
    teamId: tenant.teamId,
    channel: 'phone',
    referrerKind: 'self',
    referrer: { phone: '0612345678' },
    residents: [
      {
        firstName: 'Anna',
        lastName: 'Testhuis',
        dateOfBirth: '1985-01-01',
        postcode: '3511 AB',
        houseNumber: '7',
        phone: '0612345678',
      },
    ],
    lifeDomains: ['housing'],
    question: 'Dreigende huisuitzetting.',
    childrenAtRisk: 'no',
    residentAwareness: 'agrees',
    idempotencyKey: randomUUID(),
  });
  expect(created.statusCode).toBe(201);
  const id = created.json<{ id: string }>().id;
  const regiecheck = (await desk.get(`/api/referrals/${id}/regiecheck`)).json();
  let view = (await desk.get(`/api/referrals/${id}`)).json<Referral>();
  const links = view.residents.map((p) => ({ referralPersonId: p.id, personId: kase.adultId }));
  const done = await desk.post(`/api/referrals/${id}/regiecheck`, {
    version: view.version,
    links,
    householdId: kase.householdId,
  });
  expect(done.statusCode).toBe(200);
  view = done.json<Referral>();
  const complete = await desk.post(`/api/referrals/${id}/status`, { status: 'complete', version: view.version });
  expect([complete.statusCode, complete.body.slice(0, 300)]).toEqual([200, expect.anything()]);
  return { id, regiecheck };
}

const decision = (version: number, parallelCaseReason?: string) => ({
  version,
  triage: {
    situation: 'Huurachterstand, dreigende uitzetting.',
    lifeDomains: ['housing'],
    multipleProblems: false,
    urgency: 'high',
    safety: 'Geen zorgen over de veiligheid.',
  },
  decision: {
    outcome: 'take_up',
    interventions: 'Bemiddeling verhuurder',
    goal: 'Wonen blijft',
    intendedResult: 'Betalingsregeling',
    reasoning: 'Valt binnen het lopende plan.',
    discussedWithResident: true,
    ...(parallelCaseReason ? { parallelCaseReason } : {}),
  },
});

async function decide(referralId: string, parallelCaseReason?: string) {
  const coordinator = users.coordinator!.agent;
  const agenda = (await coordinator.post(`/api/meetings/${meetingId}/items`, { referralId })).json<{
    items: Array<{ referralId: string; version: number; openCase?: { reference: string } | null }>;
  }>();
  const item = agenda.items.find((i) => i.referralId === referralId)!;
  // The meeting sees the open case before it decides.
  expect(item.openCase).toMatchObject({ caseId: kase.id, reference: caseReference, workerName });
  const r = await coordinator.post(
    `/api/meetings/${meetingId}/items/${referralId}/decision`,
    decision(item.version, parallelCaseReason),
  );
  expect(r.statusCode).toBe(200);
  return r
    .json<{
      items: Array<{
        referralId: string;
        status: string;
        openCaseOutcome?: { outcome: string; reason: string | null } | null;
      }>;
    }>()
    .items.find((i) => i.referralId === referralId)!;
}

const referralStatus = async (id: string) =>
  await t.db.inSystem((tx) =>
    tx.selectFrom('referral').select(['status', 'version']).where('id', '=', id).executeTakeFirstOrThrow(),
  );
const casesOfHousehold = async () =>
  t.db.inSystem((tx) => tx.selectFrom('case_file').select('id').where('household_id', '=', kase.householdId).execute());

beforeAll(async () => {
  t = await startTestApp();
  tenant = await buildTenant(t.db);
  await loggedIn('desk', ['intake_desk']);
  await loggedIn('coordinator', ['team_coordinator']);
  await loggedIn('worker', ['case_worker']);
  kase = await buildCase(t.db, tenant, { caseWorkerId: users.worker!.id, referralDomains: ['finances'] });
  await t.db.inSystem((tx) =>
    tx.updateTable('case_file').set({ phase: 'execution' }).where('id', '=', kase.id).execute(),
  );
  const row = await t.db.inSystem((tx) =>
    tx
      .selectFrom('case_file as c')
      .innerJoin('referral as r', 'r.id', 'c.referral_id')
      .innerJoin('app_user as u', 'u.id', 'c.case_worker_id')
      .select(['r.reference', 'u.display_name'])
      .where('c.id', '=', kase.id)
      .executeTakeFirstOrThrow(),
  );
  caseReference = row.reference;
  workerName = row.display_name;
  meetingId = (
    await users.coordinator!.agent.post('/api/meetings', {
      teamId: tenant.teamId,
      date: today,
      chairUserId: users.coordinator!.id,
      participants: [],
    })
  ).json<{ id: string }>().id;
});
afterAll(() => t?.close());

describe('a referral for a household with an open case', () => {
  it('is announced by the regiecheck and joins the open case as a new question when the meeting takes it up', async () => {
    const { id, regiecheck } = await referralForAnna();
    expect(regiecheck.openCases).toEqual([
      { caseId: kase.id, reference: caseReference, workerName, teamName: 'Wijkteam Test' },
    ]);

    const item = await decide(id);
    expect(item.openCaseOutcome).toEqual({ outcome: 'joined', reason: null });
    expect(item.status).toBe('closed');
    // No second case: the referral is not waiting for assignment, the household still has one case.
    const overview = (await users.coordinator!.agent.get(`/api/assignments?teamId=${tenant.teamId}`)).json<{
      waiting: Array<{ referralId: string }>;
    }>();
    expect(overview.waiting.map((w) => w.referralId)).not.toContain(id);
    expect(await casesOfHousehold()).toHaveLength(1);
    // The case shows the new question, and its contact person has it as a task.
    const course = (await users.worker!.agent.get(`/api/cases/${kase.id}/course`)).json<{
      linkedReferrals: Array<{ referralId: string; casePhase: string; outcome: string | null }>;
    }>();
    expect(course.linkedReferrals).toEqual([
      expect.objectContaining({ referralId: id, casePhase: 'execution', outcome: 'joined' }),
    ]);
    const tasks = await t.db.inSystem((tx) =>
      tx.selectFrom('task').select(['assignee_id', 'title']).where('case_id', '=', kase.id).execute(),
    );
    expect(tasks).toEqual([
      expect.objectContaining({ assignee_id: users.worker!.id, title: expect.stringContaining('Nieuwe aanmelding') }),
    ]);
    const logged = await t.db.inSystem((tx) =>
      tx
        .selectFrom('access_log')
        .select(['case_id', 'person_id'])
        .where('event', '=', 'referral.joined_open_case')
        .where('user_id', '=', users.coordinator!.id)
        .execute(),
    );
    expect(logged).toEqual([{ case_id: kase.id, person_id: kase.adultId }]);
  });

  it('opens a parallel case only with the reason the meeting recorded, which is kept and logged', async () => {
    const { id } = await referralForAnna();
    const item = await decide(id, 'De jongere krijgt een eigen traject met een eigen regisseur (18+).');
    expect(item.openCaseOutcome).toEqual({
      outcome: 'parallel_case',
      reason: 'De jongere krijgt een eigen traject met een eigen regisseur (18+).',
    });
    const overview = (await users.coordinator!.agent.get(`/api/assignments?teamId=${tenant.teamId}`)).json<{
      waiting: Array<{ referralId: string; version: number; openCase: unknown; parallelCaseReason: string | null }>;
    }>();
    const waiting = overview.waiting.find((w) => w.referralId === id)!;
    expect(waiting).toMatchObject({
      openCase: { caseId: kase.id, reference: caseReference },
      parallelCaseReason: 'De jongere krijgt een eigen traject met een eigen regisseur (18+).',
    });
    const assigned = await users.coordinator!.agent.post(`/api/referrals/${id}/assignment`, {
      version: waiting.version,
      caseWorkerId: users.worker!.id,
      consent: 'verbal',
      consentDate: today,
    });
    expect(assigned.statusCode).toBe(201);
    expect(await casesOfHousehold()).toHaveLength(2);
    const logged = await t.db.inSystem((tx) =>
      tx.selectFrom('access_log').select('case_id').where('event', '=', 'referral.parallel_case_decided').execute(),
    );
    expect(logged.map((l) => l.case_id)).toContain(kase.id);
    // Back to one case for the next test.
    await t.db.inSystem((tx) =>
      tx
        .updateTable('case_file')
        .set({ phase: 'closed', closed_at: new Date() })
        .where('id', '=', assigned.json<{ caseId: string }>().caseId)
        .execute(),
    );
  });

  it('refuses to open a second case at the assignment without a reason (409, Dutch, naming the case); the coordinator adds it to the case instead', async () => {
    // Decided while the case was in watch (nothing open then); the case is open again at the assignment.
    await t.db.inSystem((tx) =>
      tx.updateTable('case_file').set({ phase: 'watch' }).where('id', '=', kase.id).execute(),
    );
    const { id } = await referralForAnna();
    const coordinator = users.coordinator!.agent;
    const agenda = (await coordinator.post(`/api/meetings/${meetingId}/items`, { referralId: id })).json<{
      items: Array<{ referralId: string; version: number }>;
    }>();
    const decided = await coordinator.post(
      `/api/meetings/${meetingId}/items/${id}/decision`,
      decision(agenda.items.find((i) => i.referralId === id)!.version),
    );
    expect(decided.statusCode).toBe(200);
    await t.db.inSystem((tx) =>
      tx.updateTable('case_file').set({ phase: 'execution' }).where('id', '=', kase.id).execute(),
    );

    const { version } = await referralStatus(id);
    const refused = await coordinator.post(`/api/referrals/${id}/assignment`, {
      version,
      caseWorkerId: users.worker!.id,
      consent: 'verbal',
      consentDate: today,
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'open_case_exists', openCase: { caseId: kase.id } });
    expect(refused.json<{ message: string }>().message).toContain(
      `Er is al een lopend dossier ${caseReference} bij ${workerName}`,
    );
    expect(await casesOfHousehold()).toHaveLength(2);

    const joined = await coordinator.post(`/api/referrals/${id}/join-case`, { version, caseId: kase.id });
    expect(joined.statusCode).toBe(200);
    expect(joined.json()).toEqual({ caseId: kase.id });
    expect((await referralStatus(id)).status).toBe('closed');
    expect(await casesOfHousehold()).toHaveLength(2);
    const again = await coordinator.post(`/api/referrals/${id}/join-case`, { version, caseId: kase.id });
    expect(again.statusCode).toBe(409);
  });
});
