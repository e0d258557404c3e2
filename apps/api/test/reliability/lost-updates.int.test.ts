/**
 * No lost updates (issue #11 §2): every record two people can edit carries a version; an update names the
 * version it was based on. RACERS (default 100) conflicting updates, all based on the same version, are
 * fired at once at each kind of record: exactly one wins, every other one gets 409 `version_conflict`, and
 * the stored record is exactly the winner's — nothing mixed, nothing lost silently.
 * The list of editable records and their routes is in docs/reliability.md.
 */
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCase, buildTenant, buildUser } from '../builders';
import { startTestApp, type Agent, type TestApp } from '../test-app';

const RACERS = Number(process.env.LOST_UPDATE_RACERS ?? 100);
let t: TestApp;
let tenant: { id: string; slug: string; teamId: string };
let desk: Agent;
let worker: Agent;
let workerId: string;
let admin: Agent;

async function loggedIn(
  roles: Parameters<typeof buildUser>[2] extends infer O ? (O extends { roles?: infer R } ? R : never) : never,
) {
  const user = await buildUser(t.db, tenant, { roles });
  const agent = t.agent();
  await agent.login(user.username, user.password);
  return { agent, id: user.id };
}

/**
 * Fires `RACERS` updates at once; returns the index of the one that won. Fails unless exactly one
 * succeeded and all others were refused with 409 version_conflict.
 */
async function race(send: (i: number) => Promise<LightMyRequestResponse>): Promise<number> {
  const answers = await Promise.all(Array.from({ length: RACERS }, (_, i) => send(i)));
  const winners = answers.flatMap((r, i) => (r.statusCode >= 200 && r.statusCode < 300 ? [i] : []));
  const others = answers
    .filter((r) => !(r.statusCode >= 200 && r.statusCode < 300))
    .map((r) => `${r.statusCode} ${r.json().code}`);
  expect(winners).toHaveLength(1);
  expect(new Set(others)).toEqual(new Set(['409 version_conflict']));
  expect(others).toHaveLength(RACERS - 1);
  return winners[0]!;
}

beforeAll(async () => {
  // 100 requests at once queue for the pool's 10 connections; on a busy 2-core machine the last ones wait longer than
  // the production 3 s (which would answer 503 'database unavailable'), so this test lets them wait.
  t = await startTestApp({}, { connectionTimeoutMs: 60_000 });
  tenant = await buildTenant(t.db);
  desk = (await loggedIn(['intake_desk'])).agent;
  const w = await loggedIn(['case_worker']);
  worker = w.agent;
  workerId = w.id;
  admin = (await loggedIn(['functional_admin'])).agent;
}, 120_000);
afterAll(() => t.close());

describe(`${RACERS} conflicting updates at once: one winner, every loser 409, the winner's data intact`, () => {
  it('a person', async () => {
    const created = await desk.post('/api/persons', {
      firstName: 'Eerste',
      lastName: 'Versie',
      acknowledgeDuplicates: true,
    });
    expect(created.statusCode).toBe(201);
    const { id, version } = created.json<{ id: string; version: number }>();
    const winner = await race((i) =>
      desk.put(`/api/persons/${id}`, {
        firstName: `Naam${i}`,
        lastName: `Achternaam${i}`,
        city: `Plaats${i}`,
        version,
      }),
    );
    const stored = (await desk.get(`/api/persons/${id}`)).json();
    expect(stored).toMatchObject({
      firstName: `Naam${winner}`,
      lastName: `Achternaam${winner}`,
      city: `Plaats${winner}`,
      version: version + 1,
    });
  });

  it('a household (adding a member)', async () => {
    const ids = await t.db.inSystem(async (tx) =>
      (
        await tx
          .insertInto('person')
          .values(
            Array.from({ length: RACERS + 1 }, (_, i) => ({
              tenant_id: tenant.id,
              first_name: `Lid${i}`,
              last_name: 'Huishouden',
              created_by: null,
              updated_by: null,
            })),
          )
          .returning('id')
          .execute()
      ).map((r) => r.id),
    );
    const household = (
      await desk.post('/api/households', {
        name: 'Huishouden Race',
        members: [{ personId: ids[0], relation: 'parent' }],
      })
    ).json();
    const winner = await race((i) =>
      desk.post(`/api/households/${household.id}/members`, {
        personId: ids[i + 1],
        relation: 'child',
        version: household.version,
      }),
    );
    const members = await t.db.inSystem((tx) =>
      tx.selectFrom('household_member').select('person_id').where('household_id', '=', household.id).execute(),
    );
    expect(members.map((m) => m.person_id).sort()).toEqual([ids[0], ids[winner + 1]].sort());
  });

  it('a referral (its status)', async () => {
    const r = await desk.post('/api/referrals', {
      teamId: tenant.teamId,
      channel: 'phone',
      referrerKind: 'self',
      referrer: { name: 'Inwoner', phone: '0612345678' },
      residents: [{ firstName: 'Race', lastName: 'Aanmelding' }],
      lifeDomains: ['finances'],
      question: 'Wie wint?',
      idempotencyKey: crypto.randomUUID(),
    });
    const { id, version } = r.json<{ id: string; version: number }>();
    await race(() => desk.post(`/api/referrals/${id}/status`, { status: 'waiting_for_information', version }));
    expect((await desk.get(`/api/referrals/${id}`)).json()).toMatchObject({
      status: 'waiting_for_information',
      version: version + 1,
    });
  });

  it('a draft plan (a goal)', async () => {
    const c = await buildCase(t.db, tenant, { caseWorkerId: workerId });
    let page = (await worker.post(`/api/cases/${c.id}/plan`, { startsOn: '2026-01-05' })).json();
    page = (
      await worker.post(`/api/cases/${c.id}/plan/goals`, {
        version: page.plan.current.version,
        domain: 'finances',
        problem: 'Eerste probleem',
        goal: 'Eerste doel',
      })
    ).json();
    const goalId = page.plan.current.goals[0].id as string;
    const version = page.plan.current.version as number;
    const winner = await race((i) =>
      worker.put(`/api/cases/${c.id}/plan/goals/${goalId}`, {
        version,
        domain: 'finances',
        problem: `Probleem van ${i}`,
        goal: `Doel van ${i}`,
        intendedResult: `Resultaat van ${i}`,
      }),
    );
    const current = (await worker.get(`/api/cases/${c.id}/plan`)).json().plan.current;
    expect(current.version).toBe(version + 1);
    expect(current.goals).toHaveLength(1);
    expect(current.goals[0]).toMatchObject({
      problem: `Probleem van ${winner}`,
      goal: `Doel van ${winner}`,
      intendedResult: `Resultaat van ${winner}`,
    });
  });

  it('a letter template (first save and later saves)', async () => {
    const template = async () =>
      (await admin.get('/api/admin/letter-templates'))
        .json()
        .templates.find((x: { kind: string }) => x.kind === 'closure');
    const first = await race((i) =>
      admin.put('/api/admin/letter-templates/closure', {
        subject: `Onderwerp ${i}`,
        body: `Tekst van beheerder ${i}, lang genoeg.`,
        version: 0,
      }),
    );
    expect(await template()).toMatchObject({
      subject: `Onderwerp ${first}`,
      body: `Tekst van beheerder ${first}, lang genoeg.`,
      version: 1,
    });
    const second = await race((i) =>
      admin.put('/api/admin/letter-templates/closure', {
        subject: `Nieuw ${i}`,
        body: `Nieuwe tekst ${i}, lang genoeg.`,
        version: 1,
      }),
    );
    expect(await template()).toMatchObject({
      subject: `Nieuw ${second}`,
      body: `Nieuwe tekst ${second}, lang genoeg.`,
      version: 2,
    });
  });

  it("a team's settings", async () => {
    const before = (await admin.get('/api/admin/teams'))
      .json()
      .teams.find((x: { id: string }) => x.id === tenant.teamId);
    const settings = (i: number) => ({
      acceptsWebReferrals: i % 2 === 0,
      acceptsSelfReferrals: i % 3 === 0,
      analysisWeeks: (i % 52) + 1,
      outreachWeeks: ((i + 7) % 52) + 1,
    });
    const winner = await race((i) =>
      admin.put(`/api/admin/teams/${tenant.teamId}`, { ...settings(i), version: before.version }),
    );
    const after = (await admin.get('/api/admin/teams'))
      .json()
      .teams.find((x: { id: string }) => x.id === tenant.teamId);
    expect(after).toMatchObject(settings(winner));
    expect(after.version).not.toBe(before.version);
  });

  it("a worker's expertise", async () => {
    const account = (await admin.get('/api/admin/users'))
      .json<{ users: Array<{ id: string; version: number }> }>()
      .users.find((u) => u.id === workerId)!;
    const winner = await race((i) =>
      admin.put(`/api/admin/users/${workerId}/expertise`, {
        expertise: [`schulden ${i}`, `opvoeding ${i}`],
        version: account.version,
      }),
    );
    const after = (await admin.get('/api/admin/users')).json().users.find((u: { id: string }) => u.id === workerId);
    expect(after).toMatchObject({
      expertise: [`schulden ${winner}`, `opvoeding ${winner}`],
      version: account.version + 1,
    });
  });

  it('a service in the catalogue', async () => {
    const service = {
      organisation: 'Buurthuis',
      name: 'Taalcafé',
      domains: ['community_participation'],
      type: 'group',
    };
    const created = (await admin.post('/api/admin/services', service)).json<{ id: string; version: number }>();
    const winner = await race((i) =>
      admin.put(`/api/admin/services/${created.id}`, {
        ...service,
        name: `Taalcafé ${i}`,
        description: `Versie ${i}`,
        version: created.version,
      }),
    );
    const after = (await admin.get('/api/admin/services'))
      .json()
      .services.find((s: { id: string }) => s.id === created.id);
    expect(after).toMatchObject({
      name: `Taalcafé ${winner}`,
      description: `Versie ${winner}`,
      version: created.version + 1,
    });
  });
});
