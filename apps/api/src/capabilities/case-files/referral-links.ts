import { addMonths } from '@nabij/contracts';
import type { AccessContext } from '../../shared/actor';
import type { Tx } from '../../platform/database/database';
import { recordAccessMany } from '../audit';

/**
 * Links a new referral to the case files of its persons or household that are in watch (waakvlam) or were closed
 * less than two years ago, so the team sees the history and can reactivate the case instead of starting over.
 * Returns the linked case ids; linking twice changes nothing.
 */
export async function linkReferralToRecentCases(
  tx: Tx,
  ctx: AccessContext,
  input: { referralId: string; personIds: string[]; householdId: string | null; today: string },
): Promise<string[]> {
  const cases = await findRecentCases(tx, input.personIds, input.householdId ? [input.householdId] : [], input.today);
  if (cases.length === 0) return [];
  await tx
    .insertInto('case_referral_link')
    .values(cases.map((c) => ({ tenant_id: ctx.actor.tenantId, case_id: c.id, referral_id: input.referralId, case_phase: c.phase, linked_by: ctx.actor.userId })))
    .onConflict((oc) => oc.columns(['case_id', 'referral_id']).doNothing())
    .execute();
  for (const c of cases) {
    await recordAccessMany(tx, ctx, { action: 'update', event: 'referral.linked_to_case', dataCategory: 'referral', permission: 'referral:write', caseId: c.id, teamId: c.team_id, detail: { referralId: input.referralId } }, [null]);
  }
  return cases.map((c) => c.id);
}

/** Case files of these persons or households in watch, or closed less than two years before `today`. */
export async function findRecentCases(tx: Tx, personIds: string[], householdIds: string[], today: string) {
  if (personIds.length === 0 && householdIds.length === 0) return [];
  const since = new Date(`${addMonths(today, -24)}T00:00:00Z`);
  const rows = await tx
    .selectFrom('case_file as c')
    .leftJoin('household_member as m', 'm.household_id', 'c.household_id')
    .select(['c.id', 'c.phase', 'c.team_id'])
    .where((eb) =>
      eb.or([
        ...(personIds.length ? [eb('c.primary_person_id', 'in', personIds), eb('m.person_id', 'in', personIds)] : []),
        ...(householdIds.length ? [eb('c.household_id', 'in', householdIds)] : []),
      ]),
    )
    .where((eb) => eb.or([eb('c.phase', '=', 'watch'), eb.and([eb('c.phase', '=', 'closed'), eb('c.closed_at', '>', since)])]))
    .distinct()
    .execute();
  return rows.map((r) => ({ id: r.id, phase: r.phase as 'watch' | 'closed', team_id: r.team_id }));
}

/** The referrals linked to a case, newest first. */
export async function listLinkedReferrals(tx: Tx, caseId: string) {
  return tx
    .selectFrom('case_referral_link as l')
    .innerJoin('referral as r', 'r.id', 'l.referral_id')
    .select(['l.referral_id', 'r.reference', 'r.received_at', 'l.linked_at', 'l.case_phase'])
    .where('l.case_id', '=', caseId)
    .orderBy('l.linked_at', 'desc')
    .execute();
}
