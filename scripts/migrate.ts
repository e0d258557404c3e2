// `npm run db:migrate`: applies pending migrations to the configured database (DATABASE_URL, or the
// embedded database in DATA_DIR) and exits. The app also does this at every start.
import { loadConfig } from '../apps/api/src/platform/config';
import { connectDatabase } from '../apps/api/src/platform/database/connect';

const { db, embedded, applied } = await connectDatabase(loadConfig());
console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'The database is up to date.');
await db.close();
await embedded?.stop();
