// Issue #17 items 1 and 3: an erasure touches only the subject's own data, and an inspection copy shows no other
// person's data and no internal tables.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCase, buildLoggedInUser, buildTenant } from '../../../test/builders';
import { fillCase, yesterday } from '../../../test/privacy-fixtures';
import { startTestApp, type Agent, type TestApp } from '../../../test/test-app';

let t: TestApp;
let tenant: { id: string; teamId: string };
let workerId: string;
let worker: Agent;
let officer: Agent;
/** A's case: a referral naming A and B, opened as a case for A; B (moved out since) is in the household and has records in it. */
let caseA: { id: string; adultId: string; childId: string; householdId: string };
let personB: string;
/** B's own case after moving out: nobody else is part of it. */
let caseD: { id: string; adultId: string; householdId: string };
/** A case whose primary person is B, with another household member (C). */
let caseE: { id: string; adultId: string; childId: string };
/** An unrelated household. */
let caseF: { id: string; adultId: string; childId: string };

const B_FIRST = 'Zefanja';
const B_LAST = 'Verhuisd';

type View = {
  id: string;
  version: number;
  reference: string;
  person: { id: string } | null;
  erasedAt: string | null;
  status: string;
};
type Preview = {
  person: 'deleted' | 'pseudonymised';
  personKeptFor: Array<string | null>;
  cases: Array<{ caseId: string; outcome: 'destroyed' | 'kept'; others: number; subjectRows: Record<string, number> }>;
  referrals: Array<{ referralId: string; outcome: 'destroyed' | 'kept'; others: number }>;
  households: Array<{ householdId: string; outcome: 'destroyed' | 'kept'; others: number }>;
  destroyed: Record<string, number>;
  pseudonymised: Record<string, number>;
};

async function register(kind: string, personId: string): Promise<View> {
  const r = await officer.post('/api/avg/requests', {
    personId,
    kind,
    channel: 'letter',
    receivedOn: yesterday(),
    description: `Verzoek (${kind})`,
    identityVerified: true,
  });
  expect(r.statusCode).toBe(201);
  return r.json<View>();
}

/** Adds referral lines for persons to the case's referral (as the intake desk records them). */
async function nameOnReferral(caseId: string, persons: Array<{ id: string; role: 'resident' | 'household_member' }>) {
  await t.db.inSystem(async (tx) => {
    const c = await tx.selectFrom('case_file').select('referral_id').where('id', '=', caseId).executeTakeFirstOrThrow();
    let position = 0;
    for (const p of persons) {
      const row = await tx
        .selectFrom('person')
        .select(['first_name', 'infix', 'last_name', 'date_of_birth'])
        .where('id', '=', p.id)
        .executeTakeFirstOrThrow();
      await tx
        .insertInto('referral_person')
        .values({
          tenant_id: tenant.id,
          referral_id: c.referral_id!,
          position: position++,
          role: p.role,
          first_name: row.first_name,
          infix: row.infix,
          last_name: row.last_name,
          date_of_birth: row.date_of_birth,
          person_id: p.id,
        })
        .execute();
    }
  });
}

/** The referrals came in a month ago (contacts and outreach are dated after the referral). */
const backdateReferrals = () =>
  t.db.inSystem((tx) =>
    tx
      .updateTable('referral')
      .set({ received_at: new Date(Date.now() - 30 * 86_400_000) })
      .where('tenant_id', '=', tenant.id)
      .execute(),
  );

/** Every row of every table (as the owner, so nothing is hidden), per table, as JSON text. */
async function snapshot(): Promise<Map<string, Map<string, string>>> {
  return t.db.inSystem(async (tx) => {
    const tables = await sql<{
      name: string;
    }>`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`.execute(
      tx,
    );
    const out = new Map<string, Map<string, string>>();
    for (const { name } of tables.rows) {
      const rows = await sql<{ r: string }>`select to_jsonb(x)::text as r from ${sql.table(name)} x`.execute(tx);
      const m = new Map<string, string>();
      for (const { r } of rows.rows) {
        const row = JSON.parse(r) as Record<string, unknown>;
        m.set(typeof row.id === 'string' || typeof row.id === 'number' ? String(row.id) : r, r);
      }
      out.set(name, m);
    }
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

  // A's case: A (Anna) and B on the referral and in the household; B is an adult who has moved out since.
  caseA = await buildCase(t.db, tenant, { caseWorkerId: workerId, referralDomains: ['finances', 'housing'] });
  personB = caseA.childId;
  await t.db.inSystem((tx) =>
    tx
      .updateTable('person')
      .set({ first_name: B_FIRST, last_name: B_LAST, date_of_birth: '1990-05-05', phone: '0611122233', bsn: null })
      .where('id', '=', personB)
      .execute(),
  );
  await nameOnReferral(caseA.id, [
    { id: caseA.adultId, role: 'resident' },
    { id: personB, role: 'household_member' },
  ]);
  await backdateReferrals();
  await fillCase(worker, caseA.id, caseA.adultId, personB);
  const day = yesterday();
  expect(
    (
      await worker.post(`/api/cases/${caseA.id}/consents`, {
        personId: personB,
        recipient: 'Schuldhulp',
        scope: 'Financiën',
        form: 'verbal',
        givenOn: day,
      })
    ).statusCode,
  ).toBeLessThan(300);
  expect(
    (await worker.post(`/api/cases/${caseA.id}/participation`, { personId: personB, rung: 3, measuredOn: day }))
      .statusCode,
  ).toBeLessThan(300);
  // B is also on A's network by name (moved out, still family).
  expect(
    (
      await worker.post(`/api/cases/${caseA.id}/network`, {
        name: `${B_FIRST} ${B_LAST}`,
        relationType: 'family',
        quality: 'mixed',
        contactFrequency: 'monthly',
        keyFigure: false,
      })
    ).statusCode,
  ).toBeLessThan(300);

  // B's own case after moving out: only B.
  const d = await buildCase(t.db, tenant, { caseWorkerId: workerId, referralDomains: ['housing'] });
  await t.db.inSystem(async (tx) => {
    await tx.deleteFrom('household_member').where('household_id', '=', d.householdId).execute();
    await tx.updateTable('case_file').set({ primary_person_id: personB }).where('id', '=', d.id).execute();
    await tx.deleteFrom('person').where('id', 'in', [d.adultId, d.childId]).execute();
    await tx
      .insertInto('household_member')
      .values({ tenant_id: tenant.id, household_id: d.householdId, person_id: personB, relation: 'parent' })
      .execute();
  });
  await nameOnReferral(d.id, [{ id: personB, role: 'resident' }]);
  caseD = { id: d.id, adultId: personB, householdId: d.householdId };

  // A case whose primary person is B, with another member: it stays, so B's person row must stay (pseudonymised).
  const e = await buildCase(t.db, tenant, { caseWorkerId: workerId, referralDomains: ['income'] });
  await t.db.inSystem(async (tx) => {
    await tx.updateTable('case_file').set({ primary_person_id: personB }).where('id', '=', e.id).execute();
    await tx.deleteFrom('household_member').where('person_id', '=', e.adultId).execute();
    await tx.deleteFrom('person').where('id', '=', e.adultId).execute();
    await tx
      .insertInto('household_member')
      .values({ tenant_id: tenant.id, household_id: e.householdId, person_id: personB, relation: 'parent' })
      .execute();
  });
  caseE = { id: e.id, adultId: personB, childId: e.childId };

  caseF = await buildCase(t.db, tenant, { caseWorkerId: workerId, referralDomains: ['finances'] });
  await backdateReferrals();
  await fillCase(worker, caseF.id, caseF.adultId, caseF.childId);
});
afterAll(() => t.close());

describe('the inspection copy shows no other person’s data and no internal tables', () => {
  it('leaves household member B out everywhere (also from the closure’s outcome snapshot) when other members are withheld', async () => {
    // A closed episode of A's case whose outcome snapshot compares the ZRM and participation of both A and B.
    await t.db.inSystem(async (tx) => {
      const answer = await tx
        .insertInto('closing_question_answer')
        .values({
          tenant_id: tenant.id,
          case_id: caseA.id,
          episode: 1,
          something_goes_wrong: false,
          explanation: null,
          answered_by: workerId,
        } as never)
        .returning('id')
        .executeTakeFirstOrThrow();
      const entry = (personId: string, personName: string) => ({
        personId,
        personName,
        firstRung: 2,
        firstOn: '2026-01-01',
        lastRung: 3,
        lastOn: '2026-06-01',
        change: 'risen',
      });
      await tx
        .insertInto('case_closure')
        .values({
          tenant_id: tenant.id,
          case_id: caseA.id,
          episode: 1,
          closed_on: '2026-06-02',
          outcome: 'closed',
          reason: 'goals_reached',
          referred_to: null,
          reason_other: null,
          process_worked: 'Goed',
          process_learned: 'Veel',
          aftercare: null,
          closing_question_id: answer.id,
          plan_version_id: null,
          recorded_by: workerId,
          outcome_snapshot: JSON.stringify({
            zrm: [
              {
                personId: personB,
                personName: `${B_FIRST} ${B_LAST}`,
                startOn: null,
                closingOn: null,
                closingKind: null,
                domains: [],
              },
            ],
            participation: [entry(caseA.adultId, 'Anna Testhuis'), entry(personB, `${B_FIRST} ${B_LAST}`)],
          }),
        })
        .execute();
    });
    const r = await register('inspection', caseA.adultId);
    for (const [category, include] of [
      ['internal_notes', true],
      ['meldcode', true],
      ['network_persons', true],
      ['other_household_members', false],
    ] as const)
      expect(
        (await officer.put(`/api/avg/requests/${r.id}/decisions/${category}`, { include, reason: 'Afweging' }))
          .statusCode,
      ).toBe(200);
    const res = await officer.get(`/api/avg/requests/${r.id}/copy.json`);
    expect(res.statusCode).toBe(200);
    const copy = res.json<{ subject: { id: string }; data: Record<string, Array<Record<string, unknown>>> }>();
    expect(copy.subject.id).toBe(caseA.adultId);
    // A's own data are there, the closure with A's own comparison too.
    const closure = copy.data.case_closure?.[0] as
      { outcome_snapshot: { participation: Array<{ personName: string }>; zrm: unknown[] } } | undefined;
    expect(closure?.outcome_snapshot.participation.map((p) => p.personName)).toEqual(['Anna Testhuis']);
    expect(closure?.outcome_snapshot.zrm).toEqual([]);
    // B appears nowhere: not by id, not by name (B's network entry is a network person — included by decision — but
    // B's name in it is replaced because B is a household member who was withheld).
    const text = res.body;
    for (const absent of [personB, B_FIRST, B_LAST, '1990-05-05', '0611122233'])
      expect([absent, text.includes(absent)]).toEqual([absent, false]);
    // No internal tables.
    const internal = Object.keys(copy.data).filter((table) => table.startsWith('mi_') || table === 'person_name_word');
    expect(internal).toEqual([]);
    // The PDF is made from the same copy.
    expect((await officer.get(`/api/avg/requests/${r.id}/copy.pdf`)).statusCode).toBe(200);
  });
});

describe('erasure touches only the subject’s own data', () => {
  let request: View;
  let preview: Preview;

  it('lists before confirming what will be erased and what is kept, and why — without changing anything (logged)', async () => {
    request = await register('erasure', personB);
    const before = await snapshot();
    const res = await officer.get(`/api/avg/requests/${request.id}/erasure-preview`);
    expect(res.statusCode).toBe(200);
    preview = res.json<Preview>();
    const byCase = (id: string) => preview.cases.find((c) => c.caseId === id);
    // A's case stays (A is part of it); only B's rows in it go: B's ZRM, participation, consent and network entry.
    expect(byCase(caseA.id)).toMatchObject({ outcome: 'kept', others: 1 });
    expect(byCase(caseA.id)?.subjectRows).toEqual({
      zrm_assessment: 1,
      participation_measure: 1,
      information_consent: 1,
      network_person: 1,
    });
    // B's own case goes as a whole; the case B is primary person of stays (C is part of it).
    expect(byCase(caseD.id)).toMatchObject({ outcome: 'destroyed', others: 0 });
    expect(byCase(caseD.id)?.subjectRows.case_file).toBe(1);
    expect(byCase(caseE.id)).toMatchObject({ outcome: 'kept', others: 1 });
    expect(byCase(caseF.id)).toBeUndefined();
    // The referral of A's case stays (it names A); B's line goes.
    expect(preview.referrals).toEqual([expect.objectContaining({ outcome: 'kept', others: 3 })]);
    expect(preview.households.map((h) => h.outcome).sort()).toEqual(['kept', 'kept']);
    // B's person row stays as "Verwijderde persoon" because case E refers to it.
    expect(preview.person).toBe('pseudonymised');
    expect(preview.destroyed).toMatchObject({
      zrm_assessment: 1,
      zrm_score: 1,
      household_member: 3,
      referral_person: 2,
      information_consent: 1,
      participation_measure: 1,
    });
    expect(preview.pseudonymised).toMatchObject({ person: 1 });
    // Nothing changed: the preview was rolled back.
    const after = await snapshot();
    for (const [table, rows] of before) {
      if (table === 'access_log' || table === 'access_log_chain' || table === 'session') continue;
      expect([table, [...(after.get(table)?.values() ?? [])].sort()]).toEqual([table, [...rows.values()].sort()]);
    }
    const logged = await t.db.inSystem((tx) =>
      tx
        .selectFrom('access_log')
        .select(['person_id', 'case_id', 'legal_basis'])
        .where('event', '=', 'avg_request.erasure_previewed')
        .execute(),
    );
    expect(logged.length).toBe(1 + preview.cases.length);
    expect(logged.every((l) => l.person_id === personB && l.legal_basis === 'legal_obligation')).toBe(true);
  });

  it('erases B: every other record in the database is unchanged, B’s data are gone, and the destruction records are written', async () => {
    const bAssessments = await t.db.inSystem((tx) =>
      tx.selectFrom('zrm_assessment').select('id').where('person_id', '=', personB).execute(),
    );
    const dReferral = await t.db.inSystem((tx) =>
      tx.selectFrom('case_file').select('referral_id').where('id', '=', caseD.id).executeTakeFirstOrThrow(),
    );
    /** The subject's data, by value: any row holding B's id, B's own case, its referral and household, or B's assessments (their scores). */
    const subjectIds = new Set([
      personB,
      caseD.id,
      dReferral.referral_id!,
      caseD.householdId,
      ...bAssessments.map((a) => a.id),
    ]);
    const isSubjectRow = (table: string, json: string) => {
      const row = JSON.parse(json) as Record<string, unknown>;
      if (table === 'network_person' && row.name === `${B_FIRST} ${B_LAST}`) return true;
      return Object.values(row).some((v) => typeof v === 'string' && subjectIds.has(v));
    };
    const before = await snapshot();
    const logBefore = [...before.get('access_log')!.values()];

    const v = (await officer.get(`/api/avg/requests/${request.id}`)).json<View>();
    const done = await officer.post(`/api/avg/requests/${request.id}/erasure`, {
      retentionObligation: false,
      legalClaim: false,
      publicInterest: false,
      othersInterest: false,
      exceptionNotes: 'Geen bewaarplicht voor B; de gegevens van A en C blijven.',
      confirm: true,
      version: v.version,
    });
    expect(done.statusCode).toBe(200);
    expect(done.json<View>()).toMatchObject({ status: 'granted', person: null });
    const after = await snapshot();

    // 1. Every row that is not B's is unchanged and still there; no other row appeared.
    const ignored = new Set([
      'access_log',
      'access_log_chain',
      'destruction_record',
      'case_statistic',
      'session',
      'mi_dirty_case',
      'mi_dirty_day',
    ]);
    const differences: string[] = [];
    for (const [table, rows] of before) {
      if (ignored.has(table)) continue;
      const now = after.get(table) ?? new Map<string, string>();
      for (const [key, json] of rows) {
        const mine = isSubjectRow(table, json) || (table.startsWith('avg_') && json.includes(request.id));
        if (mine) continue;
        if (table === 'case_closure' && json.includes(personB)) {
          // A record of A's case that holds B's data inside: only B's entries of the outcome snapshot go.
          const row = JSON.parse(json) as { outcome_snapshot: Record<string, Array<{ personId: string }>> };
          const expected = {
            ...row,
            outcome_snapshot: Object.fromEntries(
              Object.entries(row.outcome_snapshot).map(([k, list]) => [k, list.filter((e) => e.personId !== personB)]),
            ),
          };
          expect(JSON.parse(now.get(key) ?? 'null')).toEqual(expected);
          continue;
        }
        if (now.get(key) !== json) differences.push(`${table} ${key}: ${now.has(key) ? 'changed' : 'gone'}`);
      }
      for (const key of now.keys()) if (!rows.has(key)) differences.push(`${table} ${key}: new`);
    }
    expect(differences).toEqual([]);
    // Every row of A's case in particular (the first person's case): compared above; here counted to be sure it was there.
    const aRows = [...before.entries()].flatMap(([table, rows]) =>
      [...rows.values()]
        .filter((r) => r.includes(caseA.id) && !isSubjectRow(table, r) && !r.includes(personB))
        .map((r) => `${table}:${r}`),
    );
    expect(aRows.length).toBeGreaterThan(20);
    for (const r of aRows) {
      const [table, ...json] = r.split(':');
      if (ignored.has(table!)) continue;
      expect([...(after.get(table!)?.values() ?? [])]).toContain(json.join(':'));
    }

    // 2. B's data are gone: B's id is only where a kept record refers to the pseudonymised row (case E's primary person).
    const leftovers: string[] = [];
    for (const [table, rows] of after) {
      if (table === 'access_log' || table === 'destruction_record') continue;
      for (const json of rows.values())
        if (json.includes(personB) || json.includes(B_FIRST) || json.includes(B_LAST) || json.includes('0611122233'))
          leftovers.push(`${table}: ${json.slice(0, 120)}`);
    }
    expect(leftovers.sort()).toEqual(
      [expect.stringMatching(/^case_file: /), expect.stringMatching(/^person: /)].sort(),
    );
    const bRow = JSON.parse([...after.get('person')!.values()].find((j) => j.includes(personB))!) as Record<
      string,
      unknown
    >;
    expect(bRow).toMatchObject({
      first_name: 'Verwijderde',
      last_name: 'persoon',
      infix: null,
      date_of_birth: null,
      bsn: null,
      phone: null,
      email: null,
    });
    expect(bRow.erased_at).not.toBeNull();
    // Of the rows that were B's, only these remain: the pseudonymised person row, case E that refers to it, and the
    // register's request (its link to the person cut: it outlives the erasure).
    const remaining: string[] = [];
    for (const [table, rows] of before)
      if (!ignored.has(table))
        for (const [key, json] of rows)
          if (isSubjectRow(table, json) && after.get(table)?.has(key))
            remaining.push(table === 'case_file' ? `case_file ${key === caseE.id ? 'E' : key}` : table);
    expect(remaining.sort()).toEqual(['avg_request', 'case_file E', 'person']);

    // 3. The access log kept every row and added the erasure.
    const logAfter = after.get('access_log')!;
    for (const row of logBefore) expect([...logAfter.values()]).toContain(row);

    // 4. Every erasure writes its destruction record: one for B's own case, one for the person's data elsewhere.
    const records = await t.db.inSystem((tx) =>
      tx.selectFrom('destruction_record').selectAll().where('request_id', '=', request.id).orderBy('subject').execute(),
    );
    expect(records.map((r) => [r.subject, r.reason, r.case_id])).toEqual([
      ['case', 'erasure', caseD.id],
      ['person', 'erasure', null],
    ]);
    expect(records[1]!.rows_destroyed).toMatchObject({
      zrm_assessment: 1,
      zrm_score: 1,
      information_consent: 1,
      participation_measure: 1,
      network_person: 1,
    });
    expect(records[1]!.rows_pseudonymised).toMatchObject({ person: 1, 'avg_request.person_id': 1 });
    // The preview listed exactly this.
    expect({ ...records[0]!.rows_destroyed }).toEqual(preview.cases.find((c) => c.caseId === caseD.id)?.subjectRows);
    const summed: Record<string, number> = {};
    for (const r of records) for (const [k, n] of Object.entries(r.rows_destroyed)) summed[k] = (summed[k] ?? 0) + n;
    expect(summed).toEqual(preview.destroyed);
    const events = await t.db.inSystem((tx) =>
      tx
        .selectFrom('access_log')
        .select(['event', 'case_id', 'person_id'])
        .where('event', 'in', ['person.erased', 'case_file.erased', 'case_file.subject_data_erased'])
        .execute(),
    );
    expect(
      events
        .filter((e) => e.event === 'case_file.subject_data_erased')
        .map((e) => e.case_id)
        .sort(),
    ).toEqual([caseA.id, caseE.id].sort());
    expect(events.filter((e) => e.event === 'case_file.erased').map((e) => e.case_id)).toEqual([caseD.id]);
    expect(events.every((e) => e.person_id === personB)).toBe(true);
  });
});
