import { fileURLToPath } from 'node:url';
import { configDefaults, defineConfig } from 'vitest/config';

const EMBEDDED_ONLY = [
  'apps/api/src/platform/database/embedded.int.test.ts',
  'apps/api/src/platform/database/pglite-socket-affinity.test.ts',
  'apps/api/src/main.int.test.ts',
];

// Two projects (`npm run test:unit`, `npm run test:int`; `npm test` runs both, every file once):
// - unit: pure logic — no database, no app, no server of ours. Fast; needs nothing running.
// - int: every `*.int.test.ts` (a real database, usually the app through an in-process HTTP agent), plus the few
//   files named in NEEDS_DATABASE that start a database of their own without the `.int` in their name.
// apps/api/test/structure.test.ts checks that no unit file reaches for the test database, the app or PGlite.
export const INTEGRATION = ['apps/**/*.int.test.ts', 'packages/**/*.int.test.ts'];
export const NEEDS_DATABASE = ['apps/api/src/platform/database/pglite-socket-affinity.test.ts'];
const ALL = ['apps/**/*.test.ts', 'apps/**/*.test.tsx', 'packages/**/*.test.ts'];

// Files whose subject is the embedded database or the app's own start, never the database in DATABASE_URL, run
// in the embedded run only (CI runs both; ADR 0036): on the server run they would repeat the same test.
const exclude = process.env.DATABASE_URL ? [...configDefaults.exclude, ...EMBEDDED_ONLY] : configDefaults.exclude;

const contracts = fileURLToPath(new URL('./packages/contracts/src/index.ts', import.meta.url));

export default defineConfig({
  resolve: { alias: { '@nabij/contracts': contracts } },
  test: {
    pool: 'forks',
    // Two files at a time even on 2 cores: a database test spends much of its time waiting on its database process.
    // CI runs both databases side by side and sets VITEST_MAX_WORKERS=1 for each.
    maxWorkers: Number(process.env.VITEST_MAX_WORKERS ?? 2),
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ALL, exclude: [...exclude, ...INTEGRATION, ...NEEDS_DATABASE] },
      },
      {
        extends: true,
        test: {
          name: 'int',
          include: [...INTEGRATION, ...NEEDS_DATABASE],
          exclude,
          // One migrated template database; each test file starts from a copy (apps/api/test/global-setup.ts).
          // Only this project has it, so `npm run test:unit` migrates nothing.
          globalSetup: ['apps/api/test/global-setup.ts'],
        },
      },
    ],
  },
});
