// `npm run db:backup -- <file>`: a logical backup (plain SQL, PostgreSQL COPY format) of the configured
// database — the PostgreSQL server in DATABASE_URL (also while Nabij runs: one consistent snapshot), or the
// embedded database in DATA_DIR (Nabij must be stopped: only one process can open that folder).
// See docs/reliability.md and ADR 0018.
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { loadConfig } from '../apps/api/src/platform/config';
import { startEmbeddedDatabase, type EmbeddedDatabase } from '../apps/api/src/platform/database/embedded';
import { backupToFile } from '../apps/api/src/platform/database/logical-backup';

const file = process.argv[2] ?? `nabij-backup-${new Date().toISOString().replace(/[:.]/g, '-')}.sql`;
const config = loadConfig();
let embedded: EmbeddedDatabase | undefined;
let url = config.database.url;
if (!url) {
  if (!existsSync(path.join(config.database.dataDir, 'pglite'))) {
    console.error(`There is no embedded database in ${path.resolve(config.database.dataDir)} (DATA_DIR).`);
    process.exit(2);
  }
  try {
    embedded = await startEmbeddedDatabase(config.database.dataDir);
  } catch (err) {
    console.error(
      `${err instanceof Error ? err.message : String(err)}\nStop Nabij before a backup of the embedded database, or use a PostgreSQL server for backups while it runs.`,
    );
    process.exit(3);
  }
  url = embedded.url;
}
const pool = new pg.Pool({ connectionString: url, max: 1 });
try {
  const summary = await backupToFile(pool, file, embedded ? 'embedded' : 'server');
  const rows = summary.tables.reduce((n, t) => n + t.rows, 0);
  console.log(
    `Backup written to ${path.resolve(file)}: ${summary.tables.length} tables, ${rows} rows, ${statSync(file).size} bytes, migration ${summary.migrations.at(-1)?.name ?? '-'}.`,
  );
} catch (err) {
  console.error(`The backup failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exitCode = 1;
} finally {
  await pool.end();
  await embedded?.stop();
}
