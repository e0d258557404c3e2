import { sql } from 'kysely';
import {
  mergeReference,
  type MergeAdminEntry,
  type MergeFieldGroup,
  type MergePreview,
  type PersonMergeView,
  type PersonSummary,
  type PersonView,
} from '@nabij/contracts';
import { AppError } from '../../shared/app-error';
import type { AccessContext } from '../../shared/actor';
import { municipalToday } from '../../shared/clock';
import type { Tx } from '../../platform/database/database';
import type { Deps } from '../../platform/deps';
import { recordAccess, recordAccessMany } from '../audit';
import { canViewCase, findCase } from '../case-files';
import { casesOfPerson, foreignKeys, type ForeignKey } from '../retention';
import {
  canMergePersons,
  canUndoMerge,
  findHouseholdsOfPerson,
  findLikelyDuplicates,
  findPerson,
  fullName,
  toPersonView,
  toSummary,
} from '../persons';

/**
 * Merging two person records that are one person, and undoing it (issue #17 item 13, ADR 0031).
 *
 * Every reference to the merged person moves to the person that stays: the foreign keys to person(id) are read from
 * the catalogue (as destruction does), so a table added later is covered. A row that cannot move because the person
 * that stays already has one (a membership of the same household) is removed and kept whole in the merge record.
 * The merged person's row is deleted after it is kept whole in the merge record; the merge record also keeps what
 * moved, so the functional administrator can undo it exactly.
 */

/** Tables kept by the database itself from the person row (the name words of search): never moved. */
const DERIVED_TABLES = new Set(['person_name_word']);
/** Columns of person that a merge never copies. */
const SYSTEM_COLUMNS = new Set([
  'id',
  'tenant_id',
  'created_at',
  'created_by',
  'updated_at',
  'updated_by',
  'version',
  'bsn',
  'erased_at',
]);
/** The columns behind each choice; columns that do not exist (yet) are skipped. */
const GROUP_COLUMNS: Record<MergeFieldGroup, readonly string[]> = {
  name: ['first_name', 'infix', 'last_name'],
  dateOfBirth: ['date_of_birth', 'age_given', 'age_given_on'],
  address: ['postcode', 'house_number', 'house_number_addition', 'street', 'city', 'no_fixed_address'],
  phone: ['phone'],
  email: ['email'],
  language: ['preferred_language', 'interpreter_needed'],
};

type PersonJson = Record<string, unknown> & { id: string; version: number; bsn: string | null };
interface Moved {
  table: string;
  column: string;
  key: Record<string, unknown>;
}
interface Removed {
  table: string;
  column: string;
  row: Record<string, unknown>;
}

async function personRows(tx: Tx, ids: string[], lock: boolean): Promise<Map<string, PersonJson>> {
  const r = lock
    ? await sql<{
        row: PersonJson;
      }>`select to_jsonb(p) as row from person p where p.id = any(${ids}::uuid[]) for update`.execute(tx)
    : await sql<{ row: PersonJson }>`select to_jsonb(p) as row from person p where p.id = any(${ids}::uuid[])`.execute(
        tx,
      );
  return new Map(r.rows.map(({ row }) => [row.id, row]));
}

const personReferences = async (tx: Tx): Promise<ForeignKey[]> =>
  (await foreignKeys(tx)).filter(
    (fk) =>
      fk.parent === 'person' && fk.parentColumn === 'id' && fk.child !== 'person' && !DERIVED_TABLES.has(fk.child),
  );

/**
 * Whether the actor may merge these persons: who may register and correct persons (the intake desk, case workers and
 * coordinators), and only when they may see every case file either person is part of.
 */
async function authorise(tx: Tx, ctx: AccessContext, personIds: string[]): Promise<'merge_no_case_access' | null> {
  if (!canMergePersons(ctx.actor)) throw new AppError('forbidden');
  const caseIds = new Set<string>();
  for (const id of personIds) for (const c of await casesOfPerson(tx, id)) caseIds.add(c);
  for (const id of caseIds) {
    const c = await findCase(tx, id);
    if (c && !canViewCase(ctx.actor, c)) return 'merge_no_case_access';
  }
  return null;
}

async function view(tx: Tx, id: string, today: string): Promise<PersonView> {
  const p = await findPerson(tx, id);
  if (!p) throw new AppError('person_not_found');
  return toPersonView(p, await findHouseholdsOfPerson(tx, id), today);
}

const differentBsn = (a: PersonJson, b: PersonJson) => a.bsn !== null && b.bsn !== null && a.bsn !== b.bsn;

/** Likely duplicates of a person (the same checks as at registration), to offer on "Samenvoegen met…"; logged as a search. */
export async function mergeCandidates(
  deps: Deps,
  ctx: AccessContext,
  personId: string,
): Promise<{ results: PersonSummary[] }> {
  if (!canMergePersons(ctx.actor)) throw new AppError('forbidden');
  const today = municipalToday(deps.clock);
  return deps.db.inTenant(ctx.actor.tenantId, async (tx) => {
    const p = await findPerson(tx, personId);
    if (!p) throw new AppError('person_not_found');
    const rows = await findLikelyDuplicates(
      tx,
      {
        firstName: p.first_name,
        lastName: p.last_name,
        dateOfBirth: p.date_of_birth ?? undefined,
        bsn: p.bsn ?? undefined,
        postcode: p.postcode ?? undefined,
        houseNumber: p.house_number ?? undefined,
        interpreterNeeded: p.interpreter_needed,
      },
      personId,
    );
    await recordAccessMany(
      tx,
      ctx,
      {
        action: 'search',
        event: 'person.merge_candidates_shown',
        dataCategory: 'identity',
        permission: 'person:write',
        detail: { personId, results: rows.length },
      },
      rows.length ? rows.map((r) => r.id) : [null],
    );
    return { results: rows.map((r) => toSummary(r, today)) };
  });
}

/** Both persons side by side, what would move, and whether the merge is possible; logged as a read of both. */
export async function previewMerge(
  deps: Deps,
  ctx: AccessContext,
  personId: string,
  otherId: string,
): Promise<MergePreview> {
  if (personId === otherId) throw new AppError('merge_same_person');
  if (!canMergePersons(ctx.actor)) throw new AppError('forbidden');
  const today = municipalToday(deps.clock);
  return deps.db.inTenant(ctx.actor.tenantId, async (tx) => {
    const rows = await personRows(tx, [personId, otherId], false);
    const [a, b] = [rows.get(personId), rows.get(otherId)];
    if (!a || !b) throw new AppError('person_not_found');
    const noAccess = await authorise(tx, ctx, [personId, otherId]);
    const references: MergePreview['references'] = [];
    for (const fk of await personReferences(tx)) {
      const r = await sql<{
        n: number;
      }>`select count(*)::int as n from ${sql.table(fk.child)} where ${sql.ref(fk.column)} = ${otherId}`.execute(tx);
      const n = r.rows[0]?.n ?? 0;
      if (n > 0) {
        const existing = references.find((x) => x.table === fk.child);
        if (existing) existing.count += n;
        else references.push({ table: fk.child, count: n });
      }
    }
    await recordAccessMany(
      tx,
      ctx,
      {
        action: 'read',
        event: 'person.merge_previewed',
        dataCategory: 'identity',
        permission: 'person:write',
        detail: { personId, otherId },
      },
      [personId, otherId],
    );
    return {
      person: await view(tx, personId, today),
      other: await view(tx, otherId, today),
      references,
      blocked: differentBsn(a, b) ? 'merge_bsn_differs' : noAccess,
    };
  });
}

/** The values the person that stays gets: per group this or the other's, other columns its own unless empty. */
function mergedValues(
  keep: PersonJson,
  other: PersonJson,
  choices: Record<MergeFieldGroup, 'this' | 'other'>,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const grouped = new Set(Object.values(GROUP_COLUMNS).flat());
  for (const [group, columns] of Object.entries(GROUP_COLUMNS) as Array<[MergeFieldGroup, readonly string[]]>) {
    const from = choices[group] === 'other' ? other : keep;
    for (const c of columns) if (c in keep) out[c] = from[c] ?? null;
  }
  for (const c of Object.keys(keep)) {
    if (SYSTEM_COLUMNS.has(c) || grouped.has(c)) continue;
    out[c] = keep[c] ?? other[c] ?? null;
  }
  out.bsn = keep.bsn ?? other.bsn ?? null;
  return out;
}

/** Sets the given columns of a person from a JSON object (every column by its own type) and bumps its version. */
async function setPersonColumns(tx: Tx, id: string, values: Record<string, unknown>, userId: string): Promise<void> {
  const columns = Object.keys(values);
  if (columns.length === 0) return;
  await sql`
    update person p set ${sql.join(columns.map((c) => sql`${sql.ref(c)} = r.${sql.ref(c)}`))},
      updated_by = ${userId}, updated_at = now(), version = p.version + 1
    from jsonb_populate_record(null::person, ${JSON.stringify(values)}::jsonb) r
    where p.id = ${id}`.execute(tx);
}

const isMergeConflict = (err: unknown) =>
  typeof err === 'object' && err !== null && (err as { code?: string }).code === 'NM001';

/**
 * Merges `otherId` into `personId` (which stays), with the chosen values. Refused, with nothing changed, on a stale
 * version of either, on two different BSNs, on an erased person, or when the actor may not see a case file of either.
 */
export async function mergePersons(
  deps: Deps,
  ctx: AccessContext,
  personId: string,
  input: { otherId: string; version: number; otherVersion: number; keep: Record<MergeFieldGroup, 'this' | 'other'> },
): Promise<{ mergeId: string; reference: string; person: PersonView }> {
  if (personId === input.otherId) throw new AppError('merge_same_person');
  if (!canMergePersons(ctx.actor)) throw new AppError('forbidden');
  const today = municipalToday(deps.clock);
  const outcome = await deps.db.inTenant(ctx.actor.tenantId, async (tx) => {
    const rows = await personRows(tx, [personId, input.otherId], true);
    const [keep, other] = [rows.get(personId), rows.get(input.otherId)];
    if (!keep || !other) throw new AppError('person_not_found');
    if (keep.erased_at || other.erased_at) throw new AppError('merge_conflict');
    if (await authorise(tx, ctx, [personId, input.otherId])) return { refused: true as const };
    if (keep.version !== input.version || other.version !== input.otherVersion) throw new AppError('version_conflict');
    if (differentBsn(keep, other)) throw new AppError('merge_bsn_differs');

    const moved: Moved[] = [];
    const removed: Removed[] = [];
    try {
      for (const fk of await personReferences(tx)) {
        const r = await sql<{
          moved: boolean;
          row_key: Record<string, unknown> | null;
          row_data: Record<string, unknown> | null;
        }>`
          select moved, row_key, row_data from person_merge_move(${fk.child}::regclass, ${fk.column}, ${input.otherId}, ${personId})`.execute(
          tx,
        );
        for (const x of r.rows) {
          if (x.moved && x.row_key) moved.push({ table: fk.child, column: fk.column, key: x.row_key });
          else if (x.row_data) removed.push({ table: fk.child, column: fk.column, row: x.row_data });
        }
      }
    } catch (err) {
      if (isMergeConflict(err)) throw new AppError('merge_conflict');
      throw err;
    }
    await tx.deleteFrom('person').where('id', '=', input.otherId).execute();
    const values = mergedValues(keep, other, input.keep);
    await setPersonColumns(tx, personId, values, ctx.actor.userId);
    const after = (await personRows(tx, [personId], false)).get(personId);
    const record = await tx
      .insertInto('person_merge')
      .values({
        tenant_id: ctx.actor.tenantId,
        survivor_id: personId,
        kept_person_id: personId,
        merged_person_id: input.otherId,
        merged_person: JSON.stringify(other),
        survivor_before: JSON.stringify(keep),
        survivor_after: JSON.stringify(after),
        moved: JSON.stringify(moved),
        removed: JSON.stringify(removed),
        merged_by: ctx.actor.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const detail = {
      mergeId: record.id,
      keptPersonId: personId,
      mergedPersonId: input.otherId,
      moved: moved.length,
      removed: removed.length,
    };
    await recordAccessMany(
      tx,
      ctx,
      { action: 'update', event: 'person.merged', dataCategory: 'identity', permission: 'person:write', detail },
      [personId, input.otherId],
    );
    return {
      refused: false as const,
      mergeId: record.id,
      reference: mergeReference(record.id),
      person: await view(tx, personId, today),
    };
  });
  if (outcome.refused) {
    // The refusal is logged in a transaction of its own (the merge's rolled back nothing yet: it changed nothing).
    await deps.db.inTenant(ctx.actor.tenantId, (tx) =>
      recordAccessMany(
        tx,
        ctx,
        {
          action: 'update',
          event: 'person.merge_refused',
          dataCategory: 'identity',
          outcome: 'denied',
          permission: 'person:write',
          detail: { reason: 'merge_no_case_access' },
        },
        [personId, input.otherId],
      ),
    );
    throw new AppError('merge_no_case_access');
  }
  const { refused: _refused, ...merged } = outcome;
  return merged;
}

interface MergeRow {
  id: string;
  survivor_id: string;
  kept_person_id: string;
  merged_person_id: string;
  merged_person: PersonJson | null;
  survivor_before: PersonJson | null;
  survivor_after: PersonJson | null;
  moved: Moved[];
  removed: Removed[];
  merged_at: Date;
  merged_by_name: string;
  undone_at: Date | null;
  undone_by_name: string | null;
  undo_reason: string | null;
  version: number;
}

function mergeRows(tx: Tx) {
  return tx
    .selectFrom('person_merge as m')
    .innerJoin('app_user as u', 'u.id', 'm.merged_by')
    .leftJoin('app_user as v', 'v.id', 'm.undone_by')
    .select([
      'm.id',
      'm.survivor_id',
      'm.kept_person_id',
      'm.merged_person_id',
      'm.merged_person',
      'm.survivor_before',
      'm.survivor_after',
      'm.moved',
      'm.removed',
      'm.merged_at',
      'u.display_name as merged_by_name',
      'm.undone_at',
      'v.display_name as undone_by_name',
      'm.undo_reason',
      'm.version',
    ]);
}

/** Why a merge cannot be undone now, or null: the person that stayed must still be there, not merged on itself. */
async function undoBlock(tx: Tx, m: MergeRow): Promise<MergeAdminEntry['cannotUndo']> {
  if (m.undone_at) return 'merge_already_undone';
  if (m.survivor_id !== m.kept_person_id) return 'merge_cannot_undo';
  const present = await tx
    .selectFrom('person')
    .select('id')
    .where('id', 'in', [m.kept_person_id, m.merged_person_id])
    .execute();
  if (present.length !== 1 || present[0]?.id !== m.kept_person_id) return 'merge_cannot_undo';
  return null;
}

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * Undoes a merge (functional administrator): the merged person comes back as it was, exactly the rows that moved
 * move back (rows added to the person that stays since then stay there), removed rows return, and the fields the
 * merge changed on the person that stays get their old value back — unless someone changed them since.
 */
export async function undoMerge(
  deps: Deps,
  ctx: AccessContext,
  mergeId: string,
  input: { version: number; reason: string },
): Promise<{ restored: number; skipped: number }> {
  if (!canUndoMerge(ctx.actor)) throw new AppError('forbidden');
  return deps.db.inTenant(ctx.actor.tenantId, async (tx) => {
    await tx.selectFrom('person_merge').select('id').where('id', '=', mergeId).forUpdate().executeTakeFirst();
    const m = (await mergeRows(tx).where('m.id', '=', mergeId).executeTakeFirst()) as MergeRow | undefined;
    if (!m) throw new AppError('merge_not_found');
    if (m.version !== input.version) throw new AppError('version_conflict');
    const block = await undoBlock(tx, m);
    if (block) throw new AppError(block);
    const keptId = m.kept_person_id;
    const current = (await personRows(tx, [keptId], true)).get(keptId);
    if (!current || !m.merged_person || !m.survivor_before || !m.survivor_after)
      throw new AppError('merge_cannot_undo');
    // 1. The fields the merge changed, back to their old value where nobody changed them since (this frees a BSN the
    //    merged person brought along before that person comes back).
    const back: Record<string, unknown> = {};
    for (const [c, before] of Object.entries(m.survivor_before)) {
      if (SYSTEM_COLUMNS.has(c) && c !== 'bsn') continue;
      const after = m.survivor_after[c];
      if (!sameJson(before, after) && sameJson(current[c], after)) back[c] = before;
    }
    await setPersonColumns(tx, keptId, back, ctx.actor.userId);
    // 2. The merged person as it was (same id, so old links and the access log lead to it again).
    await sql`insert into person select * from jsonb_populate_record(null::person, ${JSON.stringify(m.merged_person)}::jsonb)`.execute(
      tx,
    );
    // 3. Exactly what moved goes back; what was removed returns.
    let restored = 0;
    let skipped = 0;
    const entries = [...m.moved.map((x) => ({ ...x, row: null })), ...m.removed.map((x) => ({ ...x, key: null }))];
    for (const e of entries) {
      const r = await sql<{ ok: boolean }>`
        select person_merge_move_back(${e.table}::regclass, ${e.column}, ${e.key ? JSON.stringify(e.key) : null}::jsonb,
          ${e.row ? JSON.stringify(e.row) : null}::jsonb, ${keptId}, ${m.merged_person_id}) as ok`.execute(tx);
      if (r.rows[0]?.ok) restored++;
      else skipped++;
    }
    await tx
      .updateTable('person_merge')
      .set((eb) => ({
        undone_at: deps.clock.now(),
        undone_by: ctx.actor.userId,
        undo_reason: input.reason,
        // The copies of personal data are not needed any more: both persons exist again.
        merged_person: null,
        survivor_before: null,
        survivor_after: null,
        version: eb('version', '+', 1),
      }))
      .where('id', '=', m.id)
      .execute();
    const detail = { mergeId: m.id, restored, skipped };
    await recordAccessMany(
      tx,
      ctx,
      { action: 'update', event: 'person.merge_undone', dataCategory: 'identity', permission: 'user:admin', detail },
      [keptId, m.merged_person_id],
    );
    return { restored, skipped };
  });
}

const nameOf = (p: Record<string, unknown> | null | undefined): string | null =>
  p && typeof p.first_name === 'string' && typeof p.last_name === 'string'
    ? fullName({ firstName: p.first_name, infix: typeof p.infix === 'string' ? p.infix : null, lastName: p.last_name })
    : null;

/** The merges a person was part of (as the one that stayed or the one merged), newest first; logged as a read. */
export async function mergesOfPerson(
  deps: Deps,
  ctx: AccessContext,
  personId: string,
): Promise<{ merges: PersonMergeView[] }> {
  return deps.db.inTenant(ctx.actor.tenantId, async (tx) => {
    if (!(await findPerson(tx, personId))) throw new AppError('person_not_found');
    const rows = (await mergeRows(tx)
      .where((eb) =>
        eb.or([
          eb('m.survivor_id', '=', personId),
          eb('m.kept_person_id', '=', personId),
          eb('m.merged_person_id', '=', personId),
        ]),
      )
      .orderBy('m.merged_at', 'desc')
      .execute()) as MergeRow[];
    const ids = [...new Set(rows.flatMap((r) => [r.kept_person_id, r.merged_person_id]))];
    const persons = ids.length
      ? await tx
          .selectFrom('person')
          .select(['id', 'first_name', 'infix', 'last_name'])
          .where('id', 'in', ids)
          .execute()
      : [];
    const byId = new Map(persons.map((p) => [p.id, p]));
    if (rows.length)
      await recordAccess(tx, ctx, {
        action: 'read',
        event: 'person.merges_viewed',
        dataCategory: 'identity',
        personId,
        permission: 'person:read',
        detail: { merges: rows.length },
      });
    return {
      merges: rows.map((r) => ({
        id: r.id,
        reference: mergeReference(r.id),
        keptPersonId: r.kept_person_id,
        keptPersonName: nameOf(byId.get(r.kept_person_id)),
        mergedPersonId: r.merged_person_id,
        mergedPersonName: nameOf(byId.get(r.merged_person_id)) ?? nameOf(r.merged_person),
        mergedAt: r.merged_at.toISOString(),
        mergedByName: r.merged_by_name,
        undoneAt: r.undone_at?.toISOString() ?? null,
        undoneByName: r.undone_by_name,
        undoReason: r.undo_reason,
      })),
    };
  });
}

/** The functional administrator's list of merges, newest first: references, dates and counts, no personal data. */
export async function listMerges(deps: Deps, ctx: AccessContext): Promise<{ merges: MergeAdminEntry[] }> {
  if (!canUndoMerge(ctx.actor)) throw new AppError('forbidden');
  return deps.db.inTenant(ctx.actor.tenantId, async (tx) => {
    const rows = (await mergeRows(tx).orderBy('m.merged_at', 'desc').limit(200).execute()) as MergeRow[];
    const out: MergeAdminEntry[] = [];
    for (const r of rows) {
      out.push({
        id: r.id,
        reference: mergeReference(r.id),
        mergedAt: r.merged_at.toISOString(),
        mergedByName: r.merged_by_name,
        moved: r.moved.length,
        removed: r.removed.length,
        undoneAt: r.undone_at?.toISOString() ?? null,
        undoneByName: r.undone_by_name,
        undoReason: r.undo_reason,
        version: r.version,
        cannotUndo: await undoBlock(tx, r),
      });
    }
    return { merges: out };
  });
}
