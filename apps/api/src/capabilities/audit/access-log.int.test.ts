import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildActor } from '../../shared/actor';
import { buildTenant, buildUser } from '../../../test/builders';
import { startTestApp, type TestApp } from '../../../test/test-app';
import { recordAccess } from './record-access';

let t: TestApp;
let tenant: { id: string; teamId: string };
let userId: string;

beforeAll(async () => {
  t = await startTestApp();
  tenant = await buildTenant(t.db);
  userId = (await buildUser(t.db, tenant)).id;
});
afterAll(() => t.close());

const ctx = () => ({
  actor: buildActor({ userId, tenantId: tenant.id, roles: ['case_worker'], teamIds: [tenant.teamId] }),
  ip: '10.0.0.1',
  userAgent: 'test',
});

describe('the access log', () => {
  it('records who, as which role and team, did what, from where, under which basis', async () => {
    await t.db.inTenant(tenant.id, (tx) =>
      recordAccess(tx, ctx(), { action: 'read', event: 'person.viewed', dataCategory: 'identity', personId: null }),
    );
    const row = await t.db.inSystem((tx) =>
      tx
        .selectFrom('access_log')
        .select([
          'tenant_id',
          'user_id',
          'user_role',
          'team_id',
          'ip',
          'user_agent',
          'legal_basis',
          'outcome',
          'emergency',
          'at',
        ])
        .where('user_id', '=', userId)
        .executeTakeFirstOrThrow(),
    );
    expect(row).toMatchObject({
      tenant_id: tenant.id,
      user_id: userId,
      user_role: 'case_worker',
      team_id: tenant.teamId,
      ip: '10.0.0.1',
      user_agent: 'test',
      legal_basis: 'public_task_social_domain',
      outcome: 'allowed',
      emergency: false,
    });
    expect(row.at).toBeInstanceOf(Date);
  });

  it('cannot be changed or deleted by the application role', async () => {
    await expect(
      t.db.inTenant(tenant.id, (tx) => tx.updateTable('access_log').set({ event: 'vervalst' }).execute()),
    ).rejects.toThrow(/permission denied/);
    await expect(t.db.inTenant(tenant.id, (tx) => tx.deleteFrom('access_log').execute())).rejects.toThrow(
      /permission denied/,
    );
    await expect(t.db.inTenant(tenant.id, (tx) => sql`truncate access_log`.execute(tx))).rejects.toThrow(
      /permission denied/,
    );
  });

  it('cannot be changed or deleted even by the table owner', async () => {
    await expect(
      t.db.inSystem((tx) => tx.updateTable('access_log').set({ event: 'vervalst' }).execute()),
    ).rejects.toThrow(/append-only/);
    await expect(t.db.inSystem((tx) => tx.deleteFrom('access_log').execute())).rejects.toThrow(/append-only/);
  });

  it('is written in the same transaction as the action: a failed action leaves no log row', async () => {
    const before = await t.db.inSystem(
      async (tx) => (await sql<{ n: number }>`select count(*)::int as n from access_log`.execute(tx)).rows[0]!.n,
    );
    await expect(
      t.db.inTenant(tenant.id, async (tx) => {
        await recordAccess(tx, ctx(), { action: 'create', event: 'person.registered', dataCategory: 'identity' });
        throw new Error('the action failed after logging');
      }),
    ).rejects.toThrow('the action failed');
    const after = await t.db.inSystem(
      async (tx) => (await sql<{ n: number }>`select count(*)::int as n from access_log`.execute(tx)).rows[0]!.n,
    );
    expect(after).toBe(before);
  });

  it('cannot receive rows for another tenant from a request transaction', async () => {
    const other = await buildTenant(t.db);
    await expect(
      t.db.inTenant(other.id, (tx) =>
        recordAccess(tx, ctx(), { action: 'read', event: 'person.viewed', dataCategory: 'identity' }),
      ),
    ).rejects.toThrow(/row-level security/);
  });
});
