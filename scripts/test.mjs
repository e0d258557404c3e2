// `npm test`: every test. Unit and integration tests (Vitest; on the embedded database, or on the
// PostgreSQL server in DATABASE_URL), then the web build and the end-to-end journeys in Chromium.
import { spawnSync } from 'node:child_process';

function run(command, args) {
  const r = spawnSync(command, args, { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

const db = process.env.DATABASE_URL ? 'PostgreSQL server (DATABASE_URL)' : 'embedded PGlite';
console.log(`\nUnit and integration tests on ${db}`);
run(process.execPath, ['node_modules/vitest/vitest.mjs', 'run']);
console.log('\nBuilding the web app');
run(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn']);
console.log(`\nEnd-to-end journeys in Chromium on ${db}`);
run(process.execPath, ['--import', 'tsx', 'e2e/run.ts']);
