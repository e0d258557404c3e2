import { sql } from 'kysely';
import { describeAccessEvent, INSPECTION_CATEGORIES, type InspectionCategory } from '@nabij/contracts';
import type { Tx } from '../../platform/database/database';
import { binaryColumns, collectRows, foreignKeys, type ForeignKey, type Row } from '../retention';
import { EXCLUSION_TEXT, INCLUSION_TEXT } from './avg-rights.domain';
import { fullNameOfRow } from '../../shared/person-name';

export interface InspectionCopy {
  format: 'nabij-inzage-1';
  generatedAt: string;
  municipality: string;
  request: { reference: string; receivedOn: string };
  subject: Row;
  decisions: Array<{ category: InspectionCategory; included: boolean; text: string }>;
  /** Every row that belongs to the person, per table (the machine-readable heart of the copy). */
  data: Record<string, Row[]>;
  ownRequests: Array<{
    reference: string;
    kind: string;
    receivedOn: string;
    status: string;
    completedOn: string | null;
  }>;
  accessLog: Array<{
    at: string;
    who: string | null;
    role: string | null;
    action: string;
    event: string;
    description: string;
    dataCategory: string;
    legalBasis: string | null;
    outcome: string;
    emergency: boolean;
    /** The team the person who acted worked for (null: no team, e.g. the resident, the system or the municipality). */
    team: string | null;
    /** Whether the row was about a case file (the summary says "uw dossier" instead of "uw gegevens"). */
    inCase: boolean;
  }>;
  /** Names of the staff and teams the rows refer to by id. */
  staff: Record<string, string>;
  teams: Record<string, string>;
}

/**
 * Tables the copy does not descend into: the register itself (its internal reasons), destruction records and
 * statistics (no personal data), and signals to policy (no personal data by design).
 */
const STOP_AT = new Set([
  'avg_request',
  'avg_inspection_decision',
  'avg_correction',
  'destruction_record',
  'case_statistic',
  'policy_signal',
]);
const DROPPED_COLUMNS = new Set(['tenant_id', 'idempotency_key']);
/**
 * Internal tables are no part of the copy: they hold no data the team recorded about the resident, only what the
 * software derives for itself — the management-information facts and marks (`mi_*`, ids, dates and counts per case)
 * and the words of the name search (`person_name_word`).
 */
export const isInternalTable = (table: string): boolean => table.startsWith('mi_') || table === 'person_name_word';

/** What a copy shows instead of the name of another household member when that category is left out. */
export const OTHER_MEMBER = '[ander lid van het huishouden]';
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Removes other persons from a row when the "other household members" category is left out: a reference to another
 * person becomes null, entries about another person in a JSON snapshot (objects with a `personId`, such as the
 * closure's ZRM and participation comparison) are dropped, and their names in text are replaced.
 */
function scrubber(others: { ids: ReadonlySet<string>; names: readonly string[] }) {
  const patterns = [...new Set(others.names.map((n) => n.trim()).filter((n) => n.length >= 2))]
    .sort((a, b) => b.length - a.length)
    .map((n) => new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(n)}(?![\\p{L}\\p{N}])`, 'giu'));
  const text = (v: string) => patterns.reduce((acc, re) => acc.replace(re, OTHER_MEMBER), v);
  const isOther = (v: unknown) => typeof v === 'string' && others.ids.has(v);
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return isOther(v) ? null : text(v);
    if (Array.isArray(v))
      return v
        .filter(
          (e) =>
            !(
              e &&
              typeof e === 'object' &&
              !Array.isArray(e) &&
              (isOther((e as Row).personId) || isOther((e as Row).person_id))
            ),
        )
        .map(walk);
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v as Row).map(([k, x]) => [k, walk(x)]));
    return v;
  };
  return walk;
}

/**
 * Collects a complete copy of a person's data by following the foreign keys from the person, their
 * households, their case files and the referrals about them — so tables added later are included without
 * changes here — and leaves out what the privacy officer decided to exclude per category.
 */
export async function buildInspectionCopy(
  tx: Tx,
  args: {
    personId: string;
    request: { reference: string; receivedOn: string };
    include: Record<InspectionCategory, boolean>;
    generatedAt: Date;
    municipality: string;
  },
): Promise<{ copy: InspectionCopy; withheld: Record<string, number>; caseIds: string[] }> {
  const fks = await foreignKeys(tx);
  const { personId, include } = args;
  const leaveOut = (table: string, row: Row): string | null => {
    if (!include.meldcode && (table === 'meldcode_record' || (table === 'task' && row.kind === 'meldcode_follow_up')))
      return 'meldcode';
    if (!include.internal_notes && table === 'contact_entry' && row.internal === true) return 'internal_notes';
    if (!include.network_persons && table === 'network_person') return 'network_persons';
    if (!include.network_persons && table === 'network_meeting_invitee' && row.network_person_id)
      return 'network_persons';
    if (!include.other_household_members && table !== 'person') {
      if (typeof row.person_id === 'string' && row.person_id !== personId) return 'other_household_members';
      if (table === 'referral_person' && row.person_id === null) return 'other_household_members';
    }
    return null;
  };
  const out = new Map<string, Map<string, Row>>();
  const withheld: Record<string, number> = {};
  const stopAt = new Set([...STOP_AT, ...fks.map((fk) => fk.child).filter(isInternalTable)]);
  const options = { stopAt, leaveOut };

  // The person and everything that refers to them (memberships, case files as primary person, assessments, consents …).
  await collectRows(tx, fks, 'person', 'id', [personId], out, options, withheld);
  // Their households, with the case files and referrals of the household.
  const households = [...(out.get('household_member')?.values() ?? [])]
    .filter((m) => m.person_id === personId)
    .map((m) => String(m.household_id));
  await collectRows(tx, fks, 'household', 'id', households, out, options, withheld);
  // The referrals that name them or that their case files came from.
  const referralIds = [
    ...[...(out.get('referral_person')?.values() ?? [])].map((r) => r.referral_id),
    ...[...(out.get('case_file')?.values() ?? [])].map((c) => c.referral_id),
  ].filter((v): v is string => typeof v === 'string');
  await collectRows(tx, fks, 'referral', 'id', [...new Set(referralIds)], out, options, withheld);
  // Fellow household members as persons, when the privacy officer decided to include them.
  if (include.other_household_members) {
    const fellows = [...(out.get('household_member')?.values() ?? [])]
      .map((m) => String(m.person_id))
      .filter((id) => id !== personId);
    if (fellows.length) {
      const persons = await sql<{
        row: Row;
      }>`select to_jsonb(p) as row from person p where p.id = any(${[...new Set(fellows)]})`.execute(tx);
      const map = out.get('person') ?? new Map<string, Row>();
      for (const { row } of persons.rows) map.set(String(row.id), row);
      out.set('person', map);
    }
  }

  const binary = await binaryColumns(tx);
  const scrub = include.other_household_members ? null : scrubber(await otherPersons(tx, fks, personId, out));
  const clean = (table: string, row: Row): Row =>
    Object.fromEntries(
      Object.entries(row)
        .filter(([k]) => !DROPPED_COLUMNS.has(k))
        .map(([k, v]) => {
          if (binary.has(`${table}.${k}`) && typeof v === 'string' && v.startsWith('\\x'))
            return [k, Buffer.from(v.slice(2), 'hex').toString('base64')];
          return [k, scrub && !(table === 'person' && row.id === personId) ? scrub(v) : v];
        }),
    );
  const data: Record<string, Row[]> = {};
  let subject: Row = {};
  for (const [table, rows] of [...out.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    const list = [...rows.values()].map((r) => clean(table, r));
    if (table === 'person') {
      subject = list.find((r) => r.id === personId) ?? {};
      const others = list.filter((r) => r.id !== personId);
      if (others.length) data.person = others;
    } else data[table] = list;
  }

  // Names for the ids of staff and teams the rows refer to (found through the foreign keys to app_user and team).
  const userIds = new Set<string>();
  const teamIds = new Set<string>();
  for (const [table, rows] of Object.entries(data)) {
    for (const fk of fks.filter((f) => f.child === table && (f.parent === 'app_user' || f.parent === 'team'))) {
      for (const r of rows) {
        const v = r[fk.column];
        if (typeof v === 'string') (fk.parent === 'app_user' ? userIds : teamIds).add(v);
      }
    }
  }

  const logRows = await sql<{
    at: Date;
    user_id: string | null;
    display_name: string | null;
    user_role: string | null;
    action: string;
    event: string;
    data_category: string;
    legal_basis: string | null;
    outcome: string;
    emergency: boolean;
    team_name: string | null;
    in_case: boolean;
  }>`
    select l.at, l.user_id, u.display_name, l.user_role, l.action, l.event, l.data_category, l.legal_basis, l.outcome, l.emergency,
           t.name as team_name, l.case_id is not null as in_case
    from access_log l left join app_user u on u.id = l.user_id left join team t on t.id = l.team_id
    where l.person_id = ${personId} ${include.meldcode ? sql`` : sql`and l.data_category <> 'meldcode' and l.event not like 'meldcode.%'`}
    order by l.at, l.id`.execute(tx);
  const staffRows = userIds.size
    ? await tx
        .selectFrom('app_user')
        .select(['id', 'display_name'])
        .where('id', 'in', [...userIds])
        .execute()
    : [];
  const teamRows = teamIds.size
    ? await tx
        .selectFrom('team')
        .select(['id', 'name'])
        .where('id', 'in', [...teamIds])
        .execute()
    : [];
  const ownRequests = await tx
    .selectFrom('avg_request')
    .select(['reference', 'kind', 'received_on', 'status', 'completed_on'])
    .where('person_id', '=', personId)
    .orderBy('received_on')
    .execute();
  const municipality = args.municipality;

  return {
    copy: {
      format: 'nabij-inzage-1',
      generatedAt: args.generatedAt.toISOString(),
      municipality,
      request: args.request,
      subject,
      decisions: INSPECTION_CATEGORIES.map((category) => ({
        category,
        included: include[category],
        text: include[category] ? INCLUSION_TEXT[category] : EXCLUSION_TEXT[category],
      })),
      data,
      ownRequests: ownRequests.map((r) => ({
        reference: r.reference,
        kind: r.kind,
        receivedOn: r.received_on,
        status: r.status,
        completedOn: r.completed_on,
      })),
      accessLog: logRows.rows.map((l) => ({
        at: l.at.toISOString(),
        who: l.display_name ?? (l.user_role === 'referrer' ? 'verwijzer (formulier)' : null),
        role: l.user_role,
        action: l.action,
        event: l.event,
        description: describeAccessEvent(l.event, l.action),
        dataCategory: l.data_category,
        legalBasis: l.legal_basis,
        outcome: l.outcome,
        emergency: l.emergency,
        team: l.team_name,
        inCase: l.in_case,
      })),
      staff: Object.fromEntries(staffRows.map((u) => [u.id, u.display_name])),
      teams: Object.fromEntries(teamRows.map((t) => [t.id, t.name])),
    },
    withheld,
    caseIds: [...(out.get('case_file')?.keys() ?? [])],
  };
}

/**
 * The other persons the copy could mention: members of the subject's households, persons on the referrals and in
 * the case files of the copy (primary person, anyone with records there), with their names — and the names typed on
 * those referrals for persons without a record.
 */
async function otherPersons(
  tx: Tx,
  fks: readonly ForeignKey[],
  personId: string,
  out: Map<string, Map<string, Row>>,
): Promise<{ ids: Set<string>; names: string[] }> {
  const ids = (table: string, column: string) =>
    [...(out.get(table)?.values() ?? [])].map((r) => r[column]).filter((v): v is string => typeof v === 'string');
  const households = ids('household', 'id');
  const referrals = ids('referral', 'id');
  const cases = ids('case_file', 'id');
  const found = new Set<string>();
  const collect = async (q: Promise<{ rows: Array<{ p: string | null }> }>) => {
    for (const r of (await q).rows) if (r.p && r.p !== personId) found.add(r.p);
  };
  if (households.length)
    await collect(
      sql<{
        p: string;
      }>`select person_id::text as p from household_member where household_id = any(${households})`.execute(tx),
    );
  if (referrals.length)
    await collect(
      sql<{
        p: string;
      }>`select person_id::text as p from referral_person where referral_id = any(${referrals})`.execute(tx),
    );
  if (cases.length) {
    await collect(
      sql<{ p: string }>`select primary_person_id::text as p from case_file where id = any(${cases})`.execute(tx),
    );
    const withCase = new Set(
      fks.filter((fk) => fk.parent === 'case_file' && fk.column === 'case_id').map((fk) => fk.child),
    );
    for (const fk of fks.filter((f) => f.parent === 'person' && withCase.has(f.child)))
      await collect(
        sql<{
          p: string;
        }>`select distinct ${sql.ref(fk.column)}::text as p from ${sql.table(fk.child)} where case_id = any(${cases})`.execute(
          tx,
        ),
      );
  }
  const subject = await tx
    .selectFrom('person')
    .select(['first_name', 'infix', 'last_name'])
    .where('id', '=', personId)
    .executeTakeFirst();
  const own = new Set(
    [subject?.first_name, subject?.last_name, subject?.infix ? `${subject.infix} ${subject.last_name}` : undefined]
      .filter((x): x is string => Boolean(x))
      .map((x) => x.toLowerCase()),
  );
  const names: string[] = [];
  const addNames = (p: { first_name: string | null; infix: string | null; last_name: string | null }) => {
    const full = fullNameOfRow(p);
    if (full.includes(' ')) names.push(full);
    if (p.first_name) names.push(p.first_name);
    if (p.first_name && p.last_name) names.push(`${p.first_name} ${p.last_name}`);
    // A last name the subject shares is also the subject's own name: it stays.
    if (p.last_name && !own.has(p.last_name.toLowerCase()))
      names.push(p.infix ? `${p.infix} ${p.last_name}` : p.last_name);
  };
  if (found.size)
    for (const p of await tx
      .selectFrom('person')
      .select(['first_name', 'infix', 'last_name'])
      .where('id', 'in', [...found])
      .execute())
      addNames(p);
  if (referrals.length)
    for (const p of await tx
      .selectFrom('referral_person')
      .select(['first_name', 'infix', 'last_name'])
      .where('referral_id', 'in', referrals)
      .where((eb) => eb.or([eb('person_id', 'is', null), eb('person_id', '!=', personId)]))
      .execute())
      addNames(p);
  return { ids: found, names: names.filter((n) => !own.has(n.toLowerCase())) };
}
