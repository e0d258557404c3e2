// Issue #17 items 6 and 8: a new contact person for one case (warm handover, both workers and the household told),
// moving a worker's caseload in one go, no deactivation of a user with open cases, and the municipal consultant as
// process coordinator (procesregisseur) who reads the case and the plan of linked cases only, logged.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '@nabij/contracts';
import { buildCase, buildLoggedInUser, buildTeam, buildTenant } from '../../../test/builders';
import { startTestApp, type Agent, type TestApp } from '../../../test/test-app';

let t: TestApp;
let tenant: { id: string; slug: string; teamId: string };
let teamB: { id: string; teamId: string };
const as: Record<string, Agent & { userId: string }> = {};

async function login(key: string, roles: Role[], forTenant: { id: string; teamId: string } = tenant) {
  const user = await buildLoggedInUser(t, forTenant, roles);
  as[key] = Object.assign(user.agent, { userId: user.id });
  return as[key];
}

interface Coordination {
  caseVersion: number;
  caseWorker: { id: string; name: string };
  tandem: { id: string } | null;
  canChangeContactPerson: boolean;
  contactPersonChanges: Array<{
    previousWorker: { id: string } | null;
    newWorker: { id: string };
    reason: string | null;
    handoverNote: string | null;
    householdTold: string | null;
    changedByName: string | null;
  }>;
  processCoordinators: Array<{ id: string; name: string }>;
  consultants: Array<{ id: string; name: string }>;
}
const coordination = async (agent: Agent, caseId: string) =>
  (await agent.get(`/api/cases/${caseId}/coordination`)).json<Coordination>();
const caseRow = (id: string) =>
  t.db.inSystem((tx) =>
    tx
      .selectFrom('case_file')
      .select(['case_worker_id', 'tandem_worker_id', 'version'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow(),
  );
const changesOf = (caseId: string) =>
  t.db.inSystem((tx) =>
    tx
      .selectFrom('case_worker_change')
      .select([
        'previous_worker_id',
        'new_worker_id',
        'changed_by',
        'reason',
        'reason_note',
        'handover_note',
        'household_told',
      ])
      .where('case_id', '=', caseId)
      .execute(),
  );
const tasksOf = (caseId: string) =>
  t.db.inSystem((tx) =>
    tx
      .selectFrom('task')
      .select(['assignee_id', 'title'])
      .where('case_id', '=', caseId)
      .orderBy('created_at')
      .execute(),
  );
const logged = (userId: string, event: string) =>
  t.db.inSystem((tx) =>
    tx
      .selectFrom('access_log')
      .select(['case_id', 'person_id', 'outcome', 'detail'])
      .where('user_id', '=', userId)
      .where('event', '=', event)
      .execute(),
  );

beforeAll(async () => {
  t = await startTestApp();
  tenant = await buildTenant(t.db);
  teamB = await buildTeam(t.db, tenant);
  await login('leaver', ['case_worker']);
  await login('worker2', ['case_worker']);
  await login('worker3', ['case_worker']);
  await login('coordinator', ['team_coordinator']);
  await login('coordinatorB', ['team_coordinator'], teamB);
  await login('workerB', ['case_worker'], teamB);
  await login('consultant', ['municipal_consultant']);
  await login('admin', ['functional_admin']);
});
afterAll(() => t?.close());

describe('a new contact person for one case', () => {
  it('is set by the team coordinator with a warm-handover note: both workers get a task, the household an e-mail, the change is kept and logged', async () => {
    const kase = await buildCase(t.db, tenant, {
      caseWorkerId: as.leaver!.userId,
      tandemWorkerId: as.worker3!.userId,
      referralDomains: ['finances'],
    });
    await t.db.inSystem((tx) =>
      tx.updateTable('person').set({ email: 'anna.testhuis@example.org' }).where('id', '=', kase.adultId).execute(),
    );
    const before = await caseRow(kase.id);
    const body = {
      version: before.version,
      caseWorkerId: as.worker2!.userId,
      reason: 'workload',
      handoverNote: 'Anna belt liever na 15 uur. De schuldhulp loopt via de Kredietbank.',
    };

    // Not the case's worker, not a coordinator of another team: 403, logged with the case; nothing changes.
    for (const key of ['leaver', 'coordinatorB'] as const) {
      const r = await as[key]!.put(`/api/cases/${kase.id}/case-worker`, body);
      expect(r.statusCode).toBe(403);
      expect((await logged(as[key]!.userId, 'case_file.access_denied')).map((l) => l.case_id)).toContain(kase.id);
    }
    // Bad input: Dutch messages, nothing stored.
    const bad = await as.coordinator!.put(`/api/cases/${kase.id}/case-worker`, {
      version: before.version,
      caseWorkerId: as.workerB!.userId,
      reason: 'other',
      handoverNote: '',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fieldErrors.handoverNote[0]).toBe(
      'Vul de overdrachtsnotitie: wat moet de nieuwe contactpersoon weten? in.',
    );
    expect(bad.json().fieldErrors.reasonNote[0]).toBe('Leg kort uit waarom de contactpersoon wisselt.');
    const otherTeam = await as.coordinator!.put(`/api/cases/${kase.id}/case-worker`, {
      ...body,
      caseWorkerId: as.workerB!.userId,
    });
    expect(otherTeam.statusCode).toBe(400);
    expect(otherTeam.json().fieldErrors.caseWorkerId[0]).toBe('Kies een actieve werker van het team van dit dossier.');
    expect(await caseRow(kase.id)).toEqual(before);

    const r = await as.coordinator!.put(`/api/cases/${kase.id}/case-worker`, body);
    expect(r.statusCode).toBe(200);
    const view = r.json<Coordination>();
    expect(view.caseWorker.id).toBe(as.worker2!.userId);
    expect(view.contactPersonChanges[0]).toMatchObject({
      previousWorker: { id: as.leaver!.userId },
      newWorker: { id: as.worker2!.userId },
      reason: 'workload',
      handoverNote: body.handoverNote,
      householdTold: 'email',
    });
    expect(await changesOf(kase.id)).toEqual([
      {
        previous_worker_id: as.leaver!.userId,
        new_worker_id: as.worker2!.userId,
        changed_by: as.coordinator!.userId,
        reason: 'workload',
        reason_note: null,
        handover_note: body.handoverNote,
        household_told: 'email',
      },
    ]);
    const tasks = await tasksOf(kase.id);
    expect(tasks.map((x) => x.assignee_id).sort()).toEqual([as.leaver!.userId, as.worker2!.userId].sort());
    expect(tasks.find((x) => x.assignee_id === as.worker2!.userId)!.title).toContain('Warme overdracht');
    const mail = await t.db.inSystem((tx) =>
      tx
        .selectFrom('outbox_message')
        .select(['subject', 'text_body'])
        .where('recipient', '=', 'anna.testhuis@example.org')
        .execute(),
    );
    expect(mail).toHaveLength(1);
    expect(mail[0]!.text_body).toContain(`Vanaf nu is Test`);
    expect(mail[0]!.text_body).not.toContain('Kredietbank');
    expect(await logged(as.coordinator!.userId, 'case_file.contact_person_changed')).toHaveLength(2);

    // The new contact person works on the case; the previous one no longer sees it.
    expect((await as.worker2!.get(`/api/cases/${kase.id}`)).statusCode).toBe(200);
    expect((await as.leaver!.get(`/api/cases/${kase.id}`)).statusCode).toBe(403);
    // A stale version: 409, nothing changes.
    const stale = await as.coordinator!.put(`/api/cases/${kase.id}/case-worker`, {
      ...body,
      caseWorkerId: as.worker3!.userId,
    });
    expect(stale.statusCode).toBe(409);
    // Handing over to the tandem partner makes them the contact person, without a tandem.
    const toTandem = await as.coordinator!.put(`/api/cases/${kase.id}/case-worker`, {
      ...body,
      version: view.caseVersion,
      caseWorkerId: as.worker3!.userId,
      reason: 'match',
    });
    expect(toTandem.statusCode).toBe(200);
    expect(await caseRow(kase.id)).toMatchObject({ case_worker_id: as.worker3!.userId, tandem_worker_id: null });
  });
});

describe('moving a caseload and deactivating the worker', () => {
  it('refuses to deactivate a user with open cases (409, Dutch, with the count) until the coordinator moved them all in one screen', async () => {
    const own1 = await buildCase(t.db, tenant, { caseWorkerId: as.leaver!.userId, referralDomains: ['finances'] });
    const own2 = await buildCase(t.db, tenant, { caseWorkerId: as.leaver!.userId, referralDomains: ['housing'] });
    const asTandem = await buildCase(t.db, tenant, {
      caseWorkerId: as.worker2!.userId,
      tandemWorkerId: as.leaver!.userId,
      referralDomains: ['health'],
    });

    const refused = await as.admin!.post(`/api/admin/users/${as.leaver!.userId}/deactivate`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({
      code: 'user_has_open_cases',
      openCases: 3,
      moveUrl: `/dossiers-overdragen?werker=${as.leaver!.userId}`,
    });
    expect(refused.json<{ message: string }>().message).toContain('3 lopende dossiers');
    expect(
      (
        await t.db.inSystem((tx) =>
          tx.selectFrom('app_user').select('active').where('id', '=', as.leaver!.userId).executeTakeFirstOrThrow(),
        )
      ).active,
    ).toBe(true);

    // The coordinator's screen: the leaver's open cases, with their role, and who can take over.
    expect((await as.leaver!.get(`/api/caseload?workerId=${as.leaver!.userId}`)).statusCode).toBe(403);
    const view = (await as.coordinator!.get(`/api/caseload?workerId=${as.leaver!.userId}`)).json<{
      workers: Array<{ id: string; openCases: number }>;
      cases: Array<{ caseId: string; version: number; role: string }>;
      candidates: Array<{ workers: Array<{ id: string }> }>;
    }>();
    expect(view.workers.find((w) => w.id === as.leaver!.userId)!.openCases).toBe(3);
    expect(view.cases.map((c) => [c.caseId, c.role]).sort()).toEqual(
      [
        [own1.id, 'case_worker'],
        [own2.id, 'case_worker'],
        [asTandem.id, 'tandem'],
      ].sort(),
    );
    expect(view.candidates[0]!.workers.map((w) => w.id)).not.toContain(as.leaver!.userId);
    const v = Object.fromEntries(view.cases.map((c) => [c.caseId, c.version]));
    expect((await logged(as.coordinator!.userId, 'case_file.caseload_listed')).length).toBeGreaterThan(0);

    // A coordinator of another team may not move these cases: 403, logged per case, nothing moves.
    const moves = [
      { caseId: own1.id, version: v[own1.id]!, newWorkerId: as.worker2!.userId },
      { caseId: own2.id, version: v[own2.id]!, newWorkerId: as.worker3!.userId },
      { caseId: asTandem.id, version: v[asTandem.id]!, newWorkerId: null },
    ];
    const foreign = await as.coordinatorB!.post('/api/caseload-moves', {
      fromWorkerId: as.leaver!.userId,
      reason: 'illness',
      moves,
    });
    expect(foreign.statusCode).toBe(403);
    expect((await logged(as.coordinatorB!.userId, 'case_file.access_denied')).map((l) => l.case_id)).toEqual(
      expect.arrayContaining([own1.id, own2.id, asTandem.id]),
    );
    // One stale case: nothing moves at all.
    const stale = await as.coordinator!.post('/api/caseload-moves', {
      fromWorkerId: as.leaver!.userId,
      reason: 'illness',
      moves: [...moves.slice(0, 2), { ...moves[2]!, version: 999 }],
    });
    expect(stale.statusCode).toBe(409);
    expect((await caseRow(own1.id)).case_worker_id).toBe(as.leaver!.userId);
    expect(await changesOf(own1.id)).toEqual([]);

    const moved = await as.coordinator!.post('/api/caseload-moves', {
      fromWorkerId: as.leaver!.userId,
      reason: 'illness',
      handoverNote: 'Langdurig ziek; het journaal is bij.',
      moves,
    });
    expect(moved.statusCode).toBe(200);
    expect(moved.json()).toMatchObject({ moved: 3, view: { cases: [] } });
    expect((await caseRow(own1.id)).case_worker_id).toBe(as.worker2!.userId);
    expect((await caseRow(own2.id)).case_worker_id).toBe(as.worker3!.userId);
    expect((await caseRow(asTandem.id)).tandem_worker_id).toBeNull();
    expect(await changesOf(own2.id)).toEqual([
      expect.objectContaining({
        reason: 'illness',
        changed_by: as.coordinator!.userId,
        handover_note: 'Langdurig ziek; het journaal is bij.',
        household_told: 'none',
      }),
    ]);
    // Ill: no task for the leaver; the new worker's task says the household still has to be told.
    const tasks = await tasksOf(own2.id);
    expect(tasks).toEqual([
      expect.objectContaining({
        assignee_id: as.worker3!.userId,
        title: expect.stringContaining('laat het huishouden weten'),
      }),
    ]);
    const tandemLog = await logged(as.coordinator!.userId, 'case_file.tandem_changed');
    expect(tandemLog.map((l) => l.case_id)).toContain(asTandem.id);

    const deactivated = await as.admin!.post(`/api/admin/users/${as.leaver!.userId}/deactivate`);
    expect(deactivated.statusCode).toBe(200);
  });
});

describe('the process coordinator (procesregisseur)', () => {
  it('reads the case and the plan of a case they are linked to, only that, logged; linking and unlinking by the case worker', async () => {
    const kase = await buildCase(t.db, tenant, { caseWorkerId: as.worker2!.userId, referralDomains: ['finances'] });
    const other = await buildCase(t.db, tenant, { caseWorkerId: as.worker2!.userId, referralDomains: ['finances'] });
    const consultant = as.consultant!;
    expect((await consultant.get(`/api/cases/${kase.id}`)).statusCode).toBe(403);
    expect((await logged(consultant.userId, 'case_file.access_denied')).map((l) => l.case_id)).toContain(kase.id);

    const before = await coordination(as.worker2!, kase.id);
    expect(before.consultants.map((c) => c.id)).toContain(consultant.userId);
    // Only a consultant can be linked; only the case's workers or coordinator link.
    const notConsultant = await as.worker2!.post(`/api/cases/${kase.id}/process-coordinators`, {
      version: before.caseVersion,
      userId: as.worker3!.userId,
    });
    expect(notConsultant.statusCode).toBe(400);
    expect(notConsultant.json().fieldErrors.userId[0]).toBe('Kies een consulent van de gemeente.');
    expect(
      (
        await as.worker3!.post(`/api/cases/${kase.id}/process-coordinators`, {
          version: before.caseVersion,
          userId: consultant.userId,
        })
      ).statusCode,
    ).toBe(403);
    const linked = await as.worker2!.post(`/api/cases/${kase.id}/process-coordinators`, {
      version: before.caseVersion,
      userId: consultant.userId,
    });
    expect(linked.statusCode).toBe(200);
    expect(linked.json<Coordination>().processCoordinators.map((p) => p.id)).toEqual([consultant.userId]);

    // The case and the plan: yes, logged per person like every read. The journal, the coordination records, another case: no.
    const overview = await consultant.get(`/api/cases/${kase.id}`);
    expect(overview.statusCode).toBe(200);
    expect(overview.json<{ meldcode: unknown }>().meldcode).toBeNull();
    expect((await consultant.get(`/api/cases/${kase.id}/plan`)).statusCode).toBe(200);
    const reads = await logged(consultant.userId, 'case_file.viewed');
    expect(reads.map((l) => [l.case_id, l.person_id]).sort()).toEqual(
      [
        [kase.id, kase.adultId],
        [kase.id, kase.childId],
      ].sort(),
    );
    expect((await logged(consultant.userId, 'plan.viewed')).map((l) => l.case_id)).toContain(kase.id);
    for (const path of ['contacts', 'coordination', 'course'])
      expect([path, (await consultant.get(`/api/cases/${kase.id}/${path}`)).statusCode]).toEqual([path, 403]);
    expect((await consultant.get(`/api/cases/${other.id}`)).statusCode).toBe(403);
    expect(
      (await consultant.post(`/api/cases/${kase.id}/contacts`, { kind: 'phone', contactOn: '2026-01-01', note: 'x' }))
        .statusCode,
    ).toBe(403);
    const mine = (await consultant.get('/api/cases/mine')).json<{ cases: Array<{ id: string; myRole: string }> }>();
    expect(mine.cases).toEqual([expect.objectContaining({ id: kase.id, myRole: 'process_coordinator' })]);
    expect((await logged(as.worker2!.userId, 'case_file.process_coordinator_linked')).map((l) => l.case_id)).toContain(
      kase.id,
    );

    // Unlinked: the access ends at once.
    const now = await coordination(as.worker2!, kase.id);
    const unlinked = await as.worker2!.post(`/api/cases/${kase.id}/process-coordinators/unlink`, {
      version: now.caseVersion,
      userId: consultant.userId,
    });
    expect(unlinked.statusCode).toBe(200);
    expect(unlinked.json<Coordination>().processCoordinators).toEqual([]);
    expect((await consultant.get(`/api/cases/${kase.id}`)).statusCode).toBe(403);
    expect((await consultant.get('/api/cases/mine')).json<{ cases: unknown[] }>().cases).toEqual([]);
  });
});
