import type { Tx } from '../../platform/database/database';

// ---------- case review meetings ----------
export async function findMeeting(tx: Tx, id: string) {
  return tx
    .selectFrom('case_review_meeting as m')
    .innerJoin('team as t', 't.id', 'm.team_id')
    .select(['m.id', 'm.team_id', 'm.meets_on', 't.name as team_name'])
    .where('m.id', '=', id)
    .executeTakeFirst();
}
export type MeetingRow = NonNullable<Awaited<ReturnType<typeof findMeeting>>>;

/** Meetings of the given teams from `since` on (upcoming and recent), with their number of items and outcomes. */
export async function listMeetings(tx: Tx, teamIds: readonly string[], since: string) {
  if (teamIds.length === 0) return [];
  return tx
    .selectFrom('case_review_meeting as m')
    .innerJoin('team as t', 't.id', 'm.team_id')
    .leftJoin('case_review_item as i', 'i.meeting_id', 'm.id')
    .select((eb) => [
      'm.id',
      'm.team_id',
      'm.meets_on',
      't.name as team_name',
      eb.fn.count<string>('i.id').as('item_count'),
      eb.fn.count<string>('i.outcome_recorded_at').as('outcome_count'),
    ])
    .where('m.team_id', 'in', teamIds)
    .where('m.meets_on', '>=', since)
    .groupBy(['m.id', 'm.team_id', 'm.meets_on', 't.name'])
    .orderBy('m.meets_on')
    .execute();
}

export async function listUpcomingMeetings(tx: Tx, teamId: string, today: string) {
  return tx
    .selectFrom('case_review_meeting')
    .select(['id', 'meets_on'])
    .where('team_id', '=', teamId)
    .where('meets_on', '>=', today)
    .orderBy('meets_on')
    .limit(6)
    .execute();
}

/** The agenda of a meeting: per item the case, its reference, household and contact person, the question and the outcome. */
export async function listAgenda(tx: Tx, meetingId: string) {
  return tx
    .selectFrom('case_review_item as i')
    .innerJoin('case_file as c', 'c.id', 'i.case_id')
    .innerJoin('app_user as w', 'w.id', 'c.case_worker_id')
    .innerJoin('app_user as r', 'r.id', 'i.requested_by')
    .leftJoin('app_user as o', 'o.id', 'i.outcome_recorded_by')
    .leftJoin('referral as ref', 'ref.id', 'c.referral_id')
    .leftJoin('household as h', 'h.id', 'c.household_id')
    .select([
      'i.id',
      'i.case_id',
      'i.question_kind',
      'i.question',
      'i.advice',
      'i.agreements',
      'i.agreements_by',
      'i.closure_decision',
      'i.outcome_recorded_at',
      'i.version',
      'ref.reference',
      'h.name as household_name',
      'w.display_name as contact_person',
      'r.display_name as requested_by_name',
      'o.display_name as outcome_by_name',
    ])
    .where('i.meeting_id', '=', meetingId)
    .orderBy('i.requested_at')
    .execute();
}

/** The agenda items of a case over all meetings, newest meeting first. */
export async function listCaseReviewItems(tx: Tx, caseId: string) {
  return tx
    .selectFrom('case_review_item as i')
    .innerJoin('case_review_meeting as m', 'm.id', 'i.meeting_id')
    .innerJoin('app_user as r', 'r.id', 'i.requested_by')
    .leftJoin('app_user as o', 'o.id', 'i.outcome_recorded_by')
    .select([
      'i.id',
      'i.meeting_id',
      'm.meets_on',
      'i.question_kind',
      'i.question',
      'i.requested_at',
      'i.advice',
      'i.agreements',
      'i.agreements_by',
      'i.closure_decision',
      'i.outcome_recorded_at',
      'i.version',
      'r.display_name as requested_by_name',
      'o.display_name as outcome_by_name',
    ])
    .where('i.case_id', '=', caseId)
    .orderBy('m.meets_on', 'desc')
    .execute();
}

export async function findItem(tx: Tx, itemId: string) {
  return tx
    .selectFrom('case_review_item')
    .select(['id', 'meeting_id', 'case_id', 'question_kind', 'advice', 'version'])
    .where('id', '=', itemId)
    .executeTakeFirst();
}

/** Raises the version of a row with a `version` column; false when someone else changed it first. */
export async function bumpVersion(
  tx: Tx,
  table: 'case_review_item' | 'behavioural_consultation' | 'agreed_action' | 'care_transfer' | 'policy_signal',
  id: string,
  expected: number,
): Promise<boolean> {
  const r = await tx
    .updateTable(table)
    .set((eb) => ({ version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', expected)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
