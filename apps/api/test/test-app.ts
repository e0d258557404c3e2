import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../src/app';
import { loadConfig, type Config } from '../src/platform/config';
import type { Database, DatabaseOptions } from '../src/platform/database/database';
import type { Clock } from '../src/shared/clock';
import { createTestDatabase, type TestDatabase } from './test-database';

export interface TestApp {
  app: FastifyInstance;
  db: Database;
  config: Config;
  testDb: TestDatabase;
  clock: MutableClock;
  close(): Promise<void>;
  agent(): Agent;
}

export interface MutableClock extends Clock {
  set(at: Date): void;
  advance(ms: number): void;
  reset(): void;
}

/** A clock that follows real time until a test sets it. */
export function mutableClock(): MutableClock {
  let fixed: Date | undefined;
  return {
    now: () => fixed ?? new Date(),
    set(at) {
      fixed = at;
    },
    advance(ms) {
      fixed = new Date((fixed ?? new Date()).getTime() + ms);
    },
    reset() {
      fixed = undefined;
    },
  };
}

export async function startTestApp(env: Record<string, string> = {}, database: DatabaseOptions = {}): Promise<TestApp> {
  const testDb = await createTestDatabase(database);
  const config = loadConfig({ NODE_ENV: 'test', WEB_DIST_DIR: '/nonexistent', ...env });
  const clock = mutableClock();
  const app = await buildApp({ db: testDb.db, config, clock });
  return {
    app,
    db: testDb.db,
    config,
    testDb,
    clock,
    agent: () => new Agent(app),
    async close() {
      await app.close();
      await testDb.drop();
    },
  };
}

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

/** A browser-like client: keeps the session cookie and sends the CSRF token on changes. */
export class Agent {
  private cookies = new Map<string, string>();
  csrfToken: string | undefined;
  constructor(
    private readonly app: FastifyInstance,
    readonly ip = '127.0.0.1',
  ) {}

  async request(
    method: Method,
    url: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<LightMyRequestResponse> {
    const response = await this.app.inject({
      method,
      url,
      remoteAddress: this.ip,
      headers: {
        ...(this.cookies.size ? { cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ') } : {}),
        ...(method !== 'GET' && this.csrfToken ? { 'x-csrf-token': this.csrfToken } : {}),
        ...headers,
      },
      ...(body !== undefined ? { payload: body as object } : {}),
    });
    for (const c of response.cookies as Array<{ name: string; value: string; maxAge?: number; expires?: Date }>) {
      if (c.value === '' || (c.expires && c.expires.getTime() < Date.now())) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
    return response;
  }
  /** The same browser talking to another app instance (e.g. a second server on the same database). */
  onApp(app: FastifyInstance): Agent {
    const other = new Agent(app, this.ip);
    other.cookies = this.cookies;
    other.csrfToken = this.csrfToken;
    return other;
  }

  /** The current value of a cookie, e.g. to check that the session token changed. */
  cookie(name: string): string | undefined {
    return this.cookies.get(name);
  }

  get(url: string) {
    return this.request('GET', url);
  }
  post(url: string, body: unknown = {}) {
    return this.request('POST', url, body);
  }
  put(url: string, body: unknown) {
    return this.request('PUT', url, body);
  }
  delete(url: string) {
    return this.request('DELETE', url);
  }

  /** Logs in with a password (and completes no further step); returns the step the server asks for next. */
  async login(username: string, password: string): Promise<string> {
    const r = await this.post('/api/auth/login', { username, password });
    if (r.statusCode !== 200) return `failed:${r.statusCode}:${r.json<{ code: string }>().code}`;
    await this.refreshCsrf();
    return r.json<{ next: string }>().next;
  }

  async refreshCsrf(): Promise<void> {
    const s = await this.get('/api/auth/session');
    this.csrfToken = s.json<{ csrfToken?: string }>().csrfToken;
  }
}
