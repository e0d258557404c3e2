import { createHash } from 'node:crypto';
import { closeSync, createReadStream, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { createInterface } from 'node:readline';
import type pg from 'pg';
import { migrate, migrationChecksum, migrationFiles } from './migrate';

/**
 * Logical backup and restore for both databases (ADR 0018): one plain-SQL file in PostgreSQL's own dump
 * format — `COPY … FROM stdin` blocks in COPY text format, as `pg_dump --data-only` writes them — so the
 * same file restores into the embedded PGlite (PostgreSQL 18) and into a PostgreSQL server (15 or newer),
 * either with `npm run db:restore` or with `psql -1 -v ON_ERROR_STOP=1 -f <file>` into a database migrated
 * to the migration level the header names. The schema is not in the file: it is the migrations'.
 *
 * Taken in one REPEATABLE READ transaction (one consistent snapshot, also while the app writes, on a server).
 * Every table of the `public` schema is included, except `schema_migration` (its content is the header);
 * the job queue's own schema (pg-boss) is not: it rebuilds itself at start.
 */

export const BACKUP_FORMAT = 'nabij-logical-backup-1';

export interface TableDigest {
  table: string;
  rows: number;
  sha256: string;
}

export interface BackupSummary {
  migrations: Array<{ name: string; checksum: string }>;
  tables: TableDigest[];
}

type Queryable = Pick<pg.PoolClient, 'query'>;

/** Every value as PostgreSQL's text output, exactly as COPY writes it: no parsing into JS types. */
const RAW_TEXT = { getTypeParser: () => (value: string) => value };

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** COPY text format: backslash, newline, carriage return and tab escaped; NULL as \N. */
export function copyEscape(value: string | null): string {
  if (value === null) return '\\N';
  return value.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/\r/g, '\\r').replace(/\t/g, '\\t');
}

/** Reads one field of a COPY text line back (the escapes PostgreSQL documents); `\N` alone is NULL. */
export function copyUnescape(field: string): string | null {
  if (field === '\\N') return null;
  if (!field.includes('\\')) return field;
  let out = '';
  for (let i = 0; i < field.length; i++) {
    const c = field[i]!;
    if (c !== '\\' || i === field.length - 1) {
      out += c;
      continue;
    }
    const next = field[++i]!;
    const simple: Record<string, string> = { b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\' };
    if (simple[next] !== undefined) out += simple[next];
    else if (/[0-7]/.test(next)) {
      const digits = /^[0-7]{1,3}/.exec(field.slice(i))![0];
      out += String.fromCharCode(parseInt(digits, 8));
      i += digits.length - 1;
    } else if (next === 'x' && /^[0-9a-fA-F]/.test(field[i + 1] ?? '')) {
      const digits = /^[0-9a-fA-F]{1,2}/.exec(field.slice(i + 1))![0];
      out += String.fromCharCode(parseInt(digits, 16));
      i += digits.length;
    } else out += next;
  }
  return out;
}

interface TableInfo {
  name: string;
  qualified: string;
  columns: Array<{ name: string; type: string }>;
  orderBy: string;
  hasIdentity: boolean;
}

async function tablesOf(db: Queryable): Promise<TableInfo[]> {
  const tables = await db.query<{ relname: string }>(
    `select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
     where n.nspname = 'public' and c.relkind in ('r', 'p') and c.relname <> 'schema_migration' order by c.relname`,
  );
  const result: TableInfo[] = [];
  for (const { relname } of tables.rows) {
    const qualified = `public.${quoteIdent(relname)}`;
    const columns = await db.query<{ attname: string; type: string; attidentity: string }>(
      `select a.attname, format_type(a.atttypid, a.atttypmod) as type, a.attidentity from pg_attribute a
       where a.attrelid = $1::regclass and a.attnum > 0 and not a.attisdropped and a.attgenerated = '' order by a.attnum`,
      [qualified],
    );
    const pk = await db.query<{ attname: string }>(
      `select a.attname from pg_index i join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any(i.indkey)
       where i.indrelid = $1::regclass and i.indisprimary order by array_position(i.indkey::int2[], a.attnum)`,
      [qualified],
    );
    result.push({
      name: relname,
      qualified,
      columns: columns.rows.map((c) => ({ name: c.attname, type: c.type })),
      orderBy: pk.rows.length ? pk.rows.map((c) => quoteIdent(c.attname)).join(', ') : `${quoteIdent(relname)}::text`,
      hasIdentity: columns.rows.some((c) => c.attidentity !== ''),
    });
  }
  return result;
}

/** The rows of a table as COPY lines, in primary-key order, read through a cursor in batches. */
async function* copyLines(db: Queryable, table: TableInfo): AsyncGenerator<string> {
  const cols = table.columns.map((c) => quoteIdent(c.name)).join(', ');
  await db.query(
    `declare nabij_backup no scroll cursor for select ${cols} from ${table.qualified} order by ${table.orderBy}`,
  );
  try {
    for (;;) {
      const batch = await db.query<string[]>({
        text: 'fetch 500 from nabij_backup',
        rowMode: 'array',
        types: RAW_TEXT,
      });
      for (const row of batch.rows) yield row.map((v) => copyEscape(v)).join('\t');
      if (batch.rows.length < 500) break;
    }
  } finally {
    await db.query('close nabij_backup');
  }
}

/** Row count and SHA-256 of every table's COPY lines: what a backup holds, and what a restore must give. */
export async function digestTables(db: Queryable, tables?: TableInfo[]): Promise<TableDigest[]> {
  const digests: TableDigest[] = [];
  for (const table of tables ?? (await tablesOf(db))) {
    const hash = createHash('sha256');
    let rows = 0;
    for await (const line of copyLines(db, table)) {
      hash.update(`${line}\n`);
      rows++;
    }
    digests.push({ table: table.name, rows, sha256: hash.digest('hex') });
  }
  return digests;
}

/** The digests of every table of a database, in one consistent snapshot (to compare two databases). */
export async function digestDatabase(pool: pg.Pool): Promise<TableDigest[]> {
  const client = await pool.connect();
  try {
    await client.query('begin isolation level repeatable read read only');
    await client.query(
      "set local datestyle = 'ISO, YMD'; set local intervalstyle = 'postgres'; set local timezone = 'UTC'; set local extra_float_digits = 3; set local bytea_output = 'hex'",
    );
    const digests = await digestTables(client);
    await client.query('commit');
    return digests;
  } finally {
    client.release();
  }
}

async function appliedMigrations(db: Queryable): Promise<Array<{ name: string; checksum: string }>> {
  return (
    await db.query<{ name: string; checksum: string }>('select name, checksum from schema_migration order by name')
  ).rows;
}

/** Writes the backup through `write` (called with chunks of text, in order); returns what it holds. */
export async function writeBackup(
  pool: pg.Pool,
  write: (chunk: string) => Promise<void> | void,
  meta: { source: string; at: Date },
): Promise<BackupSummary> {
  const client = await pool.connect();
  try {
    await client.query('begin isolation level repeatable read read only');
    await client.query(
      "set local datestyle = 'ISO, YMD'; set local intervalstyle = 'postgres'; set local timezone = 'UTC'; set local extra_float_digits = 3; set local bytea_output = 'hex'",
    );
    const migrations = await appliedMigrations(client);
    const tables = await tablesOf(client);
    const fks = await client.query<{ tbl: string; conname: string; def: string }>(
      `select 'public.' || quote_ident(cl.relname) as tbl, con.conname, pg_get_constraintdef(con.oid) as def
       from pg_constraint con join pg_class cl on cl.oid = con.conrelid join pg_namespace n on n.oid = cl.relnamespace
       where n.nspname = 'public' and con.contype = 'f' order by cl.relname, con.conname`,
    );
    const triggered = await client.query<{ tbl: string }>(
      `select distinct 'public.' || quote_ident(c.relname) as tbl from pg_trigger t join pg_class c on c.oid = t.tgrelid
       join pg_namespace n on n.oid = c.relnamespace where n.nspname = 'public' and not t.tgisinternal order by 1`,
    );
    const sequences = await client.query<{ name: string; last_value: string | null }>(
      `select 'public.' || quote_ident(sequencename) as name, last_value::text from pg_sequences where schemaname = 'public' order by sequencename`,
    );

    await write(
      [
        `-- ${BACKUP_FORMAT}`,
        `-- Nabij backup of the ${meta.source} database, taken ${meta.at.toISOString()}.`,
        `-- Restore: npm run db:restore -- <this file>   (into an empty database; it is migrated to the level below first)`,
        `-- or: psql -1 -v ON_ERROR_STOP=1 -f <this file>, into a database migrated to exactly these migrations:`,
        ...migrations.map((m) => `-- migration ${m.name} ${m.checksum}`),
        '',
        "SET client_encoding = 'UTF8';",
        'SET standard_conforming_strings = on;',
        "SET datestyle = 'ISO, YMD';",
        "SET intervalstyle = 'postgres';",
        "SET timezone = 'UTC';",
        'SET extra_float_digits = 3;',
        "SET bytea_output = 'hex';",
        '',
        '-- Keys and triggers are off while the data is loaded (the access log keeps its sealed hashes as they are).',
        ...fks.rows.map((f) => `ALTER TABLE ${f.tbl} DROP CONSTRAINT ${quoteIdent(f.conname)};`),
        ...triggered.rows.map((t) => `ALTER TABLE ${t.tbl} DISABLE TRIGGER USER;`),
        '',
      ].join('\n') + '\n',
    );
    const digests: TableDigest[] = [];
    for (const table of tables) {
      await write(`COPY ${table.qualified} (${table.columns.map((c) => quoteIdent(c.name)).join(', ')}) FROM stdin;\n`);
      const hash = createHash('sha256');
      let rows = 0;
      let chunk = '';
      for await (const line of copyLines(client, table)) {
        chunk += `${line}\n`;
        hash.update(`${line}\n`);
        rows++;
        if (chunk.length > 1_000_000) {
          await write(chunk);
          chunk = '';
        }
      }
      await write(`${chunk}\\.\n\n`);
      digests.push({ table: table.name, rows, sha256: hash.digest('hex') });
    }
    await write(
      [
        ...sequences.rows.map((s) =>
          s.last_value === null
            ? `SELECT pg_catalog.setval('${s.name}', 1, false);`
            : `SELECT pg_catalog.setval('${s.name}', ${s.last_value}, true);`,
        ),
        '',
        ...fks.rows.map((f) => `ALTER TABLE ${f.tbl} ADD CONSTRAINT ${quoteIdent(f.conname)} ${f.def};`),
        ...triggered.rows.map((t) => `ALTER TABLE ${t.tbl} ENABLE TRIGGER USER;`),
        '',
        ...digests.map((d) => `-- table ${d.table} rows ${d.rows} sha256 ${d.sha256}`),
        `-- end of ${BACKUP_FORMAT}`,
        '',
      ].join('\n'),
    );
    await client.query('commit');
    return { migrations, tables: digests };
  } catch (err) {
    await client.query('rollback').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}

export class BackupFormatError extends Error {}

/** What a backup file's header and footer say, read without loading it. */
export async function readBackupHeader(file: string): Promise<BackupSummary & { complete: boolean }> {
  const migrations: Array<{ name: string; checksum: string }> = [];
  const tables: TableDigest[] = [];
  let format = false;
  let complete = false;
  const lines = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
  let inCopy = false;
  for await (const line of lines) {
    if (inCopy) {
      if (line === '\\.') inCopy = false;
      continue;
    }
    if (line.startsWith('COPY ')) inCopy = true;
    else if (line === `-- ${BACKUP_FORMAT}`) format = true;
    else if (line === `-- end of ${BACKUP_FORMAT}`) complete = true;
    else {
      const m = /^-- migration (\S+) ([0-9a-f]{64})$/.exec(line);
      if (m) migrations.push({ name: m[1]!, checksum: m[2]! });
      const d = /^-- table (\S+) rows (\d+) sha256 ([0-9a-f]{64})$/.exec(line);
      if (d) tables.push({ table: d[1]!, rows: Number(d[2]), sha256: d[3]! });
    }
  }
  if (!format) throw new BackupFormatError(`${file} is not a Nabij backup (${BACKUP_FORMAT}).`);
  return { migrations, tables, complete };
}

/** The statements a backup may contain outside its COPY blocks; anything else is refused (a file is not a script). */
const ALLOWED = [
  /^SET (client_encoding|standard_conforming_strings|datestyle|intervalstyle|timezone|extra_float_digits|bytea_output) = [^;]+;$/,
  /^ALTER TABLE public\.("[^"]+"|\w+) (DROP CONSTRAINT "[^"]+"|DISABLE TRIGGER USER|ENABLE TRIGGER USER);$/,
  /^ALTER TABLE public\.("[^"]+"|\w+) ADD CONSTRAINT "[^"]+" FOREIGN KEY .+;$/,
  /^SELECT pg_catalog\.setval\('public\.("[^"]+"|\w+)', \d+, (true|false)\);$/,
];

/**
 * Checks that the target can take the backup: the migrations the backup was made at must be known to this
 * version of Nabij, with the same content. Returns the last of them (migrate the target up to it first).
 */
export function checkMigrations(summary: BackupSummary): string | undefined {
  const known = migrationFiles();
  for (const m of summary.migrations) {
    if (!known.includes(m.name))
      throw new BackupFormatError(
        `The backup was made by a newer Nabij (migration ${m.name} is unknown here). Restore it with that version.`,
      );
    if (migrationChecksum(m.name) !== m.checksum)
      throw new BackupFormatError(`Migration ${m.name} differs from the one the backup was made with.`);
  }
  const names = summary.migrations.map((m) => m.name);
  const expected = known.slice(0, names.length);
  if (names.join() !== expected.join())
    throw new BackupFormatError("The backup's migrations are not a prefix of this version's migrations.");
  return names[names.length - 1];
}

/**
 * Loads a backup into a database that has the schema (migrated to the backup's level) and no data, in one
 * transaction; checks every table against the digests in the file before it commits. Returns the digests.
 */
export async function loadBackup(pool: pg.Pool, file: string): Promise<TableDigest[]> {
  const header = await readBackupHeader(file);
  if (!header.complete) throw new BackupFormatError(`${file} is incomplete (no end marker): the backup was cut off.`);
  const client = await pool.connect();
  try {
    await client.query('begin');
    const tables = await tablesOf(client);
    const byName = new Map(tables.map((t) => [t.qualified, t]));
    const lines = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
    let copy: { table: TableInfo; columns: string[]; rows: Array<Array<string | null>>; bytes: number } | undefined;
    const flush = async () => {
      if (!copy || copy.rows.length === 0) return;
      const { table, columns, rows } = copy;
      const types = columns.map((c) => table.columns.find((x) => x.name === c)?.type);
      if (types.some((t) => t === undefined))
        throw new BackupFormatError(`The backup has columns of ${table.name} that the database does not have.`);
      const list = columns.map(quoteIdent).join(', ');
      const casts = columns.map((c, i) => `u.c${i}::${types[i]!}`).join(', ');
      const unnest = columns.map((_, i) => `$${i + 1}::text[]`).join(', ');
      const names = columns.map((_, i) => `c${i}`).join(', ');
      await client.query(
        `insert into ${table.qualified} (${list}) ${table.hasIdentity ? 'overriding system value ' : ''}select ${casts} from unnest(${unnest}) as u(${names})`,
        columns.map((_, i) => rows.map((r) => r[i] ?? null)),
      );
      copy.rows = [];
      copy.bytes = 0;
    };
    for await (const line of lines) {
      if (copy) {
        if (line === '\\.') {
          await flush();
          copy = undefined;
          continue;
        }
        const fields = line.split('\t').map(copyUnescape);
        if (fields.length !== copy.columns.length)
          throw new BackupFormatError(
            `A row of ${copy.table.name} has ${fields.length} fields instead of ${copy.columns.length}.`,
          );
        copy.rows.push(fields);
        copy.bytes += line.length;
        if (copy.rows.length >= 500 || copy.bytes > 4_000_000) await flush();
        continue;
      }
      if (line === '' || line.startsWith('--')) continue;
      const c = /^COPY (public\.(?:"[^"]+"|\w+)) \((.*)\) FROM stdin;$/.exec(line);
      if (c) {
        const table = byName.get(c[1]!);
        if (!table) throw new BackupFormatError(`The backup has a table ${c[1]} that the database does not have.`);
        const columns = c[2]!.split(', ').map((q) => q.replace(/^"|"$/g, '').replace(/""/g, '"'));
        copy = { table, columns, rows: [], bytes: 0 };
        continue;
      }
      if (!ALLOWED.some((re) => re.test(line)))
        throw new BackupFormatError(`The backup contains a statement that is not allowed: ${line.slice(0, 120)}`);
      await client.query(line);
    }
    const restored = await digestTables(client, tables);
    const expected = new Map(header.tables.map((d) => [d.table, d]));
    for (const d of restored) {
      const e = expected.get(d.table);
      if (e && (e.rows !== d.rows || e.sha256 !== d.sha256))
        throw new BackupFormatError(
          `Table ${d.table} differs after the restore (${d.rows} rows instead of ${e.rows}).`,
        );
    }
    await client.query('commit');
    return restored;
  } catch (err) {
    await client.query('rollback').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}

/**
 * Writes a backup to `file`: first to `file.partial`, synced to disk, then renamed — so a file under the
 * final name is always a complete backup, also when the process is stopped halfway.
 */
export async function backupToFile(
  pool: pg.Pool,
  file: string,
  source: string,
  at = new Date(),
): Promise<BackupSummary> {
  const partial = `${file}.partial`;
  const fd = openSync(partial, 'w', 0o600);
  try {
    const summary = await writeBackup(pool, (chunk) => void writeSync(fd, chunk), { source, at });
    fsyncSync(fd);
    closeSync(fd);
    renameSync(partial, file);
    return summary;
  } catch (err) {
    try {
      closeSync(fd);
    } catch {
      // already closed
    }
    rmSync(partial, { force: true });
    throw err;
  }
}

export class RestoreTargetError extends Error {}

/**
 * Restores a backup into an empty database: migrates it to the backup's level, loads and checks the data
 * in one transaction, then applies the migrations that came after (a backup of an older version restores
 * into a newer one). Refuses a database that already has tables: a restore never overwrites.
 */
export async function restoreFromFile(
  pool: pg.Pool,
  file: string,
): Promise<{ tables: TableDigest[]; migratedAfter: string[] }> {
  const header = await readBackupHeader(file);
  if (!header.complete) throw new BackupFormatError(`${file} is incomplete (no end marker): the backup was cut off.`);
  const upTo = checkMigrations(header);
  const existing = await pool.query<{ n: number }>(
    `select count(*)::int as n from pg_tables where schemaname = 'public'`,
  );
  if (existing.rows[0]!.n > 0)
    throw new RestoreTargetError(
      'The target database is not empty. Restore into a new, empty database (or an empty DATA_DIR).',
    );
  await migrate(pool, { upTo: upTo ?? '' });
  const tables = await loadBackup(pool, file);
  const { applied } = await migrate(pool);
  return { tables, migratedAfter: applied };
}
