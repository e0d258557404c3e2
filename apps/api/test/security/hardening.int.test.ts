// OWASP ASVS 5.0 level 2 hardening (issue #7 item 8; ADR 0017): headers and CSP, session fixation, rate limits,
// the password policy, logging of administrative actions and content sniffing of every upload.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app';
import { totpCode } from '../../src/capabilities/auth';
import { loadConfig } from '../../src/platform/config';
import { buildCase, buildTenant, buildUser } from '../builders';
import { TINY_PDF } from '../privacy-fixtures';
import { Agent, startTestApp, type TestApp } from '../test-app';

let t: TestApp;
let tenant: { id: string; teamId: string };
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
    const search = () => agentA.post('/api/persons/search', { name: 'Anna' });
    for (let i = 0; i < 3; i++) expect((await search()).statusCode).toBe(200);
    const refused = await search();
    expect(refused.statusCode).toBe(429);
    expect(refused.json()).toEqual({
      code: 'rate_limited',
      message: 'Te veel verzoeken. Wacht even en probeer het opnieuw.',
    });
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect((await agentB.post('/api/persons/search', { name: 'Anna' })).statusCode).toBe(200);

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
