// Rules about the tree itself that no type check sees: the unit project stays free of databases and the app.
// (Unit project: runs without a database; see vitest.config.ts.)
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { NEEDS_DATABASE } from '../../../vitest.config';

const root = path.resolve(import.meta.dirname, '../../..');

function testFiles(dir: string): string[] {
  return readdirSync(path.join(root, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.test\.tsx?$/.test(f) && !f.includes('node_modules'))
    .map((f) => path.join(dir, f).split(path.sep).join('/'));
}

describe('the unit project', () => {
  // What makes a file an integration test: the test database or its template, the app, or an embedded database.
  const needsDatabase =
    /from '[^']*(test-database|test-app|\/builders|privacy-fixtures|resident-fixtures|@electric-sql\/pglite|\/app)'|\binject\('testTemplate'\)/;

  it('holds only files that need no database and no app (those are *.int.test.ts)', () => {
    const unit = [...testFiles('apps'), ...testFiles('packages')].filter(
      (f) => !f.includes('.int.test.') && !NEEDS_DATABASE.includes(f),
    );
    expect(unit.length).toBeGreaterThan(40);
    const offenders = unit.filter((f) => needsDatabase.test(readFileSync(path.join(root, f), 'utf8')));
    expect(offenders).toEqual([]);
  });

  it('recognises an integration test when it sees one', () => {
    // The rule above must not be vacuous: every *.int.test.ts that uses the test database is caught by it.
    const integration = testFiles('apps').filter((f) => f.endsWith('.int.test.ts'));
    const caught = integration.filter((f) => needsDatabase.test(readFileSync(path.join(root, f), 'utf8')));
    expect(caught.length).toBeGreaterThan(integration.length / 2);
    expect(NEEDS_DATABASE.every((f) => needsDatabase.test(readFileSync(path.join(root, f), 'utf8')))).toBe(true);
  });
});

// docs/architecture.md must stay true: every capability on it, their imports as its table allows, every table with an owner.
const api = path.join(root, 'apps/api/src');
const architecture = readFileSync(path.join(root, 'docs/architecture.md'), 'utf8');
const capabilities = readdirSync(path.join(api, 'capabilities'), { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts') && !f.includes('.test.'))
    .map((f) => path.join(dir, f));
}

/** The rows `| a | b | c |` of the markdown table whose header row starts with `| first |`. */
function markdownTable(first: string): string[][] {
  const lines = architecture.split('\n');
  const start = lines.findIndex((l) => l.startsWith(`| ${first} |`));
  if (start < 0) return [];
  const rows: string[][] = [];
  for (const line of lines.slice(start + 2)) {
    if (!line.startsWith('|')) break;
    rows.push(
      line
        .split('|')
        .slice(1, -1)
        .map((c) => c.trim().replace(/`/g, '')),
    );
  }
  return rows;
}

describe('docs/architecture.md', () => {
  it('names every capability folder in its layout', () => {
    expect(capabilities.length).toBeGreaterThan(15);
    const missing = capabilities.filter((c) => !new RegExp(`^ {4}${c}/ `, 'm').test(architecture));
    expect(missing).toEqual([]);
  });

  it("allows each capability's runtime imports of other capabilities", () => {
    const allowed = new Map(
      markdownTable('capability').map(([c, imports]) => [
        c!,
        imports === '—' ? [] : imports!.split(',').map((s) => s.trim()),
      ]),
    );
    expect([...allowed.keys()].sort()).toEqual([...capabilities].sort());
    const problems: string[] = [];
    for (const c of capabilities) {
      const used = new Set<string>();
      for (const file of sourceFiles(path.join(api, 'capabilities', c))) {
        const text = readFileSync(file, 'utf8');
        // Runtime imports only: `import type …` is erased (the check of cycles ignores it too).
        for (const m of text.matchAll(/^import (?!type )[^;]*?from '(\.[^']+)'/gms)) {
          const target = path
            .relative(path.join(api, 'capabilities'), path.resolve(path.dirname(file), m[1]!))
            .split(path.sep);
          if (target[0] && target[0] !== '..' && target[0] !== c && capabilities.includes(target[0]))
            used.add(target[0]);
        }
      }
      const extra = [...used].filter((u) => !allowed.get(c)?.includes(u));
      // A row may allow more than is used today (a rule, not an inventory); it must not allow less.
      if (extra.length) problems.push(`${c} imports ${extra.join(', ')}, which its row does not allow`);
    }
    expect(problems).toEqual([]);
  });

  it('gives every table of schema.ts an owner whose code uses it, and lists no other table', () => {
    const schema = readFileSync(path.join(api, 'platform/database/schema.ts'), 'utf8');
    const start = schema.indexOf('export interface DB {');
    const tables = [...schema.slice(start, schema.indexOf('\n}', start)).matchAll(/^ {2}([a-z_0-9]+): /gm)].map(
      (m) => m[1]!,
    );
    expect(tables.length).toBeGreaterThan(50);
    const rows = markdownTable('table');
    const listed = rows.map((r) => r[0]!);
    // A new table: `node scripts/table-owners.mjs` prints its row for the list in docs/architecture.md.
    expect(
      tables
        .filter((t) => !listed.includes(t))
        .map(
          (t) =>
            `${t}: missing from the table list of docs/architecture.md (node scripts/table-owners.mjs prints its row)`,
        ),
    ).toEqual([]);
    expect(listed.filter((t) => !tables.includes(t)).sort()).toEqual([]);
    expect(listed.filter((t, i) => listed.indexOf(t) !== i)).toEqual([]);
    const code = new Map<string, string>();
    const codeOf = (owner: string) => {
      if (!code.has(owner)) {
        const dir = owner === 'platform' ? path.join(api, 'platform') : path.join(api, 'capabilities', owner);
        const files =
          owner === 'platform'
            ? [...sourceFiles(dir), path.join(api, 'app.ts'), path.join(api, 'main.ts')]
            : sourceFiles(dir);
        code.set(owner, files.map((f) => readFileSync(f, 'utf8')).join('\n'));
      }
      return code.get(owner)!;
    };
    const problems = rows
      .filter(([table, owner]) =>
        owner !== 'platform' && !capabilities.includes(owner!)
          ? true
          : !new RegExp(`\\b${table}\\b`).test(codeOf(owner!)),
      )
      .map(([table, owner]) => `${table}: owner ${owner} does not use it`);
    expect(problems).toEqual([]);
  });
});

describe('cross-cutting rules live in one place (issue #20 item 5)', () => {
  const sources = [...readdirSync(path.join(root, 'apps'), { recursive: true, encoding: 'utf8' })]
    .filter((f) => /\.tsx?$/.test(f) && !f.includes('node_modules') && !f.includes('.test.'))
    .map((f) => `apps/${f.split(path.sep).join('/')}`);

  it('writes the full-name rule only in person-name.ts (contracts and API), not again in place', () => {
    // A copy joins first name, infix and last name itself: in TypeScript or in SQL.
    const copy =
      /\[\s*[\w.]+\.first_?[nN]ame,\s*[\w.]+\.infix,\s*[\w.]+\.last_?[nN]ame\s*\]|concat_ws\(' ',\s*[\w.]*first_name,\s*[\w.]*infix/;
    expect(copy.test("[p.first_name, p.infix, p.last_name].filter(Boolean).join(' ')")).toBe(true);
    expect(sources.length).toBeGreaterThan(300);
    const offenders = sources.filter(
      (f) => !f.endsWith('/person-name.ts') && copy.test(readFileSync(path.join(root, f), 'utf8')),
    );
    expect(offenders).toEqual([]);
  });
});
