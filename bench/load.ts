// Logging in over HTTP and bounded load with autocannon (fixed duration and connections, loopback only).
import autocannon, { type RequestSpec, type Result } from 'autocannon';
import { SYNTHETIC_PASSWORD } from '../apps/api/src/capabilities/demo-data';
import type { UserScript } from './workloads';

export interface Session {
  username: string;
  cookie: string;
  csrf: string;
}

/** Logs a user in with the password (as the browser does) and reads the CSRF token of the session. */
export async function logIn(baseUrl: string, username: string): Promise<Session> {
  const r = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: SYNTHETIC_PASSWORD }),
  });
  const body = (await r.json()) as { next?: string; code?: string };
  if (r.status !== 200 || body.next !== 'done')
    throw new Error(`login of ${username} failed: ${r.status} ${JSON.stringify(body)}`);
  const setCookie = r.headers.getSetCookie().find((c) => c.includes('nabij_session='));
  if (!setCookie) throw new Error(`login of ${username} set no session cookie`);
  const cookie = setCookie.split(';')[0]!;
  const s = await fetch(`${baseUrl}/api/auth/session`, { headers: { cookie } });
  const session = (await s.json()) as { csrfToken?: string };
  if (!session.csrfToken) throw new Error(`no CSRF token for ${username}`);
  return { username, cookie, csrf: session.csrfToken };
}

export interface LoadResult {
  rps: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
  requests: number;
  statuses: Record<string, number>;
}

/**
 * Runs `connections` connections for `seconds`; connection i acts as user i (modulo the users) and cycles through
 * that user's requests.
 */
export async function runLoad(
  baseUrl: string,
  scripts: UserScript[],
  sessions: Map<string, Session>,
  connections: number,
  seconds: number,
): Promise<LoadResult> {
  const usable = scripts.filter((s) => s.requests.length > 0 && sessions.has(s.username));
  if (usable.length === 0) throw new Error('no user with requests for this workload');
  const specs: RequestSpec[][] = usable.map((s) => {
    const session = sessions.get(s.username)!;
    return s.requests.map((r) => ({
      method: r.method,
      path: r.path,
      headers: {
        cookie: session.cookie,
        ...(r.method === 'POST' ? { 'x-csrf-token': session.csrf, 'content-type': 'application/json' } : {}),
      },
      ...(r.body !== undefined ? { body: JSON.stringify(r.body) } : {}),
    }));
  });
  let next = 0;
  const result = await new Promise<Result>((resolve, reject) => {
    autocannon(
      {
        url: baseUrl,
        connections,
        duration: seconds,
        timeout: 30,
        requests: specs[0],
        setupClient: (client) => client.setRequests(specs[next++ % specs.length]!),
      },
      (err, r) => (err ? reject(err) : resolve(r)),
    );
  });
  const statuses: Record<string, number> = {};
  for (const k of ['2xx', '3xx', '4xx', '5xx'] as const) if (result[k]) statuses[k] = result[k];
  if (result.timeouts) statuses.timeouts = result.timeouts;
  return {
    rps: result.requests.total / result.duration,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    errors: result.errors + result.non2xx,
    requests: result.requests.total,
    statuses,
  };
}

/** Probes /health/live every 100 ms while `fn` runs (is the app still answering during a heavy run?). */
export async function probeLiveness<T>(
  baseUrl: string,
  fn: () => Promise<T>,
): Promise<{ result: T; probes: number; failures: number; maxMs: number }> {
  let stop = false;
  let probes = 0;
  let failures = 0;
  let maxMs = 0;
  const loop = (async () => {
    while (!stop) {
      const t0 = performance.now();
      try {
        const r = await fetch(`${baseUrl}/health/live`, { signal: AbortSignal.timeout(2000) });
        if (!r.ok) failures++;
      } catch {
        failures++;
      }
      probes++;
      maxMs = Math.max(maxMs, performance.now() - t0);
      await new Promise((r) => setTimeout(r, 100));
    }
  })();
  try {
    const result = await fn();
    return { result, probes, failures, maxMs };
  } finally {
    stop = true;
    await loop;
  }
}
