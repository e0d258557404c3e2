/**
 * Backup and restore (issue #11 §6): a backup of a database with the demo municipality and awkward data
 * (tabs, newlines, backslashes, emoji, binary attachments, NULLs, the sealed access log) restores into a
 * fresh database with every table identical — compared by row count and a content hash per table, once
 * with the backup's own digests and once independently in SQL. Also through the npm scripts, and (on the
 * server run) across kinds: the server's backup restores into the embedded database.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../src/capabilities/demo-data';
import { startEmbeddedDatabase, type EmbeddedDatabase } from '../../src/platform/database/embedded';
import {
  backupToFile,
  digestDatabase,
  readBackupHeader,
  restoreFromFile,
} from '../../src/platform/database/logical-backup';
import { buildTenant, buildUser } from '../builders';
import { startTestApp, type TestApp } from '../test-app';

let t: TestApp;
let dir: string;
let backupFile: string;
/** The database the first test restored into. */
let restored: { pool: pg.Pool; url: string };
const cleanups: Array<() => Promise<void>> = [];

/** A fresh, empty database of the same kind as the test's (server or embedded), with a pool for it. */
async function emptyDatabase(
  kind: 'server' | 'embedded' = process.env.DATABASE_URL ? 'server' : 'embedded',
): Promise<{ pool: pg.Pool; url: string }> {
  if (kind === 'server') {
    const name = `nabij_restore_${randomBytes(5).toString('hex')}`;
    const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const url = new URL(process.env.DATABASE_URL!);
    url.pathname = `/${name}`;
    const pool = new pg.Pool({ connectionString: url.toString(), max: 2 });
    cleanups.push(async () => {
      await pool.end();
      const c = new pg.Client({ connectionString: process.env.DATABASE_URL });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    });
    return { pool, url: url.toString() };
  }
  const embedded: EmbeddedDatabase = await startEmbeddedDatabase('memory://');
  const pool = new pg.Pool({ connectionString: embedded.url, max: 2 });
  cleanups.push(async () => {
    await pool.end();
    await embedded.stop();
  });
  return { pool, url: embedded.url };
}

/** Row count and an md5 of every row's text per table, computed in SQL alone (independent of the backup code). */
async function independentDigests(pool: pg.Pool): Promise<Record<string, string>> {
  const { rows: tables } = await pool.query<{ t: string }>(
    `select tablename as t from pg_tables where schemaname = 'public' and tablename <> 'schema_migration' order by 1`,
  );
  const out: Record<string, string> = {};
  await pool.query("set timezone = 'UTC'");
  for (const { t: name } of tables) {
    const r = await pool.query<{ n: string; h: string | null }>(
      `select count(*)::text as n, md5(string_agg(x::text, E'\\n' order by x::text)) as h from public."${name}" x`,
    );
    out[name] = `${r.rows[0]!.n} ${r.rows[0]!.h ?? '-'}`;
  }
  return out;
}

function runScript(script: 'backup' | 'restore', file: string, env: Record<string, string>) {
  const base = { ...(process.env as Record<string, string>) };
  delete base.DATABASE_URL;
  return spawnSync(process.execPath, ['--import', 'tsx', `scripts/${script}.ts`, file], {
    env: { ...base, ...env },
    encoding: 'utf8',
    timeout: 120_000,
  });
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'nabij-backup-'));
  backupFile = path.join(dir, 'backup.sql');
  t = await startTestApp();
  await seedDemo(t.db);
  // Awkward values, and access-log rows written through the app (sealed by the chain trigger where it exists).
  const tenant = await buildTenant(t.db, { name: 'Gemeente \\ Tab\tNieuwe\nregel' });
  const user = await buildUser(t.db, tenant, { roles: ['intake_desk'] });
  const desk = t.agent();
  await desk.login(user.username, user.password);
  const referral = await desk.post('/api/referrals', {
    teamId: tenant.teamId,
    channel: 'phone',
    referrerKind: 'self',
    referrer: { name: 'Ïñwoner "zelf" 😀', phone: '0612345678' },
    residents: [{ firstName: 'Back\\slash', lastName: 'Tab\there' }],
    lifeDomains: ['finances', 'housing'],
    question: 'Regel 1\nRegel 2\r\n\\N is geen NULL\t<script>',
    idempotencyKey: crypto.randomUUID(),
  });
  expect(referral.statusCode).toBe(201);
  await t.db.inSystem((tx) =>
    tx
      .insertInto('referral_attachment')
      .values({
        tenant_id: tenant.id,
        referral_id: referral.json().id,
        filename: 'alle-bytes.pdf',
        media_type: 'application/pdf',
        size_bytes: 256,
        content: Buffer.from(Array.from({ length: 256 }, (_, i) => i)),
      })
      .execute(),
  );
}, 180_000);

afterAll(async () => {
  for (const c of cleanups.reverse()) await c().catch(() => undefined);
  await t?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('backup and restore', () => {
  it('restores into a fresh database with every table identical', async () => {
    const summary = await backupToFile(t.db.pool, backupFile, t.testDb.mode);
    expect(summary.tables.length).toBeGreaterThan(30);
    expect(summary.tables.find((x) => x.table === 'referral_attachment')!.rows).toBeGreaterThan(0);
    expect(readFileSync(backupFile, 'utf8')).toContain('COPY public.');

    const target = await emptyDatabase();
    restored = target;
    const { tables } = await restoreFromFile(target.pool, backupFile);
    expect(tables).toEqual(summary.tables);
    expect(await digestDatabase(target.pool)).toEqual(await digestDatabase(t.db.pool));
    expect(await independentDigests(target.pool)).toEqual(await independentDigests(t.db.pool));
    // The restored database works: sequences continue after the restored rows.
    const log = await target.pool.query<{ max: string; next: string }>(
      `select (select max(id) from access_log)::text as max, nextval(pg_get_serial_sequence('access_log', 'id'))::text as next`,
    );
    expect(BigInt(log.rows[0]!.next)).toBeGreaterThan(BigInt(log.rows[0]!.max ?? '0'));

    if (t.testDb.mode === 'server') {
      // The same file restores into the other kind of database: PostgreSQL 15 server → embedded PGlite 18.
      const embedded = await emptyDatabase('embedded');
      expect((await restoreFromFile(embedded.pool, backupFile)).tables).toEqual(summary.tables);
    }
  }, 180_000);

  it('refuses to restore over data, a cut-off file, or a file with other statements', async () => {
    await expect(restoreFromFile(restored.pool, backupFile)).rejects.toThrow(/not empty/);

    const text = readFileSync(backupFile, 'utf8');
    const cut = path.join(dir, 'cut.sql');
    writeFileSync(cut, text.slice(0, Math.floor(text.length / 2)));
    // Refused before the database is looked at.
    await expect(restoreFromFile(restored.pool, cut)).rejects.toThrow(/incomplete/);

    const tampered = path.join(dir, 'tampered.sql');
    writeFileSync(tampered, text.replace("SET timezone = 'UTC';", "SET timezone = 'UTC';\nDROP TABLE tenant;"));
    const other = await emptyDatabase();
    await expect(restoreFromFile(other.pool, tampered)).rejects.toThrow(/not allowed/);
    expect((await other.pool.query('select count(*)::int as n from tenant')).rows[0].n).toBe(0);

    const header = await readBackupHeader(backupFile);
    expect(header.complete).toBe(true);
    expect(header.migrations.length).toBeGreaterThan(10);
  }, 180_000);

  it('works through npm run db:restore and db:backup, with the same content', () => {
    const again = path.join(dir, 'again.sql');
    let env: Record<string, string>;
    if (t.testDb.mode === 'server') {
      const name = `nabij_cli_${randomBytes(5).toString('hex')}`;
      const created = spawnSync('psql', [process.env.DATABASE_URL!, '-c', `create database ${name}`], {
        encoding: 'utf8',
      });
      expect(created.status, created.stderr).toBe(0);
      const url = new URL(process.env.DATABASE_URL!);
      url.pathname = `/${name}`;
      env = { DATABASE_URL: url.toString() };
      cleanups.push(async () => {
        const c = new pg.Client({ connectionString: process.env.DATABASE_URL });
        await c.connect();
        await c.query(`drop database if exists ${name} with (force)`);
        await c.end();
      });
    } else {
      env = { DATA_DIR: path.join(dir, 'data') };
    }
    const restored = runScript('restore', backupFile, env);
    expect(restored.status, restored.stderr).toBe(0);
    expect(restored.stdout).toContain('checked against the backup');
    const backedUp = runScript('backup', again, env);
    expect(backedUp.status, backedUp.stderr).toBe(0);
    const digestLines = (file: string) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .filter((l) => l.startsWith('-- table ') || l.startsWith('-- migration '));
    expect(digestLines(again)).toEqual(digestLines(backupFile));
    // Refused: a second restore over the restored data.
    const refused = runScript('restore', backupFile, env);
    expect(refused.status).not.toBe(0);
  }, 120_000);
});
