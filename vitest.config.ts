import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const contracts = fileURLToPath(new URL('./packages/contracts/src/index.ts', import.meta.url));

export default defineConfig({
  resolve: { alias: { '@nabij/contracts': contracts } },
  test: {
    include: ['apps/**/*.test.ts', 'apps/**/*.test.tsx', 'packages/**/*.test.ts'],
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
