/**
 * Idempotent creation (issue #11 §4): a create that is double-submitted (two clicks, a client retrying
 * while the first request still runs) or retried afterwards has exactly one effect — one row, one
 * access-log entry, one e-mail — and every attempt gets the same record back, not an error: referrals
 * (public form and desk), letters to the referrer, and contacts in the journaal.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCase, buildTenant, buildUser } from '../builders';
import { Agent, startTestApp, type TestApp } from '../test-app';

const CONCURRENT = 8;
let t: TestApp;
let tenant: { id: string; slug: string; teamId: string };
let desk: Agent;
let worker: Agent;
let caseId: string;

const referrer = { name: 'Dr. A. Huisman', organisation: 'Huisartsenpraktijk De Linde', phone: '030-1234567' };
const content = (key: string) => ({
  teamId: tenant.teamId,
  residents: [{ firstName: 'Mira', lastName: 'Dubbel' }],
  lifeDomains: ['finances'],
  question: `Dubbel verstuurd ${key}`,
  idempotencyKey: key,
});

const count = (table: 'referral' | 'letter' | 'contact_entry', key: string) =>
  t.db.inSystem(async (tx) =>
    Number(
      (
        await tx
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .where('idempotency_key', '=', key)
          .executeTakeFirstOrThrow()
      ).n,
    ),
  );
const logged = (event: string, detailKey: string, id: string) =>
  t.db.inSystem(async (tx) =>
    Number(
      (
        await tx
          .selectFrom('access_log')
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .where('event', '=', event)
          .where(sql<boolean>`detail->>${detailKey} = ${id}`)
          .executeTakeFirstOrThrow()
      ).n,
    ),
  );
const mails = (to: string, subject: string) =>
  t.db.inSystem(
    async (tx) =>
      (
        await tx
          .selectFrom('outbox_message')
          .select('id')
          .where('recipient', '=', to)
          .where('subject', 'like', `%${subject}%`)
          .execute()
      ).length,
  );

beforeAll(async () => {
  t = await startTestApp();
  tenant = await buildTenant(t.db);
  await t.db.inSystem((tx) =>
    tx.updateTable('team').set({ accepts_web_referrals: true }).where('id', '=', tenant.teamId).execute(),
  );
  const user = await buildUser(t.db, tenant, { roles: ['intake_desk'] });
  desk = t.agent();
  await desk.login(user.username, user.password);
  const caseWorker = await buildUser(t.db, tenant, { roles: ['case_worker'] });
  worker = t.agent();
  await worker.login(caseWorker.username, caseWorker.password);
  caseId = (await buildCase(t.db, tenant, { caseWorkerId: caseWorker.id })).id;
}, 120_000);
afterAll(() => t.close());

describe('a double-submitted or retried create has one effect', () => {
  it('public referral form: one referral, one log entry, one confirmation, the same reference for every attempt', async () => {
    const key = crypto.randomUUID();
    const email = `verwijzer-${key.slice(0, 8)}@example.org`;
    const body = { ...content(key), referrerKind: 'professional', referrer: { ...referrer, email }, attachments: [] };
    const attempts = await Promise.all(
      Array.from({ length: CONCURRENT }, (_, i) =>
        new Agent(t.app, `10.0.0.${i + 1}`).post(`/api/public/referrals/${tenant.slug}`, body),
      ),
    );
    expect(attempts.map((r) => r.statusCode)).toEqual(Array(CONCURRENT).fill(201));
    const references = new Set(attempts.map((r) => r.json().reference));
    expect(references.size).toBe(1);
    const retried = await new Agent(t.app, '10.0.1.1').post(`/api/public/referrals/${tenant.slug}`, body);
    expect(retried.json().reference).toBe([...references][0]);

    expect(await count('referral', key)).toBe(1);
    const id = await t.db.inSystem(
      async (tx) =>
        (await tx.selectFrom('referral').select('id').where('idempotency_key', '=', key).executeTakeFirstOrThrow()).id,
    );
    expect(await logged('referral.received', 'referralId', id)).toBe(1);
    expect(await mails(email, 'Aanmelding ontvangen')).toBe(1);
  });

  it('desk registration: one referral and one log entry, the same referral for every attempt', async () => {
    const key = crypto.randomUUID();
    const body = {
      ...content(key),
      channel: 'phone',
      referrerKind: 'self',
      referrer: { name: 'Inwoner', phone: '0612345678' },
    };
    const attempts = await Promise.all(Array.from({ length: CONCURRENT }, () => desk.post('/api/referrals', body)));
    expect(attempts.map((r) => r.statusCode)).toEqual(Array(CONCURRENT).fill(201));
    const ids = new Set(attempts.map((r) => r.json().id));
    expect(ids.size).toBe(1);
    expect((await desk.post('/api/referrals', body)).json().id).toBe([...ids][0]);
    expect(await count('referral', key)).toBe(1);
    expect(await logged('referral.registered', 'referralId', [...ids][0] as string)).toBe(1);
  });

  it('sending a letter: one letter, one e-mail, the same letter for every attempt', async () => {
    const email = `brief-${crypto.randomUUID().slice(0, 8)}@example.org`;
    const referral = await desk.post('/api/referrals', {
      ...content(crypto.randomUUID()),
      channel: 'phone',
      referrerKind: 'professional',
      referrer: { ...referrer, email },
    });
    expect(referral.statusCode).toBe(201);
    const referralId = referral.json().id as string;
    const key = crypto.randomUUID();
    const letter = {
      kind: 'closure',
      subject: `Afsluiting ${key}`,
      body: 'Beste verwijzer,\n\nWij sluiten de aanmelding af.\n\nMet vriendelijke groet',
      idempotencyKey: key,
    };
    const attempts = await Promise.all(
      Array.from({ length: CONCURRENT }, () => desk.post(`/api/referrals/${referralId}/letters`, letter)),
    );
    expect(attempts.map((r) => r.statusCode)).toEqual(Array(CONCURRENT).fill(201));
    const ids = new Set(attempts.map((r) => r.json().id));
    expect(ids.size).toBe(1);
    expect((await desk.post(`/api/referrals/${referralId}/letters`, letter)).json().id).toBe([...ids][0]);
    expect(await count('letter', key)).toBe(1);
    expect(await logged('letter.sent', 'letterId', [...ids][0] as string)).toBe(1);
    expect(await mails(email, key)).toBe(1);
  });

  it('logging a contact (journaal): one contact and one log entry; the first attempt creates it, the others get it back', async () => {
    const key = crypto.randomUUID();
    const contact = {
      idempotencyKey: key,
      kind: 'home_visit',
      contactOn: '2026-01-05',
      durationMinutes: 45,
      note: `Huisbezoek, dubbel verstuurd ${key}`,
    };
    const attempts = await Promise.all(
      Array.from({ length: CONCURRENT }, () => worker.post(`/api/cases/${caseId}/contacts`, contact)),
    );
    expect(attempts.map((r) => r.statusCode).sort()).toEqual([...Array(CONCURRENT - 1).fill(200), 201]);
    const ids = new Set(attempts.map((r) => r.json().id));
    expect(ids.size).toBe(1);
    const retried = await worker.post(`/api/cases/${caseId}/contacts`, contact);
    expect([retried.statusCode, retried.json().id]).toEqual([200, [...ids][0]]);
    expect(await count('contact_entry', key)).toBe(1);
    // One logging: the case's access-log entry is one row per person of the household (two here), each once.
    const perPerson = await t.db.inSystem((tx) =>
      tx
        .selectFrom('access_log')
        .select(['person_id', (eb) => eb.fn.countAll<string>().as('n')])
        .where('event', '=', 'contact.logged')
        .where(sql<boolean>`detail->>'contactId' = ${[...ids][0] as string}`)
        .groupBy('person_id')
        .execute(),
    );
    expect(perPerson.map((r) => Number(r.n))).toEqual([1, 1]);
  });
});
