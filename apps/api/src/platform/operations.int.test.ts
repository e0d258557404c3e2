import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app';
import { recordAccess, sealAllTenants } from '../capabilities/audit';
import { buildActor } from '../shared/actor';
import { systemClock } from '../shared/clock';
import { buildTenant, buildUser } from '../../test/builders';
import { startTestApp, type TestApp } from '../../test/test-app';
import { loadConfig } from './config';
import { createDatabase } from './database/database';
import { startScheduler, type JobDefinition } from './jobs';

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

  it('counts logins of staff and residents, and shows the database pool and the unsealed access-log rows', async () => {
    const scrape = async () => (await t.app.inject('/metrics')).body;
    const tenant = await buildTenant(t.db);
    const user = await buildUser(t.db, tenant, { roles: ['case_worker'] });
    const staffFailed = 'nabij_login_attempts_total{who="staff",method="password",outcome="failure"}';
    const staffOk = 'nabij_login_attempts_total{who="staff",method="password",outcome="success"}';
    const residentFailed = 'nabij_login_attempts_total{who="resident",method="email_code",outcome="failure"}';
    const before = await scrape();
    const login = (password: string) =>
      t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: user.username, password } });
    expect((await login('niet-het-wachtwoord')).statusCode).toBe(401);
    expect((await login(user.password)).statusCode).toBe(200);
    const resident = await t.app.inject({
      method: 'POST',
      url: '/api/resident/login/verify',
      payload: { email: 'onbekend@example.test', code: '123456' },
    });
    expect(resident.statusCode).toBeGreaterThanOrEqual(400);
    const after = await scrape();
    expect(metricValue(after, staffFailed)).toBe(metricValue(before, staffFailed) + 1);
    expect(metricValue(after, staffOk)).toBe(metricValue(before, staffOk) + 1);
    expect(metricValue(after, residentFailed)).toBe(metricValue(before, residentFailed) + 1);

    // The request pool: connections and waiting requests, and how long getting a connection took.
    expect(metricValue(after, 'nabij_database_pool_connections{state="max"}')).toBe(10);
    expect(metricValue(after, 'nabij_database_pool_connections{state="total"}')).toBeGreaterThan(0);
    expect(after).toMatch(/^nabij_database_pool_waiting_requests \d+$/m);
    expect(metricValue(after, 'nabij_database_connection_acquire_seconds_count{pool="app"}')).toBeGreaterThan(
      metricValue(before, 'nabij_database_connection_acquire_seconds_count{pool="app"}'),
    );
    expect(after).toMatch(/^nabij_database_info\{mode="(embedded|server)"\} 1$/m);

    // An access-log row is written unsealed; nothing seals it in a test until we do. (The status is read at most
    // every 250 ms.)
    const actor = buildActor({
      userId: user.id,
      tenantId: tenant.id,
      roles: ['case_worker'],
      teamIds: [tenant.teamId],
    });
    await t.db.inTenant(tenant.id, (tx) =>
      recordAccess(
        tx,
        { actor, ip: '127.0.0.1', userAgent: null },
        { action: 'read', event: 'person.viewed', dataCategory: 'identity' },
      ),
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    const unsealed = await scrape();
    expect(metricValue(unsealed, 'nabij_access_log_unsealed_rows')).toBeGreaterThan(0);
    expect(metricValue(unsealed, 'nabij_access_log_unsealed_stale_rows')).toBe(0);
    await sealAllTenants(t.db);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const sealed = await scrape();
    expect(metricValue(sealed, 'nabij_access_log_unsealed_rows')).toBe(0);
    expect(metricValue(sealed, 'nabij_access_log_oldest_unsealed_age_seconds')).toBe(0);
  });

  it('shows the job queue: its depth, and runs and jobs that failed', async () => {
    let release: () => void = () => undefined;
    const blocked = new Promise<void>((resolve) => {
      release = resolve;
    });
    const jobs: JobDefinition[] = [
      { name: 'ops-slow', cron: '0 3 * * *', run: () => blocked },
      { name: 'ops-fails', cron: '0 3 * * *', retryLimit: 0, run: () => Promise.reject(new Error('kapot')) },
    ];
    const scheduler = await startScheduler(t.testDb.url, jobs, { error: () => undefined, info: () => undefined });
    try {
      // One slow job runs, the next waits behind it; the failing one fails at once (no retries).
      await scheduler.runNow('ops-slow');
      await scheduler.runNow('ops-slow');
      await scheduler.runNow('ops-fails');
      const deadline = Date.now() + 20_000;
      let body = '';
      while (Date.now() < deadline) {
        body = (await t.app.inject('/metrics')).body;
        if (
          metricValue(body, 'nabij_job_queue_jobs{queue="ops-fails",state="failed"}') === 1 &&
          metricValue(body, 'nabij_job_queue_jobs{queue="ops-slow",state="active"}') === 1
        )
          break;
        await new Promise((resolve) => setTimeout(resolve, 300));
      }
      expect(metricValue(body, 'nabij_job_queue_jobs{queue="ops-fails",state="failed"}')).toBe(1);
      expect(metricValue(body, 'nabij_job_queue_jobs{queue="ops-slow",state="active"}')).toBe(1);
      expect(metricValue(body, 'nabij_job_queue_jobs{queue="ops-slow",state="created"}')).toBe(1);
      expect(metricValue(body, 'nabij_job_runs_total{queue="ops-fails",outcome="failed"}')).toBe(1);
    } finally {
      release();
      await scheduler.stop();
    }
  }, 40_000);

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

/** The value of one series in a Prometheus text scrape (0 when the series is not there yet). */
function metricValue(body: string, series: string): number {
  const line = body.split('\n').find((l) => l.startsWith(`${series} `));
  return line ? Number(line.slice(series.length + 1)) : 0;
}
