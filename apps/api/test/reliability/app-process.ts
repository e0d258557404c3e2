import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { appCommand } from '../app-command';

/**
 * The real app (`apps/api/src/main.ts`, as `npm start` runs it) as a process of its own, in its own process
 * group, so a test can kill it — with the embedded database process it started — the way a crash or
 * `kill -9` would, and start it again on the same data.
 */
export interface AppProcess {
  baseUrl: string;
  /** SIGKILL to the whole process group: the app and its embedded database die at once, nothing is flushed. */
  kill(): Promise<void>;
  /** SIGTERM and wait (graceful shutdown). */
  stop(): Promise<void>;
  /** What the process wrote to stderr (for failure messages). */
  stderr(): string;
  pid: number;
  /** Resolves when the app process has exited, with its exit code or the signal that ended it. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Sends a signal to the whole process group (the app and its embedded database), as a terminal's Ctrl+C or systemd does. */
  signalGroup(signal: NodeJS.Signals): void;
}

export interface AppData {
  /** Environment for the app: DATABASE_URL (a fresh database on the server) or DATA_DIR (a fresh folder). */
  env: Record<string, string>;
  mode: 'embedded' | 'server';
  /** The connection string for checking the data while the app is down (server mode only). */
  serverUrl: string | undefined;
  dataDir: string | undefined;
  remove(): Promise<void>;
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

/** A fresh database for a test that runs the app as a process: like the e2e harness, embedded or server. */
export async function createAppData(): Promise<AppData> {
  const serverUrl = process.env.DATABASE_URL;
  if (serverUrl) {
    const name = `nabij_rel_${randomBytes(5).toString('hex')}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    return {
      env: { DATABASE_URL: url.toString() },
      mode: 'server',
      serverUrl: url.toString(),
      dataDir: undefined,
      async remove() {
        const c = new pg.Client({ connectionString: serverUrl });
        await c.connect();
        await c.query(`drop database if exists ${name} with (force)`);
        await c.end();
      },
    };
  }
  const dataDir = mkdtempSync(path.join(tmpdir(), 'nabij-rel-'));
  return {
    env: { DATA_DIR: dataDir },
    mode: 'embedded',
    serverUrl: undefined,
    dataDir,
    async remove() {
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Waits until the process that holds the embedded data folder's lock is gone (reaped), so a restart may take it. */
export async function waitForLockRelease(dataDir: string | undefined, timeoutMs = 10_000): Promise<void> {
  if (!dataDir) return;
  let owner: number;
  try {
    owner = Number(readFileSync(path.join(dataDir, 'nabij.lock'), 'utf8').trim());
  } catch {
    return;
  }
  const deadline = Date.now() + timeoutMs;
  while (Number.isInteger(owner) && owner > 0 && isAlive(owner)) {
    if (Date.now() > deadline) throw new Error(`the embedded database process ${owner} is still alive`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

export async function startAppProcess(
  env: Record<string, string>,
  readyTimeoutMs = 120_000,
  fixedPort?: number,
): Promise<AppProcess> {
  const port = fixedPort ?? (await freePort());
  const base = { ...(process.env as Record<string, string>) };
  delete base.DATABASE_URL;
  const appEnv: Record<string, string> = {
    ...base,
    PORT: String(port),
    HOST: '127.0.0.1',
    NODE_ENV: 'development',
    DEMO_DATA: 'true',
    LOG_LEVEL: 'fatal',
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    WEB_DIST_DIR: '/nonexistent',
    ...env,
  };
  const child: ChildProcess = spawn(process.execPath, appCommand(), {
    env: appEnv,
    stdio: ['ignore', 'ignore', 'pipe'],
    detached: true,
  });
  let stderr = '';
  child.stderr?.on('data', (c: Buffer) => {
    stderr = (stderr + c.toString('utf8')).slice(-20_000);
  });
  const exitInfo = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const exited = exitInfo.then(() => undefined);
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + readyTimeoutMs;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(`the app stopped during start (exit ${child.exitCode}):\n${stderr}`);
    try {
      if ((await fetch(`${baseUrl}/health/ready`, { signal: AbortSignal.timeout(5_000) })).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      process.kill(-child.pid!, 'SIGKILL');
      throw new Error(`the app did not become ready within ${readyTimeoutMs / 1000} s:\n${stderr}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    baseUrl,
    stderr: () => stderr,
    pid: child.pid!,
    exited: exitInfo,
    signalGroup(signal) {
      process.kill(-child.pid!, signal);
    },
    async kill() {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // already gone
      }
      await exited;
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      process.kill(child.pid!, 'SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 20_000))]);
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // the group is gone
      }
    },
  };
}
