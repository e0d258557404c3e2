import { randomUUID } from 'node:crypto';
import type { MergeAdminEntry, PersonMergeView, Role } from '@nabij/contracts';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCase, buildTenant, buildUser, nextTestBsn } from '../../../test/builders';
import { startTestApp, type Agent, type TestApp } from '../../../test/test-app';

// Issue #17 items 13 (merge two person records, undo by the functional administrator) and 14 (a known BSN is a clear
// 409; no date of birth in the future).

let t: TestApp;
let tenant: { id: string; slug: string; teamId: string };
const as: Record<string, Agent & { userId: string }> = {};

async function login(key: string, roles: Role[]) {
  const user = await buildUser(t.db, tenant, { roles });
  const agent = t.agent();
  await agent.login(user.username, user.password);
  as[key] = Object.assign(agent, { userId: user.id });
  return as[key];
}

const logged = (personId: string, event: string) =>
  t.db.inSystem((tx) =>
    tx
      .selectFrom('access_log')
      .select(['action', 'user_id', 'detail'])
      .where('person_id', '=', personId)
      .where('event', '=', event)
      .execute(),
  );
const members = (householdId: string) =>
  t.db.inSystem(
    async (tx) =>
      await tx
        .selectFrom('household_member')
        .select(['person_id', 'relation'])
        .where('household_id', '=', householdId)
        .orderBy('person_id')
        .execute(),
  );

beforeAll(async () => {
  t = await startTestApp();
  tenant = await buildTenant(t.db);
  await login('worker', ['case_worker']);
  await login('otherWorker', ['case_worker']);
  await login('desk', ['intake_desk']);
  await login('admin', ['functional_admin']);
  // A table a later migration might add: the merge follows the catalogue's foreign keys, so it is covered too.
  await t.db.pool.query(
    `create table merge_test_later (id uuid primary key default gen_random_uuid(), tenant_id uuid not null, person_id uuid references person (id), note text)`,
  );
  await t.db.pool.query('grant select on merge_test_later to nabij_app');
});
afterAll(() => t.close());

describe('registering a person whose BSN is known, and dates of birth (item 14)', () => {
  it('answers 409 bsn_exists pointing to that person — also after acknowledging duplicates — and stores nothing', async () => {
    const bsn = nextTestBsn();
    const first = await as.desk!.post('/api/persons', { firstName: 'Joke', lastName: 'Vermeulen', bsn });
    expect(first.statusCode).toBe(201);
    for (const acknowledgeDuplicates of [false, true]) {
      const again = await as.desk!.post('/api/persons', {
        firstName: 'Johanna',
        lastName: 'Vermeulen-Smit',
        bsn,
        acknowledgeDuplicates,
      });
      expect(again.statusCode).toBe(409);
      expect(again.json()).toMatchObject({
        code: 'bsn_exists',
        personId: first.json().id,
        person: { id: first.json().id, fullName: 'Joke Vermeulen' },
      });
      expect(again.json().message).toContain('Er is al een persoon met dit BSN');
    }
    const count = await t.db.inSystem((tx) => tx.selectFrom('person').select('id').where('bsn', '=', bsn).execute());
    expect(count).toHaveLength(1);
    expect((await logged(first.json().id, 'person.duplicates_shown')).length).toBeGreaterThanOrEqual(2);
  });

  it('refuses to give a person the BSN of another person (409, not a version conflict)', async () => {
    const bsn = nextTestBsn();
    await as.desk!.post('/api/persons', { firstName: 'Kees', lastName: 'Bakker', bsn });
    const other = (
      await as.desk!.post('/api/persons', { firstName: 'Klaas', lastName: 'Visser', dateOfBirth: '1970-01-01' })
    ).json();
    const r = await as.desk!.put(`/api/persons/${other.id}`, {
      version: other.version,
      firstName: 'Klaas',
      lastName: 'Visser',
      bsn,
    });
    expect(r.statusCode).toBe(409);
    expect(r.json().code).toBe('bsn_exists');
  });

  it('answers 409 bsn_exists when the regiecheck would register a new person with a known BSN', async () => {
    const bsn = nextTestBsn();
    const known = (await as.desk!.post('/api/persons', { firstName: 'Anouk', lastName: 'Dekker', bsn })).json();
    const referral = await as.desk!.post('/api/referrals', {
      teamId: tenant.teamId,
      channel: 'phone',
      referrerKind: 'partner',
      referrer: { organisation: 'Woningcorporatie Thuis', phone: '030-7654321' },
      residents: [{ firstName: 'Anouk', lastName: 'Dekker', bsn }],
      lifeDomains: ['finances'],
      question: 'Schulden en post die zich opstapelt.',
      idempotencyKey: randomUUID(),
    });
    expect(referral.statusCode, referral.body).toBe(201);
    const view = (await as.desk!.get(`/api/referrals/${referral.json().id}`)).json();
    const links = view.residents.map((p: { id: string }) => ({ referralPersonId: p.id, personId: null }));
    const r = await as.desk!.post(`/api/referrals/${view.id}/regiecheck`, {
      version: view.version,
      links,
      householdId: null,
    });
    expect(r.statusCode).toBe(409);
    expect(r.json()).toMatchObject({ code: 'bsn_exists', personId: known.id });
  });

  it('refuses a date of birth in the future with a Dutch message, on registration and on a change', async () => {
    const future = `${new Date().getFullYear() + 1}-01-01`;
    const r = await as.desk!.post('/api/persons', {
      firstName: 'Toekomst',
      lastName: 'Kind',
      dateOfBirth: '2099-01-01',
    });
    expect(r.statusCode).toBe(400);
    expect(r.json().fieldErrors).toEqual({ dateOfBirth: ['Een geboortedatum kan niet in de toekomst liggen.'] });
    const p = (
      await as.desk!.post('/api/persons', { firstName: 'Nu', lastName: 'Geboren', dateOfBirth: '2020-02-02' })
    ).json();
    const change = await as.desk!.put(`/api/persons/${p.id}`, {
      version: p.version,
      firstName: 'Nu',
      lastName: 'Geboren',
      dateOfBirth: future,
    });
    expect(change.statusCode).toBe(400);
    expect(change.json().fieldErrors.dateOfBirth).toEqual(['Een geboortedatum kan niet in de toekomst liggen.']);
    expect((await as.desk!.get(`/api/persons/${p.id}`)).json().dateOfBirth).toBe('2020-02-02');
  });
});

describe('merging two person records that are one person (item 13)', () => {
  let kase: Awaited<ReturnType<typeof buildCase>>;
  let duplicateId: string;
  let secondHousehold: string;
  let referralPersonId: string;
  let laterRowId: string;

  beforeAll(async () => {
    // The case's household: adult Anna and child Bo. A second referral re-created Bo: a duplicate with a phone number,
    // in the same household (a second membership) and in a new household of its own, named on a referral.
    kase = await buildCase(t.db, tenant, { caseWorkerId: as.worker!.userId, referralDomains: ['parenting'] });
    const dup = await as.worker!.post('/api/persons', {
      firstName: 'Bo',
      lastName: 'Testhuis',
      dateOfBirth: '2018-01-01',
      phone: '0612345678',
      acknowledgeDuplicates: true,
    });
    expect(dup.statusCode).toBe(201);
    duplicateId = dup.json().id;
    const household = (
      await as.worker!.post('/api/households', {
        name: 'Huishouden Testhuis (tweede aanmelding)',
        members: [{ personId: duplicateId, relation: 'child' }],
      })
    ).json();
    secondHousehold = household.id;
    const h1 = (await as.worker!.get(`/api/persons/${kase.adultId}`)).json().households[0];
    expect(
      (
        await as.worker!.post(`/api/households/${h1.id}/members`, {
          personId: duplicateId,
          relation: 'other',
          version: h1.version,
        })
      ).statusCode,
    ).toBe(200);
    await t.db.inSystem(async (tx) => {
      const referralId = (
        await tx.selectFrom('case_file').select('referral_id').where('id', '=', kase.id).executeTakeFirstOrThrow()
      ).referral_id!;
      referralPersonId = (
        await tx
          .insertInto('referral_person')
          .values({
            referral_id: referralId,
            tenant_id: tenant.id,
            position: 9,
            role: 'household_member',
            first_name: 'Bo',
            infix: null,
            last_name: null,
            date_of_birth: null,
            age: 8,
            bsn: null,
            postcode: null,
            house_number: null,
            street: null,
            city: null,
            phone: null,
            person_id: duplicateId,
          })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
      laterRowId = (
        await sql<{
          id: string;
        }>`insert into merge_test_later (tenant_id, person_id, note) values (${tenant.id}, ${duplicateId}, 'x') returning id`.execute(
          tx,
        )
      ).rows[0]!.id;
    });
  });

  it('can count what would move in every table that refers to a person (the request role reads each of them)', async () => {
    const r = await t.db.pool.query<{ child: string; readable: boolean }>(`
      select c.conrelid::regclass::text as child, has_table_privilege('nabij_app', c.conrelid, 'SELECT') as readable
      from pg_constraint c where c.contype = 'f' and c.confrelid = 'person'::regclass`);
    expect(r.rows.length).toBeGreaterThan(10);
    expect(r.rows.filter((x) => !x.readable).map((x) => x.child)).toEqual([]);
  });

  it('shows both side by side with what would move, and refuses a worker without access to the case file', async () => {
    const preview = await as.worker!.post(`/api/persons/${kase.childId}/merge-preview`, { otherId: duplicateId });
    expect(preview.statusCode).toBe(200);
    expect(preview.json()).toMatchObject({
      person: { id: kase.childId },
      other: { id: duplicateId, phone: '0612345678' },
      blocked: null,
    });
    expect(preview.json().references).toEqual(
      expect.arrayContaining([
        { table: 'household_member', count: 2 },
        { table: 'referral_person', count: 1 },
        { table: 'merge_test_later', count: 1 },
      ]),
    );
    const shownCandidates = await as.worker!.get(`/api/persons/${kase.childId}/merge-candidates`);
    expect(shownCandidates.statusCode, shownCandidates.body).toBe(200);
    const candidates = shownCandidates.json().results.map((p: { id: string }) => p.id);
    expect(candidates).toContain(duplicateId);

    expect(
      (await as.otherWorker!.post(`/api/persons/${kase.childId}/merge-preview`, { otherId: duplicateId })).json()
        .blocked,
    ).toBe('merge_no_case_access');
    const refused = await as.otherWorker!.post(`/api/persons/${kase.childId}/merge`, {
      otherId: duplicateId,
      version: 1,
      otherVersion: 1,
      confirm: true,
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('merge_no_case_access');
    const denials = await t.db.inSystem((tx) =>
      tx
        .selectFrom('access_log')
        .select(['person_id', 'outcome'])
        .where('event', '=', 'person.merge_refused')
        .where('user_id', '=', as.otherWorker!.userId)
        .execute(),
    );
    expect(denials.map((d) => d.person_id).sort()).toEqual([kase.childId, duplicateId].sort());
    expect(denials.every((d) => d.outcome === 'denied')).toBe(true);
    expect(
      (
        await as.admin!.post(`/api/persons/${kase.childId}/merge`, {
          otherId: duplicateId,
          version: 1,
          otherVersion: 1,
          confirm: true,
        })
      ).statusCode,
    ).toBe(403);
  });

  it('refuses a stale version, an unconfirmed merge and two different BSNs, and changes nothing', async () => {
    const stale = await as.worker!.post(`/api/persons/${kase.childId}/merge`, {
      otherId: duplicateId,
      version: 1,
      otherVersion: 7,
      confirm: true,
    });
    expect(stale.json().code).toBe('version_conflict');
    expect(
      (
        await as.worker!.post(`/api/persons/${kase.childId}/merge`, {
          otherId: duplicateId,
          version: 1,
          otherVersion: 1,
        })
      ).statusCode,
    ).toBe(400);
    const a = (
      await as.desk!.post('/api/persons', { firstName: 'Twee', lastName: 'Nummers', bsn: nextTestBsn() })
    ).json();
    const b = (
      await as.desk!.post('/api/persons', {
        firstName: 'Twee',
        lastName: 'Nummers',
        bsn: nextTestBsn(),
        acknowledgeDuplicates: true,
      })
    ).json();
    const differs = await as.desk!.post(`/api/persons/${a.id}/merge`, {
      otherId: b.id,
      version: a.version,
      otherVersion: b.version,
      confirm: true,
    });
    expect(differs.statusCode).toBe(409);
    expect(differs.json().code).toBe('merge_bsn_differs');
    expect((await as.worker!.get(`/api/persons/${duplicateId}`)).statusCode).toBe(200);
  });

  it('moves every reference, keeps the chosen values, logs the merge and shows it on the person', async () => {
    const merged = await as.worker!.post(`/api/persons/${kase.childId}/merge`, {
      otherId: duplicateId,
      version: 1,
      otherVersion: 1,
      keep: { phone: 'other' },
      confirm: true,
    });
    expect(merged.statusCode, merged.body).toBe(200);
    expect(merged.json()).toMatchObject({
      reference: expect.stringMatching(/^SV-[0-9A-F]{8}$/),
      person: { id: kase.childId, fullName: 'Bo Testhuis', phone: '0612345678', dateOfBirth: '2018-01-01' },
    });
    const gone = await as.worker!.get(`/api/persons/${duplicateId}`);
    expect(gone.statusCode).toBe(404);
    expect(gone.json()).toMatchObject({ code: 'person_merged', personId: kase.childId });

    expect((await members(kase.householdId)).map((m) => m.person_id).sort()).toEqual(
      [kase.adultId, kase.childId].sort(),
    );
    expect(await members(secondHousehold)).toEqual([{ person_id: kase.childId, relation: 'child' }]);
    const links = await t.db.inSystem(async (tx) => ({
      referral: (
        await tx
          .selectFrom('referral_person')
          .select('person_id')
          .where('id', '=', referralPersonId)
          .executeTakeFirstOrThrow()
      ).person_id,
      later: (
        await sql<{ person_id: string }>`select person_id from merge_test_later where id = ${laterRowId}`.execute(tx)
      ).rows[0]!.person_id,
    }));
    expect(links).toEqual({ referral: kase.childId, later: kase.childId });

    for (const id of [kase.childId, duplicateId])
      expect(await logged(id, 'person.merged')).toEqual([
        expect.objectContaining({ action: 'update', user_id: as.worker!.userId }),
      ]);
    const shown = (await as.worker!.get(`/api/persons/${kase.childId}/merges`)).json().merges as PersonMergeView[];
    expect(shown).toEqual([
      expect.objectContaining({
        keptPersonId: kase.childId,
        mergedPersonId: duplicateId,
        mergedPersonName: 'Bo Testhuis',
        undoneAt: null,
      }),
    ]);
    expect(await logged(kase.childId, 'person.merges_viewed')).toHaveLength(1);
    // The name words of search belong to the person that stays only.
    const words = await t.db.inSystem((tx) =>
      tx.selectFrom('person_name_word').select('person_id').where('person_id', '=', duplicateId).execute(),
    );
    expect(words).toEqual([]);
  });

  it('is undone by the functional administrator only: both records and exactly what moved come back', async () => {
    // Something added to the person that stays after the merge stays with it.
    const third = (
      await as.worker!.post('/api/households', {
        name: 'Huishouden Later',
        members: [{ personId: kase.childId, relation: 'child' }],
      })
    ).json();
    const list = await as.admin!.get('/api/person-merges');
    expect(list.statusCode).toBe(200);
    expect(list.body).not.toMatch(/Testhuis|0612345678/);
    const entry = (list.json().merges as MergeAdminEntry[]).find((m) => m.moved > 0)!;
    expect(entry).toMatchObject({ moved: 3, removed: 1, cannotUndo: null, undoneAt: null });
    expect(
      (
        await as.worker!.post(`/api/person-merges/${entry.id}/undo`, {
          version: entry.version,
          reason: 'Toch twee kinderen.',
        })
      ).statusCode,
    ).toBe(403);

    const undo = await as.admin!.post(`/api/person-merges/${entry.id}/undo`, {
      version: entry.version,
      reason: 'Het waren toch twee verschillende kinderen.',
    });
    expect(undo.statusCode, undo.body).toBe(200);
    expect(undo.json()).toEqual({ restored: 4, skipped: 0 });

    const back = (await as.worker!.get(`/api/persons/${duplicateId}`)).json();
    expect(back).toMatchObject({ id: duplicateId, fullName: 'Bo Testhuis', phone: '0612345678' });
    expect((await as.worker!.get(`/api/persons/${kase.childId}`)).json().phone).toBeNull();
    expect((await members(kase.householdId)).map((m) => m.person_id).sort()).toEqual(
      [kase.adultId, kase.childId, duplicateId].sort(),
    );
    expect(await members(secondHousehold)).toEqual([{ person_id: duplicateId, relation: 'child' }]);
    expect(await members(third.id)).toEqual([{ person_id: kase.childId, relation: 'child' }]);
    const links = await t.db.inSystem(async (tx) => ({
      referral: (
        await tx
          .selectFrom('referral_person')
          .select('person_id')
          .where('id', '=', referralPersonId)
          .executeTakeFirstOrThrow()
      ).person_id,
      later: (
        await sql<{ person_id: string }>`select person_id from merge_test_later where id = ${laterRowId}`.execute(tx)
      ).rows[0]!.person_id,
    }));
    expect(links).toEqual({ referral: duplicateId, later: duplicateId });
    const words = await t.db.inSystem((tx) =>
      tx.selectFrom('person_name_word').select('word').where('person_id', '=', duplicateId).execute(),
    );
    expect(words.map((w) => w.word)).toEqual(expect.arrayContaining(['bo', 'testhuis']));

    for (const id of [kase.childId, duplicateId])
      expect(await logged(id, 'person.merge_undone')).toEqual([
        expect.objectContaining({ action: 'update', user_id: as.admin!.userId }),
      ]);
    const record = await t.db.inSystem((tx) =>
      tx
        .selectFrom('person_merge')
        .select(['merged_person', 'survivor_before', 'undo_reason'])
        .where('id', '=', entry.id)
        .executeTakeFirstOrThrow(),
    );
    expect(record).toEqual({
      merged_person: null,
      survivor_before: null,
      undo_reason: 'Het waren toch twee verschillende kinderen.',
    });
    const shown = (await as.worker!.get(`/api/persons/${duplicateId}`)).statusCode;
    expect(shown).toBe(200);
    const again = await as.admin!.post(`/api/person-merges/${entry.id}/undo`, {
      version: entry.version + 1,
      reason: 'Nog een keer.',
    });
    expect(again.json().code).toBe('merge_already_undone');
  });
});
