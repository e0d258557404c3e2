import { sql } from 'kysely';
import type { Tx } from '../../platform/database/database';

/** Case files of persons or households: open ones, and ones closed in the last two years (for the regiecheck). */
export async function findCaseFilesFor(tx: Tx, personIds: string[], householdIds: string[]) {
  if (personIds.length === 0 && householdIds.length === 0) return [];
  return tx
    .selectFrom('case_file as c')
    .innerJoin('team as t', 't.id', 'c.team_id')
    .innerJoin('app_user as u', 'u.id', 'c.case_worker_id')
    .select([
      'c.id',
      'c.primary_person_id',
      'c.household_id',
      'c.phase',
      'c.closed_at',
      't.name as team_name',
      'u.display_name as worker_name',
    ])
    .where((eb) =>
      eb.or([
        ...(personIds.length ? [eb('c.primary_person_id', 'in', personIds)] : []),
        ...(householdIds.length ? [eb('c.household_id', 'in', householdIds)] : []),
      ]),
    )
    .where((eb) =>
      eb.or([eb('c.phase', '!=', 'closed'), eb('c.closed_at', '>', sql<Date>`now() - interval '2 years'`)]),
    )
    .execute();
}

export async function insertCaseFile(
  tx: Tx,
  c: {
    tenantId: string;
    teamId: string;
    referralId: string;
    householdId: string | null;
    primaryPersonId: string | null;
    caseWorkerId: string;
    tandemWorkerId: string | null;
    openedBy: string;
    consentKind: string;
    consentDate: string | null;
    legalBasis: string | null;
    reasonWithoutConsent: string | null;
  },
): Promise<string> {
  const row = await tx
    .insertInto('case_file')
    .values({
      tenant_id: c.tenantId,
      team_id: c.teamId,
      referral_id: c.referralId,
      household_id: c.householdId,
      primary_person_id: c.primaryPersonId,
      case_worker_id: c.caseWorkerId,
      tandem_worker_id: c.tandemWorkerId,
      opened_by: c.openedBy,
      closed_at: null,
      consent_kind: c.consentKind,
      consent_date: c.consentDate,
      consent_recorded_by: c.openedBy,
      legal_basis: c.legalBasis,
      reason_without_consent: c.reasonWithoutConsent,
      analysis_deadline: sql<string>`current_date + (select analysis_weeks * 7 from team where id = ${c.teamId})`,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function caseFileOfReferral(tx: Tx, referralId: string) {
  return tx.selectFrom('case_file').select('id').where('referral_id', '=', referralId).executeTakeFirst();
}

/** Open case files per worker and phase, for the workers of a team. */
export async function caseloadOfTeam(tx: Tx, teamId: string) {
  return sql<{ user_id: string; name: string; expertise: string[]; phase: string | null; n: number }>`
    select u.id as user_id, u.display_name as name, u.expertise, c.phase, count(c.id)::int as n
    from user_team ut
    join app_user u on u.id = ut.user_id and u.active
    join user_role r on r.user_id = u.id and r.role = 'case_worker'
    left join case_file c on (c.case_worker_id = u.id or c.tandem_worker_id = u.id) and c.phase <> 'closed'
    where ut.team_id = ${teamId}
    group by u.id, u.display_name, u.expertise, c.phase
    order by u.display_name`.execute(tx);
}

export async function listMyCases(tx: Tx, userId: string) {
  return tx
    .selectFrom('case_file as c')
    .leftJoin('household as h', 'h.id', 'c.household_id')
    .leftJoin('referral as r', 'r.id', 'c.referral_id')
    .select([
      'c.id',
      'r.reference',
      'h.name as household_name',
      'c.primary_person_id',
      'c.phase',
      'c.opened_at',
      'c.case_worker_id',
      'c.tandem_worker_id',
      'c.analysis_deadline',
      // The household's persons, for its language and need of an interpreter (issue #17 item 10).
      sql<
        string[]
      >`array_remove(array_cat(array[c.primary_person_id], coalesce((select array_agg(m.person_id) from household_member m where m.household_id = c.household_id), '{}')), null)`.as(
        'person_ids',
      ),
    ])
    .where((eb) =>
      eb.or([
        eb('c.case_worker_id', '=', userId),
        eb('c.tandem_worker_id', '=', userId),
        // The municipal consultant: the cases they are linked to as process coordinator (ADR 0033).
        eb.exists(
          eb
            .selectFrom('case_process_coordinator as pc')
            .select('pc.id')
            .whereRef('pc.case_id', '=', 'c.id')
            .where('pc.user_id', '=', userId)
            .where('pc.unlinked_at', 'is', null),
        ),
      ]),
    )
    .where('c.phase', '!=', 'closed')
    .orderBy('c.opened_at', 'desc')
    .execute();
}

const PHASE_ORDER = ['analysis', 'plan', 'execution', 'closure', 'watch', 'closed'] as const;

/** Moves a case forward to a phase (never back): starting the plan ends the analysis, agreeing it starts execution. */
export async function advanceCasePhase(tx: Tx, caseId: string, to: 'plan' | 'execution'): Promise<void> {
  const earlier = PHASE_ORDER.slice(0, PHASE_ORDER.indexOf(to));
  await tx
    .updateTable('case_file')
    .set((eb) => ({ phase: to, version: eb('version', '+', 1) }))
    .where('id', '=', caseId)
    .where('phase', 'in', earlier)
    .execute();
}

/** Sets (or removes) the tandem worker of a case; false when someone changed the case since `expectedVersion`. */
export async function setTandemWorker(
  tx: Tx,
  caseId: string,
  tandemWorkerId: string | null,
  expectedVersion: number,
): Promise<boolean> {
  const r = await tx
    .updateTable('case_file')
    .set((eb) => ({ tandem_worker_id: tandemWorkerId, version: eb('version', '+', 1) }))
    .where('id', '=', caseId)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
