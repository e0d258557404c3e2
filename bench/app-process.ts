// The app under test: the real process (the compiled bundle of scripts/build-api.mjs, as in production), its memory
// and CPU read from /proc.
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { appCommand } from '../apps/api/test/app-command';

export interface RunningApp {
  baseUrl: string;
  pid: number;
  /** Resident memory of the app process (MB). */
  rssMb(): number;
  /** Resident memory of its child processes (the embedded database), MB. */
  childrenRssMb(): number;
  /** CPU seconds used so far by the app and its children. */
  cpuSeconds(): number;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const address = s.address();
      s.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

function statusRssMb(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

function childPids(pid: number): number[] {
  const out: number[] = [];
  try {
    for (const task of readdirSync(`/proc/${pid}/task`)) {
      const text = readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').trim();
      if (text) out.push(...text.split(/\s+/).map(Number));
    }
  } catch {
    // the process is gone
  }
  return out;
}

function cpuTicks(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8')
      .replace(/^.*\) /, '')
      .split(' ');
    // utime and stime are fields 14 and 15 of stat; after removing "pid (comm) " they are at 11 and 12.
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return 0;
  }
}

/** Starts the app with the given database settings, production mode, and waits until /health/ready answers. */
export async function startAppProcess(env: Record<string, string>, logFile: string): Promise<RunningApp> {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const appEnv: Record<string, string> = {
    ...(process.env as Record<string, string>),
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PORT: String(port),
    PUBLIC_URL: baseUrl,
    LOG_LEVEL: 'warn',
    // Benchmark users log in with a password only; in real production every role uses two-factor.
    MFA_REQUIRED_ROLES: '',
    // One benchmark connection sends far more requests than a person can; the per-user limits (and their cost,
    // a lookup in memory per request) stay in place, only their thresholds are raised.
    RATE_LIMIT_WRITES_PER_MINUTE: '100000000',
    RATE_LIMIT_SEARCHES_PER_MINUTE: '100000000',
    RATE_LIMIT_ANONYMOUS_PER_MINUTE: '100000000',
    ...env,
  };
  if (!env.DATABASE_URL) delete appEnv.DATABASE_URL;
  const log = createWriteStream(logFile, { flags: 'a' });
  const child: ChildProcess = spawn(process.execPath, appCommand(), { env: appEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  const deadline = Date.now() + 180_000;
  for (;;) {
    if (child.exitCode !== null)
      throw new Error(`the app stopped during start (exit ${child.exitCode}); see ${logFile}`);
    try {
      if ((await fetch(`${baseUrl}/health/ready`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error('the app did not become ready within 180 s');
    await new Promise((r) => setTimeout(r, 300));
  }
  const pid = child.pid!;
  return {
    baseUrl,
    pid,
    rssMb: () => statusRssMb(pid),
    childrenRssMb: () => childPids(pid).reduce((sum, c) => sum + statusRssMb(c), 0),
    cpuSeconds: () => [pid, ...childPids(pid)].reduce((sum, p) => sum + cpuTicks(p), 0) / 100,
    async stop() {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 20_000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
      log.end();
    },
  };
}

/**
 * Waits until the app is idle — its start-up jobs (such as generating reminders) done, or the requests still queued
 * from the previous run answered: less than 5% of a core for `quietSeconds` seconds in a row, or at most `maxSeconds`.
 */
export async function waitUntilIdle(app: RunningApp, maxSeconds = 240, quietSeconds = 3): Promise<number> {
  const started = Date.now();
  let quiet = 0;
  let last = app.cpuSeconds();
  while (quiet < quietSeconds && Date.now() - started < maxSeconds * 1000) {
    await new Promise((r) => setTimeout(r, 500));
    const now = app.cpuSeconds();
    quiet = now - last < 0.025 ? quiet + 0.5 : 0;
    last = now;
  }
  return (Date.now() - started) / 1000;
}

/** Samples the app's RSS while `fn` runs; returns fn's result and the peak. */
export async function withRssPeak<T>(
  app: RunningApp,
  fn: () => Promise<T>,
): Promise<{ result: T; peakMb: number; peakChildrenMb: number }> {
  let peak = app.rssMb();
  let peakChildren = app.childrenRssMb();
  const timer = setInterval(() => {
    peak = Math.max(peak, app.rssMb());
    peakChildren = Math.max(peakChildren, app.childrenRssMb());
  }, 200);
  try {
    const result = await fn();
    return { result, peakMb: Math.max(peak, app.rssMb()), peakChildrenMb: peakChildren };
  } finally {
    clearInterval(timer);
  }
}
