import type { Tx } from '../../platform/database/database';
import type { TimelineEntry } from '../case-files';
import { dutchDate, shorten } from './coordination.domain';

const QUESTION_KINDS: Record<string, string> = {
  scale_up: 'opschalen',
  scale_down: 'afschalen',
  method: 'methodiek',
  stagnation: 'stagnatie',
  peer_review: 'intervisie',
  closure: 'afsluiten',
  other: 'overige vraag',
};
const SIGNAL_KINDS: Record<string, string> = {
  service_gap: 'hiaat in voorzieningen',
  law_gap: 'knelpunt in wet- of regelgeving',
  cooperation: 'samenwerking stagneert',
  other: 'overig',
};
const atNoon = (date: string) => `${date}T12:00:00.000Z`;

/**
 * The case timeline's entries of team meetings and coordination: agenda items and their outcomes, consultations
 * and advice, agreed actions, handovers and tandem constructions, tandem changes, scaling decisions and
 * schakeloverleg, and signals to policy (without their text). Read in the caller's transaction (the case view).
 */
export async function coordinationTimeline(tx: Tx, caseId: string): Promise<TimelineEntry[]> {
  const [items, consultations, actions, transfers, changes, decisions, signals] = await Promise.all([
    tx
      .selectFrom('case_review_item as i')
      .innerJoin('case_review_meeting as m', 'm.id', 'i.meeting_id')
      .innerJoin('app_user as r', 'r.id', 'i.requested_by')
      .leftJoin('app_user as o', 'o.id', 'i.outcome_recorded_by')
      .select([
        'm.meets_on',
        'i.question_kind',
        'i.requested_at',
        'r.display_name as requested_by',
        'i.advice',
        'i.outcome_recorded_at',
        'o.display_name as outcome_by',
      ])
      .where('i.case_id', '=', caseId)
      .execute(),
    tx
      .selectFrom('behavioural_consultation as b')
      .innerJoin('app_user as s', 's.id', 'b.scientist_id')
      .innerJoin('app_user as r', 'r.id', 'b.requested_by')
      .select([
        's.display_name as scientist',
        'r.display_name as requested_by',
        'b.requested_at',
        'b.advice',
        'b.advised_on',
      ])
      .where('b.case_id', '=', caseId)
      .execute(),
    tx
      .selectFrom('agreed_action as a')
      .innerJoin('app_user as u', 'u.id', 'a.created_by')
      .select(['a.party', 'a.action', 'a.created_at', 'u.display_name'])
      .where('a.case_id', '=', caseId)
      .execute(),
    tx
      .selectFrom('care_transfer as t')
      .innerJoin('app_user as u', 'u.id', 't.recorded_by')
      .select(['t.kind', 't.organisation', 't.on_date', 't.warm_meeting_held', 't.ended_on', 'u.display_name'])
      .where('t.case_id', '=', caseId)
      .execute(),
    tx
      .selectFrom('tandem_change as c')
      .innerJoin('app_user as by', 'by.id', 'c.changed_by')
      .leftJoin('app_user as n', 'n.id', 'c.new_worker_id')
      .select(['c.changed_at', 'n.display_name as new_name', 'by.display_name as by_name'])
      .where('c.case_id', '=', caseId)
      .execute(),
    tx
      .selectFrom('scaling_decision as d')
      .innerJoin('app_user as u', 'u.id', 'd.recorded_by')
      .select([
        'd.direction',
        'd.to_organisation',
        'd.decided_on',
        'd.schakeloverleg',
        'd.framework',
        'd.schakeloverleg_on',
        'u.display_name',
      ])
      .where('d.case_id', '=', caseId)
      .execute(),
    tx.selectFrom('policy_signal').select(['kind', 'recorded_at']).where('case_id', '=', caseId).execute(),
  ]);
  return [
    ...items.flatMap((i) => [
      {
        at: i.requested_at.toISOString(),
        kind: 'case_review',
        summary: `Op de agenda van het casuïstiekoverleg van ${dutchDate(i.meets_on)} (${QUESTION_KINDS[i.question_kind] ?? i.question_kind})`,
        byName: i.requested_by,
      },
      ...(i.advice !== null && i.outcome_recorded_at
        ? [
            {
              at: i.outcome_recorded_at.toISOString(),
              kind: 'case_review_outcome',
              summary: `Uitkomst casuïstiekoverleg van ${dutchDate(i.meets_on)}: ${shorten(i.advice)}`,
              byName: i.outcome_by,
            },
          ]
        : []),
    ]),
    ...consultations.flatMap((b) => [
      {
        at: b.requested_at.toISOString(),
        kind: 'consultation',
        summary: `Consultatie gevraagd aan gedragswetenschapper ${b.scientist}`,
        byName: b.requested_by,
      },
      ...(b.advice !== null && b.advised_on
        ? [
            {
              at: atNoon(b.advised_on),
              kind: 'consultation_advice',
              summary: `Advies gedragswetenschapper: ${shorten(b.advice)}`,
              byName: b.scientist,
            },
          ]
        : []),
    ]),
    ...actions.map((a) => ({
      at: a.created_at.toISOString(),
      kind: 'agreed_action',
      summary: `Afspraak met ${a.party}: ${shorten(a.action, 100)}`,
      byName: a.display_name,
    })),
    ...transfers.flatMap((t) =>
      t.kind === 'warm_handover'
        ? [
            {
              at: atNoon(t.on_date),
              kind: 'handover',
              summary: `Overdracht aan ${t.organisation}${t.warm_meeting_held ? ' met warm overdrachtsgesprek' : ' zonder warm overdrachtsgesprek'}`,
              byName: t.display_name,
            },
          ]
        : [
            {
              at: atNoon(t.on_date),
              kind: 'tandem_construction',
              summary: `Tandemconstructie met ${t.organisation}: het team blijft casemanager`,
              byName: t.display_name,
            },
            ...(t.ended_on
              ? [
                  {
                    at: atNoon(t.ended_on),
                    kind: 'tandem_construction',
                    summary: `Tandemconstructie met ${t.organisation} beëindigd`,
                    byName: null,
                  },
                ]
              : []),
          ],
    ),
    ...changes.map((c) => ({
      at: c.changed_at.toISOString(),
      kind: 'tandem_worker',
      summary: c.new_name ? `Tandempartner: ${c.new_name}` : 'Tandempartner verwijderd',
      byName: c.by_name,
    })),
    ...decisions.flatMap((d) => [
      {
        at: atNoon(d.decided_on),
        kind: 'scaling',
        summary: `${d.direction === 'up' ? 'Opgeschaald' : 'Afgeschaald'} naar ${d.to_organisation}`,
        byName: d.display_name,
      },
      ...(d.schakeloverleg && d.schakeloverleg_on
        ? [
            {
              at: atNoon(d.schakeloverleg_on),
              kind: 'schakeloverleg',
              summary: `Schakeloverleg met de Raad voor de Kinderbescherming: ${d.framework === 'compulsory' ? 'gedwongen kader' : 'vrijwillig kader'}`,
              byName: d.display_name,
            },
          ]
        : []),
    ]),
    ...signals.map((s) => ({
      at: s.recorded_at.toISOString(),
      kind: 'policy_signal',
      summary: `Signaal naar beleid vastgelegd (${SIGNAL_KINDS[s.kind] ?? s.kind})`,
      byName: null,
    })),
  ];
}
