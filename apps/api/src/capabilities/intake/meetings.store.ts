import { sql } from 'kysely';
import type { Tx } from '../../platform/database/database';
import { personFullNameSql } from '../../shared/person-name';

export async function insertMeeting(
  tx: Tx,
  m: { tenantId: string; teamId: string; date: string; chairUserId: string; createdBy: string },
): Promise<string> {
  const row = await tx
    .insertInto('intake_meeting')
    .values({
      tenant_id: m.tenantId,
      team_id: m.teamId,
      date: m.date,
      chair_user_id: m.chairUserId,
      created_by: m.createdBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function insertParticipants(
  tx: Tx,
  tenantId: string,
  meetingId: string,
  participants: Array<{ userId?: string | undefined; name?: string | undefined; role?: string | undefined }>,
): Promise<void> {
  if (participants.length === 0) return;
  await tx
    .insertInto('meeting_participant')
    .values(
      participants.map((p) => ({
        tenant_id: tenantId,
        meeting_id: meetingId,
        user_id: p.userId ?? null,
        name: p.name ?? null,
        role: p.role ?? null,
      })),
    )
    .execute();
}

export async function findMeeting(tx: Tx, id: string) {
  const meeting = await tx
    .selectFrom('intake_meeting as m')
    .innerJoin('team as t', 't.id', 'm.team_id')
    .innerJoin('app_user as c', 'c.id', 'm.chair_user_id')
    .select(['m.id', 'm.team_id', 't.name as team_name', 'm.date', 'm.chair_user_id', 'c.display_name as chair_name'])
    .where('m.id', '=', id)
    .executeTakeFirst();
  if (!meeting) return undefined;
  const participants = await tx
    .selectFrom('meeting_participant as p')
    .leftJoin('app_user as u', 'u.id', 'p.user_id')
    .select(['p.user_id', sql<string>`coalesce(u.display_name, p.name)`.as('name'), 'p.role'])
    .where('p.meeting_id', '=', id)
    .orderBy('p.id')
    .execute();
  return { ...meeting, participants };
}
export type MeetingRow = NonNullable<Awaited<ReturnType<typeof findMeeting>>>;

export async function listMeetingItems(tx: Tx, meetingId: string) {
  return tx
    .selectFrom('meeting_item as i')
    .innerJoin('referral as r', 'r.id', 'i.referral_id')
    .leftJoin('triage as tr', 'tr.referral_id', 'r.id')
    .leftJoin('core_decision as d', 'd.referral_id', 'r.id')
    .leftJoin('app_user as du', 'du.id', 'd.decided_by')
    .select([
      'r.id as referral_id',
      'r.reference',
      'r.life_domains',
      'r.urgency',
      'r.children_at_risk',
      'r.question',
      'r.status',
      'r.version',
      'r.preferred_language',
      'r.interpreter_needed',
      sql<
        string[]
      >`coalesce((select array_agg(p.person_id) from referral_person p where p.referral_id = r.id and p.person_id is not null), '{}')`.as(
        'person_ids',
      ),
      sql<string[]>`coalesce((select array_agg(${personFullNameSql('p')} order by p.position)
        from referral_person p where p.referral_id = r.id and p.role = 'resident'), '{}')`.as('resident_names'),
      'tr.situation',
      'tr.life_domains as triage_domains',
      'tr.multiple_problems',
      'tr.known_to_others',
      'tr.urgency as triage_urgency',
      'tr.safety',
      'tr.expertise_needed',
      'd.outcome',
      'd.interventions',
      'd.goal',
      'd.intended_result',
      'd.carried_out_by',
      'd.reasoning',
      'd.discussed_with_resident',
      'd.decided_at',
      'du.display_name as decided_by_name',
    ])
    .where('i.meeting_id', '=', meetingId)
    .orderBy('i.position')
    .execute();
}

export async function listMeetings(tx: Tx, teamIds: readonly string[], userId: string, manageAll: boolean) {
  let q = tx
    .selectFrom('intake_meeting as m')
    .innerJoin('team as t', 't.id', 'm.team_id')
    .innerJoin('app_user as c', 'c.id', 'm.chair_user_id')
    .select([
      'm.id',
      'm.team_id',
      't.name as team_name',
      'm.date',
      'c.display_name as chair_name',
      sql<number>`(select count(*)::int from meeting_item i where i.meeting_id = m.id)`.as('item_count'),
      sql<number>`(select count(*)::int from core_decision d where d.meeting_id = m.id)`.as('decided_count'),
    ]);
  q = manageAll
    ? q.where('m.team_id', 'in', teamIds.length ? [...teamIds] : ['00000000-0000-0000-0000-000000000000'])
    : q.where((eb) =>
        eb.or([
          eb('m.chair_user_id', '=', userId),
          eb.exists(
            eb
              .selectFrom('meeting_participant as p')
              .select('p.id')
              .whereRef('p.meeting_id', '=', 'm.id')
              .where('p.user_id', '=', userId),
          ),
        ]),
      );
  return q.orderBy('m.date', 'desc').limit(100).execute();
}

export async function addItem(tx: Tx, tenantId: string, meetingId: string, referralId: string): Promise<void> {
  await sql`insert into meeting_item (meeting_id, referral_id, tenant_id, position)
    values (${meetingId}, ${referralId}, ${tenantId}, coalesce((select max(position) + 1 from meeting_item where meeting_id = ${meetingId}), 0))`.execute(
    tx,
  );
}

export async function insertTriageAndDecision(
  tx: Tx,
  d: {
    tenantId: string;
    referralId: string;
    meetingId: string;
    userId: string;
    triage: {
      situation: string;
      lifeDomains: string[];
      multipleProblems: boolean;
      knownToOthers?: string | undefined;
      urgency: string;
      safety: string;
      expertiseNeeded?: string | undefined;
    };
    decision: {
      outcome: string;
      interventions?: string | undefined;
      goal?: string | undefined;
      intendedResult?: string | undefined;
      carriedOutBy?: string | undefined;
      reasoning: string;
      discussedWithResident: boolean;
    };
  },
): Promise<void> {
  await tx
    .insertInto('triage')
    .values({
      referral_id: d.referralId,
      tenant_id: d.tenantId,
      meeting_id: d.meetingId,
      situation: d.triage.situation,
      life_domains: d.triage.lifeDomains,
      multiple_problems: d.triage.multipleProblems,
      known_to_others: d.triage.knownToOthers ?? null,
      urgency: d.triage.urgency,
      safety: d.triage.safety,
      expertise_needed: d.triage.expertiseNeeded ?? null,
      recorded_by: d.userId,
    })
    .execute();
  await tx
    .insertInto('core_decision')
    .values({
      referral_id: d.referralId,
      tenant_id: d.tenantId,
      meeting_id: d.meetingId,
      outcome: d.decision.outcome,
      interventions: d.decision.interventions ?? null,
      goal: d.decision.goal ?? null,
      intended_result: d.decision.intendedResult ?? null,
      carried_out_by: d.decision.carriedOutBy ?? null,
      reasoning: d.decision.reasoning,
      discussed_with_resident: d.decision.discussedWithResident,
      decided_by: d.userId,
    })
    .execute();
}
