import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createDatabase, type Database } from '../src/platform/database/database';
import { startEmbeddedDatabase } from '../src/platform/database/embedded';
import { migrate } from '../src/platform/database/migrate';

export interface TestDatabase {
  db: Database;
  url: string;
  mode: 'embedded' | 'server';
  drop(): Promise<void>;
}

/**
 * A fresh, migrated database for one test file: a new database on the server named by DATABASE_URL,
 * or else an in-memory PGlite in its own process — the same code path the app uses.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const serverUrl = process.env.DATABASE_URL;
  if (serverUrl) {
    const name = `nabij_test_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    const db = createDatabase(url.toString(), 10);
    await migrate(db.pool);
    return {
      db,
      url: url.toString(),
      mode: 'server',
      async drop() {
        await db.close();
        const c = new pg.Client({ connectionString: serverUrl });
        await c.connect();
        await c.query(`drop database if exists ${name} with (force)`);
        await c.end();
      },
    };
  }
  const embedded = await startEmbeddedDatabase('memory://');
  const db = createDatabase(embedded.url, 10);
  await migrate(db.pool);
  return {
    db,
    url: embedded.url,
    mode: 'embedded',
    async drop() {
      await db.close();
      await embedded.stop();
    },
  };
}
