import { Kysely, PostgresDialect, sql, type PostgresPool, type PostgresPoolClient, type Transaction } from 'kysely';
import pg from 'pg';
import { databaseAcquireFailures, databaseAcquireSeconds } from '../metrics';
import type { DB } from './schema';

// DATE stays an ISO string (no time-zone shifts); bigint (counts, ids) becomes a number.
pg.types.setTypeParser(pg.types.builtins.DATE, (v) => v);
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));

export type Tx = Transaction<DB>;

export interface Database {
  kysely: Kysely<DB>;
  pool: pg.Pool;
  /**
   * Runs `fn` in one transaction as the restricted role `nabij_app`, with row-level security bound to
   * `tenantId`. Every read or write of case data and every access-log row goes through here. When the
   * transaction loses a race on an idempotency key, `fn` runs once more (see retryOnIdempotencyRace).
   */
  inTenant<T>(tenantId: string, fn: (tx: Tx) => Promise<T>): Promise<T>;
  /** Runs `fn` in one transaction as the owner: for login, sessions, migrations, seeding. No case data. */
  inSystem<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
  /** True when a trivial query answers within the timeout. */
  isReady(timeoutMs?: number): Promise<boolean>;
  close(): Promise<void>;
}

/** Limits that keep a request from waiting on an unreachable database (see docs/reliability.md). */
export interface DatabaseOptions {
  /** Longest wait for a connection: a new one, or a free one from a full pool. */
  connectionTimeoutMs?: number;
  /** Longest a query of the request path (Kysely) may take; then the request fails with 503. */
  queryTimeoutMs?: number;
  /** The pool's name in the metrics (`app` for requests, `jobs` for the background jobs' own pool). */
  metricsName?: string;
}

export const DEFAULT_CONNECTION_TIMEOUT_MS = 3_000;
export const DEFAULT_QUERY_TIMEOUT_MS = 10_000;

export function createDatabase(url: string, poolSize: number, options: DatabaseOptions = {}): Database {
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize,
    connectionTimeoutMillis: options.connectionTimeoutMs ?? DEFAULT_CONNECTION_TIMEOUT_MS,
    idleTimeoutMillis: 30_000,
    // Migrations and other direct pool use; the request path has its own, shorter limit (guardedPool).
    query_timeout: 60_000,
    keepAlive: true,
  });
  // An idle client losing its connection (server restart) must not crash the process.
  pool.on('error', () => undefined);
  const kysely = new Kysely<DB>({
    dialect: new PostgresDialect({
      pool: guardedPool(pool, options.queryTimeoutMs ?? DEFAULT_QUERY_TIMEOUT_MS, options.metricsName ?? 'app'),
    }),
  });

  return {
    kysely,
    pool,
    inTenant(tenantId, fn) {
      return retryOnIdempotencyRace(() =>
        kysely.transaction().execute(async (tx) => {
          await sql`select set_config('role', 'nabij_app', true), set_config('app.tenant_id', ${tenantId}, true)`.execute(
            tx,
          );
          return fn(tx);
        }),
      );
    },
    inSystem(fn) {
      return retryOnIdempotencyRace(() => kysely.transaction().execute(fn));
    },
    async isReady(timeoutMs = 2_000) {
      let timer: NodeJS.Timeout | undefined;
      // The probe runs on a guarded connection, so a probe during an outage never leaves a stuck client behind.
      const probe = (async () => {
        const client = await guardedPool(pool, timeoutMs).connect();
        try {
          await client.query('select 1', []);
          return true;
        } finally {
          client.release();
        }
      })().catch(() => false);
      try {
        return await Promise.race([
          probe,
          new Promise<boolean>((resolve) => {
            timer = setTimeout(() => resolve(false), timeoutMs);
          }),
        ]);
      } finally {
        clearTimeout(timer);
      }
    },
    async close() {
      await kysely.destroy();
    },
  };
}

/** A unique constraint refused the row (PostgreSQL 23505). */
export function isUniqueViolation(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: string }).code === '23505';
}

/**
 * Idempotent creation under concurrency: two requests with the same idempotency key (a double click, a
 * client retry while the first is still running) both find no row and both insert; the unique constraint on
 * the key refuses the second. Its transaction has rolled back, so it runs once more — and now finds the
 * first one's row and answers with it, as if it had come second. Only for constraints on an
 * `idempotency_key` column; a transaction function must therefore do nothing outside the database.
 */
async function retryOnIdempotencyRace<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if (isUniqueViolation(err) && /idempotency_key/.test((err as { constraint?: string }).constraint ?? ''))
      return run();
    throw err;
  }
}

/**
 * The pool as Kysely sees it. Every connection a request takes out gets a time limit per query and a
 * listener for connection errors (without one, a connection lost while a request holds it would crash the
 * process). Once its connection has failed or a query timed out, it refuses further queries at once — so
 * the ROLLBACK after the failure does not wait for another timeout — and it is discarded on release instead
 * of going back to the pool.
 */
function guardedPool(pool: pg.Pool, queryTimeoutMs: number, metricsName?: string): PostgresPool {
  return {
    async connect(): Promise<PostgresPoolClient> {
      const started = performance.now();
      let client: pg.PoolClient;
      try {
        client = await pool.connect();
      } catch (err) {
        if (metricsName) databaseAcquireFailures.inc({ pool: metricsName });
        throw err;
      }
      if (metricsName) databaseAcquireSeconds.observe({ pool: metricsName }, (performance.now() - started) / 1000);
      let broken: Error | undefined;
      const onError = (err: Error) => {
        broken ??= err;
      };
      client.on('error', onError);
      const guarded = {
        async query(text: string, values: ReadonlyArray<unknown>) {
          if (broken) throw broken;
          try {
            // `query_timeout` per query is supported by pg but missing from its types.
            return await client.query({ text, values: [...values], query_timeout: queryTimeoutMs } as pg.QueryConfig);
          } catch (err) {
            if (isConnectionError(err)) broken ??= err as Error;
            throw err;
          }
        },
        release() {
          client.removeListener('error', onError);
          client.release(broken);
        },
      };
      return guarded as unknown as PostgresPoolClient;
    },
    end: () => pool.end(),
  };
}

const CONNECTION_ERROR_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN']);

/** Whether an error means the database cannot be reached (as opposed to a bad query). */
export function isConnectionError(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  const code = (err as { code?: string }).code;
  if (
    code &&
    (CONNECTION_ERROR_CODES.has(code) ||
      code.startsWith('08') ||
      code === '57P01' ||
      code === '57P02' ||
      code === '57P03')
  ) {
    return true;
  }
  return /Connection terminated|connection timeout|timeout exceeded when trying to connect|Client has encountered a connection error|Connection is closed|Query read timeout/i.test(
    err.message,
  );
}
