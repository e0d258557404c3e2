import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The project's folder, found from this module's place: the same answer from the TypeScript sources
 * (apps/api/src/platform/) and from the compiled bundle (dist/<name>/main.mjs, scripts/build-api.mjs), so files the
 * app reads at run time (migrations, the common-password list) are found in both (ADR 0046).
 */
export const projectRoot = findProjectRoot(path.dirname(fileURLToPath(import.meta.url)));

function findProjectRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json')) && existsSync(path.join(dir, 'apps', 'api', 'migrations')))
      return dir;
    if (path.dirname(dir) === dir)
      throw new Error(`Nabij's project folder (with apps/api/migrations) was not found above ${from}`);
  }
}

/** A file or folder of the API's own, by its path from apps/api. */
export const apiPath = (...parts: string[]): string => path.join(projectRoot, 'apps', 'api', ...parts);
