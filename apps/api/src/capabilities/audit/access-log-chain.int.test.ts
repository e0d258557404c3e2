import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase, type Database, type Tx } from '../../platform/database/database';
import { createMailer } from '../../platform/mail';
import { buildActor } from '../../shared/actor';
import { buildTenant, buildUser } from '../../../test/builders';
import { startTestApp, type TestApp } from '../../../test/test-app';
import { GENESIS_HASH, verifyTenantChain, type ReadRunner } from './access-log-chain';
import { recordAccess, recordAccessMany } from './record-access';
import { publishChainHeads } from './anchor';
import { sealTenant, unsealedStatus } from './seal';

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
  const ctx = {
    actor: buildActor({ userId: user.id, tenantId: tenant.id, roles: ['case_worker'], teamIds: [tenant.teamId] }),
    ip: '10.0.0.9',
    userAgent: 'Mozilla/5.0 | test \\ agent — “é”\nnieuwe regel',
  };
  const write = (db: Database = t.db, event = 'person.viewed') =>
    db.inTenant(tenant.id, (tx) =>
      recordAccess(tx, ctx, {
        action: 'read',
        event,
        dataCategory: 'identity',
        detail: { resultCount: 3, byName: true, note: 'a|b\\c', none: null },
      }),
    );
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

const unsealedOf = async (tenantId: string) =>
  (
    await t.db.inSystem((tx) =>
      tx
        .selectFrom('access_log')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('tenant_id', '=', tenantId)
        .where('seq', 'is', null)
        .executeTakeFirstOrThrow(),
    )
  ).n;

/**
 * Runs the sealer until every committed row of the municipality is sealed. On the shared PostgreSQL server another
 * session's open writing transaction can hold the horizon back for a moment (ADR 0045): then the next run seals.
 */
async function sealed(tenantId: string): Promise<void> {
  const until = Date.now() + 20_000;
  for (;;) {
    await sealTenant(t.db, tenantId);
    if ((await unsealedOf(tenantId)) === 0) return;
    if (Date.now() > until) throw new Error('rows stayed unsealed');
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Seals everything committed, then verifies (as `audit:verify` does). */
const verified = async (tenantId: string) => {
  await sealed(tenantId);
  return verifyTenantChain(asOwner, tenantId);
};

const idAt = async (tenantId: string, seq: number) => {
  await sealed(tenantId);
  return (
    await t.db.inSystem((tx) =>
      tx
        .selectFrom('access_log')
        .select('id')
        .where('tenant_id', '=', tenantId)
        .where('seq', '=', seq)
        .executeTakeFirstOrThrow(),
    )
  ).id;
};

describe('npm run audit:verify', () => {
  const runVerify = () =>
    spawnSync(process.execPath, ['--import', 'tsx', 'scripts/audit-verify.ts'], {
      env: { ...process.env, DATABASE_URL: t.testDb.url, NODE_ENV: 'test' },
      encoding: 'utf8',
      timeout: 60_000,
    });

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
    // Three runs of a separate process: slow on a busy machine.
  }, 120_000);
});

describe('the hash chain over the access log', () => {
  it('seals every row in order per municipality, also with awkward characters, and verifies intact', async () => {
    const a = await tenantWithUser();
    const b = await tenantWithUser();
    for (let i = 0; i < 5; i++) await a.write();
    await b.write();
    await sealed(a.tenant.id);
    const rows = await t.db.inSystem((tx) =>
      tx
        .selectFrom('access_log')
        .select(['seq', 'prev_hash', 'hash'])
        .where('tenant_id', '=', a.tenant.id)
        .orderBy('seq')
        .execute(),
    );
    expect(rows.map((r) => r.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(rows[0]!.prev_hash).toBe(GENESIS_HASH);
    expect(rows[1]!.hash).not.toBeNull();
    expect(rows[1]!.prev_hash).toBe(rows[0]!.hash);
    expect(rows.every((r) => /^[0-9a-f]{64}$/.test(r.hash ?? ''))).toBe(true);

    const report = await verified(a.tenant.id);
    expect(report).toMatchObject({ checked: 5, headSeq: 5, headHash: rows[4]!.hash, problem: null });
    expect((await verified(b.tenant.id)).checked).toBe(1);
  });

  it('cannot be forged by the application: its own seq, hash and xid are overwritten, the chain head is read-only', async () => {
    const a = await tenantWithUser();
    await a.write();
    await t.db.inTenant(a.tenant.id, (tx) =>
      tx
        .insertInto('access_log')
        .values({
          tenant_id: a.tenant.id,
          action: 'read',
          event: 'person.viewed',
          data_category: 'identity',
          outcome: 'allowed',
          seq: 99,
          prev_hash: 'x',
          hash: 'y',
          xid: '1',
        })
        .execute(),
    );
    // Written unsealed, with the real transaction id.
    const fresh = await t.db.inSystem((tx) =>
      tx
        .selectFrom('access_log')
        .select(['seq', 'hash', 'xid'])
        .where('tenant_id', '=', a.tenant.id)
        .orderBy('id', 'desc')
        .executeTakeFirstOrThrow(),
    );
    expect(fresh.seq).toBeNull();
    expect(fresh.hash).toBeNull();
    expect(fresh.xid).not.toBe('1');
    await sealed(a.tenant.id);
    const last = await t.db.inSystem((tx) =>
      tx
        .selectFrom('access_log')
        .select(['seq', 'hash'])
        .where('tenant_id', '=', a.tenant.id)
        .orderBy('seq', 'desc')
        .executeTakeFirstOrThrow(),
    );
    expect(last.seq).toBe(2);
    expect(last.hash).not.toBe('y');
    await expect(
      t.db.inTenant(a.tenant.id, (tx) => tx.updateTable('access_log_chain').set({ last_seq: 0 }).execute()),
    ).rejects.toThrow(/permission denied/);
    expect((await verified(a.tenant.id)).problem).toBeNull();
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
    expect(await verified(a.tenant.id)).toMatchObject({ checked: 2, headSeq: 2, problem: null });
  });

  // Since migration 0039 (ADR 0045) rows are sealed after commit. Multi-row statements, several statements, a
  // rolled-back savepoint and two municipalities in one transaction must still give one unbroken chain each.
  it('seals multi-row statements, several statements, rolled-back savepoints and two municipalities in one transaction', async () => {
    const a = await tenantWithUser();
    const b = await tenantWithUser();
    await a.write();
    const persons = (n: number) => Array.from({ length: n }, () => null);
    await t.db.inSystem(async (tx) => {
      await recordAccessMany(
        tx,
        a.ctx,
        { action: 'read', event: 'caseload.viewed', dataCategory: 'case_file' },
        persons(22),
      );
      await recordAccess(tx, b.ctx, { action: 'read', event: 'person.viewed', dataCategory: 'identity' });
      await recordAccessMany(
        tx,
        a.ctx,
        { action: 'read', event: 'caseload.viewed', dataCategory: 'case_file' },
        persons(3),
      );
      await sql`savepoint s1`.execute(tx);
      await recordAccessMany(
        tx,
        a.ctx,
        { action: 'read', event: 'caseload.viewed', dataCategory: 'case_file' },
        persons(4),
      );
      await recordAccess(tx, b.ctx, { action: 'read', event: 'person.viewed', dataCategory: 'identity' });
      await sql`rollback to savepoint s1`.execute(tx);
      await recordAccessMany(
        tx,
        b.ctx,
        { action: 'read', event: 'caseload.viewed', dataCategory: 'case_file' },
        persons(2),
      );
      await recordAccess(tx, a.ctx, { action: 'read', event: 'person.viewed', dataCategory: 'identity' });
    });
    await sealed(a.tenant.id);
    await sealed(b.tenant.id);
    const heads = await t.db.inSystem((tx) =>
      tx
        .selectFrom('access_log_chain')
        .select(['tenant_id', 'last_seq'])
        .where('tenant_id', 'in', [a.tenant.id, b.tenant.id])
        .execute(),
    );
    expect(Object.fromEntries(heads.map((h) => [h.tenant_id, h.last_seq]))).toEqual({
      [a.tenant.id]: 1 + 22 + 3 + 1,
      [b.tenant.id]: 1 + 2,
    });
    expect(await verified(a.tenant.id)).toMatchObject({ checked: 27, headSeq: 27, problem: null });
    expect(await verified(b.tenant.id)).toMatchObject({ checked: 3, headSeq: 3, problem: null });
    // The next transaction continues from the committed head.
    await a.write();
    expect(await verified(a.tenant.id)).toMatchObject({ checked: 28, problem: null });
  });

  it('lets the application neither seal nor change the seal: no UPDATE right, and the sealer seals only its own municipality', async () => {
    const a = await tenantWithUser();
    const b = await tenantWithUser();
    await a.write();
    await expect(
      t.db.inTenant(a.tenant.id, async (tx) => {
        await sql`select set_config('nabij.sealing', 'on', true)`.execute(tx);
        await tx
          .updateTable('access_log')
          .set({ seq: 1, prev_hash: GENESIS_HASH, hash: 'f'.repeat(64) })
          .where('tenant_id', '=', a.tenant.id)
          .execute();
      }),
    ).rejects.toThrow(/permission denied/);
    await expect(
      t.db.inTenant(a.tenant.id, (tx) => sql`select access_log_seal_pending(${b.tenant.id}::uuid, 10)`.execute(tx)),
    ).rejects.toThrow(/may only seal/);
    // The owner may not change a sealed row's seal either, not even with the sealer's setting.
    await sealed(a.tenant.id);
    await expect(
      t.db.inSystem(async (tx) => {
        await sql`select set_config('nabij.sealing', 'on', true)`.execute(tx);
        await sql`update access_log set hash = ${'e'.repeat(64)} where tenant_id = ${a.tenant.id}`.execute(tx);
      }),
    ).rejects.toThrow(/append-only/);
    expect(await verified(a.tenant.id)).toMatchObject({ checked: 1, problem: null });
  });

  it('detects an altered row', async () => {
    const a = await tenantWithUser();
    for (let i = 0; i < 4; i++) await a.write();
    const id = await idAt(a.tenant.id, 3);
    await tamper((tx) => tx.updateTable('access_log').set({ event: 'person.searched' }).where('id', '=', id).execute());
    const report = await verified(a.tenant.id);
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
      expect((await verified(a.tenant.id)).problem).toMatchObject({ kind: 'altered', seq: 2 });
    }
  });

  it('detects a deleted row', async () => {
    const a = await tenantWithUser();
    for (let i = 0; i < 5; i++) await a.write();
    const id = await idAt(a.tenant.id, 3);
    const next = await idAt(a.tenant.id, 4);
    await tamper((tx) => tx.deleteFrom('access_log').where('id', '=', id).execute());
    const report = await verified(a.tenant.id);
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
    expect((await verified(a.tenant.id)).problem).toMatchObject({ kind: 'deleted', seq: 2 });
  });

  it('detects that the newest rows were deleted', async () => {
    const a = await tenantWithUser();
    for (let i = 0; i < 4; i++) await a.write();
    await sealed(a.tenant.id);
    await tamper((tx) =>
      tx.deleteFrom('access_log').where('tenant_id', '=', a.tenant.id).where('seq', '>=', 3).execute(),
    );
    const report = await verified(a.tenant.id);
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
    const report = await verified(a.tenant.id);
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
    const report = await verified(a.tenant.id);
    expect(report).toMatchObject({ checked: 60, headSeq: 60, problem: null });
  });

  it('holds up no other request while a writing transaction is open, not even a log write of the same municipality (measured)', async () => {
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
      second
        .inTenant(a.tenant.id, (tx) => tx.selectFrom('access_log').select('id').execute())
        .then(mark('read of the log, same municipality')),
      second
        .inTenant(a.tenant.id, (tx) => tx.selectFrom('person').select('id').execute())
        .then(mark('read of other data, same municipality')),
      second
        .inTenant(b.tenant.id, (tx) =>
          recordAccess(tx, b.ctx, { action: 'read', event: 'person.viewed', dataCategory: 'identity' }),
        )
        .then(mark('log write, other municipality')),
      second
        .inTenant(a.tenant.id, (tx) =>
          recordAccess(tx, a.ctx, { action: 'read', event: 'person.viewed', dataCategory: 'identity' }),
        )
        .then(mark('log write, same municipality')),
    ];
    await new Promise((r) => setTimeout(r, 400));
    const beforeCommit = Object.keys(done).sort();
    release();
    await open;
    await Promise.all(work);
    if (t.testDb.mode === 'server') {
      // PostgreSQL: nothing waits for the open transaction — before ADR 0045 the same municipality's log write did.
      expect(beforeCommit).toEqual([
        'log write, other municipality',
        'log write, same municipality',
        'read of other data, same municipality',
        'read of the log, same municipality',
      ]);
    } else {
      // The embedded database has one connection: every other transaction waits for an open one anyway.
      expect(beforeCommit).toEqual([]);
      expect(done['log write, same municipality']).toBeGreaterThanOrEqual(400);
    }
    await sealed(a.tenant.id);
    await sealed(b.tenant.id);
    expect((await verified(a.tenant.id)).problem).toBeNull();
    expect((await verified(b.tenant.id)).problem).toBeNull();
  });
});

describe('sealing after commit (ADR 0045)', () => {
  const chainOf = (tenantId: string) =>
    t.db.inSystem((tx) =>
      tx
        .selectFrom('access_log')
        .select(['id', 'seq', 'xid', 'event', 'hash'])
        .where('tenant_id', '=', tenantId)
        .where('seq', 'is not', null)
        .orderBy('seq')
        .execute(),
    );
  const read = (event: string) => ({ action: 'read' as const, event, dataCategory: 'identity' });

  it('orders the chain by transaction id and row id, and never seals past a transaction that is still running', async () => {
    const a = await tenantWithUser();
    await a.write(t.db, 'person.viewed');
    if (t.testDb.mode === 'server') {
      // An earlier transaction is still open while a later one commits: the later row waits for it.
      let release!: () => void;
      const gate = new Promise<void>((r) => (release = r));
      let written!: () => void;
      const inserted = new Promise<void>((r) => (written = r));
      const early = t.db.inTenant(a.tenant.id, async (tx) => {
        await recordAccess(tx, a.ctx, read('case_file.viewed'));
        written();
        await gate;
      });
      await inserted;
      await second.inTenant(a.tenant.id, (tx) => recordAccess(tx, a.ctx, read('person.searched')));
      await sealTenant(t.db, a.tenant.id);
      // The committed later row is not sealed: the open transaction could still precede it.
      expect((await chainOf(a.tenant.id)).map((r) => r.event)).toEqual(['person.viewed']);
      release();
      await early;
    } else {
      // One connection: transactions follow each other, so the order is the order of writing.
      await a.write(t.db, 'case_file.viewed');
      await a.write(t.db, 'person.searched');
    }
    await sealed(a.tenant.id);
    const chain = await chainOf(a.tenant.id);
    expect(chain.map((r) => r.event)).toEqual(['person.viewed', 'case_file.viewed', 'person.searched']);
    expect(chain.map((r) => r.seq)).toEqual([1, 2, 3]);
    // seq follows (xid, id): a well-defined order, assigned at seal time.
    const keys = chain.map((r) => [BigInt(r.xid!), BigInt(r.id)] as const);
    for (let i = 1; i < keys.length; i++)
      expect(keys[i]![0] > keys[i - 1]![0] || (keys[i]![0] === keys[i - 1]![0] && keys[i]![1] > keys[i - 1]![1])).toBe(
        true,
      );
    expect(await verifyTenantChain(asOwner, a.tenant.id)).toMatchObject({ checked: 3, problem: null });
  });

  it('gives one complete chain when several connections write at once while a sealer runs beside them', async () => {
    const a = await tenantWithUser();
    const writers = t.testDb.mode === 'server' ? 24 : 6;
    const third = createDatabase(t.testDb.url, 3);
    let sealer: Promise<void> = Promise.resolve();
    let writing = true;
    try {
      sealer = (async () => {
        while (writing) {
          await sealTenant(third, a.tenant.id);
          await new Promise((r) => setTimeout(r, 5));
        }
      })();
      const pools = [t.db, second, third];
      // The embedded database serves one transaction at a time: fewer writers keep the pools' connect timeouts.
      await Promise.all(
        Array.from({ length: writers }, (_, i) =>
          pools[i % 3]!.inTenant(a.tenant.id, async (tx) => {
            await recordAccessMany(tx, a.ctx, read('caseload.viewed'), [null, null, null]);
            await new Promise((r) => setTimeout(r, 2));
            await recordAccess(tx, a.ctx, read('case_file.viewed'));
          }),
        ),
      );
      writing = false;
      await sealer;
    } finally {
      writing = false;
      await sealer.catch(() => undefined);
      await third.close();
    }
    expect(await verified(a.tenant.id)).toMatchObject({
      checked: writers * 4,
      headSeq: writers * 4,
      problem: null,
      unsealed: 0,
    });
    expect((await chainOf(a.tenant.id)).map((r) => r.seq)).toEqual(
      Array.from({ length: writers * 4 }, (_, i) => i + 1),
    );
  });

  it('never seals a rolled-back row and leaves no gap for it', async () => {
    const a = await tenantWithUser();
    await a.write();
    await expect(
      t.db.inTenant(a.tenant.id, async (tx) => {
        await recordAccess(tx, a.ctx, read('person.registered'));
        throw new Error('the action failed');
      }),
    ).rejects.toThrow('the action failed');
    await a.write();
    await sealed(a.tenant.id);
    const chain = await chainOf(a.tenant.id);
    expect(chain.map((r) => [r.seq, r.event])).toEqual([
      [1, 'person.viewed'],
      [2, 'person.viewed'],
    ]);
    expect(await verifyTenantChain(asOwner, a.tenant.id)).toMatchObject({ checked: 2, headSeq: 2, problem: null });
  });

  it('drops a row written in a rolled-back savepoint cleanly and seals one from a released savepoint', async () => {
    const a = await tenantWithUser();
    await t.db.inTenant(a.tenant.id, async (tx) => {
      await recordAccess(tx, a.ctx, read('person.viewed'));
      await sql`savepoint gone`.execute(tx);
      await recordAccess(tx, a.ctx, read('person.registered'));
      await sql`rollback to savepoint gone`.execute(tx);
      await sql`savepoint kept`.execute(tx);
      await recordAccess(tx, a.ctx, read('case_file.viewed'));
      await sql`release savepoint kept`.execute(tx);
    });
    await sealed(a.tenant.id);
    const chain = await chainOf(a.tenant.id);
    expect(chain.map((r) => [r.seq, r.event])).toEqual([
      [1, 'person.viewed'],
      [2, 'case_file.viewed'],
    ]);
    // The row of the released savepoint carries the top-level transaction's id, like the others.
    expect(chain[1]!.xid).toBe(chain[0]!.xid);
    expect(await verifyTenantChain(asOwner, a.tenant.id)).toMatchObject({ checked: 2, problem: null });
  });

  it('seals the rows of two municipalities written in one transaction into their own chains', async () => {
    const a = await tenantWithUser();
    const b = await tenantWithUser();
    await t.db.inSystem(async (tx) => {
      await recordAccess(tx, a.ctx, read('person.viewed'));
      await recordAccessMany(tx, b.ctx, read('caseload.viewed'), [null, null]);
      await recordAccess(tx, a.ctx, read('case_file.viewed'));
    });
    await sealed(a.tenant.id);
    await sealed(b.tenant.id);
    expect((await chainOf(a.tenant.id)).map((r) => [r.seq, r.event])).toEqual([
      [1, 'person.viewed'],
      [2, 'case_file.viewed'],
    ]);
    expect((await chainOf(b.tenant.id)).map((r) => r.seq)).toEqual([1, 2]);
    expect(await verifyTenantChain(asOwner, a.tenant.id)).toMatchObject({ checked: 2, problem: null });
    expect(await verifyTenantChain(asOwner, b.tenant.id)).toMatchObject({ checked: 2, problem: null });
  });

  it('seals committed rows in the next sealer run after a crash between commit and seal', async () => {
    const a = await tenantWithUser();
    for (let i = 0; i < 3; i++) await a.write();
    // The sealer dies halfway: its transaction sealed the rows but never committed.
    await expect(
      t.db.inSystem(async (tx) => {
        expect(
          (await sql<{ n: number }>`select access_log_seal_pending(${a.tenant.id}::uuid, 100) as n`.execute(tx))
            .rows[0]!.n,
        ).toBe(3);
        throw new Error('process killed');
      }),
    ).rejects.toThrow('process killed');
    expect(await unsealedOf(a.tenant.id)).toBe(3);
    // The committed rows were never lost; a new process (a fresh connection pool) seals them.
    const restarted = createDatabase(t.testDb.url, 2);
    try {
      expect(await sealTenant(restarted, a.tenant.id)).toBe(3);
    } finally {
      await restarted.close();
    }
    expect(await verifyTenantChain(asOwner, a.tenant.id, { seal: false })).toMatchObject({
      checked: 3,
      headSeq: 3,
      problem: null,
      unsealed: 0,
    });
  });

  // The guarantee before sealing (ADR 0045): an unsealed row is protected like any table — the application cannot
  // change or delete it (no right, append-only trigger), the table owner can only by switching the trigger off.
  // Such a change in the seconds before sealing is sealed as if it had been written so: the chain proves that
  // nothing changed *after sealing*. The `xid` horizon keeps that window short; unsealed rows older than a minute
  // raise the metric and the warning on the log page.
  it('before sealing: an owner who switches the trigger off can change an unsealed row unnoticed; after sealing the same change is found', async () => {
    const a = await tenantWithUser();
    await a.write();
    await sealed(a.tenant.id);
    await a.write();
    const unsealedId = (
      await t.db.inSystem((tx) =>
        tx
          .selectFrom('access_log')
          .select('id')
          .where('tenant_id', '=', a.tenant.id)
          .where('seq', 'is', null)
          .executeTakeFirstOrThrow(),
      )
    ).id;
    await expect(
      t.db.inSystem((tx) =>
        tx.updateTable('access_log').set({ outcome: 'denied' }).where('id', '=', unsealedId).execute(),
      ),
    ).rejects.toThrow(/append-only/);
    await tamper((tx) =>
      tx.updateTable('access_log').set({ outcome: 'denied' }).where('id', '=', unsealedId).execute(),
    );
    expect(await verified(a.tenant.id)).toMatchObject({ checked: 2, problem: null });
    expect(
      (
        await t.db.inSystem((tx) =>
          tx.selectFrom('access_log').select('outcome').where('id', '=', unsealedId).executeTakeFirstOrThrow(),
        )
      ).outcome,
    ).toBe('denied');
    // After sealing, the same change is detected.
    await tamper((tx) =>
      tx.updateTable('access_log').set({ outcome: 'allowed' }).where('id', '=', unsealedId).execute(),
    );
    expect((await verifyTenantChain(asOwner, a.tenant.id)).problem).toMatchObject({
      kind: 'altered',
      seq: 2,
      rowId: unsealedId,
    });
  });

  it('counts unsealed rows older than a minute: the status of the log page and the metric', async () => {
    const a = await tenantWithUser();
    await t.db.inSystem((tx) =>
      tx
        .insertInto('access_log')
        .values({
          tenant_id: a.tenant.id,
          at: new Date(Date.now() - 5 * 60_000),
          action: 'read',
          event: 'person.viewed',
          data_category: 'identity',
          outcome: 'allowed',
        })
        .execute(),
    );
    await a.write();
    const status = await t.db.inTenant(a.tenant.id, (tx) => unsealedStatus(tx, a.tenant.id));
    expect(status).toMatchObject({ unsealed: 2, stale: 1 });
    const metric = async () => {
      const body = (await t.agent().get('/metrics')).body;
      return Number(/^nabij_access_log_unsealed_stale_rows (\d+)/m.exec(body)?.[1]);
    };
    const before = await metric();
    expect(before).toBeGreaterThanOrEqual(1);
    await sealed(a.tenant.id);
    expect(await t.db.inTenant(a.tenant.id, (tx) => unsealedStatus(tx, a.tenant.id))).toMatchObject({
      unsealed: 0,
      stale: 0,
    });
    expect(await metric()).toBe(before - 1);
  });
});

describe("publishing each day's chain head outside the database (ADR 0045)", () => {
  it('sends it by e-mail or appends it to a file, once a day, and catches an owner who re-chains the table', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'nabij-anchor-'));
    const mailer = createMailer({ smtpUrl: undefined, from: 'nabij@example.test', production: false }, t.db);
    const byMail = await tenantWithUser();
    const byFile = await tenantWithUser();
    for (let i = 0; i < 3; i++) await byMail.write();
    for (let i = 0; i < 2; i++) await byFile.write();
    await t.db.inSystem((tx) =>
      tx
        .insertInto('access_log_anchor_setting')
        .values([
          { tenant_id: byMail.tenant.id, channel: 'email', target: 'privacy@gemeente.example' },
          { tenant_id: byFile.tenant.id, channel: 'file', target: 'ketenkoppen.txt' },
        ])
        .execute(),
    );
    const deps = { db: t.db, mailer, anchorDir: dir };
    const run = await publishChainHeads(deps, '2026-12-07');
    expect(run.published).toBeGreaterThanOrEqual(2);
    // Sealed first: the published head covers every committed row.
    const headOf = (tenantId: string) =>
      t.db.inSystem((tx) =>
        tx
          .selectFrom('access_log_chain')
          .select(['last_seq', 'last_hash'])
          .where('tenant_id', '=', tenantId)
          .executeTakeFirstOrThrow(),
      );
    const mailHead = await headOf(byMail.tenant.id);
    const fileHead = await headOf(byFile.tenant.id);
    expect(mailHead.last_seq).toBe(3);
    const mail = await t.db.inSystem((tx) =>
      tx
        .selectFrom('outbox_message')
        .select(['recipient', 'subject', 'text_body'])
        .where('tenant_id', '=', byMail.tenant.id)
        .execute(),
    );
    expect(mail).toHaveLength(1);
    expect(mail[0]!.recipient).toBe('privacy@gemeente.example');
    expect(mail[0]!.text_body).toContain(`ketenkop rij 3, hash ${mailHead.last_hash}`);
    const file = readFileSync(path.join(dir, 'ketenkoppen.txt'), 'utf8');
    expect(file).toMatch(new RegExp(`2026-12-07: ketenkop rij 2, hash ${fileHead.last_hash}\\n$`));
    // Once a day: a second run that day publishes nothing again.
    await byFile.write();
    await publishChainHeads(deps, '2026-12-07');
    expect(readFileSync(path.join(dir, 'ketenkoppen.txt'), 'utf8')).toBe(file);
    expect(await verified(byFile.tenant.id)).toMatchObject({ problem: null });

    // A superuser changes row 2 and recomputes every hash after it, the head row included: the chain alone is
    // consistent again, but no longer contains the published head.
    const id = await idAt(byMail.tenant.id, 2);
    await tamper(async (tx) => {
      await tx.updateTable('access_log').set({ outcome: 'denied' }).where('id', '=', id).execute();
      await sql
        .raw(
          `do $$ declare r access_log; prev text; begin
             select hash into prev from access_log where tenant_id = '${byMail.tenant.id}' and seq = 1;
             for r in select * from access_log where tenant_id = '${byMail.tenant.id}' and seq >= 2 order by seq loop
               r.hash := encode(sha256(convert_to(access_log_canonical(r, prev), 'UTF8')), 'hex');
               update access_log set prev_hash = prev, hash = r.hash where id = r.id;
               prev := r.hash;
             end loop;
             update access_log_chain set last_hash = prev where tenant_id = '${byMail.tenant.id}';
           end $$`,
        )
        .execute(tx);
    });
    const report = await verifyTenantChain(asOwner, byMail.tenant.id);
    expect(report.problem).toMatchObject({ kind: 'rewritten', seq: 3 });
    expect(report.problem?.message).toMatch(/ketenkop die op 2026-12-07 buiten de database is gepubliceerd/);
  });
});
