import { sql, type RawBuilder } from 'kysely';
import type { Tx } from '../../platform/database/database';

/** Filters of the access-log viewer; dates are days in Amsterdam time, both ends included. */
export interface LogFilter {
  userId?: string | undefined;
  personId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  action?: string | undefined;
  emergency?: boolean | undefined;
  outcome?: 'allowed' | 'denied' | undefined;
}

/** One access-log row with the names the viewer shows. Row-level security keeps it to the municipality. */
export interface LogRow {
  id: number;
  seq: number | null;
  at: Date;
  user_id: string | null;
  user_name: string | null;
  user_role: string | null;
  team_name: string | null;
  action: string;
  event: string;
  person_id: string | null;
  first_name: string | null;
  infix: string | null;
  last_name: string | null;
  case_id: string | null;
  case_reference: string | null;
  data_category: string;
  legal_basis: string | null;
  emergency: boolean;
  emergency_reason: string | null;
  outcome: 'allowed' | 'denied';
  ip: string | null;
  tenant_name: string;
}

const startOfDay = (day: string) => sql`((${day}::date)::timestamp at time zone 'Europe/Amsterdam')`;
const startOfNextDay = (day: string) => sql`(((${day}::date) + 1)::timestamp at time zone 'Europe/Amsterdam')`;

function where(f: LogFilter): RawBuilder<unknown> {
  const parts: RawBuilder<unknown>[] = [sql`true`];
  if (f.userId) parts.push(sql`l.user_id = ${f.userId}`);
  if (f.personId) parts.push(sql`l.person_id = ${f.personId}`);
  if (f.from) parts.push(sql`l.at >= ${startOfDay(f.from)}`);
  if (f.to) parts.push(sql`l.at < ${startOfNextDay(f.to)}`);
  if (f.action) parts.push(sql`l.action = ${f.action}`);
  if (f.emergency) parts.push(sql`l.emergency`);
  if (f.outcome) parts.push(sql`l.outcome = ${f.outcome}`);
  return sql.join(parts, sql` and `);
}

const SELECT = sql`
  select l.id, l.seq, l.at, l.user_id, u.display_name as user_name, l.user_role, tm.name as team_name, l.action, l.event,
         l.person_id, p.first_name, p.infix, p.last_name, l.case_id, r.reference as case_reference, l.data_category,
         l.legal_basis, l.emergency, ea.reason as emergency_reason, l.outcome, l.ip, tn.name as tenant_name
  from access_log l
  join tenant tn on tn.id = l.tenant_id
  left join app_user u on u.id = l.user_id
  left join team tm on tm.id = l.team_id
  left join person p on p.id = l.person_id
  left join case_file c on c.id = l.case_id
  left join referral r on r.id = c.referral_id
  left join emergency_access ea on ea.id = case when l.detail ? 'emergencyAccessId' then (l.detail ->> 'emergencyAccessId')::uuid end`;

export async function findLogRows(tx: Tx, f: LogFilter, limit: number, offset: number): Promise<LogRow[]> {
  const r =
    await sql<LogRow>`${SELECT} where ${where(f)} order by l.at desc, l.id desc limit ${limit} offset ${offset}`.execute(
      tx,
    );
  return r.rows;
}

export async function countLogRows(tx: Tx, f: LogFilter): Promise<number> {
  const r = await sql<{ n: number }>`select count(*)::int as n from access_log l where ${where(f)}`.execute(tx);
  return r.rows[0]?.n ?? 0;
}

export async function findPersonName(tx: Tx, personId: string) {
  return tx
    .selectFrom('person')
    .select(['id', 'first_name', 'infix', 'last_name', 'date_of_birth', 'postcode', 'house_number'])
    .where('id', '=', personId)
    .executeTakeFirst();
}

export async function listTenantUsers(tx: Tx, tenantId: string) {
  const r = await sql<{ id: string; display_name: string; active: boolean; roles: string[] }>`
    select u.id, u.display_name, u.active, coalesce((select array_agg(r.role order by r.role) from user_role r where r.user_id = u.id), '{}') as roles
    from app_user u where u.tenant_id = ${tenantId} order by u.display_name`.execute(tx);
  return r.rows;
}

// ---------- emergency access overview ----------
export interface EmergencyRow {
  id: string;
  user_id: string;
  user_name: string;
  roles: string[];
  case_id: string;
  case_reference: string | null;
  team_name: string;
  reason: string;
  starts_at: Date;
  expires_at: Date;
  ended_at: Date | null;
  reviewed_at: Date | null;
  reviewer_name: string | null;
  review_note: string | null;
  version: number;
  access_count: number;
}

export async function findEmergencyAccessesOn(tx: Tx, tenantId: string, day: string): Promise<EmergencyRow[]> {
  const r = await sql<EmergencyRow>`
    select ea.id, ea.user_id, u.display_name as user_name,
           coalesce((select array_agg(ur.role order by ur.role) from user_role ur where ur.user_id = u.id), '{}') as roles,
           ea.case_id, r.reference as case_reference, tm.name as team_name, ea.reason, ea.starts_at, ea.expires_at, ea.ended_at,
           ea.reviewed_at, rv.display_name as reviewer_name, ea.review_note, ea.version,
           (select count(distinct l.id)::int from access_log l
             where l.tenant_id = ea.tenant_id and l.emergency and l.detail ->> 'emergencyAccessId' = ea.id::text) as access_count
    from emergency_access ea
    join app_user u on u.id = ea.user_id
    join case_file c on c.id = ea.case_id
    join team tm on tm.id = c.team_id
    left join referral r on r.id = c.referral_id
    left join app_user rv on rv.id = ea.reviewed_by
    where ea.tenant_id = ${tenantId} and ea.starts_at >= ${startOfDay(day)} and ea.starts_at < ${startOfNextDay(day)}
    order by ea.starts_at`.execute(tx);
  return r.rows;
}

/** Days with emergency accesses in the 14 days up to `day`, newest first. */
export async function emergencyDays(
  tx: Tx,
  tenantId: string,
  day: string,
): Promise<Array<{ date: string; count: number; unreviewed: number }>> {
  const r = await sql<{ date: string; count: number; unreviewed: number }>`
    select to_char(ea.starts_at at time zone 'Europe/Amsterdam', 'YYYY-MM-DD') as date, count(*)::int as count,
           count(*) filter (where ea.reviewed_at is null)::int as unreviewed
    from emergency_access ea
    where ea.tenant_id = ${tenantId} and ea.starts_at >= ${startOfDay(day)} - interval '13 days' and ea.starts_at < ${startOfNextDay(day)}
    group by 1 order by 1 desc`.execute(tx);
  return r.rows;
}

/** Records the review when the version still matches; false on a conflict. */
export async function markReviewed(
  tx: Tx,
  id: string,
  version: number,
  by: string,
  note: string,
  at: Date,
): Promise<{ case_id: string } | undefined> {
  return tx
    .updateTable('emergency_access')
    .set((eb) => ({ reviewed_at: at, reviewed_by: by, review_note: note, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', version)
    .returning('case_id')
    .executeTakeFirst();
}
