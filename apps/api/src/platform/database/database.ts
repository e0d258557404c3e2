import { Kysely, PostgresDialect, sql, type Transaction } from 'kysely';
import pg from 'pg';
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
   * `tenantId`. Every read or write of case data and every access-log row goes through here.
   */
  inTenant<T>(tenantId: string, fn: (tx: Tx) => Promise<T>): Promise<T>;
  /** Runs `fn` in one transaction as the owner: for login, sessions, migrations, seeding. No case data. */
  inSystem<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
  /** True when a trivial query answers within the timeout. */
  isReady(timeoutMs?: number): Promise<boolean>;
  close(): Promise<void>;
}

export function createDatabase(url: string, poolSize: number): Database {
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize,
    connectionTimeoutMillis: 3_000,
    idleTimeoutMillis: 30_000,
    query_timeout: 60_000,
  });
  // An idle client losing its connection (server restart) must not crash the process.
  pool.on('error', () => undefined);
  const kysely = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });

  return {
    kysely,
    pool,
    inTenant(tenantId, fn) {
      return kysely.transaction().execute(async (tx) => {
        await sql`select set_config('role', 'nabij_app', true), set_config('app.tenant_id', ${tenantId}, true)`.execute(tx);
        return fn(tx);
      });
    },
    inSystem(fn) {
      return kysely.transaction().execute(fn);
    },
    async isReady(timeoutMs = 2_000) {
      let timer: NodeJS.Timeout | undefined;
      try {
        const ok = await Promise.race([
          pool.query('select 1').then(() => true),
          new Promise<boolean>((resolve) => {
            timer = setTimeout(() => resolve(false), timeoutMs);
          }),
        ]);
        return ok;
      } catch {
        return false;
      } finally {
        clearTimeout(timer);
      }
    },
    async close() {
      await kysely.destroy();
    },
  };
}

const CONNECTION_ERROR_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN']);

/** Whether an error means the database cannot be reached (as opposed to a bad query). */
export function isConnectionError(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  const code = (err as { code?: string }).code;
  if (code && (CONNECTION_ERROR_CODES.has(code) || code.startsWith('08') || code === '57P01' || code === '57P02' || code === '57P03')) {
    return true;
  }
  return /Connection terminated|connection timeout|timeout exceeded when trying to connect|Client has encountered a connection error|Connection is closed/i.test(
    err.message,
  );
}
