// "Raw": the physical limit of a read workload. The SQL the app sends for a request is captured once per request
// (the app built in this process, every statement on pg's Client recorded), then replayed straight through
// node-postgres with the app's pool size: the same statements, parameters and transactions — session lookup, the
// row-level-security settings and the access-log inserts included — without HTTP, routing, validation, Kysely or JSON.
import pg from 'pg';
import type { FastifyInstance } from 'fastify';
import type { BenchRequest } from './workloads';

interface Statement {
  client: number;
  text: string;
  values: unknown[] | undefined;
}

/** The statements of one request, grouped into the transactions (or single statements) it ran, in order. */
export type Sequence = Statement[][];

let recording: Statement[] | null = null;
const clientIds = new WeakMap<object, number>();
let nextClientId = 1;

/** Installs the recorder on pg.Client (once). Only statements issued while a capture runs are kept. */
export function installRecorder(): void {
  const proto = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown; __benchRecorder?: boolean };
  if (proto.__benchRecorder) return;
  const original = proto.query;
  proto.query = function (this: object, ...args: unknown[]) {
    if (recording) {
      const [config, values] = args as [string | { text: string; values?: unknown[] }, unknown[] | undefined];
      let id = clientIds.get(this);
      if (id === undefined) {
        id = nextClientId++;
        clientIds.set(this, id);
      }
      if (typeof config === 'string')
        recording.push({ client: id, text: config, values: Array.isArray(values) ? values : undefined });
      else
        recording.push({
          client: id,
          text: config.text,
          values: config.values ?? (Array.isArray(values) ? values : undefined),
        });
    }
    return original.apply(this, args);
  };
  proto.__benchRecorder = true;
}

/** Splits a recorded request into transactions: BEGIN … COMMIT/ROLLBACK on one client, or a lone statement. */
function toSequence(statements: Statement[]): Sequence {
  const open = new Map<number, Statement[]>();
  const segments: Statement[][] = [];
  for (const s of statements) {
    const verb = s.text.trim().toLowerCase();
    const current = open.get(s.client);
    if (verb === 'begin' || verb.startsWith('begin ') || verb.startsWith('start transaction')) {
      const seg = [s];
      open.set(s.client, seg);
      segments.push(seg);
    } else if (current) {
      current.push(s);
      if (verb === 'commit' || verb === 'rollback') open.delete(s.client);
    } else {
      segments.push([s]);
    }
  }
  return segments;
}

/** Runs each request once through the in-process app (with the user's cookie) and records its SQL. */
export async function captureSequences(
  app: FastifyInstance,
  items: Array<{ cookie: string; csrf: string; request: BenchRequest }>,
): Promise<{ sequences: Sequence[]; failures: number; firstFailure: string | null }> {
  const sequences: Sequence[] = [];
  let failures = 0;
  let firstFailure: string | null = null;
  for (const { cookie, csrf, request } of items) {
    recording = [];
    try {
      const r = await app.inject({
        method: request.method,
        url: request.path,
        headers: { cookie, ...(request.method === 'POST' ? { 'x-csrf-token': csrf } : {}) },
        ...(request.body !== undefined ? { payload: request.body as object } : {}),
      });
      if (r.statusCode >= 300) {
        failures++;
        firstFailure ??= `${request.method} ${request.path}: ${r.statusCode} ${r.body.slice(0, 200)}`;
      } else sequences.push(toSequence(recording));
    } finally {
      recording = null;
    }
  }
  return { sequences, failures, firstFailure };
}

/** The same requests without their access-log inserts: shows what the access log (and its hash chain) costs. */
export function withoutAccessLog(sequences: Sequence[]): Sequence[] {
  return sequences.map((seq) =>
    seq.map((segment) => segment.filter((s) => !/^\s*insert into "?access_log"?/i.test(s.text))),
  );
}

/** Readable text of a captured request (for --dump-sql). */
export function describeSequence(seq: Sequence): string {
  return seq
    .map((segment, i) =>
      [
        `-- transaction ${i + 1}`,
        ...segment.map((s) => `${s.text};  -- ${JSON.stringify(s.values ?? []).slice(0, 300)}`),
      ].join('\n'),
    )
    .join('\n\n');
}

export interface StatementProfile {
  statement: string;
  calls: number;
  meanMs: number;
  maxMs: number;
}

/**
 * Runs the sequences one at a time (no other load from the benchmark) and times every statement: where a request's
 * database time goes. Returns the statements by mean time, slowest first.
 */
export async function profileStatements(url: string, sequences: Sequence[], count = 30): Promise<StatementProfile[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const stats = new Map<string, { calls: number; total: number; max: number }>();
  try {
    for (const seq of sequences.slice(0, count)) {
      for (const segment of seq) {
        for (const s of segment) {
          const t0 = performance.now();
          await client.query(s.text, s.values);
          const ms = performance.now() - t0;
          const key = s.text.replace(/\s+/g, ' ').trim().slice(0, 160);
          const st = stats.get(key) ?? { calls: 0, total: 0, max: 0 };
          st.calls++;
          st.total += ms;
          st.max = Math.max(st.max, ms);
          stats.set(key, st);
        }
      }
    }
  } finally {
    await client.end();
  }
  return [...stats]
    .map(([statement, st]) => ({ statement, calls: st.calls, meanMs: st.total / st.calls, maxMs: st.max }))
    .sort((a, b) => b.meanMs * b.calls - a.meanMs * a.calls);
}

export interface RawResult {
  rps: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
  requests: number;
  statementsPerRequest: number;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

/** Replays the sequences round-robin with `concurrency` loops on a pool of `poolSize` connections for `seconds`. */
export async function replay(
  url: string,
  sequences: Sequence[],
  options: { seconds: number; concurrency: number; poolSize: number },
): Promise<RawResult> {
  const pool = new pg.Pool({ connectionString: url, max: options.poolSize });
  pool.on('error', () => undefined);
  const latencies: number[] = [];
  let errors = 0;
  let next = 0;
  try {
    // Open the connections before timing, as the app's pool is warm too.
    await Promise.all(Array.from({ length: options.poolSize }, async () => (await pool.connect()).release()));
    const started = performance.now();
    const end = started + options.seconds * 1000;
    const loop = async () => {
      while (performance.now() < end) {
        const seq = sequences[next++ % sequences.length]!;
        const t0 = performance.now();
        const client = await pool.connect();
        try {
          for (const segment of seq) {
            for (const s of segment) await client.query(s.text, s.values);
          }
          latencies.push(performance.now() - t0);
        } catch {
          errors++;
          await client.query('rollback').catch(() => undefined);
        } finally {
          client.release();
        }
      }
    };
    await Promise.all(Array.from({ length: options.concurrency }, loop));
    const elapsed = (performance.now() - started) / 1000;
    latencies.sort((a, b) => a - b);
    const statements =
      sequences.reduce((n, s) => n + s.reduce((m, seg) => m + seg.length, 0), 0) / Math.max(1, sequences.length);
    return {
      rps: latencies.length / elapsed,
      p50Ms: percentile(latencies, 50),
      p99Ms: percentile(latencies, 99),
      errors,
      requests: latencies.length,
      statementsPerRequest: statements,
    };
  } finally {
    await pool.end();
  }
}
