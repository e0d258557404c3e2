import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { startEmbeddedDatabase } from './embedded';
import { migrate } from './migrate';

const dir = mkdtempSync(path.join(tmpdir(), 'nabij-embedded-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the embedded database', () => {
  it('keeps data on disk across restarts, refuses a second process on the same folder, and takes over a stale lock', async () => {
    const first = await startEmbeddedDatabase(dir);
    try {
      await expect(startEmbeddedDatabase(dir)).rejects.toThrow(/already in use by another Nabij process/);
      const pool = new pg.Pool({ connectionString: first.url, max: 3 });
      await migrate(pool);
      await pool.query(`insert into tenant (slug, name) values ('blijft', 'Gemeente Blijft')`);
      await pool.end();
    } finally {
      await first.stop();
    }
    // A lock file left by a process that no longer exists (e.g. after a crash) does not block a restart.
    writeFileSync(path.join(dir, 'nabij.lock'), '999999');
    const second = await startEmbeddedDatabase(dir);
    try {
      const pool = new pg.Pool({ connectionString: second.url, max: 2 });
      expect((await migrate(pool)).applied).toEqual([]);
      expect((await pool.query('select name from tenant')).rows).toEqual([{ name: 'Gemeente Blijft' }]);
      await pool.end();
    } finally {
      await second.stop();
    }
    // Three starts of a database on disk (initdb, restart, stale lock): allow for a busy machine.
  }, 120_000);

  it('serves several connections at once without lost updates', async () => {
    const db = await startEmbeddedDatabase('memory://');
    const pool = new pg.Pool({ connectionString: db.url, max: 10 });
    try {
      await pool.query('create table counter (n int not null)');
      await pool.query('insert into counter values (0)');
      await Promise.all(
        Array.from({ length: 30 }, async () => {
          const c = await pool.connect();
          try {
            await c.query('begin');
            const { rows } = await c.query<{ n: number }>('select n from counter for update');
            await new Promise((r) => setTimeout(r, 2));
            await c.query('update counter set n = $1', [rows[0]!.n + 1]);
            await c.query('commit');
          } finally {
            c.release();
          }
        }),
      );
      expect((await pool.query('select n from counter')).rows[0].n).toBe(30);
    } finally {
      await pool.end();
      await db.stop();
    }
  });
});
