// `npm run bench`: the performance benchmark of issue #10 (method and results: docs/performance.md).
//
//   npm run bench                               large dataset on the PostgreSQL server (DATABASE_URL or --database-url)
//   npm run bench -- --size xl                  another size (small, medium, large, xl); the dataset is generated once
//   npm run bench -- --embedded                 the embedded database (PGlite), medium by default
//   npm run bench -- --only caseload,dashboard  some workloads; --reps 3 --duration 10 --connections 50
//   npm run bench -- --instances 2              also two app instances behind a round-robin proxy (server only)
//   npm run bench -- --no-frontend              without the front end (initial JavaScript, case page LCP)
//
// It generates (or reuses) the dataset, starts the real app in production mode against it, logs in as generated users,
// runs each workload with autocannon on loopback for a fixed time and number of connections, replays the same SQL
// straight through node-postgres (the physical limit), repeats everything, and writes the medians.
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { buildApp } from '../apps/api/src/app';
import { SIZE_NAMES, SYNTHETIC_PASSWORD, type SizeName } from '../apps/api/src/capabilities/demo-data';
import { loadConfig } from '../apps/api/src/platform/config';
import { createDatabase } from '../apps/api/src/platform/database/database';
import { startEmbeddedDatabase, type EmbeddedDatabase } from '../apps/api/src/platform/database/embedded';
import { systemClock } from '../apps/api/src/shared/clock';
import { startAppProcess, waitUntilIdle, withRssPeak, type RunningApp } from './app-process';
import { ensureEmbeddedDataset, ensureServerDataset, type DatasetInfo } from './dataset';
import { logIn, probeLiveness, runLoad, type LoadResult, type Session } from './load';
import { chooseParticipants, type Participants } from './participants';
import { buildWeb, measureCaseLcp, measureInitialJs, type CaseLcp, type InitialJs } from './frontend';
import { runMultiInstance, type MultiInstanceDetails, type MultiInstanceSummary } from './multi-instance';
import {
  captureSequences,
  describeSequence,
  installRecorder,
  profileStatements,
  replay,
  withoutAccessLog,
  type RawResult,
  type Sequence,
  type StatementProfile,
} from './raw';
import {
  median,
  roundResult,
  updateDocs,
  writeResults,
  type BenchResult,
  type Details,
  type WorkloadDetails,
  type WorkloadResult,
} from './report';
import { workloads as allWorkloads, type Workload } from './workloads';

const root = fileURLToPath(new URL('..', import.meta.url));
process.chdir(root);

const { values: args } = parseArgs({
  options: {
    size: { type: 'string' },
    embedded: { type: 'boolean', default: false },
    duration: { type: 'string', default: '10' },
    reps: { type: 'string', default: '3' },
    connections: { type: 'string', default: '50' },
    'dashboard-connections': { type: 'string', default: '10' },
    'pool-size': { type: 'string', default: '10' },
    only: { type: 'string' },
    regenerate: { type: 'boolean', default: false },
    'database-url': { type: 'string' },
    note: { type: 'string' },
    'no-docs': { type: 'boolean', default: false },
    'dump-sql': { type: 'string' },
    instances: { type: 'string', default: '1' },
    'no-frontend': { type: 'boolean', default: false },
    'web-dist': { type: 'string' },
    'lcp-runs': { type: 'string', default: '5' },
  },
  strict: true,
});

// The app runs as production runs it: the compiled bundle (ADR 0046), built fresh from this tree.
if (!process.env.NABIJ_API_BUNDLE) {
  const built = spawnSync(process.execPath, ['scripts/build-api.mjs', 'dist/bench-api'], { stdio: 'inherit' });
  if (built.status !== 0) throw new Error('building the API bundle failed');
  process.env.NABIJ_API_BUNDLE = path.join(root, 'dist/bench-api/main.mjs');
}

const size = (args.size ?? (args.embedded ? 'medium' : 'large')) as SizeName;
if (!SIZE_NAMES.includes(size)) throw new Error(`--size must be one of ${SIZE_NAMES.join(', ')}`);
const dbKind: 'server' | 'embedded' = args.embedded ? 'embedded' : 'server';
const seconds = Number(args.duration);
const reps = Number(args.reps);
const connections = Number(args.connections);
const poolSize = Number(args['pool-size']);
const instances = Number(args.instances);
if (!Number.isInteger(instances) || instances < 1) throw new Error('--instances must be a whole number ≥ 1');
if (instances > 1 && args.embedded)
  throw new Error('--instances needs the PostgreSQL server: the embedded database has one owner at a time');
const frontend = !args['no-frontend'];
const serverBase =
  args['database-url'] ??
  process.env.BENCH_DATABASE_URL ??
  process.env.DATABASE_URL ??
  'postgres://postgres@127.0.0.1:5432/postgres';
const resultsDir = path.join(root, 'bench/results');
const stamp = new Date().toISOString().slice(0, 16).replace(':', '');
mkdirSync(resultsDir, { recursive: true });
const appLog = path.join(os.tmpdir(), `nabij-bench-${stamp}.log`);
const log = (m: string) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${m}`);

const loadStart = os.loadavg();
log(
  `size ${size}, ${dbKind} database, ${reps} × ${seconds} s per workload, ${connections} connections, app pool ${poolSize}; load average ${loadStart.map((x) => x.toFixed(1)).join(' ')}`,
);
if (loadStart[0]! > os.cpus().length)
  log('warning: the machine is busy (load average above the number of cores); absolute numbers will be low and noisy');

// ---------- 0. the web app: built from the current source into a folder of this run (or --web-dist as it is) ----------
let webDist = '/nonexistent';
let initialJs: InitialJs | undefined;
let webBuildSeconds: number | null = null;
if (frontend) {
  if (args['web-dist']) webDist = path.resolve(args['web-dist']);
  else {
    webDist = path.join(os.tmpdir(), `nabij-bench-web-${stamp}`);
    webBuildSeconds = buildWeb(root, webDist).seconds;
  }
  initialJs = measureInitialJs(webDist);
  log(
    `web app ${args['web-dist'] ? `from ${webDist}` : `built in ${webBuildSeconds!.toFixed(0)} s`}: initial JavaScript ${initialJs.gzipKb} KB gzip (${initialJs.files.length} files, ${initialJs.rawKb} KB minified)`,
  );
}

// ---------- 1. the dataset ----------
let dbUrl: string;
let dataset: DatasetInfo;
let dataDir: string | undefined;
let ownEmbedded: EmbeddedDatabase | undefined;
if (dbKind === 'server') {
  const ensured = await ensureServerDataset(serverBase, size, { regenerate: args.regenerate, log });
  dbUrl = ensured.url;
  dataset = ensured.info;
} else {
  dataDir = path.join(root, 'data', `bench-${size}`);
  mkdirSync(path.dirname(dataDir), { recursive: true });
  dataset = await ensureEmbeddedDataset(dataDir, size, { regenerate: args.regenerate, log });
  ownEmbedded = await startEmbeddedDatabase(dataDir, 120_000);
  dbUrl = ownEmbedded.url;
}
log(
  `dataset: ${dataset.persons.toLocaleString('en')} persons, ${dataset.cases.toLocaleString('en')} case files, ${dataset.contacts.toLocaleString('en')} contacts, ${dataset.databaseMb} MB`,
);

// ---------- 2. participants, and the SQL of every read workload (captured in-process) ----------
const ownerPool = new pg.Pool({ connectionString: dbUrl, max: 2 });
const participants: Participants = await chooseParticipants(ownerPool, {
  workers: connections,
  desks: connections,
  coordinators: connections,
});
await ownerPool.end();
log(
  `participants: ${participants.workers.length} case workers, ${participants.desks.length} intake desks, ${participants.coordinators.length} coordinators`,
);

const chosen = allWorkloads(connections, Number(args['dashboard-connections'])).filter(
  (w) => !args.only || args.only.split(',').includes(w.name),
);
const captureDb = createDatabase(dbUrl, poolSize);
const captureApp = await buildApp({
  db: captureDb,
  config: loadConfig({
    NODE_ENV: 'production',
    MFA_REQUIRED_ROLES: '',
    DATABASE_URL: dbUrl,
    WEB_DIST_DIR: '/nonexistent',
    JOBS_ENABLED: 'false',
    PUBLIC_URL: 'http://127.0.0.1',
    RATE_LIMIT_WRITES_PER_MINUTE: '100000000',
    RATE_LIMIT_SEARCHES_PER_MINUTE: '100000000',
    RATE_LIMIT_ANONYMOUS_PER_MINUTE: '100000000',
  }),
  clock: systemClock,
});
const notMeasured: Array<{ name: string; reason: string }> = [];
const active: Workload[] = [];
for (const w of chosen) {
  const url = w.route.path.replace(/\{(\w+)\}/g, ':$1');
  if (!captureApp.hasRoute({ method: w.route.method, url }))
    notMeasured.push({ name: w.name, reason: `route ${w.route.method} ${w.route.path} does not exist in this build` });
  else active.push(w);
}
installRecorder();
const captureSessions = new Map<string, Session>();
async function captureSession(username: string): Promise<Session> {
  let s = captureSessions.get(username);
  if (!s) {
    const r = await captureApp.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username, password: SYNTHETIC_PASSWORD },
    });
    const cookie = r.cookies.find((c) => c.name === 'nabij_session');
    if (r.statusCode !== 200 || !cookie) throw new Error(`capture login of ${username} failed: ${r.statusCode}`);
    const session = await captureApp.inject({
      method: 'GET',
      url: '/api/auth/session',
      headers: { cookie: `nabij_session=${cookie.value}` },
    });
    s = { username, cookie: `nabij_session=${cookie.value}`, csrf: session.json<{ csrfToken: string }>().csrfToken };
    captureSessions.set(username, s);
  }
  return s;
}
// The dashboard reads facts per case that the app computes when they are missing (a bulk load bypasses the triggers
// that keep them up to date); the first dashboard of each municipality computes them all. Done once here, not measured.
if (active.some((w) => w.name === 'dashboard')) {
  const firstPerTenant = new Map<string, string>();
  for (const c of participants.coordinators)
    if (!firstPerTenant.has(c.tenantId)) firstPerTenant.set(c.tenantId, c.username);
  for (const username of firstPerTenant.values()) {
    const t0 = performance.now();
    const r = await captureApp.inject({
      method: 'GET',
      url: '/api/management-information/dashboard',
      headers: { cookie: (await captureSession(username)).cookie },
    });
    log(
      `  first dashboard of ${username.split('.')[0]}: ${r.statusCode} in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
    );
  }
}
const sequences = new Map<string, Sequence[]>();
for (const w of active.filter((x) => x.kind === 'read')) {
  const items = [];
  for (const script of w.scripts(participants)) {
    const session = await captureSession(script.username);
    for (const request of script.requests.slice(0, 6))
      items.push({ cookie: session.cookie, csrf: session.csrf, request });
  }
  const captured = await captureSequences(captureApp, items);
  if (captured.failures > 0)
    log(`  ${w.name}: ${captured.failures} of ${items.length} captured requests failed, e.g. ${captured.firstFailure}`);
  sequences.set(w.name, captured.sequences);
  if (args['dump-sql'] && captured.sequences[0]) {
    mkdirSync(args['dump-sql'], { recursive: true });
    writeFileSync(path.join(args['dump-sql'], `${w.name}.sql`), `${describeSequence(captured.sequences[0])}\n`);
  }
  const stmts =
    captured.sequences.reduce((n, s) => n + s.reduce((m, seg) => m + seg.length, 0), 0) /
    Math.max(1, captured.sequences.length);
  log(`  captured ${w.name}: ${captured.sequences.length} requests, ${stmts.toFixed(1)} statements each`);
}
await captureApp.close();
await captureDb.close();

// ---------- 3. runs ----------
type AppRep = LoadResult & {
  rssMb: number;
  dbRssMb: number;
  liveness?: { probes: number; failures: number; maxMs: number };
};
const appReps = new Map<string, AppRep[]>(active.map((w) => [w.name, []]));
const rawReps = new Map<string, RawResult[]>(active.map((w) => [w.name, []]));

async function rawRun(w: Workload): Promise<void> {
  const seqs = sequences.get(w.name);
  if (!seqs?.length) return;
  const r = await replay(dbUrl, seqs, { seconds, concurrency: poolSize, poolSize });
  rawReps.get(w.name)!.push(r);
  log(
    `  raw ${w.name}: ${r.rps.toFixed(0)} req/s, p50 ${r.p50Ms.toFixed(1)} ms, p99 ${r.p99Ms.toFixed(1)} ms, ${r.errors} errors`,
  );
}

// The embedded database has one owner at a time: the raw runs go first, on our own embedded server.
if (ownEmbedded) {
  for (let rep = 1; rep <= reps; rep++) for (const w of active) if (w.kind === 'read') await rawRun(w);
  await ownEmbedded.stop();
  ownEmbedded = undefined;
}

const app: RunningApp = await startAppProcess(
  {
    ...(dbKind === 'server' ? { DATABASE_URL: dbUrl } : { DATA_DIR: dataDir! }),
    DATABASE_POOL_SIZE: String(poolSize),
    WEB_DIST_DIR: webDist,
  },
  appLog,
);
const started = new Date();
let idleWaitSeconds = 0;
let caseLcp: CaseLcp | undefined;
let lcpUser = '';
try {
  log(`app started (pid ${app.pid}, log ${appLog}); waiting until its start-up jobs are done`);
  idleWaitSeconds = await waitUntilIdle(app);
  log(`app idle after ${idleWaitSeconds.toFixed(0)} s, RSS ${app.rssMb().toFixed(0)} MB`);

  const sessions = new Map<string, Session>();
  const usernames = new Set(active.flatMap((w) => w.scripts(participants).map((s) => s.username)));
  for (const username of usernames) sessions.set(username, await logIn(app.baseUrl, username));
  log(`${sessions.size} users logged in over HTTP`);

  const appRun = async (w: Workload, secs: number, record: boolean) => {
    // Requests still queued from the previous run must not count against this one.
    await waitUntilIdle(app, 60, 1);
    const run = () =>
      withRssPeak(app, () => runLoad(app.baseUrl, w.scripts(participants), sessions, w.connections, secs));
    if (w.name === 'dashboard') {
      const probed = await probeLiveness(app.baseUrl, run);
      if (record)
        appReps.get(w.name)!.push({
          ...probed.result.result,
          rssMb: probed.result.peakMb,
          dbRssMb: probed.result.peakChildrenMb,
          liveness: { probes: probed.probes, failures: probed.failures, maxMs: probed.maxMs },
        });
      return probed.result.result;
    }
    const r = await run();
    if (record) appReps.get(w.name)!.push({ ...r.result, rssMb: r.peakMb, dbRssMb: r.peakChildrenMb });
    return r.result;
  };

  log('warming up (3 s per workload, not recorded)');
  for (const w of active) await appRun(w, 3, false);

  for (let rep = 1; rep <= reps; rep++) {
    log(`repetition ${rep} of ${reps}`);
    for (const w of active) {
      const r = await appRun(w, seconds, true);
      const rss = appReps.get(w.name)!.at(-1)!.rssMb;
      log(
        `  app ${w.name}: ${r.rps.toFixed(0)} req/s, p50 ${r.p50Ms.toFixed(1)} ms, p99 ${r.p99Ms.toFixed(1)} ms, ${r.errors} errors ${JSON.stringify(r.statuses)}, RSS ${rss.toFixed(0)} MB`,
      );
      if (dbKind === 'server' && w.kind === 'read') {
        await waitUntilIdle(app, 60, 1);
        await rawRun(w);
      }
    }
  }

  // The case file page in Chromium, on the idle app after the load (a case worker of the benchmark, own cases).
  if (frontend) {
    await waitUntilIdle(app, 60, 1);
    const worker = participants.workers[0]!;
    caseLcp = await measureCaseLcp(app.baseUrl, worker.username, worker.openCaseIds, Number(args['lcp-runs']));
    lcpUser = worker.username;
    log(
      `case file page LCP: cold ${caseLcp.cold.medianMs.toFixed(0)} ms (median of ${caseLcp.cold.runs.length}; ${caseLcp.cold.runs.map((r) => r.lcpMs.toFixed(0)).join(', ')}), warm ${caseLcp.warm.medianMs.toFixed(0)} ms; LCP element ${caseLcp.cold.runs[0]?.lcpElement}`,
    );
  }
} finally {
  await app.stop();
  // The build of this run is not kept (an existing --web-dist folder is left alone).
  if (frontend && !args['web-dist']) rmSync(webDist, { recursive: true, force: true });
}

// Several instances on the same database behind the round-robin proxy (issue #10 part 5).
let multi: { summary: MultiInstanceSummary; details: MultiInstanceDetails } | undefined;
if (instances > 1) {
  log(`${instances} instances behind a round-robin proxy: ${reps} × ${seconds} s per workload and configuration`);
  multi = await runMultiInstance({
    dbUrl,
    instances,
    poolSize,
    seconds,
    reps,
    workloads: active,
    participants,
    logFile: appLog,
    log,
  });
}

// Diagnostics (details only): where a request's database time goes (statements timed one request at a time), and
// the raw read workloads without their access-log inserts.
const profiles = new Map<string, StatementProfile[]>();
if (dbKind === 'server') {
  for (const w of active.filter((x) => x.kind === 'read')) {
    const seqs = sequences.get(w.name);
    if (!seqs?.length) continue;
    const profile = await profileStatements(dbUrl, seqs);
    profiles.set(w.name, profile.slice(0, 8));
    const top = profile[0];
    if (top)
      log(
        `  slowest statement of ${w.name}: ${top.meanMs.toFixed(1)} ms mean (${top.calls} calls): ${top.statement.slice(0, 100)}`,
      );
  }
}

// Diagnostic: the raw read workloads without their access-log inserts, once.
const rawWithoutLog = new Map<string, RawResult>();
if (dbKind === 'server') {
  for (const w of active.filter((x) => x.kind === 'read')) {
    const seqs = sequences.get(w.name);
    if (!seqs?.length) continue;
    const r = await replay(dbUrl, withoutAccessLog(seqs), { seconds, concurrency: poolSize, poolSize });
    rawWithoutLog.set(w.name, r);
    log(
      `  raw without access log ${w.name}: ${r.rps.toFixed(0)} req/s, p50 ${r.p50Ms.toFixed(1)} ms, p99 ${r.p99Ms.toFixed(1)} ms`,
    );
  }
}

// The benchmark's own writes (contacts and ZRM measurements) are removed again, so every run sees the same data;
// the access log keeps its rows (it is append-only).
async function removeBenchWrites(url: string): Promise<void> {
  const pool = new pg.Pool({ connectionString: url, max: 1 });
  try {
    const ids = participants.workers.map((w) => w.userId);
    const c = await pool.query(
      `delete from contact_entry where recorded_by = any($1::uuid[]) and recorded_at >= $2 and note like '%(benchmark).'`,
      [ids, started],
    );
    const z = await pool.query(
      `delete from zrm_assessment a where a.recorded_by = any($1::uuid[]) and a.recorded_at >= $2 and exists (select 1 from zrm_score s where s.assessment_id = a.id and s.note = 'Tussenmeting (benchmark).')`,
      [ids, started],
    );
    log(`removed the benchmark's writes: ${c.rowCount} contacts, ${z.rowCount} ZRM measurements`);
  } finally {
    await pool.end();
  }
}
if (dbKind === 'server') await removeBenchWrites(dbUrl);
else {
  const e = await startEmbeddedDatabase(dataDir!, 120_000);
  try {
    await removeBenchWrites(e.url);
  } finally {
    await e.stop();
  }
}

// ---------- 4. results ----------
const results: WorkloadResult[] = [];
const details: WorkloadDetails[] = [];
for (const w of active) {
  const a = appReps.get(w.name)!;
  const raw = rawReps.get(w.name)!;
  const rps = median(a.map((x) => x.rps));
  const rawRps = raw.length ? median(raw.map((x) => x.rps)) : null;
  results.push(
    roundResult({
      name: w.name,
      db: dbKind,
      connections: w.connections,
      rps,
      p50Ms: median(a.map((x) => x.p50Ms)),
      p99Ms: median(a.map((x) => x.p99Ms)),
      errors: a.reduce((n, x) => n + x.errors, 0),
      rawRps,
      ratioToRaw: rawRps ? rps / rawRps : null,
      rssMb: Math.max(...a.map((x) => x.rssMb)),
    }),
  );
  details.push({
    name: w.name,
    title: w.title,
    route: `${w.route.method} ${w.route.path}`,
    kind: w.kind,
    p99TargetMs: w.p99TargetMs,
    reps: a.map((x) => ({
      rps: x.rps,
      p50Ms: x.p50Ms,
      p99Ms: x.p99Ms,
      errors: x.errors,
      statuses: x.statuses,
      rssMb: x.rssMb,
      dbRssMb: x.dbRssMb,
    })),
    raw: raw.map((x) => ({ rps: x.rps, p50Ms: x.p50Ms, p99Ms: x.p99Ms, errors: x.errors })),
    rawP50Ms: raw.length ? median(raw.map((x) => x.p50Ms)) : null,
    rawP99Ms: raw.length ? median(raw.map((x) => x.p99Ms)) : null,
    statementsPerRequest: raw[0]?.statementsPerRequest ?? null,
    rawWithoutAccessLog: rawWithoutLog.get(w.name) ?? null,
    statementProfile: profiles.get(w.name) ?? null,
    ...(a.some((x) => x.liveness) ? { liveness: a.flatMap((x) => (x.liveness ? [x.liveness] : [])) } : {}),
  });
}
const result: BenchResult = {
  date: new Date().toISOString(),
  node: process.version,
  machine: { cores: os.cpus().length, memoryGb: Math.round(os.totalmem() / 1024 ** 3) },
  dataset: { size, persons: dataset.persons, cases: dataset.cases, contacts: dataset.contacts },
  workloads: results,
  ...(initialJs && caseLcp
    ? {
        frontend: {
          initialJsGzipKb: initialJs.gzipKb,
          initialJsRawKb: initialJs.rawKb,
          initialJsFiles: initialJs.files.length,
          build: args['web-dist'] ? `existing build ${args['web-dist']}` : 'built from the source by this run',
          caseLcpMs: {
            median: Math.round(caseLcp.cold.medianMs),
            runs: caseLcp.cold.runs.map((r) => Math.round(r.lcpMs)),
            cache: 'cold' as const,
          },
          caseLcpWarmMs: {
            median: Math.round(caseLcp.warm.medianMs),
            runs: caseLcp.warm.runs.map((r) => Math.round(r.lcpMs)),
            cache: 'warm' as const,
          },
          caseFcpMs: caseLcp.cold.runs.every((r) => r.fcpMs !== null)
            ? Math.round(median(caseLcp.cold.runs.map((r) => r.fcpMs!)))
            : null,
          caseReadyMs: Math.round(median(caseLcp.cold.runs.map((r) => r.readyMs))),
          lcpBeforeReadyRuns: caseLcp.cold.runs.filter((r) => r.lcpBeforeReady).length,
        },
      }
    : {}),
  ...(multi ? { multiInstance: multi.summary } : {}),
};
const detailDoc: Details = {
  stamp,
  note: args.note ?? null,
  options: { size, db: dbKind, seconds, reps, connections, poolSize },
  dataset: { ...dataset },
  loadAverage: { start: loadStart, end: os.loadavg() },
  idleWaitSeconds,
  notMeasured,
  workloads: details,
  ...(initialJs && caseLcp
    ? {
        frontend: {
          initialJs: initialJs.files,
          cold: caseLcp.cold.runs,
          warm: caseLcp.warm.runs,
          user: lcpUser,
          buildSeconds: webBuildSeconds,
        },
      }
    : {}),
  ...(multi ? { multiInstance: multi.details } : {}),
};
const { file } = writeResults(resultsDir, result, detailDoc);
if (!args['no-docs']) updateDocs(path.join(root, 'docs/performance.md'), resultsDir);
log(
  `results: bench/results/latest.json and bench/results/${file}${args['no-docs'] ? '' : '; docs/performance.md updated'}`,
);
console.table(results);
if (notMeasured.length) log(`not measured: ${notMeasured.map((n) => `${n.name} (${n.reason})`).join('; ')}`);
process.exit(0);
