// Issue #21 item 1: /robots.txt (it used to return the web app's page), and the municipality and its teams' contact
// channels for the public statements and contact page every footer links to.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app';
import { loadConfig } from '../src/platform/config';
import { buildTeam, buildTenant } from './builders';
import { startTestApp, type TestApp } from './test-app';

let t: TestApp;
let web: FastifyInstance;
const dist = mkdtempSync(path.join(tmpdir(), 'nabij-dist-'));

beforeAll(async () => {
  t = await startTestApp();
  // The web app's fallback is what answered /robots.txt before: test with a built web app present.
  writeFileSync(path.join(dist, 'index.html'), '<!doctype html><html lang="nl"><body></body></html>');
  web = await buildApp({
    db: t.db,
    config: loadConfig({ NODE_ENV: 'test', WEB_DIST_DIR: dist }),
    clock: t.clock,
  });
});
afterAll(async () => {
  await web.close();
  await t.close();
  rmSync(dist, { recursive: true, force: true });
});

describe('/robots.txt', () => {
  it('is plain text that lets search engines index only the public pages, also when the web app is served', async () => {
    const r = await web.inject({ method: 'GET', url: '/robots.txt' });
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(r.body).not.toContain('<html');
    const rules = r.body.split('\n').filter((line) => line && !line.startsWith('#'));
    expect(rules).toEqual([
      'User-agent: *',
      'Allow: /aanmelden',
      'Allow: /toegankelijkheidsverklaring',
      'Allow: /privacyverklaring',
      'Allow: /contact',
      'Disallow: /',
    ]);
    // Other pages still get the web app.
    const page = await web.inject({ method: 'GET', url: '/toegankelijkheidsverklaring/voorbeeld' });
    expect(String(page.headers['content-type'])).toContain('text/html');
  });
});

describe('GET /api/public/organisation', () => {
  it('is empty-handed (404) while the installation has no municipality, and names the only one without a slug', async () => {
    const none = await t.app.inject({ method: 'GET', url: '/api/public/organisation' });
    expect([none.statusCode, none.json()]).toEqual([404, { code: 'not_found', message: expect.any(String) }]);

    const tenant = await buildTenant(t.db, { slug: 'enkel', name: 'Gemeente Enkel' });
    await t.db.inSystem((tx) =>
      tx
        .updateTable('team')
        .set({
          contact_phone: '030 700 10 10',
          contact_email: 'wijkteam@enkel.example',
          intake_email: 'intern@enkel.example',
        })
        .where('id', '=', tenant.teamId)
        .execute(),
    );
    await buildTeam(t.db, tenant, 'Wijkteam Achter', 'Achter');
    const only = await t.app.inject({ method: 'GET', url: '/api/public/organisation' });
    expect(only.statusCode).toBe(200);
    expect(only.json()).toEqual({
      tenantName: 'Gemeente Enkel',
      tenantSlug: 'enkel',
      teams: [
        { name: 'Wijkteam Achter', area: 'Achter', phone: null, email: null },
        { name: 'Wijkteam Test', area: 'Test', phone: '030 700 10 10', email: 'wijkteam@enkel.example' },
      ],
    });
    // The team's internal intake address is never published.
    expect(only.body).not.toContain('intern@enkel.example');
    expect((await t.app.inject({ method: 'GET', url: '/api/public/organisation?gemeente=enkel' })).json()).toEqual(
      only.json(),
    );
  });

  it('with several municipalities needs the slug, answers 404 for an unknown one and 400 in Dutch for a malformed one', async () => {
    const other = await buildTenant(t.db, { slug: 'anderstad', name: 'Gemeente Anderstad' });
    const several = await t.app.inject({ method: 'GET', url: '/api/public/organisation' });
    expect(several.statusCode).toBe(404);
    const named = await t.app.inject({ method: 'GET', url: '/api/public/organisation?gemeente=anderstad' });
    expect(named.json()).toMatchObject({ tenantName: 'Gemeente Anderstad', tenantSlug: other.slug });
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/public/organisation?gemeente=bestaat-niet' })).statusCode,
    ).toBe(404);
    const bad = await t.app.inject({ method: 'GET', url: '/api/public/organisation?gemeente=%3Cscript%3E' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'validation_failed' });
    expect(bad.body).toContain('Deze gemeente kennen wij niet.');
  });
});
