import { sql } from 'kysely';
import type { PersonSummary } from '@nabij/contracts';
import type { AccessContext } from '../../shared/actor';
import { municipalToday } from '../../shared/clock';
import type { Deps } from '../../platform/deps';
import { recordAccessMany } from '../audit';
import { toSummary } from '../persons';

/**
 * The persons this user opened most recently, taken from their own access-log rows. Only for users who may
 * still read persons. Showing names, dates of birth and addresses again is a read of personal data like any other:
 * one access-log row per person shown (`person.recent_listed`), in the same transaction.
 */
export async function listRecentPersons(deps: Deps, ctx: AccessContext): Promise<PersonSummary[]> {
  if (!ctx.actor.permissions.has('person:read')) return [];
  const today = municipalToday(deps.clock);
  return deps.db.inTenant(ctx.actor.tenantId, async (tx) => {
    const rows = await sql<{
      id: string;
      first_name: string;
      infix: string | null;
      last_name: string;
      date_of_birth: string | null;
      postcode: string | null;
      house_number: string | null;
    }>`
      select p.id, p.first_name, p.infix, p.last_name, p.date_of_birth, p.postcode, p.house_number
      from (select person_id, max(at) as last_at from access_log
            where user_id = ${ctx.actor.userId} and event = 'person.viewed' and outcome = 'allowed'
              and at > now() - interval '30 days'
            group by person_id order by last_at desc limit 8) recent
      join person p on p.id = recent.person_id
      order by recent.last_at desc`.execute(tx);
    await recordAccessMany(
      tx,
      ctx,
      {
        action: 'read',
        event: 'person.recent_listed',
        dataCategory: 'identity',
        permission: 'person:read',
        detail: { count: rows.rows.length },
      },
      rows.rows.map((r) => r.id),
    );
    return rows.rows.map((r) => toSummary(r, today));
  });
}
