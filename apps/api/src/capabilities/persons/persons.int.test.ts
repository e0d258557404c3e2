import type { Role } from '@nabij/contracts';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTenant, buildUser, nextTestBsn } from '../../../test/builders';
import { startTestApp, type Agent, type TestApp } from '../../../test/test-app';

let t: TestApp;
let tenant: { id: string; teamId: string };
let worker: Agent;

async function loggedIn(roles: Role[], forTenant = tenant) {
  const user = await buildUser(t.db, forTenant, { roles });
  const agent = t.agent();
  await agent.login(user.username, user.password);
  return Object.assign(agent, { userId: user.id });
}

const accessRows = (personId: string) =>
  t.db.inSystem((tx) =>
    tx
      .selectFrom('access_log')
      .select(['action', 'event', 'user_id', 'user_role', 'outcome', 'data_category', 'detail'])
      .where('person_id', '=', personId)
      .orderBy('id')
      .execute(),
  );

beforeAll(async () => {
  t = await startTestApp();
  tenant = await buildTenant(t.db);
  worker = await loggedIn(['case_worker']);
});
afterAll(() => t.close());

describe('registering a person', () => {
  it('stores a person and logs the creation in the access log', async () => {
    const bsn = nextTestBsn();
    const r = await worker.post('/api/persons', {
      firstName: 'Fenna',
      infix: 'van der',
      lastName: 'Meer',
      dateOfBirth: '2012-05-01',
      bsn,
      postcode: '3511 ab',
      houseNumber: '10',
      phone: '06-11112222',
      preferredLanguage: 'Nederlands',
      interpreterNeeded: false,
    });
    expect(r.statusCode).toBe(201);
    const p = r.json();
    expect(p).toMatchObject({
      fullName: 'Fenna van der Meer',
      postcode: '3511AB',
      bsn: `•••••${bsn.slice(-4)}`,
      isMinor: true,
      version: 1,
    });
    const rows = await accessRows(p.id);
    expect(rows).toEqual([
      {
        action: 'create',
        event: 'person.registered',
        user_id: (worker as Agent & { userId: string }).userId,
        user_role: 'case_worker',
        outcome: 'allowed',
        data_category: 'identity',
        detail: null,
      },
    ]);
  });

  it('refuses invalid input with Dutch field errors and stores nothing', async () => {
    const before = await t.db.inSystem((tx) =>
      tx
        .selectFrom('person')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow(),
    );
    const r = await worker.post('/api/persons', {
      firstName: ' ',
      lastName: 'Test',
      bsn: '123456789',
      postcode: '0123 AB',
      dateOfBirth: '2023-02-30',
      email: 'geen-mail',
    });
    expect(r.statusCode).toBe(400);
    expect(r.json().fieldErrors).toEqual({
      firstName: ['Vul de voornaam in.'],
      bsn: ['Dit BSN klopt niet. Controleer de 9 cijfers (een BSN van 8 cijfers mag ook).'],
      postcode: ['Vul een geldige postcode in, bijvoorbeeld 1234 AB.'],
      dateOfBirth: ['Deze datum bestaat niet.'],
      email: ['Vul een geldig e-mailadres in.'],
    });
    const after = await t.db.inSystem((tx) =>
      tx
        .selectFrom('person')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow(),
    );
    expect(after.n).toBe(before.n);
  });

  it('warns for likely duplicates and only creates after the user acknowledges them', async () => {
    const first = (
      await worker.post('/api/persons', { firstName: 'Gerrit', lastName: 'Zwart', dateOfBirth: '1950-01-01' })
    ).json();
    const again = await worker.post('/api/persons', {
      firstName: 'Gerard',
      lastName: 'Zwarts',
      dateOfBirth: '1950-01-01',
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('possible_duplicate');
    expect(again.json().duplicates.map((d: { id: string }) => d.id)).toEqual([first.id]);
    const forced = await worker.post('/api/persons', {
      firstName: 'Gerard',
      lastName: 'Zwarts',
      dateOfBirth: '1950-01-01',
      acknowledgeDuplicates: true,
    });
    expect(forced.statusCode).toBe(201);
  });

  it('refuses registration to a role that may only read', async () => {
    const scientist = await loggedIn(['behavioural_scientist']);
    const r = await scientist.post('/api/persons', { firstName: 'Niet', lastName: 'Toegestaan' });
    expect(r.statusCode).toBe(403);
  });
});

describe('finding and opening a person', () => {
  let personId: string;
  const bsn = nextTestBsn();
  beforeAll(async () => {
    personId = (
      await worker.post('/api/persons', {
        firstName: 'Karin',
        infix: 'de',
        lastName: 'Wit',
        dateOfBirth: '1980-02-02',
        bsn,
        postcode: '1234AB',
        houseNumber: '5',
      })
    ).json().id;
  });

  it.each([
    ['a name prefix', { name: 'wi' }],
    ['first and last name', { name: 'karin wit' }],
    ['a word inside a compound last name', { name: 'karin de wit' }],
    ['date of birth', { dateOfBirth: '1980-02-02' }],
    ['BSN', { bsn }],
    ['postcode and house number', { postcode: '1234 ab', houseNumber: '5' }],
  ])('finds a person by %s and logs the search without its terms', async (_label, query) => {
    const r = await worker.post('/api/persons/search', query);
    expect(r.statusCode).toBe(200);
    expect(r.json().results.map((p: { id: string }) => p.id)).toContain(personId);
    const rows = await accessRows(personId);
    const search = rows.filter((row) => row.event === 'person.searched').at(-1);
    expect(search?.action).toBe('search');
    expect(JSON.stringify(search?.detail)).not.toMatch(/wi|karin|1980|1234|\d{9}/i);
  });

  // The name words of migration 0023: a token must start the first name, the infix, the last name or a part of
  // the last name after a space or hyphen; typed % and _ are letters; a rename changes what is found.
  it('matches name words of compound names, follows a rename and treats % and _ as letters', async () => {
    const created = await worker.post('/api/persons', {
      firstName: 'Noor',
      infix: 'van der',
      lastName: 'El Amrani-Bakker',
      dateOfBirth: '1991-03-04',
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().id as string;
    const found = async (name: string) =>
      ((await worker.post('/api/persons/search', { name })).json().results as Array<{ id: string }>).some(
        (p) => p.id === id,
      );
    // Every word of the infix is a name word too (migration 0028): "der" alone finds the "van der" of this person.
    for (const name of ['noor', 'NO', 'van', 'der', 'el amr', 'amrani', 'amrani-ba', 'bakker', 'noor bakk'])
      expect(await found(name), name).toBe(true);
    for (const name of ['rani', 'akker', 'noor jansen', 'b%', 'n_or']) expect(await found(name), name).toBe(false);
    const current = (await worker.get(`/api/persons/${id}`)).json();
    const renamed = await worker.put(`/api/persons/${id}`, {
      version: current.version,
      firstName: 'Noor',
      lastName: 'Jansen',
      dateOfBirth: '1991-03-04',
    });
    expect(renamed.statusCode).toBe(200);
    expect(await found('bakker')).toBe(false);
    expect(await found('noor jansen')).toBe(true);
  });

  it('asks for a usable search instead of listing everybody', async () => {
    const r = await worker.post('/api/persons/search', { name: 'a' });
    expect(r.statusCode).toBe(400);
    expect(r.json().message).toContain('Niet alle velden');
  });

  it('opens a person page with households, and logs the read', async () => {
    const r = await worker.get(`/api/persons/${personId}`);
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ id: personId, fullName: 'Karin de Wit', age: expect.any(Number), households: [] });
    expect((await accessRows(personId)).some((row) => row.event === 'person.viewed' && row.action === 'read')).toBe(
      true,
    );
  });

  it('refuses a volunteer host, who sees no case data, and logs the refusal', async () => {
    const host = await loggedIn(['volunteer_host']);
    expect((await host.get(`/api/persons/${personId}`)).statusCode).toBe(403);
    expect((await host.post('/api/persons/search', { name: 'wit' })).statusCode).toBe(403);
    const denied = await t.db.inSystem((tx) =>
      tx
        .selectFrom('access_log')
        .select('event')
        .where('user_id', '=', host.userId)
        .where('outcome', '=', 'denied')
        .execute(),
    );
    expect(denied).toHaveLength(2);
  });

  it('answers 404 in Dutch for a person that does not exist', async () => {
    const r = await worker.get('/api/persons/00000000-0000-4000-8000-000000000000');
    expect(r.statusCode).toBe(404);
    expect(r.json()).toEqual({ code: 'person_not_found', message: 'Deze persoon is niet gevonden.' });
  });
});

describe('changing a person', () => {
  it('applies a change with the current version and refuses a stale one (no lost update)', async () => {
    const p = (await worker.post('/api/persons', { firstName: 'Ruud', lastName: 'Groen' })).json();
    const other = await loggedIn(['case_worker']);
    const mine = await worker.put(`/api/persons/${p.id}`, {
      firstName: 'Ruud',
      lastName: 'Groen',
      phone: '0612345678',
      version: 1,
    });
    expect(mine.statusCode).toBe(200);
    expect(mine.json()).toMatchObject({ phone: '0612345678', version: 2 });
    const theirs = await other.put(`/api/persons/${p.id}`, {
      firstName: 'Ruud',
      lastName: 'Groen',
      city: 'Utrecht',
      version: 1,
    });
    expect(theirs.statusCode).toBe(409);
    expect(theirs.json().code).toBe('version_conflict');
    expect((await worker.get(`/api/persons/${p.id}`)).json()).toMatchObject({
      phone: '0612345678',
      city: null,
      version: 2,
    });
  });
});

describe('the full BSN leaves the server only where it is needed (issue #21 item 11, ADR 0051)', () => {
  it('is masked in every answer about a person or a referral, and shown in full only by "Toon BSN", logged', async () => {
    const bsn = nextTestBsn();
    const created = await worker.post('/api/persons', { firstName: 'Bas', lastName: 'Masker', bsn });
    expect(created.statusCode).toBe(201);
    const id = created.json<{ id: string; version: number }>().id;
    const masked = `•••••${bsn.slice(-4)}`;
    const answers = [
      created,
      await worker.get(`/api/persons/${id}`),
      await worker.put(`/api/persons/${id}`, {
        firstName: 'Bas',
        lastName: 'Masker',
        bsn,
        city: 'Utrecht',
        version: created.json<{ version: number }>().version,
      }),
      await worker.post('/api/persons/search', { bsn }),
      await worker.get(`/api/search?q=${bsn}`),
    ];
    for (const a of answers) {
      expect(a.statusCode).toBe(200 + (a === created ? 1 : 0));
      expect(a.body).not.toContain(bsn);
    }
    expect(answers[1]!.json()).toMatchObject({ bsn: masked });
    expect(answers[2]!.json()).toMatchObject({ bsn: masked, city: 'Utrecht' });
    // Every role that reads persons gets it masked; the behavioural scientist and the consultant cannot reveal it.
    for (const role of ['behavioural_scientist', 'municipal_consultant'] as const) {
      const reader = await loggedIn([role]);
      const page = await reader.get(`/api/persons/${id}`);
      expect(page.json()).toMatchObject({ bsn: masked });
      expect(page.body).not.toContain(bsn);
      const refused = await reader.get(`/api/persons/${id}/bsn`);
      expect(refused.statusCode).toBe(403);
      expect(refused.body).not.toContain(bsn);
    }

    // "Toon BSN": the full number for a role that registers and changes persons, each time its own log row.
    const shown = await worker.get(`/api/persons/${id}/bsn`);
    expect(shown.json()).toEqual({ bsn });
    expect((await worker.get(`/api/persons/${id}/bsn?purpose=edit`)).json()).toEqual({ bsn });
    const rows = (await accessRows(id)).filter((r) => r.event === 'person.bsn_shown');
    expect(rows.map((r) => [r.action, r.outcome, r.data_category, r.detail])).toEqual([
      ['read', 'allowed', 'identity', { purpose: 'show', hasBsn: true }],
      ['read', 'allowed', 'identity', { purpose: 'edit', hasBsn: true }],
    ]);

    // A referral's residents: masked too (the regiecheck compares the number on the server).
    const desk = await loggedIn(['intake_desk']);
    const referralBsn = nextTestBsn();
    const referral = await desk.post('/api/referrals', {
      teamId: tenant.teamId,
      channel: 'phone',
      referrerKind: 'self',
      referrer: {},
      residents: [{ firstName: 'Rik', lastName: 'Masker', bsn: referralBsn }],
      lifeDomains: ['housing'],
      question: 'Hulp bij de huur.',
      idempotencyKey: crypto.randomUUID(),
    });
    expect(referral.statusCode).toBe(201);
    expect(referral.body).not.toContain(referralBsn);
    expect(referral.json<{ residents: Array<{ bsn: string }> }>().residents[0]!.bsn).toBe(
      `•••••${referralBsn.slice(-4)}`,
    );
    const opened = await desk.get(`/api/referrals/${referral.json<{ id: string }>().id}`);
    expect(opened.statusCode).toBe(200);
    expect(opened.body).not.toContain(referralBsn);
  });
});

describe('households', () => {
  it('builds a household with members, derives minors, and guards the last member and concurrent changes', async () => {
    const mother = (
      await worker.post('/api/persons', { firstName: 'Iris', lastName: 'Bloem', dateOfBirth: '1985-01-01' })
    ).json();
    const child = (
      await worker.post('/api/persons', { firstName: 'Jip', lastName: 'Bloem', dateOfBirth: '2016-01-01' })
    ).json();
    const created = await worker.post('/api/households', {
      name: 'Huishouden Bloem',
      members: [{ personId: mother.id, relation: 'parent' }],
    });
    expect(created.statusCode).toBe(200);
    const h = created.json();
    const added = await worker.post(`/api/households/${h.id}/members`, {
      personId: child.id,
      relation: 'child',
      version: h.version,
    });
    expect(
      added
        .json()
        .members.map((m: { fullName: string; relation: string; isMinor: boolean }) => [
          m.fullName,
          m.relation,
          m.isMinor,
        ]),
    ).toEqual([
      ['Iris Bloem', 'parent', false],
      ['Jip Bloem', 'child', true],
    ]);
    expect(
      (
        await worker.post(`/api/households/${h.id}/members`, { personId: child.id, relation: 'child', version: 2 })
      ).json().code,
    ).toBe('already_member');
    expect((await worker.delete(`/api/households/${h.id}/members/${child.id}?version=1`)).json().code).toBe(
      'version_conflict',
    );
    const removed = await worker.delete(`/api/households/${h.id}/members/${child.id}?version=2`);
    expect(removed.json().members).toHaveLength(1);
    expect((await worker.delete(`/api/households/${h.id}/members/${mother.id}?version=3`)).json().code).toBe(
      'last_member',
    );
    const page = (await worker.get(`/api/persons/${mother.id}`)).json();
    expect(page.households).toEqual([expect.objectContaining({ id: h.id, name: 'Huishouden Bloem' })]);
  });
});

describe('tenancy', () => {
  it('a worker of another municipality cannot find, open or change a person, and gets 404 not 403', async () => {
    const p = (
      await worker.post('/api/persons', { firstName: 'Olga', lastName: 'Uniek', dateOfBirth: '1977-07-07' })
    ).json();
    const elsewhere = await buildTenant(t.db);
    const stranger = await loggedIn(['case_worker'], elsewhere);
    expect((await stranger.post('/api/persons/search', { name: 'uniek' })).json().results).toEqual([]);
    expect((await stranger.get(`/api/persons/${p.id}`)).statusCode).toBe(404);
    expect((await stranger.put(`/api/persons/${p.id}`, { firstName: 'X', lastName: 'Y', version: 1 })).statusCode).toBe(
      404,
    );
  });

  it('the database itself hides other tenants rows from the application role, even without a where clause', async () => {
    const elsewhere = await buildTenant(t.db);
    const visible = await t.db.inTenant(
      elsewhere.id,
      async (tx) => (await sql<{ n: number }>`select count(*)::int as n from person`.execute(tx)).rows[0]?.n,
    );
    expect(visible).toBe(0);
    const inserting = t.db.inTenant(elsewhere.id, (tx) =>
      tx
        .insertInto('person')
        .values({
          tenant_id: tenant.id,
          first_name: 'Fout',
          last_name: 'Tenant',
          created_by: null,
          updated_by: null,
          infix: null,
          date_of_birth: null,
          bsn: null,
          postcode: null,
          house_number: null,
          house_number_addition: null,
          street: null,
          city: null,
          phone: null,
          email: null,
          preferred_language: null,
        })
        .execute(),
    );
    await expect(inserting).rejects.toThrow(/row-level security/);
  });
});
