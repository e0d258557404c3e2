import type { UnreadResidentMessages } from '@nabij/contracts';
import type { AccessContext } from '../../shared/actor';
import type { Deps } from '../../platform/deps';
import { recordAccess } from '../audit';

/**
 * "Berichten van inwoners" on Mijn werk (issue #19 item 8): per case the user works on (case worker or tandem
 * partner, not closed), how many messages the household sent through Mijn Nabij that nobody has read yet, and when the
 * last came — without the messages' text, which is read on the case. Logged per case shown, like the case list.
 */
export async function listUnreadResidentMessages(deps: Deps, ctx: AccessContext): Promise<UnreadResidentMessages> {
  const me = ctx.actor.userId;
  return deps.db.inTenant(ctx.actor.tenantId, async (tx) => {
    const rows = await tx
      .selectFrom('resident_message as m')
      .innerJoin('case_file as c', 'c.id', 'm.case_id')
      .leftJoin('household as h', 'h.id', 'c.household_id')
      .select((eb) => [
        'c.id as case_id',
        'c.team_id',
        'h.name as household_name',
        eb.fn.countAll<string>().as('unread'),
        eb.fn.max('m.sent_at').as('last_sent_at'),
      ])
      .where('m.read_at', 'is', null)
      .where('c.phase', '<>', 'closed')
      .where((eb) => eb.or([eb('c.case_worker_id', '=', me), eb('c.tandem_worker_id', '=', me)]))
      .groupBy(['c.id', 'c.team_id', 'h.name'])
      .orderBy('last_sent_at', 'desc')
      .execute();
    for (const r of rows) {
      await recordAccess(tx, ctx, {
        action: 'read',
        event: 'resident_message.unread_listed',
        dataCategory: 'contact',
        caseId: r.case_id,
        teamId: r.team_id,
        permission: 'case:read',
        detail: { count: Number(r.unread) },
      });
    }
    return {
      cases: rows.map((r) => ({
        caseId: r.case_id,
        householdName: r.household_name,
        unread: Number(r.unread),
        lastSentAt: new Date(r.last_sent_at).toISOString(),
      })),
    };
  });
}
