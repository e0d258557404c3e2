import { sql } from 'kysely';
import type { ErasurePreview } from '@nabij/contracts';
import type { AccessContext } from '../../shared/actor';
import type { Tx } from '../../platform/database/database';
import { recordAccess, recordAccessMany } from '../audit';
import { casesOfPerson, destroyCase } from './destroy';
import { DETACHED_REFERENCES, destroyWhere, foreignKeys, isReferenced, type ForeignKey } from './foreign-keys';
import { fullNameOfRow } from '../../shared/person-name';

/**
 * Erasure of one person (AVG art. 17) that touches only that person's own data (ADR 0028).
 *
 * - A case file is destroyed as a whole only when no other person is part of it (no other primary person,
 *   household member, person on its referral, or person with records in it). Otherwise it stays, and only the
 *   subject's own rows inside it go.
 * - The subject's own rows are the rows that refer to the person directly (household membership, the line on a
 *   referral, ZRM assessments, participation measures, consents, own statements, the portal account with its
 *   messages and own plans, name-search words …), with what is part of them (a required reference: ZRM scores,
 *   messages of the account). A record that stays and merely points to such a row (an evaluation pointing to the
 *   subject's interim ZRM, a letter sent on the subject's consent) keeps its row: the reference is cut.
 * - A referral is destroyed as a whole only when it names nobody else and no case file refers to it; a household
 *   only when nobody else is in it and nothing refers to it.
 * - Data of the subject inside records of others: the subject's entries in a closure's outcome snapshot are
 *   dropped; a plan version signed by the subject (through their portal account, or with exactly their name) shows
 *   "Verwijderde persoon"; network entries of the subject's shared cases with exactly their name go.
 * - The person row goes, unless a record that stays still refers to it (the primary person of a shared case): then
 *   it is pseudonymised — every personal field cleared, the name "Verwijderde persoon".
 *
 * The same function makes the preview (run inside a savepoint that is rolled back, without record or log), so the
 * preview lists exactly what the erasure will do.
 */

export const ERASED_FIRST_NAME = 'Verwijderde';
export const ERASED_LAST_NAME = 'persoon';
const ERASED_NAME = `${ERASED_FIRST_NAME} ${ERASED_LAST_NAME}`;

export interface EraseOptions {
  requestId: string;
  today: string;
  /** false: the preview — no destruction record, no log rows (the caller rolls the changes back). */
  record: boolean;
}

export type ErasureOutcome = ErasurePreview & { destructionIds: string[] };

const add = (counts: Record<string, number>, key: string, n: number) => {
  if (n > 0) counts[key] = (counts[key] ?? 0) + n;
};
const merge = (into: Record<string, number>, from: Record<string, number>) => {
  for (const [k, v] of Object.entries(from)) add(into, k, v);
};
const sum = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);
const rowCount = (r: { numAffectedRows?: bigint; numUpdatedRows?: bigint; numDeletedRows?: bigint }) =>
  Number(r.numAffectedRows ?? r.numUpdatedRows ?? r.numDeletedRows ?? 0n);

/** The foreign keys that point to the person row (the subject's own rows, and the case files of which they are the primary person). */
const personReferences = (fks: readonly ForeignKey[]) =>
  fks.filter((fk) => fk.parent === 'person' && fk.parentColumn === 'id' && fk.child !== 'person');

/** Tables that hold rows of one person inside a case: a case_id and a reference to a person. */
function casePersonColumns(fks: readonly ForeignKey[]): Array<{ table: string; column: string }> {
  const withCase = new Set(
    fks.filter((fk) => fk.parent === 'case_file' && fk.column === 'case_id').map((fk) => fk.child),
  );
  return personReferences(fks)
    .filter((fk) => withCase.has(fk.child))
    .map((fk) => ({ table: fk.child, column: fk.column }));
}

/** Who else is part of a case: other persons (primary, household, referral, records in it) and unlinked names on its referral. */
async function othersInCase(
  tx: Tx,
  fks: readonly ForeignKey[],
  c: { id: string; household_id: string | null; referral_id: string | null; primary_person_id: string | null },
  personId: string,
): Promise<number> {
  const others = new Set<string>();
  if (c.primary_person_id && c.primary_person_id !== personId) others.add(c.primary_person_id);
  if (c.household_id) {
    const members = await tx
      .selectFrom('household_member')
      .select('person_id')
      .where('household_id', '=', c.household_id)
      .execute();
    for (const m of members) if (m.person_id !== personId) others.add(m.person_id);
  }
  let unlinked = 0;
  if (c.referral_id) {
    const lines = await tx
      .selectFrom('referral_person')
      .select('person_id')
      .where('referral_id', '=', c.referral_id)
      .execute();
    for (const l of lines) {
      if (l.person_id === null) unlinked++;
      else if (l.person_id !== personId) others.add(l.person_id);
    }
  }
  for (const { table, column } of casePersonColumns(fks)) {
    const r = await sql<{
      p: string;
    }>`select distinct ${sql.ref(column)}::text as p from ${sql.table(table)} where case_id = ${c.id} and ${sql.ref(column)} is not null and ${sql.ref(column)} <> ${personId}`.execute(
      tx,
    );
    for (const row of r.rows) others.add(row.p);
  }
  return others.size + unlinked;
}

/**
 * Deletes the subject's own rows of `table` (whose `column` is one of `values`) with everything that is part of
 * them (a required reference), and cuts the optional references of records that stay. Counts both.
 */
async function eraseRows(
  tx: Tx,
  fks: readonly ForeignKey[],
  table: string,
  column: string,
  values: readonly string[],
  destroyed: Record<string, number>,
  cut: Record<string, number>,
  depth = 0,
): Promise<void> {
  if (values.length === 0) return;
  if (depth > 40) throw new Error(`foreign-key walk too deep at ${table}`);
  for (const fk of fks) {
    if (fk.parent !== table || fk.child === table) continue;
    const referred =
      fk.parentColumn === column
        ? [...values]
        : (
            await sql<{
              v: string;
            }>`select distinct ${sql.ref(fk.parentColumn)}::text as v from ${sql.table(table)} where ${sql.ref(column)} = any(${values}) and ${sql.ref(fk.parentColumn)} is not null`.execute(
              tx,
            )
          ).rows.map((x) => x.v);
    if (referred.length === 0) continue;
    const key = `${fk.child}.${fk.column}`;
    if (fk.onDelete === 'n' || fk.onDelete === 'd') {
      // The database clears these itself when the row goes; counted here so the record tells it.
      const n = await sql<{
        n: number;
      }>`select count(*)::int as n from ${sql.table(fk.child)} where ${sql.ref(fk.column)} = any(${referred})`.execute(
        tx,
      );
      add(cut, key, n.rows[0]?.n ?? 0);
      continue;
    }
    if (fk.nullable || DETACHED_REFERENCES.has(key)) {
      const r =
        await sql`update ${sql.table(fk.child)} set ${sql.ref(fk.column)} = null where ${sql.ref(fk.column)} = any(${referred})`.execute(
          tx,
        );
      add(cut, key, rowCount(r));
      continue;
    }
    await eraseRows(tx, fks, fk.child, fk.column, referred, destroyed, cut, depth + 1);
  }
  const r = await sql`delete from ${sql.table(table)} where ${sql.ref(column)} = any(${values})`.execute(tx);
  add(destroyed, table, rowCount(r));
}

const KEEP_COLUMNS = new Set([
  'id',
  'tenant_id',
  'created_at',
  'created_by',
  'updated_at',
  'updated_by',
  'version',
  'erased_at',
  'first_name',
  'last_name',
]);
let personColumns: Promise<Array<{ name: string; nullable: boolean; hasDefault: boolean }>> | undefined;
/** The person table's columns, read from the catalogue so that a column added later is cleared too. */
function columnsOfPerson(tx: Tx) {
  personColumns ??= sql<{ name: string; nullable: boolean; hasDefault: boolean }>`
      select column_name as name, is_nullable = 'YES' as nullable, column_default is not null as "hasDefault"
      from information_schema.columns where table_schema = 'public' and table_name = 'person' order by ordinal_position`
    .execute(tx)
    .then((r) => r.rows)
    .catch((err: unknown) => {
      personColumns = undefined;
      throw err;
    });
  return personColumns;
}

/** Clears every personal field of the person row and names it "Verwijderde persoon". */
async function pseudonymisePerson(tx: Tx, ctx: AccessContext, personId: string): Promise<void> {
  const cols = (await columnsOfPerson(tx)).filter((c) => !KEEP_COLUMNS.has(c.name) && (c.nullable || c.hasDefault));
  const sets = cols.map((c) => sql`${sql.ref(c.name)} = ${c.nullable ? sql`null` : sql`default`}`);
  await sql`
    update person set ${sql.join([...sets, sql`first_name = ${ERASED_FIRST_NAME}`, sql`last_name = ${ERASED_LAST_NAME}`, sql`erased_at = now()`, sql`updated_at = now()`, sql`updated_by = ${ctx.actor.userId}`, sql`version = version + 1`])}
    where id = ${personId}`.execute(tx);
  // Not findable by the pseudonym: the name-search words the update wrote go again.
  await tx.deleteFrom('person_name_word').where('person_id', '=', personId).execute();
}

interface OutcomeEntry {
  personId: string | null;
}
/** Drops the subject's entries from the outcome snapshots of closures (ZRM and participation per person). */
async function dropFromSnapshots(tx: Tx, personId: string, cut: Record<string, number>): Promise<void> {
  const closures = await sql<{ id: string; snapshot: Record<string, unknown> }>`
    select id, outcome_snapshot as snapshot from case_closure where outcome_snapshot::text like ${`%${personId}%`}`.execute(
    tx,
  );
  for (const c of closures.rows) {
    const next: Record<string, unknown> = { ...c.snapshot };
    for (const [k, v] of Object.entries(c.snapshot))
      if (Array.isArray(v))
        next[k] = (v as OutcomeEntry[]).filter((e) => !(e && typeof e === 'object' && e.personId === personId));
    await sql`update case_closure set outcome_snapshot = ${JSON.stringify(next)}::jsonb where id = ${c.id}`.execute(tx);
    add(cut, 'case_closure.outcome_snapshot', 1);
  }
}

/** Erases (or, with `record: false`, rehearses the erasure of) one person's own data. */
export async function erasePersonData(
  tx: Tx,
  ctx: AccessContext,
  personId: string,
  options: EraseOptions,
): Promise<ErasureOutcome> {
  const fks = await foreignKeys(tx);
  const person = await tx
    .selectFrom('person')
    .select(['id', 'first_name', 'infix', 'last_name'])
    .where('id', '=', personId)
    .executeTakeFirst();
  const outcome: ErasureOutcome = {
    person: 'deleted',
    personKeptFor: [],
    cases: [],
    referrals: [],
    households: [],
    destroyed: {},
    pseudonymised: {},
    destructionIds: [],
  };
  if (!person) return outcome;
  const fullName = fullNameOfRow(person).trim().toLowerCase();
  const own: Record<string, number> = {}; // rows destroyed outside the cases destroyed as a whole
  const cut = outcome.pseudonymised;

  // 1. The case files the person is part of: destroyed as a whole when nobody else is part of them.
  const caseIds = await casesOfPerson(tx, personId);
  const caseRows = caseIds.length
    ? await tx
        .selectFrom('case_file as c')
        .innerJoin('team as t', 't.id', 'c.team_id')
        .leftJoin('referral as r', 'r.id', 'c.referral_id')
        .select([
          'c.id',
          'c.team_id',
          'c.household_id',
          'c.referral_id',
          'c.primary_person_id',
          'r.reference',
          't.name as team_name',
        ])
        .where('c.id', 'in', caseIds)
        .orderBy('c.opened_at')
        .execute()
    : [];
  const shared: typeof caseRows = [];
  for (const c of caseRows) {
    const others = await othersInCase(tx, fks, c, personId);
    if (others > 0) {
      shared.push(c);
      outcome.cases.push({
        caseId: c.id,
        reference: c.reference,
        teamName: c.team_name,
        outcome: 'kept',
        others,
        subjectRows: {},
      });
      continue;
    }
    const result = await destroyCase(tx, ctx, c.id, {
      reason: 'erasure',
      requestId: options.requestId,
      today: options.today,
      record: options.record,
    });
    if (result.destructionId) outcome.destructionIds.push(result.destructionId);
    merge(outcome.destroyed, result.counts);
    outcome.cases.push({
      caseId: c.id,
      reference: c.reference,
      teamName: c.team_name,
      outcome: 'destroyed',
      others: 0,
      subjectRows: result.counts,
    });
  }
  const sharedIds = shared.map((c) => c.id);

  // 2. Inside the cases that stay: what the subject's own rows there are, for the list (they go in step 4).
  for (const { table, column } of casePersonColumns(fks)) {
    if (!sharedIds.length) break;
    const r = await sql<{
      case_id: string;
      n: number;
    }>`select case_id::text as case_id, count(*)::int as n from ${sql.table(table)} where ${sql.ref(column)} = ${personId} and case_id = any(${sharedIds}) group by case_id`.execute(
      tx,
    );
    for (const row of r.rows) add(outcome.cases.find((c) => c.caseId === row.case_id)!.subjectRows, table, row.n);
  }
  if (sharedIds.length && fullName) {
    // Network entries of the shared cases with exactly the subject's name are the subject's own data.
    const gone = await tx
      .deleteFrom('network_person')
      .where('case_id', 'in', sharedIds)
      .where(sql<boolean>`lower(trim(name)) = ${fullName}`)
      .returning('case_id')
      .execute();
    for (const g of gone) add(outcome.cases.find((c) => c.caseId === g.case_id)!.subjectRows, 'network_person', 1);
    add(own, 'network_person', gone.length);
  }

  // 3. The subject's data inside records of others: snapshots and signatures.
  await dropFromSnapshots(tx, personId, cut);
  if (sharedIds.length) {
    const accounts = (
      await tx.selectFrom('resident_account').select('id').where('person_id', '=', personId).execute()
    ).map((a) => a.id);
    const signed = await tx
      .updateTable('plan_version')
      .set((eb) => ({
        agreed_by_name: ERASED_NAME,
        typed_signature: eb
          .case()
          .when('typed_signature', 'is', null)
          .then(sql<null>`null`)
          .else(ERASED_NAME)
          .end(),
      }))
      .where('plan_id', 'in', (eb) => eb.selectFrom('plan').select('id').where('case_id', 'in', sharedIds))
      .where((eb) =>
        eb.or([
          ...(accounts.length ? [eb('agreed_by_account_id', 'in', accounts)] : []),
          eb(sql`lower(trim(agreed_by_name))`, '=', fullName),
        ]),
      )
      .executeTakeFirst();
    add(cut, 'plan_version.agreed_by_name', Number(signed.numUpdatedRows));
  }

  // 4. The referrals that name the person: destroyed as a whole when they name nobody else and no case refers to them.
  const households = [
    ...new Set(
      (await tx.selectFrom('household_member').select('household_id').where('person_id', '=', personId).execute()).map(
        (h) => h.household_id,
      ),
    ),
  ];
  const named = await tx
    .selectFrom('referral_person as p')
    .innerJoin('referral as r', 'r.id', 'p.referral_id')
    .select(['r.id', 'r.reference', 'r.household_id'])
    .where('p.person_id', '=', personId)
    .distinct()
    .execute();
  for (const r of named) {
    const others = await sql<{ n: number }>`
      select ((select count(*) from referral_person where referral_id = ${r.id} and person_id is distinct from ${personId})
            + (select count(*) from case_file where referral_id = ${r.id})
            + (select count(*) from case_referral_link where referral_id = ${r.id})
            + (select count(*) from household_member where household_id = ${r.household_id} and person_id <> ${personId}))::int as n`.execute(
      tx,
    );
    const n = others.rows[0]?.n ?? 0;
    if (n === 0) await destroyWhere(tx, fks, 'referral', 'id', [r.id], own);
    outcome.referrals.push({
      referralId: r.id,
      reference: r.reference,
      outcome: n === 0 ? 'destroyed' : 'kept',
      others: n,
    });
  }

  // 5. The subject's own rows everywhere (what is left of them): memberships, referral lines, assessments, consents, portal account …
  for (const fk of personReferences(fks)) {
    if (fk.child === 'case_file') continue;
    if (fk.onDelete === 'n' || fk.onDelete === 'd') {
      // The register of requests outlives the erasure (accountability): the link is cut.
      const r =
        await sql`update ${sql.table(fk.child)} set ${sql.ref(fk.column)} = null where ${sql.ref(fk.column)} = ${personId}`.execute(
          tx,
        );
      add(cut, `${fk.child}.${fk.column}`, rowCount(r));
      continue;
    }
    await eraseRows(tx, fks, fk.child, fk.column, [personId], own, cut);
  }

  // 6. Households: removed when nobody else is in them and nothing refers to them.
  for (const h of households) {
    if (!(await tx.selectFrom('household').select('id').where('id', '=', h).executeTakeFirst())) continue;
    const members = await tx.selectFrom('household_member').select('person_id').where('household_id', '=', h).execute();
    const removed = members.length === 0 && !(await isReferenced(tx, fks, 'household', h));
    if (removed) await destroyWhere(tx, fks, 'household', 'id', [h], own);
    outcome.households.push({ householdId: h, outcome: removed ? 'destroyed' : 'kept', others: members.length });
  }

  // 7. The person: deleted, or pseudonymised when a record that stays still refers to the row.
  if (await tx.selectFrom('person').select('id').where('id', '=', personId).executeTakeFirst()) {
    if (await isReferenced(tx, fks, 'person', personId)) {
      await pseudonymisePerson(tx, ctx, personId);
      outcome.person = 'pseudonymised';
      add(cut, 'person', 1);
      const kept = await tx
        .selectFrom('case_file as c')
        .leftJoin('referral as r', 'r.id', 'c.referral_id')
        .select('r.reference')
        .where('c.primary_person_id', '=', personId)
        .execute();
      outcome.personKeptFor = kept.map((k) => k.reference);
    } else await destroyWhere(tx, fks, 'person', 'id', [personId], own);
  }
  merge(outcome.destroyed, own);

  if (!options.record) return outcome;
  const record = await tx
    .insertInto('destruction_record')
    .values({
      tenant_id: ctx.actor.tenantId,
      subject: 'person',
      case_id: null,
      case_reference: null,
      team_id: null,
      reason: 'erasure',
      request_id: options.requestId,
      regimes: [],
      due_on: null,
      persons_destroyed: 1,
      rows_destroyed: JSON.stringify(own),
      rows_pseudonymised: JSON.stringify(cut),
      destroyed_by: ctx.actor.userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  outcome.destructionIds.push(record.id);
  const base = { action: 'delete', legalBasis: 'legal_obligation', permission: 'privacy:manage' } as const;
  for (const c of outcome.cases.filter((x) => x.outcome === 'kept')) {
    await recordAccess(tx, ctx, {
      ...base,
      event: 'case_file.subject_data_erased',
      dataCategory: 'case_file',
      caseId: c.caseId,
      teamId: shared.find((s) => s.id === c.caseId)?.team_id ?? null,
      personId,
      detail: { reason: 'erasure', requestId: options.requestId, destructionId: record.id, rows: sum(c.subjectRows) },
    });
  }
  await recordAccessMany(
    tx,
    ctx,
    {
      ...base,
      event: 'person.erased',
      dataCategory: 'identity',
      detail: {
        reason: 'erasure',
        requestId: options.requestId,
        destructionId: record.id,
        pseudonymised: outcome.person === 'pseudonymised',
        cases: outcome.cases.length,
        rows: sum(outcome.destroyed),
      },
    },
    [personId],
  );
  return outcome;
}
