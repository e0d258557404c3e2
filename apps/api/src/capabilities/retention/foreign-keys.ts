import { sql } from 'kysely';
import type { Tx } from '../../platform/database/database';

/** One single-column foreign key, read from the database catalogue (the migrations are the source of truth). */
export interface ForeignKey {
  child: string;
  column: string;
  parent: string;
  parentColumn: string;
  nullable: boolean;
  /** a = no action, r = restrict, c = cascade, n = set null, d = set default */
  onDelete: 'a' | 'r' | 'c' | 'n' | 'd';
}

export type Row = Record<string, unknown>;

let cached: Promise<ForeignKey[]> | undefined;

/**
 * The foreign keys of the schema. Destruction and the inspection copy follow them, so a table added by a later
 * migration that refers to a case file, referral, household or person is destroyed and copied with it
 * without changes here.
 */
export function foreignKeys(tx: Tx): Promise<ForeignKey[]> {
  cached ??= sql<ForeignKey>`
      select c.conrelid::regclass::text as child, a.attname as "column", c.confrelid::regclass::text as parent,
             pa.attname as "parentColumn", not a.attnotnull as nullable, c.confdeltype as "onDelete"
      from pg_constraint c
      join pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1]
      join pg_attribute pa on pa.attrelid = c.confrelid and pa.attnum = c.confkey[1]
      where c.contype = 'f' and cardinality(c.conkey) = 1 and c.connamespace = 'public'::regnamespace
      order by 1, 2`
    .execute(tx)
    .then((r) => r.rows)
    .catch((err: unknown) => {
      cached = undefined;
      throw err;
    });
  return cached;
}

/**
 * References that are cut instead of followed when the referred row is destroyed: the desk's tally of simple
 * questions and signals to policy hold no personal data and stay (counted, without the link).
 */
export const DETACHED_REFERENCES = new Set(['host_question.referral_id', 'policy_signal.case_id']);

async function distinctValues(
  tx: Tx,
  table: string,
  select: string,
  where: string,
  values: readonly string[],
): Promise<string[]> {
  const r = await sql<{
    v: string;
  }>`select distinct ${sql.ref(select)}::text as v from ${sql.table(table)} where ${sql.ref(where)} = any(${values}) and ${sql.ref(select)} is not null`.execute(
    tx,
  );
  return r.rows.map((x) => x.v);
}

/**
 * Deletes the rows of `table` whose `column` is one of `values`, after first deleting (depth first) every row
 * that refers to them — so the foreign keys never stand in the way and nothing that belongs to the destroyed
 * rows stays behind. Runs in the caller's transaction as the request role, so row-level security keeps it
 * inside the municipality. Counts the deleted rows per table.
 */
export async function destroyWhere(
  tx: Tx,
  fks: readonly ForeignKey[],
  table: string,
  column: string,
  values: readonly string[],
  counts: Record<string, number>,
  depth = 0,
): Promise<void> {
  if (values.length === 0) return;
  if (depth > 40) throw new Error(`foreign-key walk too deep at ${table}`);
  for (const fk of fks) {
    if (fk.parent !== table || fk.child === table || fk.onDelete === 'n' || fk.onDelete === 'd') continue;
    const referred =
      fk.parentColumn === column ? [...values] : await distinctValues(tx, table, fk.parentColumn, column, values);
    if (referred.length === 0) continue;
    if (DETACHED_REFERENCES.has(`${fk.child}.${fk.column}`)) {
      await sql`update ${sql.table(fk.child)} set ${sql.ref(fk.column)} = null where ${sql.ref(fk.column)} = any(${referred})`.execute(
        tx,
      );
      continue;
    }
    await destroyWhere(tx, fks, fk.child, fk.column, referred, counts, depth + 1);
  }
  const r = await sql`delete from ${sql.table(table)} where ${sql.ref(column)} = any(${values})`.execute(tx);
  const n = Number(r.numAffectedRows ?? 0n);
  if (n > 0) counts[table] = (counts[table] ?? 0) + n;
}

/**
 * Whether anything still refers to the row `table.id = id`, other than through the tables in `except`.
 * References the database clears or cascades itself do not count.
 */
export async function isReferenced(
  tx: Tx,
  fks: readonly ForeignKey[],
  table: string,
  id: string,
  except: ReadonlySet<string> = new Set(),
): Promise<boolean> {
  for (const fk of fks) {
    if (
      fk.parent !== table ||
      fk.parentColumn !== 'id' ||
      except.has(fk.child) ||
      fk.onDelete === 'n' ||
      fk.onDelete === 'd' ||
      fk.onDelete === 'c'
    )
      continue;
    if (DETACHED_REFERENCES.has(`${fk.child}.${fk.column}`)) continue;
    const r = await sql<{
      found: boolean;
    }>`select exists (select 1 from ${sql.table(fk.child)} where ${sql.ref(fk.column)} = ${id}) as found`.execute(tx);
    if (r.rows[0]?.found) return true;
  }
  return false;
}

export interface CollectOptions {
  /** Tables whose rows (and everything below them) are not collected. */
  stopAt: ReadonlySet<string>;
  /** Rows left out (with everything below them); `category` names why, for the count of what was withheld. */
  leaveOut?: (table: string, row: Row) => string | null;
}

/**
 * Collects (depth first, following the foreign keys downwards) the rows of `table` whose `column` is one of
 * `values` and every row that belongs to them: the generic half of the inspection copy, complete for tables added
 * later. Rows are plain JSON (to_jsonb), keyed per table by their id (or the whole row when there is none).
 */
export async function collectRows(
  tx: Tx,
  fks: readonly ForeignKey[],
  table: string,
  column: string,
  values: readonly string[],
  out: Map<string, Map<string, Row>>,
  options: CollectOptions,
  withheld: Record<string, number>,
  depth = 0,
): Promise<void> {
  if (values.length === 0 || options.stopAt.has(table)) return;
  if (depth > 40) throw new Error(`foreign-key walk too deep at ${table}`);
  const r = await sql<{
    row: Row;
  }>`select to_jsonb(t) as row from ${sql.table(table)} t where ${sql.ref(`t.${column}`)} = any(${values})`.execute(tx);
  const seen = out.get(table) ?? new Map<string, Row>();
  const fresh: Row[] = [];
  for (const { row } of r.rows) {
    const key = typeof row.id === 'string' ? row.id : JSON.stringify(row);
    if (seen.has(key)) continue;
    const why = options.leaveOut?.(table, row) ?? null;
    if (why) {
      withheld[why] = (withheld[why] ?? 0) + 1;
      continue;
    }
    seen.set(key, row);
    fresh.push(row);
  }
  if (seen.size > 0) out.set(table, seen);
  for (const fk of fks) {
    if (fk.parent !== table || fk.child === table) continue;
    const childValues = [
      ...new Set(fresh.map((row) => row[fk.parentColumn]).filter((v): v is string => typeof v === 'string')),
    ];
    await collectRows(tx, fks, fk.child, fk.column, childValues, out, options, withheld, depth + 1);
  }
}

let binary: Promise<Set<string>> | undefined;
/** "table.column" of every bytea column (attachments, letters): copied as base64. */
export function binaryColumns(tx: Tx): Promise<Set<string>> {
  binary ??= sql<{
    k: string;
  }>`select table_name || '.' || column_name as k from information_schema.columns where table_schema = 'public' and data_type = 'bytea'`
    .execute(tx)
    .then((r) => new Set(r.rows.map((x) => x.k)))
    .catch((err: unknown) => {
      binary = undefined;
      throw err;
    });
  return binary;
}
