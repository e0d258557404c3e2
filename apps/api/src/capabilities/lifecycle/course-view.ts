import type { CaseCourseView, OutcomeComparison } from '@nabij/contracts';
import type { Tx } from '../../platform/database/database';
import { listLinkedReferrals, loadZrm, type CaseRow } from '../case-files';
import { closureReviewsOfCase } from '../coordination';
import { findAgreedPlan } from '../plan';
import { compareParticipation, compareZrm, mayReactivate, nextEvaluationDue } from './lifecycle.domain';
import { reasonText } from './labels';
import { fullNameOfRow } from '../../shared/person-name';

const personName = (p: { first_name: string; infix: string | null; last_name: string }) => fullNameOfRow(p);

/** ZRM start vs closing and the participation ladder first vs last, from the case's measurements. */
export async function outcomeComparisonOf(tx: Tx, caseId: string): Promise<OutcomeComparison> {
  const zrm = await loadZrm(tx, caseId);
  const participation = await tx
    .selectFrom('participation_measure as m')
    .innerJoin('person as p', 'p.id', 'm.person_id')
    .select(['m.person_id', 'p.first_name', 'p.infix', 'p.last_name', 'm.rung', 'm.measured_on'])
    .where('m.case_id', '=', caseId)
    .orderBy('m.measured_on')
    .orderBy('m.recorded_at')
    .execute();
  return {
    zrm: compareZrm(
      zrm.map((a) => ({
        personId: a.personId,
        personName: a.personName,
        instrument: a.instrument,
        kind: a.kind,
        assessedOn: a.assessedOn,
        scores: a.scores,
      })),
    ),
    participation: compareParticipation(
      participation.map((m) => ({
        personId: m.person_id,
        personName: personName(m),
        rung: m.rung,
        measuredOn: m.measured_on,
      })),
    ),
  };
}

/**
 * Where the closing question stands in an episode (ADR 0034): when the latest answer is "ja", whether the case review
 * meeting decided on it since (the latest closure question decided after the answer), or where it waits on the agenda.
 */
export interface ClosingState {
  yes: {
    answerId: string;
    answeredAt: Date;
    explanation: string | null;
    decision: 'close' | 'continue' | null;
    reviewItemId: string | null;
    advice: string | null;
    decidedAt: Date | null;
    onAgenda: { meetingId: string; meetingDate: string } | null;
  } | null;
}

export async function closingStateOf(tx: Tx, caseId: string, episode: number): Promise<ClosingState> {
  const latest = await tx
    .selectFrom('closing_question_answer')
    .select(['id', 'something_goes_wrong', 'explanation', 'answered_at'])
    .where('case_id', '=', caseId)
    .where('episode', '=', episode)
    .orderBy('answered_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!latest?.something_goes_wrong) return { yes: null };
  const reviews = await closureReviewsOfCase(tx, caseId);
  const decided = reviews
    .filter((r) => r.decidedAt !== null && r.decision !== null && r.decidedAt > latest.answered_at)
    .sort((a, b) => b.decidedAt!.getTime() - a.decidedAt!.getTime())[0];
  const waiting = reviews.find((r) => r.decidedAt === null);
  return {
    yes: {
      answerId: latest.id,
      answeredAt: latest.answered_at,
      explanation: latest.explanation,
      decision: decided?.decision ?? null,
      reviewItemId: decided?.id ?? null,
      advice: decided?.advice ?? null,
      decidedAt: decided?.decidedAt ?? null,
      onAgenda: waiting ? { meetingId: waiting.meetingId, meetingDate: waiting.meetingDate } : null,
    },
  };
}

/**
 * The final evaluation of an episode: its latest evaluation, when that one concluded "afronden" about the agreed
 * version. Its goal results are carried into the closure.
 */
export async function finalEvaluationOf(tx: Tx, caseId: string, episode: number, planVersionId: string) {
  const e = await tx
    .selectFrom('case_evaluation')
    .select(['id', 'held_on', 'conclusion', 'plan_version_id'])
    .where('case_id', '=', caseId)
    .where('episode', '=', episode)
    .orderBy('held_on', 'desc')
    .orderBy('recorded_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!e || e.conclusion !== 'closure' || e.plan_version_id !== planVersionId) return null;
  const goals = await tx
    .selectFrom('case_evaluation_goal')
    .select(['goal_id', 'status', 'note'])
    .where('evaluation_id', '=', e.id)
    .execute();
  return {
    id: e.id,
    heldOn: e.held_on,
    goals: goals.map((g) => ({
      goalId: g.goal_id,
      status: g.status as 'achieved' | 'partly' | 'not_achieved' | 'ongoing',
      note: g.note,
    })),
  };
}

/** Everything the evaluation, closure and watch pages show, read in the caller's transaction. */
export async function buildCourseView(tx: Tx, c: CaseRow, today: string): Promise<CaseCourseView> {
  const base = await tx
    .selectFrom('case_file as c')
    .innerJoin('team as t', 't.id', 'c.team_id')
    .leftJoin('household as h', 'h.id', 'c.household_id')
    .leftJoin('referral as r', 'r.id', 'c.referral_id')
    .select([
      'c.phase',
      'c.episode',
      'c.closed_at',
      't.evaluation_weeks',
      'h.name as household_name',
      'r.referrer_kind',
      'r.referrer_name',
      'r.referrer_organisation',
      'r.referrer_email',
    ])
    .where('c.id', '=', c.id)
    .executeTakeFirstOrThrow();
  const plan = await findAgreedPlan(tx, c.id);
  const goalOf = new Map<string, { domain: string; goal: string }>();
  const goalRows = await tx
    .selectFrom('plan_goal as g')
    .innerJoin('plan_version as v', 'v.id', 'g.plan_version_id')
    .innerJoin('plan as p', 'p.id', 'v.plan_id')
    .select(['g.id', 'g.domain', 'g.goal'])
    .where('p.case_id', '=', c.id)
    .execute();
  for (const g of goalRows) goalOf.set(g.id, { domain: g.domain, goal: g.goal });

  const [
    zrm,
    evaluations,
    evaluationGoals,
    answers,
    closures,
    closureGoals,
    closureActions,
    letters,
    watches,
    checkIns,
    episodes,
    linked,
    comparison,
  ] = await Promise.all([
    loadZrm(tx, c.id),
    tx
      .selectFrom('case_evaluation as e')
      .innerJoin('app_user as u', 'u.id', 'e.recorded_by')
      .innerJoin('plan_version as v', 'v.id', 'e.plan_version_id')
      .select([
        'e.id',
        'e.episode',
        'e.held_on',
        'e.participants',
        'e.conclusion',
        'e.summary',
        'e.interim_zrm_id',
        'v.number as plan_number',
        'u.display_name',
      ])
      .where('e.case_id', '=', c.id)
      .orderBy('e.held_on', 'desc')
      .orderBy('e.recorded_at', 'desc')
      .execute(),
    tx
      .selectFrom('case_evaluation_goal as g')
      .innerJoin('case_evaluation as e', 'e.id', 'g.evaluation_id')
      .select(['g.evaluation_id', 'g.goal_id', 'g.status', 'g.note'])
      .where('e.case_id', '=', c.id)
      .execute(),
    tx
      .selectFrom('closing_question_answer as a')
      .innerJoin('app_user as u', 'u.id', 'a.answered_by')
      .select([
        'a.id',
        'a.episode',
        'a.something_goes_wrong',
        'a.explanation',
        'a.change_reason',
        'a.answered_at',
        'u.display_name',
      ])
      .where('a.case_id', '=', c.id)
      .orderBy('a.answered_at', 'desc')
      .execute(),
    tx
      .selectFrom('case_closure as x')
      .innerJoin('app_user as u', 'u.id', 'x.recorded_by')
      .select([
        'x.id',
        'x.episode',
        'x.closed_on',
        'x.outcome',
        'x.reason',
        'x.referred_to',
        'x.reason_other',
        'x.process_worked',
        'x.process_learned',
        'x.aftercare',
        'x.risk_note',
        'x.outcome_snapshot',
        'x.recorded_at',
        'u.display_name',
      ])
      .where('x.case_id', '=', c.id)
      .orderBy('x.episode', 'desc')
      .execute(),
    tx
      .selectFrom('case_closure_goal as g')
      .innerJoin('case_closure as x', 'x.id', 'g.closure_id')
      .select(['g.closure_id', 'g.goal_id', 'g.status', 'g.result', 'g.side_effects', 'g.evaluation_id'])
      .where('x.case_id', '=', c.id)
      .execute(),
    tx
      .selectFrom('case_closure_action as a')
      .innerJoin('case_closure as x', 'x.id', 'a.closure_id')
      .innerJoin('plan_action as p', 'p.id', 'a.action_id')
      .select(['a.closure_id', 'a.action_id', 'a.decision', 'a.handed_over_to', 'p.description'])
      .where('x.case_id', '=', c.id)
      .execute(),
    tx
      .selectFrom('case_letter as l')
      .leftJoin('case_closure as x', 'x.id', 'l.closure_id')
      .select([
        'l.id',
        'l.kind',
        'l.recipient_email',
        'l.recipient_name',
        'l.subject',
        'l.status',
        'l.sent_at',
        'l.created_at',
        'l.sharing_basis',
        'l.portal_person_id',
        'x.episode',
      ])
      .where('l.case_id', '=', c.id)
      .orderBy('l.created_at', 'desc')
      .execute(),
    tx
      .selectFrom('case_watch')
      .select([
        'id',
        'episode',
        'started_on',
        'check_in_interval_weeks',
        'next_check_in_on',
        'ends_on',
        'ended_on',
        'end_kind',
        'end_note',
      ])
      .where('case_id', '=', c.id)
      .orderBy('started_on', 'desc')
      .execute(),
    tx
      .selectFrom('watch_check_in as w')
      .innerJoin('app_user as u', 'u.id', 'w.recorded_by')
      .select(['w.id', 'w.watch_id', 'w.checked_on', 'w.way', 'w.all_well', 'w.note', 'u.display_name'])
      .where('w.case_id', '=', c.id)
      .orderBy('w.checked_on', 'desc')
      .orderBy('w.recorded_at', 'desc')
      .execute(),
    tx
      .selectFrom('case_episode as e')
      .innerJoin('app_user as u', 'u.id', 'e.started_by')
      .select(['e.number', 'e.started_on', 'e.from_phase', 'e.to_phase', 'e.reason', 'u.display_name'])
      .where('e.case_id', '=', c.id)
      .orderBy('e.number', 'desc')
      .execute(),
    listLinkedReferrals(tx, c.id),
    outcomeComparisonOf(tx, c.id),
  ]);

  const episodeAnswers = answers.filter((a) => a.episode === base.episode);
  const latestAnswer = episodeAnswers[0];
  const closedThisEpisode = closures.some((x) => x.episode === base.episode);
  const closing = closedThisEpisode ? { yes: null } : await closingStateOf(tx, c.id, base.episode);
  const finalEvaluation =
    plan && !closedThisEpisode ? await finalEvaluationOf(tx, c.id, base.episode, plan.versionId) : null;
  const interim = zrm.filter((a) => (a.kind as string) === 'interim').reverse();
  const evaluationsThisEpisode = evaluations.filter((e) => e.episode === base.episode);

  return {
    caseId: c.id,
    householdName: base.household_name ?? '',
    phase: base.phase,
    episode: base.episode,
    closedAt: base.closed_at?.toISOString() ?? null,
    evaluationWeeks: base.evaluation_weeks,
    plan: plan
      ? {
          agreedNumber: plan.number,
          agreedOn: plan.agreedOn,
          goals: plan.goals,
          openActions: plan.actions
            .filter((a) => a.status === 'open' || a.status === 'in_progress')
            .map((a) => ({ id: a.id, goalId: a.goalId, description: a.description, status: a.status as 'open' })),
          current: plan.current,
        }
      : null,
    nextEvaluationDue:
      base.phase === 'execution' && plan
        ? nextEvaluationDue(plan.agreedOn, evaluationsThisEpisode[0]?.held_on ?? null, base.evaluation_weeks)
        : null,
    interimZrm: interim.map((a) => ({
      id: a.id,
      personName: a.personName,
      assessedOn: a.assessedOn,
      domains: a.scores.length,
    })),
    hasClosingZrm: zrm.some((a) => (a.kind as string) === 'closing'),
    evaluations: evaluations.map((e) => {
      const z = e.interim_zrm_id ? zrm.find((a) => a.id === e.interim_zrm_id) : undefined;
      return {
        id: e.id,
        episode: e.episode,
        heldOn: e.held_on,
        participants: e.participants,
        conclusion: e.conclusion as 'continue',
        summary: e.summary,
        planNumber: e.plan_number,
        interimZrm: z ? { id: z.id, personName: z.personName, assessedOn: z.assessedOn } : null,
        goals: evaluationGoals
          .filter((g) => g.evaluation_id === e.id)
          .map((g) => ({
            goalId: g.goal_id,
            domain: goalOf.get(g.goal_id)?.domain ?? '',
            goal: goalOf.get(g.goal_id)?.goal ?? '',
            status: g.status as 'ongoing',
            note: g.note,
          })),
        recordedByName: e.display_name,
      };
    }),
    comparison,
    closingQuestion: latestAnswer
      ? {
          somethingGoesWrong: latestAnswer.something_goes_wrong,
          explanation: latestAnswer.explanation,
          answeredAt: latestAnswer.answered_at.toISOString(),
          answeredByName: latestAnswer.display_name,
          changeReason: latestAnswer.change_reason,
        }
      : null,
    teamMeetingNeeded: closing.yes !== null && closing.yes.decision === null,
    closureReview: closing.yes
      ? {
          onAgenda: closing.yes.onAgenda,
          decision: closing.yes.decision,
          advice: closing.yes.advice,
          decidedAt: closing.yes.decidedAt?.toISOString() ?? null,
        }
      : null,
    finalEvaluation,
    closures: closures.map((x) => ({
      id: x.id,
      episode: x.episode,
      closedOn: x.closed_on,
      outcome: x.outcome as 'closed',
      reason: x.reason as 'goals_reached',
      referredTo: x.referred_to,
      reasonOther: x.reason_other,
      processWorked: x.process_worked,
      processLearned: x.process_learned,
      aftercare: x.aftercare,
      riskNote: x.risk_note,
      goals: closureGoals
        .filter((g) => g.closure_id === x.id)
        .map((g) => ({
          goalId: g.goal_id,
          domain: goalOf.get(g.goal_id)?.domain ?? '',
          goal: goalOf.get(g.goal_id)?.goal ?? '',
          status: g.status as 'achieved',
          result: g.result,
          sideEffects: g.side_effects,
          fromEvaluation: g.evaluation_id !== null,
        })),
      actions: closureActions
        .filter((a) => a.closure_id === x.id)
        .map((a) => ({
          actionId: a.action_id,
          description: a.description,
          decision: a.decision as 'done',
          handedOverTo: a.handed_over_to,
        })),
      snapshot: x.outcome_snapshot as OutcomeComparison,
      recordedByName: x.display_name,
    })),
    referrer:
      base.referrer_kind && base.referrer_kind !== 'self' && (base.referrer_name || base.referrer_organisation)
        ? { name: base.referrer_name, organisation: base.referrer_organisation, email: base.referrer_email }
        : null,
    letters: letters.map((l) => ({
      id: l.id,
      kind: l.kind as 'case_closure_referrer',
      episode: l.episode ?? base.episode,
      to: l.recipient_email,
      recipientName: l.recipient_name,
      subject: l.subject,
      status: l.status as 'sent',
      inPortal: l.portal_person_id !== null,
      sentAt: l.sent_at?.toISOString() ?? null,
      createdAt: l.created_at.toISOString(),
      sharingBasis: l.sharing_basis as 'consent',
    })),
    watches: watches.map((w) => ({
      id: w.id,
      episode: w.episode,
      startedOn: w.started_on,
      checkInIntervalWeeks: w.check_in_interval_weeks,
      nextCheckInOn: w.next_check_in_on,
      endsOn: w.ends_on,
      endedOn: w.ended_on,
      endKind: w.end_kind as 'ended' | null,
      endNote: w.end_note,
      checkIns: checkIns
        .filter((x) => x.watch_id === w.id)
        .map((x) => ({
          id: x.id,
          checkedOn: x.checked_on,
          way: x.way as 'phone',
          allWell: x.all_well,
          note: x.note,
          recordedByName: x.display_name,
        })),
    })),
    episodes: episodes.map((e) => ({
      number: e.number,
      startedOn: e.started_on,
      fromPhase: e.from_phase as 'watch',
      toPhase: e.to_phase as 'execution',
      reason: e.reason,
      startedByName: e.display_name,
    })),
    linkedReferrals: linked.map((l) => ({
      referralId: l.referral_id,
      reference: l.reference,
      receivedAt: l.received_at.toISOString(),
      linkedAt: l.linked_at.toISOString(),
      casePhase: l.case_phase as 'watch',
      outcome: l.outcome,
      reason: l.reason,
    })),
    canReactivate: mayReactivate(base.phase, base.closed_at ? base.closed_at.toISOString().slice(0, 10) : null, today),
  };
}

/**
 * The latest closure of each case (in watch or closed): when, why (in plain Dutch) and the risk that remained — for
 * the regiecheck of a new referral for the household.
 */
export async function latestClosuresOf(tx: Tx, caseIds: readonly string[]) {
  if (caseIds.length === 0)
    return new Map<string, { closedOn: string; reason: string; reasonText: string; riskNote: string | null }>();
  const rows = await tx
    .selectFrom('case_closure')
    .select(['case_id', 'episode', 'closed_on', 'reason', 'referred_to', 'reason_other', 'risk_note'])
    .where('case_id', 'in', [...caseIds])
    .orderBy('episode', 'desc')
    .execute();
  const out = new Map<string, { closedOn: string; reason: string; reasonText: string; riskNote: string | null }>();
  for (const r of rows) {
    if (!out.has(r.case_id))
      out.set(r.case_id, {
        closedOn: r.closed_on,
        reason: r.reason,
        reasonText: reasonText(r.reason, r.referred_to, r.reason_other),
        riskNote: r.risk_note,
      });
  }
  return out;
}
