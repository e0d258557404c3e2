// Several app instances on one PostgreSQL database behind a round-robin proxy (issue #10 part 5): throughput with one
// instance and with N instances behind the same proxy, that a session made on one instance is served by another, and
// that the scheduled jobs run once however many instances there are.
import pg from 'pg';
import { startAppProcess, waitUntilIdle, type RunningApp } from './app-process';
import { logIn, runLoad, type LoadResult, type Session } from './load';
import type { Participants } from './participants';
import { median } from './report';
import { startProxyProcess, type ProxyProcess } from './proxy-process';
import type { ProxyStats } from './round-robin-proxy';
import type { Workload } from './workloads';

export interface MultiRow {
  rps: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
}

export interface MultiInstanceSummary {
  instances: number;
  poolSizePerInstance: number;
  /** Median per workload: all load through the proxy, once with one instance behind it, once with all. */
  workloads: Array<{
    name: string;
    connections: number;
    oneInstance: MultiRow;
    instances: MultiRow;
    scaling: number | null;
    rssMb: number;
  }>;
  /** Answers per instance during the measured runs with every instance behind the proxy. */
  answeredPerInstance: number[];
  sessions: SessionCheck;
  jobs: JobCheck;
}

export interface SessionCheck {
  /** Logged in directly on instance 1; instance 2 then answered the session, a read and a write (CSRF token from 1). */
  loginOnOneServedByOther: boolean;
  steps: Array<{ step: string; instance: number; status: number; ok: boolean }>;
  /** Logged out on instance 2; instance 1 then refused the session. */
  logoutOnOtherEndsSession: boolean;
  /** Every benchmark user logged in through the proxy (so on either instance) and then used by all instances. */
  usersLoggedInThroughProxy: number;
}

export interface JobCheck {
  window: { from: string; to: string };
  /** The job whose schedule was set to every minute during the window, and its own schedule. */
  accelerated: { name: string; cron: string; originalCron: string } | null;
  /** Cron ticks (pg-boss "send-it" jobs) per job name, and how many minutes had more than one. */
  ticks: Record<string, { ticks: number; minutesWithMoreThanOne: number }>;
  /** Jobs per queue created in the window, by state; `retried`: jobs that ran more than once after a failure. */
  queues: Record<string, { created: number; byState: Record<string, number>; retried: number }>;
  /** Reminder tasks whose (tenant, kind, source key) occurs more than once (the unique constraint forbids it). */
  duplicateReminders: number;
  remindersCreatedInWindow: number;
  /** A tick produced one job, and no job ran twice. */
  exactlyOnce: boolean;
}

export interface MultiInstanceDetails {
  reps: Array<{ workload: string; rep: number; instances: number; result: LoadResult; answered: number[] }>;
  proxyStats: ProxyStats;
  instanceRssPeakMb: number[];
  jobRows: Array<{ name: string; state: string; retryCount: number; createdOn: string; target: string | null }>;
}

export interface MultiInstanceOptions {
  dbUrl: string;
  instances: number;
  poolSize: number;
  seconds: number;
  reps: number;
  workloads: Workload[];
  participants: Participants;
  logFile: string;
  log: (m: string) => void;
}

/** The job made to run every minute during the phase: cheap when its queue is short, and fed by the write workloads. */
const ACCELERATED_JOB = 'refresh-management-information';

const row = (xs: LoadResult[]): MultiRow => ({
  rps: Math.round(median(xs.map((x) => x.rps))),
  p50Ms: Math.round(median(xs.map((x) => x.p50Ms)) * 10) / 10,
  p99Ms: Math.round(median(xs.map((x) => x.p99Ms)) * 10) / 10,
  errors: xs.reduce((n, x) => n + x.errors, 0),
});

async function sessionCheck(
  apps: RunningApp[],
  username: string,
  caseId: string,
): Promise<Omit<SessionCheck, 'usersLoggedInThroughProxy'>> {
  const one = apps[0]!;
  const s = await logIn(one.baseUrl, username);
  const steps: SessionCheck['steps'] = [];
  const call = async (instance: number, step: string, method: 'GET' | 'POST', url: string, body?: unknown) => {
    const r = await fetch(`${apps[instance - 1]!.baseUrl}${url}`, {
      method,
      headers: {
        cookie: s.cookie,
        ...(method === 'POST' ? { 'x-csrf-token': s.csrf } : {}),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const text = await r.text();
    return { status: r.status, text, step, instance };
  };
  const session = await call(2, 'GET /api/auth/session', 'GET', '/api/auth/session');
  steps.push({
    step: session.step,
    instance: 2,
    status: session.status,
    ok:
      session.status === 200 &&
      (JSON.parse(session.text) as { user?: { username?: string } }).user?.username === username,
  });
  const mine = await call(2, 'GET /api/cases/mine', 'GET', '/api/cases/mine');
  steps.push({ step: mine.step, instance: 2, status: mine.status, ok: mine.status === 200 });
  const write = await call(
    2,
    'POST /api/cases/:id/contacts (CSRF token from instance 1)',
    'POST',
    `/api/cases/${caseId}/contacts`,
    {
      kind: 'phone',
      contactOn: new Date().toISOString().slice(0, 10),
      durationMinutes: 5,
      note: 'Controle sessie over instanties (benchmark).',
    },
  );
  steps.push({ step: write.step, instance: 2, status: write.status, ok: write.status === 201 || write.status === 200 });
  const logout = await call(2, 'POST /api/auth/logout', 'POST', '/api/auth/logout');
  steps.push({ step: logout.step, instance: 2, status: logout.status, ok: logout.status === 204 });
  const after = await fetch(`${one.baseUrl}/api/cases/mine`, { headers: { cookie: s.cookie } });
  await after.arrayBuffer();
  steps.push({
    step: 'GET /api/cases/mine after the logout',
    instance: 1,
    status: after.status,
    ok: after.status === 401,
  });
  return {
    loginOnOneServedByOther: steps.slice(0, 3).every((x) => x.ok),
    steps,
    logoutOnOtherEndsSession: steps.slice(3).every((x) => x.ok),
  };
}

async function jobCheck(
  pool: pg.Pool,
  from: Date,
  to: Date,
  names: string[],
  accelerated: JobCheck['accelerated'],
  startRuns: Record<string, number>,
): Promise<{ check: JobCheck; rows: MultiInstanceDetails['jobRows'] }> {
  const r = await pool.query<{
    name: string;
    state: string;
    retry_count: number;
    created_on: Date;
    target: string | null;
  }>(
    `select name, state::text, retry_count, created_on, data->>'name' as target
     from (select name, state, retry_count, created_on, data from pgboss.job
           union all select name, state, retry_count, created_on, data from pgboss.archive) j
     where created_on >= $1 and created_on <= $2 and (name = any($3) or name = '__pgboss__send-it')
     order by created_on`,
    [from, to, names],
  );
  const ticks: JobCheck['ticks'] = {};
  const queues: JobCheck['queues'] = {};
  const perMinute = new Map<string, number>();
  for (const x of r.rows) {
    if (x.name === '__pgboss__send-it') {
      const t = (ticks[x.target ?? '?'] ??= { ticks: 0, minutesWithMoreThanOne: 0 });
      t.ticks++;
      const key = `${x.target}@${x.created_on.toISOString().slice(0, 16)}`;
      perMinute.set(key, (perMinute.get(key) ?? 0) + 1);
      if (perMinute.get(key) === 2) t.minutesWithMoreThanOne++;
    } else {
      const q = (queues[x.name] ??= { created: 0, byState: {}, retried: 0 });
      q.created++;
      q.byState[x.state] = (q.byState[x.state] ?? 0) + 1;
      if (x.retry_count > 0) q.retried++;
    }
  }
  const dup = await pool.query<{ n: number }>(
    `select count(*)::int as n from (select 1 from task where kind <> 'manual' group by tenant_id, kind, source_key having count(*) > 1) d`,
  );
  const created = await pool.query<{ n: number }>(
    `select count(*)::int as n from task where kind <> 'manual' and created_at >= $1 and created_at <= $2`,
    [from, to],
  );
  // Every queue holds exactly one job per tick (plus the runs each instance queues at its start), and no minute had
  // two ticks of the same job although every instance's timekeeper saw it.
  const exactlyOnce =
    Object.values(ticks).every((t) => t.minutesWithMoreThanOne === 0) &&
    names.every((name) => (queues[name]?.created ?? 0) === (ticks[name]?.ticks ?? 0) + (startRuns[name] ?? 0)) &&
    dup.rows[0]!.n === 0;
  return {
    check: {
      window: { from: from.toISOString(), to: to.toISOString() },
      accelerated,
      ticks,
      queues,
      duplicateReminders: dup.rows[0]!.n,
      remindersCreatedInWindow: created.rows[0]!.n,
      exactlyOnce,
    },
    rows: r.rows.map((x) => ({
      name: x.name,
      state: x.state,
      retryCount: x.retry_count,
      createdOn: x.created_on.toISOString(),
      target: x.target,
    })),
  };
}

export async function runMultiInstance(
  o: MultiInstanceOptions,
): Promise<{ summary: MultiInstanceSummary; details: MultiInstanceDetails }> {
  const pool = new pg.Pool({ connectionString: o.dbUrl, max: 2 });
  const from = new Date();
  const apps: RunningApp[] = [];
  const proxies: ProxyProcess[] = [];
  let restore: (() => Promise<void>) | undefined;
  try {
    // One after the other, as a rolling deployment would; each instance starts its job queue and queues one
    // reminders run of its own at start (main.ts).
    for (let i = 0; i < o.instances; i++) {
      apps.push(
        await startAppProcess(
          { DATABASE_URL: o.dbUrl, DATABASE_POOL_SIZE: String(o.poolSize), WEB_DIST_DIR: '/nonexistent' },
          o.logFile,
        ),
      );
      o.log(`  instance ${i + 1} started (pid ${apps[i]!.pid}, ${apps[i]!.baseUrl})`);
    }
    // Every instance has scheduled its jobs (an upsert of the schedule) by now; one of them runs every minute while
    // the instances share the database, so the window holds cron ticks that every instance's timekeeper sees.
    let accelerated: JobCheck['accelerated'] = null;
    const current = await pool
      .query<{ cron: string }>('select cron from pgboss.schedule where name = $1', [ACCELERATED_JOB])
      .catch(() => ({ rows: [] as Array<{ cron: string }> }));
    if (current.rows[0]) {
      const originalCron = current.rows[0].cron;
      await pool.query(`update pgboss.schedule set cron = '* * * * *' where name = $1`, [ACCELERATED_JOB]);
      accelerated = { name: ACCELERATED_JOB, cron: '* * * * *', originalCron };
      restore = async () => {
        await pool.query('update pgboss.schedule set cron = $2 where name = $1', [ACCELERATED_JOB, originalCron]);
      };
    }
    for (const app of apps) await waitUntilIdle(app, 240, 3);
    o.log(
      `  ${o.instances} instances idle; job "${ACCELERATED_JOB}" ${accelerated ? 'scheduled every minute for this phase' : 'not scheduled (no such job)'}`,
    );

    // The proxies run in processes of their own (as nginx would), not in the load generator's event loop.
    const one = await startProxyProcess([apps[0]!.baseUrl]);
    proxies.push(one);
    const all = await startProxyProcess(apps.map((a) => a.baseUrl));
    proxies.push(all);

    const worker = o.participants.workers[0]!;
    const sessions0 = await sessionCheck(apps, worker.username, worker.cases[0]!.id);
    o.log(
      `  sessions across instances: ${sessions0.steps.map((s) => `${s.step} on ${s.instance}: ${s.status}`).join('; ')}`,
    );

    const sessions = new Map<string, Session>();
    const usernames = new Set(o.workloads.flatMap((w) => w.scripts(o.participants).map((s) => s.username)));
    for (const username of usernames) sessions.set(username, await logIn(all.url, username));
    o.log(
      `  ${sessions.size} users logged in through the proxy (answers per instance so far: ${Object.values((await all.stats()).answered).join(' / ')})`,
    );

    const peaks = apps.map(() => 0);
    const sample = setInterval(() => apps.forEach((a, i) => (peaks[i] = Math.max(peaks[i]!, a.rssMb()))), 200);
    const reps: MultiInstanceDetails['reps'] = [];
    const rssPerWorkload = new Map<string, number>();
    const run = async (w: Workload, proxy: ProxyProcess, secs: number) => {
      for (const app of apps) await waitUntilIdle(app, 60, 1);
      const before = Object.values((await proxy.stats()).answered);
      const result = await runLoad(proxy.url, w.scripts(o.participants), sessions, w.connections, secs);
      return { result, answered: Object.values((await proxy.stats()).answered).map((n, i) => n - (before[i] ?? 0)) };
    };
    try {
      for (const w of o.workloads) {
        await run(w, one, 3);
        await run(w, all, 3);
      }
      for (let rep = 1; rep <= o.reps; rep++) {
        for (const w of o.workloads) {
          // Interleaved, so both configurations see the same state of the machine.
          const a = await run(w, one, o.seconds);
          reps.push({ workload: w.name, rep, instances: 1, ...a });
          const b = await run(w, all, o.seconds);
          reps.push({ workload: w.name, rep, instances: o.instances, ...b });
          rssPerWorkload.set(w.name, Math.max(rssPerWorkload.get(w.name) ?? 0, ...apps.map((x) => x.rssMb())));
          o.log(
            `  ${w.name} rep ${rep}: 1 instance ${a.result.rps.toFixed(0)} req/s p99 ${a.result.p99Ms.toFixed(0)} ms, ${a.result.errors} errors; ` +
              `${o.instances} instances ${b.result.rps.toFixed(0)} req/s p99 ${b.result.p99Ms.toFixed(0)} ms, ${b.result.errors} errors (answers ${b.answered.join(' / ')})`,
          );
        }
      }
    } finally {
      clearInterval(sample);
    }
    await restore?.();
    restore = undefined;
    // A tick seen just now becomes its job when an instance's cron worker next looks (every 5 s).
    await new Promise((r) => setTimeout(r, 12_000));
    const to = new Date();
    const jobs = await jobCheck(pool, from, to, ['generate-reminders', 'task-digest', ACCELERATED_JOB], accelerated, {
      'generate-reminders': o.instances,
    });
    o.log(
      `  jobs in the window: ${JSON.stringify(jobs.check.ticks)} ticks; ${JSON.stringify(jobs.check.queues)}; exactly once: ${jobs.check.exactlyOnce}`,
    );

    const answeredPerInstance = apps.map((_, i) =>
      reps.filter((x) => x.instances !== 1).reduce((n, x) => n + (x.answered[i] ?? 0), 0),
    );
    const summary: MultiInstanceSummary = {
      instances: o.instances,
      poolSizePerInstance: o.poolSize,
      workloads: o.workloads.map((w) => {
        const a = row(reps.filter((x) => x.workload === w.name && x.instances === 1).map((x) => x.result));
        const b = row(reps.filter((x) => x.workload === w.name && x.instances !== 1).map((x) => x.result));
        return {
          name: w.name,
          connections: w.connections,
          oneInstance: a,
          instances: b,
          scaling: a.rps > 0 ? Math.round((b.rps / a.rps) * 100) / 100 : null,
          rssMb: Math.round(rssPerWorkload.get(w.name) ?? 0),
        };
      }),
      answeredPerInstance,
      sessions: { ...sessions0, usersLoggedInThroughProxy: sessions.size },
      jobs: jobs.check,
    };
    return {
      summary,
      details: {
        reps,
        proxyStats: await all.stats(),
        instanceRssPeakMb: peaks.map((p) => Math.round(p)),
        jobRows: jobs.rows,
      },
    };
  } finally {
    await restore?.().catch(() => undefined);
    for (const p of proxies) await p.close();
    for (const a of apps) await a.stop();
    await pool.end();
  }
}
