// Results: bench/results/latest.json in the shape of issue #10, a timestamped copy and a details file per run, and the
// generated part of docs/performance.md (latest table, comparison with the previous run, scale curve).
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { MultiInstanceDetails, MultiInstanceSummary } from './multi-instance';

export interface WorkloadResult {
  name: string;
  db: 'server' | 'embedded';
  connections: number;
  rps: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
  rawRps: number | null;
  ratioToRaw: number | null;
  rssMb: number;
}

export interface BenchResult {
  date: string;
  node: string;
  machine: { cores: number; memoryGb: number };
  dataset: { size: string; persons: number; cases: number; contacts: number };
  workloads: WorkloadResult[];
  /** Issue #10 part 6 (not in runs with --no-frontend). */
  frontend?: FrontendResult;
  /** Issue #10 part 5 (runs with --instances N on the server). */
  multiInstance?: MultiInstanceSummary;
}

export interface FrontendResult {
  /** The JavaScript index.html loads (entry + modulepreload), gzip level 9, KB; target ≤ 250. */
  initialJsGzipKb: number;
  initialJsRawKb: number;
  initialJsFiles: number;
  /** Where the build came from: built by this run, or an existing folder (--web-dist). */
  build: string;
  /** The case file page's Largest Contentful Paint in headless Chromium on loopback, ms; target ≤ 1500 (cold cache). */
  caseLcpMs: { median: number; runs: number[]; cache: 'cold' };
  caseLcpWarmMs: { median: number; runs: number[]; cache: 'warm' };
  caseFcpMs: number | null;
  /** When the overview was rendered (median, cold); the LCP can come before it (a paint of the loading state). */
  caseReadyMs: number;
  /** Cold runs whose LCP entry came before the overview was rendered. */
  lcpBeforeReadyRuns?: number;
}

export interface WorkloadDetails {
  name: string;
  title: string;
  route: string;
  kind: 'read' | 'write';
  p99TargetMs: number;
  reps: Array<{
    rps: number;
    p50Ms: number;
    p99Ms: number;
    errors: number;
    statuses: Record<string, number>;
    rssMb: number;
    dbRssMb: number;
  }>;
  raw: Array<{ rps: number; p50Ms: number; p99Ms: number; errors: number }>;
  rawP50Ms: number | null;
  rawP99Ms: number | null;
  statementsPerRequest: number | null;
  /** Diagnostic: the raw replay without the access-log inserts (one run). */
  rawWithoutAccessLog: { rps: number; p50Ms: number; p99Ms: number; errors: number } | null;
  /** Diagnostic: the slowest statements of a request, timed one request at a time. */
  statementProfile: Array<{ statement: string; calls: number; meanMs: number; maxMs: number }> | null;
  liveness?: Array<{ probes: number; failures: number; maxMs: number }>;
}

export interface Details {
  stamp: string;
  note: string | null;
  options: {
    size: string;
    db: 'server' | 'embedded';
    seconds: number;
    reps: number;
    connections: number;
    poolSize: number;
  };
  dataset: Record<string, unknown>;
  loadAverage: { start: number[]; end: number[] };
  idleWaitSeconds: number;
  notMeasured: Array<{ name: string; reason: string }>;
  workloads: WorkloadDetails[];
  frontend?: {
    initialJs: Array<{ file: string; bytes: number; gzipBytes: number }>;
    cold: unknown[];
    warm: unknown[];
    user: string;
    buildSeconds: number | null;
  };
  multiInstance?: MultiInstanceDetails;
}

export const median = (xs: number[]): number => {
  if (xs.length === 0) return 0;
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

const round = (x: number, digits = 1) => Math.round(x * 10 ** digits) / 10 ** digits;

export function roundResult(r: WorkloadResult): WorkloadResult {
  return {
    ...r,
    rps: round(r.rps, 0),
    p50Ms: round(r.p50Ms),
    p99Ms: round(r.p99Ms),
    rawRps: r.rawRps === null ? null : round(r.rawRps, 0),
    ratioToRaw: r.ratioToRaw === null ? null : round(r.ratioToRaw, 2),
    rssMb: round(r.rssMb, 0),
  };
}

interface Stored {
  file: string;
  result: BenchResult;
  details: Details | null;
}

function readStored(dir: string): Stored[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => /^\d{4}-\d{2}-\d{2}T\d{4}-[a-z]+-(server|embedded)\.json$/.test(f))
    .sort()
    .map((file) => {
      const result = JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as BenchResult;
      const detailsFile = path.join(dir, file.replace(/\.json$/, '.details.json'));
      const details = existsSync(detailsFile) ? (JSON.parse(readFileSync(detailsFile, 'utf8')) as Details) : null;
      return { file, result, details };
    });
}

export function writeResults(dir: string, result: BenchResult, details: Details): { file: string } {
  mkdirSync(dir, { recursive: true });
  const db = result.workloads[0]?.db ?? details.options.db;
  const base = `${details.stamp}-${result.dataset.size}-${db}`;
  writeFileSync(path.join(dir, `${base}.json`), `${JSON.stringify(result, null, 2)}\n`);
  writeFileSync(path.join(dir, `${base}.details.json`), `${JSON.stringify(details, null, 2)}\n`);
  writeFileSync(path.join(dir, 'latest.json'), `${JSON.stringify(result, null, 2)}\n`);
  return { file: `${base}.json` };
}

const fmt = (x: number | null, digits = 1) =>
  x === null ? '—' : x.toLocaleString('en', { maximumFractionDigits: digits, minimumFractionDigits: 0 });

function verdict(w: WorkloadResult, d: WorkloadDetails | undefined, size: string): string {
  if (!d) return '';
  const misses: string[] = [];
  if (w.db === 'server' && size === 'large') {
    if (w.p99Ms > d.p99TargetMs) misses.push(`p99 > ${d.p99TargetMs}`);
    if (d.kind === 'read' && w.name !== 'dashboard' && w.ratioToRaw !== null && w.ratioToRaw < 0.6)
      misses.push('ratio < 0.6');
    if (w.rssMb > 400) misses.push('RSS > 400');
  } else if (w.db === 'embedded' && size === 'medium' && d.kind === 'read' && w.name !== 'dashboard') {
    if (w.p99Ms > 100) misses.push('p99 > 100');
  } else {
    return '';
  }
  return misses.length ? `miss: ${misses.join(', ')}` : 'met';
}

/** The generated part of docs/performance.md. */
export function markdownSection(dir: string): string {
  const stored = readStored(dir);
  const latest = stored.at(-1);
  if (!latest) return '_No results yet: run `npm run bench`._';
  const lines: string[] = [];
  const latestOf = (size: string, db: string) =>
    [...stored]
      .reverse()
      .find((s) => s.result.dataset.size === size && (s.result.workloads[0]?.db ?? s.details?.options.db) === db);
  const seen = new Set<string>();
  const runs = [...stored].reverse().filter((s) => {
    const key = `${s.result.dataset.size}-${s.result.workloads[0]?.db ?? s.details?.options.db}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  for (const run of runs) {
    const r = run.result;
    const db = r.workloads[0]?.db ?? run.details?.options.db ?? 'server';
    const d = run.details;
    lines.push(`### ${r.dataset.size}, ${db === 'server' ? 'PostgreSQL server' : 'embedded PGlite'} — ${r.date}`);
    lines.push('');
    lines.push(
      `Node ${r.node}, ${r.machine.cores} cores, ${r.machine.memoryGb} GB. Dataset: ${r.dataset.persons.toLocaleString('en')} persons, ${r.dataset.cases.toLocaleString('en')} case files, ${r.dataset.contacts.toLocaleString('en')} contacts` +
        (d
          ? `; ${d.options.reps} × ${d.options.seconds} s per workload, app pool ${d.options.poolSize}; load average at start ${d.loadAverage.start.map((x) => x.toFixed(1)).join(' / ')}, at end ${d.loadAverage.end.map((x) => x.toFixed(1)).join(' / ')}`
          : '') +
        `. File \`bench/results/${run.file}\`${d?.note ? `. Note: ${d.note}` : ''}.`,
    );
    lines.push('');
    lines.push(
      '| workload | conn. | req/s | p50 ms | p99 ms | errors | raw req/s | raw p99 ms | app/raw | RSS MB | target |',
    );
    lines.push('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|');
    for (const w of r.workloads) {
      const wd = d?.workloads.find((x) => x.name === w.name);
      lines.push(
        `| ${w.name} | ${w.connections} | ${fmt(w.rps, 0)} | ${fmt(w.p50Ms)} | ${fmt(w.p99Ms)} | ${w.errors} | ${fmt(w.rawRps, 0)} | ${fmt(wd?.rawP99Ms ?? null)} | ${fmt(w.ratioToRaw, 2)} | ${fmt(w.rssMb, 0)} | ${verdict(w, wd, r.dataset.size)} |`,
      );
    }
    const diagnosed = d?.workloads.filter((x) => x.rawWithoutAccessLog || x.statementProfile?.length) ?? [];
    if (diagnosed.length) {
      lines.push('');
      lines.push(
        'Diagnostics (one run each): the raw replay without the access-log inserts, and the slowest statements of a request timed one request at a time.',
      );
      lines.push('');
      lines.push(
        '| workload | statements per request | raw req/s → without access-log inserts | slowest statements (mean ms × calls per request) |',
      );
      lines.push('|---|---:|---|---|');
      for (const x of diagnosed) {
        const withLog = r.workloads.find((w) => w.name === x.name)?.rawRps ?? null;
        const without = x.rawWithoutAccessLog ? `${fmt(withLog, 0)} → ${fmt(x.rawWithoutAccessLog.rps, 0)}` : '—';
        const per = (x.statementProfile ?? [])
          .slice(0, 3)
          .map((p) => `\`${p.statement.slice(0, 70).replace(/\|/g, '\\|')}…\` ${p.meanMs.toFixed(1)}`);
        lines.push(`| ${x.name} | ${fmt(x.statementsPerRequest, 0)} | ${without} | ${per.join('<br>')} |`);
      }
    }
    const live = d?.workloads.find((x) => x.liveness)?.liveness;
    if (live?.length) {
      lines.push('');
      lines.push(
        `\`/health/live\` during the dashboard runs: ${live.reduce((a, b) => a + b.probes, 0)} probes, ${live.reduce((a, b) => a + b.failures, 0)} failed, slowest ${fmt(Math.max(...live.map((x) => x.maxMs)), 0)} ms.`,
      );
    }
    if (r.frontend) lines.push('', ...frontendLines(r.frontend));
    if (r.multiInstance) lines.push('', ...multiInstanceLines(r.multiInstance));
    if (d?.notMeasured.length) {
      lines.push('');
      lines.push(`Not measured: ${d.notMeasured.map((n) => `${n.name} (${n.reason})`).join('; ')}.`);
    }
    // Comparison with the previous run of the same size and database.
    const previous = [...stored]
      .reverse()
      .find(
        (s) =>
          s !== run &&
          s.file < run.file &&
          s.result.dataset.size === r.dataset.size &&
          (s.result.workloads[0]?.db ?? s.details?.options.db) === db,
      );
    if (previous) {
      lines.push('');
      lines.push(`Compared with the previous run (\`${previous.file}\`):`);
      lines.push('');
      lines.push('| workload | req/s before → now | p99 ms before → now |');
      lines.push('|---|---|---|');
      for (const w of r.workloads) {
        const p = previous.result.workloads.find((x) => x.name === w.name);
        if (!p) {
          lines.push(`| ${w.name} | new | new |`);
          continue;
        }
        const change = (a: number, b: number) =>
          a === 0 ? '' : ` (${b >= a ? '+' : ''}${Math.round(((b - a) / a) * 100)}%)`;
        lines.push(
          `| ${w.name} | ${fmt(p.rps, 0)} → ${fmt(w.rps, 0)}${change(p.rps, w.rps)} | ${fmt(p.p99Ms)} → ${fmt(w.p99Ms)}${change(p.p99Ms, w.p99Ms)} |`,
        );
      }
    }
    lines.push('');
  }
  // Scale curve: the latest server run of each size.
  const sizes = ['medium', 'large', 'xl'].map((s) => latestOf(s, 'server')).filter((s): s is Stored => s !== undefined);
  if (sizes.length > 1) {
    lines.push('### Scale curve (PostgreSQL server, latest run of each size)');
    lines.push('');
    lines.push(
      `| workload | ${sizes.map((s) => `${s.result.dataset.size} p99 ms (req/s)`).join(' | ')} | xl p99 / large p99 |`,
    );
    lines.push(`|---|${sizes.map(() => '---:').join('|')}|---:|`);
    const names = [...new Set(sizes.flatMap((s) => s.result.workloads.map((w) => w.name)))];
    for (const name of names) {
      const cells = sizes.map((s) => {
        const w = s.result.workloads.find((x) => x.name === name);
        return w ? `${fmt(w.p99Ms)} (${fmt(w.rps, 0)})` : '—';
      });
      const large = sizes.find((s) => s.result.dataset.size === 'large')?.result.workloads.find((w) => w.name === name);
      const xl = sizes.find((s) => s.result.dataset.size === 'xl')?.result.workloads.find((w) => w.name === name);
      const ratio = large && xl && large.p99Ms > 0 ? xl.p99Ms / large.p99Ms : null;
      lines.push(
        `| ${name} | ${cells.join(' | ')} | ${ratio === null ? '—' : `${ratio.toFixed(2)}${ratio > 1.5 ? ' (miss: > 1.5)' : ''}`} |`,
      );
    }
    lines.push('');
    lines.push(
      `Datasets: ${sizes.map((s) => `${s.result.dataset.size} ${s.result.dataset.persons.toLocaleString('en')} persons / ${s.result.dataset.cases.toLocaleString('en')} case files / ${s.result.dataset.contacts.toLocaleString('en')} contacts`).join('; ')}.`,
    );
    lines.push('');
  }
  return lines.join('\n');
}

function frontendLines(f: FrontendResult): string[] {
  const ok = (met: boolean) => (met ? 'met' : 'miss');
  return [
    `Front end (${f.build}; headless Chromium on loopback, no network throttling, ${f.caseLcpMs.runs.length} runs each):`,
    '',
    '| measure | value | target |',
    '|---|---:|---|',
    `| initial JavaScript of the worker app (${f.initialJsFiles} files, gzip -9) | ${fmt(f.initialJsGzipKb)} KB (${fmt(f.initialJsRawKb, 0)} KB minified) | ≤ 250 KB: ${ok(f.initialJsGzipKb <= 250)} |`,
    `| case file page LCP, cold cache (median) | ${fmt(f.caseLcpMs.median, 0)} ms (runs ${f.caseLcpMs.runs.map((x) => fmt(x, 0)).join(', ')}) | ≤ 1,500 ms: ${ok(f.caseLcpMs.median <= 1500)} |`,
    `| case file page LCP, warm cache (median) | ${fmt(f.caseLcpWarmMs.median, 0)} ms (runs ${f.caseLcpWarmMs.runs.map((x) => fmt(x, 0)).join(', ')}) | |`,
    `| first contentful paint / overview rendered, cold (median) | ${fmt(f.caseFcpMs, 0)} ms / ${fmt(f.caseReadyMs, 0)} ms | |`,
    ...(f.lcpBeforeReadyRuns
      ? [
          '',
          `In ${f.lcpBeforeReadyRuns} of ${f.caseLcpMs.runs.length} cold runs the largest paint came before the overview was rendered (the frame or the loading message; nothing painted later was larger).`,
        ]
      : []),
  ];
}

function multiInstanceLines(m: MultiInstanceSummary): string[] {
  const n = m.instances;
  const lines = [
    `${n} instances on one database behind the round-robin proxy (\`bench/round-robin-proxy.ts\`), pool ${m.poolSizePerInstance} each; every run goes through the proxy, the one-instance runs with only instance 1 behind it (medians; errors summed):`,
    '',
    `| workload | conn. | 1 instance req/s | p50 ms | p99 ms | errors | ${n} instances req/s | p50 ms | p99 ms | errors | scaling | RSS MB (max of the instances) |`,
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const w of m.workloads) {
    const a = w.oneInstance;
    const b = w.instances;
    lines.push(
      `| ${w.name} | ${w.connections} | ${fmt(a.rps, 0)} | ${fmt(a.p50Ms)} | ${fmt(a.p99Ms)} | ${a.errors} | ${fmt(b.rps, 0)} | ${fmt(b.p50Ms)} | ${fmt(b.p99Ms)} | ${b.errors} | ${w.scaling === null ? '—' : `${w.scaling.toFixed(2)}×`} | ${fmt(w.rssMb, 0)} |`,
    );
  }
  const s = m.sessions;
  const j = m.jobs;
  const ticks =
    Object.entries(j.ticks)
      .map(([name, t]) => `${name} ${t.ticks}`)
      .join(', ') || 'none';
  const queues = Object.entries(j.queues)
    .map(
      ([name, q]) =>
        `${name}: ${q.created} (${Object.entries(q.byState)
          .map(([k, v]) => `${v} ${k}`)
          .join(', ')}${q.retried ? `; ${q.retried} retried after a failure` : ''})`,
    )
    .join('; ');
  lines.push(
    '',
    `Sessions: answers per instance in the ${n}-instance runs ${m.answeredPerInstance.map((x) => x.toLocaleString('en')).join(' / ')}; the ${s.usersLoggedInThroughProxy} users logged in through the proxy (on either instance) and were served by all. ` +
      `Logged in on instance 1 directly, then ${s.steps.map((x) => `${x.step} on ${x.instance} → ${x.status}`).join(', ')}: ` +
      `${s.loginOnOneServedByOther ? 'the session works on the other instance' : '**the session did not carry over**'}, ${s.logoutOnOtherEndsSession ? 'a logout on one instance ends it on all' : '**a logout did not end it everywhere**'}.`,
    '',
    `Scheduled jobs (${j.window.from.slice(11, 19)}–${j.window.to.slice(11, 19)} UTC${j.accelerated ? `, \`${j.accelerated.name}\` scheduled every minute instead of \`${j.accelerated.originalCron}\`` : ''}): cron ticks ${ticks}; jobs ${queues || 'none'}; ` +
      `reminder duplicates ${j.duplicateReminders}, reminders created ${j.remindersCreatedInWindow} — ${j.exactlyOnce ? 'every tick became one job (pg-boss hands each job to one instance)' : '**a tick did not become exactly one job**'}.`,
  );
  return lines;
}

const START = '<!-- bench:results:start -->';
const END = '<!-- bench:results:end -->';

/** Replaces the generated part of the performance page (between the markers); the rest is written by hand. */
export function updateDocs(docFile: string, resultsDir: string): void {
  if (!existsSync(docFile)) return;
  const text = readFileSync(docFile, 'utf8');
  const a = text.indexOf(START);
  const b = text.indexOf(END);
  if (a < 0 || b < a) return;
  writeFileSync(docFile, `${text.slice(0, a + START.length)}\n${markdownSection(resultsDir)}\n${text.slice(b)}`);
}
