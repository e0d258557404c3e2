// `npm run db:seed`: seeds the demo municipality "Gemeente Voorbeeld" into an empty database
// (DATABASE_URL, or the embedded database in DATA_DIR). Refused when NODE_ENV=production.
//
// `npm run db:seed -- --size small|medium|large|xl [--seed nabij] [--anchor YYYY-MM-DD]` instead generates
// synthetic municipalities for tests and benchmarks (see docs/performance.md): deterministic for a given
// seed, size and anchor date ("today" of the data, default: today in Amsterdam).
import { parseArgs } from 'node:util';
import { loadConfig } from '../apps/api/src/platform/config';
import { connectDatabase } from '../apps/api/src/platform/database/connect';
import { hashPassword } from '../apps/api/src/capabilities/auth';
import {
  DEFAULT_SEED,
  DEMO_PASSWORD,
  generateSynthetic,
  isEmpty,
  seedDemo,
  SIZE_NAMES,
  SYNTHETIC_PASSWORD,
  type SizeName,
} from '../apps/api/src/capabilities/demo-data';
import { municipalDate } from '../apps/api/src/shared/clock';

const { values: args } = parseArgs({
  options: { size: { type: 'string' }, seed: { type: 'string' }, anchor: { type: 'string' } },
  strict: true,
});
if (args.size !== undefined && !SIZE_NAMES.includes(args.size as SizeName)) {
  console.error(`--size must be one of ${SIZE_NAMES.join(', ')}`);
  process.exit(2);
}

const config = loadConfig();
if (config.env === 'production') {
  console.error('Demo data is refused when NODE_ENV=production.');
  process.exit(2);
}
const { db, embedded } = await connectDatabase(config);
try {
  if (!(await isEmpty(db))) {
    console.log('The database already holds a municipality; nothing seeded.');
  } else if (args.size) {
    const size = args.size as SizeName;
    const client = await db.pool.connect();
    try {
      const result = await generateSynthetic(client, {
        size,
        seed: args.seed ?? DEFAULT_SEED,
        anchor: args.anchor ?? municipalDate(new Date()),
        passwordHash: await hashPassword(SYNTHETIC_PASSWORD),
        onProgress: (m) => console.log(m),
      });
      const total = Object.values(result.counts).reduce((a, b) => a + b, 0);
      console.log(
        `Synthetic dataset "${size}" (seed ${result.seed}, anchor ${result.anchor}): ${total.toLocaleString('en')} rows in ${result.seconds.toFixed(1)} s.`,
      );
      for (const [table, n] of Object.entries(result.counts))
        console.log(`  ${table.padEnd(26)} ${n.toLocaleString('en').padStart(12)}`);
      console.log(`Checksum ${result.checksum}`);
      console.log(
        `Password for every synthetic user: ${SYNTHETIC_PASSWORD} (e.g. waterstad.t01.werker01, waterstad.t01.coordinator)`,
      );
    } finally {
      client.release();
    }
  } else {
    await seedDemo(db);
    console.log(`Demo municipality seeded. Password for every demo user: ${DEMO_PASSWORD}`);
  }
} finally {
  await db.close();
  await embedded?.stop();
}
