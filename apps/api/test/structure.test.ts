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
  const needsDatabase = /from '[^']*(test-database|test-app|\/builders|privacy-fixtures|resident-fixtures|@electric-sql\/pglite|\/app)'|\binject\('testTemplate'\)/;

  it('holds only files that need no database and no app (those are *.int.test.ts)', () => {
    const unit = [...testFiles('apps'), ...testFiles('packages')].filter((f) => !f.includes('.int.test.') && !NEEDS_DATABASE.includes(f));
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
