/**
 * Graceful shutdown and rolling restarts (issue #11 §7, docs/reliability.md §7). The real app runs as a process
 * on the demo municipality (`app-process.ts`), with its job queue on.
 *
 * 1. SIGTERM to the app's process group (as Ctrl+C or systemd sends it: the embedded database gets it too) while
 *    a burst of writes (contacts with idempotency keys) and reads (case overview, the plan as PDF) is in flight,
 *    with a short drain and no load balancer: every request gets its normal 2xx answer, the process exits with
 *    code 0 within a bound and no job of the queue is left `active`. On the server a lock the test holds keeps a
 *    reminder job and three requests (creating tasks) running until after the HTTP server has closed (new
 *    connections refused): they finish with 2xx and `completed`, then the process exits with 0.
 * 2. With a drain period: /health/ready answers 503 `draining` at once while requests are still served; the
 *    process exits only after the drain; under steady load every request is either answered 2xx or was refused
 *    without being handled (connection refused or closed before an answer, or 503 `x-nabij-draining`), and no
 *    refused write is stored. After each restart every acknowledged write is there, exactly once.
 * 3. Server database only: two instances on one database behind `bench/round-robin-proxy.ts`, steady load from
 *    several logged-in case workers; each instance in turn is stopped with SIGTERM, waited for and started again
 *    on its port: zero failed requests, every write stored exactly once, both instances served requests.
 *
 * Knobs: ROLLING_CLIENTS (clients in 3., default 4), ROLLING_ROUNDS (times each instance restarts, default 1),
 * ROLLING_DRAIN_MS (the instances' SHUTDOWN_DRAIN_MS in 3., default 1000), SHUTDOWN_BURST (requests in 1., default 24).
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmbeddedDatabase, type EmbeddedDatabase } from '../../src/platform/database/embedded';
import { startRoundRobinProxy } from '../../../../bench/round-robin-proxy';
import {
  createAppData,
  freePort,
  startAppProcess,
  waitForLockRelease,
  type AppData,
  type AppProcess,
} from './app-process';
import { HttpAgent, type HttpResult } from './http-client';

const PASSWORD = 'Welkom-bij-Nabij-2026';
const CLIENTS = Number(process.env.ROLLING_CLIENTS ?? 4);
const ROUNDS = Number(process.env.ROLLING_ROUNDS ?? 1);
const BURST = Number(process.env.SHUTDOWN_BURST ?? 24);
/**
 * Test 2's drain. The instance turns not-ready the moment the signal comes (a flag), but the probe's answer can wait
 * behind the test's own load on a busy machine (seen here with the embedded database, whose process competes for the
 * same two cores: not ready only after about 950 ms). The probe gets up to NOT_READY_WITHIN_MS, the drain is long
 * enough to send a request well within it after that.
 */
const DRAIN_MS = 4_000;
const NOT_READY_WITHIN_MS = 2_000;
/**
 * Test 1 runs without a load balancer but with a short drain: a request the client has sent is not yet "in flight"
 * for the server until it has read it from the connection; closing at once (SHUTDOWN_DRAIN_MS=0) refuses what is
 * still unread (connection closed before an answer: not handled, safe to retry) — on a busy machine the burst's
 * later requests. The drain lets the server read what was sent before the signal.
 */
const SHORT_DRAIN_MS = 500;
/** Requests held (on the server) by a lock until after the HTTP server closed. */
const HELD_REQUESTS = 3;
/** From SIGTERM to exit, without the drain (and on the server the job the test holds for a second). */
const EXIT_WITHIN_MS = 10_000;
const UNLIMITED = {
  RATE_LIMIT_WRITES_PER_MINUTE: '1000000',
  RATE_LIMIT_SEARCHES_PER_MINUTE: '1000000',
  RATE_LIMIT_ANONYMOUS_PER_MINUTE: '1000000',
};

let data: AppData;
let app: AppProcess | undefined;
let caseId: string;
let pdfCaseId: string | undefined;
/** Contacts answered 2xx (key → id), and writes refused without being handled (must never be stored). */
const acked = new Map<string, string>();
const refusedKeys = new Set<string>();

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const noteFor = (key: string) => `Afsluittest ${key}`;
const contact = (key: string) => ({
  idempotencyKey: key,
  kind: 'phone',
  contactOn: '2026-01-05',
  durationMinutes: 10,
  note: noteFor(key),
});

async function startApp(env: Record<string, string> = {}, port?: number): Promise<AppProcess> {
  await waitForLockRelease(data.dataDir);
  return startAppProcess({ ...data.env, ...UNLIMITED, ...env }, 120_000, port);
}

/** Opens the database while the app is down: the server database, or the embedded data folder. */
async function withDatabase<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  let embedded: EmbeddedDatabase | undefined;
  if (data.mode === 'embedded') {
    await waitForLockRelease(data.dataDir);
    embedded = await startEmbeddedDatabase(data.dataDir!);
  }
  const c = new pg.Client({ connectionString: embedded?.url ?? data.serverUrl });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
    await embedded?.stop();
  }
}

async function worker(baseUrl: string): Promise<HttpAgent> {
  const a = new HttpAgent(baseUrl);
  await a.login('werker', PASSWORD);
  return a;
}

function record(key: string, r: HttpResult) {
  if (r.status === 200 || r.status === 201) acked.set(key, r.body.id);
}

/** Refused without being handled: the connection was refused or closed before any answer, or the marked 503. */
const refusedUnhandled = (r: HttpResult) =>
  r.status === 0 || (r.status === 503 && r.headers?.get('x-nabij-draining') === '1');

/** Every acknowledged contact is there exactly once with its note; no refused one is. */
async function verifyContacts(agent: HttpAgent) {
  const log = await agent.get(`/api/cases/${caseId}/contacts`);
  expect(log.status).toBe(200);
  const notes = (log.body.contacts as Array<{ id: string; note: string }>).filter((c) =>
    c.note.startsWith('Afsluittest '),
  );
  const byNote = new Map<string, string[]>();
  for (const c of notes) byNote.set(c.note, [...(byNote.get(c.note) ?? []), c.id]);
  for (const [key, id] of acked) expect(byNote.get(noteFor(key)), `contact ${key}`).toEqual([id]);
  for (const key of refusedKeys) expect(byNote.has(noteFor(key)), `refused contact ${key} was stored`).toBe(false);
  expect(notes.length).toBe(acked.size);
}

beforeAll(async () => {
  data = await createAppData();
  // A pool for every request of the burst and the held ones at once: the test is about the shutdown, not about waiting
  // for a connection (on a busy CI machine a request of the burst waited more than the 3 s connection limit, 503).
  app = await startApp({
    SHUTDOWN_DRAIN_MS: String(SHORT_DRAIN_MS),
    DATABASE_POOL_SIZE: String(BURST + HELD_REQUESTS + 5),
  });
  const w = await worker(app.baseUrl);
  const mine = (await w.get('/api/cases/mine')).body.cases as Array<{ id: string }>;
  const overviews = await Promise.all(mine.map(async (c) => (await w.get(`/api/cases/${c.id}`)).body));
  const open = overviews.filter((o) => ['analysis', 'plan', 'execution'].includes(o.phase));
  expect(open.length).toBeGreaterThan(0);
  caseId = open[0].id;
  for (const o of open) {
    if ((await w.get(`/api/cases/${o.id}/plan/document.pdf`)).status === 200) {
      pdfCaseId = o.id;
      break;
    }
  }
}, 180_000);

afterAll(async () => {
  await app?.kill();
  await waitForLockRelease(data?.dataDir).catch(() => undefined);
  await data?.remove();
});

describe('graceful shutdown', () => {
  it('answers every request in flight at SIGTERM, finishes the running job and exits with 0', async () => {
    const running = app!;
    const w = await worker(running.baseUrl);
    // On the server the test holds a lock on the task table: a reminder job of the queue and a few requests that
    // create tasks wait for it, so they are certainly running when the signal comes and the HTTP server closes.
    let locker: pg.Client | undefined;
    let heldJob: string | undefined;
    const held: Array<Promise<HttpResult>> = [];
    if (data.mode === 'server') {
      const c = new pg.Client({ connectionString: data.serverUrl });
      await c.connect();
      // First the run queued at start must be done (one job at a time per queue and instance).
      const idleBy = Date.now() + 30_000;
      while (
        (
          await c.query(
            `select 1 from pgboss.job where name = 'generate-reminders' and state in ('created', 'retry', 'active')`,
          )
        ).rowCount
      ) {
        if (Date.now() > idleBy) throw new Error('the job queued at start did not finish');
        await sleep(200);
      }
      locker = new pg.Client({ connectionString: data.serverUrl });
      locker.on('error', () => undefined); // ended by the cleanup if the test fails
      await locker.connect();
      await locker.query('begin');
      await locker.query('lock table task in exclusive mode'); // writes to tasks wait; reads go on
      heldJob = (
        await c.query<{ id: string }>(
          `insert into pgboss.job (name, data) values ('generate-reminders', '{}') returning id::text`,
        )
      ).rows[0]!.id;
      const activeBy = Date.now() + 15_000;
      while ((await c.query(`select 1 from pgboss.job where id = $1 and state = 'active'`, [heldJob])).rowCount === 0) {
        if (Date.now() > activeBy) throw new Error('the job queue did not start the job');
        await sleep(100);
      }
      // (Sent only now: a request waits at most 10 s for a query, then answers 503.)
      for (let i = 0; i < HELD_REQUESTS; i++)
        held.push(w.post(`/api/cases/${caseId}/tasks`, { title: `Afsluittaak ${i}`, dueOn: '2026-12-01' }));
      const waitingBy = Date.now() + 5_000;
      while (
        (
          await c.query<{ n: number }>(
            `select count(*)::int as n from pg_locks where not granted and relation = 'task'::regclass`,
          )
        ).rows[0]!.n <
        HELD_REQUESTS + 1
      ) {
        if (Date.now() > waitingBy) throw new Error('the requests did not reach the lock');
        await sleep(50);
      }
      await c.end();
    }

    // The burst: writes and reads, all sent at once; the signal as soon as the first is answered.
    let signalledAt = Infinity;
    let afterSignal = 0;
    const burst: Array<Promise<HttpResult>> = [];
    for (let i = 0; i < BURST; i++) {
      const key = crypto.randomUUID();
      const p =
        i % 3 === 0
          ? w.post(`/api/cases/${caseId}/contacts`, contact(key)).then((r) => (record(key, r), r))
          : i % 3 === 1 || !pdfCaseId
            ? w.get(`/api/cases/${caseId}`)
            : w.get(`/api/cases/${pdfCaseId}/plan/document.pdf`);
      burst.push(p.then((r) => ((afterSignal += performance.now() > signalledAt ? 1 : 0), r)));
    }
    await Promise.race(burst);
    signalledAt = performance.now();
    running.signalGroup('SIGTERM');
    const answers = await Promise.all(burst);

    if (locker) {
      // After the drain: the port is closed to new connections while the held requests and the job still run.
      while (performance.now() - signalledAt < SHORT_DRAIN_MS + 500) await sleep(50);
      expect(
        (await new HttpAgent(running.baseUrl).get('/health/live', { timeoutMs: 2_000 })).status,
        'no new connections',
      ).toBe(0);
      expect(
        await Promise.race([running.exited.then(() => 'exited'), sleep(0).then(() => 'running')]),
        'waits for what is running',
      ).toBe('running');
      await locker.query('commit'); // the requests and the job can finish now
      await locker.end();
    }
    const heldAnswers = await Promise.all(held);
    const exit = await Promise.race([running.exited, sleep(EXIT_WITHIN_MS).then(() => undefined)]);
    expect(exit, `exit within ${EXIT_WITHIN_MS / 1000} s\n${running.stderr()}`).toEqual({ code: 0, signal: null });
    const exitMs = performance.now() - signalledAt;
    const failed = [...answers, ...heldAnswers].filter((r) => r.status < 200 || r.status > 299);
    expect(failed.map((r) => `${r.status} ${r.text.slice(0, 200)}`)).toEqual([]);
    expect(afterSignal, 'requests still in flight when the signal came').toBeGreaterThan(0);

    const jobs = await withDatabase(async (c) => {
      const states = await c.query<{ state: string; n: string }>(
        `select state::text, count(*)::text as n from (select state from pgboss.job union all select state from pgboss.archive) j group by state`,
      );
      const job = heldJob
        ? (
            await c.query<{ state: string }>(
              `select state::text from pgboss.job where id = $1 union all select state::text from pgboss.archive where id = $1`,
              [heldJob],
            )
          ).rows[0]
        : undefined;
      const tasks = await c.query<{ n: number }>(
        `select count(*)::int as n from task where title like 'Afsluittaak %'`,
      );
      return {
        states: Object.fromEntries(states.rows.map((r) => [r.state, Number(r.n)])),
        held: job?.state,
        tasks: tasks.rows[0]!.n,
      };
    });
    expect(jobs.states.active ?? 0, 'jobs left active').toBe(0);
    if (heldJob) expect(jobs.held, 'the job running at SIGTERM').toBe('completed');
    expect(jobs.tasks).toBe(held.length);
    console.log(
      `graceful shutdown (${data.mode}): ${answers.length} requests sent at once, ${afterSignal} answered after SIGTERM` +
        `${held.length ? `, ${held.length} held by a lock until after the close` : ''}, all 2xx; exit 0 after ${Math.round(exitMs)} ms; jobs ${JSON.stringify(jobs.states)}`,
    );

    app = await startApp({ SHUTDOWN_DRAIN_MS: String(DRAIN_MS) });
    await verifyContacts(await worker(app.baseUrl));
  }, 180_000);

  it('drains first: not ready at once but still serving, then refuses only what it did not handle', async () => {
    const clients = await Promise.all([1, 2, 3].map(() => worker(app!.baseUrl)));
    let running = true;
    const results: Array<{ r: HttpResult; sentAt: number }> = [];
    const load = clients.map(async (c, i) => {
      while (running) {
        const sentAt = performance.now();
        let r: HttpResult;
        if (i === 0) r = await c.get(`/api/cases/${caseId}`);
        else {
          const key = crypto.randomUUID();
          r = await c.post(`/api/cases/${caseId}/contacts`, contact(key));
          record(key, r);
          if (refusedUnhandled(r)) refusedKeys.add(key);
        }
        results.push({ r, sentAt });
        if (r.status < 200 || r.status > 299) await sleep(50);
      }
    });
    await sleep(500);
    const probe = new HttpAgent(app!.baseUrl);
    const t0 = performance.now();
    app!.signalGroup('SIGTERM');
    let ready: HttpResult;
    do ready = await probe.get('/health/ready');
    while (ready.status === 200 && performance.now() - t0 < NOT_READY_WITHIN_MS);
    const notReadyMs = performance.now() - t0;
    expect(ready.status).toBe(503);
    expect(ready.body).toEqual({ status: 'draining' });
    // During the drain: new requests are served as usual.
    const key = crypto.randomUUID();
    const sentDuringDrain = performance.now() - t0;
    const during = await Promise.all([
      probe.get('/health/live'),
      clients[0]!.post(`/api/cases/${caseId}/contacts`, contact(key)),
    ]);
    record(key, during[1]);
    expect(sentDuringDrain, 'sent well within the drain').toBeLessThan(DRAIN_MS - 500);
    expect(during.map((r) => r.status)).toEqual([200, 201]);

    const exit = await Promise.race([app!.exited, sleep(DRAIN_MS + EXIT_WITHIN_MS).then(() => undefined)]);
    const exitMs = performance.now() - t0;
    running = false;
    await Promise.all(load);
    expect(exit, app!.stderr()).toEqual({ code: 0, signal: null });
    expect(exitMs, 'exits after the drain').toBeGreaterThanOrEqual(DRAIN_MS);
    // Refusals are allowed only for requests sent at the end of the drain or later (one sent just before the close
    // may still be unread in its connection when the server closes it as idle); none of them may be stored.
    const wrong = results.filter(
      ({ r, sentAt }) =>
        !(r.status >= 200 && r.status <= 299) && !(refusedUnhandled(r) && sentAt > t0 + DRAIN_MS - 300),
    );
    expect(
      wrong.map(({ r, sentAt }) => `${r.status} at ${Math.round(sentAt - t0)} ms: ${r.text.slice(0, 200)}`),
    ).toEqual([]);
    const served = results.filter(({ r, sentAt }) => r.status >= 200 && r.status <= 299 && sentAt > t0).length;
    expect(served, 'requests served after SIGTERM').toBeGreaterThan(0);
    console.log(
      `drain (${data.mode}): not ready after ${Math.round(notReadyMs)} ms, exit 0 after ${Math.round(exitMs)} ms; ` +
        `${results.length} requests under load, ${served} served after SIGTERM, ${results.length - results.filter((x) => x.r.status >= 200 && x.r.status <= 299).length} refused unhandled`,
    );

    app = await startApp();
    await verifyContacts(await worker(app.baseUrl));
    await app.stop();
    app = undefined;
  }, 180_000);

  // Two instances on one database need the PostgreSQL server: the embedded database belongs to one process
  // (its data folder is locked), so this test is only registered when DATABASE_URL is set.
  if (process.env.DATABASE_URL) {
    it(`restarts two instances behind a balancer one after the other (${ROUNDS}×) under load without a failed request`, async () => {
      const env = { SHUTDOWN_DRAIN_MS: process.env.ROLLING_DRAIN_MS ?? '1000' };
      const ports = [await freePort(), await freePort()];
      const instances = await Promise.all(ports.map((port) => startApp(env, port)));
      const proxy = await startRoundRobinProxy({ upstreams: instances.map((i) => i.baseUrl), healthIntervalMs: 250 });
      const rollingKeys = new Set<string>();
      try {
        const clients = await Promise.all(Array.from({ length: CLIENTS }, () => worker(proxy.url)));
        let running = true;
        const failures: string[] = [];
        let requests = 0;
        const load = clients.map(async (c) => {
          while (running) {
            const overview = await c.get(`/api/cases/${caseId}`);
            const key = crypto.randomUUID();
            rollingKeys.add(key);
            const written = await c.post(`/api/cases/${caseId}/contacts`, contact(key));
            record(key, written);
            requests += 2;
            for (const r of [overview, written])
              if (r.status < 200 || r.status > 299) failures.push(`${r.status}: ${r.text.slice(0, 200)}`);
          }
        });
        await sleep(1_000);
        const restarts: string[] = [];
        for (let round = 0; round < ROUNDS; round++) {
          for (let i = 0; i < instances.length; i++) {
            const t0 = performance.now();
            instances[i]!.signalGroup('SIGTERM');
            const exit = await Promise.race([
              instances[i]!.exited,
              sleep(1_000 + EXIT_WITHIN_MS).then(() => undefined),
            ]);
            expect(exit, instances[i]!.stderr()).toEqual({ code: 0, signal: null });
            const t1 = performance.now();
            instances[i] = await startApp(env, ports[i]);
            while (!proxy.ready().includes(instances[i]!.baseUrl)) await sleep(50);
            restarts.push(
              `${'AB'[i]}: exit after ${Math.round(t1 - t0)} ms, back in rotation after ${Math.round(performance.now() - t0)} ms`,
            );
            await sleep(500);
          }
        }
        running = false;
        await Promise.all(load);
        expect(failures).toEqual([]);
        expect(
          Object.values(proxy.stats.answered).every((n) => n > 0),
          JSON.stringify(proxy.stats),
        ).toBe(true);
        expect(proxy.stats.failed).toBe(0);
        console.log(
          `rolling restart (server): ${requests} requests from ${CLIENTS} clients, 0 failed; ${restarts.join('; ')}; proxy ${JSON.stringify(proxy.stats)}`,
        );
      } finally {
        await proxy.close();
        await Promise.all(instances.map((i) => i.stop()));
      }
      // Every write stored exactly once (checked in the database: all of them were acknowledged).
      await withDatabase(async (c) => {
        const rows = await c.query<{ idempotency_key: string; n: string }>(
          `select idempotency_key, count(*)::text as n from contact_entry where note like 'Afsluittest %' group by idempotency_key`,
        );
        const stored = new Map(rows.rows.map((r) => [r.idempotency_key, Number(r.n)]));
        for (const key of rollingKeys) expect(stored.get(key), `contact ${key}`).toBe(1);
        for (const [key, n] of stored) expect(n, `contact ${key}`).toBe(1);
      });
    }, 240_000);
  }
});
