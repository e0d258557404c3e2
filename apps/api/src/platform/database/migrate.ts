import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type pg from 'pg';
import { apiPath } from '../paths';

const migrationsDir = apiPath('migrations');

export interface MigrationResult {
  applied: string[];
}

/** The migration files in name order. */
export function migrationFiles(): string[] {
  return readdirSync(migrationsDir)
    .filter((f) => /^\d{4}_[a-z0-9-]+\.sql$/.test(f))
    .sort();
}

/** The SHA-256 of a migration file, as recorded in schema_migration. */
export function migrationChecksum(file: string): string {
  return createHash('sha256')
    .update(readFileSync(path.join(migrationsDir, file), 'utf8'))
    .digest('hex');
}

/**
 * Applies the SQL files in apps/api/migrations that have not run yet, in name order, in one transaction.
 * An advisory lock makes concurrent starts of several instances wait for each other. Forward-only:
 * a file that changed after it was applied stops the start. `upTo` stops after that file (restoring a backup
 * made at an older migration level: load the data there, then apply the rest).
 */
/** A day: in effect no limit (pg's read timeout needs a number; 0 would fall back to the pool's 60 s). */
const MIGRATION_QUERY_TIMEOUT_MS = 24 * 60 * 60 * 1000;

export async function migrate(pool: pg.Pool, options: { upTo?: string } = {}): Promise<MigrationResult> {
  const files = migrationFiles().filter((f) => options.upTo === undefined || f <= options.upTo);
  const client = await pool.connect();
  try {
    await client.query('begin');
    await client.query(`select pg_advisory_xact_lock(hashtext('nabij.migrate'))`);
    await client.query(
      'create table if not exists schema_migration (name text primary key, checksum text not null, applied_at timestamptz not null default now())',
    );
    const done = new Map(
      (await client.query<{ name: string; checksum: string }>('select name, checksum from schema_migration')).rows.map(
        (r) => [r.name, r.checksum],
      ),
    );
    const applied: string[] = [];
    for (const file of files) {
      const text = readFileSync(path.join(migrationsDir, file), 'utf8');
      const checksum = createHash('sha256').update(text).digest('hex');
      const previous = done.get(file);
      if (previous) {
        if (previous !== checksum)
          throw new Error(`Migration ${file} was changed after it was applied; add a new migration instead.`);
        continue;
      }
      // No client-side limit: a migration that builds an index or fills a new table on a large municipality may take
      // minutes (the pool's 60 s limit once failed migration 0023 on the `xl` data set); it holds only its own lock.
      await client.query({ text, query_timeout: MIGRATION_QUERY_TIMEOUT_MS } as pg.QueryConfig);
      await client.query('insert into schema_migration (name, checksum) values ($1, $2)', [file, checksum]);
      applied.push(file);
    }
    await client.query('commit');
    return { applied };
  } catch (err) {
    await client.query('rollback').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}
