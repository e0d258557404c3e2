// The household as it really is (issue #17 items 2, 9 and 11; ADR 0029): children given by age count as minors,
// relations are asked or derived instead of "Ouder" for every adult, the regiecheck proposes the existing household,
// a person without a fixed address is a normal case, and the address is asked once per household.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '@nabij/contracts';
import { buildLoggedInUser, buildTenant } from '../../../test/builders';
import { startTestApp, type Agent, type TestApp } from '../../../test/test-app';

let t: TestApp;
let tenant: { id: string; slug: string; teamId: string };
const users: Record<string, { id: string; agent: Agent }> = {};
const today = new Date().toISOString().slice(0, 10);
const yearsAgo = (n: number) => `${Number(today.slice(0, 4)) - n}${today.slice(4)}`;

async function loggedIn(key: string, roles: Role[]) {
  users[key] = await buildLoggedInUser(t, tenant, roles);
  return users[key].agent;
}

interface Resident {
  id: string;
  role: string;
  firstName: string | null;
  personId: string | null;
  relation?: string;
  relationDerived?: boolean;
}
interface Referral {
  id: string;
  version: number;
  householdId: string | null;
  residents: Resident[];
  checklist: Array<{ key: string; done: boolean }>;
}

const deskReferral = (content: Record<string, unknown>) => ({
  teamId: tenant.teamId,
  channel: 'phone',
  referrerKind: 'self',
  referrer: { name: 'Inwoner zelf', phone: '0612345678' },
  children: [],
  lifeDomains: ['finances', 'parenting'],
  question: 'Hulp bij de administratie en de opvoeding.',
  childrenAtRisk: 'no',
  residentAwareness: 'agrees',
  idempotencyKey: crypto.randomUUID(),
  ...content,
});

/** The regiecheck with every person new (or linked as given), into a new household unless one is given. */
async function completeRegiecheck(
  referral: Referral,
  linkTo: Record<string, string> = {},
  householdId: string | null = null,
): Promise<Referral> {
  const links = referral.residents.map((p) => ({ referralPersonId: p.id, personId: linkTo[p.id] ?? null }));
  const r = await users.desk!.agent.post(`/api/referrals/${referral.id}/regiecheck`, {
    version: referral.version,
    links,
    householdId,
  });
  expect(r.statusCode).toBe(200);
  return r.json<Referral>();
}

beforeAll(async () => {
  t = await startTestApp();
  tenant = await buildTenant(t.db);
  await loggedIn('desk', ['intake_desk']);
  await loggedIn('coordinator', ['team_coordinator']);
  await loggedIn('worker', ['case_worker']);
});
afterAll(async () => {
  await t.close();
});

describe('a child given by age only (item 2)', () => {
  it('counts as a minor, so agreeing the plan is refused without the child-safety assessment', async () => {
    const desk = users.desk!.agent;
    const coordinator = users.coordinator!.agent;
    const worker = users.worker!.agent;
    const { reference } = (
      await t.agent().post(`/api/public/referrals/${tenant.slug}`, {
        teamId: tenant.teamId,
        referrerKind: 'professional',
        referrer: { name: 'Dr. A. Huisman', organisation: 'Huisartsenpraktijk De Linde', phone: '030-1234567' },
        residents: [
          { firstName: 'Mira', lastName: 'Jacobs', dateOfBirth: '1990-04-04', postcode: '3511 AB', houseNumber: '7' },
        ],
        children: [{ firstName: 'Tim', age: 7 }],
        lifeDomains: ['finances', 'parenting'],
        question: 'Mevrouw heeft schulden.',
        childrenAtRisk: 'no',
        residentAwareness: 'agrees',
        attachments: [],
        idempotencyKey: crypto.randomUUID(),
      })
    ).json();
    const id = (await desk.get('/api/referrals'))
      .json()
      .referrals.find((x: { reference: string }) => x.reference === reference).id;
    const view = await completeRegiecheck((await desk.get(`/api/referrals/${id}`)).json<Referral>());
    expect(
      (await desk.post(`/api/referrals/${id}/status`, { status: 'complete', version: view.version })).json().status,
    ).toBe('complete');
    const meeting = (
      await coordinator.post('/api/meetings', {
        teamId: tenant.teamId,
        date: today,
        chairUserId: users.coordinator!.id,
        participants: [],
      })
    ).json();
    const agenda = (await coordinator.post(`/api/meetings/${meeting.id}/items`, { referralId: id })).json();
    const decided = await coordinator.post(`/api/meetings/${meeting.id}/items/${id}/decision`, {
      version: agenda.items[0].version,
      triage: {
        situation: 'Schulden.',
        lifeDomains: ['finances'],
        multipleProblems: false,
        urgency: 'medium',
        safety: 'Geen zorgen.',
      },
      decision: {
        outcome: 'take_up',
        interventions: 'Schuldhulp',
        goal: 'Rust in de financiën',
        intendedResult: 'Een schuldregeling',
        reasoning: 'Het team pakt het op.',
        discussedWithResident: true,
      },
    });
    expect(decided.statusCode).toBe(200);
    const waiting = (await coordinator.get(`/api/assignments?teamId=${tenant.teamId}`))
      .json()
      .waiting.find((w: { referralId: string }) => w.referralId === id);
    const assigned = await coordinator.post(`/api/referrals/${id}/assignment`, {
      version: waiting.version,
      caseWorkerId: users.worker!.id,
      consent: 'verbal',
      consentDate: today,
    });
    expect(assigned.statusCode).toBe(201);
    const caseId = assigned.json().caseId as string;

    // Tim became a person without a date of birth, with the age given on the referral's day: "± 7 jaar (geschat)", a minor.
    const overview = (await worker.get(`/api/cases/${caseId}`)).json();
    const tim = overview.household.members.find((m: { fullName: string }) => m.fullName === 'Tim Jacobs');
    expect(tim).toMatchObject({ relation: 'child', age: 7, ageEstimated: true, isMinor: true });
    expect(overview.hasMinors).toBe(true);
    const person = (await worker.get(`/api/persons/${tim.id}`)).json();
    expect(person).toMatchObject({ dateOfBirth: null, age: 7, ageEstimated: true, isMinor: true });

    const plan = (await worker.post(`/api/cases/${caseId}/plan`, { startsOn: today })).json().plan.current;
    const withGoal = (
      await worker.post(`/api/cases/${caseId}/plan/goals`, {
        version: plan.version,
        domain: 'finances',
        problem: 'Schulden',
        goal: 'Een schuldregeling',
      })
    ).json().plan.current;
    const refused = await worker.post(`/api/cases/${caseId}/plan/agreement`, {
      version: withGoal.version,
      form: 'verbal',
      agreedOn: today,
      agreedByName: 'Mira Jacobs',
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('child_safety_required');

    // With the assessment recorded, the household can agree.
    expect(
      (
        await worker.post(`/api/cases/${caseId}/child-safety`, {
          assessedOn: today,
          signs: 'Geen',
          protectiveFactors: 'Betrokken oma',
          riskLevel: 'low',
          actions: 'Geen',
        })
      ).statusCode,
    ).toBeLessThan(300);
    const agreed = await worker.post(`/api/cases/${caseId}/plan/agreement`, {
      version: withGoal.version,
      form: 'verbal',
      agreedOn: today,
      agreedByName: 'Mira Jacobs',
    });
    expect(agreed.statusCode).toBe(200);
  });
});

describe('the household as it really is (items 9 and 11)', () => {
  let first: Referral;
  let householdId: string;

  it('derives the relations from the ages (partner, a 17-year-old resident is a child), keeps a given one, and asks the address once', async () => {
    const desk = users.desk!.agent;
    const r = await desk.post(
      '/api/referrals',
      deskReferral({
        residents: [
          {
            firstName: 'Jan',
            lastName: 'Smit',
            dateOfBirth: '1980-02-02',
            street: 'Dorpsstraat',
            houseNumber: '5',
            postcode: '3511 AB',
            city: 'Voorbeeld',
          },
          { firstName: 'Els', lastName: 'Smit' },
          { firstName: 'Kim', lastName: 'Smit', dateOfBirth: yearsAgo(17) },
          { firstName: 'Opa', lastName: 'Smit', dateOfBirth: '1950-01-01', relation: 'other' },
        ],
        children: [{ firstName: 'Bas', age: 7 }],
      }),
    );
    expect(r.statusCode).toBe(201);
    first = r.json<Referral>();
    expect(first.residents.map((p) => [p.firstName, p.relation, p.relationDerived])).toEqual([
      ['Jan', 'parent', true],
      ['Els', 'partner', true],
      ['Kim', 'child', true],
      ['Opa', 'other', false],
      ['Bas', 'child', true],
    ]);

    first = await completeRegiecheck(first);
    householdId = first.householdId!;
    const household = (await desk.get(`/api/persons/${first.residents[0]!.personId}`)).json().households[0];
    const relationOf = (name: string) =>
      household.members.find((m: { fullName: string }) => m.fullName.startsWith(name)).relation;
    expect(['Jan', 'Els', 'Kim', 'Opa', 'Bas'].map(relationOf)).toEqual([
      'parent',
      'partner',
      'child',
      'other',
      'child',
    ]);

    // Els and Bas were named without an address: they live at the household's address, not "unknown".
    const els = (await desk.get(`/api/persons/${first.residents[1]!.personId}`)).json();
    expect(els).toMatchObject({ postcode: '3511AB', houseNumber: '5', street: 'Dorpsstraat', city: 'Voorbeeld' });
    const bas = (await desk.get(`/api/persons/${first.residents[4]!.personId}`)).json();
    expect(bas).toMatchObject({
      postcode: '3511AB',
      houseNumber: '5',
      dateOfBirth: null,
      age: 7,
      ageEstimated: true,
      isMinor: true,
    });
  });

  it('proposes the existing household in the regiecheck and matches a child named by first name with its member', async () => {
    const desk = users.desk!.agent;
    let second = (
      await desk.post(
        '/api/referrals',
        deskReferral({ residents: [{ firstName: 'Jan', lastName: 'Smit' }], children: [{ firstName: 'bas', age: 7 }] }),
      )
    ).json<Referral>();
    const check = (await desk.get(`/api/referrals/${second.id}/regiecheck`)).json();
    expect(check.proposedHouseholdId).toBe(householdId);
    const [jan, bas] = second.residents;
    const childMatches = check.residents.find(
      (r: { referralPersonId: string }) => r.referralPersonId === bas!.id,
    ).matches;
    expect(childMatches).toEqual([
      expect.objectContaining({
        person: expect.objectContaining({ id: first.residents[4]!.personId, ageEstimated: true }),
        matchedOn: ['household'],
      }),
    ]);

    second = await completeRegiecheck(
      second,
      { [jan!.id]: first.residents[0]!.personId!, [bas!.id]: first.residents[4]!.personId! },
      check.proposedHouseholdId,
    );
    expect(second.householdId).toBe(householdId);
    const household = (await desk.get(`/api/persons/${first.residents[0]!.personId}`)).json().households;
    expect(household).toHaveLength(1);
    expect(household[0].members).toHaveLength(5);
  });

  it('corrects a relation in place, with the version and a log row; a stale change gets 409', async () => {
    const desk = users.desk!.agent;
    const opaId = first.residents[3]!.personId!;
    const household = (await desk.get(`/api/persons/${opaId}`)).json().households[0] as { version: number };
    const changed = await desk.put(`/api/households/${householdId}/members/${opaId}`, {
      relation: 'parent',
      version: household.version,
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.json().members.find((m: { id: string }) => m.id === opaId).relation).toBe('parent');
    expect(changed.json().version).toBe(household.version + 1);

    const stale = await desk.put(`/api/households/${householdId}/members/${opaId}`, {
      relation: 'other',
      version: household.version,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('version_conflict');
    const wrong = await desk.put(`/api/households/${householdId}/members/${opaId}`, {
      relation: 'grandparent',
      version: household.version + 1,
    });
    expect(wrong.statusCode).toBe(400);

    const logged = await t.db.inSystem((tx) =>
      tx
        .selectFrom('access_log')
        .select(['event', 'person_id', 'detail'])
        .where('event', '=', 'household.relation_changed')
        .where('tenant_id', '=', tenant.id)
        .execute(),
    );
    expect(logged).toEqual([
      expect.objectContaining({
        person_id: opaId,
        detail: expect.objectContaining({ householdId, from: 'other', to: 'parent' }),
      }),
    ]);
  });

  it('takes a person without a fixed address as a normal case: the kind answers the address question', async () => {
    const desk = users.desk!.agent;
    const bare = (
      await desk.post(
        '/api/referrals',
        deskReferral({ residents: [{ firstName: 'Ruud', lastName: 'Zwerver', dateOfBirth: '1975-05-05' }] }),
      )
    ).json<Referral>();
    expect(bare.checklist.find((i) => i.key === 'resident_address')?.done).toBe(false);

    let homeless = (
      await desk.post(
        '/api/referrals',
        deskReferral({
          residents: [
            { firstName: 'Ruud', lastName: 'Zwerver', dateOfBirth: '1975-05-05', noFixedAddress: 'homeless' },
          ],
        }),
      )
    ).json<Referral>();
    expect(homeless.checklist.find((i) => i.key === 'resident_address')?.done).toBe(true);
    homeless = await completeRegiecheck(homeless);
    expect((await desk.get(`/api/persons/${homeless.residents[0]!.personId}`)).json()).toMatchObject({
      noFixedAddress: 'homeless',
      postcode: null,
    });

    const wrong = await desk.post(
      '/api/referrals',
      deskReferral({ residents: [{ firstName: 'Ruud', lastName: 'Zwerver', noFixedAddress: 'tent' }] }),
    );
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().fieldErrors['residents.0.noFixedAddress'][0]).toBe('Kies de situatie uit de lijst.');
  });

  it('corrects the estimated age and "no fixed address" on the person form: versioned, logged, a stale save gets 409', async () => {
    const desk = users.desk!.agent;
    const worker = users.worker!.agent;
    // A child given as "8" and a father without a fixed address, as they came in on a referral.
    const referral = (
      await desk.post(
        '/api/referrals',
        deskReferral({
          residents: [
            { firstName: 'Kees', lastName: 'Reiziger', dateOfBirth: '1980-08-08', noFixedAddress: 'caravan' },
          ],
          children: [{ firstName: 'Noor', age: 8 }],
        }),
      )
    ).json<Referral>();
    const done = await completeRegiecheck(referral);
    const keesId = done.residents.find((p) => p.firstName === 'Kees')!.personId!;
    const noorId = done.residents.find((p) => p.firstName === 'Noor')!.personId!;
    const put = (id: string, body: Record<string, unknown>) => worker.put(`/api/persons/${id}`, body);
    const formOf = (p: Record<string, unknown>) => ({
      firstName: p.firstName,
      lastName: p.lastName,
      interpreterNeeded: p.interpreterNeeded,
      ...(p.dateOfBirth ? { dateOfBirth: p.dateOfBirth } : {}),
    });

    expect((await worker.get(`/api/persons/${noorId}`)).json()).toMatchObject({
      dateOfBirth: null,
      age: 8,
      ageEstimated: true,
      estimatedAge: 8,
      ageGivenOn: today,
    });
    // As if the referral came in two years ago: "± 10 jaar (geschat)" today.
    await t.db.inSystem((tx) =>
      tx
        .updateTable('person')
        .set({ age_given_on: yearsAgo(2) })
        .where('id', '=', noorId)
        .execute(),
    );
    let noor = (await worker.get(`/api/persons/${noorId}`)).json<Record<string, unknown> & { version: number }>();
    expect(noor).toMatchObject({ age: 10, estimatedAge: 10, ageGivenOn: yearsAgo(2) });
    // Saving the form with the estimate as shown keeps the day the age was given.
    noor = (await put(noorId, { ...formOf(noor), version: noor.version, ageGiven: 10 })).json<
      Record<string, unknown> & { version: number }
    >();
    expect(noor).toMatchObject({ age: 10, estimatedAge: 10, ageGivenOn: yearsAgo(2) });
    // The worker learns she is 11: kept as an age given today, still a minor.
    const corrected = await put(noorId, { ...formOf(noor), version: noor.version, ageGiven: 11 });
    expect(corrected.statusCode).toBe(200);
    expect(corrected.json()).toMatchObject({
      age: 11,
      ageEstimated: true,
      isMinor: true,
      estimatedAge: 11,
      ageGivenOn: today,
      version: noor.version + 1,
    });
    // A stale save is refused and changes nothing.
    const stale = await put(noorId, { ...formOf(noor), version: noor.version, ageGiven: 12 });
    expect(stale.statusCode).toBe(409);
    expect((await worker.get(`/api/persons/${noorId}`)).json().age).toBe(11);
    const bad = await put(noorId, { ...formOf(noor), version: noor.version + 1, ageGiven: 130 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fieldErrors.ageGiven[0]).toBe('Vul een leeftijd van 0 tot 120 in.');
    // Cleared: no age known any more (as a child of the household she still counts as a minor).
    const cleared = (await put(noorId, { ...formOf(noor), version: noor.version + 1, ageGiven: null })).json();
    expect(cleared).toMatchObject({
      age: null,
      ageEstimated: false,
      estimatedAge: null,
      ageGivenOn: null,
      isMinor: true,
    });

    // "No fixed address": from caravan to a postal address with its address, then a fixed address again.
    let kees = (await worker.get(`/api/persons/${keesId}`)).json();
    expect(kees.noFixedAddress).toBe('caravan');
    kees = (
      await put(keesId, {
        ...formOf(kees),
        version: kees.version,
        noFixedAddress: 'postal_address',
        street: 'Postweg',
        houseNumber: '1',
        postcode: '3512AB',
        city: 'Voorbeeld',
      })
    ).json();
    expect(kees).toMatchObject({ noFixedAddress: 'postal_address', street: 'Postweg' });
    // A change that does not mention it keeps it.
    kees = (
      await put(keesId, {
        ...formOf(kees),
        street: 'Postweg',
        houseNumber: '1',
        postcode: '3512AB',
        city: 'Voorbeeld',
        phone: '0612341234',
        version: kees.version,
      })
    ).json();
    expect(kees).toMatchObject({ noFixedAddress: 'postal_address', phone: '0612341234' });
    kees = (
      await put(keesId, {
        ...formOf(kees),
        street: 'Lindelaan',
        houseNumber: '4',
        postcode: '3512AB',
        city: 'Voorbeeld',
        version: kees.version,
        noFixedAddress: null,
      })
    ).json();
    expect(kees).toMatchObject({ noFixedAddress: null, street: 'Lindelaan' });
    const wrong = await put(keesId, { ...formOf(kees), version: kees.version, noFixedAddress: 'tent' });
    expect(wrong.json().fieldErrors.noFixedAddress[0]).toBe('Kies de woonsituatie uit de lijst.');

    // Each change is in the access log as a change of the person.
    const logged = await t.db.inSystem((tx) =>
      tx
        .selectFrom('access_log')
        .select('person_id')
        .where('event', '=', 'person.changed')
        .where('person_id', 'in', [noorId, keesId])
        .execute(),
    );
    expect(logged.filter((r) => r.person_id === noorId)).toHaveLength(3);
    expect(logged.filter((r) => r.person_id === keesId)).toHaveLength(3);
  });
});
