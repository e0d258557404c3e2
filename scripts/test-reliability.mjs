// `npm run test:reliability`: the heavy versions of the reliability tests (docs/reliability.md), on the
// embedded database or on the PostgreSQL server in DATABASE_URL. Each setting can be overridden:
//   CRASH_ROUNDS (100 kills), FUZZ_RUNS (100,000 requests), LOST_UPDATE_RACERS (100 per record),
//   ROLLING_ROUNDS (5 restarts of each of two instances under load; server only), ROLLING_CLIENTS (8).
// Takes tens of minutes; CI runs the same tests with small numbers as part of `npm test`.
import { spawnSync } from 'node:child_process';

const env = {
  ...process.env,
  CRASH_ROUNDS: process.env.CRASH_ROUNDS ?? '100',
  FUZZ_RUNS: process.env.FUZZ_RUNS ?? '100000',
  LOST_UPDATE_RACERS: process.env.LOST_UPDATE_RACERS ?? '100',
  ROLLING_ROUNDS: process.env.ROLLING_ROUNDS ?? '5',
  ROLLING_CLIENTS: process.env.ROLLING_CLIENTS ?? '8',
};
console.log(
  `Reliability tests on ${env.DATABASE_URL ? 'the PostgreSQL server (DATABASE_URL)' : 'the embedded database'}: ` +
    `${env.CRASH_ROUNDS} kills, ${env.FUZZ_RUNS} fuzzed requests, ${env.LOST_UPDATE_RACERS} racers per record`,
);
const r = spawnSync(
  process.execPath,
  [
    'node_modules/vitest/vitest.mjs',
    'run',
    'apps/api/test/reliability',
    '--no-file-parallelism',
    '--testTimeout',
    '0',
    '--hookTimeout',
    '600000',
  ],
  { stdio: 'inherit', env },
);
process.exit(r.status ?? 1);
