import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildCase, buildTenant, buildUser } from '../../../test/builders';
import { fillCase, TINY_PDF, yesterday } from '../../../test/privacy-fixtures';
import { createResidentAccount, residentLogin } from '../../../test/resident-fixtures';
import { startTestApp, type Agent, type TestApp } from '../../../test/test-app';
import { municipalDate } from '../../shared/clock';

/**
 * The resident portal end to end through the API: what the resident sees and does, the access-log row of every
 * action (resident as actor), what is never shown, the age rules and representatives, and bad input.
 */

let t: TestApp;
let tenant: { id: string; teamId: string };
let worker: Agent;
let kase: { id: string; adultId: string; childId: string; householdId: string };
let teenId: string;
let resident: Agent;
const ADULT_EMAIL = 'anna@testhuis.example';
const TEEN_EMAIL = 'cas@testhuis.example';
const today = () => municipalDate(new Date());

type PlanPage = {
  agreed: {
    number: number;
    version: number;
    goals: Array<{
      actions: Array<{ id: string; description: string; status: string; progressNote: string | null; own: boolean }>;
    }>;
  } | null;
  offered: { number: number; version: number } | null;
  canChangePlan: boolean;
  contact: { workerName: string; teamName: string; phone: string | null; email: string | null };
};

const accessRows = (event: string) =>
  t.db.inSystem((tx) =>
    tx
      .selectFrom('access_log')
      .select(['user_id', 'user_role', 'action', 'person_id', 'case_id', 'outcome', 'detail', 'data_category'])
      .where('event', '=', event)
      .orderBy('id')
      .execute(),
  );

function p(personId: string, rest = ''): string {
  return `/api/resident/persons/${personId}${rest}`;
}

beforeAll(async () => {
  t = await startTestApp();
  tenant = await buildTenant(t.db);
  const w = await buildUser(t.db, tenant, { roles: ['case_worker'] });
  worker = t.agent();
  expect(await worker.login(w.username, w.password)).toBe('done');
  kase = await buildCase(t.db, tenant, { caseWorkerId: w.id });
  // A teenager in the household as well (14).
  teenId = await t.db.inSystem(async (tx) => {
    const teen = await tx
      .insertInto('person')
      .values({
        tenant_id: tenant.id,
        first_name: 'Cas',
        infix: null,
        last_name: 'Testhuis',
        date_of_birth: '2012-03-01',
        bsn: null,
        postcode: null,
        house_number: null,
        house_number_addition: null,
        street: null,
        city: null,
        phone: null,
        email: null,
        preferred_language: null,
        created_by: null,
        updated_by: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await tx
      .insertInto('household_member')
      .values({ tenant_id: tenant.id, household_id: kase.householdId, person_id: teen.id, relation: 'child' })
      .execute();
    await tx
      .updateTable('team')
      .set({ contact_phone: '030-123 45 67', contact_email: 'wijkteam@test.example' })
      .where('id', '=', tenant.teamId)
      .execute();
    return teen.id;
  });
  const { goalId } = await fillCase(worker, kase.id, kase.adultId, kase.childId);
  // A consent of the child, and an action the worker does (not the household's own).
  expect(
    (
      await worker.post(`/api/cases/${kase.id}/consents`, {
        personId: kase.childId,
        recipient: 'Basisschool De Regenboog',
        scope: 'Schoolgegevens',
        form: 'verbal',
        givenOn: yesterday(),
      })
    ).statusCode,
  ).toBe(200);
  const draft = (await worker.get(`/api/cases/${kase.id}/plan`)).json<{ plan: { current: { version: number } } }>();
  expect(
    (
      await worker.post(`/api/cases/${kase.id}/plan/goals/${goalId}/actions`, {
        version: draft.plan.current.version,
        description: 'Contact met de schuldeiser',
        performer: 'case_worker_or_team',
      })
    ).statusCode,
  ).toBe(200);
  const withTwo = (await worker.get(`/api/cases/${kase.id}/plan`)).json<{ plan: { current: { version: number } } }>();
  expect(
    (
      await worker.post(`/api/cases/${kase.id}/plan/goals/${goalId}/actions`, {
        version: withTwo.plan.current.version,
        description: 'Elke maand het budgetoverzicht bijwerken',
        performer: 'self_with_aids',
      })
    ).statusCode,
  ).toBe(200);
  const ready = (await worker.get(`/api/cases/${kase.id}/plan`)).json<{ plan: { current: { version: number } } }>();
  const agreed = await worker.post(`/api/cases/${kase.id}/plan/agreement`, {
    version: ready.plan.current.version,
    form: 'verbal',
    agreedOn: today(),
    agreedByName: 'Anna Testhuis',
  });
  expect(agreed.statusCode, agreed.body).toBe(200);
  await createResidentAccount(worker, kase.id, kase.adultId, ADULT_EMAIL);
  resident = await residentLogin(t, ADULT_EMAIL);
});
afterAll(async () => {
  await t?.close();
});
beforeEach(() => t.clock.reset());

async function plan(agent: Agent = resident, personId = kase.adultId): Promise<PlanPage> {
  const r = await agent.get(p(personId, '/plan'));
  expect(r.statusCode, r.body).toBe(200);
  return r.json<PlanPage>();
}

describe('what the resident sees', () => {
  it('shows the agreed plan, the contact person and how to reach the team; each read is logged per household member with the resident as actor', async () => {
    const home = (await resident.get(p(kase.adultId, '/home'))).json();
    expect(home).toMatchObject({
      caseOpen: true,
      planAgreed: true,
      newVersionWaiting: false,
      contact: { teamName: 'Wijkteam Test', phone: '030-123 45 67', email: 'wijkteam@test.example' },
    });
    const page = await plan();
    expect(page.contact.workerName).toMatch(/^Test user-/);
    expect(page.agreed?.number).toBe(1);
    const actions = page.agreed?.goals.flatMap((g) => g.actions) ?? [];
    expect(actions.map((a) => [a.description, a.own])).toEqual([
      ['Budgetcursus', true],
      ['Contact met de schuldeiser', false],
      ['Elke maand het budgetoverzicht bijwerken', true],
    ]);
    const rows = (await accessRows('plan.viewed')).filter((r) => r.user_role === 'resident');
    expect(rows.length).toBeGreaterThanOrEqual(3);
    const last = rows.slice(-3);
    expect(new Set(last.map((r) => r.person_id))).toEqual(new Set([kase.adultId, kase.childId, teenId]));
    for (const r of last) {
      expect(r).toMatchObject({
        user_id: null,
        user_role: 'resident',
        action: 'read',
        case_id: kase.id,
        outcome: 'allowed',
      });
      expect(r.detail).toMatchObject({ actingPersonId: kase.adultId });
    }
  });

  it('never shows Meldcode records, internal notes, the network map or other household members’ data', async () => {
    // The file does hold all of these (so the test would notice a leak).
    const meldcodeRows = await t.db.inSystem((tx) =>
      tx
        .selectFrom('access_log')
        .select('id')
        .where('person_id', '=', kase.adultId)
        .where('data_category', '=', 'meldcode')
        .execute(),
    );
    expect(meldcodeRows.length).toBeGreaterThan(0);
    const bodies: string[] = [];
    for (const path of [
      '/home',
      '/plan',
      '/contacts',
      '/messages',
      '/documents',
      '/consents',
      '/access-log?period=year',
      '/copy-requests',
    ]) {
      const r = await resident.get(p(kase.adultId, path));
      expect([path, r.statusCode]).toEqual([path, 200]);
      bodies.push(r.body);
    }
    bodies.push((await resident.get('/api/resident/session')).body);
    const all = bodies.join('\n');
    expect(all).toContain('OPENBARE-NOTITIE');
    for (const hidden of [
      'MELDCODE-FEIT',
      'INTERNE-NOTITIE',
      'Oma Testhuis',
      '0612345678',
      'Basisschool De Regenboog',
      kase.childId,
      teenId,
    ])
      expect([hidden, all.includes(hidden)]).toEqual([hidden, false]);
    expect(all.toLowerCase()).not.toContain('meldcode');
    // The Meldcode accesses are still there, as a neutral look at the file.
    const log = (await resident.get(p(kase.adultId, '/access-log?period=year'))).json<{
      entries: Array<{ description: string }>;
    }>();
    expect(log.entries.some((e) => e.description === 'bekeek het dossier')).toBe(true);
    // Another member's data cannot be asked for without a representation: not found, and the attempt is logged.
    for (const other of [kase.childId, teenId]) {
      const r = await resident.get(p(other, '/consents'));
      expect(r.statusCode).toBe(404);
    }
    const denied = await accessRows('resident.access_denied');
    expect(denied.at(-1)).toMatchObject({ user_role: 'resident', outcome: 'denied', person_id: null });
  });

  it('logs every page the resident reads, with the resident as actor and the person concerned', async () => {
    const reads: Array<[string, string]> = [
      ['/home', 'resident.overview_viewed'],
      ['/contacts', 'contact_log.viewed'],
      ['/messages', 'resident_message.listed'],
      ['/documents', 'resident_documents.viewed'],
      ['/consents', 'consent.listed'],
      ['/access-log', 'access_log.resident_overview_viewed'],
      ['/copy-requests', 'avg_request.listed_in_portal'],
    ];
    for (const [path, event] of reads) {
      const before = (await accessRows(event)).length;
      expect((await resident.get(p(kase.adultId, path))).statusCode).toBe(200);
      const rows = (await accessRows(event)).slice(before);
      expect([event, rows.length > 0]).toEqual([event, true]);
      for (const row of rows)
        expect([event, row.user_id, row.user_role, row.outcome]).toEqual([event, null, 'resident', 'allowed']);
      expect([event, rows.some((r) => r.person_id === kase.adultId)]).toEqual([event, true]);
    }
  });

  it('lets the resident mark an own action done with a note; the worker sees it, and an action of someone else is refused', async () => {
    const page = await plan();
    const [own, theirs] = page.agreed?.goals.flatMap((g) => g.actions) ?? [];
    const version = page.agreed?.version ?? 0;
    const done = await resident.post(p(kase.adultId, `/plan/actions/${own?.id}/done`), {
      version,
      note: 'Eerste les gehad',
    });
    expect(done.statusCode, done.body).toBe(200);
    const after = done.json<PlanPage>().agreed?.goals.flatMap((g) => g.actions)[0];
    expect(after).toMatchObject({ status: 'done', progressNote: 'Via Mijn Nabij: Eerste les gehad' });
    const staffView = (await worker.get(`/api/cases/${kase.id}/plan`)).json<{
      plan: {
        current: { goals: Array<{ actions: Array<{ id: string; status: string; progressNote: string | null }> }> };
      };
    }>();
    expect(staffView.plan.current.goals.flatMap((g) => g.actions).find((a) => a.id === own?.id)).toMatchObject({
      status: 'done',
      progressNote: 'Via Mijn Nabij: Eerste les gehad',
    });
    expect((await accessRows('plan.action_done_by_resident')).at(-1)).toMatchObject({
      user_id: null,
      user_role: 'resident',
      action: 'update',
      case_id: kase.id,
    });
    // A stale page, and an action the worker does.
    expect((await resident.post(p(kase.adultId, `/plan/actions/${own?.id}/done`), { version })).statusCode).toBe(409);
    const notOwn = await resident.post(p(kase.adultId, `/plan/actions/${theirs?.id}/done`), { version: version + 1 });
    expect(notOwn.statusCode).toBe(403);
    expect(notOwn.json().code).toBe('resident_action_not_own');
  });

  it('sends a message that the worker sees in the case and marks read', async () => {
    const sent = await resident.post(p(kase.adultId, '/messages'), {
      body: 'Kunt u mij bellen over de brief van de woningcorporatie?',
    });
    expect(sent.statusCode, sent.body).toBe(201);
    expect(sent.json().messages[0]).toMatchObject({
      body: 'Kunt u mij bellen over de brief van de woningcorporatie?',
      readAt: null,
    });
    const portal = (await worker.get(`/api/cases/${kase.id}/resident-portal`)).json();
    expect(portal.unread).toBe(1);
    expect(portal.messages[0]).toMatchObject({
      senderName: 'Anna Testhuis',
      personName: 'Anna Testhuis',
      body: 'Kunt u mij bellen over de brief van de woningcorporatie?',
      readAt: null,
    });
    const read = await worker.post(`/api/cases/${kase.id}/resident-portal/messages/${portal.messages[0].id}/read`);
    expect(read.json().unread).toBe(0);
    expect((await resident.get(p(kase.adultId, '/messages'))).json().messages[0].readAt).not.toBeNull();
    const overview = (await worker.get(`/api/cases/${kase.id}`)).json<{
      timeline: Array<{ summary: string; byName: string | null }>;
    }>();
    expect(overview.timeline).toContainEqual(
      expect.objectContaining({ summary: 'Bericht van het huishouden via Mijn Nabij', byName: 'Anna Testhuis' }),
    );
    expect((await accessRows('resident_message.sent')).at(-1)).toMatchObject({
      user_role: 'resident',
      action: 'create',
      person_id: kase.adultId,
      case_id: kase.id,
    });
    expect((await accessRows('resident_message.read')).at(-1)).toMatchObject({
      user_role: 'case_worker',
      person_id: kase.adultId,
    });
  });

  it('takes the household’s own plan (text and a PDF) and an own statement; the worker sees both', async () => {
    const own = await resident.post(p(kase.adultId, '/own-plans'), {
      kind: 'family_group_plan',
      text: 'Wij willen samen de schulden aanpakken.',
      file: { filename: 'ons-plan.pdf', contentBase64: TINY_PDF },
    });
    expect(own.statusCode, own.body).toBe(201);
    const statement = await resident.post(p(kase.adultId, '/statements'), {
      statement: 'Ik ben het niet eens met wat er over de huur staat.',
    });
    expect(statement.statusCode, statement.body).toBe(201);
    expect(statement.json()).toMatchObject({
      ownPlans: [{ kind: 'family_group_plan', filename: 'ons-plan.pdf' }],
      statements: [{ statement: 'Ik ben het niet eens met wat er over de huur staat.', receivedOn: today() }],
    });
    const portal = (await worker.get(`/api/cases/${kase.id}/resident-portal`)).json();
    expect(portal.ownPlans[0]).toMatchObject({
      text: 'Wij willen samen de schulden aanpakken.',
      file: { filename: 'ons-plan.pdf' },
      senderName: 'Anna Testhuis',
    });
    expect(portal.statements[0]).toMatchObject({
      statement: 'Ik ben het niet eens met wat er over de huur staat.',
      personName: 'Anna Testhuis',
    });
    const file = await worker.get(`/api/cases/${kase.id}/resident-portal/own-plans/${portal.ownPlans[0].id}/file`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    const stored = await t.db.inSystem((tx) =>
      tx
        .selectFrom('resident_statement')
        .select(['recorded_by', 'via_portal', 'person_id'])
        .where('via_portal', '=', true)
        .execute(),
    );
    expect(stored).toEqual([{ recorded_by: null, via_portal: true, person_id: kase.adultId }]);
    expect((await accessRows('resident_own_plan.submitted')).at(-1)).toMatchObject({
      user_role: 'resident',
      action: 'create',
      person_id: kase.adultId,
    });
    expect((await accessRows('resident_statement.submitted')).at(-1)).toMatchObject({
      user_role: 'resident',
      action: 'create',
      person_id: kase.adultId,
    });
  });

  it('shows the consents and withdraws one; the worker sees it withdrawn', async () => {
    const list = (await resident.get(p(kase.adultId, '/consents'))).json<{
      consents: Array<{ id: string; recipient: string; active: boolean }>;
    }>();
    expect(list.consents).toEqual([expect.objectContaining({ recipient: 'Huisartsenpraktijk Noord', active: true })]);
    const id = list.consents[0]?.id ?? '';
    const withdrawn = await resident.post(p(kase.adultId, `/consents/${id}/withdrawal`));
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    expect(withdrawn.json().consents[0]).toMatchObject({ active: false, withdrawnOn: today() });
    const overview = (await worker.get(`/api/cases/${kase.id}`)).json<{
      consents: Array<{ id: string; withdrawnOn: string | null }>;
    }>();
    expect(overview.consents.find((c) => c.id === id)?.withdrawnOn).toBe(today());
    expect((await resident.post(p(kase.adultId, `/consents/${id}/withdrawal`))).statusCode).toBe(404);
    expect((await accessRows('consent.withdrawn_in_portal')).at(-1)).toMatchObject({
      user_role: 'resident',
      action: 'update',
      person_id: kase.adultId,
      case_id: kase.id,
    });
  });

  it('shows who accessed the file: when, organisation and role, what, basis; emergency access marked without its reason', async () => {
    const other = await buildTenantTeamWorker();
    const started = await other.post(`/api/cases/${kase.id}/emergency-access`, {
      reason: 'Crisis: VERTROUWELIJKE-REDEN van de medewerker',
      hours: 1,
    });
    expect(started.statusCode, started.body).toBe(201);
    expect((await other.get(`/api/cases/${kase.id}`)).statusCode).toBe(200);
    const log = (await resident.get(p(kase.adultId, '/access-log?period=month'))).json<{
      entries: Array<{ organisation: string; role: string; description: string; basis: string; emergency: boolean }>;
    }>();
    const emergency = log.entries.filter((e) => e.emergency);
    expect(emergency.length).toBeGreaterThan(0);
    expect(emergency[0]?.basis).toMatch(/^noodtoegang/);
    expect(JSON.stringify(log)).not.toContain('VERTROUWELIJKE-REDEN');
    expect(log.entries).toContainEqual(
      expect.objectContaining({
        role: 'Wijkteamwerker',
        description: 'bekeek het dossier',
        basis: 'taak van de gemeente volgens de wet (Wmo 2015, Jeugdwet)',
        emergency: false,
      }),
    );
    expect(log.entries[0]?.organisation).toMatch(/^Gemeente /);
    // Staff names are not shown; the resident's own use of the portal is not listed.
    expect(JSON.stringify(log)).not.toMatch(/Test user-/);
    expect(log.entries.some((e) => e.role === 'Inwoner (via Mijn Nabij)')).toBe(false);
    expect((await accessRows('access_log.resident_overview_viewed')).at(-1)).toMatchObject({
      user_role: 'resident',
      action: 'read',
      person_id: kase.adultId,
      data_category: 'access_log',
    });
  });

  it('requests a copy of the data: an inspection request in the privacy officer’s register; a second one is refused while open', async () => {
    const r = await resident.post(p(kase.adultId, '/copy-requests'));
    expect(r.statusCode, r.body).toBe(201);
    const request = r.json().requests[0];
    expect(request).toMatchObject({ open: true, status: 'received', receivedOn: today() });
    expect(request.reference).toMatch(/^AVG-\d{4}-\d{4}$/);
    const row = await t.db.inSystem((tx) =>
      tx
        .selectFrom('avg_request')
        .select(['kind', 'channel', 'created_by', 'identity_verified', 'person_id', 'submitted_by_account_id'])
        .where('reference', '=', request.reference)
        .executeTakeFirstOrThrow(),
    );
    expect(row).toMatchObject({
      kind: 'inspection',
      channel: 'portal',
      created_by: null,
      identity_verified: true,
      person_id: kase.adultId,
    });
    expect(row.submitted_by_account_id).not.toBeNull();
    const officer = await buildUser(t.db, tenant, { roles: ['privacy_officer'] });
    const privacy = t.agent();
    expect(await privacy.login(officer.username, officer.password)).toBe('done');
    const register = (await privacy.get('/api/avg/requests')).json<{
      requests: Array<{ reference: string; personName: string | null; kind: string }>;
    }>();
    expect(register.requests).toContainEqual(
      expect.objectContaining({ reference: request.reference, personName: 'Anna Testhuis', kind: 'inspection' }),
    );
    const again = await resident.post(p(kase.adultId, '/copy-requests'));
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('copy_request_open');
    expect((await accessRows('avg_request.submitted_in_portal')).at(-1)).toMatchObject({
      user_role: 'resident',
      action: 'create',
      person_id: kase.adultId,
    });
  });

  it('agrees digitally to a new version the worker offered; agreeing an outdated version is refused and nothing is stored', async () => {
    const current = (await worker.get(`/api/cases/${kase.id}/plan`)).json<{ plan: { current: { version: number } } }>();
    expect(
      (
        await worker.post(`/api/cases/${kase.id}/plan/revisions`, {
          version: current.plan.current.version,
          reason: 'Nieuwe afspraken na het gesprek',
        })
      ).statusCode,
    ).toBe(201);
    // Not offered yet: nothing to agree to.
    expect((await plan()).offered).toBeNull();
    expect(
      (
        await resident.post(p(kase.adultId, '/plan/agreement'), {
          number: 2,
          version: 1,
          typedName: 'Anna Testhuis',
          confirm: true,
        })
      ).json().code,
    ).toBe('resident_nothing_to_agree');
    const portal = (await worker.get(`/api/cases/${kase.id}/resident-portal`)).json();
    expect(portal.draft).toMatchObject({ number: 2, offeredAt: null });
    const offered = await worker.post(`/api/cases/${kase.id}/resident-portal/offer`, { version: portal.draft.version });
    expect(offered.statusCode, offered.body).toBe(200);
    const seen = (await plan()).offered;
    expect(seen?.number).toBe(2);

    // Meanwhile the worker changes the draft: what the resident saw is outdated.
    const draft = (await worker.get(`/api/cases/${kase.id}/plan`)).json<{ plan: { current: { version: number } } }>();
    expect(
      (
        await worker.post(`/api/cases/${kase.id}/plan/goals`, {
          version: draft.plan.current.version,
          domain: 'housing',
          problem: 'Huurachterstand',
          goal: 'Huur op tijd betalen',
        })
      ).statusCode,
    ).toBe(200);
    const stale = await resident.post(p(kase.adultId, '/plan/agreement'), {
      number: 2,
      version: seen?.version,
      typedName: 'Anna Testhuis',
      confirm: true,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toEqual({
      code: 'plan_version_outdated',
      message:
        'Het plan is intussen veranderd. Lees de nieuwste versie en geef dan opnieuw akkoord. Er is niets opgeslagen.',
    });
    const still = (await worker.get(`/api/cases/${kase.id}/plan`)).json<{
      plan: { current: { number: number; status: string } };
    }>();
    expect(still.plan.current).toMatchObject({ number: 2, status: 'draft' });
    // Agreeing to version 1 (the old one) is outdated as well; without the confirmation it is bad input.
    expect(
      (
        await resident.post(p(kase.adultId, '/plan/agreement'), {
          number: 1,
          version: 1,
          typedName: 'Anna Testhuis',
          confirm: true,
        })
      ).json().code,
    ).toBe('plan_version_outdated');
    const noConfirm = await resident.post(p(kase.adultId, '/plan/agreement'), {
      number: 2,
      version: 1,
      typedName: 'Anna Testhuis',
    });
    expect(noConfirm.statusCode).toBe(400);
    expect(noConfirm.json().fieldErrors.confirm).toEqual(['Zet een vinkje als u akkoord gaat met het plan.']);

    const fresh = (await plan()).offered;
    const ok = await resident.post(p(kase.adultId, '/plan/agreement'), {
      number: fresh?.number,
      version: fresh?.version,
      typedName: 'Anna Testhuis',
      confirm: true,
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({
      agreed: { number: 2, agreedByName: 'Anna Testhuis', agreedOn: today() },
      offered: null,
    });
    const staff = (await worker.get(`/api/cases/${kase.id}/plan`)).json<{
      plan: {
        current: {
          number: number;
          status: string;
          agreement: { form: string; recordedByName: string; note: string | null };
          document: unknown;
        };
        versions: Array<{ number: number; status: string }>;
      };
    }>();
    expect(staff.plan.current).toMatchObject({
      number: 2,
      status: 'agreed',
      agreement: {
        form: 'typed_signature',
        recordedByName: 'de inwoner zelf, via Mijn Nabij',
        note: 'Digitaal akkoord gegeven via Mijn Nabij.',
      },
    });
    expect(staff.plan.current.document).not.toBeNull();
    expect(staff.plan.versions.find((v) => v.number === 1)?.status).toBe('superseded');
    const v = await t.db.inSystem((tx) =>
      tx
        .selectFrom('plan_version')
        .select(['agreement_recorded_by', 'agreed_by_account_id'])
        .where('number', '=', 2)
        .where('status', '=', 'agreed')
        .executeTakeFirstOrThrow(),
    );
    expect(v.agreement_recorded_by).toBeNull();
    expect(v.agreed_by_account_id).not.toBeNull();
    expect((await accessRows('plan.agreed_in_portal')).at(-1)).toMatchObject({
      user_role: 'resident',
      action: 'update',
      case_id: kase.id,
    });
  });

  it('carries an action marked done into a new draft that is being prepared, so agreeing to it later undoes nothing', async () => {
    const current = (await worker.get(`/api/cases/${kase.id}/plan`)).json<{ plan: { current: { version: number } } }>();
    expect(
      (
        await worker.post(`/api/cases/${kase.id}/plan/revisions`, {
          version: current.plan.current.version,
          reason: 'Volgende stap',
        })
      ).statusCode,
    ).toBe(201);
    const page = await plan();
    const monthly = page.agreed?.goals
      .flatMap((g) => g.actions)
      .find((a) => a.description === 'Elke maand het budgetoverzicht bijwerken');
    const done = await resident.post(p(kase.adultId, `/plan/actions/${monthly?.id}/done`), {
      version: page.agreed?.version,
      note: 'Overzicht is bij',
    });
    expect(done.statusCode, done.body).toBe(200);
    const draft = (await worker.get(`/api/cases/${kase.id}/plan`)).json<{
      plan: {
        current: {
          number: number;
          status: string;
          goals: Array<{ actions: Array<{ description: string; status: string; progressNote: string | null }> }>;
        };
      };
    }>();
    expect(draft.plan.current).toMatchObject({ number: 3, status: 'draft' });
    expect(
      draft.plan.current.goals
        .flatMap((g) => g.actions)
        .find((a) => a.description === 'Elke maand het budgetoverzicht bijwerken'),
    ).toMatchObject({ status: 'done', progressNote: 'Via Mijn Nabij: Overzicht is bij' });
  });
});

describe('bad input: a clear message in plain Dutch, nothing stored', () => {
  it('refuses an upload of the wrong type', async () => {
    const count = async () =>
      (await t.db.inSystem((tx) => tx.selectFrom('resident_own_plan').select('id').execute())).length;
    const before = await count();
    const r = await resident.post(p(kase.adultId, '/own-plans'), {
      kind: 'personal_plan',
      file: { filename: 'plan.exe', contentBase64: Buffer.from('MZ dit is geen document').toString('base64') },
    });
    expect(r.statusCode).toBe(400);
    expect(r.json().fieldErrors.file).toEqual([
      'Dit soort bestand kunnen wij niet opslaan. Stuur een PDF of een foto (PNG of JPEG). Er is niets opgeslagen.',
    ]);
    expect(await count()).toBe(before);
    const empty = await resident.post(p(kase.adultId, '/own-plans'), { kind: 'personal_plan' });
    expect(empty.json().fieldErrors.text).toEqual(['Schrijf uw plan hier op, of kies een bestand met uw plan.']);
    expect(await count()).toBe(before);
  });

  it('refuses a representative without a recorded relation', async () => {
    const rows = async () =>
      (await t.db.inSystem((tx) => tx.selectFrom('resident_representation').select('id').execute())).length;
    const before = await rows();
    const r = await worker.post(`/api/cases/${kase.id}/resident-portal/representations`, {
      representativePersonId: kase.adultId,
      personId: kase.childId,
      evidence: 'Uittreksel gezagsregister gezien',
    });
    expect(r.statusCode).toBe(400);
    expect(r.json().fieldErrors.relation).toEqual([
      'Kies de relatie: ouder, voogd, mentor of curator. Zonder vastgelegde relatie kan niemand namens een ander inloggen.',
    ]);
    expect(await rows()).toBe(before);
  });
});

describe('age rules and representatives', () => {
  it('gives no own account to a child under 12, and no mentor to a child', async () => {
    const r = await worker.post(`/api/cases/${kase.id}/resident-portal/accounts`, {
      personId: kase.childId,
      email: 'bo@testhuis.example',
      identityChecked: true,
    });
    expect(r.statusCode).toBe(400);
    expect(r.json().fieldErrors.personId[0]).toMatch(/onder de 12/);
    const mentor = await worker.post(`/api/cases/${kase.id}/resident-portal/representations`, {
      representativePersonId: kase.adultId,
      personId: kase.childId,
      relation: 'mentor',
      evidence: 'Beschikking gezien',
    });
    expect(mentor.statusCode).toBe(400);
    expect(mentor.json().fieldErrors.relation[0]).toMatch(/alleen voor volwassenen/);
  });

  it('lets a parent act for a child under 12 once the relation is recorded: the child’s consents, not the household plan changes', async () => {
    const added = await worker.post(`/api/cases/${kase.id}/resident-portal/representations`, {
      representativePersonId: kase.adultId,
      personId: kase.childId,
      relation: 'parent',
      evidence: 'Uittreksel gezagsregister gezien',
    });
    expect(added.statusCode, added.body).toBe(200);
    expect(added.json().representations).toContainEqual(
      expect.objectContaining({
        representativeName: 'Anna Testhuis',
        personName: 'Bo Testhuis',
        relation: 'parent',
        stillValid: true,
      }),
    );
    const subjects = (await resident.get('/api/resident/session')).json().resident.subjects;
    expect(subjects).toContainEqual(
      expect.objectContaining({
        personId: kase.childId,
        self: false,
        relation: 'parent',
        allowed: true,
        canChangePlan: false,
      }),
    );
    const consents = (await resident.get(p(kase.childId, '/consents'))).json<{
      consents: Array<{ id: string; recipient: string }>;
    }>();
    expect(consents.consents.map((c) => c.recipient)).toEqual(['Basisschool De Regenboog']);
    expect((await resident.post(p(kase.childId, `/consents/${consents.consents[0]?.id}/withdrawal`))).statusCode).toBe(
      200,
    );
    const row = (await accessRows('consent.withdrawn_in_portal')).at(-1);
    expect(row).toMatchObject({ user_role: 'resident', person_id: kase.childId });
    expect(row?.detail).toMatchObject({ actingPersonId: kase.adultId });
    // For the child the household plan is read-only.
    const page = await plan(resident, kase.childId);
    expect(page.canChangePlan).toBe(false);
    const refused = await resident.post(p(kase.childId, '/copy-requests'));
    expect(refused.statusCode).toBe(201);
  });

  it('lets a 14-year-old act alone and the parent too, keeps their messages apart, and ends the parent’s access at 16', async () => {
    await createResidentAccount(worker, kase.id, teenId, TEEN_EMAIL);
    const teen = await residentLogin(t, TEEN_EMAIL);
    const subjects = (await teen.get('/api/resident/session')).json().resident.subjects;
    expect(subjects).toEqual([
      expect.objectContaining({ personId: teenId, self: true, allowed: true, canChangePlan: false, age: 14 }),
    ]);
    expect((await teen.get(p(teenId, '/plan'))).statusCode).toBe(200);
    const action = (await plan(teen, teenId)).agreed?.goals
      .flatMap((g) => g.actions)
      .find((a) => a.own && a.status !== 'done');
    const refused = await teen.post(p(teenId, `/plan/actions/${action?.id ?? kase.id}/done`), { version: 1 });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('resident_plan_adults_only');
    expect((await teen.post(p(teenId, '/messages'), { body: 'Bericht van Cas zelf' })).statusCode).toBe(201);

    expect(
      (
        await worker.post(`/api/cases/${kase.id}/resident-portal/representations`, {
          representativePersonId: kase.adultId,
          personId: teenId,
          relation: 'parent',
          evidence: 'Gezag volgens de BRP',
        })
      ).statusCode,
    ).toBe(200);
    const parentView = await resident.get(p(teenId, '/messages'));
    expect(parentView.statusCode).toBe(200);
    expect(parentView.body).not.toContain('Bericht van Cas zelf');

    // Cas turns 16: the parent no longer acts for him; recording it anew is refused too.
    const sixteen = `${Number(today().slice(0, 4)) - 16}${today().slice(4)}`;
    await t.db.inSystem((tx) =>
      tx.updateTable('person').set({ date_of_birth: sixteen }).where('id', '=', teenId).execute(),
    );
    const r = await resident.get(p(teenId, '/messages'));
    expect(r.statusCode).toBe(403);
    expect(r.json().code).toBe('resident_not_allowed');
    expect((await accessRows('resident.access_denied')).at(-1)).toMatchObject({
      user_role: 'resident',
      outcome: 'denied',
      person_id: teenId,
    });
    const seen = (await resident.get('/api/resident/session'))
      .json()
      .resident.subjects.find((s: { personId: string }) => s.personId === teenId);
    expect(seen).toMatchObject({ allowed: false, refusal: 'Vanaf 16 jaar regelt een jongere dit zelf.' });
    expect((await teen.get(p(teenId, '/messages'))).statusCode).toBe(200);
    const again = await worker.post(`/api/cases/${kase.id}/resident-portal/representations`, {
      representativePersonId: kase.adultId,
      personId: teenId,
      relation: 'legal_guardian',
      evidence: 'Beschikking gezien',
    });
    expect(again.statusCode).toBe(400);
    expect(again.json().fieldErrors.personId[0]).toMatch(/Vanaf 16 jaar/);
  });
});

/** A case worker of another team of the same municipality (no relation to the case): may use emergency access. */
async function buildTenantTeamWorker(): Promise<Agent> {
  const teamId = await t.db.inSystem(
    async (tx) =>
      (
        await tx
          .insertInto('team')
          .values({ tenant_id: tenant.id, name: 'Wijkteam Ander', area: 'Ander' })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id,
  );
  const u = await buildUser(t.db, { id: tenant.id, teamId }, { roles: ['case_worker'] });
  const agent = t.agent();
  expect(await agent.login(u.username, u.password)).toBe('done');
  return agent;
}
