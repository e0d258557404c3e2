import type { Config } from '../config';
import { createDatabase, type Database } from './database';
import { startEmbeddedDatabase, type EmbeddedDatabase } from './embedded';
import { migrate } from './migrate';

export interface ConnectedDatabase {
  db: Database;
  embedded: EmbeddedDatabase | undefined;
  mode: 'embedded' | 'server';
  applied: string[];
  /** The connection string (for the job queue, which keeps its own small pool). */
  url: string;
}

export class DatabaseStartError extends Error {}

/**
 * Opens the database the configuration names — a PostgreSQL server (DATABASE_URL) or the embedded PGlite
 * in DATA_DIR, started in its own process — checks it answers, and runs the pending migrations.
 */
export async function connectDatabase(config: Config): Promise<ConnectedDatabase> {
  const embedded = config.database.url ? undefined : await startEmbeddedDatabase(config.database.dataDir);
  const url = config.database.url ?? embedded!.url;
  const db = createDatabase(url, config.database.poolSize);
  try {
    await firstAnswer(db, embedded !== undefined);
  } catch (err) {
    await db.close().catch(() => undefined);
    await embedded?.stop();
    const reason = err instanceof Error ? err.message : String(err);
    throw new DatabaseStartError(
      `Cannot reach the database${config.database.url ? ' at DATABASE_URL' : ''}: ${reason}`,
    );
  }
  try {
    const { applied } = await migrate(db.pool);
    return { db, embedded, mode: embedded ? 'embedded' : 'server', applied, url };
  } catch (err) {
    await db.close().catch(() => undefined);
    await embedded?.stop();
    throw err;
  }
}

/**
 * The first `select 1`. A server named in DATABASE_URL must answer at once (a wrong address fails fast). The embedded
 * database was just started by us in its own process: on a busy machine it may take longer than one connection
 * timeout (3 s) before it takes its first connection (seen in CI with two test runs and browsers beside it), so it
 * gets up to EMBEDDED_START_MS, asked every half second.
 */
const EMBEDDED_START_MS = 60_000;
async function firstAnswer(db: Database, embedded: boolean): Promise<void> {
  const giveUpAt = Date.now() + (embedded ? EMBEDDED_START_MS : 0);
  for (;;) {
    try {
      await db.pool.query('select 1');
      return;
    } catch (err) {
      if (Date.now() >= giveUpAt) throw err;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
}
