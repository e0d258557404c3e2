import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildCase, buildTenant, buildUser } from '../../../test/builders';
import { refreshResidentCsrf } from '../../../test/resident-fixtures';
import { startTestApp, type Agent, type TestApp } from '../../../test/test-app';

/**
 * Login to the resident portal through a DigiD broker, tested against a real OpenID Connect provider
 * (oidc-provider, as for the staff login in auth/oidc.int.test.ts). The test broker lets each login choose the
 * subject's BSN and the DigiD level it reports (acr), like a broker in front of DigiD would.
 */

interface Provider {
  callback(): (req: IncomingMessage, res: ServerResponse) => void;
  interactionDetails(req: IncomingMessage, res: ServerResponse): Promise<{ params: Record<string, unknown> }>;
  interactionFinished(
    req: IncomingMessage,
    res: ServerResponse,
    result: Record<string, unknown>,
    options?: Record<string, unknown>,
  ): Promise<void>;
  Grant: new (init: { accountId: string; clientId: string }) => {
    addOIDCScope(scope: string): void;
    save(): Promise<string>;
  };
}
type ProviderClass = new (issuer: string, configuration: Record<string, unknown>) => Provider;

const PUBLIC_URL = 'http://localhost:3000';
const CALLBACK_URL = `${PUBLIC_URL}/api/resident/digid/callback`;
const CLIENT_ID = 'nabij-digid-test';
const CLIENT_SECRET = 'een-geheim-voor-de-test-broker';
const TENANT_SLUG = 'gemeente-digid';
const SUBSTANTIEEL = 'urn:oasis:names:tc:SAML:2.0:ac:classes:Smartcard';
const MIDDEN = 'urn:oasis:names:tc:SAML:2.0:ac:classes:MobileTwoFactorContract';
const KNOWN_BSN = '111222333';
const UNKNOWN_BSN = '123456782';

/** What the next login at the broker answers with. */
let nextLogin: { sub: string; bsn: string; acr: string } = { sub: 'x', bsn: KNOWN_BSN, acr: SUBSTANTIEEL };
const bsnOf = new Map<string, string>();

let t: TestApp;
let broker: Server;
let issuer: string;
let kase: { id: string; adultId: string };

async function startBroker(): Promise<void> {
  const specifier: string = 'oidc-provider';
  const Provider = ((await import(specifier)) as { default: ProviderClass }).default;
  const routing: { provider?: Provider; handler?: (req: IncomingMessage, res: ServerResponse) => void } = {};
  broker = createServer((req, res) => {
    const { provider, handler } = routing;
    if (!provider || !handler) return void res.writeHead(503).end();
    if (req.url?.startsWith('/interaction/')) {
      // The broker's "DigiD" step: the person logs in at the level the test chose, and consents at once.
      void (async () => {
        const details = await provider.interactionDetails(req, res);
        const grant = new provider.Grant({ accountId: nextLogin.sub, clientId: String(details.params.client_id) });
        grant.addOIDCScope(String(details.params.scope));
        const grantId = await grant.save();
        bsnOf.set(nextLogin.sub, nextLogin.bsn);
        await provider.interactionFinished(
          req,
          res,
          { login: { accountId: nextLogin.sub, acr: nextLogin.acr }, consent: { grantId } },
          { mergeWithLastSubmission: false },
        );
      })().catch(() => res.writeHead(500).end());
      return;
    }
    handler(req, res);
  });
  await new Promise<void>((resolve) => broker.listen(0, '127.0.0.1', resolve));
  issuer = `http://127.0.0.1:${(broker.address() as AddressInfo).port}`;
  routing.provider = new Provider(issuer, {
    clients: [
      {
        client_id: CLIENT_ID,
        client_secret: CLIENT_SECRET,
        redirect_uris: [CALLBACK_URL],
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    scopes: ['openid', 'digid'],
    claims: { openid: ['sub'], digid: ['bsn'] },
    acrValues: [SUBSTANTIEEL, MIDDEN],
    conformIdTokenClaims: false,
    cookies: { keys: ['digid-test-cookie-key'] },
    ttl: { Interaction: 600, Session: 3600, Grant: 3600, AccessToken: 600, IdToken: 600, AuthorizationCode: 60 },
    features: { devInteractions: { enabled: false } },
    findAccount: (_ctx: unknown, sub: string) => ({ accountId: sub, claims: () => ({ sub, bsn: bsnOf.get(sub) }) }),
  });
  routing.handler = routing.provider.callback();
}

beforeAll(async () => {
  await startBroker();
  t = await startTestApp({
    PUBLIC_URL,
    RESIDENT_OIDC_ISSUER: issuer,
    RESIDENT_OIDC_CLIENT_ID: CLIENT_ID,
    RESIDENT_OIDC_CLIENT_SECRET: CLIENT_SECRET,
    RESIDENT_OIDC_TENANT: TENANT_SLUG,
    RESIDENT_OIDC_SCOPE: 'openid digid',
  });
  const tenant = await buildTenant(t.db, { slug: TENANT_SLUG });
  const worker = await buildUser(t.db, tenant);
  kase = await buildCase(t.db, tenant, { caseWorkerId: worker.id });
  await t.db.inSystem((tx) =>
    tx.updateTable('person').set({ bsn: KNOWN_BSN }).where('id', '=', kase.adultId).execute(),
  );
});
afterAll(async () => {
  await t?.close();
  await new Promise<void>((resolve) => (broker ? broker.close(() => resolve()) : resolve()));
});
beforeEach(() => t.clock.reset());

/** A minimal browser at the broker: follows redirects by hand and keeps cookies by name. */
async function throughBroker(start: URL): Promise<string> {
  const cookies = new Map<string, string>();
  let url = start;
  for (let hop = 0; hop < 20; hop++) {
    if (url.href.startsWith(CALLBACK_URL)) return `${url.pathname}${url.search}`;
    const response = await fetch(url, {
      redirect: 'manual',
      headers: cookies.size ? { cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join('; ') } : {},
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const eq = pair.indexOf('=');
      const value = pair.slice(eq + 1).trim();
      if (value) cookies.set(pair.slice(0, eq).trim(), value);
      else cookies.delete(pair.slice(0, eq).trim());
    }
    const location = response.headers.get('location');
    if (!location)
      throw new Error(`the broker answered ${response.status} without a redirect: ${await response.text()}`);
    url = new URL(location, url);
  }
  throw new Error('too many redirects at the broker');
}

async function logInWithDigid(agent: Agent, login: { sub: string; bsn: string; acr: string }): Promise<string> {
  nextLogin = login;
  const start = await agent.get('/api/resident/digid/start');
  expect(start.statusCode).toBe(302);
  const url = new URL(String(start.headers.location));
  expect(url.origin).toBe(issuer);
  const callback = await throughBroker(url);
  const r = await agent.get(callback);
  expect(r.statusCode).toBe(302);
  return String(r.headers.location);
}

const accounts = () =>
  t.db.inSystem((tx) =>
    tx.selectFrom('resident_account').select(['id', 'person_id', 'identity_check', 'email']).execute(),
  );

describe('login to Mijn Nabij with DigiD (through a broker)', () => {
  it('asks the broker for DigiD Substantieel or higher, with PKCE', async () => {
    const start = await t.agent().get('/api/resident/digid/start');
    const url = new URL(String(start.headers.location));
    expect(url.searchParams.get('redirect_uri')).toBe(CALLBACK_URL);
    expect(url.searchParams.get('scope')).toBe('openid digid');
    expect(url.searchParams.get('acr_values')?.split(' ')).toContain(SUBSTANTIEEL);
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
  });

  it('matches the BSN to the person, creates the account on the first login (verified by DigiD) and logs it', async () => {
    const agent = t.agent();
    expect(await logInWithDigid(agent, { sub: 'digid-anna', bsn: KNOWN_BSN, acr: SUBSTANTIEEL })).toBe('/mijn');
    expect(await accounts()).toEqual([
      expect.objectContaining({ person_id: kase.adultId, identity_check: 'digid', email: null }),
    ]);
    await refreshResidentCsrf(agent);
    const session = (await agent.get('/api/resident/session')).json();
    expect(session).toMatchObject({
      authenticated: true,
      digidEnabled: true,
      resident: { authMethod: 'digid', firstName: 'Anna' },
    });
    const stored = await t.db.inSystem((tx) =>
      tx.selectFrom('resident_session').select(['auth_method', 'assurance']).execute(),
    );
    expect(stored).toContainEqual({ auth_method: 'digid', assurance: SUBSTANTIEEL });
    expect((await agent.get(`/api/resident/persons/${kase.adultId}/home`)).statusCode).toBe(200);
    const log = await t.db.inSystem((tx) =>
      tx
        .selectFrom('access_log')
        .select(['user_role', 'person_id', 'detail'])
        .where('event', '=', 'resident.logged_in')
        .execute(),
    );
    expect(log.at(-1)).toMatchObject({
      user_role: 'resident',
      person_id: kase.adultId,
      detail: expect.objectContaining({ method: 'digid' }),
    });
    // The BSN is never written to the log.
    expect(JSON.stringify(log)).not.toContain(KNOWN_BSN);
    // A second login uses the same account.
    expect(await logInWithDigid(t.agent(), { sub: 'digid-anna', bsn: KNOWN_BSN, acr: SUBSTANTIEEL })).toBe('/mijn');
    expect(await accounts()).toHaveLength(1);
  });

  it('refuses a login below Substantieel, and a BSN the team does not know', async () => {
    await t.db.inSystem((tx) => tx.deleteFrom('resident_account').execute());
    const low = t.agent();
    expect(await logInWithDigid(low, { sub: 'digid-midden', bsn: KNOWN_BSN, acr: MIDDEN })).toBe(
      '/mijn/inloggen?fout=digid_level',
    );
    expect(low.cookie('nabij_resident')).toBeUndefined();
    expect(await logInWithDigid(t.agent(), { sub: 'digid-onbekend', bsn: UNKNOWN_BSN, acr: SUBSTANTIEEL })).toBe(
      '/mijn/inloggen?fout=digid_unknown',
    );
    expect(await accounts()).toHaveLength(0);
  });

  it('refuses a callback with another state, and one opened in another browser', async () => {
    nextLogin = { sub: 'digid-anna', bsn: KNOWN_BSN, acr: SUBSTANTIEEL };
    const agent = t.agent();
    const start = await agent.get('/api/resident/digid/start');
    const callback = await throughBroker(new URL(String(start.headers.location)));
    const other = await t.agent().get(callback);
    expect(other.headers.location).toBe('/mijn/inloggen?fout=digid_failed');
  });

  it('answers 404 when no DigiD broker is configured', async () => {
    const configured = t.config.resident.oidc;
    t.config.resident.oidc = undefined;
    try {
      const r = await t.agent().get('/api/resident/digid/start');
      expect(r.statusCode).toBe(404);
      expect(r.json()).toEqual({
        code: 'resident_digid_not_configured',
        message: 'Inloggen met DigiD is nog niet ingesteld.',
      });
      expect((await t.agent().get('/api/resident/session')).json().digidEnabled).toBe(false);
    } finally {
      t.config.resident.oidc = configured;
    }
  });
});
