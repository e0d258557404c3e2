import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/test-database';
import { migrate } from './migrate';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.drop());

describe('migrations', () => {
  it('apply once: starting several instances at the same time applies nothing twice', async () => {
    const results = await Promise.all([migrate(t.db.pool), migrate(t.db.pool), migrate(t.db.pool)]);
    expect(results.map((r) => r.applied)).toEqual([[], [], []]);
    const { rows } = await t.db.pool.query<{ name: string }>('select name from schema_migration order by name');
    expect(rows.map((r) => r.name)[0]).toBe('0001_create-app-role-and-extensions.sql');
    expect(new Set(rows.map((r) => r.name)).size).toBe(rows.length);
  });
});
