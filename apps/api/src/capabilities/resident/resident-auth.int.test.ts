import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../platform/config';
import { buildCase, buildTenant, buildUser } from '../../../test/builders';
import { createResidentAccount, latestCode, refreshResidentCsrf, residentLogin } from '../../../test/resident-fixtures';
import { startTestApp, type Agent, type TestApp } from '../../../test/test-app';

let t: TestApp;
let tenant: { id: string; teamId: string };
let worker: Agent;
let kase: { id: string; adultId: string; childId: string; householdId: string };
const EMAIL = 'anna.testhuis@example.nl';

beforeAll(async () => {
  t = await startTestApp();
  tenant = await buildTenant(t.db);
  const w = await buildUser(t.db, tenant, { roles: ['case_worker'] });
  worker = t.agent();
  expect(await worker.login(w.username, w.password)).toBe('done');
  kase = await buildCase(t.db, tenant, { caseWorkerId: w.id });
  await createResidentAccount(worker, kase.id, kase.adultId, EMAIL);
});
afterAll(async () => {
  await t?.close();
});
beforeEach(async () => {
  t.clock.reset();
  // Every test starts without earlier codes or attempts (rate limits look back 15 minutes).
  await t.db.inSystem(async (tx) => {
    await tx.deleteFrom('resident_login_code').execute();
    await tx.deleteFrom('resident_login_attempt').execute();
  });
});

const codeRows = () =>
  t.db.inSystem((tx) =>
    tx.selectFrom('resident_login_code').select(['email_hash', 'account_id', 'code_hash']).execute(),
  );
const sessionRows = () =>
  t.db.inSystem((tx) => tx.selectFrom('resident_session').select(['account_id', 'auth_method']).execute());

describe('login with a one-time code by e-mail', () => {
  it('answers the same for a known and an unknown address, and mails a code only to the known one', async () => {
    const known = await t.agent().post('/api/resident/login/code', { email: EMAIL });
    const unknown = await t.agent().post('/api/resident/login/code', { email: 'niemand@example.nl' });
    expect(known.statusCode).toBe(200);
    expect(unknown.statusCode).toBe(200);
    expect(unknown.json()).toEqual(known.json());
    const rows = await codeRows();
    expect(rows).toHaveLength(2);
    expect(rows.filter((r) => r.account_id !== null)).toHaveLength(1);
    // Only hashes are stored: no address, no code.
    const code = await latestCode(t.db, EMAIL);
    expect(code).toMatch(/^\d{6}$/);
    expect(JSON.stringify(rows)).not.toContain(EMAIL);
    expect(JSON.stringify(rows)).not.toContain(code);
    const mailed = await t.db.inSystem((tx) =>
      tx.selectFrom('outbox_message').select('recipient').where('recipient', '=', 'niemand@example.nl').execute(),
    );
    expect(mailed).toHaveLength(0);
  });

  it('logs in with the right code: a resident session (own cookie), logged in the access log with the resident as actor', async () => {
    const agent = await residentLogin(t, EMAIL);
    expect(agent.cookie('nabij_resident')).toBeDefined();
    expect(agent.cookie('nabij_session')).toBeUndefined();
    const session = (await agent.get('/api/resident/session')).json();
    expect(session).toMatchObject({
      authenticated: true,
      emailLogin: true,
      digidEnabled: false,
      idleMinutes: 15,
      resident: { firstName: 'Anna', authMethod: 'email_code' },
    });
    expect(session.resident.subjects).toEqual([
      expect.objectContaining({ personId: kase.adultId, self: true, allowed: true, canChangePlan: true }),
    ]);
    const log = await t.db.inSystem((tx) =>
      tx
        .selectFrom('access_log')
        .select(['user_id', 'user_role', 'action', 'person_id', 'detail', 'legal_basis'])
        .where('event', '=', 'resident.logged_in')
        .execute(),
    );
    expect(log.at(-1)).toMatchObject({
      user_id: null,
      user_role: 'resident',
      action: 'login',
      person_id: kase.adultId,
      legal_basis: 'security',
    });
    expect(log.at(-1)?.detail).toMatchObject({ actingPersonId: kase.adultId, method: 'email_code' });
  });

  it('refuses an expired code with a clear message and starts no session', async () => {
    const agent = t.agent();
    await agent.post('/api/resident/login/code', { email: EMAIL });
    const code = await latestCode(t.db, EMAIL);
    const before = (await sessionRows()).length;
    t.clock.advance(11 * 60_000);
    const r = await agent.post('/api/resident/login/verify', { email: EMAIL, code });
    expect(r.statusCode).toBe(401);
    expect(r.json()).toEqual({
      code: 'resident_code_expired',
      message: 'Deze code is verlopen. Een code werkt 10 minuten. Vraag een nieuwe code aan.',
    });
    expect(await sessionRows()).toHaveLength(before);
    expect(agent.cookie('nabij_resident')).toBeUndefined();
  });

  it('answers "expired" for an unknown address as well, so it reveals nothing', async () => {
    await t.agent().post('/api/resident/login/code', { email: 'onbekend@example.nl' });
    t.clock.advance(11 * 60_000);
    const r = await t.agent().post('/api/resident/login/verify', { email: 'onbekend@example.nl', code: '123456' });
    expect(r.json().code).toBe('resident_code_expired');
  });

  it('blocks a code after five wrong tries, also for the right code afterwards', async () => {
    const agent = t.agent();
    await agent.post('/api/resident/login/code', { email: EMAIL });
    const code = (await latestCode(t.db, EMAIL)) ?? '';
    const wrong = code === '000000' ? '000001' : '000000';
    const answers: string[] = [];
    for (let i = 0; i < 5; i++)
      answers.push((await agent.post('/api/resident/login/verify', { email: EMAIL, code: wrong })).json().code);
    expect(answers).toEqual([
      'resident_code_invalid',
      'resident_code_invalid',
      'resident_code_invalid',
      'resident_code_invalid',
      'resident_code_blocked',
    ]);
    const r = await agent.post('/api/resident/login/verify', { email: EMAIL, code });
    expect(r.statusCode).toBe(401);
    expect(r.json().code).toBe('resident_code_blocked');
    expect(agent.cookie('nabij_resident')).toBeUndefined();
  });

  it('uses a code only once', async () => {
    const agent = await residentLogin(t, EMAIL);
    const code = await latestCode(t.db, EMAIL);
    const again = await t.agent().post('/api/resident/login/verify', { email: EMAIL, code });
    expect(again.json().code).toBe('resident_code_invalid');
    expect((await agent.get('/api/resident/session')).json().authenticated).toBe(true);
  });

  it('limits new codes per address (known or not) and refuses a badly typed code before checking', async () => {
    for (const email of [EMAIL, 'ook-onbekend@example.nl']) {
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++)
        statuses.push((await t.agent().post('/api/resident/login/code', { email })).statusCode);
      expect(statuses).toEqual([200, 200, 200, 429]);
    }
    const bad = await t.agent().post('/api/resident/login/verify', { email: EMAIL, code: '12a' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fieldErrors.code).toEqual(['De code bestaat uit 6 cijfers. U vindt de code in de e-mail.']);
  });

  it('limits wrong codes per network address across addresses', async () => {
    const agent = t.agent();
    const results: number[] = [];
    for (let i = 0; i < 31; i++)
      results.push(
        (await agent.post('/api/resident/login/verify', { email: `gok${i}@example.nl`, code: '123456' })).statusCode,
      );
    expect(results.slice(0, 30).every((s) => s === 401)).toBe(true);
    expect(results[30]).toBe(429);
  });

  it('is refused in production configuration (DigiD is required there)', () => {
    expect(() =>
      loadConfig({ NODE_ENV: 'production', RESIDENT_EMAIL_LOGIN: 'true', DATABASE_URL: 'postgres://x@y/z' }),
    ).toThrow(/RESIDENT_EMAIL_LOGIN/);
    expect(loadConfig({ NODE_ENV: 'production', DATABASE_URL: 'postgres://x@y/z' }).resident.emailLogin).toBe(false);
  });
});

describe('resident sessions are separate from staff sessions', () => {
  it('never accepts a staff session on resident routes, nor a resident session on staff routes', async () => {
    const staffOnResident = await worker.get(`/api/resident/persons/${kase.adultId}/plan`);
    expect(staffOnResident.statusCode).toBe(401);
    expect((await worker.get('/api/resident/session')).json().authenticated).toBe(false);

    const resident = await residentLogin(t, EMAIL);
    for (const url of [
      '/api/home',
      `/api/cases/${kase.id}`,
      `/api/persons/${kase.adultId}`,
      `/api/cases/${kase.id}/resident-portal`,
    ]) {
      const r = await resident.get(url);
      expect([url, r.statusCode]).toEqual([url, 401]);
    }
    expect((await resident.get('/api/auth/session')).json().authenticated).toBe(false);

    // One browser with both cookies: each route uses only its own session.
    const residentCookie = resident.cookie('nabij_resident') ?? '';
    const r = await t.app.inject({
      method: 'GET',
      url: `/api/resident/persons/${kase.adultId}/home`,
      headers: { cookie: `nabij_resident=${residentCookie}; nabij_session=${worker.cookie('nabij_session') ?? ''}` },
    });
    expect(r.statusCode).toBe(200);
  });

  it('checks the CSRF token of the resident session on changes', async () => {
    const resident = await residentLogin(t, EMAIL);
    const token = resident.csrfToken;
    resident.csrfToken = undefined;
    const r = await resident.post(`/api/resident/persons/${kase.adultId}/messages`, { body: 'Hallo' });
    expect(r.statusCode).toBe(403);
    expect(r.json().code).toBe('csrf_failed');
    // The staff token does not count either.
    resident.csrfToken = worker.csrfToken;
    expect((await resident.post(`/api/resident/persons/${kase.adultId}/messages`, { body: 'Hallo' })).json().code).toBe(
      'csrf_failed',
    );
    resident.csrfToken = token;
  });

  it('ends after 15 minutes without activity, and on logout', async () => {
    const resident = await residentLogin(t, EMAIL);
    t.clock.advance(14 * 60_000);
    expect((await resident.get(`/api/resident/persons/${kase.adultId}/home`)).statusCode).toBe(200);
    t.clock.advance(16 * 60_000);
    const expired = await resident.get(`/api/resident/persons/${kase.adultId}/home`);
    expect(expired.statusCode).toBe(401);
    expect(expired.json().code).toBe('session_expired');

    t.clock.reset();
    const again = await residentLogin(t, EMAIL);
    expect((await again.post('/api/resident/logout')).statusCode).toBe(204);
    expect((await again.get(`/api/resident/persons/${kase.adultId}/home`)).statusCode).toBe(401);
    await refreshResidentCsrf(again);
    expect(again.csrfToken).toBeUndefined();
  });

  it('ends at once when the worker switches the account off', async () => {
    const resident = await residentLogin(t, EMAIL);
    const portal = (await worker.get(`/api/cases/${kase.id}/resident-portal`)).json();
    const accountId = portal.members.find((m: { personId: string }) => m.personId === kase.adultId).account.id;
    expect(
      (await worker.post(`/api/cases/${kase.id}/resident-portal/accounts/${accountId}/deactivation`)).statusCode,
    ).toBe(200);
    expect((await resident.get(`/api/resident/persons/${kase.adultId}/home`)).statusCode).toBe(401);
    // No code is sent to a switched-off account.
    await t.db.inSystem((tx) => tx.deleteFrom('resident_login_code').execute());
    await t.agent().post('/api/resident/login/code', { email: EMAIL });
    expect((await codeRows()).every((r) => r.account_id === null)).toBe(true);
    expect(
      (await worker.post(`/api/cases/${kase.id}/resident-portal/accounts/${accountId}/activation`)).statusCode,
    ).toBe(200);
  });
});
