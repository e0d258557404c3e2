// `npm run build:api`: compiles the API to plain JavaScript with esbuild — production runs this, not a TypeScript
// loader (ADR 0046). Two entry points: the app (main.mjs) and the embedded database's own process
// (embedded-server.mjs, forked by the app). npm packages stay external (loaded from node_modules); the app finds its
// migrations and other run-time files through apps/api/src/platform/paths.ts, so the output folder must be inside
// the project (default dist/api; `node scripts/build-api.mjs dist/<other>` for another).
import { rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const outdir = path.resolve(root, process.argv[2] ?? 'dist/api');
if (!outdir.startsWith(root + path.sep))
  throw new Error(`the API must be built inside the project folder, not in ${outdir}`);
rmSync(outdir, { recursive: true, force: true });
await build({
  absWorkingDir: root,
  entryPoints: { main: 'apps/api/src/main.ts', 'embedded-server': 'apps/api/src/platform/database/embedded-server.ts' },
  outdir,
  outExtension: { '.js': '.mjs' },
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  alias: { '@nabij/contracts': './packages/contracts/src/index.ts' },
  sourcemap: 'linked',
  logLevel: 'warning',
});
console.log(`API compiled to ${path.relative(root, outdir)}/main.mjs`);
