// `npm run db:restore -- <file>`: restores a backup made by `npm run db:backup` into the configured database,
// which must be empty — a new database on the server in DATABASE_URL, or an empty or new DATA_DIR for the
// embedded one. The data is checked against the backup's digests before it is committed; migrations that
// came after the backup are applied afterwards. See docs/reliability.md and ADR 0018.
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { loadConfig } from '../apps/api/src/platform/config';
import { startEmbeddedDatabase, type EmbeddedDatabase } from '../apps/api/src/platform/database/embedded';
import { restoreFromFile } from '../apps/api/src/platform/database/logical-backup';

const file = process.argv[2];
if (!file || !existsSync(file)) {
  console.error('Usage: npm run db:restore -- <backup file>   (the file must exist)');
  process.exit(2);
}
const config = loadConfig();
let embedded: EmbeddedDatabase | undefined;
let url = config.database.url;
if (!url) {
  const dir = config.database.dataDir;
  if (existsSync(dir) && readdirSync(dir).length > 0) {
    console.error(
      `${path.resolve(dir)} (DATA_DIR) is not empty. Restore into a new folder: set DATA_DIR to a path that does not exist yet.`,
    );
    process.exit(2);
  }
  embedded = await startEmbeddedDatabase(dir);
  url = embedded.url;
}
const pool = new pg.Pool({ connectionString: url, max: 1 });
try {
  const { tables, migratedAfter } = await restoreFromFile(pool, file);
  const rows = tables.reduce((n, t) => n + t.rows, 0);
  console.log(
    `Restored ${tables.length} tables, ${rows} rows, each checked against the backup.${migratedAfter.length ? ` Then applied: ${migratedAfter.join(', ')}.` : ''}`,
  );
} catch (err) {
  console.error(
    `The restore failed and loaded no data (the target may hold the empty schema now: drop it, or empty DATA_DIR, before trying again): ${err instanceof Error ? err.message : String(err)}`,
  );
  process.exitCode = 1;
} finally {
  await pool.end();
  await embedded?.stop();
}
