import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '@nabij/contracts';
import { municipalDate } from '../../shared/clock';
import { buildCase, buildLoggedInUser, buildTeam, buildTenant } from '../../../test/builders';
import { startTestApp, type Agent, type TestApp } from '../../../test/test-app';

let t: TestApp;
let tenant: { id: string; slug: string; teamId: string };
let teamB: { id: string; teamId: string };
let kase: Awaited<ReturnType<typeof buildCase>>;
let kase2: Awaited<ReturnType<typeof buildCase>>;
const as: Record<string, Agent & { userId: string }> = {};
const today = municipalDate(new Date());
const inDays = (n: number) => new Date(Date.parse(`${today}T12:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
let todayMeeting: string;
let laterMeeting: string;

async function login(key: string, roles: Role[], forTenant: { id: string; teamId: string } = tenant) {
  const user = await buildLoggedInUser(t, forTenant, roles);
  as[key] = Object.assign(user.agent, { userId: user.id });
  return as[key];
}

interface Coordination {
  caseVersion: number;
  reviewItems: Array<{
    id: string;
    meetingId: string;
    questionKind: string;
    question: string;
    version: number;
    outcome: { advice: string; agreements: string | null } | null;
  }>;
  consultations: Array<{
    id: string;
    scientist: { id: string };
    advice: string | null;
    advisedOn: string | null;
    canAdvise: boolean;
    version: number;
  }>;
  agreedActions: Array<{
    id: string;
    party: string;
    status: string;
    overdue: boolean;
    lastCheckedOn: string | null;
    version: number;
  }>;
  transfers: Array<{
    id: string;
    kind: string;
    warmMeetingHeld: boolean | null;
    endedOn: string | null;
    version: number;
  }>;
  scalingDecisions: Array<{ direction: string; schakeloverleg: boolean; framework: string | null }>;
  tandem: { id: string } | null;
}
interface MeetingView {
  items: Array<{
    id: string;
    caseId: string;
    reference: string | null;
    contactPerson: string;
    questionKind: string;
    visible: boolean;
    householdName: string | null;
    question: string | null;
    outcome: { advice: string } | null;
    canRecordOutcome: boolean;
    version: number;
  }>;
}
const coordination = async (agent: Agent, caseId = kase.id) =>
  (await agent.get(`/api/cases/${caseId}/coordination`)).json<Coordination>();
const deniedFor = (userId: string, caseId: string) =>
  t.db.inSystem((tx) =>
    tx
      .selectFrom('access_log')
      .select(['event', 'data_category'])
      .where('user_id', '=', userId)
      .where('case_id', '=', caseId)
      .where('outcome', '=', 'denied')
      .execute(),
  );
const events = (userId: string, event: string) =>
  t.db.inSystem((tx) =>
    tx
      .selectFrom('access_log')
      .select(['case_id', 'person_id', 'detail'])
      .where('user_id', '=', userId)
      .where('event', '=', event)
      .execute(),
  );

beforeAll(async () => {
  t = await startTestApp();
  tenant = await buildTenant(t.db);
  teamB = await buildTeam(t.db, tenant);
  await login('worker', ['case_worker']);
  await login('colleague', ['case_worker']);
  await login('colleague2', ['case_worker']);
  await login('coordinator', ['team_coordinator']);
  await login('scientist', ['behavioural_scientist']);
  await login('consultant', ['municipal_consultant']);
  await login('scientistB', ['behavioural_scientist'], teamB);
  await login('scientistB2', ['behavioural_scientist'], teamB);
  await login('workerB', ['case_worker'], teamB);
  const other = await buildTenant(t.db);
  await login('stranger', ['case_worker'], other);
  kase = await buildCase(t.db, tenant, { caseWorkerId: as.worker!.userId, referralDomains: ['finances'] });
  kase2 = await buildCase(t.db, tenant, { caseWorkerId: as.worker!.userId });
});
afterAll(() => t.close());

describe('case review meetings (casuïstiekoverleg)', () => {
  it('are planned by team members for today or later, once per team per day', async () => {
    const r = await as.coordinator!.post('/api/case-reviews', { teamId: tenant.teamId, date: today });
    expect(r.statusCode).toBe(201);
    todayMeeting = r.json().id;
    const later = await as.worker!.post('/api/case-reviews', { teamId: tenant.teamId, date: inDays(14) });
    expect(later.statusCode).toBe(201);
    laterMeeting = later.json().id;

    const past = await as.coordinator!.post('/api/case-reviews', { teamId: tenant.teamId, date: inDays(-1) });
    expect(past.statusCode).toBe(400);
    expect(past.json().fieldErrors.date[0]).toContain('vandaag of een latere datum');
    const twice = await as.coordinator!.post('/api/case-reviews', { teamId: tenant.teamId, date: today });
    expect(twice.statusCode).toBe(400);
    expect(twice.json().fieldErrors.date[0]).toContain('al een casuïstiekoverleg');
    const noDate = await as.coordinator!.post('/api/case-reviews', { teamId: tenant.teamId, date: '' });
    expect(noDate.statusCode).toBe(400);
    expect(noDate.json().fieldErrors.date[0]).toBe('Vul de datum van het overleg in.');
    expect((await as.workerB!.post('/api/case-reviews', { teamId: tenant.teamId, date: inDays(2) })).statusCode).toBe(
      403,
    );

    const list = (await as.worker!.get('/api/case-reviews')).json().meetings as Array<{ id: string; date: string }>;
    expect(list.map((m) => m.date)).toEqual([today, inDays(14)]);
    expect((await as.workerB!.get('/api/case-reviews')).json().meetings).toEqual([]);
    expect((await as.consultant!.get('/api/case-reviews')).statusCode).toBe(403);
  });

  it('takes a case on the agenda only from the workers on the case; refusals are logged and store nothing', async () => {
    for (const key of ['colleague', 'coordinator', 'scientist'] as const) {
      const r = await as[key]!.post(`/api/cases/${kase.id}/case-review-items`, {
        meetingId: todayMeeting,
        questionKind: 'stagnation',
        question: 'Er gebeurt niets.',
      });
      expect(r.statusCode).toBe(403);
      expect((await deniedFor(as[key]!.userId, kase.id)).map((d) => d.event)).toContain('case_file.access_denied');
    }
    const bad = await as.worker!.post(`/api/cases/${kase.id}/case-review-items`, {
      meetingId: todayMeeting,
      questionKind: 'sideways',
      question: '',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fieldErrors.questionKind[0]).toBe('Kies waar de vraag over gaat.');
    expect(bad.json().fieldErrors.question[0]).toBe('Vul uw vraag aan het overleg in.');
    expect((await coordination(as.worker!)).reviewItems).toEqual([]);

    const r = await as.worker!.post(`/api/cases/${kase.id}/case-review-items`, {
      meetingId: todayMeeting,
      questionKind: 'scale_up',
      question: 'Moeten we opschalen nu de huurschuld oploopt?',
    });
    expect(r.statusCode).toBe(200);
    expect(r.json<Coordination>().reviewItems).toMatchObject([
      { meetingId: todayMeeting, questionKind: 'scale_up', outcome: null },
    ]);
    const again = await as.worker!.post(`/api/cases/${kase.id}/case-review-items`, {
      meetingId: todayMeeting,
      questionKind: 'method',
      question: 'Nog een vraag',
    });
    expect(again.statusCode).toBe(400);
    expect(again.json().fieldErrors.meetingId[0]).toContain('staat al op de agenda');
  });

  it('puts a case on the next meeting when none is chosen, e.g. a closure the worker doubts', async () => {
    const r = await as.worker!.post(`/api/cases/${kase2.id}/case-review-items`, {
      questionKind: 'closure',
      question: 'Gaat er iets mis als ik eruit stap? Ik twijfel.',
    });
    expect(r.statusCode).toBe(200);
    expect(r.json<Coordination>().reviewItems[0]).toMatchObject({ meetingId: todayMeeting, questionKind: 'closure' });
  });

  it('shows the household name and question only to those who may see the case (need to know)', async () => {
    const coordinatorView = (await as.coordinator!.get(`/api/case-reviews/${todayMeeting}`)).json<MeetingView>();
    const item = coordinatorView.items.find((i) => i.caseId === kase.id)!;
    expect(item).toMatchObject({
      visible: true,
      householdName: 'Huishouden Testhuis',
      question: 'Moeten we opschalen nu de huurschuld oploopt?',
      contactPerson: `Test ${await userName(as.worker!.userId)}`,
      canRecordOutcome: true,
    });
    expect(item.reference).toMatch(/^AM-TEST-/);

    const colleagueView = (await as.colleague!.get(`/api/case-reviews/${todayMeeting}`)).json<MeetingView>();
    const limited = colleagueView.items.find((i) => i.caseId === kase.id)!;
    expect(limited).toMatchObject({
      visible: false,
      householdName: null,
      question: null,
      outcome: null,
      canRecordOutcome: false,
      questionKind: 'scale_up',
    });
    expect(limited.reference).toBe(item.reference);
    expect(limited.contactPerson).toBe(item.contactPerson);
    const logged = await events(as.colleague!.userId, 'case_review.agenda_viewed');
    expect(logged.filter((l) => l.case_id === kase.id).map((l) => l.person_id)).toEqual([null]);

    expect((await as.workerB!.get(`/api/case-reviews/${todayMeeting}`)).statusCode).toBe(404);
    expect((await as.stranger!.get(`/api/case-reviews/${todayMeeting}`)).statusCode).toBe(404);
  });

  it('records the outcome in the case; a stale version is refused and a colleague outside the case may not', async () => {
    const item = (await as.coordinator!.get(`/api/case-reviews/${todayMeeting}`))
      .json<MeetingView>()
      .items.find((i) => i.caseId === kase.id)!;
    const colleague = await as.colleague!.put(`/api/case-reviews/${todayMeeting}/items/${item.id}/outcome`, {
      version: item.version,
      advice: 'Niet mijn zaak',
    });
    expect(colleague.statusCode).toBe(403);
    const empty = await as.coordinator!.put(`/api/case-reviews/${todayMeeting}/items/${item.id}/outcome`, {
      version: item.version,
      advice: ' ',
    });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().fieldErrors.advice[0]).toBe('Vul het advies of besluit in.');

    const r = await as.coordinator!.put(`/api/case-reviews/${todayMeeting}/items/${item.id}/outcome`, {
      version: item.version,
      advice: 'Opschalen naar schuldhulpverlening; eerst een warme overdracht.',
      agreements: 'Gesprek met de woningcorporatie over een betalingsregeling',
      agreementsBy: 'Casemanager, binnen twee weken',
    });
    expect(r.statusCode).toBe(200);
    expect(r.json<MeetingView>().items.find((i) => i.id === item.id)!.outcome).toMatchObject({
      advice: 'Opschalen naar schuldhulpverlening; eerst een warme overdracht.',
    });

    const stale = await as.worker!.put(`/api/case-reviews/${todayMeeting}/items/${item.id}/outcome`, {
      version: item.version,
      advice: 'Overschreven?',
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('version_conflict');

    const mine = await coordination(as.worker!);
    expect(mine.reviewItems[0]!.outcome).toMatchObject({
      advice: 'Opschalen naar schuldhulpverlening; eerst een warme overdracht.',
      agreements: 'Gesprek met de woningcorporatie over een betalingsregeling',
    });
    const timeline = (await as.worker!.get(`/api/cases/${kase.id}`)).json().timeline as Array<{
      kind: string;
      summary: string;
    }>;
    expect(timeline.find((e) => e.kind === 'case_review_outcome')?.summary).toContain(
      'Opschalen naar schuldhulpverlening',
    );
    expect(timeline.some((e) => e.kind === 'case_review' && e.summary.includes('opschalen'))).toBe(true);
    expect((await events(as.coordinator!.userId, 'case_review.outcome_recorded')).length).toBe(2); // one row per person of the household
  });

  it('takes no outcome before the meeting has been held, and a case off the agenda only without outcome', async () => {
    const put = await as.worker!.post(`/api/cases/${kase.id}/case-review-items`, {
      meetingId: laterMeeting,
      questionKind: 'peer_review',
      question: 'Graag collegiale toetsing van het plan.',
    });
    const later = put.json<Coordination>().reviewItems.find((i) => i.meetingId === laterMeeting)!;
    const early = await as.coordinator!.put(`/api/case-reviews/${laterMeeting}/items/${later.id}/outcome`, {
      version: later.version,
      advice: 'Te vroeg',
    });
    expect(early.statusCode).toBe(400);
    expect(early.json().fieldErrors.advice[0]).toContain('nog niet geweest');

    const decided = (await coordination(as.worker!)).reviewItems.find((i) => i.meetingId === todayMeeting)!;
    const refused = await as.worker!.delete(
      `/api/cases/${kase.id}/case-review-items/${decided.id}?version=${decided.version}`,
    );
    expect(refused.statusCode).toBe(400);
    const off = await as.worker!.delete(`/api/cases/${kase.id}/case-review-items/${later.id}?version=${later.version}`);
    expect(off.statusCode).toBe(200);
    expect(off.json<Coordination>().reviewItems.map((i) => i.meetingId)).toEqual([todayMeeting]);
  });
});

describe('consultations with the behavioural scientist', () => {
  it('give the consulted scientist of another team access to the case; an unconsulted one stays out and is logged', async () => {
    expect((await as.scientistB!.get(`/api/cases/${kase.id}`)).statusCode).toBe(403);
    expect((await deniedFor(as.scientistB!.userId, kase.id)).length).toBeGreaterThan(0);

    const bad = await as.worker!.post(`/api/cases/${kase.id}/consultations`, {
      scientistId: as.colleague!.userId,
      question: 'Hoe verder?',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fieldErrors.scientistId[0]).toContain('gedragswetenschapper');

    const r = await as.worker!.post(`/api/cases/${kase.id}/consultations`, {
      scientistId: as.scientistB!.userId,
      question: 'Hoe ondersteunen we moeder bij de structuur in huis?',
    });
    expect(r.statusCode).toBe(200);
    expect((await as.scientistB!.get(`/api/cases/${kase.id}`)).statusCode).toBe(200);
    expect((await as.scientistB!.get(`/api/cases/${kase2.id}`)).statusCode).toBe(403);
    expect((await as.scientistB2!.get(`/api/cases/${kase.id}`)).statusCode).toBe(403);
    expect((await deniedFor(as.scientistB2!.userId, kase.id)).map((d) => d.event)).toContain('case_file.access_denied');
    // Viewing is not working on the case.
    expect(
      (await as.scientistB!.post(`/api/cases/${kase.id}/agreed-actions`, { party: 'X', action: 'Y' })).statusCode,
    ).toBe(403);

    const mine = (await as.scientistB!.get('/api/consultations/mine')).json().consultations as Array<{
      caseId: string;
      householdName: string;
      advisedOn: string | null;
    }>;
    expect(mine).toMatchObject([{ caseId: kase.id, householdName: 'Huishouden Testhuis', advisedOn: null }]);
  });

  it('lets only the consulted scientist record the advice with its date, which is logged in the case', async () => {
    const c = (await coordination(as.scientistB!)).consultations[0]!;
    expect(c.canAdvise).toBe(true);
    const teamScientist = await as.scientist!.put(`/api/cases/${kase.id}/consultations/${c.id}/advice`, {
      version: c.version,
      advice: 'Mijn advies',
      advisedOn: today,
    });
    expect(teamScientist.statusCode).toBe(403);
    expect((await deniedFor(as.scientist!.userId, kase.id)).length).toBeGreaterThan(0);
    const future = await as.scientistB!.put(`/api/cases/${kase.id}/consultations/${c.id}/advice`, {
      version: c.version,
      advice: 'Advies',
      advisedOn: inDays(3),
    });
    expect(future.statusCode).toBe(400);
    expect(future.json().fieldErrors.advisedOn[0]).toBe('Deze datum ligt in de toekomst.');

    const r = await as.scientistB!.put(`/api/cases/${kase.id}/consultations/${c.id}/advice`, {
      version: c.version,
      advice: 'Werk met een vaste weekstructuur en betrek de oma.',
      advisedOn: today,
    });
    expect(r.statusCode).toBe(200);
    expect(r.json<Coordination>().consultations[0]).toMatchObject({
      advice: 'Werk met een vaste weekstructuur en betrek de oma.',
      advisedOn: today,
    });
    const timeline = (await as.worker!.get(`/api/cases/${kase.id}`)).json().timeline as Array<{
      kind: string;
      summary: string;
      byName: string | null;
    }>;
    expect(timeline.find((e) => e.kind === 'consultation_advice')?.summary).toContain('vaste weekstructuur');
    expect((await events(as.scientistB!.userId, 'consultation.advised')).length).toBe(2);
  });
});

describe('coordination and escalation', () => {
  it('keeps the agreed actions of involved parties, with concurrency on changes', async () => {
    const add = await as.worker!.post(`/api/cases/${kase.id}/agreed-actions`, {
      party: 'Woningcorporatie',
      action: 'Betalingsregeling voorstellen',
      dueOn: inDays(-2),
    });
    expect(add.statusCode).toBe(200);
    const a = add.json<Coordination>().agreedActions[0]!;
    expect(a).toMatchObject({ party: 'Woningcorporatie', status: 'open', overdue: true, lastCheckedOn: null });
    const empty = await as.worker!.post(`/api/cases/${kase.id}/agreed-actions`, { party: '', action: '' });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().fieldErrors.party[0]).toContain('Vul de partij');

    const future = await as.worker!.put(`/api/cases/${kase.id}/agreed-actions/${a.id}`, {
      version: a.version,
      party: 'Woningcorporatie',
      action: 'Betalingsregeling voorstellen',
      status: 'done',
      lastCheckedOn: inDays(1),
    });
    expect(future.statusCode).toBe(400);
    expect(future.json().fieldErrors.lastCheckedOn[0]).toBe('Deze datum ligt in de toekomst.');
    const done = await as.coordinator!.put(`/api/cases/${kase.id}/agreed-actions/${a.id}`, {
      version: a.version,
      party: 'Woningcorporatie',
      action: 'Betalingsregeling voorstellen',
      dueOn: inDays(-2),
      status: 'done',
      lastCheckedOn: today,
    });
    expect(done.statusCode).toBe(200);
    expect(done.json<Coordination>().agreedActions[0]).toMatchObject({
      status: 'done',
      overdue: false,
      lastCheckedOn: today,
    });
    const stale = await as.worker!.put(`/api/cases/${kase.id}/agreed-actions/${a.id}`, {
      version: a.version,
      party: 'Woningcorporatie',
      action: 'Iets anders',
      status: 'open',
    });
    expect(stale.statusCode).toBe(409);
    expect((await coordination(as.worker!)).agreedActions[0]).toMatchObject({ status: 'done' });
  });

  it('records a warm handover (meeting held or not) and a tandem construction that can end', async () => {
    const missing = await as.worker!.post(`/api/cases/${kase.id}/care-transfers`, {
      kind: 'warm_handover',
      organisation: 'GGZ',
      what: 'Behandeling',
      onDate: today,
    });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().fieldErrors.warmMeetingHeld[0]).toContain('warm overdrachtsgesprek');
    const handover = await as.worker!.post(`/api/cases/${kase.id}/care-transfers`, {
      kind: 'warm_handover',
      organisation: 'Schuldhulpverlening',
      what: 'Schuldregeling',
      onDate: today,
      warmMeetingHeld: true,
    });
    expect(handover.statusCode).toBe(200);
    const tandem = await as.worker!.post(`/api/cases/${kase.id}/care-transfers`, {
      kind: 'tandem_construction',
      organisation: 'Jeugdhulp',
      what: 'Gezinsbehandeling',
      onDate: inDays(-30),
    });
    const tc = tandem.json<Coordination>().transfers.find((x) => x.kind === 'tandem_construction')!;
    const end = await as.worker!.post(`/api/cases/${kase.id}/care-transfers/${tc.id}/end`, {
      version: tc.version,
      endedOn: inDays(-40),
    });
    expect(end.statusCode).toBe(400);
    expect(end.json().fieldErrors.endedOn[0]).toContain('voor de startdatum');
    const ended = await as.worker!.post(`/api/cases/${kase.id}/care-transfers/${tc.id}/end`, {
      version: tc.version,
      endedOn: today,
    });
    expect(ended.json<Coordination>().transfers.find((x) => x.id === tc.id)!.endedOn).toBe(today);
    const timeline = (await as.worker!.get(`/api/cases/${kase.id}`)).json().timeline as Array<{
      kind: string;
      summary: string;
    }>;
    expect(timeline.filter((e) => e.kind === 'tandem_construction').map((e) => e.summary)).toEqual(
      expect.arrayContaining(['Tandemconstructie met Jeugdhulp beëindigd']),
    );
    expect(timeline.find((e) => e.kind === 'handover')?.summary).toBe(
      'Overdracht aan Schuldhulpverlening met warm overdrachtsgesprek',
    );
  });

  it('requires the framework decided in a schakeloverleg, and stores nothing without it', async () => {
    const base = {
      direction: 'up',
      reason: 'Onveilige situatie voor Bo',
      toOrganisation: 'Raad voor de Kinderbescherming',
      decidedOn: today,
      schakeloverleg: true,
    };
    const noFramework = await as.worker!.post(`/api/cases/${kase.id}/scaling-decisions`, {
      ...base,
      schakeloverlegOn: today,
    });
    expect(noFramework.statusCode).toBe(400);
    expect(noFramework.json().fieldErrors.framework[0]).toContain('vrijwillig of gedwongen');
    const down = await as.worker!.post(`/api/cases/${kase.id}/scaling-decisions`, {
      ...base,
      direction: 'down',
      framework: 'voluntary',
      schakeloverlegOn: today,
    });
    expect(down.statusCode).toBe(400);
    expect(down.json().fieldErrors.direction[0]).toContain('opschalen');
    expect((await coordination(as.worker!)).scalingDecisions).toEqual([]);

    const ok = await as.worker!.post(`/api/cases/${kase.id}/scaling-decisions`, {
      ...base,
      framework: 'compulsory',
      schakeloverlegOn: today,
      participants: 'Raad, gemeente, ouders',
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json<Coordination>().scalingDecisions).toMatchObject([
      { direction: 'up', schakeloverleg: true, framework: 'compulsory' },
    ]);
    const downOk = await as.worker!.post(`/api/cases/${kase.id}/scaling-decisions`, {
      direction: 'down',
      reason: 'Stabiel',
      toOrganisation: 'Buurthuis',
      decidedOn: today,
    });
    expect(downOk.statusCode).toBe(200);
    const timeline = (await as.worker!.get(`/api/cases/${kase.id}`)).json().timeline as Array<{
      kind: string;
      summary: string;
    }>;
    expect(timeline.find((e) => e.kind === 'schakeloverleg')?.summary).toBe(
      'Schakeloverleg met de Raad voor de Kinderbescherming: gedwongen kader',
    );
  });

  it('lets only the team coordinator set the tandem worker, from the team, with concurrency', async () => {
    const version = (await coordination(as.worker!)).caseVersion;
    const byWorker = await as.worker!.put(`/api/cases/${kase.id}/tandem-worker`, {
      version,
      tandemWorkerId: as.colleague2!.userId,
    });
    expect(byWorker.statusCode).toBe(403);
    expect((await deniedFor(as.worker!.userId, kase.id)).map((d) => d.event)).toContain('case_file.access_denied');
    const self = await as.coordinator!.put(`/api/cases/${kase.id}/tandem-worker`, {
      version,
      tandemWorkerId: as.worker!.userId,
    });
    expect(self.statusCode).toBe(400);
    const outside = await as.coordinator!.put(`/api/cases/${kase.id}/tandem-worker`, {
      version,
      tandemWorkerId: as.workerB!.userId,
    });
    expect(outside.statusCode).toBe(400);
    expect(outside.json().fieldErrors.tandemWorkerId[0]).toContain('team van dit dossier');

    expect((await as.colleague2!.get(`/api/cases/${kase.id}`)).statusCode).toBe(403);
    const r = await as.coordinator!.put(`/api/cases/${kase.id}/tandem-worker`, {
      version,
      tandemWorkerId: as.colleague2!.userId,
    });
    expect(r.statusCode).toBe(200);
    expect(r.json<Coordination>().tandem?.id).toBe(as.colleague2!.userId);
    expect((await as.colleague2!.get(`/api/cases/${kase.id}`)).json().tandem.id).toBe(as.colleague2!.userId);
    const stale = await as.coordinator!.put(`/api/cases/${kase.id}/tandem-worker`, { version, tandemWorkerId: null });
    expect(stale.statusCode).toBe(409);
  });
});

describe('signals to policy', () => {
  it('refuses personal data in a signal and stores nothing', async () => {
    const r = await as.worker!.post('/api/policy-signals', {
      kind: 'service_gap',
      lifeDomain: 'finances',
      description: 'Anna kan nergens terecht voor schuldhulp',
      caseId: kase.id,
    });
    expect(r.statusCode).toBe(400);
    expect(r.json().fieldErrors.description[0]).toContain('Anna');
    const bsn = await as.worker!.post('/api/policy-signals', {
      kind: 'law_gap',
      lifeDomain: 'finances',
      description: 'Persoon 123456782 valt tussen wal en schip',
    });
    expect(bsn.statusCode).toBe(400);
    expect((await as.worker!.get('/api/policy-signals/mine')).json().signals).toEqual([]);
    const noKind = await as.worker!.post('/api/policy-signals', { lifeDomain: 'finances', description: 'Iets' });
    expect(noKind.json().fieldErrors.kind[0]).toBe('Kies wat voor signaal het is.');
  });

  it('holds no case link for those who may not see the case; the coordinator sees it and forwards it', async () => {
    const r = await as.worker!.post('/api/policy-signals', {
      kind: 'service_gap',
      lifeDomain: 'finances',
      description: 'Zzp’ers met schulden kunnen niet bij de schuldhulp terecht zolang hun bedrijf loopt.',
      caseId: kase.id,
    });
    expect(r.statusCode).toBe(201);
    expect(r.json().signals[0].case).toMatchObject({ id: kase.id });
    await as.colleague!.post('/api/policy-signals', {
      kind: 'law_gap',
      lifeDomain: 'housing',
      description: 'De kostendelersnorm ontmoedigt inwoning bij familie.',
    });

    const consultant = (await as.consultant!.get('/api/policy-signals')).json();
    expect(consultant.signals).toHaveLength(2);
    expect(
      consultant.signals.every((s: { case: unknown; canForward: boolean }) => s.case === null && !s.canForward),
    ).toBe(true);
    expect(JSON.stringify(consultant)).not.toContain(kase.id);
    expect(consultant.summary).toEqual(
      expect.arrayContaining([
        { kind: 'service_gap', lifeDomain: 'finances', count: 1 },
        { kind: 'law_gap', lifeDomain: 'housing', count: 1 },
      ]),
    );

    const coordinator = (await as.coordinator!.get('/api/policy-signals')).json();
    const linked = coordinator.signals.find((s: { kind: string }) => s.kind === 'service_gap');
    expect(linked.case).toMatchObject({ id: kase.id });
    expect(linked.canForward).toBe(true);

    expect((await as.colleague!.get('/api/policy-signals')).statusCode).toBe(403);
    const colleagueOwn = (await as.colleague!.get('/api/policy-signals/mine')).json().signals;
    expect(colleagueOwn).toHaveLength(1);
    expect((await as.workerB!.get('/api/policy-signals/mine')).json().signals).toEqual([]);

    expect(
      (await as.consultant!.post(`/api/policy-signals/${linked.id}/forward`, { version: linked.version })).statusCode,
    ).toBe(403);
    const forwarded = await as.coordinator!.post(`/api/policy-signals/${linked.id}/forward`, {
      version: linked.version,
    });
    expect(forwarded.statusCode).toBe(200);
    expect(forwarded.json().signals.find((s: { id: string }) => s.id === linked.id).forwardedOn).toBe(today);
    expect((await as.stranger!.get('/api/policy-signals/mine')).json().signals).toEqual([]);
  });
});

async function userName(id: string): Promise<string> {
  const u = await t.db.inSystem((tx) =>
    tx.selectFrom('app_user').select('username').where('id', '=', id).executeTakeFirstOrThrow(),
  );
  return u.username;
}
