import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCase, buildTenant, buildUser } from '../../../test/builders';
import { accessibilityProblems, indexOfElement, readPdfStructure } from '../../../test/pdf-structure';
import { fillCase } from '../../../test/privacy-fixtures';
import { CODE_LABELS, COLUMN_LABELS, isHiddenColumn, TABLE_TITLE } from './inspection-labels';
import { isInternalTable } from './inspection-copy';
import { startTestApp, type Agent, type TestApp } from '../../../test/test-app';

let t: TestApp;
let tenant: { id: string; teamId: string };
let worker: Agent;
let officer: Agent;
let kase: { id: string; adultId: string; childId: string; householdId: string };

beforeAll(async () => {
  t = await startTestApp();
  tenant = await buildTenant(t.db);
  const w = await buildUser(t.db, tenant, { roles: ['case_worker'] });
  const p = await buildUser(t.db, tenant, { roles: ['privacy_officer'] });
  kase = await buildCase(t.db, tenant, { caseWorkerId: w.id, referralDomains: ['finances'] });
  worker = t.agent();
  await worker.login(w.username, w.password);
  officer = t.agent();
  await officer.login(p.username, p.password);
  await fillCase(worker, kase.id, kase.adultId, kase.childId);
});
afterAll(() => t.close());

type View = {
  id: string;
  version: number;
  reference: string;
  deadline: string;
  dueOn: string;
  extendedUntil: string | null;
  overdue: boolean;
  status: string;
  canExtend: boolean;
  decisions: unknown[];
  person: { id: string } | null;
  cases: Array<{ id: string }>;
  statements: Array<{ statement: string }>;
  corrections: Array<{ field: string; applied: boolean }>;
  exceptionCheck: unknown;
  erasedAt: string | null;
};

async function register(kind: string, receivedOn: string, personId = kase.adultId): Promise<View> {
  const r = await officer.post('/api/avg/requests', {
    personId,
    kind,
    channel: 'letter',
    receivedOn,
    description: `Verzoek (${kind})`,
    identityVerified: true,
  });
  expect(r.statusCode).toBe(201);
  return r.json<View>();
}

const logRows = (event: string) =>
  t.db.inSystem((tx) =>
    tx
      .selectFrom('access_log')
      .select(['person_id', 'case_id', 'detail', 'user_role', 'legal_basis'])
      .where('event', '=', event)
      .where('tenant_id', '=', tenant.id)
      .execute(),
  );

describe('the register of AVG requests', () => {
  it('keeps the one-month deadline, an extension of at most two months given within the first month, and flags overdue requests', async () => {
    t.clock.set(new Date('2026-02-10T10:00:00Z'));
    try {
      const r = await register('inspection', '2026-01-31');
      expect(r.reference).toMatch(/^AVG-2026-\d{4}$/);
      expect([r.deadline, r.dueOn, r.canExtend]).toEqual(['2026-02-28', '2026-02-28', true]);

      const tooLong = await officer.post(`/api/avg/requests/${r.id}/extension`, {
        extendedUntil: '2026-05-01',
        reason: 'Veel dossiers',
        version: r.version,
      });
      expect(tooLong.statusCode).toBe(400);
      expect(tooLong.json<{ fieldErrors: Record<string, string[]> }>().fieldErrors.extendedUntil?.[0]).toContain(
        'uiterlijk tot 2026-04-30',
      );

      const extended = await officer.post(`/api/avg/requests/${r.id}/extension`, {
        extendedUntil: '2026-04-30',
        reason: 'Veel dossiers bij meerdere teams',
        version: r.version,
      });
      expect(extended.statusCode).toBe(200);
      expect(extended.json<View>()).toMatchObject({
        extendedUntil: '2026-04-30',
        dueOn: '2026-04-30',
        canExtend: false,
      });

      // A request whose first month has passed can no longer be extended, and counts as overdue.
      const late = await register('objection', '2026-01-02');
      const refused = await officer.post(`/api/avg/requests/${late.id}/extension`, {
        extendedUntil: '2026-03-15',
        reason: 'Te laat bedacht',
        version: late.version,
      });
      expect(refused.statusCode).toBe(400);
      expect(refused.json<{ fieldErrors: Record<string, string[]> }>().fieldErrors.extendedUntil?.[0]).toContain(
        'binnen een maand na ontvangst',
      );
      const list = (await officer.get('/api/avg/requests')).json<{ requests: View[] }>().requests;
      expect(list.find((x) => x.id === late.id)?.overdue).toBe(true);
      expect(list.find((x) => x.id === r.id)?.overdue).toBe(false);
      expect((await logRows('avg_request.extended')).length).toBe(1);
    } finally {
      t.clock.reset();
    }
  });

  it('closes a request only with the decision and its reasons, and then keeps it closed', async () => {
    const r = await register('objection', '2026-11-01');
    const bare = await officer.put(`/api/avg/requests/${r.id}/status`, { status: 'refused', version: r.version });
    expect(bare.statusCode).toBe(400);
    expect(bare.json<{ fieldErrors: Record<string, string[]> }>().fieldErrors.decisionNotes?.[0]).toContain(
      'Leg het besluit',
    );
    const closed = await officer.put(`/api/avg/requests/${r.id}/status`, {
      status: 'refused',
      decisionNotes: 'De verwerking is nodig voor de wettelijke taak (Wmo).',
      version: r.version,
    });
    expect(closed.json<View>().status).toBe('refused');
    const again = await officer.put(`/api/avg/requests/${r.id}/status`, {
      status: 'granted',
      decisionNotes: 'Toch wel',
      version: closed.json<View>().version,
    });
    expect([again.statusCode, again.json<{ code: string }>().code]).toEqual([409, 'request_closed']);
  });

  it('is the privacy officer’s: a case worker is refused, and the privacy officer still cannot open the case itself', async () => {
    expect((await worker.get('/api/avg/requests')).statusCode).toBe(403);
    expect((await officer.get(`/api/cases/${kase.id}`)).statusCode).toBe(403);
  });
});

describe('inspection: a complete copy with logged decisions on shielded categories', () => {
  it('refuses the copy until every category has a decision, and logs each decision', async () => {
    const r = await register('inspection', '2026-11-02');
    const early = await officer.get(`/api/avg/requests/${r.id}/copy.json`);
    expect([early.statusCode, early.json<{ code: string; message: string }>().code]).toEqual([
      409,
      'inspection_decisions_missing',
    ]);
    expect(early.json<{ message: string }>().message).toContain('per categorie');
    for (const [category, include] of [
      ['internal_notes', false],
      ['meldcode', false],
      ['network_persons', true],
    ] as const)
      expect(
        (
          await officer.put(`/api/avg/requests/${r.id}/decisions/${category}`, {
            include,
            reason: `Afweging ${category}`,
          })
        ).statusCode,
      ).toBe(200);
    expect((await officer.get(`/api/avg/requests/${r.id}/copy.pdf`)).statusCode).toBe(409);
    const logged = await logRows('avg_request.inspection_decision_recorded');
    expect(
      logged
        .filter((l) => (l.detail as { requestId: string }).requestId === r.id)
        .map((l) => (l.detail as { category: string }).category)
        .sort(),
    ).toEqual(['internal_notes', 'meldcode', 'network_persons']);
    expect(
      logged.every(
        (l) =>
          l.user_role === 'privacy_officer' && l.legal_basis === 'legal_obligation' && l.person_id === kase.adultId,
      ),
    ).toBe(true);
  });

  it('copies every row of the person and their case (as JSON and PDF) and leaves out what was decided, without revealing it', async () => {
    const r = await register('inspection', '2026-11-03');
    for (const [category, include] of [
      ['internal_notes', false],
      ['meldcode', false],
      ['network_persons', true],
      ['other_household_members', true],
    ] as const)
      await officer.put(`/api/avg/requests/${r.id}/decisions/${category}`, { include, reason: 'Afweging' });
    const res = await officer.get(`/api/avg/requests/${r.id}/copy.json`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain(`inzage-${r.reference}.json`);
    const copy = res.json<{
      subject: { id: string; last_name: string };
      data: Record<string, Array<Record<string, unknown>>>;
      accessLog: Array<{ dataCategory: string; event: string }>;
      decisions: Array<{ category: string; text: string }>;
    }>();
    expect(copy.subject.id).toBe(kase.adultId);

    // Completeness, checked independently of the copy's own walk: every table with rows of this case or person.
    const expected = await t.db.inSystem(async (tx) => {
      const cols = await sql<{ table_name: string; column_name: string }>`
        select table_name, column_name from information_schema.columns
        where table_schema = 'public' and column_name in ('case_id', 'person_id') and table_name not in ('access_log', 'avg_request', 'destruction_record')
          -- internal tables (management-information facts and marks, name-search words) are no part of a copy (issue #17 item 3)
          and table_name not like 'mi\\_%' and table_name <> 'person_name_word'`.execute(tx);
      const counts: Record<string, number> = {};
      for (const c of cols.rows) {
        const id = c.column_name === 'case_id' ? kase.id : kase.adultId;
        const n = await sql<{
          n: number;
        }>`select count(*)::int as n from ${sql.table(c.table_name)} where ${sql.ref(c.column_name)} = ${id}`.execute(
          tx,
        );
        if (n.rows[0]!.n > 0) counts[`${c.table_name}.${c.column_name}`] = n.rows[0]!.n;
      }
      return counts;
    });
    expect(Object.keys(expected).length).toBeGreaterThan(12);
    for (const [key, n] of Object.entries(expected)) {
      const [table, column] = key.split('.') as [string, string];
      const id = column === 'case_id' ? kase.id : kase.adultId;
      const inCopy = (copy.data[table] ?? []).filter((row) => row[column] === id).length;
      const shielded = table === 'meldcode_record' ? n : table === 'contact_entry' ? 1 : 0;
      expect([key, inCopy]).toEqual([key, n - shielded]);
    }
    const text = JSON.stringify(copy);
    for (const present of [
      'OPENBARE-NOTITIE',
      'EIGEN-VERKLARING',
      'Oma Testhuis',
      'Budgetcursus',
      'Huisartsenpraktijk Noord',
    ])
      expect([present, text.includes(present)]).toEqual([present, true]);
    for (const absent of ['INTERNE-NOTITIE', 'MELDCODE-FEIT'])
      expect([absent, text.includes(absent)]).toEqual([absent, false]);
    expect(copy.data.meldcode_record).toBeUndefined();
    expect(copy.accessLog.length).toBeGreaterThan(5);
    expect(copy.accessLog.some((l) => l.dataCategory === 'meldcode' || l.event.startsWith('meldcode.'))).toBe(false);
    // The exclusion is told in the same words to everyone, whatever the file holds; the officer's reason stays inside.
    expect(copy.decisions.find((d) => d.category === 'meldcode')?.text).toContain('Meldcode');
    expect(text.includes('Afweging')).toBe(false);

    const pdf = await officer.get(`/api/avg/requests/${r.id}/copy.pdf`);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');

    // Accessible (PDF/UA-1, ADR 0053) and readable by the resident (issue #21 item 3): grouped by subject with Dutch
    // labels, no column names or English codes, and the access log summarised per day and organisation.
    const doc = readPdfStructure(pdf.rawPayload);
    expect(accessibilityProblems(doc, `Kopie van uw gegevens — ${r.reference}`)).toEqual([]);
    const pdfText = [...doc.elements.map((e) => e.text), ...doc.artifactText].join('\n');
    expect(pdfText.match(/\b[a-z]+_[a-z0-9_]+\b/g) ?? []).toEqual([]);
    for (const code of [
      'supportive',
      'weekly',
      'family',
      'low',
      'verbal',
      'case_worker_or_team',
      'finances',
      'wmo_2015',
    ])
      expect([code, new RegExp(`\\b${code}\\b`).test(pdfText)]).toEqual([code, false]);
    const h2 = doc.elements.filter((e) => e.type === 'H2').map((e) => e.text);
    expect(h2).toEqual(
      expect.arrayContaining(['Persoonsgegevens', 'Huishouden', 'Aanmeldingen', 'Dossier', 'Plan', 'Toestemmingen']),
    );
    expect(h2.indexOf('Persoonsgegevens')).toBeLessThan(h2.indexOf('Plan'));
    // A label is a row header with its value next to it, in Dutch: "Relatie" / "familie", "Hoe vaak contact" / "wekelijks".
    const th = (label: string) => doc.elements.findIndex((e) => e.type === 'TH' && e.text === label);
    expect(doc.elements[th('Hoe vaak contact') + 1]?.text).toBe('wekelijks');
    expect(doc.elements[th('Soort relatie') + 1]?.text).toBe('familie');
    expect(doc.elements.some((e) => e.type === 'TD' && e.text === 'Oma Testhuis')).toBe(true);
    // Who looked: one line per day and organisation, after its heading.
    const logHeading = indexOfElement(doc, 'H2', 'Wie heeft uw gegevens bekeken of gewijzigd');
    const lines = doc.elements
      .slice(logHeading)
      .filter((e) => e.type === 'LBody')
      .map((e) => e.text);
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.length).toBeLessThan(copy.accessLog.length);
    expect(
      lines.some((l) => /^\d{1,2} \p{L}+ \d{4}: Wijkteam Test heeft uw dossier \d+ keer bekeken\.$/u.test(l)),
    ).toBe(true);
    expect(lines.every((l) => /^\d{1,2} \p{L}+ \d{4}: /u.test(l))).toBe(true);

    const exports = (await logRows('avg_request.inspection_copy_exported')).filter(
      (l) => (l.detail as { requestId: string }).requestId === r.id,
    );
    expect(exports.length).toBe(2);
    expect(exports[0]).toMatchObject({ person_id: kase.adultId, case_id: kase.id, legal_basis: 'legal_obligation' });
    expect(exports[0]!.detail).toMatchObject({ withheld_meldcode: 1, withheld_internal_notes: 1 });
  });

  it('has Dutch words for every table, column and code a copy can hold (issue #21 item 3)', async () => {
    const stopAt = [
      'avg_request',
      'avg_inspection_decision',
      'avg_correction',
      'destruction_record',
      'case_statistic',
      'policy_signal',
    ];
    const { columns, checks } = await t.db.inSystem(async (tx) => {
      const fks = await sql<{ child: string; parent: string }>`
        select distinct cl.relname::text as child, pl.relname::text as parent
        from pg_constraint c join pg_class cl on cl.oid = c.conrelid join pg_class pl on pl.oid = c.confrelid
        join pg_namespace n on n.oid = cl.relnamespace where c.contype = 'f' and n.nspname = 'public'`.execute(tx);
      // The tables the copy's walk can reach (from the person, their households and referrals), as in inspection-copy.ts.
      const reach = new Set(['person', 'household', 'referral']);
      for (let grew = true; grew;) {
        grew = false;
        for (const fk of fks.rows)
          if (
            reach.has(fk.parent) &&
            !stopAt.includes(fk.parent) &&
            !isInternalTable(fk.child) &&
            !reach.has(fk.child)
          ) {
            reach.add(fk.child);
            grew = true;
          }
      }
      for (const table of stopAt) reach.delete(table);
      const cols = await sql<{ table_name: string; column_name: string }>`
        select table_name::text, column_name::text from information_schema.columns
        where table_schema = 'public' and table_name = any(${[...reach]})`.execute(tx);
      const cons = await sql<{ def: string }>`
        select pg_get_constraintdef(c.oid) as def from pg_constraint c join pg_class cl on cl.oid = c.conrelid
        where c.contype = 'c' and cl.relname = any(${[...reach]})`.execute(tx);
      return { columns: cols.rows, checks: cons.rows.map((c) => c.def) };
    });
    const tables = [...new Set(columns.map((c) => c.table_name))];
    expect(tables.length).toBeGreaterThan(40);
    expect(tables.filter((table) => !(table in TABLE_TITLE))).toEqual([]);
    const unlabelled = columns.filter((c) => !isHiddenColumn(c.column_name) && !(c.column_name in COLUMN_LABELS));
    expect(unlabelled.map((c) => `${c.table_name}.${c.column_name}`)).toEqual([]);
    // Every value a check constraint allows (the codes) has a Dutch word.
    const codes = new Set(checks.flatMap((def) => [...def.matchAll(/'([a-z][a-z0-9_]*)'::text/g)].map((m) => m[1]!)));
    expect(codes.size).toBeGreaterThan(100);
    expect([...codes].filter((code) => !(code in CODE_LABELS))).toEqual([]);
  });

  it('leaves out the other household members when so decided', async () => {
    const r = await register('inspection', '2026-11-04');
    for (const [category, include] of [
      ['internal_notes', true],
      ['meldcode', true],
      ['network_persons', false],
      ['other_household_members', false],
    ] as const)
      await officer.put(`/api/avg/requests/${r.id}/decisions/${category}`, { include, reason: 'Afweging' });
    const copy = (await officer.get(`/api/avg/requests/${r.id}/copy.json`)).json<{
      data: Record<string, Array<Record<string, unknown>>>;
    }>();
    expect(copy.data.zrm_assessment?.map((a) => a.person_id)).toEqual([kase.adultId]);
    expect(copy.data.household_member?.map((m) => m.person_id)).toEqual([kase.adultId]);
    expect(copy.data.person).toBeUndefined();
    expect(copy.data.network_person).toBeUndefined();
    expect(JSON.stringify(copy)).toContain('INTERNE-NOTITIE');
    expect(JSON.stringify(copy)).toContain('MELDCODE-FEIT');
  });
});

describe('correction and the resident’s own statement', () => {
  it('corrects a person field through the person rules and records which field, with the note', async () => {
    const r = await register('correction', '2026-11-05');
    const wrong = await officer.post(`/api/avg/requests/${r.id}/corrections`, {
      field: 'postcode',
      value: '12',
      note: 'Verhuisd',
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json<{ fieldErrors: Record<string, string[]> }>().fieldErrors.value?.[0]).toContain('postcode');
    const done = await officer.post(`/api/avg/requests/${r.id}/corrections`, {
      field: 'lastName',
      value: 'Testhuis-Bakker',
      note: 'Achternaam was verkeerd gespeld',
    });
    expect(done.json<View>().corrections).toEqual([expect.objectContaining({ field: 'lastName', applied: true })]);
    const p = await t.db.inSystem((tx) =>
      tx.selectFrom('person').select('last_name').where('id', '=', kase.adultId).executeTakeFirstOrThrow(),
    );
    expect(p.last_name).toBe('Testhuis-Bakker');
    expect((await logRows('person.corrected')).map((l) => l.person_id)).toEqual([kase.adultId]);
  });

  it('adds the statement to the case, where the worker sees it', async () => {
    const r = await register('statement', '2026-11-06');
    const added = await officer.post(`/api/avg/requests/${r.id}/statements`, {
      caseId: kase.id,
      receivedOn: '2026-11-06',
      statement: 'VERKLARING-VIA-REGISTER ik zie het anders',
    });
    expect(added.statusCode).toBe(200);
    expect(added.json<View>().statements.map((s) => s.statement)).toEqual([
      'VERKLARING-VIA-REGISTER ik zie het anders',
    ]);
    const panel = (await worker.get(`/api/cases/${kase.id}/privacy`)).json<{
      statements: Array<{ statement: string; requestReference: string | null }>;
    }>();
    expect(panel.statements.find((s) => s.statement.startsWith('VERKLARING-VIA-REGISTER'))?.requestReference).toBe(
      r.reference,
    );
  });
});

describe('erasure on request', () => {
  it('refuses a confirmation without the exception check (Dutch message), and erases nothing when an exception applies', async () => {
    const r = await register('erasure', '2026-11-07');
    const bare = await officer.post(`/api/avg/requests/${r.id}/erasure`, { confirm: true, version: r.version });
    expect(bare.statusCode).toBe(400);
    const errors = bare.json<{ fieldErrors: Record<string, string[]> }>().fieldErrors;
    expect(errors.exceptionNotes?.[0]).toBe(
      'Leg de toets op de wettelijke uitzonderingen vast voordat u gegevens wist.',
    );
    expect(errors.retentionObligation?.[0]).toContain('bewaarplicht');

    const applies = await officer.post(`/api/avg/requests/${r.id}/erasure`, {
      retentionObligation: true,
      legalClaim: false,
      publicInterest: false,
      othersInterest: false,
      exceptionNotes: 'Wmo-dossier is nog geen 15 jaar gesloten: wettelijke bewaarplicht.',
      confirm: true,
      version: r.version,
    });
    expect([applies.statusCode, applies.json<{ code: string }>().code]).toEqual([409, 'erasure_exception_applies']);
    const after = (await officer.get(`/api/avg/requests/${r.id}`)).json<View>();
    expect(after.exceptionCheck).toMatchObject({ retentionObligation: true });
    expect(after.erasedAt).toBeNull();
    expect(
      await t.db.inSystem((tx) =>
        tx.selectFrom('person').select('id').where('id', '=', kase.adultId).executeTakeFirst(),
      ),
    ).toBeDefined();
  });

  it('destroys the person, their case and household when no exception applies and nobody else is part of them, keeping statistics, the request and the log', async () => {
    const other = await buildCase(t.db, tenant, {
      caseWorkerId: (
        await t.db.inSystem((tx) =>
          tx.selectFrom('app_user').select('id').where('tenant_id', '=', tenant.id).executeTakeFirstOrThrow(),
        )
      ).id,
      referralDomains: ['housing'],
    });
    // A household of one: the case is the person's alone (a case shared with others keeps their data: erasure.int.test.ts).
    await t.db.inSystem(async (tx) => {
      await tx.deleteFrom('household_member').where('person_id', '=', other.childId).execute();
      await tx.deleteFrom('person').where('id', '=', other.childId).execute();
    });
    // Someone looked at the person: that log row must stay valid after the erasure.
    await officer.get(`/api/avg/persons?name=Anna`);
    const r = await register('erasure', '2026-11-08', other.adultId);
    const logBefore = await t.db.inSystem((tx) =>
      tx.selectFrom('access_log').select('id').where('person_id', '=', other.adultId).execute(),
    );
    const statsBefore = await t.db.inSystem((tx) => tx.selectFrom('case_statistic').select('id').execute());
    const done = await officer.post(`/api/avg/requests/${r.id}/erasure`, {
      retentionObligation: false,
      legalClaim: false,
      publicInterest: false,
      othersInterest: false,
      exceptionNotes: 'Geen bewaarplicht (dossier nooit gebruikt), geen procedure, geen belang van anderen.',
      confirm: true,
      version: r.version,
    });
    expect(done.statusCode).toBe(200);
    expect(done.json<View>()).toMatchObject({ status: 'granted', person: null });
    expect(done.json<View>().erasedAt).not.toBeNull();
    await t.db.inSystem(async (tx) => {
      for (const [table, id] of [
        ['person', other.adultId],
        ['person', other.childId],
        ['case_file', other.id],
        ['household', other.householdId],
      ] as const)
        expect([table, await tx.selectFrom(table).select('id').where('id', '=', id).executeTakeFirst()]).toEqual([
          table,
          undefined,
        ]);
      expect((await tx.selectFrom('case_statistic').select('id').execute()).length).toBe(statsBefore.length + 1);
      const logAfter = await tx.selectFrom('access_log').select('id').where('person_id', '=', other.adultId).execute();
      expect(logAfter.length).toBeGreaterThan(logBefore.length);
      expect(
        await tx
          .selectFrom('avg_request')
          .select(['person_id', 'status'])
          .where('id', '=', r.id)
          .executeTakeFirstOrThrow(),
      ).toEqual({ person_id: null, status: 'granted' });
    });
    expect((await logRows('person.erased')).map((l) => l.person_id)).toEqual([other.adultId]);
    expect((await logRows('case_file.erased')).every((l) => l.case_id === other.id)).toBe(true);
    // The first case and its household are untouched.
    expect(
      await t.db.inSystem((tx) => tx.selectFrom('case_file').select('id').where('id', '=', kase.id).executeTakeFirst()),
    ).toBeDefined();
  });
});
