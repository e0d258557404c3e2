import type { FastifyInstance } from 'fastify';
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

/**
 * Prometheus metrics on `/metrics` (docs/operations.md): process defaults, request counts and durations per route
 * (never per URL), logins, the job queue, the database pool. No metric carries personal data or a tenant.
 *
 * What the platform counts as it happens (a connection taken from the pool, a job run) lives in process-wide metrics
 * below, registered in no registry of their own; every app's registry adds them (one app per process outside tests).
 */

/** How long a request waited for a database connection: a free one from the pool, or a new one. */
export const databaseAcquireSeconds = new Histogram({
  name: 'nabij_database_connection_acquire_seconds',
  help: 'Time to get a database connection from the pool (waiting for a free one, or connecting)',
  labelNames: ['pool'] as const,
  buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
  registers: [],
});
/** Getting a connection failed (timeout while the pool was full, or the database unreachable). */
export const databaseAcquireFailures = new Counter({
  name: 'nabij_database_connection_acquire_failures_total',
  help: 'Attempts to get a database connection that failed (pool exhausted past the timeout, or database unreachable)',
  labelNames: ['pool'] as const,
  registers: [],
});
/** Background job runs of this instance, by queue and outcome (a failed run may be retried). */
export const jobRuns = new Counter({
  name: 'nabij_job_runs_total',
  help: 'Background job runs by this instance, by queue and outcome (completed or failed; a failed run may be retried)',
  labelNames: ['queue', 'outcome'] as const,
  registers: [],
});

const loginAttempts = new Counter({
  name: 'nabij_login_attempts_total',
  help: 'Login steps answered, by who (staff or resident), method and outcome (success, failure, rate_limited, error)',
  labelNames: ['who', 'method', 'outcome'] as const,
  registers: [],
});

/**
 * The login steps, by route. A password step that succeeds may still need the second factor; each step counts on its
 * own. The identity-provider callbacks answer with a redirect: to the login page with `fout=` when the login failed.
 */
const LOGIN_ROUTES: Readonly<Record<string, { who: 'staff' | 'resident'; method: string }>> = {
  'POST /api/auth/login': { who: 'staff', method: 'password' },
  'POST /api/auth/totp': { who: 'staff', method: 'second_factor' },
  'POST /api/auth/recovery': { who: 'staff', method: 'recovery_code' },
  'GET /api/auth/oidc/callback': { who: 'staff', method: 'oidc' },
  'POST /api/resident/login/verify': { who: 'resident', method: 'email_code' },
  'GET /api/resident/digid/callback': { who: 'resident', method: 'digid' },
};

function loginOutcome(status: number, location: unknown): string {
  if (status >= 500) return 'error';
  if (status === 429) return 'rate_limited';
  if (status >= 400) return 'failure';
  if (status >= 300 && typeof location === 'string' && /[?&]fout=/.test(location)) return 'failure';
  return 'success';
}

/** What the metrics read from the database at scrape time (given by the app; the platform imports no capability). */
export interface MetricSources {
  /** The request path's pool (node-postgres; also in front of the embedded database's socket). */
  pool: { totalCount: number; idleCount: number; waitingCount: number; options: { max?: number } };
  /** `embedded` (PGlite in a child process, one connection at a time inside) or `server`. */
  databaseMode: 'embedded' | 'server';
}

export function createMetrics(sources?: MetricSources) {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'nabij_' });
  registry.registerMetric(databaseAcquireSeconds);
  registry.registerMetric(databaseAcquireFailures);
  registry.registerMetric(jobRuns);
  registry.registerMetric(loginAttempts);
  const duration = new Histogram({
    name: 'nabij_http_request_duration_seconds',
    help: 'Duration of HTTP requests',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  const dbUnavailable = new Counter({
    name: 'nabij_database_unavailable_total',
    help: 'Requests answered 503 because the database could not be reached',
    registers: [registry],
  });
  if (sources) {
    const { pool } = sources;
    new Gauge({
      name: 'nabij_database_pool_connections',
      help: 'Connections of the request pool: total (open), idle, and the pool maximum',
      labelNames: ['state'] as const,
      registers: [registry],
      collect() {
        this.set({ state: 'total' }, pool.totalCount);
        this.set({ state: 'idle' }, pool.idleCount);
        this.set({ state: 'in_use' }, pool.totalCount - pool.idleCount);
        this.set({ state: 'max' }, pool.options.max ?? 0);
      },
    });
    new Gauge({
      name: 'nabij_database_pool_waiting_requests',
      help: 'Requests waiting for a free connection of the request pool',
      registers: [registry],
      collect() {
        this.set(pool.waitingCount);
      },
    });
    new Gauge({
      name: 'nabij_database_info',
      help: 'The kind of database: embedded (PGlite, statements run one at a time) or server (PostgreSQL)',
      labelNames: ['mode'] as const,
      registers: [registry],
    }).set({ mode: sources.databaseMode }, 1);
  }
  return {
    registry,
    instrument(app: FastifyInstance) {
      app.addHook('onResponse', async (request, reply) => {
        const route = request.routeOptions.url ?? 'unmatched';
        duration.observe({ method: request.method, route, status: String(reply.statusCode) }, reply.elapsedTime / 1000);
        if (reply.statusCode === 503) dbUnavailable.inc();
        const login = LOGIN_ROUTES[`${request.method} ${route}`];
        if (login)
          loginAttempts.inc({ ...login, outcome: loginOutcome(reply.statusCode, reply.getHeader('location')) });
      });
    },
  };
}
export type Metrics = ReturnType<typeof createMetrics>;
