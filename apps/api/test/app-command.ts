import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * The arguments for `node` that start the real app, as production does: the compiled bundle that `npm test` builds
 * (scripts/test.mjs sets NABIJ_API_BUNDLE to its main.mjs; ADR 0046), or — when a test file runs on its own without
 * that build — the TypeScript sources under tsx.
 */
export function appCommand(): string[] {
  const bundle = process.env.NABIJ_API_BUNDLE;
  if (!bundle) return ['--import', 'tsx', 'apps/api/src/main.ts'];
  if (!existsSync(bundle))
    throw new Error(`NABIJ_API_BUNDLE=${bundle} does not exist (build it with scripts/build-api.mjs)`);
  return [path.resolve(bundle)];
}
