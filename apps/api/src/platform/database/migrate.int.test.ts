import { randomBytes } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase, type Database } from './database';
import { startEmbeddedDatabase, type EmbeddedDatabase } from './embedded';
import { migrate } from './migrate';

// An empty database of its own (not the test run's migrated template, ADR 0023): on the server in DATABASE_URL,
// or a fresh in-memory PGlite.
let db: Database;
let embedded: EmbeddedDatabase | undefined;
let dropServerDatabase: (() => Promise<void>) | undefined;
const migrationFiles = readdirSync(fileURLToPath(new URL('../../../migrations', import.meta.url)))
  .filter((f) => f.endsWith('.sql'))
  .sort();

beforeAll(async () => {
  const serverUrl = process.env.DATABASE_URL;
  if (serverUrl) {
    const name = `nabij_migrate_${randomBytes(5).toString('hex')}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    db = createDatabase(url.toString(), 10);
    dropServerDatabase = async () => {
      const c = new pg.Client({ connectionString: serverUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    };
  } else {
    embedded = await startEmbeddedDatabase('memory://');
    db = createDatabase(embedded.url, 10);
  }
});
afterAll(async () => {
  await db.close();
  await embedded?.stop();
  await dropServerDatabase?.();
});

describe('migrations', () => {
  it('apply once from an empty database, also when several instances start at the same time', async () => {
    const results = await Promise.all([migrate(db.pool), migrate(db.pool), migrate(db.pool)]);
    // One instance applied every migration, in order; the others found nothing left to do.
    const applied = results.map((r) => r.applied).sort((a, b) => b.length - a.length);
    expect(applied[0]).toEqual(migrationFiles);
    expect(applied.slice(1)).toEqual([[], []]);
    const { rows } = await db.pool.query<{ name: string }>('select name from schema_migration order by name');
    expect(rows.map((r) => r.name)).toEqual(migrationFiles);
    expect((await migrate(db.pool)).applied).toEqual([]);
  });
});
