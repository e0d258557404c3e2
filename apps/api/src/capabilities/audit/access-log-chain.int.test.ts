import { spawnSync } from 'node:child_process';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase, type Database, type Tx } from '../../platform/database/database';
import { buildActor } from '../../shared/actor';
import { buildTenant, buildUser } from '../../../test/builders';
import { startTestApp, type TestApp } from '../../../test/test-app';
import { GENESIS_HASH, verifyTenantChain, type ReadRunner } from './access-log-chain';
import { recordAccess, recordAccessMany } from './record-access';

let t: TestApp;
let second: Database;
beforeAll(async () => {
  t = await startTestApp();
  // A second connection pool on the same database: another app instance.
  second = createDatabase(t.testDb.url, 5);
});
afterAll(async () => {
  await second.close();
  await t.close();
});

const asOwner: ReadRunner = (fn) => t.db.inSystem(fn);

async function tenantWithUser() {
  const tenant = await buildTenant(t.db);
  const user = await buildUser(t.db, tenant);
  const ctx = { actor: buildActor({ userId: user.id, tenantId: tenant.id, roles: ['case_worker'], teamIds: [tenant.teamId] }), ip: '10.0.0.9', userAgent: 'Mozilla/5.0 | test \\ agent — “é”\nnieuwe regel' };
  const write = (db: Database = t.db, event = 'person.viewed') =>
    db.inTenant(tenant.id, (tx) => recordAccess(tx, ctx, { action: 'read', event, dataCategory: 'identity', detail: { resultCount: 3, byName: true, note: 'a|b\\c', none: null } }));
  return { tenant, ctx, write };
}

/** What a malicious DBA does: switch the append-only trigger off and change the table directly. */
async function tamper(fn: (tx: Tx) => Promise<unknown>): Promise<void> {
  await t.db.inSystem(async (tx) => {
    await sql`alter table access_log disable trigger access_log_no_update`.execute(tx);
    await fn(tx);
    await sql`alter table access_log enable trigger access_log_no_update`.execute(tx);
  });
}

const idAt = async (tenantId: string, seq: number) =>
  (await t.db.inSystem((tx) => tx.selectFrom('access_log').select('id').where('tenant_id', '=', tenantId).where('seq', '=', seq).executeTakeFirstOrThrow())).id;

describe('npm run audit:verify', () => {
  const runVerify = () =>
    spawnSync(process.execPath, ['--import', 'tsx', 'scripts/audit-verify.ts'], { env: { ...process.env, DATABASE_URL: t.testDb.url, NODE_ENV: 'test' }, encoding: 'utf8', timeout: 60_000 });

  // Runs first, while no municipality in this database has been tampered with.
  it('reports every municipality intact with exit code 0, and the first tampered row with exit code 1', async () => {
    const before = await tenantWithUser();
    await before.write();
    const intact = runVerify();
    expect(intact.stderr).toBe('');
    expect(intact.status).toBe(0);
    expect(intact.stdout).toMatch(/IN ORDE/);

    const a = await tenantWithUser();
    for (let i = 0; i < 3; i++) await a.write();
    const id = await idAt(a.tenant.id, 2);
    await tamper((tx) => tx.updateTable('access_log').set({ outcome: 'denied' }).where('id', '=', id).execute());
    const broken = runVerify();
    expect(broken.status).toBe(1);
    expect(broken.stderr).toContain(`Rij 2 (id ${id}) is gewijzigd`);
    expect(broken.stderr).toContain('Er is niets hersteld');
    // Never repaired: a second run finds the same.
    expect(runVerify().status).toBe(1);
  });
});

describe('the hash chain over the access log', () => {
  it('seals every row in order per municipality, also with awkward characters, and verifies intact', async () => {
    const a = await tenantWithUser();
    const b = await tenantWithUser();
    for (let i = 0; i < 5; i++) await a.write();
    await b.write();
    const rows = await t.db.inSystem((tx) => tx.selectFrom('access_log').select(['seq', 'prev_hash', 'hash']).where('tenant_id', '=', a.tenant.id).orderBy('seq').execute());
    expect(rows.map((r) => r.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(rows[0]!.prev_hash).toBe(GENESIS_HASH);
    expect(rows[1]!.prev_hash).toBe(rows[0]!.hash);
    expect(rows.every((r) => /^[0-9a-f]{64}$/.test(r.hash))).toBe(true);

    const report = await verifyTenantChain(asOwner, a.tenant.id);
    expect(report).toMatchObject({ checked: 5, headSeq: 5, headHash: rows[4]!.hash, problem: null });
    expect((await verifyTenantChain(asOwner, b.tenant.id)).checked).toBe(1);
  });

  it('cannot be forged by the application: its own seq and hash are overwritten, the chain head is read-only', async () => {
    const a = await tenantWithUser();
    await a.write();
    await t.db.inTenant(a.tenant.id, (tx) =>
      tx.insertInto('access_log').values({ tenant_id: a.tenant.id, action: 'read', event: 'person.viewed', data_category: 'identity', outcome: 'allowed', seq: 99, prev_hash: 'x', hash: 'y' }).execute(),
    );
    const last = await t.db.inSystem((tx) => tx.selectFrom('access_log').select(['seq', 'hash']).where('tenant_id', '=', a.tenant.id).orderBy('seq', 'desc').executeTakeFirstOrThrow());
    expect(last.seq).toBe(2);
    expect(last.hash).not.toBe('y');
    await expect(t.db.inTenant(a.tenant.id, (tx) => tx.updateTable('access_log_chain').set({ last_seq: 0 }).execute())).rejects.toThrow(/permission denied/);
    expect((await verifyTenantChain(asOwner, a.tenant.id)).problem).toBeNull();
  });

  it('continues from the last committed row after a rolled-back write', async () => {
    const a = await tenantWithUser();
    await a.write();
    await expect(
      t.db.inTenant(a.tenant.id, async (tx) => {
        await recordAccess(tx, a.ctx, { action: 'read', event: 'person.viewed', dataCategory: 'identity' });
        throw new Error('the action failed');
      }),
    ).rejects.toThrow('the action failed');
    await a.write();
    expect(await verifyTenantChain(asOwner, a.tenant.id)).toMatchObject({ checked: 2, headSeq: 2, problem: null });
  });

  // Migration 0021 (ADR 0025): the head row is written once per statement, the running head is carried in a
  // transaction-local setting. Multi-row statements, several statements, a rolled-back savepoint and two
  // municipalities in one transaction must still give one unbroken chain each, with the head row at its end.
  it('seals multi-row statements, several statements, rolled-back savepoints and two municipalities in one transaction', async () => {
    const a = await tenantWithUser();
    const b = await tenantWithUser();
    await a.write();
    const persons = (n: number) => Array.from({ length: n }, () => null);
    await t.db.inSystem(async (tx) => {
      await recordAccessMany(tx, a.ctx, { action: 'read', event: 'caseload.viewed', dataCategory: 'case_file' }, persons(22));
      await recordAccess(tx, b.ctx, { action: 'read', event: 'person.viewed', dataCategory: 'identity' });
      await recordAccessMany(tx, a.ctx, { action: 'read', event: 'caseload.viewed', dataCategory: 'case_file' }, persons(3));
      await sql`savepoint s1`.execute(tx);
      await recordAccessMany(tx, a.ctx, { action: 'read', event: 'caseload.viewed', dataCategory: 'case_file' }, persons(4));
      await recordAccess(tx, b.ctx, { action: 'read', event: 'person.viewed', dataCategory: 'identity' });
      await sql`rollback to savepoint s1`.execute(tx);
      await recordAccessMany(tx, b.ctx, { action: 'read', event: 'caseload.viewed', dataCategory: 'case_file' }, persons(2));
      await recordAccess(tx, a.ctx, { action: 'read', event: 'person.viewed', dataCategory: 'identity' });
    });
    const heads = await t.db.inSystem((tx) => tx.selectFrom('access_log_chain').select(['tenant_id', 'last_seq']).where('tenant_id', 'in', [a.tenant.id, b.tenant.id]).execute());
    expect(Object.fromEntries(heads.map((h) => [h.tenant_id, h.last_seq]))).toEqual({ [a.tenant.id]: 1 + 22 + 3 + 1, [b.tenant.id]: 1 + 2 });
    expect(await verifyTenantChain(asOwner, a.tenant.id)).toMatchObject({ checked: 27, headSeq: 27, problem: null });
    expect(await verifyTenantChain(asOwner, b.tenant.id)).toMatchObject({ checked: 3, headSeq: 3, problem: null });
    // The next transaction continues from the committed head.
    await a.write();
    expect(await verifyTenantChain(asOwner, a.tenant.id)).toMatchObject({ checked: 28, problem: null });
  });

  it('refuses a forged running head instead of forking the chain', async () => {
    const a = await tenantWithUser();
    await a.write();
    await a.write();
    await expect(
      t.db.inTenant(a.tenant.id, async (tx) => {
        await sql`select set_config('nabij.access_log_head', ${`${a.tenant.id}|1|1|${'f'.repeat(64)}`}, true)`.execute(tx);
        await recordAccess(tx, a.ctx, { action: 'read', event: 'person.viewed', dataCategory: 'identity' });
      }),
    ).rejects.toThrow();
    await a.write();
    expect(await verifyTenantChain(asOwner, a.tenant.id)).toMatchObject({ checked: 3, headSeq: 3, problem: null });
  });

  it('detects an altered row', async () => {
    const a = await tenantWithUser();
    for (let i = 0; i < 4; i++) await a.write();
    const id = await idAt(a.tenant.id, 3);
    await tamper((tx) => tx.updateTable('access_log').set({ event: 'person.searched' }).where('id', '=', id).execute());
    const report = await verifyTenantChain(asOwner, a.tenant.id);
    expect(report.problem).toMatchObject({ kind: 'altered', seq: 3, rowId: id });
    expect(report.checked).toBe(2);
    expect(report.problem?.message).toMatch(/Rij 3 .* is gewijzigd/);
  });

  it('detects an altered time, emergency flag or detail (every field counts)', async () => {
    for (const change of [
      (id: number) => sql`update access_log set at = at - interval '1 microsecond' where id = ${id}`,
      (id: number) => sql`update access_log set emergency = true where id = ${id}`,
      (id: number) => sql`update access_log set detail = '{"resultCount": 4}'::jsonb where id = ${id}`,
      (id: number) => sql`update access_log set user_id = null where id = ${id}`,
    ]) {
      const a = await tenantWithUser();
      for (let i = 0; i < 3; i++) await a.write();
      const id = await idAt(a.tenant.id, 2);
      await tamper((tx) => change(id).execute(tx));
      expect((await verifyTenantChain(asOwner, a.tenant.id)).problem).toMatchObject({ kind: 'altered', seq: 2 });
    }
  });

  it('detects a deleted row', async () => {
    const a = await tenantWithUser();
    for (let i = 0; i < 5; i++) await a.write();
    const id = await idAt(a.tenant.id, 3);
    const next = await idAt(a.tenant.id, 4);
    await tamper((tx) => tx.deleteFrom('access_log').where('id', '=', id).execute());
    const report = await verifyTenantChain(asOwner, a.tenant.id);
    expect(report.problem).toMatchObject({ kind: 'deleted', seq: 3, rowId: next });
    expect(report.problem?.message).toMatch(/Rij 3 ontbreekt/);
  });

  it('detects a deleted row also when the positions after it were renumbered', async () => {
    const a = await tenantWithUser();
    for (let i = 0; i < 5; i++) await a.write();
    const id = await idAt(a.tenant.id, 2);
    await tamper(async (tx) => {
      await tx.deleteFrom('access_log').where('id', '=', id).execute();
      await sql`update access_log set seq = seq - 1 where tenant_id = ${a.tenant.id} and seq > 2`.execute(tx);
    });
    expect((await verifyTenantChain(asOwner, a.tenant.id)).problem).toMatchObject({ kind: 'deleted', seq: 2 });
  });

  it('detects that the newest rows were deleted', async () => {
    const a = await tenantWithUser();
    for (let i = 0; i < 4; i++) await a.write();
    await tamper((tx) => tx.deleteFrom('access_log').where('tenant_id', '=', a.tenant.id).where('seq', '>=', 3).execute());
    const report = await verifyTenantChain(asOwner, a.tenant.id);
    expect(report.problem).toMatchObject({ kind: 'deleted', seq: 3, rowId: null });
    expect(report.checked).toBe(2);
  });

  it('detects reordered rows', async () => {
    const a = await tenantWithUser();
    for (let i = 0; i < 5; i++) await a.write();
    const second = await idAt(a.tenant.id, 2);
    const third = await idAt(a.tenant.id, 3);
    await tamper(async (tx) => {
      await tx.updateTable('access_log').set({ seq: -1 }).where('id', '=', second).execute();
      await tx.updateTable('access_log').set({ seq: 2 }).where('id', '=', third).execute();
      await tx.updateTable('access_log').set({ seq: 3 }).where('id', '=', second).execute();
    });
    const report = await verifyTenantChain(asOwner, a.tenant.id);
    expect(report.problem).toMatchObject({ kind: 'reordered', seq: 2, rowId: third });
    expect(report.problem?.message).toMatch(/verkeerde plaats/);
  });

  it('keeps one unbroken chain when several app instances write at once', async () => {
    const a = await tenantWithUser();
    const writers = Array.from({ length: 30 }, (_, i) =>
      (i % 2 ? second : t.db).inTenant(a.tenant.id, async (tx) => {
        await recordAccess(tx, a.ctx, { action: 'read', event: 'person.viewed', dataCategory: 'identity' });
        await new Promise((r) => setTimeout(r, 2));
        await recordAccess(tx, a.ctx, { action: 'read', event: 'case_file.viewed', dataCategory: 'case_file' });
      }),
    );
    await Promise.all(writers);
    const report = await verifyTenantChain(asOwner, a.tenant.id);
    expect(report).toMatchObject({ checked: 60, headSeq: 60, problem: null });
  });

  it('holds up only log writes of the same municipality while a writing transaction is open (measured)', async () => {
    const a = await tenantWithUser();
    const b = await tenantWithUser();
    await a.write();
    await b.write();
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let written!: () => void;
    const inserted = new Promise<void>((r) => (written = r));
    const open = t.db.inTenant(a.tenant.id, async (tx) => {
      await recordAccess(tx, a.ctx, { action: 'read', event: 'person.viewed', dataCategory: 'identity' });
      written();
      await gate;
    });
    await inserted;
    const started = Date.now();
    const done: Record<string, number> = {};
    const mark = (name: string) => () => {
      done[name] = Date.now() - started;
    };
    const work = [
      second.inTenant(a.tenant.id, (tx) => tx.selectFrom('access_log').select('id').execute()).then(mark('read of the log, same municipality')),
      second.inTenant(a.tenant.id, (tx) => tx.selectFrom('person').select('id').execute()).then(mark('read of other data, same municipality')),
      second.inTenant(b.tenant.id, (tx) => recordAccess(tx, b.ctx, { action: 'read', event: 'person.viewed', dataCategory: 'identity' })).then(mark('log write, other municipality')),
      second.inTenant(a.tenant.id, (tx) => recordAccess(tx, a.ctx, { action: 'read', event: 'person.viewed', dataCategory: 'identity' })).then(mark('log write, same municipality')),
    ];
    await new Promise((r) => setTimeout(r, 400));
    const beforeCommit = Object.keys(done).sort();
    release();
    await open;
    await Promise.all(work);
    if (t.testDb.mode === 'server') {
      // PostgreSQL: only the second writer of the same municipality waits for the commit.
      expect(beforeCommit).toEqual(['log write, other municipality', 'read of other data, same municipality', 'read of the log, same municipality']);
    } else {
      // The embedded database has one connection: every other transaction waits for an open one anyway.
      expect(beforeCommit).toEqual([]);
    }
    expect(done['log write, same municipality']).toBeGreaterThanOrEqual(400);
    expect((await verifyTenantChain(asOwner, a.tenant.id)).problem).toBeNull();
    expect((await verifyTenantChain(asOwner, b.tenant.id)).problem).toBeNull();
  });
});
