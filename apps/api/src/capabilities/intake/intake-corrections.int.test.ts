// Issue #17 items 4, 5, 10 and 18: completing and correcting a referral, closing it without a case with a reason,
// the household's language and interpreter from the start, and consultations without a case ("even overleggen").
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '@nabij/contracts';
import { municipalDate } from '../../shared/clock';
import { buildLoggedInUser, buildTenant, nextTestBsn } from '../../../test/builders';
import { pdfText } from '../../../test/pdf-text';
import { startTestApp, type Agent, type TestApp } from '../../../test/test-app';

let t: TestApp;
let tenant: { id: string; slug: string; teamId: string };
const users: Record<string, { id: string; agent: Agent }> = {};

async function loggedIn(key: string, roles: Role[]) {
  users[key] = await buildLoggedInUser(t, tenant, roles);
  return users[key].agent;
}
const desk = () => users.desk!.agent;
const coordinator = () => users.coordinator!.agent;
const today = () => municipalDate(new Date());

const publicReferral = (overrides: Record<string, unknown> = {}) => ({
  teamId: tenant.teamId,
  referrerKind: 'professional',
  referrer: {
    name: 'J. Bakker',
    organisation: 'Basisschool De Regenboog',
    phone: '030-1112233',
    email: 'ib@regenboog.example.org',
  },
  residents: [{ firstName: 'Nadia', lastName: 'Haddad', phone: '0611223344' }],
  children: [{ firstName: 'Sami', age: 8 }],
  lifeDomains: ['parenting', 'finances'],
  question: 'Moeder vraagt hulp bij de opvoeding en de post.',
  // "Weet ik niet": the referrer cannot tell whether children are at risk.
  childrenAtRisk: 'unknown',
  residentAwareness: 'unknown',
  attachments: [],
  idempotencyKey: crypto.randomUUID(),
  ...overrides,
});

async function receive(overrides: Record<string, unknown> = {}) {
  const r = await t.agent().post(`/api/public/referrals/${tenant.slug}`, publicReferral(overrides));
  expect(r.statusCode).toBe(201);
  const id = (await desk().get('/api/referrals'))
    .json()
    .referrals.find((x: { reference: string }) => x.reference === r.json().reference).id as string;
  return (await desk().get(`/api/referrals/${id}`)).json();
}

async function regiecheck(view: { id: string; version: number; residents: Array<{ id: string }> }) {
  const r = await desk().post(`/api/referrals/${view.id}/regiecheck`, {
    version: view.version,
    links: view.residents.map((p) => ({ referralPersonId: p.id, personId: null })),
    householdId: null,
  });
  expect(r.statusCode).toBe(200);
  return r.json();
}

async function onAgenda(view: { id: string; version: number }) {
  const complete = await desk().post(`/api/referrals/${view.id}/status`, { status: 'complete', version: view.version });
  expect(complete.statusCode).toBe(200);
  const meeting = (
    await coordinator().post('/api/meetings', {
      teamId: tenant.teamId,
      date: today(),
      chairUserId: users.coordinator!.id,
      participants: [],
    })
  ).json();
  const agenda = (await coordinator().post(`/api/meetings/${meeting.id}/items`, { referralId: view.id })).json();
  return {
    meetingId: meeting.id as string,
    item: agenda.items.find((i: { referralId: string }) => i.referralId === view.id),
  };
}

const accessEvents = (referralId: string) =>
  t.db.inSystem(async (tx) =>
    (
      await tx
        .selectFrom('access_log')
        .select(['event', 'detail'])
        .where('tenant_id', '=', tenant.id)
        .orderBy('id')
        .execute()
    ).filter((r) => (r.detail as { referralId?: string } | null)?.referralId === referralId),
  );

beforeAll(async () => {
  t = await startTestApp();
  tenant = await buildTenant(t.db);
  await loggedIn('desk', ['intake_desk']);
  await loggedIn('coordinator', ['team_coordinator']);
  await loggedIn('worker', ['case_worker']);
  await loggedIn('host', ['volunteer_host']);
});
afterAll(async () => t.close());

describe('completing and correcting a referral after it came in (item 4)', () => {
  it('corrects date of birth, address with addition, phone and awareness with a reason: versioned, logged, in the history', async () => {
    let view = await receive();
    const [resident, child] = view.residents as Array<{ id: string; role: string }>;
    expect(child!.role).toBe('household_member');
    expect(view.checklist.find((i: { key: string }) => i.key === 'resident_address').done).toBe(false);

    const correction = {
      version: view.version,
      reason: 'Moeder teruggebeld: gegevens aangevuld.',
      residents: [
        {
          id: resident!.id,
          dateOfBirth: '1988-02-14',
          street: 'Lindelaan',
          houseNumber: '12',
          houseNumberAddition: 'bis',
          postcode: '3512 cd',
          city: 'Voorbeeld',
          phone: '0699887766',
        },
        { id: child!.id, dateOfBirth: '2018-05-01' },
      ],
      residentAwareness: 'agrees',
    };
    const corrected = await desk().post(`/api/referrals/${view.id}/correction`, correction);
    expect(corrected.statusCode).toBe(200);
    view = corrected.json();
    expect(view.version).toBe(Number(correction.version) + 1);
    expect(view.residents[0]).toMatchObject({
      dateOfBirth: '1988-02-14',
      street: 'Lindelaan',
      houseNumber: '12',
      houseNumberAddition: 'bis',
      postcode: '3512CD',
      phone: '0699887766',
    });
    expect(view.residents[1]).toMatchObject({ dateOfBirth: '2018-05-01', age: 8 });
    expect(view.residentAwareness).toBe('agrees');
    expect(view.checklist.find((i: { key: string }) => i.key === 'resident_address').done).toBe(true);
    // The history: one save, with its reason, who, and each field from old to new.
    expect(view.corrections).toHaveLength(1);
    expect(view.corrections[0]).toMatchObject({
      reason: 'Moeder teruggebeld: gegevens aangevuld.',
      byName: expect.any(String),
    });
    expect(view.corrections[0].fields).toEqual(
      expect.arrayContaining([
        { field: 'phone', personLabel: 'Nadia Haddad', oldValue: '0611223344', newValue: '0699887766' },
        { field: 'houseNumberAddition', personLabel: 'Nadia Haddad', oldValue: null, newValue: 'bis' },
        { field: 'dateOfBirth', personLabel: 'Sami', oldValue: null, newValue: '2018-05-01' },
        { field: 'residentAwareness', personLabel: null, oldValue: 'unknown', newValue: 'agrees' },
      ]),
    );
    expect((await accessEvents(view.id)).map((e) => e.event)).toContain('referral.corrected');

    // A stale write (someone else saved first) is a conflict and changes nothing.
    const stale = await desk().post(`/api/referrals/${view.id}/correction`, {
      ...correction,
      residents: [{ id: resident!.id, phone: '0600000000' }],
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('version_conflict');
    const after = (await desk().get(`/api/referrals/${view.id}`)).json();
    expect(after.residents[0].phone).toBe('0699887766');
    expect(after.version).toBe(view.version);

    // Nothing changed, or no reason: a clear Dutch error next to the field.
    const same = await desk().post(`/api/referrals/${view.id}/correction`, {
      version: view.version,
      reason: 'Controle',
      residents: [{ id: resident!.id, phone: '0699887766' }],
    });
    expect(same.statusCode).toBe(400);
    expect(same.json().fieldErrors.reason[0]).toContain('niets gewijzigd');
    const noReason = await desk().post(`/api/referrals/${view.id}/correction`, {
      version: view.version,
      reason: ' ',
      residentAwareness: 'not_informed',
    });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().fieldErrors.reason).toBeDefined();
    // An empty value clears it.
    const cleared = await desk().post(`/api/referrals/${view.id}/correction`, {
      version: view.version,
      reason: 'Toevoeging bleek onjuist.',
      residents: [{ id: resident!.id, houseNumberAddition: '' }],
    });
    expect(cleared.json().residents[0].houseNumberAddition).toBeNull();
    // A volunteer host and a case worker cannot correct a referral.
    expect(
      (
        await users.worker!.agent.post(`/api/referrals/${view.id}/correction`, {
          version: view.version,
          reason: 'x',
          residentAwareness: 'agrees',
        })
      ).statusCode,
    ).toBe(403);
  });

  it('"Weet ik niet" about children at risk does not block completeness: it is a question for the intake meeting', async () => {
    let view = await receive({
      residents: [
        {
          firstName: 'Lotte',
          lastName: 'Visser',
          dateOfBirth: '1992-03-03',
          postcode: '3512AB',
          houseNumber: '5',
          phone: '0612121212',
        },
      ],
      residentAwareness: 'agrees',
    });
    expect(view.childrenAtRisk).toBe('unknown');
    expect(view.checklist).toEqual(expect.arrayContaining([{ key: 'children_at_risk_for_meeting', done: true }]));
    view = await regiecheck(view);
    const { item } = await onAgenda(view);
    expect(item).toMatchObject({ status: 'on_agenda', childrenAtRisk: 'unknown' });
  });

  it('completes a volunteer hand-over: the desk adds what the host could not ask', async () => {
    const handover = await users.host!.agent.post('/api/host-questions', {
      teamId: tenant.teamId,
      category: 'paperwork',
      outcome: 'handed_over',
      handover: {
        firstName: 'Bram',
        lastName: 'Smit',
        phone: '0655554444',
        question: 'Ik snap de brieven van de gemeente niet.',
      },
    });
    const reference = handover.json().handedOverReference as string;
    const id = (await desk().get('/api/referrals'))
      .json()
      .referrals.find((x: { reference: string }) => x.reference === reference).id;
    let view = (await desk().get(`/api/referrals/${id}`)).json();
    expect(view.checklist.find((i: { key: string }) => i.key === 'resident_birth_date').done).toBe(false);
    view = (
      await desk().post(`/api/referrals/${id}/correction`, {
        version: view.version,
        reason: 'Meneer teruggebeld na de overdracht van de balie.',
        residents: [
          {
            id: view.residents[0].id,
            dateOfBirth: '1961-09-09',
            street: 'Dorpsstraat',
            houseNumber: '3',
            houseNumberAddition: 'A',
            postcode: '3513AA',
            city: 'Voorbeeld',
            phone: '0655554444',
          },
        ],
        childrenAtRisk: 'no',
      })
    ).json();
    expect(view.checklist.filter((i: { done: boolean }) => !i.done).map((i: { key: string }) => i.key)).toEqual([
      'regiecheck',
    ]);
    view = await regiecheck(view);
    const person = (await desk().get(`/api/persons/${view.residents[0].personId}`)).json();
    expect(person).toMatchObject({ dateOfBirth: '1961-09-09', houseNumber: '3', houseNumberAddition: 'A' });
    expect(
      (await desk().post(`/api/referrals/${id}/status`, { status: 'complete', version: view.version })).json().status,
    ).toBe('complete');
  });
});

describe('completing and correcting the referral from the case it became (item 4, the worker on an opened case)', () => {
  it("the case's contact person, tandem partner and coordinator correct it from the case, with a reason, versioned and logged; others cannot", async () => {
    // By the desk (the public form's rate limit is for the other tests).
    const byDesk = (content: Record<string, unknown>) =>
      desk().post('/api/referrals', {
        teamId: tenant.teamId,
        channel: 'phone',
        referrerKind: 'self',
        referrer: {},
        lifeDomains: ['parenting'],
        question: 'Vraag over de opvoeding.',
        childrenAtRisk: 'unknown',
        residentAwareness: 'agrees',
        idempotencyKey: crypto.randomUUID(),
        ...content,
      });
    let view = (
      await byDesk({
        residents: [
          {
            firstName: 'Samira',
            lastName: 'Bouali',
            dateOfBirth: '1990-06-06',
            postcode: '3512AB',
            houseNumber: '14',
            phone: '0611111117',
          },
        ],
        children: [{ firstName: 'Yara', age: 6 }],
      })
    ).json();
    view = await regiecheck(view);
    const { meetingId, item } = await onAgenda(view);
    await coordinator().post(`/api/meetings/${meetingId}/items/${view.id}/decision`, {
      version: item.version,
      triage: {
        situation: 'Zorgen om de opvoeding.',
        lifeDomains: ['parenting'],
        multipleProblems: false,
        urgency: 'medium',
        safety: 'Onbekend; navragen.',
      },
      decision: {
        outcome: 'take_up',
        interventions: 'Opvoedondersteuning',
        goal: 'Rust',
        intendedResult: 'Routines',
        reasoning: 'Past bij het team.',
        discussedWithResident: true,
      },
    });
    view = (await desk().get(`/api/referrals/${view.id}`)).json();
    const tandem = await buildLoggedInUser(t, tenant, ['case_worker']);
    const assigned = await coordinator().post(`/api/referrals/${view.id}/assignment`, {
      version: view.version,
      caseWorkerId: users.worker!.id,
      tandemWorkerId: tandem.id,
      consent: 'verbal',
      consentDate: today(),
    });
    expect(assigned.statusCode).toBe(201);
    const caseId = assigned.json().caseId as string;
    const worker = users.worker!.agent;

    // The case worker reads the referral the case came from (logged with the case) …
    const listed = await worker.get(`/api/cases/${caseId}/referrals`);
    expect(listed.statusCode).toBe(200);
    const [fromCase] = listed.json().referrals;
    expect(fromCase).toMatchObject({ id: view.id, childrenAtRisk: 'unknown', status: 'closed', caseId });
    const [samira, yara] = fromCase.residents as Array<{ id: string; personId: string }>;
    const v0 = fromCase.version as number;

    // … and corrects what it got wrong: the phone, the address's addition, the child's age, and "Weet ik niet" answered.
    const correction = {
      version: v0,
      reason: 'Bij het eerste huisbezoek nagevraagd.',
      residents: [
        { id: samira!.id, phone: '0622334455', houseNumberAddition: 'A' },
        { id: yara!.id, age: 7 },
      ],
      childrenAtRisk: 'no',
    };
    const corrected = await worker.post(`/api/cases/${caseId}/referrals/${view.id}/correction`, correction);
    expect(corrected.statusCode).toBe(200);
    expect(corrected.json()).toMatchObject({ version: v0 + 1, childrenAtRisk: 'no' });
    expect(corrected.json().residents[0]).toMatchObject({ phone: '0622334455', houseNumberAddition: 'A' });
    expect(corrected.json().residents[1]).toMatchObject({ age: 7 });
    expect(corrected.json().corrections.at(-1)).toMatchObject({
      reason: 'Bij het eerste huisbezoek nagevraagd.',
      byName: expect.any(String),
    });
    expect(corrected.json().corrections.at(-1).fields).toEqual(
      expect.arrayContaining([
        { field: 'phone', personLabel: 'Samira Bouali', oldValue: '0611111117', newValue: '0622334455' },
        { field: 'childrenAtRisk', personLabel: null, oldValue: 'unknown', newValue: 'no' },
      ]),
    );
    // The desk sees the same history on the referral.
    expect((await desk().get(`/api/referrals/${view.id}`)).json().corrections).toHaveLength(
      corrected.json().corrections.length,
    );

    // Logged as a correction from the case, with the case and the persons.
    const rows = await t.db.inSystem((tx) =>
      tx
        .selectFrom('access_log')
        .select(['event', 'case_id', 'person_id', 'user_id'])
        .where('tenant_id', '=', tenant.id)
        .where('event', 'in', ['referral.corrected_from_case', 'referral.viewed_from_case'])
        .execute(),
    );
    const correctedRows = rows.filter((r) => r.event === 'referral.corrected_from_case');
    expect(correctedRows.length).toBeGreaterThan(0);
    expect(correctedRows.every((r) => r.case_id === caseId && r.user_id === users.worker!.id)).toBe(true);
    expect(correctedRows.map((r) => r.person_id)).toEqual(expect.arrayContaining([samira!.personId, yara!.personId]));
    expect(rows.some((r) => r.event === 'referral.viewed_from_case' && r.case_id === caseId)).toBe(true);

    // A stale save (the tandem partner saved first) is a conflict and changes nothing; the reason is required.
    const tandemSave = await tandem.agent.post(`/api/cases/${caseId}/referrals/${view.id}/correction`, {
      version: v0 + 1,
      reason: 'Moeder belde.',
      residentAwareness: 'knows_not_agreed',
    });
    expect(tandemSave.statusCode).toBe(200);
    const stale = await worker.post(`/api/cases/${caseId}/referrals/${view.id}/correction`, {
      ...correction,
      version: v0 + 1,
      residents: [{ id: samira!.id, phone: '0600000000' }],
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('version_conflict');
    const noReason = await worker.post(`/api/cases/${caseId}/referrals/${view.id}/correction`, {
      version: v0 + 2,
      reason: '',
      residentAwareness: 'agrees',
    });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().fieldErrors.reason).toBeDefined();
    // The team coordinator may too.
    const byCoordinator = await coordinator().post(`/api/cases/${caseId}/referrals/${view.id}/correction`, {
      version: v0 + 2,
      reason: 'Aangevuld in het teamoverleg.',
      residentAwareness: 'agrees',
    });
    expect(byCoordinator.statusCode).toBe(200);
    const current = byCoordinator.json().version as number;

    // Not a worker on this case, the intake desk (no case access), nor another referral through this case.
    const stranger = await buildLoggedInUser(t, tenant, ['case_worker']);
    expect((await stranger.agent.get(`/api/cases/${caseId}/referrals`)).statusCode).toBe(403);
    expect(
      (
        await stranger.agent.post(`/api/cases/${caseId}/referrals/${view.id}/correction`, {
          version: current,
          reason: 'x',
          residentAwareness: 'not_informed',
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await desk().post(`/api/cases/${caseId}/referrals/${view.id}/correction`, {
          version: current,
          reason: 'x',
          residentAwareness: 'not_informed',
        })
      ).statusCode,
    ).toBe(403);
    const other = (
      await byDesk({ residents: [{ firstName: 'Jan', lastName: 'Anders' }], residentAwareness: 'unknown' })
    ).json();
    const notOfCase = await worker.post(`/api/cases/${caseId}/referrals/${other.id}/correction`, {
      version: other.version,
      reason: 'x',
      residentAwareness: 'agrees',
    });
    expect(notOfCase.statusCode).toBe(404);
    expect((await desk().get(`/api/referrals/${other.id}`)).json().residentAwareness).toBe('unknown');
    expect((await desk().get(`/api/referrals/${view.id}`)).json()).toMatchObject({
      version: current,
      residentAwareness: 'agrees',
    });
  });
});

describe('closing a referral without a case (item 5)', () => {
  it('closes at any stage before a case exists with a coded reason, logged, counted as closed without a case, with the letter', async () => {
    // Management information counts them as "closed without a case" (before a core decision), as it already did.
    const counted = async (): Promise<{ value: number | null; suppressed: boolean }> => {
      const dashboard = (
        await coordinator().get(
          `/api/management-information/dashboard?from=${today().slice(0, 7)}-01&to=${today()}&teamId=${tenant.teamId}`,
        )
      ).json();
      const table = dashboard.sections
        .flatMap((s: { tables: unknown[] }) => s.tables)
        .find((tb: { key: string }) => tb.key === 'closed_without_case');
      return table.rows.find((r: { key: string }) => r.key === 'none').cells[0];
    };
    expect(await counted()).toEqual({ value: 0, suppressed: false });

    // New, before anything: a reason is required.
    const fresh = await receive();
    const noReason = await desk().post(`/api/referrals/${fresh.id}/close`, { version: fresh.version });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().fieldErrors.reason[0]).toBe('Kies de reden van afsluiten.');
    const otherWithoutNote = await desk().post(`/api/referrals/${fresh.id}/close`, {
      version: fresh.version,
      reason: 'other',
    });
    expect(otherWithoutNote.json().fieldErrors.note).toBeDefined();
    const closed = await desk().post(`/api/referrals/${fresh.id}/close`, {
      version: fresh.version,
      reason: 'duplicate',
      note: 'Dubbel met de aanmelding van vorige week.',
    });
    expect(closed.statusCode).toBe(200);
    expect(closed.json()).toMatchObject({
      status: 'closed',
      caseId: null,
      closure: {
        reason: 'duplicate',
        note: 'Dubbel met de aanmelding van vorige week.',
        closedByName: expect.any(String),
      },
    });
    const logged = (await accessEvents(fresh.id)).find((e) => e.event === 'referral.closed_without_case');
    expect(logged?.detail).toMatchObject({ reason: 'duplicate' });
    const again = await desk().post(`/api/referrals/${fresh.id}/close`, {
      version: closed.json().version,
      reason: 'duplicate',
    });
    expect(again.statusCode).toBe(409);

    // On the agenda, not decided: closing takes it off the agenda.
    let onIt = await receive({
      residents: [
        {
          firstName: 'Kees',
          lastName: 'Jansen',
          dateOfBirth: '1950-01-01',
          postcode: '3512AB',
          houseNumber: '9',
          phone: '0611111112',
        },
      ],
      residentAwareness: 'agrees',
    });
    onIt = await regiecheck(onIt);
    const { meetingId } = await onAgenda(onIt);
    const current = (await desk().get(`/api/referrals/${onIt.id}`)).json();
    const withdrawn = await desk().post(`/api/referrals/${onIt.id}/close`, {
      version: current.version,
      reason: 'withdrawn',
    });
    expect(withdrawn.json()).toMatchObject({ status: 'closed', meetingId: null, closure: { reason: 'withdrawn' } });
    const meeting = (await coordinator().get(`/api/meetings/${meetingId}`)).json();
    expect(meeting.items.map((i: { referralId: string }) => i.referralId)).not.toContain(onIt.id);
    // The letter to the referrer says why.
    const draft = (await desk().get(`/api/referrals/${onIt.id}/letter-draft?kind=closure`)).json();
    expect(draft.body).toContain('de aanmelding is ingetrokken');

    // Three more (each reason once), so the figure is large enough to be shown: five closed before a decision.
    for (const reason of ['taken_up_elsewhere', 'not_for_us', 'no_consent']) {
      const r = await receive();
      expect(
        (await desk().post(`/api/referrals/${r.id}/close`, { version: r.version, reason })).json().closure.reason,
      ).toBe(reason);
    }
    expect(await counted()).toEqual({ value: 5, suppressed: false });
  });

  it('after a decision to take it up the resident may still withdraw before assignment; once a case exists it cannot be closed', async () => {
    let view = await receive({
      residents: [
        {
          firstName: 'Els',
          lastName: 'de Boer',
          dateOfBirth: '1979-07-07',
          postcode: '3512AB',
          houseNumber: '2',
          phone: '0611111113',
        },
      ],
      residentAwareness: 'agrees',
    });
    view = await regiecheck(view);
    const { meetingId, item } = await onAgenda(view);
    const decision = (outcome: string) => ({
      version: item.version,
      triage: {
        situation: 'Meerdere vragen.',
        lifeDomains: ['parenting'],
        multipleProblems: true,
        urgency: 'medium',
        safety: 'Geen acute zorgen.',
      },
      decision: {
        outcome,
        interventions: 'Opvoedondersteuning',
        goal: 'Rust in huis',
        intendedResult: 'Vaste routines',
        reasoning: 'Past bij het team.',
        discussedWithResident: true,
      },
    });
    expect(
      (await coordinator().post(`/api/meetings/${meetingId}/items/${view.id}/decision`, decision('take_up')))
        .statusCode,
    ).toBe(200);
    view = (await desk().get(`/api/referrals/${view.id}`)).json();
    // A decision to take it up is no reason to close: a reason is needed.
    expect((await desk().post(`/api/referrals/${view.id}/close`, { version: view.version })).statusCode).toBe(400);

    // A second referral, assigned: it has a case and cannot be closed without one.
    let other = await receive({
      residents: [
        {
          firstName: 'Piet',
          lastName: 'Mol',
          dateOfBirth: '1970-01-01',
          postcode: '3512AB',
          houseNumber: '4',
          phone: '0611111114',
        },
      ],
      residentAwareness: 'agrees',
    });
    other = await regiecheck(other);
    const second = await onAgenda(other);
    await coordinator().post(`/api/meetings/${second.meetingId}/items/${other.id}/decision`, {
      ...decision('take_up'),
      version: second.item.version,
    });
    other = (await desk().get(`/api/referrals/${other.id}`)).json();
    const assigned = await coordinator().post(`/api/referrals/${other.id}/assignment`, {
      version: other.version,
      caseWorkerId: users.worker!.id,
      consent: 'verbal',
      consentDate: today(),
    });
    expect(assigned.statusCode).toBe(201);
    other = (await desk().get(`/api/referrals/${other.id}`)).json();
    const refused = await desk().post(`/api/referrals/${other.id}/close`, {
      version: other.version,
      reason: 'withdrawn',
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('already_assigned');

    const closed = await desk().post(`/api/referrals/${view.id}/close`, {
      version: view.version,
      reason: 'no_consent',
      note: 'Mevrouw wil toch geen hulp.',
    });
    expect(closed.json()).toMatchObject({ status: 'closed', caseId: null, closure: { reason: 'no_consent' } });
  });
});

describe('language and interpreter from the start (item 10)', () => {
  it('asks them on the forms, keeps them on the persons, and shows them on the agenda, in letters, Mijn werk and the case', async () => {
    let view = await receive({
      residents: [
        {
          firstName: 'Omar',
          lastName: 'Saleh',
          dateOfBirth: '1984-04-04',
          postcode: '3512AB',
          houseNumber: '8',
          phone: '0611111115',
          bsn: nextTestBsn(),
        },
      ],
      residentAwareness: 'agrees',
      childrenAtRisk: 'no',
      preferredLanguage: 'Arabisch',
      interpreterNeeded: true,
    });
    expect(view.language).toEqual({ interpreterNeeded: true, languages: ['Arabisch'] });

    // The desk form asks them too.
    const desked = await desk().post('/api/referrals', {
      teamId: tenant.teamId,
      channel: 'phone',
      referrerKind: 'self',
      referrer: {},
      residents: [{ firstName: 'Ewa', lastName: 'Nowak', phone: '0611111116' }],
      lifeDomains: ['housing'],
      question: 'Vraag over huur.',
      preferredLanguage: 'Pools',
      interpreterNeeded: false,
      idempotencyKey: crypto.randomUUID(),
    });
    expect(desked.json().language).toEqual({ interpreterNeeded: false, languages: ['Pools'] });

    // The regiecheck carries them to the persons: from then on the persons are the one place.
    view = await regiecheck(view);
    const [omar, child] = view.residents as Array<{ personId: string }>;
    expect((await desk().get(`/api/persons/${omar!.personId}`)).json()).toMatchObject({
      preferredLanguage: 'Arabisch',
      interpreterNeeded: true,
    });
    expect((await desk().get(`/api/persons/${child!.personId}`)).json()).toMatchObject({
      preferredLanguage: null,
      interpreterNeeded: false,
    });

    const { meetingId, item } = await onAgenda(view);
    expect(item.language).toEqual({ interpreterNeeded: true, languages: ['Arabisch'] });
    await coordinator().post(`/api/meetings/${meetingId}/items/${view.id}/decision`, {
      version: item.version,
      triage: {
        situation: 'Vragen over geld en opvoeding.',
        lifeDomains: ['finances'],
        multipleProblems: true,
        urgency: 'medium',
        safety: 'Veilig.',
      },
      decision: {
        outcome: 'take_up',
        interventions: 'Thuisadministratie',
        goal: 'Overzicht',
        intendedResult: 'Post op orde',
        reasoning: 'Meervoudig.',
        discussedWithResident: true,
      },
    });
    const draft = (await desk().get(`/api/referrals/${view.id}/letter-draft`)).json();
    expect(draft.body).toContain('Let op: bij gesprekken met Omar Saleh is een tolk nodig (Arabisch).');
    // The minutes (verslag) of the intake meeting say it under the referral, as the agenda and the case do.
    const minutes = await coordinator().get(`/api/meetings/${meetingId}/minutes.pdf`);
    expect(minutes.headers['content-type']).toBe('application/pdf');
    const minutesText = pdfText(minutes.rawPayload);
    expect(minutesText).toContain(
      `${view.reference} — Omar Saleh\nTaal en tolk: Tolk nodig (Arabisch)\nTriage: Vragen over geld en opvoeding.`,
    );
    expect(draft.body).not.toMatch(/\n{3,}/);

    view = (await desk().get(`/api/referrals/${view.id}`)).json();
    const caseId = (
      await coordinator().post(`/api/referrals/${view.id}/assignment`, {
        version: view.version,
        caseWorkerId: users.worker!.id,
        consent: 'verbal',
        consentDate: today(),
      })
    ).json().caseId;
    const mine = (await users.worker!.agent.get('/api/cases/mine'))
      .json()
      .cases.find((c: { id: string }) => c.id === caseId);
    expect(mine.language).toEqual({ interpreterNeeded: true, languages: ['Arabisch'] });
    expect((await users.worker!.agent.get(`/api/cases/${caseId}`)).json().language).toEqual({
      interpreterNeeded: true,
      languages: ['Arabisch'],
    });

    // Corrected later by the desk: it changes on the persons, so everything shows the correction.
    view = (await desk().get(`/api/referrals/${view.id}`)).json();
    const corrected = await desk().post(`/api/referrals/${view.id}/correction`, {
      version: view.version,
      reason: 'Meneer spreekt goed Engels; geen tolk nodig.',
      preferredLanguage: 'Engels',
      interpreterNeeded: false,
    });
    expect(corrected.statusCode).toBe(200);
    expect(corrected.json().language).toEqual({ interpreterNeeded: false, languages: ['Engels'] });
    expect((await users.worker!.agent.get(`/api/cases/${caseId}`)).json().language).toEqual({
      interpreterNeeded: false,
      languages: ['Engels'],
    });
    const personLog = await t.db.inSystem((tx) =>
      tx
        .selectFrom('access_log')
        .select('event')
        .where('person_id', '=', omar!.personId)
        .where('event', '=', 'person.language_changed')
        .execute(),
    );
    expect(personLog).toHaveLength(1);
  });
});

describe('consultations without a case — "even overleggen" (item 18)', () => {
  it('records topic, channel, advice and time without personal data, turns one into a referral, and counts them per month', async () => {
    const consultation = {
      teamId: tenant.teamId,
      asker: 'professional',
      channel: 'phone',
      topic: 'housing',
      advice: 'Doorverwezen naar het juridisch loket voor de huurcommissie.',
      minutesSpent: 20,
    };
    const bad = await desk().post('/api/team-consultations', { ...consultation, minutesSpent: 0, advice: '' });
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(bad.json().fieldErrors)).toEqual(expect.arrayContaining(['minutesSpent', 'advice']));
    const first = await desk().post('/api/team-consultations', consultation);
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({
      topic: 'housing',
      asker: 'professional',
      channel: 'phone',
      minutesSpent: 20,
      referralId: null,
    });
    const second = (
      await desk().post('/api/team-consultations', {
        ...consultation,
        asker: 'resident',
        channel: 'in_person',
        topic: 'other',
        minutesSpent: 10,
      })
    ).json();
    // The volunteer host's tally of simple questions does not count them.
    const tally = (await users.host!.agent.get(`/api/host-questions/today?teamId=${tenant.teamId}`)).json().today;
    expect(tally.some((r: { category: string }) => r.category === 'housing' || r.category === 'other')).toBe(false);
    // A case worker records none.
    expect((await users.worker!.agent.post('/api/team-consultations', consultation)).statusCode).toBe(403);

    // Turned into a referral later: the two are linked, once.
    const fromConsultation = {
      teamId: tenant.teamId,
      channel: 'phone',
      referrerKind: 'professional',
      referrer: { organisation: 'Woningcorporatie Thuis', phone: '030-7654321' },
      residents: [{ firstName: 'Anna', lastName: 'Kramer' }],
      lifeDomains: ['housing'],
      question: 'Na het overleg toch een aanmelding: huurachterstand.',
      consultationId: first.json().id as string,
    };
    const referral = await desk().post('/api/referrals', { ...fromConsultation, idempotencyKey: crypto.randomUUID() });
    expect(referral.statusCode).toBe(201);
    const list = (await desk().get('/api/team-consultations')).json().consultations;
    expect(list.find((c: { id: string }) => c.id === first.json().id)).toMatchObject({
      referralId: referral.json().id,
      referralReference: referral.json().reference,
    });
    expect(list.find((c: { id: string }) => c.id === second.id)).toMatchObject({ referralId: null });
    const twice = await desk().post('/api/referrals', { ...fromConsultation, idempotencyKey: crypto.randomUUID() });
    expect(twice.statusCode).toBe(400);
    expect(twice.json().fieldErrors.consultationId).toBeDefined();

    // Management information: a count per month, with the time spent and how many became a referral.
    const month = today().slice(0, 7);
    const dashboard = (
      await coordinator().get(
        `/api/management-information/dashboard?from=${month}-01&to=${today()}&teamId=${tenant.teamId}`,
      )
    ).json();
    const table = dashboard.sections
      .flatMap((s: { tables: unknown[] }) => s.tables)
      .find((tb: { key: string }) => tb.key === 'team_consultations');
    const row = table.rows.find((r: { key: string }) => r.key === month);
    expect(row.cells.map((c: { value: number }) => c.value)).toEqual([2, 30, 1]);
  });
});
