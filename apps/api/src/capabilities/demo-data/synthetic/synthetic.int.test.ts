import { isValidBsn } from '@nabij/contracts';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../../test/test-app';
import { createTestDatabase } from '../../../../test/test-database';
import type { Database } from '../../../platform/database/database';
import { municipalDate } from '../../../shared/clock';
import { verifyAllChains } from '../../audit';
import { hashPassword } from '../../auth';
import { checksumDatabase, generateSynthetic, SYNTHETIC_PASSWORD, type GenerateResult } from '.';

/** Rows whose foreign key points nowhere, over every foreign key of the schema (the generator loads without FK triggers). */
async function danglingForeignKeys(db: Database): Promise<string[]> {
  const fks = await sql<{ name: string; child: string; parent: string; ccols: string; pcols: string }>`
    select c.conname as name, c.conrelid::regclass::text as child, c.confrelid::regclass::text as parent,
      (select string_agg(format('c.%I', a.attname), ',' order by k.ord) from unnest(c.conkey) with ordinality k(att, ord)
         join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.att) as ccols,
      (select string_agg(format('p.%I', a.attname), ',' order by k.ord) from unnest(c.confkey) with ordinality k(att, ord)
         join pg_attribute a on a.attrelid = c.confrelid and a.attnum = k.att) as pcols
    from pg_constraint c where c.contype = 'f' and c.connamespace = 'public'::regnamespace`.execute(db.kysely);
  const bad: string[] = [];
  for (const fk of fks.rows) {
    const r = await db.pool.query<{ n: number }>(
      `select count(*)::int as n from ${fk.child} c where (${fk.ccols}) is not null and not exists (select 1 from ${fk.parent} p where (${fk.pcols}) = (${fk.ccols}))`,
    );
    if (r.rows[0]!.n > 0) bad.push(`${fk.name}: ${r.rows[0]!.n}`);
  }
  return bad;
}

async function generateInto(
  db: Database,
  options: { seed: string; anchor: string; passwordHash: string },
): Promise<GenerateResult> {
  const client = await db.pool.connect();
  try {
    return await generateSynthetic(client, { size: 'small', ...options });
  } finally {
    client.release();
  }
}

async function checksumOf(db: Database): Promise<string> {
  const client = await db.pool.connect();
  try {
    return await checksumDatabase(client);
  } finally {
    client.release();
  }
}

describe('synthetic data generator (size small)', () => {
  let t: TestApp;
  let result: GenerateResult;
  let passwordHash: string;
  let storedChecksum: string;
  const anchor = municipalDate(new Date());

  beforeAll(async () => {
    t = await startTestApp();
    passwordHash = await hashPassword(SYNTHETIC_PASSWORD);
    result = await generateInto(t.db, { seed: 'test', anchor, passwordHash });
    storedChecksum = await checksumOf(t.db);
  }, 180_000);
  afterAll(async () => {
    await t.close();
  });

  it('fills the municipality with teams, users of every role, households, referrals, case files and their history', async () => {
    const count = async (table: string) =>
      (await t.db.pool.query<{ n: number }>(`select count(*)::int as n from ${table}`)).rows[0]!.n;
    expect(await count('tenant')).toBe(2);
    expect(await count('team')).toBe(3);
    expect(await count('case_file')).toBe(120);
    expect(await count('person')).toBeGreaterThan(300);
    expect(await count('household')).toBeGreaterThan(120);
    expect(await count('contact_entry')).toBeGreaterThan(800);
    expect(await count('zrm_assessment')).toBeGreaterThan(200);
    expect(await count('zrm_score')).toBeGreaterThan(await count('zrm_assessment'));
    expect(await count('plan_goal')).toBeGreaterThan(100);
    expect(await count('case_evaluation')).toBeGreaterThan(20);
    expect(await count('case_closure')).toBeGreaterThan(20);
    expect(await count('case_watch')).toBeGreaterThan(0);
    // The counts the generator reports are the rows in the database.
    expect(result.counts.contact_entry).toBe(await count('contact_entry'));
    expect(result.counts.person).toBe(await count('person'));

    const roles = await t.db.pool.query<{ role: string }>('select distinct role from user_role order by role');
    expect(roles.rows.map((r) => r.role)).toEqual([
      'behavioural_scientist',
      'case_worker',
      'functional_admin',
      'intake_desk',
      'municipal_consultant',
      'policy_advisor',
      'privacy_officer',
      'team_coordinator',
      'volunteer_host',
    ]);
  });

  it('spreads case files over every phase, with most closed, and keeps the intake inbox in every status', async () => {
    const phases = await t.db.pool.query<{ phase: string; n: number }>(
      'select phase, count(*)::int as n from case_file group by phase',
    );
    const byPhase = Object.fromEntries(phases.rows.map((r) => [r.phase, r.n]));
    for (const phase of ['analysis', 'plan', 'execution', 'watch', 'closed'])
      expect(byPhase[phase], phase).toBeGreaterThan(0);
    expect(byPhase.closed).toBeGreaterThan(120 / 3);
    const open = await t.db.pool.query<{ n: number }>(
      `select count(*)::int as n from case_file where phase <> 'closed' and closed_at is not null`,
    );
    expect(open.rows[0]!.n).toBe(0);
    const statuses = await t.db.pool.query<{ status: string }>('select distinct status from referral order by status');
    expect(statuses.rows.map((r) => r.status)).toEqual([
      'closed',
      'complete',
      'decided',
      'new',
      'on_agenda',
      'waiting_for_information',
    ]);
  });

  it('writes valid-format test BSNs only from the 999 block, unique per municipality', async () => {
    const bsns = await t.db.pool.query<{ bsn: string; tenant_id: string }>(
      'select bsn, tenant_id from person where bsn is not null',
    );
    expect(bsns.rows.length).toBeGreaterThan(100);
    for (const r of bsns.rows) {
      expect(isValidBsn(r.bsn), r.bsn).toBe(true);
      expect(r.bsn.startsWith('999')).toBe(true);
    }
    expect(new Set(bsns.rows.map((r) => `${r.tenant_id}:${r.bsn}`)).size).toBe(bsns.rows.length);
  });

  it('leaves no dangling foreign key and a valid access-log hash chain', async () => {
    expect(await danglingForeignKeys(t.db)).toEqual([]);
    const reports = await verifyAllChains(t.db);
    expect(reports).toHaveLength(2);
    for (const r of reports) {
      expect(r.problem).toBeNull();
      expect(r.checked).toBeGreaterThan(500);
    }
    // New accesses continue the chain (the trigger is back on) and the generated history is marked synthetic.
    const synthetic = await t.db.pool.query<{ n: number }>(
      `select count(*)::int as n from access_log where detail->>'synthetic' = 'true'`,
    );
    expect(synthetic.rows[0]!.n).toBe(result.counts.access_log);
  });

  it('lets a generated case worker log in, see only their open case files, open one and search persons', async () => {
    const agent = t.agent();
    expect(await agent.login('waterstad.t01.werker01', SYNTHETIC_PASSWORD)).toBe('done');
    const mine = await agent.get('/api/cases/mine');
    expect(mine.statusCode).toBe(200);
    const cases = mine.json<{ cases: Array<{ id: string; phase: string }> }>().cases;
    expect(cases.length).toBeGreaterThan(0);
    expect(cases.every((c) => c.phase !== 'closed')).toBe(true);
    const overview = await agent.get(`/api/cases/${cases[0]!.id}`);
    expect(overview.statusCode).toBe(200);
    const search = await agent.post('/api/persons/search', { name: 'de' });
    expect(search.statusCode).toBe(200);
    expect(search.json<{ results: unknown[] }>().results.length).toBeGreaterThan(0);
    // A case of the other municipality is not found.
    const other = await t.db.pool.query<{ id: string }>(
      `select c.id from case_file c join tenant t on t.id = c.tenant_id where t.slug = 'syn-heuvelrode' limit 1`,
    );
    expect((await agent.get(`/api/cases/${other.rows[0]!.id}`)).statusCode).toBe(404);

    const desk = t.agent();
    expect(await desk.login('waterstad.t01.bureaudienst', SYNTHETIC_PASSWORD)).toBe('done');
    const inbox = await desk.get('/api/referrals');
    expect(inbox.statusCode).toBe(200);
    expect(inbox.json<{ referrals: unknown[] }>().referrals.length).toBeGreaterThan(10);
  });

  it('gives the same data for the same seed, and other data for another seed', async () => {
    const again = await createTestDatabase();
    const other = await createTestDatabase();
    try {
      const same = await generateInto(again.db, {
        seed: 'test',
        anchor,
        passwordHash: await hashPassword(SYNTHETIC_PASSWORD),
      });
      const different = await generateInto(other.db, { seed: 'another', anchor, passwordHash });
      expect(same.checksum).toBe(result.checksum);
      expect(same.counts).toEqual(result.counts);
      expect(await checksumOf(again.db)).toBe(storedChecksum);
      expect(different.checksum).not.toBe(result.checksum);
      expect(await checksumOf(other.db)).not.toBe(storedChecksum);
    } finally {
      await again.drop();
      await other.drop();
    }
  }, 240_000);
});
