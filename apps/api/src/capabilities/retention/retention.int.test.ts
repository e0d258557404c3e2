import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCase, buildLoggedInUser, buildTenant, buildUser } from '../../../test/builders';
import { fillCase } from '../../../test/privacy-fixtures';
import { startTestApp, type Agent, type TestApp } from '../../../test/test-app';
import { verifyTenantChain } from '../audit';
import { scanRetention } from './retention';

let t: TestApp;
let tenant: { id: string; teamId: string };
let workerId: string;
let worker: Agent;
let officer: Agent;
const today = new Date().toISOString().slice(0, 10);
const yearsAgo = (n: number) => new Date(Date.now() - n * 365.25 * 86_400_000);

async function setCase(
  caseId: string,
  values: { bases?: string[]; closedAt?: Date | null; openedAt?: Date; phase?: string },
) {
  await t.db.inSystem((tx) =>
    tx
      .updateTable('case_file')
      .set({
        ...(values.bases ? { legal_bases: values.bases } : {}),
        ...(values.closedAt !== undefined ? { closed_at: values.closedAt } : {}),
        ...(values.openedAt ? { opened_at: values.openedAt } : {}),
        ...(values.phase ? { phase: values.phase } : {}),
      })
      .where('id', '=', caseId)
      .execute(),
  );
}

/** Rows that still refer to a case, per table with a case_id column (as the owner, so nothing is hidden). */
async function rowsOfCase(caseId: string): Promise<Record<string, number>> {
  return t.db.inSystem(async (tx) => {
    const cols = await sql<{
      table_name: string;
    }>`select table_name from information_schema.columns where table_schema = 'public' and column_name = 'case_id' and table_name not in ('access_log', 'destruction_record')`.execute(
      tx,
    );
    const out: Record<string, number> = {};
    for (const c of cols.rows) {
      const n = (
        await sql<{
          n: number;
        }>`select count(*)::int as n from ${sql.table(c.table_name)} where case_id = ${caseId}`.execute(tx)
      ).rows[0]!.n;
      if (n > 0) out[c.table_name] = n;
    }
    out.case_file = (
      await sql<{ n: number }>`select count(*)::int as n from case_file where id = ${caseId}`.execute(tx)
    ).rows[0]!.n;
    return out;
  });
}

beforeAll(async () => {
  t = await startTestApp();
  tenant = await buildTenant(t.db);
  const w = await buildLoggedInUser(t, tenant, ['case_worker']);
  workerId = w.id;
  worker = w.agent;
  officer = (await buildLoggedInUser(t, tenant, ['privacy_officer'])).agent;
});
afterAll(() => t.close());

describe('legal basis and purpose per case', () => {
  it('never takes consent as a substitute for a missing legal basis', async () => {
    const c = await buildCase(t.db, tenant, { caseWorkerId: workerId, referralDomains: ['finances'] });
    const v = (await worker.get(`/api/cases/${c.id}/privacy`)).json<{
      version: number;
      legalBases: string[];
      retention: { regimes: string[]; destroyOn: string | null };
    }>();
    expect(v.legalBases).toEqual([]);
    expect(v.retention).toMatchObject({ regimes: ['other'], destroyOn: null });

    const consentOnly = await worker.put(`/api/cases/${c.id}/privacy/processing`, {
      legalBases: ['consent'],
      purposes: ['social_support'],
      purposeDescription: 'Ondersteuning',
      version: v.version,
    });
    expect(consentOnly.statusCode).toBe(400);
    expect(consentOnly.json<{ fieldErrors: Record<string, string[]> }>().fieldErrors.legalBases?.[0]).toBe(
      'Toestemming is geen vervanging voor een wettelijke grondslag. Dit doel is een wettelijke taak van de gemeente; kies de Wmo 2015 als grondslag.',
    );
    const stacked = await worker.put(`/api/cases/${c.id}/privacy/processing`, {
      legalBases: ['wmo_2015', 'consent'],
      purposes: ['social_support'],
      purposeDescription: 'Ondersteuning',
      version: v.version,
    });
    expect(stacked.statusCode).toBe(400);

    // Voluntary support outside a statutory task may rest on consent, when the case has the resident's consent.
    const voluntary = await worker.put(`/api/cases/${c.id}/privacy/processing`, {
      legalBases: ['consent'],
      purposes: ['voluntary_support'],
      purposeDescription: 'Maatjescontact',
      version: v.version,
    });
    expect(voluntary.statusCode).toBe(200);
    await t.db.inSystem((tx) =>
      tx
        .updateTable('case_file')
        .set({ consent_kind: 'none', legal_basis: 'x', reason_without_consent: 'y' })
        .where('id', '=', c.id)
        .execute(),
    );
    const withoutConsent = await worker.put(`/api/cases/${c.id}/privacy/processing`, {
      legalBases: ['consent'],
      purposes: ['voluntary_support'],
      purposeDescription: 'Maatjescontact',
      version: voluntary.json<{ version: number }>().version,
    });
    expect(withoutConsent.json<{ fieldErrors: Record<string, string[]> }>().fieldErrors.legalBases?.[0]).toContain(
      'geen toestemming van de inwoner vastgelegd',
    );

    const law = await worker.put(`/api/cases/${c.id}/privacy/processing`, {
      legalBases: ['wmo_2015'],
      purposes: ['social_support'],
      purposeDescription: 'Ondersteuning bij zelfredzaamheid',
      version: voluntary.json<{ version: number }>().version,
    });
    expect(law.json<{ legalBases: string[]; retention: { regimes: string[] } }>()).toMatchObject({
      legalBases: ['wmo_2015'],
      retention: { regimes: ['wmo'] },
    });
    // Only the case's own workers record it; the privacy officer is refused like any colleague without a relation.
    expect(
      (
        await officer.put(`/api/cases/${c.id}/privacy/processing`, {
          legalBases: ['wmo_2015'],
          purposes: ['social_support'],
          purposeDescription: 'x',
          version: 99,
        })
      ).statusCode,
    ).toBe(403);
  });
});

describe('retention', () => {
  it('every table that belongs to a case, referral, household or person can be destroyed by the request role', async () => {
    const missing = await t.db.inSystem(async (tx) => {
      const r = await sql<{ t: string }>`
        with recursive closure(t) as (
          select unnest(array['case_file', 'referral', 'household', 'person']::regclass[])
          union
          select c.conrelid::regclass from pg_constraint c join closure on c.confrelid = closure.t
          where c.contype = 'f' and c.confdeltype in ('a', 'r', 'c')
        )
        select t::text as t from closure where not has_table_privilege('nabij_app', t, 'DELETE')`.execute(tx);
      return r.rows.map((x) => x.t);
    });
    expect(missing).toEqual([]);
  });

  it('lists the cases that are due, destroys one after confirmation and keeps its anonymous statistics; others stay untouched', async () => {
    // Due: Wmo, closed 16 years ago, filled with data in many tables. Its child is also the primary person of case B.
    const a = await buildCase(t.db, tenant, { caseWorkerId: workerId, referralDomains: ['finances'] });
    await fillCase(worker, a.id, a.adultId, a.childId);
    await t.db.inSystem(async (tx) => {
      const ref = await tx
        .selectFrom('case_file')
        .select('referral_id')
        .where('id', '=', a.id)
        .executeTakeFirstOrThrow();
      await tx
        .insertInto('letter')
        .values({
          tenant_id: tenant.id,
          referral_id: ref.referral_id!,
          kind: 'decision_take_up',
          recipient: 'verwijzer@example.nl',
          subject: 'Besluit',
          body: 'Tekst',
          pdf: Buffer.from('%PDF-1.4'),
          status: 'sent',
          sent_at: null,
          idempotency_key: `k-${a.id}`,
          created_by: workerId,
        })
        .execute();
      await tx
        .insertInto('referral_attachment')
        .values({
          tenant_id: tenant.id,
          referral_id: ref.referral_id!,
          filename: 'scan.pdf',
          media_type: 'application/pdf',
          size_bytes: 8,
          content: Buffer.from('%PDF-1.4'),
        })
        .execute();
    });
    await setCase(a.id, { bases: ['wmo_2015'], closedAt: yearsAgo(16), phase: 'closed' });
    // Not due: Wmo, closed two years ago.
    const b = await buildCase(t.db, tenant, { caseWorkerId: workerId, referralDomains: ['housing'] });
    await setCase(b.id, { bases: ['wmo_2015'], closedAt: yearsAgo(2), phase: 'closed' });
    await t.db.inSystem((tx) =>
      tx.updateTable('case_file').set({ primary_person_id: a.childId }).where('id', '=', b.id).execute(),
    );
    // Due: Jeugdwet, nothing changed for 21 years (open or not).
    const c = await buildCase(t.db, tenant, { caseWorkerId: workerId });
    await setCase(c.id, { bases: ['jeugdwet'], openedAt: yearsAgo(21) });
    // Another municipality's due case is found by the scan, but never shown here.
    const other = await buildTenant(t.db);
    const ow = await buildUser(t.db, other, { roles: ['case_worker'] });
    const o = await buildCase(t.db, other, { caseWorkerId: ow.id });
    await setCase(o.id, { bases: ['wmo_2015'], closedAt: yearsAgo(20), phase: 'closed' });

    const scanned = await scanRetention(t, today);
    expect(
      scanned
        .filter((s) => [a.id, b.id, c.id, o.id].includes(s.caseId))
        .map((s) => [s.caseId, s.tenantId])
        .sort(),
    ).toEqual(
      [
        [a.id, tenant.id],
        [c.id, tenant.id],
        [o.id, other.id],
      ].sort(),
    );
    const page = (await officer.get('/api/retention')).json<{
      due: Array<{ caseId: string; regimes: string[]; destroyOn: string }>;
    }>();
    expect(page.due.map((d) => d.caseId).sort()).toEqual([a.id, c.id].sort());
    expect(page.due.find((d) => d.caseId === a.id)?.regimes).toEqual(['wmo']);
    expect((await worker.get('/api/retention')).statusCode).toBe(403);

    const notDue = await officer.post(`/api/retention/cases/${b.id}/destroy`, { confirm: true });
    expect([notDue.statusCode, notDue.json<{ code: string }>().code]).toEqual([409, 'not_due_for_destruction']);
    expect((await officer.post(`/api/retention/cases/${a.id}/destroy`, {})).statusCode).toBe(400);

    const before = await rowsOfCase(a.id);
    expect(Object.keys(before).length).toBeGreaterThanOrEqual(12);
    const bBefore = await rowsOfCase(b.id);
    const logOfA = await t.db.inSystem((tx) =>
      tx.selectFrom('access_log').select('id').where('case_id', '=', a.id).execute(),
    );
    const statsBefore = (await t.db.inSystem((tx) => tx.selectFrom('case_statistic').select('id').execute())).length;

    const destroyed = await officer.post(`/api/retention/cases/${a.id}/destroy`, { confirm: true });
    expect(destroyed.statusCode).toBe(200);
    expect(destroyed.json<{ personsDestroyed: number }>().personsDestroyed).toBe(1);

    expect(await rowsOfCase(a.id)).toEqual({ case_file: 0 });
    expect(await rowsOfCase(b.id)).toEqual(bBefore);
    await t.db.inSystem(async (tx) => {
      expect(await tx.selectFrom('person').select('id').where('id', '=', a.adultId).executeTakeFirst()).toBeUndefined();
      expect(await tx.selectFrom('person').select('id').where('id', '=', a.childId).executeTakeFirst()).toBeDefined();
      expect(
        await tx.selectFrom('household').select('id').where('id', '=', a.householdId).executeTakeFirst(),
      ).toBeUndefined();
      expect(
        await tx.selectFrom('letter').select('id').where('idempotency_key', '=', `k-${a.id}`).executeTakeFirst(),
      ).toBeUndefined();
      expect(
        (await tx.selectFrom('referral_attachment').select('id').where('filename', '=', 'scan.pdf').execute()).length,
      ).toBe(0);
      expect(
        (await tx.selectFrom('contact_attachment').select('id').where('filename', '=', 'brief.pdf').execute()).length,
      ).toBe(0);
      const stats = await tx.selectFrom('case_statistic').selectAll().orderBy('recorded_month').execute();
      expect(stats.length).toBe(statsBefore + 1);
      const s = stats.at(-1)!;
      expect(s).toMatchObject({ tenant_id: tenant.id, team_id: tenant.teamId, legal_regimes: ['wmo'], episodes: 1 });
      // The primary person's profile only (the child's housing score is not mixed in).
      expect(s.zrm).toEqual({ finances: { start: 2, closing: null } });
      expect(s.opened_month.endsWith('-01')).toBe(true);
      // No identifiers: no value of the statistic is one of the destroyed ids, names or references.
      const text = JSON.stringify(s);
      for (const id of [a.id, a.adultId, a.childId, a.householdId, 'Testhuis', 'Anna'])
        expect([id, text.includes(id)]).toEqual([id, false]);
      // The access log kept every row about the case, added the destruction, and its chain still verifies.
      const logNow = await tx.selectFrom('access_log').select(['id', 'event']).where('case_id', '=', a.id).execute();
      expect(logNow.length).toBeGreaterThan(logOfA.length);
      expect(logNow.filter((l) => l.event === 'case_file.destroyed').length).toBe(2);
      const record = await tx
        .selectFrom('destruction_record')
        .selectAll()
        .where('case_id', '=', a.id)
        .executeTakeFirstOrThrow();
      expect(record).toMatchObject({ reason: 'retention', subject: 'case', persons_destroyed: 1 });
      expect(record.rows_destroyed.contact_attachment).toBe(1);
    });
    const chain = await verifyTenantChain((fn) => t.db.inSystem(fn), tenant.id);
    expect(chain.problem).toBeNull();
    const after = (await officer.get('/api/retention')).json<{
      due: Array<{ caseId: string }>;
      destroyed: Array<{ caseReference: string | null; reason: string }>;
    }>();
    expect(after.due.map((d) => d.caseId)).toEqual([c.id]);
    expect(after.destroyed[0]).toMatchObject({ reason: 'retention' });

    // Postponing keeps a due case, with its reason, until the date.
    const later = new Date(Date.now() + 400 * 86_400_000).toISOString().slice(0, 10);
    expect(
      (await officer.post(`/api/retention/cases/${c.id}/postpone`, { until: later, reason: 'Lopende klachtprocedure' }))
        .statusCode,
    ).toBe(200);
    const postponed = (await officer.get('/api/retention')).json<{
      due: unknown[];
      postponed: Array<{ caseId: string; postponeReason: string }>;
    }>();
    expect(postponed.due).toEqual([]);
    expect(postponed.postponed).toEqual([
      expect.objectContaining({ caseId: c.id, postponeReason: 'Lopende klachtprocedure' }),
    ]);
    expect((await officer.post(`/api/retention/cases/${c.id}/destroy`, { confirm: true })).statusCode).toBe(409);
  });

  it('keeps what a case that is not due still needs: the referral linked to it as a new question, its persons and every row of it', async () => {
    // A: due (Wmo, closed 16 years ago). Its referral was later linked as a new question to case B (not due), whose
    // household holds A's adult too.
    const a = await buildCase(t.db, tenant, { caseWorkerId: workerId, referralDomains: ['finances'] });
    await setCase(a.id, { bases: ['wmo_2015'], closedAt: yearsAgo(16), phase: 'closed' });
    const b = await buildCase(t.db, tenant, { caseWorkerId: workerId, referralDomains: ['housing'] });
    await setCase(b.id, { bases: ['wmo_2015'], closedAt: yearsAgo(1), phase: 'closed' });
    const aReferral = await t.db.inSystem(async (tx) => {
      const r = await tx.selectFrom('case_file').select('referral_id').where('id', '=', a.id).executeTakeFirstOrThrow();
      await tx
        .insertInto('case_referral_link')
        .values({
          tenant_id: tenant.id,
          case_id: b.id,
          referral_id: r.referral_id!,
          linked_by: workerId,
          case_phase: 'closed',
        })
        .execute();
      await tx
        .insertInto('household_member')
        .values({ tenant_id: tenant.id, household_id: b.householdId, person_id: a.adultId, relation: 'parent' })
        .execute();
      return r.referral_id!;
    });
    const bBefore = await rowsOfCase(b.id);
    expect(bBefore.case_referral_link).toBe(1);
    const destroyed = await officer.post(`/api/retention/cases/${a.id}/destroy`, { confirm: true });
    expect(destroyed.statusCode).toBe(200);
    expect(await rowsOfCase(a.id)).toEqual({ case_file: 0 });
    expect(await rowsOfCase(b.id)).toEqual(bBefore);
    await t.db.inSystem(async (tx) => {
      expect(await tx.selectFrom('referral').select('id').where('id', '=', aReferral).executeTakeFirst()).toBeDefined();
      expect(await tx.selectFrom('person').select('id').where('id', '=', a.adultId).executeTakeFirst()).toBeDefined();
      expect(
        await tx
          .selectFrom('household_member')
          .select('person_id')
          .where('household_id', '=', b.householdId)
          .where('person_id', '=', a.adultId)
          .executeTakeFirst(),
      ).toBeDefined();
    });
  });

  it('uses the municipality’s own terms for the Participatiewet, debt help and other support (logged)', async () => {
    const c = await buildCase(t.db, tenant, { caseWorkerId: workerId });
    await setCase(c.id, { bases: ['participatiewet'], closedAt: yearsAgo(8), phase: 'closed' });
    const page = (await officer.get('/api/retention')).json<{
      due: Array<{ caseId: string }>;
      settings: { participatiewetYears: number; version: number };
    }>();
    expect(page.settings.participatiewetYears).toBe(7);
    expect(page.due.map((d) => d.caseId)).toContain(c.id);
    const changed = await officer.put('/api/retention/settings', {
      participatiewetYears: 10,
      wgsYears: 7,
      otherYears: 5,
      version: page.settings.version,
    });
    expect(changed.json<{ participatiewetYears: number }>().participatiewetYears).toBe(10);
    expect(
      (
        await officer.put('/api/retention/settings', {
          participatiewetYears: 9,
          wgsYears: 7,
          otherYears: 5,
          version: page.settings.version,
        })
      ).statusCode,
    ).toBe(409);
    expect(
      (await officer.get('/api/retention')).json<{ due: Array<{ caseId: string }> }>().due.map((d) => d.caseId),
    ).not.toContain(c.id);
    const logged = await t.db.inSystem((tx) =>
      tx
        .selectFrom('access_log')
        .select(['data_category', 'legal_basis'])
        .where('event', '=', 'retention.settings_changed')
        .execute(),
    );
    expect(logged).toEqual([{ data_category: 'configuration', legal_basis: 'security' }]);
    const panel = (await worker.get(`/api/cases/${c.id}/privacy`)).json<{
      retention: { destroyOn: string | null; closedOn: string };
    }>();
    expect(panel.retention.destroyOn).toBe(
      `${Number(panel.retention.closedOn.slice(0, 4)) + 10}${panel.retention.closedOn.slice(4)}`,
    );
  });
});
