// Tenant isolation across every table with a tenant_id (issue #7 item 9): as the request role nabij_app, a
// transaction of one municipality never sees, and never writes, a row of another.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../src/capabilities/demo-data';
import { buildCase, buildTenant, buildUser } from '../builders';
import { fillCase } from '../privacy-fixtures';
import { startTestApp, type TestApp } from '../test-app';

let t: TestApp;
let tenants: Array<{ id: string; slug: string }>;
let tables: string[];

const isPermissionError = (err: unknown) => (err as { code?: string }).code === '42501';

beforeAll(async () => {
  t = await startTestApp();
  await seedDemo(t.db);
  // A third municipality with a case filled through the API, so the less common tables have rows too.
  const extra = await buildTenant(t.db, { slug: 'derdestad' });
  const w = await buildUser(t.db, extra, { roles: ['case_worker'] });
  const p = await buildUser(t.db, extra, { roles: ['privacy_officer'] });
  const c = await buildCase(t.db, extra, { caseWorkerId: w.id, referralDomains: ['finances'] });
  const worker = t.agent();
  await worker.login(w.username, w.password);
  await fillCase(worker, c.id, c.adultId, c.childId);
  const officer = t.agent();
  await officer.login(p.username, p.password);
  await officer.post('/api/avg/requests', {
    personId: c.adultId,
    kind: 'inspection',
    channel: 'letter',
    receivedOn: '2026-11-01',
    description: 'Inzage',
  });
  await officer.put('/api/retention/settings', { participatiewetYears: 8, wgsYears: 7, otherYears: 5, version: 0 });
  tenants = await t.db.inSystem((tx) => tx.selectFrom('tenant').select(['id', 'slug']).orderBy('slug').execute());
  tables = await t.db.inSystem(async (tx) =>
    (
      await sql<{ table_name: string }>`
        select c.table_name from information_schema.columns c
        join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name and t.table_type = 'BASE TABLE'
        where c.table_schema = 'public' and c.column_name = 'tenant_id' order by 1`.execute(tx)
    ).rows.map((r) => r.table_name),
  );
}, 300_000);
afterAll(() => t.close());

describe('tenant isolation', () => {
  it('has three municipalities with data, and finds the tables with a tenant_id', () => {
    expect(tenants.map((x) => x.slug)).toEqual(['anderstad', 'derdestad', 'voorbeeld']);
    expect(tables.length).toBeGreaterThan(50);
    for (const known of [
      'person',
      'case_file',
      'access_log',
      'app_user',
      'team',
      'avg_request',
      'contact_entry',
      'meldcode_record',
    ])
      expect(tables).toContain(known);
  });

  it('protects every such table with row-level security on tenant_id', async () => {
    const policies = await t.db.inSystem(
      async (tx) =>
        (
          await sql<{ table: string; rls: boolean; quals: string[]; reachable: boolean }>`
          select c.relname as table, c.relrowsecurity as rls,
                 has_table_privilege('nabij_app', c.oid, 'SELECT, INSERT, UPDATE, DELETE') as reachable,
                 coalesce(array_agg(coalesce(p.qual, '')) filter (where p.policyname is not null), '{}') as quals
          from pg_class c left join pg_policies p on p.tablename = c.relname and p.schemaname = 'public'
          where c.relnamespace = 'public'::regnamespace and c.relname = any(${tables})
          group by c.relname, c.relrowsecurity, c.oid`.execute(tx)
        ).rows,
    );
    // A table the request role cannot touch at all (sessions: read as the owner during login only) needs no policy.
    const unprotected = policies
      .filter(
        (p) =>
          p.reachable && (!p.rls || !p.quals.some((q) => q.includes('tenant_id') && q.includes('current_tenant_id()'))),
      )
      .map((p) => p.table);
    expect(policies.filter((p) => p.reachable).length).toBeGreaterThan(50);
    expect(unprotected).toEqual([]);
  });

  it('in every table, a query of one municipality never returns another municipality’s rows', async () => {
    let checked = 0;
    const withOtherRows = new Set<string>();
    for (const me of tenants) {
      for (const table of tables) {
        const [mine, others] = await t.db.inSystem(async (tx) => {
          const r = await sql<{ mine: number; others: number }>`
            select count(*) filter (where tenant_id = ${me.id})::int as mine, count(*) filter (where tenant_id is distinct from ${me.id})::int as others
            from ${sql.table(table)}`.execute(tx);
          return [r.rows[0]!.mine, r.rows[0]!.others];
        });
        if (others > 0) withOtherRows.add(table);
        try {
          const seen = await t.db.inTenant(me.id, async (tx) => {
            // Deliberately without a tenant filter: only row-level security stands between this query and the others.
            const r = await sql<{ all: number; foreign: number }>`
              select count(*)::int as all, count(*) filter (where tenant_id is distinct from ${me.id})::int as foreign from ${sql.table(table)}`.execute(
              tx,
            );
            return r.rows[0]!;
          });
          expect([table, me.slug, seen.foreign, seen.all]).toEqual([table, me.slug, 0, mine]);
          checked++;
        } catch (err) {
          // A table the request role may not read at all (sessions, login attempts) is isolated too.
          if (!isPermissionError(err)) throw err;
        }
      }
    }
    expect(checked).toBeGreaterThan(100);
    // Not a vacuous test: most tables hold rows of another municipality than the one asking.
    expect(withOtherRows.size).toBeGreaterThan(40);
  }, 300_000);

  it('never writes a row for another municipality, in any table', async () => {
    const a = tenants[0]!;
    const b = tenants[2]!;
    const written: string[] = [];
    for (const table of tables) {
      try {
        await t.db.inTenant(a.id, (tx) =>
          sql`insert into ${sql.table(table)} (tenant_id) values (${b.id})`.execute(tx),
        );
        written.push(table);
      } catch (err) {
        // Row-level security refuses the row before any other constraint, or the role has no INSERT at all.
        expect([table, (err as { code?: string }).code]).toEqual([table, '42501']);
      }
    }
    expect(written).toEqual([]);
  });

  it('shows the organisation only of the own municipality, and never password hashes or two-factor secrets', async () => {
    const a = tenants[0]!;
    await t.db.inTenant(a.id, async (tx) => {
      const users = await tx.selectFrom('app_user').select(['id', 'tenant_id']).execute();
      expect(users.length).toBeGreaterThan(0);
      expect(users.every((u) => u.tenant_id === a.id)).toBe(true);
      expect((await tx.selectFrom('tenant').select('id').execute()).map((x) => x.id)).toEqual([a.id]);
      const roles = await sql<{
        n: number;
      }>`select count(*)::int as n from user_role r where not exists (select 1 from app_user u where u.id = r.user_id)`.execute(
        tx,
      );
      expect(roles.rows[0]!.n).toBe(0);
    });
    for (const column of ['password_hash', 'totp_secret', 'totp_last_step']) {
      const err = await t.db
        .inTenant(a.id, (tx) => sql`select ${sql.ref(column)} from app_user`.execute(tx))
        .catch((e: unknown) => e);
      expect([column, isPermissionError(err)]).toEqual([column, true]);
    }
  });
});
