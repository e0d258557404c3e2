import { hasMinorAmong, type AgeFacts, type AnalysisConclusionView } from '@nabij/contracts';
import { municipalDate } from '../../shared/clock';
import type { Tx } from '../../platform/database/database';
import type { CaseRow } from './case-access';
import { fullNameOfRow } from '../../shared/person-name';
import { loadAnalysisConclusion } from './conclusion-and-meetings.views';

const personName = (p: { first_name: string; infix: string | null; last_name: string }) => fullNameOfRow(p);

export interface PlanFacts {
  householdName: string;
  teamName: string;
  caseWorker: { name: string; email: string | null };
  /** The team's phone number (team settings), for the plan's contact block. */
  teamPhone: string | null;
  /** How often the team evaluates a plan (the team's evaluation interval, in weeks). */
  evaluationWeeks: number;
  analysisDeadline: string | null;
  hasMinors: boolean;
  childSafetyAssessed: boolean;
  /** The latest ZRM score per domain, over all members of the household. */
  latestZrm: Array<{ domain: string; score: number; assessedOn: string }>;
  participation: { personName: string; rung: number; measuredOn: string } | null;
  /** The analysis' conclusion (issue #22 item 6), shown above the plan to the worker; not in the household's PDF (ADR 0055). */
  analysisConclusion: AnalysisConclusionView | null;
}

/**
 * Children named on the case's referral without a first name, who therefore never became a person: they count as
 * minors by the age given until it passes 18 (ADR 0029).
 */
export async function unregisteredReferralChildren(tx: Tx, caseId: string): Promise<AgeFacts[]> {
  const rows = await tx
    .selectFrom('referral_person as rp')
    .innerJoin('case_file as c', 'c.referral_id', 'rp.referral_id')
    .innerJoin('referral as r', 'r.id', 'rp.referral_id')
    .select(['rp.age', 'r.received_at'])
    .where('c.id', '=', caseId)
    .where('rp.role', '=', 'household_member')
    .where('rp.person_id', 'is', null)
    .execute();
  return rows.map((r) => ({
    dateOfBirth: null,
    ageGiven: r.age,
    ageGivenOn: municipalDate(r.received_at),
    relation: 'child',
  }));
}

/** What the plan needs from the analysis phase of a case (read in the caller's transaction). */
export async function findPlanFacts(tx: Tx, c: CaseRow, today: string): Promise<PlanFacts> {
  const base = await tx
    .selectFrom('case_file as c')
    .innerJoin('team as t', 't.id', 'c.team_id')
    .innerJoin('app_user as w', 'w.id', 'c.case_worker_id')
    .leftJoin('household as h', 'h.id', 'c.household_id')
    .select([
      't.name as team_name',
      't.contact_phone as team_phone',
      't.evaluation_weeks',
      'w.display_name as worker_name',
      'w.email as worker_email',
      'h.name as household_name',
      'c.analysis_deadline',
    ])
    .where('c.id', '=', c.id)
    .executeTakeFirstOrThrow();
  const [persons, safety, scores, participation] = await Promise.all([
    c.personIds.length
      ? tx
          .selectFrom('person as p')
          .leftJoin('household_member as m', (j) =>
            j
              .onRef('m.person_id', '=', 'p.id')
              .on('m.household_id', '=', c.householdId ?? '00000000-0000-0000-0000-000000000000'),
          )
          .select([
            'p.id',
            'p.first_name',
            'p.infix',
            'p.last_name',
            'p.date_of_birth',
            'p.age_given',
            'p.age_given_on',
            'm.relation',
          ])
          .where('p.id', 'in', c.personIds)
          .execute()
      : Promise.resolve([]),
    tx.selectFrom('child_safety_assessment').select('id').where('case_id', '=', c.id).limit(1).executeTakeFirst(),
    tx
      .selectFrom('zrm_score as s')
      .innerJoin('zrm_assessment as a', 'a.id', 's.assessment_id')
      .select(['s.domain', 's.score', 'a.assessed_on'])
      .where('a.case_id', '=', c.id)
      .where('a.instrument', '=', 'zrm2017')
      .orderBy('a.assessed_on')
      .orderBy('a.recorded_at')
      .execute(),
    tx
      .selectFrom('participation_measure as m')
      .innerJoin('person as p', 'p.id', 'm.person_id')
      .select(['p.first_name', 'p.infix', 'p.last_name', 'm.rung', 'm.measured_on'])
      .where('m.case_id', '=', c.id)
      .orderBy('m.measured_on', 'desc')
      .orderBy('m.recorded_at', 'desc')
      .limit(1)
      .executeTakeFirst(),
  ]);
  const latest = new Map<string, { domain: string; score: number; assessedOn: string }>();
  for (const s of scores) latest.set(s.domain, { domain: s.domain, score: s.score, assessedOn: s.assessed_on });
  const primary = persons.find((p) => p.id === c.primaryPersonId);
  return {
    householdName: base.household_name ?? (primary ? personName(primary) : ''),
    teamName: base.team_name,
    caseWorker: { name: base.worker_name, email: base.worker_email },
    teamPhone: base.team_phone,
    evaluationWeeks: base.evaluation_weeks,
    analysisDeadline: base.analysis_deadline,
    // Minor until shown otherwise (ADR 0029): also a child given by age only, or a child of the household without any age.
    hasMinors: hasMinorAmong(
      [
        ...persons.map((p) => ({
          dateOfBirth: p.date_of_birth,
          ageGiven: p.age_given,
          ageGivenOn: p.age_given_on,
          relation: p.relation,
        })),
        ...(await unregisteredReferralChildren(tx, c.id)),
      ],
      today,
    ),
    childSafetyAssessed: safety !== undefined,
    latestZrm: [...latest.values()],
    participation: participation
      ? { personName: personName(participation), rung: participation.rung, measuredOn: participation.measured_on }
      : null,
    analysisConclusion: await loadAnalysisConclusion(tx, c.id),
  };
}
