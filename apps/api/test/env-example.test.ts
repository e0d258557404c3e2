// .env.example lists every environment variable the app and its operator scripts read (issue #21 item 1): the keys
// of the validated configuration (platform/config.ts, read through loadConfig) and every `process.env.X` in the
// source of apps/, packages/ and scripts/. A variable read but not listed fails, and so does one listed but read
// nowhere.
//
// Not scanned, on purpose: test-only knobs — test files and their helpers (*.test.ts(x), apps/api/test/), the
// end-to-end journeys (e2e/: E2E_*, CHROMIUM_PATH), the benchmark (bench/), the test runners
// (scripts/test*.mjs: NABIJ_PREBUILT_WEB, NABIJ_DATABASE_TESTS_ONLY, CRASH_ROUNDS …) and the Vite/Vitest configs
// (VITEST_MAX_WORKERS). They are described in README.md and CONTRIBUTING.md where they are used.
// Not listed, on purpose: the variables Nabij sets for its own child processes, never set by a person (INTERNAL).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../../..');

/** Set by Nabij itself for a child process: the embedded database server (platform/database/embedded.ts). */
const INTERNAL = new Set(['NABIJ_DATA_DIR', 'NABIJ_EMBEDDED_PORT', 'NABIJ_LOAD_DATA_DIR']);

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(root, dir), { recursive: true, encoding: 'utf8' })
    .map((f) => path.join(dir, f).split(path.sep).join('/'))
    .filter(
      (f) =>
        /\.(ts|tsx|mts|mjs|js|cjs)$/.test(f) &&
        !/(^|\/)(node_modules|dist)\//.test(f) &&
        !/\.test\.tsx?$/.test(f) &&
        !f.startsWith('apps/api/test/') &&
        !/^scripts\/test[^/]*\.mjs$/.test(f),
    );
}

/** Names read as `process.env.X`, `process.env['X']` or `const { X } = process.env`. */
export function envReads(source: string): string[] {
  const names = [
    ...[...source.matchAll(/process\.env\.([A-Z][A-Z0-9_]*)/g)].map((m) => m[1]!),
    ...[...source.matchAll(/process\.env\[\s*['"`]([A-Z][A-Z0-9_]*)['"`]\s*\]/g)].map((m) => m[1]!),
    ...[...source.matchAll(/\{([^}]*)\}\s*=\s*process\.env\b/g)].flatMap((m) =>
      [...m[1]!.matchAll(/\b([A-Z][A-Z0-9_]*)\b/g)].map((n) => n[1]!),
    ),
  ];
  return [...new Set(names)];
}

/** The keys of the zod schema the configuration is validated with (`const envSchema = z.object({ … })`). */
function configKeys(): string[] {
  const source = readFileSync(path.join(root, 'apps/api/src/platform/config.ts'), 'utf8');
  const start = source.indexOf('const envSchema = z.object({');
  const end = source.indexOf('\n});', start);
  expect([start, end].every((i) => i > 0)).toBe(true);
  return [...source.slice(start, end).matchAll(/^ {2}([A-Z][A-Z0-9_]*):/gm)].map((m) => m[1]!);
}

/** The names in .env.example: `NAME=` or `# NAME=` at the start of a line. */
function listed(): string[] {
  const text = readFileSync(path.join(root, '.env.example'), 'utf8');
  return [...text.matchAll(/^#?\s?([A-Z][A-Z0-9_]*)=/gm)].map((m) => m[1]!);
}

describe('.env.example', () => {
  const fromConfig = configKeys();
  const fromSource = [...new Set(['apps', 'packages', 'scripts'].flatMap(sourceFiles))]
    .flatMap((f) => envReads(readFileSync(path.join(root, f), 'utf8')))
    .filter((name) => !INTERNAL.has(name));
  const read = [...new Set([...fromConfig, ...fromSource])].sort();

  it('finds what the code reads (the scan is not empty)', () => {
    expect(fromConfig.length).toBeGreaterThan(40);
    expect(read).toEqual(expect.arrayContaining(['DATABASE_URL', 'SMTP_URL', 'MAIL_FROM', 'AUDIT_STRICT']));
    expect(envReads("const a = process.env.FOO_BAR; const { BAZ, QUX: q } = process.env; process.env['X1'];")).toEqual([
      'FOO_BAR',
      'X1',
      'BAZ',
      'QUX',
    ]);
  });

  it('lists every variable the app and its scripts read', () => {
    const names = new Set(listed());
    expect(read.filter((name) => !names.has(name))).toEqual([]);
  });

  it('lists no variable that nothing reads, and each once, with a comment', () => {
    const names = listed();
    expect(names.filter((name) => !read.includes(name))).toEqual([]);
    expect(names.filter((name, i) => names.indexOf(name) !== i)).toEqual([]);
    const lines = readFileSync(path.join(root, '.env.example'), 'utf8').split('\n');
    const withoutComment = lines.filter((line) => /^#?\s?[A-Z][A-Z0-9_]*=/.test(line) && !/\s#\s\S/.test(line));
    expect(withoutComment).toEqual([]);
  });
});
