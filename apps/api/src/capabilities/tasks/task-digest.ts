import { sql } from 'kysely';
import type { Deps } from '../../platform/deps';

/**
 * The optional daily e-mail digest: to every active user who asked for it and has tasks due today or
 * overdue, one message with the counts and a link — no names or case details in the mail.
 * Each user is claimed for the day before the send, so a retried or concurrent job sends once per day;
 * a failed send gives the claim back and the job's retry tries again. (A crash between claim and send
 * skips that user's digest for the day: a reminder mail, never the only place a task is shown.)
 */
export async function sendTaskDigests(deps: Pick<Deps, 'db' | 'mailer' | 'config'>, today: string): Promise<number> {
  const candidates = await deps.db.inSystem((tx) =>
    sql<{ id: string; tenant_id: string; email: string; due_today: number; overdue: number }>`
      select u.id, u.tenant_id, u.email,
             count(*) filter (where t.due_on = ${today}::date)::int as due_today,
             count(*) filter (where t.due_on < ${today}::date)::int as overdue
      from app_user u
      join task t on t.tenant_id = u.tenant_id and t.done_at is null and t.due_on <= ${today}::date
      left join case_file c on c.id = t.case_id
      where u.task_digest and u.active and u.email is not null
        and (u.task_digest_sent_on is null or u.task_digest_sent_on < ${today}::date)
        and (t.assignee_id = u.id or (t.assignee_id is null and c.case_worker_id = u.id))
      group by u.id, u.tenant_id, u.email`.execute(tx),
  );
  let sent = 0;
  for (const u of candidates.rows) {
    // Claim the user for the day first (committed), so a concurrent or repeated run skips them ...
    const previous = await deps.db.inSystem(async (tx) => {
      const before = await tx
        .selectFrom('app_user')
        .select('task_digest_sent_on')
        .where('id', '=', u.id)
        .forUpdate()
        .executeTakeFirstOrThrow();
      if (before.task_digest_sent_on !== null && before.task_digest_sent_on >= today) return undefined;
      await tx.updateTable('app_user').set({ task_digest_sent_on: today }).where('id', '=', u.id).execute();
      return { value: before.task_digest_sent_on };
    });
    if (!previous) continue;
    const parts = [
      u.overdue > 0 ? `${u.overdue} ${u.overdue === 1 ? 'taak is' : 'taken zijn'} over de datum` : null,
      u.due_today > 0 ? `${u.due_today} ${u.due_today === 1 ? 'taak moet' : 'taken moeten'} vandaag af` : null,
    ].filter(Boolean);
    try {
      await deps.mailer.send({
        tenantId: u.tenant_id,
        to: u.email,
        subject: 'Nabij: uw taken voor vandaag',
        text: `Goedemorgen,\n\nIn Nabij ${parts.join(' en ')}.\nBekijk ze in Mijn werk: ${deps.config.publicUrl}/\n\nU krijgt dit bericht omdat u de dagelijkse takenmail hebt aangezet. Uitzetten kan in Mijn werk.\n`,
      });
    } catch (err) {
      // ... and give the claim back when the mail could not be sent, so the job's retry sends it.
      await deps.db.inSystem((tx) =>
        tx.updateTable('app_user').set({ task_digest_sent_on: previous.value }).where('id', '=', u.id).execute(),
      );
      throw err;
    }
    sent++;
  }
  return sent;
}
