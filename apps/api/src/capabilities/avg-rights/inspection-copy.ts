import { sql } from 'kysely';
import { describeAccessEvent, INSPECTION_CATEGORIES, type InspectionCategory } from '@nabij/contracts';
import type { Tx } from '../../platform/database/database';
import { binaryColumns, collectRows, foreignKeys, type Row } from '../retention';
import { EXCLUSION_TEXT, INCLUSION_TEXT } from './avg-rights.domain';

export interface InspectionCopy {
  format: 'nabij-inzage-1';
  generatedAt: string;
  municipality: string;
  request: { reference: string; receivedOn: string };
  subject: Row;
  decisions: Array<{ category: InspectionCategory; included: boolean; text: string }>;
  /** Every row that belongs to the person, per table (the machine-readable heart of the copy). */
  data: Record<string, Row[]>;
  ownRequests: Array<{ reference: string; kind: string; receivedOn: string; status: string; completedOn: string | null }>;
  accessLog: Array<{ at: string; who: string | null; role: string | null; action: string; event: string; description: string; dataCategory: string; legalBasis: string | null; outcome: string; emergency: boolean }>;
  /** Names of the staff and teams the rows refer to by id. */
  staff: Record<string, string>;
  teams: Record<string, string>;
}

/**
 * Tables the copy does not descend into: the register itself (its internal reasons), destruction records and
 * statistics (no personal data), and signals to policy (no personal data by design).
 */
const STOP_AT = new Set(['avg_request', 'avg_inspection_decision', 'avg_correction', 'destruction_record', 'case_statistic', 'policy_signal']);
const DROPPED_COLUMNS = new Set(['tenant_id', 'idempotency_key']);

/**
 * Collects a complete copy of a person's data by following the foreign keys from the person, their
 * households, their case files and the referrals about them — so tables added later are included without
 * changes here — and leaves out what the privacy officer decided to exclude per category.
 */
export async function buildInspectionCopy(
  tx: Tx,
  args: { personId: string; request: { reference: string; receivedOn: string }; include: Record<InspectionCategory, boolean>; generatedAt: Date; municipality: string },
): Promise<{ copy: InspectionCopy; withheld: Record<string, number>; caseIds: string[] }> {
  const fks = await foreignKeys(tx);
  const { personId, include } = args;
  const leaveOut = (table: string, row: Row): string | null => {
    if (!include.meldcode && (table === 'meldcode_record' || (table === 'task' && row.kind === 'meldcode_follow_up'))) return 'meldcode';
    if (!include.internal_notes && table === 'contact_entry' && row.internal === true) return 'internal_notes';
    if (!include.network_persons && table === 'network_person') return 'network_persons';
    if (!include.other_household_members && table !== 'person') {
      if (typeof row.person_id === 'string' && row.person_id !== personId) return 'other_household_members';
      if (table === 'referral_person' && row.person_id === null) return 'other_household_members';
    }
    return null;
  };
  const out = new Map<string, Map<string, Row>>();
  const withheld: Record<string, number> = {};
  const options = { stopAt: STOP_AT, leaveOut };

  // The person and everything that refers to them (memberships, case files as primary person, assessments, consents …).
  await collectRows(tx, fks, 'person', 'id', [personId], out, options, withheld);
  // Their households, with the case files and referrals of the household.
  const households = [...(out.get('household_member')?.values() ?? [])].filter((m) => m.person_id === personId).map((m) => String(m.household_id));
  await collectRows(tx, fks, 'household', 'id', households, out, options, withheld);
  // The referrals that name them or that their case files came from.
  const referralIds = [
    ...[...(out.get('referral_person')?.values() ?? [])].map((r) => r.referral_id),
    ...[...(out.get('case_file')?.values() ?? [])].map((c) => c.referral_id),
  ].filter((v): v is string => typeof v === 'string');
  await collectRows(tx, fks, 'referral', 'id', [...new Set(referralIds)], out, options, withheld);
  // Fellow household members as persons, when the privacy officer decided to include them.
  if (include.other_household_members) {
    const fellows = [...(out.get('household_member')?.values() ?? [])].map((m) => String(m.person_id)).filter((id) => id !== personId);
    if (fellows.length) {
      const persons = await sql<{ row: Row }>`select to_jsonb(p) as row from person p where p.id = any(${[...new Set(fellows)]})`.execute(tx);
      const map = out.get('person') ?? new Map<string, Row>();
      for (const { row } of persons.rows) map.set(String(row.id), row);
      out.set('person', map);
    }
  }

  const binary = await binaryColumns(tx);
  const clean = (table: string, row: Row): Row =>
    Object.fromEntries(
      Object.entries(row)
        .filter(([k]) => !DROPPED_COLUMNS.has(k))
        .map(([k, v]) => [k, binary.has(`${table}.${k}`) && typeof v === 'string' && v.startsWith('\\x') ? Buffer.from(v.slice(2), 'hex').toString('base64') : v]),
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

  const logRows = await sql<{ at: Date; user_id: string | null; display_name: string | null; user_role: string | null; action: string; event: string; data_category: string; legal_basis: string | null; outcome: string; emergency: boolean }>`
    select l.at, l.user_id, u.display_name, l.user_role, l.action, l.event, l.data_category, l.legal_basis, l.outcome, l.emergency
    from access_log l left join app_user u on u.id = l.user_id
    where l.person_id = ${personId} ${include.meldcode ? sql`` : sql`and l.data_category <> 'meldcode' and l.event not like 'meldcode.%'`}
    order by l.at, l.id`.execute(tx);
  const staffRows = userIds.size ? await tx.selectFrom('app_user').select(['id', 'display_name']).where('id', 'in', [...userIds]).execute() : [];
  const teamRows = teamIds.size ? await tx.selectFrom('team').select(['id', 'name']).where('id', 'in', [...teamIds]).execute() : [];
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
      decisions: INSPECTION_CATEGORIES.map((category) => ({ category, included: include[category], text: include[category] ? INCLUSION_TEXT[category] : EXCLUSION_TEXT[category] })),
      data,
      ownRequests: ownRequests.map((r) => ({ reference: r.reference, kind: r.kind, receivedOn: r.received_on, status: r.status, completedOn: r.completed_on })),
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
      })),
      staff: Object.fromEntries(staffRows.map((u) => [u.id, u.display_name])),
      teams: Object.fromEntries(teamRows.map((t) => [t.id, t.name])),
    },
    withheld,
    caseIds: [...(out.get('case_file')?.keys() ?? [])],
  };
}
