// Who takes part in a benchmark run and on what: real generated users of the right roles, spread over the teams of
// every municipality on the server (one worker per team before a second one of the same team), with their own open
// case files, and search terms drawn from their own municipality.
import type pg from 'pg';

export interface Worker {
  userId: string;
  username: string;
  tenantId: string;
  /** Open case files the worker can work on (analysis, plan, execution), with the primary person. */
  cases: Array<{ id: string; personId: string }>;
  /** Every open case file of the worker (also closure and watch), for reading. */
  openCaseIds: string[];
}

export interface Participants {
  workers: Worker[];
  desks: Array<{ userId: string; username: string; tenantId: string }>;
  coordinators: Array<{ userId: string; username: string; tenantId: string }>;
  /** Person-search bodies per municipality: a third by name, a third by date of birth, a third by BSN. */
  searches: Map<string, Array<Record<string, string>>>;
}

/** Name fragments a worker types: common and rare last names, first names, an infix. */
const NAME_TERMS = [
  'jan',
  'vries',
  'berg',
  'bak',
  'dijk',
  'vis',
  'smit',
  'meij',
  'boer',
  'mul',
  'groot',
  'bos',
  'vos',
  'pet',
  'hend',
  'leeu',
  'dek',
  'brou',
  'wit',
  'yil',
  'kaya',
  'dem',
  'amra',
  'bouz',
  'bena',
  'sita',
  'kowa',
  'hadd',
  'tesf',
  'anna',
  'moha',
  'emma',
  'sanne',
  'joh',
  'fatima',
  'de',
  'van',
  'haver',
  'oost',
  'nijl',
];

/** Users by role, round-robin over teams (team by team, first user of each team first). */
async function usersByRole(
  pool: pg.Pool,
  role: string,
  limit: number,
): Promise<Array<{ userId: string; username: string; tenantId: string }>> {
  const r = await pool.query<{ id: string; username: string; tenant_id: string }>(
    `select id, username, tenant_id from (
       select u.id, u.username, u.tenant_id, ut.team_id,
              row_number() over (partition by ut.team_id order by u.username) as k
       from app_user u join user_role r on r.user_id = u.id and r.role = $1 join user_team ut on ut.user_id = u.id
       join tenant t on t.id = u.tenant_id
       where u.active and t.slug like 'syn-%') x
     order by k, team_id limit $2`,
    [role, limit],
  );
  return r.rows.map((x) => ({ userId: x.id, username: x.username, tenantId: x.tenant_id }));
}

export async function chooseParticipants(
  pool: pg.Pool,
  counts: { workers: number; desks: number; coordinators: number },
): Promise<Participants> {
  const candidates = await usersByRole(pool, 'case_worker', counts.workers * 2);
  const workers: Worker[] = [];
  for (const c of candidates) {
    if (workers.length >= counts.workers) break;
    const cases = await pool.query<{ id: string; primary_person_id: string; phase: string }>(
      `select id, primary_person_id, phase from case_file where case_worker_id = $1 and phase <> 'closed' order by opened_at desc`,
      [c.userId],
    );
    const workable = cases.rows.filter((x) => ['analysis', 'plan', 'execution'].includes(x.phase));
    if (workable.length === 0) continue;
    workers.push({
      ...c,
      cases: workable.map((x) => ({ id: x.id, personId: x.primary_person_id })),
      openCaseIds: cases.rows.map((x) => x.id),
    });
  }
  const desks = await usersByRole(pool, 'intake_desk', counts.desks);
  const coordinators = await usersByRole(pool, 'team_coordinator', counts.coordinators);

  const searches = new Map<string, Array<Record<string, string>>>();
  for (const tenantId of new Set(workers.map((w) => w.tenantId))) {
    // A fixed, spread-out sample of the municipality's persons (ordered by a hash of the id, so the same each run).
    const sample = await pool.query<{ date_of_birth: string | null; bsn: string | null }>(
      `select date_of_birth, bsn from person where tenant_id = $1 and bsn is not null and date_of_birth is not null order by md5(id::text) limit 40`,
      [tenantId],
    );
    const list: Array<Record<string, string>> = [];
    sample.rows.forEach((p, i) => {
      list.push({ name: NAME_TERMS[i % NAME_TERMS.length]! });
      list.push({ dateOfBirth: p.date_of_birth! });
      list.push({ bsn: p.bsn!.trim() });
    });
    searches.set(tenantId, list);
  }
  return { workers, desks, coordinators, searches };
}
