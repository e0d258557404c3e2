// Prints the table-ownership list of docs/architecture.md, read from the code: for every table of `DB` in
// platform/database/schema.ts, which capability writes it (Kysely insertInto/updateTable/deleteFrom, or raw SQL
// insert/update/delete) and which only reads it (selectFrom/join, or raw SQL from/join). The owner is the one writer
// left after the cross-cutting writers (demo-data seeds, retention destroys and erases along foreign keys,
// person-merge moves foreign keys), or the one named in OWNER below. Run: node scripts/table-owners.mjs
// (apps/api/test/structure.test.ts checks the page's list against schema.ts and the owners' code.)
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../apps/api/src');
const CROSS_CUTTING = new Set(['demo-data', 'retention', 'person-merge']);
// Where more than one capability writes a table, or none of ours does (a trigger, the seed): the owner by design.
const OWNER = {
  tenant: 'demo-data',
  app_user: 'organisation',
  recovery_code: 'auth',
  session: 'auth',
  access_log_chain: 'audit',
  access_log_anchor_setting: 'audit',
  emergency_access: 'case-files',
  case_file: 'case-files',
  task: 'tasks',
};

const schema = readFileSync(path.join(root, 'platform/database/schema.ts'), 'utf8');
const start = schema.indexOf('export interface DB {');
const tables = [...schema.slice(start, schema.indexOf('\n}', start)).matchAll(/^ {2}([a-z_0-9]+): /gm)].map(
  (m) => m[1],
);
const files = (dir) =>
  readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts') && !f.includes('.test.'))
    .map((f) => path.join(dir, f));
const areas = Object.fromEntries(
  readdirSync(path.join(root, 'capabilities')).map((c) => [c, files(path.join(root, 'capabilities', c))]),
);
areas.platform = [
  ...files(path.join(root, 'platform')),
  ...readdirSync(root)
    .filter((f) => f.endsWith('.ts') && !f.includes('.test.'))
    .map((f) => path.join(root, f)),
];

export function tableUse(table) {
  const write = new RegExp(
    `(insertInto|updateTable|deleteFrom|mergeInto)\\(\\s*'${table}(?: as [a-z_]+)?'|\\b(insert into|update|delete from)\\s+${table}\\b`,
    'i',
  );
  const read = new RegExp(
    `(selectFrom|innerJoin|leftJoin|rightJoin|fullJoin)\\(\\s*'${table}(?: as [a-z_]+)?'|\\b(from|join)\\s+${table}\\b`,
    'i',
  );
  const writers = [],
    readers = [];
  for (const [area, list] of Object.entries(areas)) {
    const text = list.map((f) => readFileSync(f, 'utf8')).join('\n');
    if (write.test(text)) writers.push(area);
    else if (read.test(text)) readers.push(area);
  }
  return { writers, readers };
}

const rows = tables.map((table) => {
  const { writers, readers } = tableUse(table);
  const candidates = writers.filter((w) => !CROSS_CUTTING.has(w));
  const owner =
    OWNER[table] ??
    (candidates.length === 1 ? candidates[0] : writers.length === 1 ? writers[0] : `? (${writers.join(', ')})`);
  return { table, owner, also: writers.filter((w) => w !== owner), readers: readers.filter((r) => r !== owner) };
});
rows.sort((a, b) => a.owner.localeCompare(b.owner) || a.table.localeCompare(b.table));
const list = (xs) => (xs.length ? xs.join(', ') : '—');
for (const r of rows) console.log(`| \`${r.table}\` | ${r.owner} | ${list(r.also)} | ${list(r.readers)} |`);
