// `npm test`: every test. Unit and integration tests (Vitest; on the embedded database, or on the
// PostgreSQL server in DATABASE_URL), then the web build and the end-to-end journeys in Chromium.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

function run(command, args, env = process.env) {
  const r = spawnSync(command, args, { stdio: 'inherit', env });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

const db = process.env.DATABASE_URL ? 'PostgreSQL server (DATABASE_URL)' : 'embedded PGlite';
console.log(`\nUnit and integration tests on ${db}`);
run(process.execPath, ['node_modules/vitest/vitest.mjs', 'run']);
// The web app is built into a folder of this run's own, so two runs (CI runs both databases at once) never share one.
const dist = mkdtempSync(path.join(tmpdir(), 'nabij-web-'));
try {
  console.log('\nBuilding the web app');
  run(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn', '--outDir', dist, '--emptyOutDir']);
  console.log(`\nEnd-to-end journeys in Chromium on ${db}`);
  run(process.execPath, ['--import', 'tsx', 'e2e/run.ts'], { ...process.env, WEB_DIST_DIR: dist });
} finally {
  rmSync(dist, { recursive: true, force: true });
}
