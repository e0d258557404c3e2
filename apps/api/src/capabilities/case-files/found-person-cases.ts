import type { AccessContext } from '../../shared/actor';
import type { Tx } from '../../platform/database/database';
import { logCaseAccess } from './case-access';
import { canViewCase } from './case-files.policy';
import { currentCaseOfPerson } from './case-files-for-resident';

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
export async function visibleCasesOfPersons(tx: Tx, ctx: AccessContext, personIds: readonly string[]): Promise<Map<string, FoundPersonCase>> {
  const found = new Map<string, FoundPersonCase>();
  const logged = new Set<string>();
  for (const personId of personIds) {
    const c = await currentCaseOfPerson(tx, personId);
    if (!c || !canViewCase(ctx.actor, c)) continue;
    const row = await tx
      .selectFrom('case_file as cf')
      .leftJoin('referral as r', 'r.id', 'cf.referral_id')
      .select(['cf.phase', 'r.reference'])
      .where('cf.id', '=', c.id)
      .executeTakeFirstOrThrow();
    found.set(personId, { id: c.id, reference: row.reference, phase: row.phase });
    if (!logged.has(c.id)) {
      logged.add(c.id);
      await logCaseAccess(tx, ctx, c, { action: 'search', event: 'case_file.found_by_person', dataCategory: 'case', permission: 'case:read' });
    }
  }
  return found;
}
