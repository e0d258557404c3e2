import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildApp } from '../../app';
import { totpCode } from './totp';
import { buildTenant, buildUser } from '../../../test/builders';
import { Agent, startTestApp, type TestApp } from '../../../test/test-app';

let t: TestApp;
let tenant: { id: string; teamId: string };

beforeAll(async () => {
  t = await startTestApp({ LOGIN_MAX_FAILURES: '3', MFA_REQUIRED_ROLES: 'privacy_officer' });
  tenant = await buildTenant(t.db);
});
afterAll(() => t.close());
beforeEach(() => t.clock.reset());

describe('password login', () => {
  it('logs a user in and shows who they are', async () => {
    const user = await buildUser(t.db, tenant, { roles: ['case_worker'] });
    const agent = t.agent();
    expect(await agent.login(user.username, user.password)).toBe('done');
    const session = (await agent.get('/api/auth/session')).json();
    expect(session.authenticated).toBe(true);
    expect(session.user.roles).toEqual(['case_worker']);
    expect(session.user.permissions).toContain('person:read');
  });

  it('gives one generic Dutch message for an unknown user, a wrong password and an inactive account', async () => {
    const user = await buildUser(t.db, tenant);
    const inactive = await buildUser(t.db, tenant, { active: false });
    const answers = await Promise.all([
      t.agent().post('/api/auth/login', { username: 'bestaat-niet', password: 'x' }),
      t.agent().post('/api/auth/login', { username: user.username, password: 'verkeerd-wachtwoord' }),
      t.agent().post('/api/auth/login', { username: inactive.username, password: inactive.password }),
    ]);
    for (const a of answers) {
      expect(a.statusCode).toBe(401);
      expect(a.json()).toEqual({
        code: 'invalid_credentials',
        message: 'De gebruikersnaam of het wachtwoord klopt niet.',
      });
    }
  });

  it('locks a username after repeated failures, whether or not the account exists, and unlocks later', async () => {
    const user = await buildUser(t.db, tenant);
    for (const name of [user.username, 'niemand-hier']) {
      const agent = t.agent();
      for (let i = 0; i < 3; i++)
        expect((await agent.post('/api/auth/login', { username: name, password: 'fout' })).statusCode).toBe(401);
      const locked = await agent.post('/api/auth/login', {
        username: name,
        password: name === user.username ? user.password : 'fout',
      });
      expect(locked.statusCode).toBe(429);
      expect(locked.json().code).toBe('too_many_attempts');
    }
    t.clock.advance(16 * 60_000);
    expect(await t.agent().login(user.username, user.password)).toBe('done');
  });

  it('refuses a malformed login with Dutch field errors', async () => {
    const r = await t.agent().post('/api/auth/login', { username: '', password: '' });
    expect(r.statusCode).toBe(400);
    expect(r.json().fieldErrors).toMatchObject({
      username: ['Vul uw gebruikersnaam in.'],
      password: ['Vul uw wachtwoord in.'],
    });
  });
});

describe('logins in the access log (issue #21 item 8)', () => {
  const logRows = (tenantId: string, userId?: string) =>
    t.db.inSystem((tx) => {
      let q = tx
        .selectFrom('access_log')
        .select(['user_id', 'user_role', 'team_id', 'action', 'event', 'outcome', 'person_id', 'detail', 'ip'])
        .where('tenant_id', '=', tenantId)
        .where('event', 'like', 'user.%')
        .orderBy('at')
        .orderBy('id');
      if (userId) q = q.where('user_id', '=', userId);
      return q.execute();
    });

  it('writes a staff login, a failed login and a logout like the residents’ (without telling an unknown name apart)', async () => {
    const own = await buildTenant(t.db);
    const user = await buildUser(t.db, own, { roles: ['case_worker'] });
    const inactive = await buildUser(t.db, own, { active: false });
    // An address of its own: the failures below must not lock out the other tests' address.
    const agent = new Agent(t.app, '10.21.8.1');
    const wrong = await agent.post('/api/auth/login', { username: user.username, password: 'verkeerd-wachtwoord' });
    const off = await new Agent(t.app, '10.21.8.1').post('/api/auth/login', {
      username: inactive.username,
      password: inactive.password,
    });
    const unknown = await new Agent(t.app, '10.21.8.1').post('/api/auth/login', {
      username: 'bestaat-nergens',
      password: 'x',
    });
    // The answer is the same for all three: the log does not show up in it.
    expect([wrong.json(), off.json()]).toEqual([unknown.json(), unknown.json()]);
    expect(await agent.login(user.username, user.password)).toBe('done');
    expect((await agent.post('/api/auth/logout')).statusCode).toBe(204);

    const rows = await logRows(own.id);
    expect(rows.map((r) => [r.user_id, r.event, r.action, r.outcome, r.detail])).toEqual([
      [user.id, 'user.login_failed', 'login', 'denied', { method: 'password', reason: 'wrong_password' }],
      [inactive.id, 'user.login_failed', 'login', 'denied', { method: 'password', reason: 'inactive_account' }],
      [user.id, 'user.logged_in', 'login', 'allowed', { method: 'password' }],
      [user.id, 'user.logged_out', 'logout', 'allowed', null],
    ]);
    for (const r of rows) {
      expect(r).toMatchObject({ team_id: own.teamId, person_id: null, ip: '10.21.8.1' });
      expect(JSON.stringify(r)).not.toContain('verkeerd-wachtwoord');
    }
    expect(rows.filter((r) => r.user_id === user.id).map((r) => r.user_role)).toEqual([
      'case_worker',
      'case_worker',
      'case_worker',
    ]);
    // An unknown username belongs to no municipality: no row anywhere names it.
    const anywhere = await t.db.inSystem((tx) =>
      tx
        .selectFrom('access_log')
        .select('id')
        .where(sql<string>`coalesce(detail::text, '')`, 'like', '%bestaat-nergens%')
        .execute(),
    );
    expect(anywhere).toEqual([]);
  });

  it('writes the login after the second factor, and a wrong code as a failed login', async () => {
    const own = await buildTenant(t.db);
    const user = await buildUser(t.db, own, { roles: ['privacy_officer'] });
    const agent = t.agent();
    expect(await agent.login(user.username, user.password)).toBe('enrol_totp');
    expect(await logRows(own.id, user.id)).toEqual([]);
    const { secret } = (await agent.post('/api/auth/totp/enrolment', {})).json();
    await agent.post('/api/auth/totp/enrolment/confirm', { code: totpCode(secret, t.clock.now()) });
    t.clock.advance(90_000);
    const again = new Agent(t.app, '10.21.8.2');
    expect(await again.login(user.username, user.password)).toBe('totp');
    expect((await again.post('/api/auth/totp', { code: '000000' })).json().code).toBe('invalid_totp');
    expect((await again.post('/api/auth/totp', { code: totpCode(secret, t.clock.now()) })).json().next).toBe('done');
    expect((await logRows(own.id, user.id)).map((r) => [r.event, r.outcome, r.detail])).toEqual([
      ['user.logged_in', 'allowed', { method: 'password' }],
      ['user.login_failed', 'denied', { method: 'password', reason: 'wrong_code' }],
      ['user.logged_in', 'allowed', { method: 'password' }],
    ]);
  });
});

describe('sessions', () => {
  it('ends a session after the idle timeout', async () => {
    const user = await buildUser(t.db, tenant);
    const agent = t.agent();
    await agent.login(user.username, user.password);
    expect((await agent.get('/api/home')).statusCode).toBe(200);
    t.clock.advance(31 * 60_000);
    const r = await agent.get('/api/home');
    expect(r.statusCode).toBe(401);
    expect(r.json().code).toBe('session_expired');
  });

  it('refuses a change without the CSRF token', async () => {
    const user = await buildUser(t.db, tenant);
    const agent = t.agent();
    await agent.login(user.username, user.password);
    const token = agent.csrfToken;
    agent.csrfToken = undefined;
    const r = await agent.post('/api/persons/search', { name: 'de' });
    expect(r.statusCode).toBe(403);
    expect(r.json().code).toBe('csrf_failed');
    agent.csrfToken = token;
    expect((await agent.post('/api/persons/search', { name: 'de' })).statusCode).toBe(200);
  });

  it('works across several app instances sharing one database', async () => {
    const user = await buildUser(t.db, tenant);
    const second = await buildApp({ db: t.db, config: t.config, clock: t.clock });
    try {
      const onFirst = t.agent();
      await onFirst.login(user.username, user.password);
      const onSecond = onFirst.onApp(second);
      expect((await onSecond.post('/api/persons/search', { name: 'de' })).statusCode).toBe(200);
      await onSecond.post('/api/auth/logout');
      expect((await onFirst.get('/api/home')).statusCode).toBe(401);
    } finally {
      await second.close();
    }
  });

  it('logs out: the session no longer works', async () => {
    const user = await buildUser(t.db, tenant);
    const agent = t.agent();
    await agent.login(user.username, user.password);
    expect((await agent.post('/api/auth/logout')).statusCode).toBe(204);
    expect((await agent.get('/api/home')).statusCode).toBe(401);
  });
});

describe('keeping a session alive and draft keys (issue #17 item 16)', () => {
  it('tells on every request how long the session has left, and "Ingelogd blijven" restarts the idle timer', async () => {
    const user = await buildUser(t.db, tenant);
    const agent = t.agent();
    await agent.login(user.username, user.password);
    const home = await agent.get('/api/home');
    expect(Number(home.headers['x-session-expires-in'])).toBeGreaterThan(29 * 60);
    expect(home.headers['x-session-limit']).toBe('idle');

    t.clock.advance(25 * 60_000);
    const kept = await agent.post('/api/auth/keep-alive');
    expect(kept.statusCode).toBe(200);
    expect(kept.json()).toEqual({ expiresInSeconds: 30 * 60, endsAtAbsoluteLimit: false });
    expect(kept.headers['x-session-expires-in']).toBe(String(30 * 60));
    // 50 minutes after the last ordinary request, 25 after the keep-alive: still logged in.
    t.clock.advance(25 * 60_000);
    expect((await agent.get('/api/home')).statusCode).toBe(200);
    // And without one, the idle timeout still ends it.
    t.clock.advance(31 * 60_000);
    const ended = await agent.post('/api/auth/keep-alive');
    expect(ended.statusCode).toBe(401);
    expect(ended.json().code).toBe('session_expired');
  });

  it('never keeps a session past its absolute limit (12 hours)', async () => {
    const user = await buildUser(t.db, tenant);
    const agent = t.agent();
    await agent.login(user.username, user.password);
    // Typing all day: a keep-alive every 25 minutes (28 of them) until 11 h 40 min, and one at 11 h 55 min.
    const steps = [...Array.from({ length: 28 }, () => 25), 15];
    let minutes = 0;
    let last = { expiresInSeconds: 0, endsAtAbsoluteLimit: false };
    for (const step of steps) {
      t.clock.advance(step * 60_000);
      minutes += step;
      const r = await agent.post('/api/auth/keep-alive');
      expect(r.statusCode).toBe(200);
      last = r.json();
      expect(last.expiresInSeconds).toBeLessThanOrEqual(Math.min(30 * 60, 12 * 3600 - minutes * 60 + 5));
    }
    // At 11 h 55 min the keep-alive answers with what is left of the 12 hours, not another 30 minutes.
    expect(last.endsAtAbsoluteLimit).toBe(true);
    expect(last.expiresInSeconds).toBeGreaterThan(4 * 60);
    expect(last.expiresInSeconds).toBeLessThanOrEqual(5 * 60 + 5);
    t.clock.advance(6 * 60_000);
    const r = await agent.post('/api/auth/keep-alive');
    expect(r.statusCode).toBe(401);
    expect(r.json().code).toBe('session_expired');
  });

  it('refuses the keep-alive and the draft keys without a login', async () => {
    expect((await t.agent().post('/api/auth/keep-alive')).statusCode).toBe(401);
    expect((await t.agent().get('/api/auth/draft-keys')).statusCode).toBe(401);
  });

  it('gives each user their own draft key, the same one after logging in again, and replaces it after a day', async () => {
    const user = await buildUser(t.db, tenant);
    const other = await buildUser(t.db, tenant);
    const keysOf = async (u: { username: string; password: string }) => {
      const agent = t.agent();
      await agent.login(u.username, u.password);
      const r = await agent.get('/api/auth/draft-keys');
      expect(r.statusCode).toBe(200);
      return r.json<{ current: string; previous: string | null }>();
    };
    const first = await keysOf(user);
    expect(Buffer.from(first.current, 'base64')).toHaveLength(32);
    expect(first.previous).toBeNull();
    expect(await keysOf(user)).toEqual(first);
    expect((await keysOf(other)).current).not.toBe(first.current);

    // A day later (the key's age is set back; a session cannot outlive a moved test clock).
    const age = (hours: number) =>
      sql`update draft_key set rotated_at = rotated_at - make_interval(hours => ${hours}) where user_id = ${user.id}`.execute(
        t.db.kysely,
      );
    await age(25);
    const next = await keysOf(user);
    expect(next.current).not.toBe(first.current);
    expect(next.previous).toBe(first.current);
    // Three days without a login: both old keys are gone, no draft made with them can be opened again.
    await age(72);
    const later = await keysOf(user);
    expect([later.current, later.previous]).not.toContain(first.current);
    expect(later.previous).toBeNull();
  });
});

describe('two-factor authentication', () => {
  async function enrol(agent: ReturnType<TestApp['agent']>) {
    const start = await agent.post('/api/auth/totp/enrolment', {});
    expect(start.statusCode).toBe(200);
    const { secret, qrSvg, otpauthUri } = start.json();
    expect(qrSvg).toContain('<svg');
    expect(otpauthUri).toMatch(/^otpauth:\/\/totp\//);
    const confirm = await agent.post('/api/auth/totp/enrolment/confirm', { code: totpCode(secret, t.clock.now()) });
    expect(confirm.statusCode).toBe(200);
    return {
      secret: secret as string,
      recoveryCodes: confirm.json().recoveryCodes as string[],
      next: confirm.json().next as string,
    };
  }

  it('requires enrolment for a role that must use two-factor, and gives no access before it', async () => {
    const user = await buildUser(t.db, tenant, { roles: ['privacy_officer'] });
    const agent = t.agent();
    expect(await agent.login(user.username, user.password)).toBe('enrol_totp');
    expect((await agent.get('/api/home')).json().code).toBe('mfa_required');
    const { next, recoveryCodes } = await enrol(agent);
    expect(next).toBe('done');
    expect(recoveryCodes).toHaveLength(10);
    expect((await agent.get('/api/home')).statusCode).toBe(200);
  });

  it('asks for the code at the next login, refuses a wrong or reused code, and accepts a recovery code once', async () => {
    const user = await buildUser(t.db, tenant, { roles: ['case_worker'] });
    const first = t.agent();
    await first.login(user.username, user.password);
    const { secret, recoveryCodes } = await enrol(first);

    t.clock.advance(90_000);
    const agent = t.agent();
    expect(await agent.login(user.username, user.password)).toBe('totp');
    expect((await agent.get('/api/home')).statusCode).toBe(401);
    expect((await agent.post('/api/auth/totp', { code: '000000' })).json().code).toBe('invalid_totp');
    const code = totpCode(secret, t.clock.now());
    expect((await agent.post('/api/auth/totp', { code })).json().next).toBe('done');
    expect((await agent.get('/api/home')).statusCode).toBe(200);

    const replay = t.agent();
    await replay.login(user.username, user.password);
    expect((await replay.post('/api/auth/totp', { code })).json().code).toBe('invalid_totp');
    expect((await replay.post('/api/auth/recovery', { code: recoveryCodes[0]!.toUpperCase() })).json().next).toBe(
      'done',
    );

    const again = t.agent();
    await again.login(user.username, user.password);
    expect((await again.post('/api/auth/recovery', { code: recoveryCodes[0]! })).json().code).toBe(
      'invalid_recovery_code',
    );
  });

  it('gives a new session token when the login completes (no session fixation)', async () => {
    const user = await buildUser(t.db, tenant, { roles: ['privacy_officer'] });
    const agent = t.agent();
    await agent.login(user.username, user.password);
    const before = agent.cookie('nabij_session');
    await enrol(agent);
    const after = agent.cookie('nabij_session');
    expect(after).toBeDefined();
    expect(after).not.toBe(before);
  });
});

describe('administration of accounts', () => {
  it('lets the functional administrator create, reset and deactivate users with a forced password change', async () => {
    const admin = await buildUser(t.db, tenant, { roles: ['functional_admin'] });
    const agent = t.agent();
    await agent.login(admin.username, admin.password);
    const created = await agent.post('/api/admin/users', {
      username: 'nieuwe.werker',
      displayName: 'Nieuwe Werker',
      roles: ['case_worker'],
      teamIds: [tenant.teamId],
    });
    expect(created.statusCode).toBe(200);
    const { user, temporaryPassword } = created.json();
    expect(user.teams).toEqual([{ id: tenant.teamId, name: 'Wijkteam Test' }]);

    const newcomer = t.agent();
    expect(await newcomer.login('nieuwe.werker', temporaryPassword)).toBe('change_password');
    expect((await newcomer.get('/api/home')).statusCode).toBe(401);
    const changed = await newcomer.post('/api/auth/password', {
      currentPassword: temporaryPassword,
      newPassword: 'mijn-eigen-wachtwoord-1',
    });
    expect(changed.json().next).toBe('done');
    expect((await newcomer.get('/api/home')).statusCode).toBe(200);

    expect(
      (
        await agent.post('/api/admin/users', {
          username: 'nieuwe.werker',
          displayName: 'Dubbel',
          roles: ['case_worker'],
        })
      ).json().code,
    ).toBe('username_taken');

    const deactivated = await agent.post(`/api/admin/users/${user.id}/deactivate`, {});
    expect(deactivated.json().active).toBe(false);
    expect((await newcomer.get('/api/home')).statusCode).toBe(401);
    expect(await t.agent().login('nieuwe.werker', 'mijn-eigen-wachtwoord-1')).toBe('failed:401:invalid_credentials');

    await agent.post(`/api/admin/users/${user.id}/activate`, {});
    const reset = await agent.post(`/api/admin/users/${user.id}/reset`, {});
    expect(await t.agent().login('nieuwe.werker', reset.json().temporaryPassword)).toBe('change_password');
  });

  it('refuses account administration to other roles, and logs the refusal', async () => {
    const worker = await buildUser(t.db, tenant, { roles: ['case_worker'] });
    const agent = t.agent();
    await agent.login(worker.username, worker.password);
    const r = await agent.get('/api/admin/users');
    expect(r.statusCode).toBe(403);
    const logged = await t.db.inSystem((tx) =>
      tx
        .selectFrom('access_log')
        .select(['outcome', 'event'])
        .where('user_id', '=', worker.id)
        .where('outcome', '=', 'denied')
        .execute(),
    );
    expect(logged).toEqual([{ outcome: 'denied', event: 'access.denied' }]);
  });
});
