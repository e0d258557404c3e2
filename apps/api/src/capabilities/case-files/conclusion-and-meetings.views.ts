import type { AnalysisConclusionView, NetworkMeetingView } from '@nabij/contracts';
import type { Tx } from '../../platform/database/database';

/** The analysis' conclusion of a case (issue #22 item 6): the newest save, with the earlier ones as history. */
export async function loadAnalysisConclusion(tx: Tx, caseId: string): Promise<AnalysisConclusionView | null> {
  const rows = await tx
    .selectFrom('analysis_conclusion as a')
    .innerJoin('app_user as u', 'u.id', 'a.recorded_by')
    .select([
      'a.version',
      'a.question_behind',
      'a.working_hypothesis',
      'a.sustaining_factors',
      'a.recorded_at',
      'u.display_name',
    ])
    .where('a.case_id', '=', caseId)
    .orderBy('a.version', 'desc')
    .execute();
  const views = rows.map((r) => ({
    version: r.version,
    questionBehind: r.question_behind,
    workingHypothesis: r.working_hypothesis,
    sustainingFactors: r.sustaining_factors,
    recordedAt: r.recorded_at.toISOString(),
    recordedByName: r.display_name,
  }));
  const [current, ...history] = views;
  return current ? { ...current, history } : null;
}

const personName = (n: { name: string | null; organisation?: string | null }) =>
  n.organisation ? (n.name ? `${n.name} (${n.organisation})` : n.organisation) : (n.name ?? '');

/** The network meetings and family group conferences of a case (issue #22 item 7), newest first. */
export async function loadNetworkMeetings(tx: Tx, caseId: string): Promise<NetworkMeetingView[]> {
  const meetings = await tx
    .selectFrom('network_meeting as m')
    .innerJoin('app_user as u', 'u.id', 'm.updated_by')
    .select([
      'm.id',
      'm.version',
      'm.kind',
      'm.status',
      'm.planned_on',
      'm.held_on',
      'm.plan_received_on',
      'm.cancel_reason',
      'm.note',
      'm.updated_at',
      'm.created_at',
      'u.display_name',
    ])
    .where('m.case_id', '=', caseId)
    .orderBy('m.created_at', 'desc')
    .execute();
  if (meetings.length === 0) return [];
  const invitees = await tx
    .selectFrom('network_meeting_invitee as i')
    .leftJoin('network_person as n', 'n.id', 'i.network_person_id')
    .leftJoin('involved_professional as p', 'p.id', 'i.professional_id')
    .select([
      'i.meeting_id',
      'i.network_person_id',
      'i.professional_id',
      'n.name as person_name',
      'p.name as professional_name',
      'p.organisation',
    ])
    .where(
      'i.meeting_id',
      'in',
      meetings.map((m) => m.id),
    )
    .orderBy('i.network_person_id')
    .execute();
  return meetings.map((m) => {
    const mine = invitees.filter((i) => i.meeting_id === m.id);
    return {
      id: m.id,
      version: m.version,
      kind: m.kind as NetworkMeetingView['kind'],
      status: m.status as NetworkMeetingView['status'],
      plannedOn: m.planned_on,
      heldOn: m.held_on,
      planReceivedOn: m.plan_received_on,
      cancelReason: m.cancel_reason,
      note: m.note,
      invitedNetworkPersonIds: mine.flatMap((i) => (i.network_person_id ? [i.network_person_id] : [])),
      invitedProfessionalIds: mine.flatMap((i) => (i.professional_id ? [i.professional_id] : [])),
      invitedNames: mine.map((i) =>
        i.network_person_id
          ? personName({ name: i.person_name })
          : personName({ name: i.professional_name, organisation: i.organisation ?? '' }),
      ),
      updatedAt: m.updated_at.toISOString(),
      updatedByName: m.display_name,
    };
  });
}
