import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildTenant, buildUser } from '../../../test/builders';
import { startTestApp, type Agent, type TestApp } from '../../../test/test-app';
import { mapGroups } from './log-in-with-oidc';

// oidc-provider ships no type declarations: the little of it this test uses is typed here.
interface OidcProvider {
  callback(): (req: IncomingMessage, res: ServerResponse) => void;
  on(event: string, listener: (...args: unknown[]) => void): void;
}
type OidcProviderClass = new (issuer: string, configuration: Record<string, unknown>) => OidcProvider;

async function loadOidcProvider(): Promise<OidcProviderClass> {
  const specifier: string = 'oidc-provider';
  const module = (await import(specifier)) as { default: OidcProviderClass };
  return module.default;
}

const PUBLIC_URL = 'http://localhost:3000';
const CALLBACK_URL = `${PUBLIC_URL}/api/auth/oidc/callback`;
const CLIENT_ID = 'nabij-test';
const CLIENT_SECRET = 'een-geheim-voor-de-test-idp';
const TENANT_SLUG = 'gemeente-oidc';

interface TestAccount {
  name?: string;
  preferred_username?: string;
  email?: string;
  groups: string[];
}

/** The identity provider's accounts, by subject; tests change them between logins. */
const accounts = new Map<string, TestAccount>();

let t: TestApp;
let idp: Server;
let issuer: string;
let tenant: { id: string; teamId: string };

async function startIdentityProvider(): Promise<void> {
  const Provider = await loadOidcProvider();
  // The issuer names the port, so the server listens before the provider exists.
  const routing: { handler?: (req: IncomingMessage, res: ServerResponse) => void } = {};
  idp = createServer((req, res) => {
    if (routing.handler) routing.handler(req, res);
    else res.writeHead(503).end();
  });
  await new Promise<void>((resolve) => idp.listen(0, '127.0.0.1', resolve));
  issuer = `http://127.0.0.1:${(idp.address() as AddressInfo).port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: CLIENT_ID,
        client_secret: CLIENT_SECRET,
        redirect_uris: [CALLBACK_URL],
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    claims: { openid: ['sub'], profile: ['name', 'preferred_username', 'groups'], email: ['email'] },
    // Scope claims in the ID token itself (not only at the userinfo endpoint), as most IdPs do for groups.
    conformIdTokenClaims: false,
    cookies: { keys: ['oidc-test-cookie-key'] },
    ttl: { Interaction: 600, Session: 3600, Grant: 3600, AccessToken: 600, IdToken: 600, AuthorizationCode: 60 },
    features: { devInteractions: { enabled: true } },
    findAccount: (_ctx: unknown, sub: string) => {
      const account = accounts.get(sub);
      if (!account) return undefined;
      return { accountId: sub, claims: () => ({ sub, ...account }) };
    },
  });
  routing.handler = provider.callback();
}

beforeAll(async () => {
  await startIdentityProvider();
  t = await startTestApp({
    PUBLIC_URL,
    OIDC_ISSUER: issuer,
    OIDC_CLIENT_ID: CLIENT_ID,
    OIDC_CLIENT_SECRET: CLIENT_SECRET,
    OIDC_TENANT: TENANT_SLUG,
    OIDC_GROUP_ROLES: JSON.stringify({
      'nabij-werkers': 'case_worker',
      'nabij-coordinatoren': 'team_coordinator',
      'nabij-privacy': 'privacy_officer',
    }),
    OIDC_GROUP_TEAMS: JSON.stringify({ 'wijkteam-noord': 'Wijkteam Noord', 'wijkteam-zuid': 'Wijkteam Zuid' }),
    MFA_REQUIRED_ROLES: 'privacy_officer',
  });
  tenant = await buildTenant(t.db, { slug: TENANT_SLUG });
  await t.db.inSystem((tx) =>
    tx
      .insertInto('team')
      .values([
        { tenant_id: tenant.id, name: 'Wijkteam Noord', area: 'Noord' },
        { tenant_id: tenant.id, name: 'Wijkteam Zuid', area: 'Zuid' },
      ])
      .execute(),
  );
});
afterAll(async () => {
  await t?.close();
  await new Promise<void>((resolve) => (idp ? idp.close(() => resolve()) : resolve()));
});
beforeEach(() => t.clock.reset());

/** A minimal browser at the identity provider: follows redirects by hand and keeps cookies by name. */
class IdpBrowser {
  private readonly cookies = new Map<string, string>();

  async fetch(url: URL, init: { method?: 'GET' | 'POST'; form?: Record<string, string> } = {}): Promise<Response> {
    const headers: Record<string, string> = {};
    if (this.cookies.size) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    if (init.form) headers['content-type'] = 'application/x-www-form-urlencoded';
    const response = await fetch(url, {
      method: init.method ?? 'GET',
      headers,
      redirect: 'manual',
      ...(init.form ? { body: new URLSearchParams(init.form).toString() } : {}),
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = attributes.some(
        (a) => /^\s*expires=/i.test(a) && new Date(a.split('=')[1] ?? '').getTime() < Date.now(),
      );
      if (!value || expired) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return response;
  }
}

/**
 * Runs the authorization-code flow: Nabij's start route, then the provider's login and consent pages
 * (oidc-provider's development interactions), until the provider sends the browser back to Nabij.
 * Returns the callback's path and query, for the agent to open.
 */
async function authenticateAtIdp(agent: Agent, subject: string): Promise<string> {
  const start = await agent.get('/api/auth/oidc/start');
  expect(start.statusCode).toBe(302);
  expect(start.headers.location, 'the login could not start (discovery failed?)').not.toMatch(/^\/inloggen/);
  let url = new URL(String(start.headers.location));
  expect(url.origin).toBe(issuer);
  expect(url.searchParams.get('redirect_uri')).toBe(CALLBACK_URL);
  expect(url.searchParams.get('scope')).toBe('openid profile email');
  expect(url.searchParams.get('code_challenge_method')).toBe('S256');

  const browser = new IdpBrowser();
  for (let hop = 0; hop < 20; hop++) {
    if (url.href.startsWith(CALLBACK_URL)) return `${url.pathname}${url.search}`;
    let response: Response;
    if (url.pathname.startsWith('/interaction/')) {
      const page = await browser.fetch(url);
      const prompt = /name="prompt" value="(login|consent)"/.exec(await page.text())?.[1];
      if (!prompt) throw new Error(`unexpected interaction page (${page.status})`);
      const form: Record<string, string> =
        prompt === 'login' ? { prompt, login: subject, password: 'wat-dan-ook' } : { prompt };
      response = await browser.fetch(url, { method: 'POST', form });
    } else {
      response = await browser.fetch(url);
    }
    const location = response.headers.get('location');
    if (!location)
      throw new Error(`the identity provider answered ${response.status} without a redirect: ${await response.text()}`);
    url = new URL(location, url);
  }
  throw new Error('too many redirects at the identity provider');
}

/** The whole login through the identity provider; returns where Nabij sends the browser afterwards. */
async function logInThroughIdp(agent: Agent, subject: string): Promise<string> {
  const callback = await authenticateAtIdp(agent, subject);
  const r = await agent.get(callback);
  expect(r.statusCode).toBe(302);
  return String(r.headers.location);
}

async function findAccountBySubject(subject: string) {
  return t.db.inSystem((tx) =>
    tx
      .selectFrom('app_user')
      .select(['id', 'username', 'display_name', 'email', 'password_hash', 'last_login_at'])
      .where('oidc_subject', '=', subject)
      .execute(),
  );
}

describe('mapping groups', () => {
  it('gives each mapped group its role and team, ignores unknown groups and removes duplicates', () => {
    const mapped = mapGroups(
      ['a', 'b', 'onbekend', 'a', 'toString'],
      { a: 'case_worker', b: 'team_coordinator' },
      { a: 'Wijkteam Noord', b: 'Wijkteam Noord' },
    );
    expect(mapped).toEqual({ roles: ['case_worker', 'team_coordinator'], teamNames: ['Wijkteam Noord'] });
  });
});

describe('login through the organisation’s identity provider', () => {
  it('creates the account on the first login with the roles and team of its groups, and logs it in', async () => {
    accounts.set('sub-anna', {
      name: 'Anna de Vries',
      preferred_username: 'Anna.deVries',
      email: 'anna@gemeente.example',
      groups: ['nabij-werkers', 'wijkteam-noord', 'iets-anders'],
    });
    const agent = t.agent();
    expect(await logInThroughIdp(agent, 'sub-anna')).toBe('/');

    const rows = await findAccountBySubject('sub-anna');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      username: 'anna.devries',
      display_name: 'Anna de Vries',
      email: 'anna@gemeente.example',
      password_hash: null,
    });
    expect(rows[0]?.last_login_at).toBeInstanceOf(Date);

    const session = (await agent.get('/api/auth/session')).json();
    expect(session.authenticated).toBe(true);
    expect(session.oidcEnabled).toBe(true);
    expect(session.user).toMatchObject({
      displayName: 'Anna de Vries',
      username: 'anna.devries',
      roles: ['case_worker'],
    });
    expect(session.user.teams.map((team: { name: string }) => team.name)).toEqual(['Wijkteam Noord']);
    const method = await t.db.inSystem((tx) =>
      tx
        .selectFrom('session')
        .select('auth_method')
        .where('user_id', '=', rows[0]?.id ?? '')
        .execute(),
    );
    expect(method.map((m) => m.auth_method)).toEqual(['oidc']);
    expect((await agent.get('/api/home')).statusCode).toBe(200);
    // The state is used up; the login state table holds nothing for it any more.
    const states = await t.db.inSystem((tx) => tx.selectFrom('oidc_login').select('state').execute());
    expect(states).toHaveLength(0);
  });

  it('updates the name, roles and teams from the groups at the next login (the identity provider is the source of truth)', async () => {
    accounts.set('sub-bram', {
      name: 'Bram Jansen',
      preferred_username: 'bram',
      groups: ['nabij-werkers', 'wijkteam-noord'],
    });
    expect(await logInThroughIdp(t.agent(), 'sub-bram')).toBe('/');
    const [first] = await findAccountBySubject('sub-bram');

    accounts.set('sub-bram', {
      name: 'Bram Jansen-de Wit',
      preferred_username: 'bram',
      groups: ['nabij-coordinatoren', 'wijkteam-zuid'],
    });
    const agent = t.agent();
    expect(await logInThroughIdp(agent, 'sub-bram')).toBe('/');

    const rows = await findAccountBySubject('sub-bram');
    expect(rows).toHaveLength(1);
    expect(rows[0]?.id).toBe(first?.id);
    const session = (await agent.get('/api/auth/session')).json();
    expect(session.user).toMatchObject({ displayName: 'Bram Jansen-de Wit', roles: ['team_coordinator'] });
    expect(session.user.teams.map((team: { name: string }) => team.name)).toEqual(['Wijkteam Zuid']);
  });

  it('gives no session, and creates no account, when no group maps to a role', async () => {
    accounts.set('sub-cor', {
      name: 'Cor Zonderrol',
      preferred_username: 'cor',
      groups: ['wijkteam-noord', 'alle-medewerkers'],
    });
    const agent = t.agent();
    expect(await logInThroughIdp(agent, 'sub-cor')).toBe('/inloggen?fout=oidc_no_role');
    expect((await agent.get('/api/auth/session')).json().authenticated).toBe(false);
    expect(await findAccountBySubject('sub-cor')).toHaveLength(0);
  });

  it('takes away access when the groups no longer map to a role', async () => {
    accounts.set('sub-dirk', { name: 'Dirk', preferred_username: 'dirk', groups: ['nabij-werkers'] });
    expect(await logInThroughIdp(t.agent(), 'sub-dirk')).toBe('/');
    accounts.set('sub-dirk', { name: 'Dirk', preferred_username: 'dirk', groups: [] });
    const agent = t.agent();
    expect(await logInThroughIdp(agent, 'sub-dirk')).toBe('/inloggen?fout=oidc_no_role');
    expect((await agent.get('/api/auth/session')).json().authenticated).toBe(false);
  });

  it('refuses a Nabij account that was deactivated, even when the identity provider still knows the person', async () => {
    accounts.set('sub-eva', { name: 'Eva', preferred_username: 'eva', groups: ['nabij-werkers'] });
    expect(await logInThroughIdp(t.agent(), 'sub-eva')).toBe('/');
    await t.db.inSystem((tx) =>
      tx.updateTable('app_user').set({ active: false }).where('oidc_subject', '=', 'sub-eva').execute(),
    );
    const agent = t.agent();
    expect(await logInThroughIdp(agent, 'sub-eva')).toBe('/inloggen?fout=oidc_failed');
    expect((await agent.get('/api/auth/session')).json().authenticated).toBe(false);
  });

  it('makes the username unique when it is already taken by another account', async () => {
    await buildUser(t.db, tenant, { username: 'fleur' });
    accounts.set('sub-fleur', { name: 'Fleur', preferred_username: 'Fleur', groups: ['nabij-werkers'] });
    expect(await logInThroughIdp(t.agent(), 'sub-fleur')).toBe('/');
    expect((await findAccountBySubject('sub-fleur'))[0]?.username).toBe('fleur-2');
  });

  it('uses the e-mail address as username when the provider sends no preferred username', async () => {
    accounts.set('sub-gijs', { name: 'Gijs', email: 'Gijs@Gemeente.Example', groups: ['nabij-werkers'] });
    expect(await logInThroughIdp(t.agent(), 'sub-gijs')).toBe('/');
    expect((await findAccountBySubject('sub-gijs'))[0]?.username).toBe('gijs@gemeente.example');
  });

  it('applies Nabij’s own two-factor authentication when the identity provider’s MFA is not trusted', async () => {
    const oidc = t.config.oidc;
    if (!oidc) throw new Error('OIDC is configured in this test');
    accounts.set('sub-hanna', { name: 'Hanna', preferred_username: 'hanna', groups: ['nabij-privacy'] });
    oidc.trustsMfa = false;
    try {
      const agent = t.agent();
      expect(await logInThroughIdp(agent, 'sub-hanna')).toBe('/inloggen/tweestapsverificatie-instellen');
      const session = (await agent.get('/api/auth/session')).json();
      expect(session).toMatchObject({ authenticated: false, next: 'enrol_totp' });
      expect((await agent.get('/api/home')).json().code).toBe('mfa_required');
    } finally {
      oidc.trustsMfa = true;
    }
    const trusted = t.agent();
    expect(await logInThroughIdp(trusted, 'sub-hanna')).toBe('/');
    expect((await trusted.get('/api/auth/session')).json().authenticated).toBe(true);
  });
});

describe('protection of the login flow', () => {
  it('refuses a callback whose state was tampered with', async () => {
    accounts.set('sub-ivo', { name: 'Ivo', preferred_username: 'ivo', groups: ['nabij-werkers'] });
    const agent = t.agent();
    const callback = new URL(await authenticateAtIdp(agent, 'sub-ivo'), PUBLIC_URL);
    callback.searchParams.set('state', `${callback.searchParams.get('state') ?? ''}x`);
    const r = await agent.get(`${callback.pathname}${callback.search}`);
    expect(r.statusCode).toBe(302);
    expect(r.headers.location).toBe('/inloggen?fout=oidc_failed');
    expect((await agent.get('/api/auth/session')).json().authenticated).toBe(false);
    expect(await findAccountBySubject('sub-ivo')).toHaveLength(0);
  });

  it('refuses an unknown state without contacting the identity provider', async () => {
    const r = await t.agent().get('/api/auth/oidc/callback?code=verzonnen&state=onbekend');
    expect(r.statusCode).toBe(302);
    expect(r.headers.location).toBe('/inloggen?fout=oidc_failed');
    expect(r.cookies.find((c) => c.name === 'nabij_session')).toBeUndefined();
  });

  it('refuses a callback opened in another browser than the one that started the login', async () => {
    accounts.set('sub-jet', { name: 'Jet', preferred_username: 'jet', groups: ['nabij-werkers'] });
    const callback = await authenticateAtIdp(t.agent(), 'sub-jet');
    const other = t.agent();
    const r = await other.get(callback);
    expect(r.headers.location).toBe('/inloggen?fout=oidc_failed');
    expect((await other.get('/api/auth/session')).json().authenticated).toBe(false);
  });

  it('accepts each callback only once', async () => {
    accounts.set('sub-kees', { name: 'Kees', preferred_username: 'kees', groups: ['nabij-werkers'] });
    const agent = t.agent();
    const callback = await authenticateAtIdp(agent, 'sub-kees');
    const state = new URL(callback, PUBLIC_URL).searchParams.get('state') ?? '';
    expect((await agent.get(callback)).headers.location).toBe('/');
    // The same browser (state cookie and all) cannot use the callback a second time.
    const replay = await t.app.inject({
      method: 'GET',
      url: callback,
      headers: { cookie: `nabij_oidc_state=${state}` },
    });
    expect(replay.statusCode).toBe(302);
    expect(replay.headers.location).toBe('/inloggen?fout=oidc_failed');
    expect(replay.cookies.find((c) => c.name === 'nabij_session')).toBeUndefined();
  });

  it('refuses a login that took longer than ten minutes at the identity provider', async () => {
    accounts.set('sub-lot', { name: 'Lot', preferred_username: 'lot', groups: ['nabij-werkers'] });
    const agent = t.agent();
    const callback = await authenticateAtIdp(agent, 'sub-lot');
    t.clock.advance(11 * 60_000);
    const r = await agent.get(callback);
    expect(r.headers.location).toBe('/inloggen?fout=oidc_failed');
    expect(await findAccountBySubject('sub-lot')).toHaveLength(0);
  });

  it('answers 404 oidc_not_configured when no identity provider is configured', async () => {
    const plain = await startTestApp();
    try {
      for (const url of ['/api/auth/oidc/start', '/api/auth/oidc/callback?code=x&state=y']) {
        const r = await plain.agent().get(url);
        expect(r.statusCode).toBe(404);
        expect(r.json()).toEqual({
          code: 'oidc_not_configured',
          message: 'Inloggen via uw organisatie is niet ingesteld.',
        });
      }
      expect((await plain.agent().get('/api/auth/session')).json()).toEqual({
        authenticated: false,
        oidcEnabled: false,
      });
    } finally {
      await plain.close();
    }
  });
});
