// OWASP ASVS 5.0 level 2 hardening (issue #7 item 8; ADR 0017): headers and CSP, session fixation, rate limits,
// the password policy, logging of administrative actions and content sniffing of every upload.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import { connect } from 'node:net';
import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app';
import { totpCode } from '../../src/capabilities/auth';
import { loadConfig } from '../../src/platform/config';
import { registerErrorHandling } from '../../src/platform/http/errors';
import { AppError } from '../../src/shared/app-error';
import { annaReferralBody, buildCase, buildTenant, buildUser } from '../builders';
import { TINY_PDF } from '../privacy-fixtures';
import { Agent, startTestApp, type TestApp } from '../test-app';

let t: TestApp;
let tenant: { id: string; slug: string; teamId: string };
const extraApps: FastifyInstance[] = [];
const srcDir = fileURLToPath(new URL('../../src/', import.meta.url));
const webDir = fileURLToPath(new URL('../../../web/', import.meta.url));

/** A second app on the same database with other settings (cheaper than a second database). */
async function appWith(env: Record<string, string>): Promise<FastifyInstance> {
  const app = await buildApp({
    db: t.db,
    config: loadConfig({ NODE_ENV: 'test', WEB_DIST_DIR: '/nonexistent', ...env }),
    clock: t.clock,
  });
  extraApps.push(app);
  return app;
}

beforeAll(async () => {
  t = await startTestApp();
  tenant = await buildTenant(t.db);
});
afterAll(async () => {
  for (const a of extraApps) await a.close();
  await t.close();
});

describe('security headers and the content security policy', () => {
  it('sends the web app’s pages with a CSP without inline scripts or styles, and the other security headers', async () => {
    const dist = mkdtempSync(path.join(tmpdir(), 'nabij-dist-'));
    writeFileSync(
      path.join(dist, 'index.html'),
      '<!doctype html><html lang="nl"><head><script type="module" src="/assets/app.js"></script></head><body></body></html>',
    );
    const web = await appWith({ WEB_DIST_DIR: dist });
    for (const url of ['/', '/dossiers/00000000-0000-4000-8000-000000000000']) {
      const page = await web.inject({ method: 'GET', url });
      expect(String(page.headers['content-type'])).toContain('text/html');
      const csp = String(page.headers['content-security-policy']);
      for (const directive of [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self';",
        "object-src 'none'",
        "frame-ancestors 'none'",
        "base-uri 'none'",
        "form-action 'self'",
      ])
        expect([url, directive, csp.includes(directive)]).toEqual([url, directive, true]);
      expect(csp).not.toContain('unsafe-inline');
      expect(csp).not.toContain('unsafe-eval');
    }
    rmSync(dist, { recursive: true, force: true });
    // API answers and files: no framing, no script but our own origin's (the PDF viewer needs its plugin).
    const r = await t.app.inject({ method: 'GET', url: '/api/auth/session' });
    const apiCsp = String(r.headers['content-security-policy']);
    expect(apiCsp).toContain("frame-ancestors 'none'");
    expect(apiCsp).toContain("default-src 'self'");
    expect(apiCsp).not.toContain('unsafe-eval');
    expect(r.headers).toMatchObject({
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
      'referrer-policy': 'no-referrer',
      'cross-origin-opener-policy': 'same-origin',
      'cross-origin-resource-policy': 'same-origin',
      'cache-control': 'no-store',
    });
    expect(r.headers['strict-transport-security']).toBeUndefined();
    const tls = await appWith({ PUBLIC_URL: 'https://nabij.gemeente.example' });
    expect((await tls.inject({ method: 'GET', url: '/api/auth/session' })).headers['strict-transport-security']).toBe(
      'max-age=31536000; includeSubDomains',
    );
  });

  it('sends the web app’s files compressed, hashed files cached for a year, the page always checked, no source map', async () => {
    // Issue #18 item 4: a build as vite.config.ts writes it — a hashed file with brotli and gzip copies and a map.
    const dist = mkdtempSync(path.join(tmpdir(), 'nabij-dist-'));
    const js = `export const words = ${JSON.stringify(Array.from({ length: 400 }, (_, i) => `woord ${i}`))};\n`;
    mkdirSync(path.join(dist, 'assets'));
    writeFileSync(path.join(dist, 'index.html'), '<!doctype html><html lang="nl"><head></head><body></body></html>');
    writeFileSync(path.join(dist, 'assets', 'app-AbCd12_x.js'), js);
    writeFileSync(path.join(dist, 'assets', 'app-AbCd12_x.js.br'), brotliCompressSync(js));
    writeFileSync(path.join(dist, 'assets', 'app-AbCd12_x.js.gz'), gzipSync(js));
    writeFileSync(path.join(dist, 'assets', 'app-AbCd12_x.js.map'), '{"version":3,"mappings":"AAAA"}');
    const web = await appWith({ WEB_DIST_DIR: dist });
    const get = (url: string, encoding?: string) =>
      web.inject({ method: 'GET', url, headers: encoding ? { 'accept-encoding': encoding } : {} });

    const br = await get('/assets/app-AbCd12_x.js', 'gzip, deflate, br');
    expect([br.statusCode, br.headers['content-encoding'], br.headers['cache-control']]).toEqual([
      200,
      'br',
      'public, max-age=31536000, immutable',
    ]);
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(js);
    expect(br.rawPayload.length).toBeLessThan(js.length / 2);
    const gz = await get('/assets/app-AbCd12_x.js', 'gzip');
    expect([gz.headers['content-encoding'], gunzipSync(gz.rawPayload).toString()]).toEqual(['gzip', js]);
    const plain = await get('/assets/app-AbCd12_x.js');
    expect([plain.headers['content-encoding'], plain.body]).toEqual([undefined, js]);

    // The page itself (and every route of the app, which gets the page) is checked on each visit.
    for (const url of ['/', '/dossiers/00000000-0000-4000-8000-000000000000'])
      expect((await get(url)).headers['cache-control']).toBe('no-cache');
    // No source map leaves the server, and a missing file under assets/ is a 404, not the page.
    for (const url of ['/assets/app-AbCd12_x.js.map', '/assets/gone-ZZZZ1111.js']) {
      const r = await get(url);
      expect([url, r.statusCode, r.body.includes('mappings'), r.body.includes('<html')]).toEqual([
        url,
        404,
        false,
        false,
      ]);
    }
    rmSync(dist, { recursive: true, force: true });
  });

  it('the web app’s page has no inline script (the CSP would block it), in the source and in a build when present', () => {
    const pages = [path.join(webDir, 'index.html'), path.join(webDir, 'dist', 'index.html')].filter((p) => {
      try {
        readFileSync(p);
        return true;
      } catch {
        return false;
      }
    });
    expect(pages.length).toBeGreaterThan(0);
    for (const page of pages) {
      const html = readFileSync(page, 'utf8');
      const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
      expect(scripts.length).toBeGreaterThan(0);
      for (const s of scripts) expect([page, /\bsrc=/.test(s[1]!), s[2]!.trim()]).toEqual([page, true, '']);
      expect(html).not.toMatch(/\son[a-z]+=/i);
      expect(html).not.toMatch(/<style\b/i);
    }
  });
});

describe('session fixation', () => {
  it('never adopts a session id from before the login, and replaces it again after the second factor', async () => {
    const user = await buildUser(t.db, tenant, { roles: ['case_worker'] });
    const secret = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
    await t.db.inSystem((tx) =>
      tx
        .updateTable('app_user')
        .set({ totp_secret: secret, totp_enabled_at: new Date() })
        .where('id', '=', user.id)
        .execute(),
    );
    const agent = t.agent();
    const planted = 'aangeboden-door-een-aanvaller-0123456789abcdef';
    const login = await agent.request(
      'POST',
      '/api/auth/login',
      { username: user.username, password: user.password },
      { cookie: `nabij_session=${planted}` },
    );
    expect(login.json<{ next: string }>().next).toBe('totp');
    const afterPassword = agent.cookie('nabij_session');
    expect(afterPassword).toBeDefined();
    expect(afterPassword).not.toBe(planted);
    await agent.refreshCsrf();
    expect(
      (await agent.post('/api/auth/totp', { code: totpCode(secret, new Date()) })).json<{ next: string }>().next,
    ).toBe('done');
    const afterTotp = agent.cookie('nabij_session');
    expect(afterTotp).not.toBe(afterPassword);
    const asWho = async (token: string) =>
      (
        await t.app.inject({ method: 'GET', url: '/api/auth/session', headers: { cookie: `nabij_session=${token}` } })
      ).json<{ authenticated: boolean; next?: string }>();
    expect(await asWho(afterTotp!)).toMatchObject({ authenticated: true });
    expect(await asWho(afterPassword!)).toEqual({ authenticated: false, oidcEnabled: false });
    expect(await asWho(planted)).toEqual({ authenticated: false, oidcEnabled: false });
  });
});

describe('rate limits on write and search routes', () => {
  it('answers 429 with a Dutch message and Retry-After per user for writes and searches, and per address before login', async () => {
    const limited = await appWith({
      RATE_LIMIT_WRITES_PER_MINUTE: '3',
      RATE_LIMIT_SEARCHES_PER_MINUTE: '2',
      RATE_LIMIT_ANONYMOUS_PER_MINUTE: '4',
    });
    const a = await buildUser(t.db, tenant, { roles: ['case_worker'] });
    const b = await buildUser(t.db, tenant, { roles: ['case_worker'] });
    const officer = await buildUser(t.db, tenant, { roles: ['privacy_officer'] });
    const agentA = new Agent(limited, '10.0.0.1');
    const agentB = new Agent(limited, '10.0.0.2');
    const agentP = new Agent(limited, '10.0.0.3');
    await agentA.login(a.username, a.password);
    await agentB.login(b.username, b.password);
    await agentP.login(officer.username, officer.password);
    const write = () => agentA.post('/api/auth/keep-alive', {});
    for (let i = 0; i < 3; i++) expect((await write()).statusCode).toBe(200);
    const refused = await write();
    expect(refused.statusCode).toBe(429);
    expect(refused.json()).toEqual({
      code: 'rate_limited',
      message: 'Te veel verzoeken. Wacht even en probeer het opnieuw.',
    });
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect((await agentB.post('/api/auth/keep-alive', {})).statusCode).toBe(200);

    expect((await agentP.get('/api/avg/persons?name=An')).statusCode).toBe(200);
    expect((await agentP.get('/api/avg/persons?name=An')).statusCode).toBe(200);
    expect((await agentP.get('/api/avg/persons?name=An')).statusCode).toBe(429);
    expect((await agentP.get('/api/avg/requests')).statusCode).toBe(200);

    const anonymous = new Agent(limited, '10.0.0.9');
    const tries = [];
    for (let i = 0; i < 5; i++)
      tries.push((await anonymous.post('/api/auth/login', { username: `niemand-${i}`, password: 'x' })).statusCode);
    expect(tries).toEqual([401, 401, 401, 401, 429]);
  });
});

describe('rate limits of person search and Mijn Nabij (issue #21 item 13)', () => {
  it('counts person search as a search (its own limit, not the writes’), and residents per resident, apart from staff login', async () => {
    const limited = await appWith({
      RATE_LIMIT_WRITES_PER_MINUTE: '5',
      RATE_LIMIT_SEARCHES_PER_MINUTE: '2',
      RATE_LIMIT_ANONYMOUS_PER_MINUTE: '3',
      RATE_LIMIT_RESIDENT_PER_MINUTE: '3',
    });
    const w = await buildUser(t.db, tenant, { roles: ['case_worker'] });
    const worker = new Agent(limited, '10.0.13.1');
    await worker.login(w.username, w.password);
    const search = () => worker.post('/api/persons/search', { name: 'Anna' });
    expect([(await search()).statusCode, (await search()).statusCode]).toEqual([200, 200]);
    const refused = await search();
    expect(refused.statusCode).toBe(429);
    expect(refused.json()).toEqual({
      code: 'rate_limited',
      message: 'Te veel verzoeken. Wacht even en probeer het opnieuw.',
    });
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    // The searches did not use up the writes.
    expect((await worker.post('/api/auth/keep-alive', {})).statusCode).toBe(200);

    // A resident with an account, on an address where staff logins have used up the anonymous limit.
    const kase = await buildCase(t.db, tenant, { caseWorkerId: w.id });
    const email = `inwoner-${kase.id.slice(0, 8)}@example.nl`;
    expect(
      (
        await worker.post(`/api/cases/${kase.id}/resident-portal/accounts`, {
          personId: kase.adultId,
          email,
          identityChecked: true,
        })
      ).statusCode,
    ).toBe(200);
    const address = '10.0.13.2';
    const staffLogins = [];
    for (let i = 0; i < 4; i++)
      staffLogins.push(
        (await new Agent(limited, address).post('/api/auth/login', { username: `niemand-${i}`, password: 'x' }))
          .statusCode,
      );
    expect(staffLogins).toEqual([401, 401, 401, 429]);
    const resident = new Agent(limited, address);
    expect((await resident.post('/api/resident/login/code', { email })).statusCode).toBe(200);
    const code = await t.db.inSystem(async (tx) => {
      const row = await tx
        .selectFrom('outbox_message')
        .select('text_body')
        .where('recipient', '=', email)
        .orderBy('sent_at', 'desc')
        .executeTakeFirstOrThrow();
      return /(\d{6})/.exec(row.text_body)?.[1];
    });
    expect((await resident.post('/api/resident/login/verify', { email, code })).statusCode).toBe(200);
    // Logged in, the resident counts in a window of their own (limit 3), not the address's.
    const look = () => resident.get(`/api/resident/persons/${kase.adultId}/access-log?period=month`);
    const looks = [];
    for (let i = 0; i < 4; i++) looks.push((await look()).statusCode);
    expect(looks).toEqual([200, 200, 200, 429]);
  });
});

describe('every error answer is the Dutch { code, message } (issue #21 item 14)', () => {
  it('answers header fields too large (431, refused by Node’s HTTP parser before Fastify) in Dutch', async () => {
    const app = await appWith({});
    await app.listen({ host: '127.0.0.1', port: 0 });
    const { port } = app.server.address() as AddressInfo;
    const raw = await new Promise<string>((resolve, reject) => {
      const socket = connect(port, '127.0.0.1');
      let data = '';
      socket.on('data', (chunk) => (data += chunk.toString('utf8')));
      socket.on('end', () => resolve(data));
      socket.on('close', () => resolve(data));
      socket.on('error', reject);
      socket.write(`GET /api/home HTTP/1.1\r\nHost: localhost\r\nCookie: x=${'a'.repeat(20_000)}\r\n\r\n`);
    });
    const [head, json] = raw.split('\r\n\r\n');
    expect(head).toMatch(/^HTTP\/1\.1 431 /);
    expect(head).toMatch(/content-type: application\/json; charset=utf-8/i);
    expect(JSON.parse(json!)).toEqual({
      code: 'request_header_too_large',
      message:
        'Het verzoek heeft te grote kopregels (bijvoorbeeld te veel cookies). Verwijder de cookies van deze website en probeer het opnieuw.',
    });
  });

  it('answers a response that does not match its schema as a 500 in Dutch, and never lets an error answer fall back to English', async () => {
    // The platform's error mapping on a small app with routes whose answers do not fit their declared schemas.
    const app = Fastify();
    extraApps.push(app);
    app.setValidatorCompiler(validatorCompiler);
    app.setSerializerCompiler(serializerCompiler);
    registerErrorHandling(app);
    const r = app.withTypeProvider<ZodTypeProvider>();
    r.get('/ok', { schema: { response: { 200: z.object({ name: z.string() }) } } }, async () => ({
      name: 42 as unknown as string,
      bsn: '123456782',
    }));
    r.get(
      '/refused',
      {
        schema: {
          response: {
            200: z.object({ name: z.string() }),
            409: z.object({ code: z.literal('other'), id: z.string() }),
          },
        },
      },
      async () => {
        throw new AppError('version_conflict');
      },
    );
    await app.ready();
    const broken = await app.inject('/ok');
    expect(broken.statusCode).toBe(500);
    expect(broken.json()).toEqual({
      code: 'internal',
      message:
        'Er ging iets mis aan onze kant. Probeer het opnieuw; blijft het misgaan, meld het dan bij de functioneel beheerder.',
    });
    expect(broken.body).not.toContain('123456782');
    const refused = await app.inject('/refused');
    expect(refused.statusCode).toBe(409);
    expect(refused.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(refused.json()).toEqual({
      code: 'version_conflict',
      message: 'Iemand anders heeft dit intussen gewijzigd. Bekijk de nieuwe versie en voer uw wijziging opnieuw in.',
    });
  });

  it('says an empty upload is empty (empty_file), not that it is too big', async () => {
    const w = await buildUser(t.db, tenant, { roles: ['case_worker'] });
    const c = await buildCase(t.db, tenant, { caseWorkerId: w.id });
    const agent = t.agent();
    await agent.login(w.username, w.password);
    const empty = await agent.post(`/api/cases/${c.id}/contacts`, {
      kind: 'phone',
      contactOn: new Date().toISOString().slice(0, 10),
      note: 'Met een lege bijlage',
      attachments: [{ filename: 'leeg.pdf', contentBase64: '' }],
    });
    expect(empty.statusCode).toBe(400);
    expect(empty.json()).toEqual({
      code: 'empty_file',
      message: 'Het bestand is leeg. Kies een bestand met inhoud.',
      fieldErrors: { 'attachments.0': ['Het bestand is leeg. Kies een bestand met inhoud.'] },
    });
    const { channel: _channel, ...referral } = annaReferralBody(tenant.teamId);
    const form = await t.agent().post(`/api/public/referrals/${tenant.slug}`, {
      ...referral,
      attachments: [{ filename: 'leeg.pdf', contentBase64: '' }],
    });
    expect(form.statusCode).toBe(400);
    expect(form.json()).toMatchObject({
      code: 'empty_file',
      message: 'Het bestand is leeg. Kies een bestand met inhoud.',
    });
  });
});

describe('the development outbox (issue #21 item 9)', () => {
  it('is read only by the functional administrator, every read logged; others get 403 with the Dutch error', async () => {
    await t.db.inSystem((tx) =>
      tx
        .insertInto('outbox_message')
        .values({
          tenant_id: tenant.id,
          recipient: 'inwoner@example.nl',
          subject: 'Uw inlogcode voor Mijn Nabij',
          text_body: 'Uw code om in te loggen bij Mijn Nabij is: 123456',
          attachment_names: [],
        })
        .execute(),
    );
    for (const role of ['volunteer_host', 'case_worker', 'team_coordinator', 'privacy_officer'] as const) {
      const user = await buildUser(t.db, tenant, { roles: [role] });
      const agent = t.agent();
      await agent.login(user.username, user.password);
      const refused = await agent.get('/api/dev/outbox');
      expect([role, refused.statusCode]).toEqual([role, 403]);
      expect(refused.json()).toEqual({ code: 'forbidden', message: 'U heeft geen toegang tot deze gegevens.' });
      expect(refused.body).not.toContain('123456');
    }
    const admin = await buildUser(t.db, tenant, { roles: ['functional_admin'] });
    const agent = t.agent();
    await agent.login(admin.username, admin.password);
    const read = await agent.get('/api/dev/outbox');
    expect(read.statusCode).toBe(200);
    expect(read.body).toContain('123456');
    await agent.get('/api/dev/outbox');
    const rows = await t.db.inSystem((tx) =>
      tx
        .selectFrom('access_log')
        .select(['action', 'outcome', 'user_role', 'data_category'])
        .where('user_id', '=', admin.id)
        .where('event', '=', 'dev_outbox.viewed')
        .execute(),
    );
    expect(rows).toEqual([
      { action: 'read', outcome: 'allowed', user_role: 'functional_admin', data_category: 'contact' },
      { action: 'read', outcome: 'allowed', user_role: 'functional_admin', data_category: 'contact' },
    ]);
  });
});

describe('password policy', () => {
  it('refuses a short or common new password with a Dutch message and accepts a passphrase', async () => {
    const user = await buildUser(t.db, tenant, { roles: ['case_worker'] });
    const agent = t.agent();
    await agent.login(user.username, user.password);
    const common = await agent.post('/api/auth/password', {
      currentPassword: user.password,
      newPassword: 'Welkom2026!!!',
    });
    expect(common.statusCode).toBe(400);
    expect(common.json<{ fieldErrors: Record<string, string[]> }>().fieldErrors.newPassword?.[0]).toContain(
      'veel gebruikt',
    );
    const short = await agent.post('/api/auth/password', { currentPassword: user.password, newPassword: 'kort' });
    expect(short.json<{ fieldErrors: Record<string, string[]> }>().fieldErrors.newPassword?.[0]).toContain(
      'minimaal 12 tekens',
    );
    expect(
      (
        await agent.post('/api/auth/password', {
          currentPassword: user.password,
          newPassword: 'fiets-regen-koffie-lamp',
        })
      ).statusCode,
    ).toBe(200);
  });
});

describe('administrative actions are logged', () => {
  it('writes an access-log row for user administration, templates, team settings, the ZRM import, the service catalogue and retention terms', async () => {
    const admin = await buildUser(t.db, tenant, { roles: ['functional_admin'] });
    const privacy = await buildUser(t.db, tenant, { roles: ['privacy_officer'] });
    const a = t.agent();
    await a.login(admin.username, admin.password);
    const created = await a.post('/api/admin/users', {
      username: `nieuw-${Date.now()}`,
      displayName: 'Nieuwe Collega',
      roles: ['case_worker'],
      teamIds: [tenant.teamId],
    });
    const newId = created.json<{ user: { id: string } }>().user.id;
    expect((await a.post(`/api/admin/users/${newId}/reset`)).statusCode).toBe(200);
    expect((await a.post(`/api/admin/users/${newId}/deactivate`)).statusCode).toBe(200);
    const activated = await a.post(`/api/admin/users/${newId}/activate`);
    expect(activated.statusCode).toBe(200);
    const userVersion = activated.json<{ version?: number }>().version;
    expect(
      (
        await a.put(`/api/admin/users/${newId}/expertise`, {
          expertise: ['schulden'],
          ...(userVersion === undefined ? {} : { version: userVersion }),
        })
      ).statusCode,
    ).toBe(200);
    const template = (await a.get('/api/admin/letter-templates')).json<{
      templates: Array<{ kind: string; subject: string; body: string; version: number }>;
    }>().templates[0]!;
    expect(
      (
        await a.put(`/api/admin/letter-templates/${template.kind}`, {
          subject: template.subject,
          body: `${template.body}\n`,
          version: template.version,
        })
      ).statusCode,
    ).toBe(200);
    const team = (await a.get('/api/admin/teams')).json<{ teams: Array<Record<string, unknown>> }>().teams[0]!;
    const { id: teamId, name: _name, area: _area, ...settings } = team;
    expect((await a.put(`/api/admin/teams/${String(teamId)}`, settings)).statusCode).toBe(200);
    expect(
      (
        await a.put('/api/admin/zrm-criteria', {
          instrument: 'zrm2017',
          criteria: [{ domain: 'finances', level: 1, text: 'Eigen criteriumtekst' }],
        })
      ).statusCode,
    ).toBe(200);
    expect(
      (
        await a.post('/api/admin/services', {
          organisation: 'Buurthuis',
          name: 'Koffieochtend',
          domains: ['social_network'],
          type: 'general',
        })
      ).statusCode,
    ).toBe(201);
    const p = t.agent();
    await p.login(privacy.username, privacy.password);
    const settingsVersion = (await p.get('/api/retention')).json<{ settings: { version: number } }>().settings.version;
    expect(
      (
        await p.put('/api/retention/settings', {
          participatiewetYears: 7,
          wgsYears: 7,
          otherYears: 6,
          version: settingsVersion,
        })
      ).statusCode,
    ).toBe(200);

    const events = await t.db.inSystem((tx) =>
      tx
        .selectFrom('access_log')
        .select(['event', 'user_id', 'outcome'])
        .where('user_id', 'in', [admin.id, privacy.id])
        .where('action', 'in', ['create', 'update'])
        .execute(),
    );
    const names = new Set(events.map((e) => e.event));
    for (const e of [
      'account.created',
      'account.reset',
      'account.deactivated',
      'account.activated',
      'account.expertise_changed',
      'letter_template.changed',
      'team.settings_changed',
      'zrm.criteria_imported',
      'service.added',
      'retention.settings_changed',
    ])
      expect([e, names.has(e)]).toEqual([e, true]);
    expect(events.every((e) => e.outcome === 'allowed')).toBe(true);
  });
});

describe('content sniffing of uploads', () => {
  it('every place that decodes an uploaded file checks its content', () => {
    const files = (function walk(dir: string): string[] {
      return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
        e.isDirectory()
          ? walk(path.join(dir, e.name))
          : e.name.endsWith('.ts') && !e.name.endsWith('.test.ts')
            ? [path.join(dir, e.name)]
            : [],
      );
    })(srcDir);
    const decoding = files.filter(
      (f) =>
        /Buffer\.from\([^)]*['"]base64['"]\)/.test(readFileSync(f, 'utf8')) &&
        /contentBase64/.test(readFileSync(f, 'utf8')),
    );
    expect(decoding.length).toBeGreaterThan(0);
    for (const f of decoding)
      expect([path.relative(srcDir, f), /sniffAttachment\(/.test(readFileSync(f, 'utf8'))]).toEqual([
        path.relative(srcDir, f),
        true,
      ]);
    const uploads = files.filter(
      (f) => /contentBase64/.test(readFileSync(f, 'utf8')) && !decoding.includes(f) && !f.includes('demo-data'),
    );
    for (const f of uploads) {
      const source = readFileSync(f, 'utf8');
      if (/Buffer\.from\(/.test(source))
        expect([path.relative(srcDir, f), /decodeUpload\(|sniffAttachment\(/.test(source)]).toEqual([
          path.relative(srcDir, f),
          true,
        ]);
    }
  });

  it('refuses a disguised file in the contact log as it does in intake and the plan', async () => {
    const w = await buildUser(t.db, tenant, { roles: ['case_worker'] });
    const c = await buildCase(t.db, tenant, { caseWorkerId: w.id });
    const agent = t.agent();
    await agent.login(w.username, w.password);
    const day = new Date().toISOString().slice(0, 10);
    const exe = Buffer.from('MZ\u0090\u0000 dit is een programma').toString('base64');
    const bad = await agent.post(`/api/cases/${c.id}/contacts`, {
      kind: 'phone',
      contactOn: day,
      note: 'Met bijlage',
      attachments: [{ filename: 'brief.pdf', contentBase64: exe }],
    });
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json())).toContain('Alleen PDF-, PNG- en JPEG-bestanden');
    expect(
      (
        await agent.post(`/api/cases/${c.id}/contacts`, {
          kind: 'phone',
          contactOn: day,
          note: 'Met bijlage',
          attachments: [{ filename: 'brief.pdf', contentBase64: TINY_PDF }],
        })
      ).statusCode,
    ).toBe(201);
  });
});
