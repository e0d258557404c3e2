import { sql } from 'kysely';
import type { AccessContext } from '../../shared/actor';
import type { Tx } from '../../platform/database/database';
import { findCase, logCaseAccess } from './case-access';
import { canViewCase } from './case-files.policy';

export interface FoundPersonCase {
  id: string;
  reference: string | null;
  phase: string;
}

/**
 * The case (not closed) of each person shown in search results, for the link in the results (issue #19 item 10) —
 * only where the user may view that case (need to know, ADR 0011). A case the user may not see is left out without a
 * trace, so the results never reveal that it exists. Each case shown is logged as found through a person, for every
 * person of the case, in the search's transaction.
 */
export async function visibleCasesOfPersons(
  tx: Tx,
  ctx: AccessContext,
  personIds: readonly string[],
): Promise<Map<string, FoundPersonCase>> {
  const found = new Map<string, FoundPersonCase>();
  if (personIds.length === 0) return found;
  // One statement for all results: each person's newest case that is not closed (as the person's own case or through
  // their household), with its phase and reference.
  const { rows } = await sql<{ person_id: string; id: string; phase: string; reference: string | null }>`
    select distinct on (p.person_id) p.person_id, c.id, c.phase, r.reference
    from unnest(${[...personIds]}::uuid[]) as p(person_id)
    join case_file c on c.phase <> 'closed'
      and (c.primary_person_id = p.person_id
        or c.household_id in (select hm.household_id from household_member hm where hm.person_id = p.person_id))
    left join referral r on r.id = c.referral_id
    order by p.person_id, c.opened_at desc`.execute(tx);
  // The policy needs the case's relations: read once per case, however many of its persons were found.
  const cases = new Map<string, Awaited<ReturnType<typeof findCase>>>();
  for (const row of rows) {
    if (!cases.has(row.id)) {
      const c = await findCase(tx, row.id);
      const visible = c && canViewCase(ctx.actor, c) ? c : undefined;
      cases.set(row.id, visible);
      if (visible)
        await logCaseAccess(tx, ctx, visible, {
          action: 'search',
          event: 'case_file.found_by_person',
          dataCategory: 'case',
          permission: 'case:read',
        });
    }
    if (cases.get(row.id)) found.set(row.person_id, { id: row.id, reference: row.reference, phase: row.phase });
  }
  return found;
}
