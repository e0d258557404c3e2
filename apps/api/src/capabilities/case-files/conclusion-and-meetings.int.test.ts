import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '@nabij/contracts';
import { buildCase, buildTenant, buildUser } from '../../../test/builders';
import { startTestApp, type Agent, type TestApp } from '../../../test/test-app';

// Issue #22 items 6 (the analysis' conclusion) and 7 (network meeting / Eigen Kracht-conferentie).
let t: TestApp;
let tenant: { id: string; slug: string; teamId: string };
let kase: Awaited<ReturnType<typeof buildCase>>;
const as: Record<string, Agent & { userId: string }> = {};

async function login(key: string, roles: Role[], forTenant = tenant) {
  const user = await buildUser(t.db, forTenant, { roles });
  const agent = t.agent();
  await agent.login(user.username, user.password);
  as[key] = Object.assign(agent, { userId: user.id });
  return as[key];
}

const logRows = (event: string) =>
  t.db.inSystem((tx) =>
    tx
      .selectFrom('access_log')
      .select(['user_id', 'person_id', 'action', 'detail'])
      .where('event', '=', event)
      .where('case_id', '=', kase.id)
      .execute(),
  );

beforeAll(async () => {
  t = await startTestApp();
  tenant = await buildTenant(t.db);
  await login('worker', ['case_worker']);
  await login('colleague', ['case_worker']);
  await login('coordinator', ['team_coordinator']);
  kase = await buildCase(t.db, tenant, { caseWorkerId: as.worker!.userId });
});
afterAll(() => t.close());

describe("the analysis' conclusion", () => {
  const url = () => `/api/cases/${kase.id}/analysis-conclusion`;

  it('is saved with only the fields given, versioned, logged per person and shown above the plan', async () => {
    const r = await as.worker!.put(url(), {
      version: 0,
      questionBehind: '  Moeder wil weer grip op het geld, zodat de kinderen thuis kunnen blijven.  ',
      workingHypothesis: '',
    });
    expect(r.statusCode).toBe(200);
    expect(r.json().analysisConclusion).toMatchObject({
      version: 1,
      questionBehind: 'Moeder wil weer grip op het geld, zodat de kinderen thuis kunnen blijven.',
      workingHypothesis: null,
      sustainingFactors: null,
      history: [],
    });
    const rows = await logRows('analysis.conclusion_recorded');
    expect(rows.map((x) => [x.user_id, x.action])).toEqual([
      [as.worker!.userId, 'create'],
      [as.worker!.userId, 'create'],
    ]);
    expect(new Set(rows.map((x) => x.person_id)).size).toBe(2);

    const plan = await as.worker!.get(`/api/cases/${kase.id}/plan`);
    expect(plan.statusCode).toBe(200);
    expect(plan.json().analysisConclusion.questionBehind).toContain('grip op het geld');
  });

  it('refuses a stale save with 409 and keeps the history of who changed it when', async () => {
    const stale = await as.coordinator!.put(url(), { version: 0, workingHypothesis: 'Van een oude versie' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('version_conflict');

    const next = await as.coordinator!.put(url(), {
      version: 1,
      questionBehind: 'Moeder wil weer grip op het geld.',
      workingHypothesis: 'De schulden houden de spanning thuis hoog.',
      sustainingFactors: 'Post blijft ongeopend liggen; geen vast inkomen.',
    });
    expect(next.statusCode).toBe(200);
    const c = next.json().analysisConclusion;
    expect(c).toMatchObject({ version: 2, workingHypothesis: 'De schulden houden de spanning thuis hoog.' });
    expect(c.history).toHaveLength(1);
    expect(c.history[0]).toMatchObject({ version: 1, workingHypothesis: null });
    expect(c.history[0].recordedByName).not.toBe(c.recordedByName);
    // The stale save changed nothing.
    const rows = await t.db.inSystem((tx) =>
      tx.selectFrom('analysis_conclusion').select('version').where('case_id', '=', kase.id).execute(),
    );
    expect(rows.map((x) => x.version).sort()).toEqual([1, 2]);
    const read = await as.worker!.get(`/api/cases/${kase.id}`);
    expect(read.json().analysisConclusion.version).toBe(2);
  });

  it('refuses a text that is too long with a Dutch message, and a worker outside the case', async () => {
    const long = await as.worker!.put(url(), { version: 2, sustainingFactors: 'x'.repeat(2001) });
    expect(long.statusCode).toBe(400);
    expect(long.json().fieldErrors.sustainingFactors).toEqual(['Maximaal 2000 tekens.']);
    const outside = await as.colleague!.put(url(), { version: 2, questionBehind: 'Niet van mij' });
    expect(outside.statusCode).toBe(403);
    const versions = await t.db.inSystem((tx) =>
      tx.selectFrom('analysis_conclusion').select('version').where('case_id', '=', kase.id).execute(),
    );
    expect(versions).toHaveLength(2);
  });

  it('is invisible to another municipality (row-level security)', async () => {
    const elsewhere = await buildTenant(t.db);
    const seen = await t.db.inTenant(elsewhere.id, (tx) =>
      tx.selectFrom('analysis_conclusion').select('id').where('case_id', '=', kase.id).execute(),
    );
    expect(seen).toEqual([]);
    const own = await t.db.inTenant(tenant.id, (tx) =>
      tx.selectFrom('analysis_conclusion').select('id').where('case_id', '=', kase.id).execute(),
    );
    expect(own).toHaveLength(2);
  });
});

describe('the network meeting', () => {
  let oma: string;
  let school: string;
  let meetingUrl: string;

  beforeAll(async () => {
    await as.worker!.post(`/api/cases/${kase.id}/network`, {
      name: 'Oma Jansen',
      relationType: 'family',
      quality: 'supportive',
      contactFrequency: 'weekly',
    });
    const r = await as.worker!.post(`/api/cases/${kase.id}/professionals`, { organisation: 'Basisschool De Wilg' });
    oma = r.json().network[0].id;
    school = r.json().professionals[0].id;
  });

  it('is proposed with people from the network and professionals of the case, by reference', async () => {
    const r = await as.worker!.post(`/api/cases/${kase.id}/network-meetings`, {
      kind: 'family_group_conference',
      status: 'proposed',
      note: 'Gezin wil eerst met oma praten.',
      invitedNetworkPersonIds: [oma],
      invitedProfessionalIds: [school],
    });
    expect(r.statusCode).toBe(200);
    const [m] = r.json().networkMeetings;
    expect(m).toMatchObject({
      kind: 'family_group_conference',
      status: 'proposed',
      version: 1,
      invitedNetworkPersonIds: [oma],
      invitedProfessionalIds: [school],
      invitedNames: expect.arrayContaining(['Oma Jansen', 'Basisschool De Wilg']),
    });
    meetingUrl = `/api/cases/${kase.id}/network-meetings/${m.id}`;
    expect((await logRows('network_meeting.recorded')).length).toBe(2);
  });

  it('refuses invitees from outside the case and a planned meeting without a date, in Dutch', async () => {
    const outsider = await as.worker!.post(`/api/cases/${kase.id}/network-meetings`, {
      kind: 'network_meeting',
      status: 'proposed',
      invitedNetworkPersonIds: ['00000000-0000-4000-8000-000000000000'],
    });
    expect(outsider.statusCode).toBe(400);
    expect(outsider.json().fieldErrors.invitedNetworkPersonIds).toEqual([
      'Kies mensen uit het netwerk van dit dossier.',
    ]);
    const noDate = await as.worker!.put(meetingUrl, { version: 1, kind: 'network_meeting', status: 'planned' });
    expect(noDate.statusCode).toBe(400);
    expect(noDate.json().fieldErrors.plannedOn).toEqual(['Vul de datum in waarop het beraad gepland is.']);
    const meetings = await t.db.inSystem((tx) =>
      tx.selectFrom('network_meeting').select(['status', 'version']).where('case_id', '=', kase.id).execute(),
    );
    expect(meetings).toEqual([{ status: 'proposed', version: 1 }]);
  });

  it('moves on to planned, held and plan received; a stale step is refused with 409 and every step is logged', async () => {
    const planned = await as.worker!.put(meetingUrl, {
      version: 1,
      kind: 'family_group_conference',
      status: 'planned',
      plannedOn: '2026-12-01',
      invitedNetworkPersonIds: [oma],
      invitedProfessionalIds: [school],
    });
    expect(planned.statusCode).toBe(200);
    expect(planned.json().networkMeetings[0]).toMatchObject({ status: 'planned', plannedOn: '2026-12-01', version: 2 });

    const stale = await as.coordinator!.put(meetingUrl, {
      version: 1,
      kind: 'family_group_conference',
      status: 'cancelled',
      cancelReason: 'Van een oude versie',
    });
    expect(stale.statusCode).toBe(409);

    const received = await as.worker!.put(meetingUrl, {
      version: 2,
      kind: 'family_group_conference',
      status: 'plan_received',
      plannedOn: '2026-12-01',
      heldOn: '2026-12-01',
      planReceivedOn: '2026-12-03',
      invitedNetworkPersonIds: [oma],
    });
    expect(received.statusCode).toBe(200);
    expect(received.json().networkMeetings[0]).toMatchObject({
      status: 'plan_received',
      heldOn: '2026-12-01',
      planReceivedOn: '2026-12-03',
      invitedProfessionalIds: [],
      version: 3,
    });
    const changes = await logRows('network_meeting.changed');
    expect(changes.map((x) => x.detail)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ from: 'proposed', to: 'planned' }),
        expect.objectContaining({ from: 'planned', to: 'plan_received' }),
      ]),
    );
  });

  it('is corrected or cancelled only with a reason; removing a person from the network removes the invitation', async () => {
    const noReason = await as.worker!.put(meetingUrl, {
      version: 3,
      kind: 'family_group_conference',
      status: 'cancelled',
    });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().fieldErrors.cancelReason).toEqual(['Vul de reden in waarom het beraad niet doorgaat.']);
    const cancelled = await as.worker!.put(meetingUrl, {
      version: 3,
      kind: 'family_group_conference',
      status: 'cancelled',
      cancelReason: 'Het gezin wil het toch niet.',
      changeReason: 'Verkeerd vastgelegd: er kwam geen plan.',
      invitedNetworkPersonIds: [oma],
    });
    expect(cancelled.statusCode).toBe(200);
    expect(cancelled.json().networkMeetings[0]).toMatchObject({
      status: 'cancelled',
      cancelReason: 'Het gezin wil het toch niet.',
      planReceivedOn: null,
    });
    const removed = await as.worker!.delete(`/api/cases/${kase.id}/network/${oma}`);
    expect(removed.statusCode).toBe(200);
    expect(removed.json().networkMeetings[0].invitedNetworkPersonIds).toEqual([]);
  });
});
