// `npm run db:seed`: seeds the demo municipality "Gemeente Voorbeeld" into an empty database
// (DATABASE_URL, or the embedded database in DATA_DIR). Refused when NODE_ENV=production.
import { loadConfig } from '../apps/api/src/platform/config';
import { connectDatabase } from '../apps/api/src/platform/database/connect';
import { DEMO_PASSWORD, isEmpty, seedDemo } from '../apps/api/src/capabilities/demo-data';

const config = loadConfig();
if (config.env === 'production') {
  console.error('Demo data is refused when NODE_ENV=production.');
  process.exit(2);
}
const { db, embedded } = await connectDatabase(config);
try {
  if (await isEmpty(db)) {
    await seedDemo(db);
    console.log(`Demo municipality seeded. Password for every demo user: ${DEMO_PASSWORD}`);
  } else {
    console.log('The database already holds a municipality; nothing seeded.');
  }
} finally {
  await db.close();
  await embedded?.stop();
}
