import { addMonths } from '@nabij/contracts';
import type { AccessContext } from '../../shared/actor';
import type { Tx } from '../../platform/database/database';
import { recordAccessMany } from '../audit';

/**
 * Links a new referral to the case files of its persons or household that are open (issue #17 item 7: one household,
 * one plan, one coordinator — the referral will join that case unless the coordinator records why not), in watch
 * (waakvlam) or were closed less than two years ago, so the team sees the history and can reactivate the case instead
 * of starting over. Returns the linked case ids; linking twice changes nothing.
 */
export async function linkReferralToRecentCases(
  tx: Tx,
  ctx: AccessContext,
  input: { referralId: string; personIds: string[]; householdId: string | null; today: string },
): Promise<string[]> {
  const households = input.householdId ? [input.householdId] : [];
  const open = await findOpenCasesFor(tx, input.personIds, households);
  const cases = [
    ...open.map((c) => ({ id: c.id, phase: c.phase, team_id: c.team_id })),
    ...(await findRecentCases(tx, input.personIds, households, input.today)),
  ];
  if (cases.length === 0) return [];
  await tx
    .insertInto('case_referral_link')
    .values(
      cases.map((c) => ({
        tenant_id: ctx.actor.tenantId,
        case_id: c.id,
        referral_id: input.referralId,
        case_phase: c.phase,
        linked_by: ctx.actor.userId,
      })),
    )
    .onConflict((oc) => oc.columns(['case_id', 'referral_id']).doNothing())
    .execute();
  for (const c of cases) {
    await recordAccessMany(
      tx,
      ctx,
      {
        action: 'update',
        event: 'referral.linked_to_case',
        dataCategory: 'referral',
        permission: 'referral:write',
        caseId: c.id,
        teamId: c.team_id,
        detail: { referralId: input.referralId },
      },
      [null],
    );
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
    .where((eb) =>
      eb.or([eb('c.phase', '=', 'watch'), eb.and([eb('c.phase', '=', 'closed'), eb('c.closed_at', '>', since)])]),
    )
    .distinct()
    .execute();
  return rows.map((r) => ({ id: r.id, phase: r.phase as 'watch' | 'closed', team_id: r.team_id }));
}

export const OPEN_PHASES = ['analysis', 'plan', 'execution', 'closure'] as const;

/**
 * Open case files (analysis to closure; not watch or closed) of these persons — as the primary person or a household
 * member — or of these households, oldest first, with the reference and the contact person.
 */
export async function findOpenCasesFor(tx: Tx, personIds: readonly string[], householdIds: readonly string[]) {
  if (personIds.length === 0 && householdIds.length === 0) return [];
  const rows = await tx
    .selectFrom('case_file as c')
    .innerJoin('team as t', 't.id', 'c.team_id')
    .innerJoin('app_user as u', 'u.id', 'c.case_worker_id')
    .leftJoin('referral as r', 'r.id', 'c.referral_id')
    .select([
      'c.id',
      'c.team_id',
      'c.case_worker_id',
      'c.phase',
      'c.opened_at',
      'r.reference',
      'u.display_name as worker_name',
      't.name as team_name',
    ])
    .where((eb) =>
      eb.or([
        ...(personIds.length
          ? [
              eb('c.primary_person_id', 'in', personIds),
              eb.exists(
                eb
                  .selectFrom('household_member as m')
                  .select('m.person_id')
                  .whereRef('m.household_id', '=', 'c.household_id')
                  .where('m.person_id', 'in', personIds),
              ),
            ]
          : []),
        ...(householdIds.length ? [eb('c.household_id', 'in', householdIds)] : []),
      ]),
    )
    .where('c.phase', 'in', OPEN_PHASES)
    .orderBy('c.opened_at')
    .execute();
  return rows;
}

/**
 * Records what became of a referral for a household with an open case: it joined the case as a new question, or a
 * parallel case is opened with the coordinator's reason. Creates the link when the regiecheck did not.
 */
export async function decideOpenCaseLink(
  tx: Tx,
  ctx: AccessContext,
  input: {
    caseId: string;
    casePhase: string;
    referralId: string;
    outcome: 'joined' | 'parallel_case';
    reason: string | null;
  },
): Promise<void> {
  const decided = {
    outcome: input.outcome,
    reason: input.reason,
    decided_by: ctx.actor.userId,
    decided_at: new Date(),
  };
  await tx
    .insertInto('case_referral_link')
    .values({
      tenant_id: ctx.actor.tenantId,
      case_id: input.caseId,
      referral_id: input.referralId,
      case_phase: input.casePhase,
      linked_by: ctx.actor.userId,
      ...decided,
    })
    .onConflict((oc) => oc.columns(['case_id', 'referral_id']).doUpdateSet(decided))
    .execute();
}

/** What was decided for a referral about the open cases it is linked to (null: nothing yet). */
export async function openCaseLinkOf(tx: Tx, referralId: string) {
  return tx
    .selectFrom('case_referral_link')
    .select(['case_id', 'outcome', 'reason'])
    .where('referral_id', '=', referralId)
    .where('outcome', 'is not', null)
    .orderBy('decided_at', 'desc')
    .executeTakeFirst();
}

/** The referrals linked to a case, newest first. */
export async function listLinkedReferrals(tx: Tx, caseId: string) {
  return tx
    .selectFrom('case_referral_link as l')
    .innerJoin('referral as r', 'r.id', 'l.referral_id')
    .select(['l.referral_id', 'r.reference', 'r.received_at', 'l.linked_at', 'l.case_phase', 'l.outcome', 'l.reason'])
    .where('l.case_id', '=', caseId)
    .orderBy('l.linked_at', 'desc')
    .execute();
}
