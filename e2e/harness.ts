import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import pg from 'pg';
import { chromium, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { appCommand } from '../apps/api/test/app-command';

export interface RunningApp {
  baseUrl: string;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const address = s.address();
      s.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/**
 * The demo municipality seeded once per run (by the real app, as `npm start` does), which every journey's app then
 * starts from a copy of: a database made with `CREATE DATABASE … TEMPLATE` on the server, or a copy of the data
 * folder of the embedded database. Saves initdb, the migrations and the demo seed (with its password hashes) per
 * journey (ADR 0023).
 */
export interface SeededTemplate {
  /** The template database on the server, or the embedded data folder. */
  database?: string;
  dataDir?: string;
  remove(): Promise<void>;
}

export async function seedTemplate(): Promise<SeededTemplate> {
  const serverUrl = process.env.DATABASE_URL;
  if (serverUrl) {
    const database = `nabij_e2e_template_${randomBytes(5).toString('hex')}`;
    await adminQuery(serverUrl, `create database ${database}`);
    const url = new URL(serverUrl);
    url.pathname = `/${database}`;
    const app = await launch({ DATABASE_URL: url.toString(), JOBS_ENABLED: 'false' });
    await app.stop();
    return { database, remove: () => adminQuery(serverUrl, `drop database if exists ${database} with (force)`) };
  }
  const dataDir = mkdtempSync(path.join(tmpdir(), 'nabij-e2e-template-'));
  const app = await launch({ DATA_DIR: dataDir, JOBS_ENABLED: 'false' });
  await app.stop();
  return {
    dataDir,
    async remove() {
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function adminQuery(serverUrl: string, sql: string): Promise<void> {
  const c = new pg.Client({ connectionString: serverUrl });
  await c.connect();
  try {
    // The server refuses to copy a template while another copy of it is being made: wait and retry.
    for (let attempt = 0; ; attempt++) {
      try {
        await c.query(sql);
        return;
      } catch (err) {
        if ((err as { code?: string }).code !== '55006' || attempt >= 50) throw err;
        await new Promise((r) => setTimeout(r, 200));
      }
    }
  } finally {
    await c.end();
  }
}

/**
 * Starts the real app (`apps/api/src/main.ts`, as `npm start` does) with demo data on a fresh database — a copy of
 * the seeded template when one is given: a new database on the server in DATABASE_URL, or an embedded one in a
 * temporary folder.
 */
export async function startApp(env: Record<string, string> = {}, template?: SeededTemplate): Promise<RunningApp> {
  const serverUrl = process.env.DATABASE_URL;
  if (serverUrl) {
    const dbName = `nabij_e2e_${randomBytes(5).toString('hex')}`;
    await adminQuery(
      serverUrl,
      template?.database ? `create database ${dbName} template ${template.database}` : `create database ${dbName}`,
    );
    const url = new URL(serverUrl);
    url.pathname = `/${dbName}`;
    const app = await launch({ ...env, DATABASE_URL: url.toString() });
    return {
      baseUrl: app.baseUrl,
      stop: async () => {
        await app.stop();
        await adminQuery(serverUrl, `drop database if exists ${dbName} with (force)`);
      },
    };
  }
  const dataDir = mkdtempSync(path.join(tmpdir(), 'nabij-e2e-'));
  if (template?.dataDir) cpSync(template.dataDir, dataDir, { recursive: true });
  const app = await launch({ ...env, DATA_DIR: dataDir });
  return {
    baseUrl: app.baseUrl,
    stop: async () => {
      await app.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The app as a process on a free port, ready; `stop` ends it with SIGTERM (SIGKILL after 15 s). */
async function launch(env: Record<string, string>): Promise<RunningApp> {
  const port = await freePort();
  const appEnv: Record<string, string> = {
    ...(process.env as Record<string, string>),
    PORT: String(port),
    HOST: '127.0.0.1',
    NODE_ENV: 'development',
    DEMO_DATA: 'true',
    LOG_LEVEL: 'warn',
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    ...env,
  };
  if (env.DATA_DIR) delete appEnv.DATABASE_URL;
  const child: ChildProcess = spawn(process.execPath, appCommand(), {
    env: appEnv,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the app stopped during start (exit ${child.exitCode})`);
    try {
      if ((await fetch(`${baseUrl}/health/ready`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error('the app did not become ready within 90 s');
    await new Promise((r) => setTimeout(r, 300));
  }
  return {
    baseUrl,
    async stop() {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 15_000))]);
      if (child.exitCode === null) {
        child.kill('SIGKILL');
        await exited;
      }
    },
  };
}

export async function openBrowser(
  viewport = { width: 1280, height: 900 },
): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const userDataDir = mkdtempSync(path.join(tmpdir(), 'nabij-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    locale: 'nl-NL',
    viewport,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--lang=nl-NL',
    ],
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Fails when axe finds any WCAG 2.0–2.2 A/AA violation on the page as it is now. Legacy mode runs axe in the page
 * itself instead of finishing the run in a new blank page per scan (half the time, the same results: Nabij has no
 * frames); only violations are collected in full (ADR 0037).
 */
export async function expectAccessible(page: Page, label: string): Promise<void> {
  // E2E_AXE=false: CI's second database run, whose pages are the same as the first run's (ADR 0047).
  if (process.env.E2E_AXE === 'false') return;
  // `options` replaces the whole option object, so it comes before `withTags`.
  const result = await new AxeBuilder({ page })
    .options({ resultTypes: ['violations'] })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .setLegacyMode(true)
    .analyze();
  if (result.violations.length > 0) {
    const lines = result.violations.map(
      (v) =>
        `  ${v.id} (${v.impact}): ${v.help} — ${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 3)
          .join(', ')}`,
    );
    throw new Error(`axe found ${result.violations.length} violation(s) on ${label}:\n${lines.join('\n')}`);
  }
}

export function assert(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

/**
 * Counts a user's actions on a path, for the measures of issue #19 ("clicks + fields filled + key chords", counted
 * by the test, not timed): each click, each field filled (typed or chosen), each key chord pressed counts one.
 * `activate` is a keyboard user opening a link or button: it gets focus (not counted: how many Tabs lie before it
 * depends on the page around it) and Enter (one key chord).
 */
export class Counter {
  count = 0;
  readonly steps: string[] = [];
  constructor(private readonly page: Page) {}
  private add(step: string): void {
    this.count++;
    this.steps.push(step);
  }
  async click(target: Locator, what = 'click'): Promise<void> {
    await target.click();
    this.add(what);
  }
  async check(target: Locator, what = 'check'): Promise<void> {
    await target.check();
    this.add(what);
  }
  async fill(target: Locator, value: string, what = 'fill'): Promise<void> {
    await target.fill(value);
    this.add(what);
  }
  async select(target: Locator, option: { label: string } | string, what = 'select'): Promise<void> {
    await target.selectOption(option);
    this.add(what);
  }
  /** Presses a key chord (e.g. 'Tab', '3', 'Alt+Shift+C') `times` times; each press counts. */
  async press(key: string, times = 1): Promise<void> {
    for (let i = 0; i < times; i++) {
      await this.page.keyboard.press(key);
      this.add(key);
    }
  }
  /** Types a text into the focused field: one field filled. */
  async type(text: string): Promise<void> {
    await this.page.keyboard.type(text);
    this.add('type');
  }
  async activate(target: Locator, what = 'Enter'): Promise<void> {
    await target.focus();
    await this.page.keyboard.press('Enter');
    this.add(what);
  }
  /** Fails unless the count is within the target; the message lists the steps. */
  expectAtMost(target: number, path: string): void {
    console.log(`    ${path}: ${this.count} (asserted ≤ ${target})`);
    assert(
      this.count <= target,
      `${path} takes at most ${target} clicks, fields and key chords (took ${this.count}: ${this.steps.join(', ')})`,
    );
  }
}
