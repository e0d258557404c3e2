import { sql, type RawBuilder } from 'kysely';
import type { TaskKind } from '@nabij/contracts';
import type { Database } from '../../platform/database/database';

/**
 * A reminder rule: the occasions that currently exist (one row per occasion, with a stable `source_key`),
 * from which day the reminder should be on someone's list (`create_from`), and its due date.
 * Columns: tenant_id, team_id, case_id, title, due_on, create_from, source_key.
 */
interface ReminderRule {
  kind: Exclude<TaskKind, 'manual'>;
  occasions: (today: string) => RawBuilder<unknown>;
}

export const REMINDER_RULES: ReminderRule[] = [
  {
    kind: 'analysis_deadline',
    occasions: () => sql`
      select c.tenant_id, c.team_id, c.id as case_id, 'Analyse afronden: de termijn verloopt' as title,
             c.analysis_deadline as due_on, c.analysis_deadline - 7 as create_from,
             c.id::text || ':' || c.analysis_deadline::text as source_key
      from case_file c
      where c.phase = 'analysis' and c.analysis_deadline is not null`,
  },
  {
    kind: 'plan_not_agreed',
    occasions: () => sql`
      select c.tenant_id, c.team_id, c.id as case_id, 'Plan nog niet afgesproken met het huishouden' as title,
             (v.created_at at time zone 'Europe/Amsterdam')::date + 14 as due_on,
             (v.created_at at time zone 'Europe/Amsterdam')::date + 14 as create_from,
             v.id::text as source_key
      from plan_version v
      join plan p on p.id = v.plan_id
      join case_file c on c.id = p.case_id
      where v.status = 'draft' and c.phase in ('analysis', 'plan')
        and not exists (select 1 from plan_version a where a.plan_id = p.id and a.status <> 'draft')`,
  },
  {
    kind: 'evaluation_due',
    occasions: () => sql`
      select x.tenant_id, x.team_id, x.case_id, 'Plan evalueren met het huishouden' as title,
             x.due_on, x.due_on - 14 as create_from, x.case_id::text || ':' || x.due_on::text as source_key
      from (
        select c.tenant_id, c.team_id, c.id as case_id,
               greatest(
                 (select max(v.agreed_on) from plan_version v join plan p on p.id = v.plan_id where p.case_id = c.id and v.status <> 'draft'),
                 (select max(e.held_on) from case_evaluation e where e.case_id = c.id)
               ) + t.evaluation_weeks * 7 as due_on
        from case_file c join team t on t.id = c.team_id
        where c.phase = 'execution'
      ) x
      where x.due_on is not null`,
  },
  {
    kind: 'consent_expiring',
    occasions: () => sql`
      select c.tenant_id, c.team_id, c.id as case_id, 'Toestemming voor informatie-uitwisseling verloopt' as title,
             ic.expires_on as due_on, ic.expires_on - 30 as create_from, ic.id::text || ':' || ic.expires_on::text as source_key
      from information_consent ic
      join case_file c on c.id = ic.case_id
      where ic.withdrawn_on is null and ic.expires_on is not null and c.phase <> 'closed'`,
  },
  {
    kind: 'meldcode_follow_up',
    occasions: () => sql`
      select c.tenant_id, c.team_id, c.id as case_id, 'Meldcode: nagaan hoe het gaat (vervolg)' as title,
             m.follow_up_on as due_on, m.follow_up_on - 7 as create_from, m.id::text || ':' || m.follow_up_on::text as source_key
      from meldcode_record m
      join case_file c on c.id = m.case_id
      where m.follow_up_on is not null and c.phase <> 'closed'`,
  },
  {
    kind: 'outreach_deadline',
    occasions: () => sql`
      select x.tenant_id, x.team_id, x.case_id, 'Eropaf: nog geen contact, bespreek het in het team' as title,
             x.due_on, x.due_on - 7 as create_from, x.case_id::text || ':' || x.due_on::text as source_key
      from (
        select c.tenant_id, c.team_id, c.id as case_id, min(o.attempted_on) + t.outreach_weeks * 7 as due_on
        from case_file c
        join team t on t.id = c.team_id
        join outreach_attempt o on o.case_id = c.id
        where c.phase <> 'closed'
        group by c.tenant_id, c.team_id, c.id, t.outreach_weeks
        having not bool_or(o.contact_made)
      ) x`,
  },
  {
    kind: 'watch_check_in',
    occasions: () => sql`
      select c.tenant_id, c.team_id, c.id as case_id, 'Waakvlam: even bellen of langsgaan hoe het gaat' as title,
             w.next_check_in_on as due_on, w.next_check_in_on - 7 as create_from, w.id::text || ':' || w.next_check_in_on::text as source_key
      from case_watch w
      join case_file c on c.id = w.case_id
      where w.ended_on is null and c.phase = 'watch'`,
  },
];

export interface ReminderRun {
  created: number;
  resolved: number;
}

/**
 * Brings the generated reminders up to date for every municipality: creates the reminders whose day has
 * come (each occasion once: the unique (tenant, kind, source key) makes a second run, or a run on another
 * app instance at the same moment, a no-op) and resolves open reminders whose occasion has passed (the
 * plan was agreed, the case left the phase, an evaluation moved the next due date).
 * Runs as the owner across tenants; it copies ids and dates only, no personal data.
 */
export async function generateReminders(
  db: Database,
  today: string,
  rules: readonly ReminderRule[] = REMINDER_RULES,
): Promise<ReminderRun> {
  let created = 0;
  let resolved = 0;
  for (const rule of rules) {
    const r = await db.inSystem(async (tx) => {
      // The occasions are computed once per rule into a table of this transaction: both statements read them, and
      // the resolving anti-join re-evaluated the whole occasions query for every open reminder (3–9 s per rule at
      // `medium`, docs/performance.md finding 11).
      await sql`create temporary table reminder_occasion on commit drop as ${rule.occasions(today)}`.execute(tx);
      await sql`analyze reminder_occasion`.execute(tx);
      const inserted = await sql<{ id: string }>`
        insert into task (tenant_id, team_id, case_id, kind, title, due_on, source_key)
        select o.tenant_id, o.team_id, o.case_id, ${rule.kind}, o.title, o.due_on, o.source_key
        from reminder_occasion o
        where o.create_from <= ${today}::date
        on conflict (tenant_id, kind, source_key) do nothing
        returning id`.execute(tx);
      const done = await sql<{ id: string }>`
        update task set done_at = now(), outcome = 'resolved', version = version + 1
        where kind = ${rule.kind} and done_at is null
          and not exists (select 1 from reminder_occasion o where o.tenant_id = task.tenant_id and o.source_key = task.source_key)
        returning id`.execute(tx);
      return { created: inserted.rows.length, resolved: done.rows.length };
    });
    created += r.created;
    resolved += r.resolved;
  }
  return { created, resolved };
}
