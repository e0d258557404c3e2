import { fileURLToPath } from 'node:url';
import { configDefaults, defineConfig } from 'vitest/config';

const EMBEDDED_ONLY = ['apps/api/src/platform/database/embedded.int.test.ts', 'apps/api/src/platform/database/pglite-socket-affinity.test.ts', 'apps/api/src/main.int.test.ts'];

const contracts = fileURLToPath(new URL('./packages/contracts/src/index.ts', import.meta.url));

export default defineConfig({
  resolve: { alias: { '@nabij/contracts': contracts } },
  test: {
    include: ['apps/**/*.test.ts', 'apps/**/*.test.tsx', 'packages/**/*.test.ts'],
    // Files whose subject is the embedded database or the app's own start, never the database in DATABASE_URL, run
    // in the embedded run only (CI runs both; ADR 0036): on the server run they would repeat the same test.
    exclude: process.env.DATABASE_URL ? [...configDefaults.exclude, ...EMBEDDED_ONLY] : configDefaults.exclude,
    pool: 'forks',
    // Two files at a time even on 2 cores: a database test spends much of its time waiting on its database process.
    // CI runs both databases side by side and sets VITEST_MAX_WORKERS=1 for each.
    maxWorkers: Number(process.env.VITEST_MAX_WORKERS ?? 2),
    // One migrated template database; each test file starts from a copy (apps/api/test/global-setup.ts).
    globalSetup: ['apps/api/test/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
