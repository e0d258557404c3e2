import { sql } from 'kysely';
import type { Database, Tx } from '../../platform/database/database';

/**
 * Sealing the access log after commit (migration 0039, ADR 0045). Requests write unsealed rows in their own
 * transaction; the database function `access_log_seal_pending` puts committed rows into the municipality's hash
 * chain, one sealer per municipality at a time (it locks the chain head row), only rows below the transaction-id
 * horizon, in (xid, id) order. This module runs it: from the job queue, and on demand before every verification.
 */

/** Rows sealed per call (one short transaction each). */
const SEAL_BATCH = 5000;

/** Unsealed rows older than this are a warning: the sealer is not running, or a long writing transaction holds it up. */
export const UNSEALED_WARNING_MS = 60_000;

/**
 * Seals what can be sealed of one municipality's log inside the caller's transaction (e.g. a request of the privacy
 * officer, as the tenant). Returns the rows sealed. Rows of the caller's own transaction stay unsealed until it
 * commits; the next sealer takes them.
 */
export async function sealPendingIn(tx: Tx, tenantId: string, limit = SEAL_BATCH): Promise<number> {
  const r = await sql<{ n: number }>`select access_log_seal_pending(${tenantId}::uuid, ${limit}) as n`.execute(tx);
  return r.rows[0]?.n ?? 0;
}

/** Seals one municipality's committed rows, in batches of short transactions, as the database owner. */
export async function sealTenant(db: Database, tenantId: string): Promise<number> {
  let total = 0;
  for (;;) {
    const n = await db.inSystem((tx) => sealPendingIn(tx, tenantId));
    total += n;
    if (n < SEAL_BATCH) return total;
  }
}

/** Seals every municipality that has unsealed rows. The job queue's sealer runs this every few seconds. */
export async function sealAllTenants(db: Database): Promise<{ sealed: number; tenants: number }> {
  const tenants = await db.inSystem((tx) =>
    tx
      .selectFrom('tenant')
      .select('id')
      .where((eb) =>
        eb.exists(
          eb
            .selectFrom('access_log')
            .select('id')
            .whereRef('access_log.tenant_id', '=', 'tenant.id')
            .where('access_log.seq', 'is', null),
        ),
      )
      .execute(),
  );
  let sealed = 0;
  for (const t of tenants) sealed += await sealTenant(db, t.id);
  return { sealed, tenants: tenants.length };
}

/**
 * The job queue's sealer: seals every municipality, then again every `everyMs`, until `untilMs` has passed or the
 * signal stops it (graceful shutdown). The job is scheduled every minute, so rows are sealed within seconds.
 */
export async function runSealer(
  db: Database,
  options: { untilMs: number; everyMs: number; signal?: AbortSignal },
): Promise<{ sealed: number; rounds: number }> {
  const end = Date.now() + options.untilMs;
  let sealed = 0;
  let rounds = 0;
  for (;;) {
    sealed += (await sealAllTenants(db)).sealed;
    rounds++;
    if (options.signal?.aborted || Date.now() + options.everyMs > end) return { sealed, rounds };
    await new Promise<void>((resolve) => {
      const timer = setTimeout(done, options.everyMs);
      function done() {
        clearTimeout(timer);
        options.signal?.removeEventListener('abort', done);
        resolve();
      }
      options.signal?.addEventListener('abort', done, { once: true });
    });
    if (options.signal?.aborted) return { sealed, rounds };
  }
}

export interface UnsealedStatus {
  /** Rows written and committed (or still being written) that are not in the chain yet. */
  unsealed: number;
  /** Of those, rows older than a minute. */
  stale: number;
  oldestAt: Date | null;
}

/** Unsealed rows of one municipality (as the tenant or the owner), or of all (as the owner: `tenantId` null). */
export async function unsealedStatus(tx: Tx, tenantId: string | null, now: Date = new Date()): Promise<UnsealedStatus> {
  const staleBefore = new Date(now.getTime() - UNSEALED_WARNING_MS);
  const r = await sql<{ unsealed: number; stale: number; oldest_at: Date | null }>`
    select count(*)::int as unsealed, (count(*) filter (where at < ${staleBefore}))::int as stale, min(at) as oldest_at
    from access_log
    where seq is null ${tenantId ? sql`and tenant_id = ${tenantId}` : sql``}`.execute(tx);
  const row = r.rows[0];
  return { unsealed: row?.unsealed ?? 0, stale: row?.stale ?? 0, oldestAt: row?.oldest_at ?? null };
}
