// `npm run check`: the static checks CI runs first, so it fails fast — the strict type check, ESLint, the Prettier check and the
// runtime import-cycle check (madge, .madgerc; type-only imports do not count). They run side by side; each
// one's output is printed when it ends, and the script fails when any of them fails.
import { spawn } from 'node:child_process';

const checks = [
  { name: 'type check (tsc --noEmit)', args: ['node_modules/typescript/bin/tsc', '--noEmit', '-p', '.'] },
  { name: 'ESLint', args: ['node_modules/eslint/bin/eslint.js', 'apps', 'packages', 'e2e', 'scripts'] },
  {
    name: 'formatting (prettier --check; `npm run format` fixes it)',
    args: ['node_modules/prettier/bin/prettier.cjs', '--check', '--log-level', 'warn', '.'],
  },
  {
    name: 'import cycles (madge)',
    args: [
      'node_modules/madge/bin/cli.js',
      '--circular',
      '--no-spinner',
      'apps/api/src',
      'apps/web/src',
      'packages/contracts/src',
    ],
  },
];

function run({ name, args }) {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('close', (code) => {
      const seconds = ((Date.now() - started) / 1000).toFixed(0);
      console.log(`\n${code === 0 ? '✓' : '✗'} ${name} (${seconds} s)${code === 0 ? '' : `\n${out.trim()}`}`);
      resolve(code === 0);
    });
  });
}

const results = await Promise.all(checks.map(run));
process.exit(results.every(Boolean) ? 0 : 1);
