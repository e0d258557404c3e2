import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app';
import { systemClock } from '../shared/clock';
import { startTestApp, type TestApp } from '../../test/test-app';
import { loadConfig } from './config';
import { createDatabase } from './database/database';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

describe('operations', () => {
  it('reports liveness and readiness', async () => {
    expect((await t.app.inject('/health/live')).json()).toEqual({ status: 'ok' });
    expect((await t.app.inject('/health/ready')).statusCode).toBe(200);
  });

  it('serves Prometheus metrics with request durations per route, not per URL', async () => {
    await t.app.inject('/health/live');
    const body = (await t.app.inject('/metrics')).body;
    expect(body).toContain('nabij_http_request_duration_seconds_bucket');
    expect(body).toContain('route="/health/live"');
    expect(body).toContain('nabij_process_resident_memory_bytes');
  });

  it('serves OpenAPI 3.1 generated from the route schemas, with every API route in it', async () => {
    const doc = (await t.app.inject('/api/docs/json')).json();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/auth/login', '/api/persons/search', '/api/persons/{id}', '/api/admin/users']),
    );
    expect(doc.paths['/api/persons'].post.requestBody.content['application/json'].schema.properties).toHaveProperty(
      'bsn',
    );
    expect((await t.app.inject('/api/docs')).statusCode).toBeLessThan(400);
  });

  it('answers an unknown API path with a Dutch 404', async () => {
    const r = await t.app.inject('/api/bestaat-niet');
    expect(r.statusCode).toBe(404);
    expect(r.json().message).toBe('Deze pagina of dit gegeven bestaat niet (meer).');
  });

  it('sends security headers and no caching of API answers', async () => {
    const r = await t.app.inject('/api/auth/session');
    expect(r.headers['x-content-type-options']).toBe('nosniff');
    expect(r.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(r.headers['cache-control']).toBe('no-store');
  });

  it('fails fast with 503 and an unrevealing Dutch message when the database cannot be reached', async () => {
    const unreachable = createDatabase('postgres://postgres@127.0.0.1:1/postgres', 2);
    const config = loadConfig({ NODE_ENV: 'test', WEB_DIST_DIR: '/nonexistent' });
    const app = await buildApp({ db: unreachable, config, clock: systemClock });
    try {
      const started = Date.now();
      const ready = await app.inject('/health/ready');
      expect(ready.statusCode).toBe(503);
      const r = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'werker', password: 'x' },
      });
      expect(r.statusCode).toBe(503);
      expect(r.json()).toEqual({
        code: 'database_unavailable',
        message: 'Nabij kan de database nu niet bereiken. Probeer het over een minuut opnieuw.',
      });
      expect(r.headers['retry-after']).toBe('5');
      expect(Date.now() - started).toBeLessThan(10_000);
    } finally {
      await app.close();
      await unreachable.close();
    }
  });
});
