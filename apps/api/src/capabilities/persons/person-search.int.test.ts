import type { Role } from '@nabij/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCase, buildTenant, buildUser } from '../../../test/builders';
import { startTestApp, type Agent, type TestApp } from '../../../test/test-app';

/**
 * Finding persons the way Dutch names are written (issue 17 item 12, ADR 0030): the person search, the regiecheck
 * and the search box in the header.
 */
let t: TestApp;
let tenant: { id: string; slug: string; teamId: string };
let worker: Agent & { userId: string };
const ids: Record<string, string> = {};

async function loggedIn(roles: Role[], forTenant = tenant) {
  const user = await buildUser(t.db, forTenant, { roles });
  const agent = t.agent();
  await agent.login(user.username, user.password);
  return Object.assign(agent, { userId: user.id });
}

type Result = { id: string; fullName: string; reasons: string[] };
const search = async (query: Record<string, string>): Promise<Result[]> => {
  const r = await worker.post('/api/persons/search', query);
  expect(r.statusCode, JSON.stringify(r.json())).toBe(200);
  return r.json().results;
};
const reasonsOf = (results: Result[], key: string) => results.find((r) => r.id === ids[key])?.reasons;

beforeAll(async () => {
  t = await startTestApp();
  tenant = await buildTenant(t.db);
  worker = await loggedIn(['case_worker']);
  const people: Array<[string, Record<string, unknown>]> = [
    ['robVdBerg', { firstName: 'Rob', infix: 'van den', lastName: 'Berg', dateOfBirth: '1984-05-05' }],
    ['karelBerg', { firstName: 'Karel', lastName: 'Berg', dateOfBirth: '1970-01-01' }],
    ['anjaMeijer', { firstName: 'Anja', lastName: 'Meijer', dateOfBirth: '1968-12-24' }],
    ['pietMeijer', { firstName: 'Piet', lastName: 'Meijer', dateOfBirth: '1960-02-02' }],
    ['hansMeyer', { firstName: 'Hans', lastName: 'Meyer', dateOfBirth: '1955-03-03' }],
    [
      'fatimaElAmrani',
      { firstName: 'Fatima', lastName: 'El Amrani', dateOfBirth: '1985-04-03', postcode: '3511AB', houseNumber: '12' },
    ],
    ['youssefElAmrani', { firstName: 'Youssef', lastName: 'El-Amrani', dateOfBirth: '1982-09-09' }],
    ['aysecelik', { firstName: 'Ayşe', lastName: 'Çelik', dateOfBirth: '1990-07-15' }],
    ['dang', { firstName: 'Thị Lan', lastName: 'Đặng', dateOfBirth: '1979-11-30' }],
    ['zoe', { firstName: 'Zoë', lastName: 'Brouwer', dateOfBirth: '2001-06-01' }],
  ];
  for (const [key, body] of people) {
    const r = await worker.post('/api/persons', { ...body, acknowledgeDuplicates: true });
    expect(r.statusCode, key).toBe(201);
    ids[key] = r.json().id;
  }
});
afterAll(() => t.close());

describe('the person search finds names as they are written', () => {
  it('"van den Berg" finds Rob van den Berg first, with the infix; a Berg without the infix lower', async () => {
    const results = await search({ name: 'van den Berg' });
    expect(results[0]?.id).toBe(ids.robVdBerg);
    expect(reasonsOf(results, 'robVdBerg')).toEqual(expect.arrayContaining(['last_name_equal', 'infix_equal']));
    expect(reasonsOf(results, 'karelBerg')).toEqual(['last_name_equal']);
    // Also written after the surname, and with the infix in another case.
    expect((await search({ name: 'Berg, van den' }))[0]?.id).toBe(ids.robVdBerg);
    expect((await search({ name: 'Rob Van Den Berg' }))[0]?.id).toBe(ids.robVdBerg);
  });

  it('"Meyer" finds Meijer (ij/y) and the other way round, and a half-typed "mei" finds both', async () => {
    const meyer = await search({ name: 'Meyer' });
    expect(reasonsOf(meyer, 'hansMeyer')).toEqual(['last_name_equal']);
    expect(reasonsOf(meyer, 'anjaMeijer')).toEqual(['last_name_sounds_alike']);
    expect(meyer[0]?.id).toBe(ids.hansMeyer);
    const meijer = await search({ name: 'meijer' });
    expect(meijer.map((r) => r.id)).toEqual(expect.arrayContaining([ids.anjaMeijer, ids.pietMeijer, ids.hansMeyer]));
    expect(reasonsOf(meijer, 'hansMeyer')).toEqual(['last_name_sounds_alike']);
    expect((await search({ name: 'mei' })).map((r) => r.id)).toEqual(
      expect.arrayContaining([ids.anjaMeijer, ids.hansMeyer]),
    );
  });

  it('"A. Meijer" finds Anja Meijer by her initial and not Piet Meijer', async () => {
    const results = await search({ name: 'A. Meijer' });
    expect(results.map((r) => r.id)).toContain(ids.anjaMeijer);
    expect(results.map((r) => r.id)).not.toContain(ids.pietMeijer);
    expect(reasonsOf(results, 'anjaMeijer')).toEqual(['last_name_equal', 'initial_matches']);
  });

  it('"El-Amrani", "El Amrani" and "Elamrani" find both spellings, the written form first', async () => {
    const hyphen = await search({ name: 'El-Amrani' });
    expect(hyphen.map((r) => r.id).slice(0, 2)).toEqual([ids.youssefElAmrani, ids.fatimaElAmrani]);
    expect(reasonsOf(hyphen, 'youssefElAmrani')).toEqual(['last_name_equal']);
    expect(reasonsOf(hyphen, 'fatimaElAmrani')).toEqual(['last_name_hyphen_or_space']);
    const space = await search({ name: 'el amrani' });
    expect(space.map((r) => r.id).slice(0, 2)).toEqual([ids.fatimaElAmrani, ids.youssefElAmrani]);
    expect(reasonsOf(space, 'youssefElAmrani')).toEqual(['last_name_hyphen_or_space']);
    const together = await search({ name: 'Elamrani' });
    expect(together.map((r) => r.id)).toEqual(expect.arrayContaining([ids.fatimaElAmrani, ids.youssefElAmrani]));
    expect(reasonsOf(together, 'fatimaElAmrani')).toEqual(['last_name_hyphen_or_space']);
  });

  it('finds names typed without diacritics, and with them', async () => {
    expect(reasonsOf(await search({ name: 'Celik' }), 'aysecelik')).toEqual(['last_name_without_diacritics']);
    expect(reasonsOf(await search({ name: 'ayse celik' }), 'aysecelik')).toEqual([
      'last_name_without_diacritics',
      'first_name_without_diacritics',
    ]);
    expect(reasonsOf(await search({ name: 'Dang' }), 'dang')).toEqual(['last_name_without_diacritics']);
    expect(reasonsOf(await search({ name: 'thi lan dang' }), 'dang')).toEqual(
      expect.arrayContaining(['last_name_without_diacritics']),
    );
    expect(reasonsOf(await search({ name: 'Zoe Brouwer' }), 'zoe')).toEqual([
      'last_name_equal',
      'first_name_without_diacritics',
    ]);
    expect(reasonsOf(await search({ name: 'Çelik' }), 'aysecelik')).toEqual(['last_name_equal']);
  });

  it('finds a misspelt name through trigram similarity, marked as alike', async () => {
    const results = await search({ name: 'Amrany' });
    expect(results.map((r) => r.id)).toEqual(expect.arrayContaining([ids.fatimaElAmrani, ids.youssefElAmrani]));
    expect(reasonsOf(results, 'fatimaElAmrani')).toEqual(['last_name_similar']);
  });

  it('finds a date of birth with day and month swapped, below the exact one', async () => {
    const exact = (
      await worker.post('/api/persons', { firstName: 'Erik', lastName: 'Visser', dateOfBirth: '1985-03-04' })
    ).json();
    const results = await search({ dateOfBirth: '1985-03-04' });
    expect(results.map((r) => r.id).slice(0, 2)).toEqual([exact.id, ids.fatimaElAmrani]);
    expect(results[0]?.reasons).toEqual(['date_of_birth_equal']);
    expect(reasonsOf(results, 'fatimaElAmrani')).toEqual(['date_of_birth_day_month_swapped']);
    // With a name the swapped date narrows, and says why.
    const both = await search({ name: 'el amrani', dateOfBirth: '1985-03-04' });
    expect(both.map((r) => r.id)).toEqual([ids.fatimaElAmrani]);
    expect(both[0]?.reasons).toEqual(['last_name_equal', 'date_of_birth_day_month_swapped']);
  });
});

describe('the regiecheck finds known persons as names are written', () => {
  async function regiecheckFor(resident: Record<string, unknown>) {
    const desk = await loggedIn(['intake_desk']);
    const created = await t.agent().post(`/api/public/referrals/${tenant.slug}`, {
      teamId: tenant.teamId,
      referrerKind: 'professional',
      referrer: {
        name: 'J. de Wit',
        organisation: 'Huisartsenpraktijk De Linde',
        role: 'huisarts',
        phone: '030-1234567',
        email: 'huisarts@example.org',
      },
      residents: [resident],
      children: [],
      lifeDomains: ['finances'],
      question: 'Ik heb hulp nodig met mijn geldzaken.',
      urgency: 'normal',
      childrenAtRisk: 'no',
      residentAwareness: 'agrees',
      attachments: [],
      idempotencyKey: crypto.randomUUID(),
    });
    expect(created.statusCode, JSON.stringify(created.json())).toBe(201);
    const inbox = (await desk.get('/api/referrals')).json().referrals as Array<{ id: string; reference: string }>;
    const id = inbox.find((r) => r.reference === created.json().reference)!.id;
    const check = await desk.get(`/api/referrals/${id}/regiecheck`);
    expect(check.statusCode).toBe(200);
    return check.json().residents[0].matches as Array<{
      person: { id: string };
      reasons: string[];
      matchedOn: string[];
    }>;
  }

  it('finds "van den Berg", "Meyer" for Meijer, "El-Amrani" with day and month swapped, and "Celik" for Çelik, with the reasons', async () => {
    const vdb = await regiecheckFor({
      firstName: 'Rob',
      lastName: 'van den Berg',
      dateOfBirth: '1984-05-05',
      phone: '0612345678',
    });
    expect(vdb[0]?.person.id).toBe(ids.robVdBerg);
    expect(vdb[0]?.reasons).toEqual(
      expect.arrayContaining(['last_name_equal', 'first_name_equal', 'date_of_birth_equal']),
    );
    expect(vdb.map((m) => m.person.id)).not.toContain(ids.karelBerg);

    const meyer = await regiecheckFor({
      firstName: 'Anja',
      lastName: 'Meyer',
      dateOfBirth: '1968-12-24',
      phone: '0612345678',
    });
    expect(meyer[0]?.person.id).toBe(ids.anjaMeijer);
    expect(meyer[0]?.reasons).toEqual(['last_name_sounds_alike', 'date_of_birth_equal', 'first_name_equal']);
    expect(meyer[0]?.matchedOn).toEqual(['name_and_birth_date', 'name']);

    const swapped = await regiecheckFor({
      firstName: 'Fatima',
      lastName: 'El-Amrani',
      dateOfBirth: '1985-03-04',
      phone: '0612345678',
    });
    expect(swapped[0]?.person.id).toBe(ids.fatimaElAmrani);
    expect(swapped[0]?.reasons).toEqual([
      'last_name_hyphen_or_space',
      'date_of_birth_day_month_swapped',
      'first_name_equal',
    ]);

    const accents = await regiecheckFor({ firstName: 'Ayse', lastName: 'Celik', phone: '0612345678' });
    expect(accents[0]?.person.id).toBe(ids.aysecelik);
    expect(accents[0]?.reasons).toEqual(['last_name_without_diacritics', 'first_name_without_diacritics']);
  });
});

describe('the search box in the header', () => {
  it('finds a case by its reference for its worker, not for a worker without the relation; both searches logged', async () => {
    const c = await buildCase(t.db, tenant, { caseWorkerId: worker.userId, referralDomains: ['finances'] });
    const reference = `AM-2031-${String(Math.floor(Math.random() * 90000) + 10000)}`;
    await t.db.inSystem((tx) =>
      tx
        .updateTable('referral')
        .set({ reference })
        .where('id', '=', (eb) => eb.selectFrom('case_file').select('referral_id').where('id', '=', c.id))
        .execute(),
    );
    const [, year, number] = reference.split('-');
    for (const typed of [reference, reference.toLowerCase(), `${year}-${Number(number)}`]) {
      const r = await worker.get(`/api/search?q=${encodeURIComponent(typed)}`);
      expect(r.statusCode).toBe(200);
      expect(r.json().cases, typed).toEqual([
        expect.objectContaining({
          caseId: c.id,
          reference,
          householdName: 'Huishouden Testhuis',
          reason: 'case_reference',
        }),
      ]);
    }
    const logged = await t.db.inSystem((tx) =>
      tx
        .selectFrom('access_log')
        .select(['event', 'action', 'person_id'])
        .where('user_id', '=', worker.userId)
        .where('case_id', '=', c.id)
        .execute(),
    );
    expect(
      logged.filter((l) => l.event === 'case_file.found_by_reference' && l.action === 'search').map((l) => l.person_id),
    ).toEqual(expect.arrayContaining([c.adultId, c.childId]));

    const stranger = await loggedIn(['case_worker']);
    expect((await stranger.get(`/api/search?q=${reference}`)).json().cases).toEqual([]);
  });

  it('finds persons by name, date of birth and postcode with house number, each with its reasons', async () => {
    const byName = (await worker.get('/api/search?q=van%20den%20berg')).json();
    expect(byName.persons[0]).toMatchObject({
      id: ids.robVdBerg,
      reasons: expect.arrayContaining(['last_name_equal', 'infix_equal']),
    });
    // 4 March 1985 typed; Fatima was born on 3 April.
    const byDate = (await worker.get('/api/search?q=4-3-1985')).json();
    expect(byDate.persons.find((p: Result) => p.id === ids.fatimaElAmrani)?.reasons).toEqual([
      'date_of_birth_day_month_swapped',
    ]);
    const byAddress = (await worker.get('/api/search?q=3511ab%2012')).json();
    expect(byAddress.persons.map((p: Result) => p.id)).toEqual([ids.fatimaElAmrani]);
    expect(byAddress.persons[0].reasons).toEqual(['address_equal']);
  });

  it('shows street and town and links to the open case only for who may see it; the link is logged, a hidden case leaves no trace (issue #19 item 10)', async () => {
    const c = await buildCase(t.db, tenant, { caseWorkerId: worker.userId, referralDomains: ['housing'] });
    await t.db.inSystem((tx) =>
      tx
        .updateTable('person')
        .set({
          first_name: 'Quirina',
          last_name: 'Zwaluwstaart',
          street: 'Lindelaan',
          house_number: '7',
          house_number_addition: 'B',
          postcode: '3512CD',
          city: 'Utrecht',
        })
        .where('id', '=', c.adultId)
        .execute(),
    );
    const { reference } = await t.db.inSystem((tx) =>
      tx
        .selectFrom('referral')
        .select('reference')
        .where('id', '=', (eb) => eb.selectFrom('case_file').select('referral_id').where('id', '=', c.id))
        .executeTakeFirstOrThrow(),
    );
    const where = { street: 'Lindelaan', houseNumber: '7', houseNumberAddition: 'B', city: 'Utrecht' };
    const box = (await worker.get('/api/search?q=zwaluwstaart')).json();
    expect(box.persons).toEqual([
      expect.objectContaining({ id: c.adultId, ...where, openCase: { id: c.id, reference, phase: 'analysis' } }),
    ]);
    const form = await search({ name: 'Zwaluwstaart' });
    expect(form).toEqual([
      expect.objectContaining({ id: c.adultId, ...where, openCase: { id: c.id, reference, phase: 'analysis' } }),
    ]);
    const shown = await t.db.inSystem((tx) =>
      tx
        .selectFrom('access_log')
        .select(['action', 'person_id'])
        .where('user_id', '=', worker.userId)
        .where('case_id', '=', c.id)
        .where('event', '=', 'case_file.found_by_person')
        .execute(),
    );
    expect(shown.length).toBe(4); // two searches, each logged for both persons of the case
    expect(shown.every((l) => l.action === 'search')).toBe(true);
    expect(shown.map((l) => l.person_id)).toEqual(expect.arrayContaining([c.adultId, c.childId]));

    // A worker of the same team without a relation to the case finds the person and where they live, never the case.
    const stranger = await loggedIn(['case_worker']);
    const hidden = (await stranger.get('/api/search?q=zwaluwstaart')).json();
    expect(hidden.persons).toEqual([expect.objectContaining({ id: c.adultId, ...where, openCase: null })]);
    const hiddenForm = await stranger.post('/api/persons/search', { name: 'Zwaluwstaart' });
    expect(hiddenForm.json().results).toEqual([expect.objectContaining({ id: c.adultId, openCase: null })]);
    const strangerCaseRows = await t.db.inSystem((tx) =>
      tx
        .selectFrom('access_log')
        .select('event')
        .where('user_id', '=', stranger.userId)
        .where('case_id', '=', c.id)
        .execute(),
    );
    expect(strangerCaseRows).toEqual([]);
  });

  it('refuses a role without person access and a query that is too short, in Dutch', async () => {
    const host = await loggedIn(['volunteer_host']);
    expect((await host.get('/api/search?q=berg')).statusCode).toBe(403);
    const short = await worker.get('/api/search?q=a');
    expect(short.statusCode).toBe(400);
    expect(JSON.stringify(short.json())).toContain('ten minste twee tekens');
  });
});
