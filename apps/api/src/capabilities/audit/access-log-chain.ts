import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Database, Tx } from '../../platform/database/database';
import { sealPendingIn, unsealedStatus } from './seal';

/**
 * Verification of the access log's hash chain (migration 0016, ADR 0016; sealed after commit since migration 0039,
 * ADR 0045). The sealer puts committed rows into the chain; this module first seals what can be sealed, then rebuilds the canonical text of each row independently and recomputes the chain, so a
 * change made behind the application's back (by someone who can switch the append-only trigger off) is
 * found. It only reports; it never repairs.
 */

export const GENESIS_HASH = '0'.repeat(64);
const VERSION = 'nabij-access-log-v1';
const BATCH = 2000;

/** One access-log row as text, exactly as the trigger's canonical form reads it. */
export interface ChainRow {
  seq: number;
  id: number;
  tenant_id: string;
  at: string;
  user_id: string | null;
  user_role: string | null;
  team_id: string | null;
  on_behalf_of: string | null;
  action: string;
  event: string;
  person_id: string | null;
  case_id: string | null;
  data_category: string;
  legal_basis: string | null;
  outcome: string;
  ip: string | null;
  user_agent: string | null;
  emergency: string;
  detail: string | null;
  prev_hash: string;
  hash: string;
}

const escape = (v: string | null): string => (v === null ? '\\N' : v.replace(/\\/g, '\\\\').replace(/\|/g, '\\|'));

/** The canonical text of a row after `prev` (version 1): fields escaped and joined by `|`. */
export function canonicalText(r: Omit<ChainRow, 'seq' | 'prev_hash' | 'hash'>, prev: string): string {
  return [
    VERSION,
    prev,
    String(r.id),
    r.tenant_id,
    r.at,
    r.user_id,
    r.user_role,
    r.team_id,
    r.on_behalf_of,
    r.action,
    r.event,
    r.person_id,
    r.case_id,
    r.data_category,
    r.legal_basis,
    r.outcome,
    r.ip,
    r.user_agent,
    r.emergency,
    r.detail,
  ]
    .map(escape)
    .join('|');
}

export function rowHash(r: Omit<ChainRow, 'seq' | 'prev_hash' | 'hash'>, prev: string): string {
  return createHash('sha256').update(canonicalText(r, prev), 'utf8').digest('hex');
}

export type ChainProblemKind = 'altered' | 'deleted' | 'reordered' | 'inserted' | 'rewritten';

export interface ChainProblem {
  kind: ChainProblemKind;
  /** Position in the chain where the problem shows (the first row that does not fit). */
  seq: number;
  /** Database id of that row; null when the missing rows are at the end of the chain. */
  rowId: number | null;
  /** Plain explanation in Dutch, for the command line and the privacy officer. */
  message: string;
}

export interface ChainReport {
  tenantId: string;
  /** Rows checked. */
  checked: number;
  /** The chain head at the start of the check: rows up to here were verified. */
  headSeq: number;
  headHash: string;
  problem: ChainProblem | null;
  /** Rows not in the chain yet after sealing (their transaction, or an older one, was still running). */
  unsealed: number;
  /** Of those, rows older than a minute: the sealer is behind. */
  staleUnsealed: number;
}

async function readBatch(tx: Tx, tenantId: string, afterSeq: number, upToSeq: number): Promise<ChainRow[]> {
  const r = await sql<ChainRow>`
    select seq, id, tenant_id::text as tenant_id,
           to_char(at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as at,
           user_id::text as user_id, user_role, team_id::text as team_id, on_behalf_of::text as on_behalf_of,
           action, event, person_id::text as person_id, case_id::text as case_id, data_category, legal_basis, outcome,
           ip, user_agent, emergency::text as emergency, detail::text as detail, prev_hash, hash
    from access_log
    where tenant_id = ${tenantId} and seq > ${afterSeq} and seq <= ${upToSeq}
    order by seq
    limit ${BATCH}`.execute(tx);
  return r.rows;
}

async function seqOfHash(tx: Tx, tenantId: string, hash: string): Promise<number | null> {
  const r = await sql<{
    seq: number;
  }>`select seq from access_log where tenant_id = ${tenantId} and hash = ${hash} order by seq limit 1`.execute(tx);
  return r.rows[0]?.seq ?? null;
}

/** How to run a short read transaction: as the owner (command line) or as the tenant (privacy officer). */
export type ReadRunner = <T>(fn: (tx: Tx) => Promise<T>) => Promise<T>;

/**
 * Walks one municipality's chain from the first row up to the head as it was when the check started, in
 * batches of short read transactions (so writers are never held up), and stops at the first problem:
 * - altered: the row's content no longer gives its stored hash;
 * - deleted: a position is missing, or the row's predecessor is no longer in the chain, or the newest rows are gone;
 * - reordered: the row's predecessor comes later in the chain;
 * - inserted: the row's predecessor comes earlier in the chain (rows were put in between).
 */
export async function verifyTenantChain(
  run: ReadRunner,
  tenantId: string,
  options: { seal?: boolean } = {},
): Promise<ChainReport> {
  // On demand: committed rows are sealed first, so the check covers everything that can be sealed now.
  if (options.seal !== false) while ((await run((tx) => sealPendingIn(tx, tenantId))) > 0);
  const head = await run((tx) =>
    tx
      .selectFrom('access_log_chain')
      .select(['last_seq', 'last_hash'])
      .where('tenant_id', '=', tenantId)
      .executeTakeFirst(),
  );
  const headSeq = head?.last_seq ?? 0;
  const headHash = head?.last_hash ?? GENESIS_HASH;
  const pending = await run((tx) => unsealedStatus(tx, tenantId));
  const report = (checked: number, problem: ChainProblem | null): ChainReport => ({
    tenantId,
    checked,
    headSeq,
    headHash,
    problem,
    unsealed: pending.unsealed,
    staleUnsealed: pending.stale,
  });

  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  let checked = 0;
  for (;;) {
    const rows = await run((tx) => readBatch(tx, tenantId, expectedSeq - 1, headSeq));
    // A row with a seq below what we expect cannot come back from this query; a gap shows as a larger seq.
    for (const row of rows) {
      if (rowHash(row, row.prev_hash) !== row.hash) {
        return report(checked, {
          kind: 'altered',
          seq: row.seq,
          rowId: row.id,
          message: `Rij ${row.seq} (id ${row.id}) is gewijzigd: de inhoud past niet meer bij de vastgelegde hash.`,
        });
      }
      if (row.seq !== expectedSeq) {
        return report(checked, {
          kind: 'deleted',
          seq: expectedSeq,
          rowId: row.id,
          message: `Rij ${expectedSeq}${row.seq - 1 > expectedSeq ? ` tot en met ${row.seq - 1}` : ''} ontbreekt: verwijderd vóór rij ${row.seq} (id ${row.id}).`,
        });
      }
      if (row.prev_hash !== prevHash) {
        const at = await run((tx) => seqOfHash(tx, tenantId, row.prev_hash));
        if (at !== null && at > row.seq) {
          return report(checked, {
            kind: 'reordered',
            seq: row.seq,
            rowId: row.id,
            message: `Rij ${row.seq} (id ${row.id}) staat op de verkeerde plaats: de volgorde van het logboek is veranderd.`,
          });
        }
        if (at !== null) {
          return report(checked, {
            kind: 'inserted',
            seq: row.seq,
            rowId: row.id,
            message: `Vóór rij ${row.seq} (id ${row.id}) zijn rijen tussengevoegd die niet in de keten horen.`,
          });
        }
        return report(checked, {
          kind: 'deleted',
          seq: row.seq,
          rowId: row.id,
          message: `Vóór rij ${row.seq} (id ${row.id}) ontbreekt een rij, of de rij ervoor is gewijzigd: de keten is onderbroken.`,
        });
      }
      prevHash = row.hash;
      expectedSeq = row.seq + 1;
      checked++;
    }
    if (rows.length < BATCH) break;
  }
  if (expectedSeq - 1 !== headSeq || prevHash !== headHash) {
    return report(checked, {
      kind: 'deleted',
      seq: expectedSeq,
      rowId: null,
      message: `De nieuwste rijen ontbreken: het logboek eindigt bij rij ${expectedSeq - 1}, maar de keten telt ${headSeq} rijen.`,
    });
  }
  // The chain heads published outside the database (ADR 0045) must still be in the chain: a chain that was
  // recomputed after a change (by someone who could also rewrite the head row) no longer contains them.
  const anchors = await run((tx) =>
    tx
      .selectFrom('access_log_anchor as a')
      .leftJoin('access_log as l', (j) => j.onRef('l.tenant_id', '=', 'a.tenant_id').onRef('l.seq', '=', 'a.seq'))
      .select(['a.day', 'a.seq', 'a.hash', 'l.hash as row_hash', 'l.id as row_id'])
      .where('a.tenant_id', '=', tenantId)
      .where('a.seq', '<=', headSeq)
      .orderBy('a.day')
      .execute(),
  );
  for (const a of anchors) {
    if (a.row_hash !== a.hash) {
      return report(checked, {
        kind: 'rewritten',
        seq: a.seq,
        rowId: a.row_id ?? null,
        message: `Rij ${a.seq} past niet bij de ketenkop die op ${a.day} buiten de database is gepubliceerd: het logboek is herschreven.`,
      });
    }
  }
  return report(checked, null);
}

/** Verifies every municipality's chain as the database owner (the `npm run audit:verify` command). */
export async function verifyAllChains(db: Database): Promise<ChainReport[]> {
  const run: ReadRunner = (fn) => db.inSystem(fn);
  const tenants = await db.inSystem((tx) =>
    tx
      .selectFrom('tenant')
      .select('id')
      .where((eb) =>
        eb.or([
          eb.exists(eb.selectFrom('access_log').select('id').whereRef('access_log.tenant_id', '=', 'tenant.id')),
          eb.exists(
            eb
              .selectFrom('access_log_chain')
              .select('tenant_id')
              .whereRef('access_log_chain.tenant_id', '=', 'tenant.id'),
          ),
        ]),
      )
      .orderBy('slug')
      .execute(),
  );
  const reports: ChainReport[] = [];
  for (const t of tenants) reports.push(await verifyTenantChain(run, t.id));
  return reports;
}
