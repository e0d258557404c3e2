import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { createDatabase, type Database, type DatabaseOptions } from '../src/platform/database/database';
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
 * or else a PGlite in its own process — the same code path the app uses. Both start as a copy of the
 * template the global setup migrated (`global-setup.ts`): `CREATE DATABASE … TEMPLATE` on the server, an
 * in-memory PGlite loaded from the template's tarball. `migrate` then finds nothing to do, as it would on a running installation.
 */
export async function createTestDatabase(options: DatabaseOptions = {}): Promise<TestDatabase> {
  const serverUrl = process.env.DATABASE_URL;
  if (serverUrl) {
    const name = `nabij_test_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await createFromTemplate(admin, name, inject('testTemplate'));
    await admin.end();
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    const db = createDatabase(url.toString(), 10, options);
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
  const template = inject('testTemplate');
  const embedded = await startEmbeddedDatabase(
    'memory://',
    60_000,
    template.mode === 'embedded' ? { loadDataDir: template.tarball } : {},
  );
  const db = createDatabase(embedded.url, 10, options);
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

/** A copy of the template; the server refuses a copy while another copy is being made, so wait and retry. */
async function createFromTemplate(admin: pg.Client, name: string, template: ReturnType<typeof inject<'testTemplate'>>) {
  if (template.mode !== 'server') {
    await admin.query(`create database ${name}`);
    return;
  }
  for (let attempt = 0; ; attempt++) {
    try {
      await admin.query(`create database ${name} template ${template.database}`);
      return;
    } catch (err) {
      // 55006 object_in_use: "source database … is being accessed by other users".
      if ((err as { code?: string }).code !== '55006' || attempt >= 50) throw err;
      await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
    }
  }
}
