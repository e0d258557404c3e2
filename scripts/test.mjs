// `npm test`: every test. Unit and integration tests (Vitest; on the embedded database, or on the
// PostgreSQL server in DATABASE_URL), then the web build and the end-to-end journeys in Chromium.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

function run(command, args, env = process.env) {
  const r = spawnSync(command, args, { stdio: 'inherit', env });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

const db = process.env.DATABASE_URL ? 'PostgreSQL server (DATABASE_URL)' : 'embedded PGlite';
// The tests that start the app as a process (journeys, reliability, start-up) start it as production does: compiled
// (ADR 0046), into a folder of this run's own inside the project (two runs can share the tree).
mkdirSync('dist', { recursive: true });
const apiDir = mkdtempSync(path.join('dist', 'test-api-'));
run(process.execPath, ['scripts/build-api.mjs', apiDir]);
process.env.NABIJ_API_BUNDLE = path.resolve(apiDir, 'main.mjs');
process.on('exit', () => rmSync(apiDir, { recursive: true, force: true }));
// NABIJ_DATABASE_TESTS_ONLY=true (CI's second database run, ADR 0047): only what can differ between databases — the
// integration tests and the journeys without their axe scans. The unit tests and the axe scans (the same pages, the
// same markup) then run in the other run only. A developer's `npm test` never sets it and runs everything.
const databaseOnly = process.env.NABIJ_DATABASE_TESTS_ONLY === 'true';
console.log(`\n${databaseOnly ? 'Integration tests' : 'Unit and integration tests'} on ${db}`);
run(process.execPath, ['node_modules/vitest/vitest.mjs', 'run', ...(databaseOnly ? ['--project', 'int'] : [])]);
// The web app is built into a folder of this run's own, so two runs (CI runs both databases at once) never share one —
// unless NABIJ_PREBUILT_WEB names a folder with a build of this tree (CI builds once for both runs).
const prebuilt = process.env.NABIJ_PREBUILT_WEB;
if (prebuilt && !existsSync(path.join(prebuilt, 'index.html'))) {
  console.error(`NABIJ_PREBUILT_WEB=${prebuilt} holds no built web app (index.html)`);
  process.exit(1);
}
const dist = prebuilt ?? mkdtempSync(path.join(tmpdir(), 'nabij-web-'));
try {
  if (!prebuilt) {
    console.log('\nBuilding the web app');
    run(process.execPath, [
      'node_modules/vite/bin/vite.js',
      'build',
      '--logLevel',
      'warn',
      '--outDir',
      dist,
      '--emptyOutDir',
    ]);
  }
  console.log(`\nEnd-to-end journeys in Chromium on ${db}`);
  run(process.execPath, ['--import', 'tsx', 'e2e/run.ts'], {
    ...process.env,
    WEB_DIST_DIR: dist,
    ...(databaseOnly ? { E2E_AXE: 'false' } : {}),
  });
} finally {
  if (!prebuilt) rmSync(dist, { recursive: true, force: true });
}
