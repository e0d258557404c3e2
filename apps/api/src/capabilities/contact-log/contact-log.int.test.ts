import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ContactLog, ContactView, Role } from '@nabij/contracts';
import { buildCase, buildTenant, buildUser } from '../../../test/builders';
import { startTestApp, type Agent, type TestApp } from '../../../test/test-app';

let t: TestApp;
let tenant: { id: string; slug: string; teamId: string };
let kase: Awaited<ReturnType<typeof buildCase>>;
const as: Record<string, Agent & { userId: string }> = {};
const today = new Date().toISOString().slice(0, 10);
const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF').toString('base64');

async function login(key: string, roles: Role[], forTenant = tenant) {
  const user = await buildUser(t.db, forTenant, { roles });
  const agent = t.agent();
  await agent.login(user.username, user.password);
  as[key] = Object.assign(agent, { userId: user.id });
  return as[key];
}
const count = async (table: 'contact_entry' | 'contact_attachment' | 'contact_goal') =>
  Number(
    (
      await t.db.inSystem((tx) =>
        tx
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow(),
      )
    ).n,
  );

beforeAll(async () => {
  t = await startTestApp();
  tenant = await buildTenant(t.db);
  await login('worker', ['case_worker']);
  await login('colleague', ['case_worker']);
  await login('coordinator', ['team_coordinator']);
  const other = await buildTenant(t.db);
  await login('stranger', ['case_worker'], other);
  kase = await buildCase(t.db, tenant, { caseWorkerId: as.worker!.userId, referralDomains: ['finances'] });
});
afterAll(() => t.close());

describe('the contact log (journaal)', () => {
  it('logs a contact with duration, participants, goals and an attachment, and shows it newest first', async () => {
    await as.worker!.post(`/api/cases/${kase.id}/plan`, { startsOn: today });
    const plan = (await as.worker!.get(`/api/cases/${kase.id}/plan`)).json<{ plan: { current: { version: number } } }>()
      .plan.current;
    const withGoal = await as.worker!.post(`/api/cases/${kase.id}/plan/goals`, {
      version: plan.version,
      domain: 'finances',
      problem: 'Schulden',
      goal: 'Overzicht in de post',
    });
    expect(withGoal.statusCode).toBeLessThan(300);
    const log0 = (await as.worker!.get(`/api/cases/${kase.id}/contacts`)).json<ContactLog>();
    expect(log0.contacts).toEqual([]);
    expect(log0.goals).toHaveLength(1);
    const goalId = log0.goals[0]!.id;

    const first = await as.worker!.post(`/api/cases/${kase.id}/contacts`, {
      kind: 'phone',
      contactOn: inDays(-2),
      durationMinutes: 15,
      note: 'Afspraak gemaakt voor huisbezoek.',
    });
    expect(first.statusCode).toBe(201);
    const second = await as.worker!.post(`/api/cases/${kase.id}/contacts`, {
      kind: 'home_visit',
      contactOn: today,
      durationMinutes: 60,
      participants: 'Anna, buurvrouw',
      note: 'Post samen doorgenomen.',
      goalIds: [goalId],
      attachments: [{ filename: 'brief.pdf', contentBase64: PDF }],
    });
    expect(second.statusCode).toBe(201);
    const created = second.json<ContactView>();
    expect(created).toMatchObject({
      kind: 'home_visit',
      durationMinutes: 60,
      participants: 'Anna, buurvrouw',
      goals: [{ id: goalId, domain: 'finances' }],
    });
    expect(created.attachments[0]).toMatchObject({ filename: 'brief.pdf', mediaType: 'application/pdf' });

    const log = (await as.worker!.get(`/api/cases/${kase.id}/contacts`)).json<ContactLog>();
    expect(log.contacts.map((c) => c.kind)).toEqual(['home_visit', 'phone']);
    expect(log.totalMinutes).toBe(75);
    const file = await as.worker!.get(`/api/cases/${kase.id}/contact-attachments/${created.attachments[0]!.id}`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');

    const overview = (await as.worker!.get(`/api/cases/${kase.id}`)).json<{
      recentContacts: Array<{ kind: string }>;
      timeline: Array<{ kind: string }>;
    }>();
    expect(overview.recentContacts.map((c) => c.kind)).toEqual(['home_visit', 'phone']);
    expect(overview.timeline.filter((x) => x.kind === 'contact')).toHaveLength(2);
  });

  it('filters by kind, goal, period and text', async () => {
    const log = (await as.worker!.get(`/api/cases/${kase.id}/contacts`)).json<ContactLog>();
    const goalId = log.goals[0]!.id;
    const byKind = (await as.worker!.get(`/api/cases/${kase.id}/contacts?kind=phone`)).json<ContactLog>();
    expect(byKind.contacts.map((c) => c.kind)).toEqual(['phone']);
    const byGoal = (await as.worker!.get(`/api/cases/${kase.id}/contacts?goalId=${goalId}`)).json<ContactLog>();
    expect(byGoal.contacts.map((c) => c.kind)).toEqual(['home_visit']);
    const byPeriod = (
      await as.worker!.get(`/api/cases/${kase.id}/contacts?from=${inDays(-3)}&to=${inDays(-1)}`)
    ).json<ContactLog>();
    expect(byPeriod.contacts.map((c) => c.kind)).toEqual(['phone']);
    const byText = (
      await as.worker!.get(`/api/cases/${kase.id}/contacts?q=${encodeURIComponent('buurvrouw')}`)
    ).json<ContactLog>();
    expect(byText.contacts.map((c) => c.kind)).toEqual(['home_visit']);
  });

  it('refuses a contact in the future, without a note, too long, or with a goal of another case — and stores nothing', async () => {
    const before = await count('contact_entry');
    const other = await buildCase(t.db, tenant, { caseWorkerId: as.worker!.userId });
    await as.worker!.post(`/api/cases/${other.id}/plan`, { startsOn: today });
    const otherPlan = (await as.worker!.get(`/api/cases/${other.id}/plan`)).json<{
      plan: { current: { version: number } };
    }>().plan.current;
    await as.worker!.post(`/api/cases/${other.id}/plan/goals`, {
      version: otherPlan.version,
      domain: 'housing',
      problem: 'Huur',
      goal: 'Huur betalen',
    });
    const foreignGoal = (await as.worker!.get(`/api/cases/${other.id}/contacts`)).json<ContactLog>().goals[0]!.id;

    const future = await as.worker!.post(`/api/cases/${kase.id}/contacts`, {
      kind: 'phone',
      contactOn: inDays(2),
      note: 'x',
    });
    expect(future.statusCode).toBe(400);
    expect(JSON.stringify(future.json())).toContain('toekomst');
    const empty = await as.worker!.post(`/api/cases/${kase.id}/contacts`, {
      kind: 'phone',
      contactOn: today,
      note: '   ',
    });
    expect(empty.statusCode).toBe(400);
    const tooLong = await as.worker!.post(`/api/cases/${kase.id}/contacts`, {
      kind: 'phone',
      contactOn: today,
      note: 'x',
      durationMinutes: 5000,
    });
    expect(tooLong.statusCode).toBe(400);
    expect(JSON.stringify(tooLong.json())).toContain('24 uur');
    const wrongGoal = await as.worker!.post(`/api/cases/${kase.id}/contacts`, {
      kind: 'phone',
      contactOn: today,
      note: 'x',
      goalIds: [foreignGoal],
    });
    expect(wrongGoal.statusCode).toBe(400);
    const badFile = await as.worker!.post(`/api/cases/${kase.id}/contacts`, {
      kind: 'phone',
      contactOn: today,
      note: 'x',
      attachments: [{ filename: 'a.exe', contentBase64: Buffer.from('MZ....').toString('base64') }],
    });
    expect(badFile.statusCode).toBe(400);
    expect(await count('contact_entry')).toBe(before);
  });

  it('has one effect for a retried or double-submitted contact with the same key', async () => {
    const before = await count('contact_entry');
    const key = randomUUID();
    const body = { idempotencyKey: key, kind: 'office', contactOn: today, note: 'Gesprek op kantoor.' };
    const [a, b] = await Promise.all([
      as.worker!.post(`/api/cases/${kase.id}/contacts`, body),
      as.worker!.post(`/api/cases/${kase.id}/contacts`, body),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 201]);
    expect(a.json<ContactView>().id).toBe(b.json<ContactView>().id);
    const retry = await as.worker!.post(`/api/cases/${kase.id}/contacts`, body);
    expect(retry.statusCode).toBe(200);
    expect(await count('contact_entry')).toBe(before + 1);
  });

  it('stores a contact sent three times at once without an idempotency key once (issue #17 item 14)', async () => {
    const before = await count('contact_entry');
    const body = {
      kind: 'phone',
      contactOn: today,
      durationMinutes: 10,
      note: `Gebeld zonder sleutel ${randomUUID()}`,
    };
    const answers = await Promise.all([1, 2, 3].map(() => as.worker!.post(`/api/cases/${kase.id}/contacts`, body)));
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 200, 201]);
    expect(new Set(answers.map((a) => a.json<ContactView>().id)).size).toBe(1);
    expect(await count('contact_entry')).toBe(before + 1);
    // A different note is a different contact.
    expect(
      (await as.worker!.post(`/api/cases/${kase.id}/contacts`, { ...body, note: `${body.note} (2)` })).statusCode,
    ).toBe(201);
    expect(await count('contact_entry')).toBe(before + 2);
  });

  it.each(['Łódź.pdf', 'Đặng Thị.pdf', 'تقرير العائلة.pdf'])(
    'downloads an attachment named %s (issue #17 item 15)',
    async (filename) => {
      const r = await as.worker!.post(`/api/cases/${kase.id}/contacts`, {
        idempotencyKey: randomUUID(),
        kind: 'office',
        contactOn: today,
        note: 'Brief meegenomen.',
        attachments: [{ filename, contentBase64: PDF }],
      });
      expect(r.statusCode).toBe(201);
      const attachment = r.json<ContactView>().attachments[0]!;
      expect(attachment.filename).toBe(filename);
      const d = await as.worker!.get(`/api/cases/${kase.id}/contact-attachments/${attachment.id}`);
      expect(d.statusCode).toBe(200);
      expect(d.headers['content-type']).toBe('application/pdf');
      const header = String(d.headers['content-disposition']);
      expect(header).toMatch(/^attachment; filename="[\x20-\x7e]+"; filename\*=UTF-8''/);
      expect(decodeURIComponent(header.split("filename*=UTF-8''")[1]!)).toBe(filename);
      expect(d.rawPayload.equals(Buffer.from(PDF, 'base64'))).toBe(true);
    },
  );

  it('is need-to-know: a colleague outside the case is refused and logged; another municipality sees nothing', async () => {
    const r = await as.colleague!.get(`/api/cases/${kase.id}/contacts`);
    expect(r.statusCode).toBe(403);
    const w = await as.colleague!.post(`/api/cases/${kase.id}/contacts`, {
      kind: 'phone',
      contactOn: today,
      note: 'x',
    });
    expect(w.statusCode).toBe(403);
    const denied = await t.db.inSystem((tx) =>
      tx
        .selectFrom('access_log')
        .select('event')
        .where('user_id', '=', as.colleague!.userId)
        .where('outcome', '=', 'denied')
        .where('case_id', '=', kase.id)
        .execute(),
    );
    expect(denied.length).toBeGreaterThanOrEqual(2);
    expect((await as.stranger!.get(`/api/cases/${kase.id}/contacts`)).statusCode).toBe(404);
    expect((await as.coordinator!.get(`/api/cases/${kase.id}/contacts`)).statusCode).toBe(200);
  });

  it('writes every read and write to the access log in the same transaction', async () => {
    const rows = await t.db.inSystem((tx) =>
      tx
        .selectFrom('access_log')
        .select(['event', 'action', 'person_id'])
        .where('case_id', '=', kase.id)
        .where('event', 'in', ['contact.logged', 'contact_log.viewed', 'contact.attachment_downloaded'])
        .execute(),
    );
    expect(
      rows.some((r) => r.event === 'contact.logged' && r.action === 'create' && r.person_id === kase.adultId),
    ).toBe(true);
    expect(rows.some((r) => r.event === 'contact.attachment_downloaded' && r.action === 'export')).toBe(true);
    expect(rows.some((r) => r.event === 'contact_log.viewed' && r.action === 'search')).toBe(true);
  });

  it('refuses new contacts on a closed case', async () => {
    const closed = await buildCase(t.db, tenant, { caseWorkerId: as.worker!.userId });
    await t.db.inSystem((tx) =>
      tx.updateTable('case_file').set({ phase: 'closed', closed_at: new Date() }).where('id', '=', closed.id).execute(),
    );
    const r = await as.worker!.post(`/api/cases/${closed.id}/contacts`, { kind: 'phone', contactOn: today, note: 'x' });
    expect(r.statusCode).toBe(409);
    expect(r.json().code).toBe('case_closed');
  });
});
