import type pg from 'pg';

/** Tables and the columns compared by `checksumDatabase` (generated ids and values; no password hashes or identity ids). */
const COMPARED: Record<string, string> = {
  tenant: 'id, slug, name, created_at',
  team: 'id, tenant_id, name, area',
  app_user: 'id, tenant_id, username, display_name, expertise',
  user_role: 'user_id, role',
  person: 'id, tenant_id, first_name, infix, last_name, date_of_birth, bsn, postcode, house_number, street, created_at',
  household_member: 'household_id, person_id, relation',
  referral: 'id, team_id, reference, status, received_at, life_domains',
  case_file: 'id, team_id, referral_id, household_id, case_worker_id, tandem_worker_id, phase, opened_at, closed_at',
  contact_entry: 'id, case_id, kind, contact_on, note, recorded_by, recorded_at',
  zrm_assessment: 'id, case_id, person_id, kind, assessed_on',
  zrm_score: 'assessment_id, domain, score',
  plan_version: 'id, plan_id, number, status',
  plan_goal: 'id, plan_version_id, domain',
  access_log: 'at, tenant_id, user_id, event, person_id, case_id',
};

/**
 * A checksum of the generated content as stored (md5 per table over its rows in a fixed order), to show
 * that the same seed gives the same database. Reads every compared table: meant for small datasets.
 */
export async function checksumDatabase(client: pg.PoolClient | pg.Client): Promise<string> {
  const parts: string[] = [];
  for (const [table, columns] of Object.entries(COMPARED)) {
    const r = await client.query<{ md5: string | null; n: number }>(
      `select md5(string_agg(x, E'\\n' order by x)) as md5, count(*)::int as n from (select (${columns
        .split(', ')
        .map((c) => `coalesce(${c}::text, '\\N')`)
        .join(` || '|' || `)}) as x from ${table}) t`,
    );
    parts.push(`${table}:${r.rows[0]!.n}:${r.rows[0]!.md5 ?? ''}`);
  }
  return parts.join(';');
}
