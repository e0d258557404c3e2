import { closureFormIssues, type CaseCourseView, type CloseCaseInput } from '@nabij/contracts';
import { AppError } from '../../shared/app-error';
import type { AccessContext } from '../../shared/actor';
import { municipalDate, municipalToday } from '../../shared/clock';
import type { Tx } from '../../platform/database/database';
import type { Deps } from '../../platform/deps';
import { lockCaseState, logCaseAccess, moveCasePhase, withCase, type CaseRow } from '../case-files';
import { putClosureQuestionOnAgenda } from '../coordination';
import { findAgreedPlan, settleActionsAtClosure } from '../plan';
import {
  buildCourseView,
  closingStateOf,
  finalEvaluationOf,
  outcomeComparisonOf,
  type ClosingState,
} from './course-view';
import { DATA_CATEGORY } from './evaluate';
import { goalsReachedProblem, mayClose, nextCheckIn, undecidedActions } from './lifecycle.domain';

async function insertAnswer(
  tx: Tx,
  ctx: AccessContext,
  c: CaseRow,
  episode: number,
  somethingGoesWrong: boolean,
  explanation: string | undefined,
  changeReason?: string,
): Promise<string> {
  const { id } = await tx
    .insertInto('closing_question_answer')
    .values({
      tenant_id: ctx.actor.tenantId,
      case_id: c.id,
      episode,
      something_goes_wrong: somethingGoesWrong,
      explanation: explanation ?? null,
      change_reason: changeReason ?? null,
      answered_by: ctx.actor.userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await logCaseAccess(tx, ctx, c, {
    action: 'create',
    event: changeReason ? 'closure.question_answer_changed' : 'closure.question_answered',
    dataCategory: DATA_CATEGORY,
    permission: 'case:read',
    detail: { somethingGoesWrong, ...(changeReason ? { changedFrom: 'yes' } : {}) },
  });
  return id;
}

/**
 * A "ja": recorded (unless a "ja" of this episode is still waiting for the case review meeting — then that one stands)
 * and the case goes onto the agenda of its team's next planned meeting as a closure question.
 */
async function recordYes(
  tx: Tx,
  ctx: AccessContext,
  c: CaseRow,
  episode: number,
  state: ClosingState,
  explanation: string | undefined,
  today: string,
): Promise<void> {
  if (!(state.yes && state.yes.decision === null)) await insertAnswer(tx, ctx, c, episode, true, explanation);
  const question =
    explanation ??
    state.yes?.explanation ??
    'Gaat er iets mis als ik eruit stap? Het antwoord is ja. Kan het dossier toch worden afgesloten?';
  await putClosureQuestionOnAgenda(tx, ctx, c, question, today);
}

/**
 * Refuses a "nee" while a "ja" of this episode stands: until the case review meeting decided, or after it decided to
 * close (then the answer is "ja", with the risk). After a decision to continue a later "nee" is the worker's own answer.
 */
function refuseNoAfterYes(state: ClosingState): void {
  if (!state.yes || state.yes.decision === 'continue') return;
  throw new AppError('closing_answer_needs_review', {
    message:
      state.yes.decision === 'close'
        ? 'Het casuïstiekoverleg besloot af te sluiten, terwijl er volgens het eerdere antwoord iets mis kan gaan. Kies "Ja" bij "Gaat er iets mis als ik eruit stap?" en beschrijf welk risico blijft. Er is niets opgeslagen.'
        : 'Eerder is "ja" geantwoord op "Gaat er iets mis als ik eruit stap?". Dat antwoord verandert alleen door het besluit van het casuïstiekoverleg, of door de teamcoördinator met een reden. Er is niets opgeslagen.',
  });
}

const CLOSABLE = ['analysis', 'plan', 'execution', 'closure'] as const;

const isTeamCoordinator = (ctx: AccessContext, c: CaseRow) =>
  ctx.actor.roles.includes('team_coordinator') && ctx.actor.teamIds.includes(c.teamId);

/**
 * "Gaat er iets mis als ik eruit stap?" answered on its own (before the closure form is complete). A "ja" sends the
 * case to the case review meeting. A "nee" after a "ja" is refused until the meeting decided — except from the team
 * coordinator with a reason (a mistaken "ja"), which is kept and logged (ADR 0034).
 */
export async function answerClosingQuestion(
  deps: Deps,
  ctx: AccessContext,
  caseId: string,
  input: { somethingGoesWrong: boolean; explanation?: string | undefined; changeReason?: string | undefined },
): Promise<CaseCourseView> {
  const today = municipalToday(deps.clock);
  return withCase(deps, ctx, caseId, 'work', DATA_CATEGORY, async (tx, c) => {
    const state = await lockCaseState(tx, c.id);
    if (!(CLOSABLE as readonly string[]).includes(state.phase)) throw new AppError('closure_not_possible');
    const closing = await closingStateOf(tx, c.id, state.episode);
    if (input.somethingGoesWrong) {
      await recordYes(tx, ctx, c, state.episode, closing, input.explanation, today);
    } else if (closing.yes && closing.yes.decision !== 'continue' && input.changeReason) {
      if (!isTeamCoordinator(ctx, c)) {
        throw new AppError('closing_answer_needs_review', {
          message:
            'Alleen de teamcoördinator kan een eerder "ja" met een reden veranderen in "nee". Er is niets opgeslagen.',
        });
      }
      await insertAnswer(tx, ctx, c, state.episode, false, input.explanation, input.changeReason);
    } else {
      refuseNoAfterYes(closing);
      await insertAnswer(tx, ctx, c, state.episode, false, input.explanation);
    }
    return buildCourseView(tx, c, today);
  });
}

/**
 * Closes the case, or closes it into the watch (waakvlam). A "ja" to the closing question is recorded and the case goes
 * to the case review meeting (refused with 409) — until that meeting decided to close: then the case closes with the
 * "ja" and the risk that remains (`riskNote`, required). A "nee" while a "ja" stands is refused. Also refused: goals
 * that need a result (taken from the final evaluation when it has one), "doelen bereikt" while a goal was not reached,
 * open plan actions without a decision (listed by name), a phase that does not allow it, bad input — then nothing else
 * is stored.
 */
export async function closeCase(
  deps: Deps,
  ctx: AccessContext,
  caseId: string,
  input: CloseCaseInput,
): Promise<CaseCourseView> {
  const now = deps.clock.now();
  const today = municipalDate(now);
  const outcome = await withCase(
    deps,
    ctx,
    caseId,
    'work',
    DATA_CATEGORY,
    async (tx, c): Promise<{ refused: true } | { refused: false; view: CaseCourseView }> => {
      const state = await lockCaseState(tx, c.id);
      if (!(CLOSABLE as readonly string[]).includes(state.phase)) throw new AppError('closure_not_possible');
      const closing = await closingStateOf(tx, c.id, state.episode);
      const closeWithRisk = input.somethingGoesWrong && closing.yes?.decision === 'close' ? closing.yes : undefined;
      if (input.somethingGoesWrong && !closeWithRisk) {
        await recordYes(tx, ctx, c, state.episode, closing, input.closingQuestionExplanation, today);
        return { refused: true };
      }
      if (!input.somethingGoesWrong) refuseNoAfterYes(closing);

      const errors: Record<string, string[]> = {};
      if (closeWithRisk) {
        for (const issue of closureFormIssues(input)) errors[issue.path.join('.')] ??= [issue.message];
        if (!input.riskNote) errors.riskNote = ['Beschrijf welk risico blijft en wat daarover is afgesproken.'];
        if (Object.keys(errors).length) throw new AppError('validation_failed', { fieldErrors: errors });
      }
      const { closedOn, reason, outcome: to, processWorked, processLearned } = input;
      // The contract (or the check above) makes these present.
      if (!closedOn || !reason || !to || !processWorked || !processLearned) throw new AppError('validation_failed');
      if (!mayClose(state.phase, reason)) throw new AppError('closure_not_possible');

      if (closedOn > today) errors.closedOn = ['Deze datum ligt in de toekomst.'];
      const plan = await findAgreedPlan(tx, c.id);
      const planGoals = new Map((plan?.goals ?? []).map((g) => [g.id, g]));
      const seen = new Set<string>();
      input.goals.forEach((g, i) => {
        if (!planGoals.has(g.goalId))
          errors[`goals.${i}.goalId`] = ['Dit doel hoort niet bij de afgesproken versie van het plan.'];
        else if (seen.has(g.goalId)) errors[`goals.${i}.goalId`] = ['Elk doel krijgt één resultaat.'];
        seen.add(g.goalId);
      });
      // A goal not in the form takes its result from the final evaluation (not asked twice).
      const final = plan ? await finalEvaluationOf(tx, c.id, state.episode, plan.versionId) : null;
      const carried = [...planGoals.values()]
        .filter((g) => !seen.has(g.id))
        .flatMap((g) => {
          const e = final?.goals.find((x) => x.goalId === g.id);
          return e && e.status !== 'ongoing'
            ? [
                {
                  goalId: g.id,
                  status: e.status,
                  result: e.note ?? '',
                  sideEffects: undefined,
                  evaluationId: final!.id,
                },
              ]
            : [];
        });
      const missingGoals = [...planGoals.values()].filter(
        (g) => !seen.has(g.id) && !carried.some((x) => x.goalId === g.id),
      );
      if (missingGoals.length)
        errors.goals = [`Vul ook het resultaat in van: ${missingGoals.map((g) => `"${g.goal}"`).join(', ')}.`];
      const results = [...input.goals.map((g) => ({ ...g, evaluationId: null as string | null })), ...carried];
      if (!missingGoals.length) {
        const problem = goalsReachedProblem(
          reason,
          results.map((r) => ({ goal: planGoals.get(r.goalId)?.goal ?? '', status: r.status })),
        );
        if (problem) errors.reason = [problem];
      }
      const actions = plan?.actions ?? [];
      const open = new Map(
        actions.filter((a) => a.status === 'open' || a.status === 'in_progress').map((a) => [a.id, a]),
      );
      input.actionDecisions.forEach((d, i) => {
        if (!open.has(d.actionId))
          errors[`actionDecisions.${i}.actionId`] = ['Deze actie staat niet (meer) open in het plan.'];
      });
      if (to === 'watch' && !input.watch)
        errors['watch.checkInIntervalWeeks'] = [
          'Vul het aantal weken tussen de check-ins en de einddatum van de waakvlam in.',
        ];
      if (Object.keys(errors).length) throw new AppError('validation_failed', { fieldErrors: errors });

      const undecided = undecidedActions(actions, new Set(input.actionDecisions.map((d) => d.actionId)));
      if (undecided.length) {
        const fieldErrors: Record<string, string[]> = {};
        for (const a of undecided)
          fieldErrors[`actionDecisions.${a.id}`] = [
            `Kies wat er gebeurt met de open actie "${a.description}": afgerond, gestopt of overgedragen.`,
          ];
        throw new AppError('open_actions_undecided', {
          fieldErrors,
          openActions: undecided.map((a) => ({ id: a.id, description: a.description })),
          message: `Er staan nog acties open zonder besluit: ${undecided.map((a) => `"${a.description}"`).join(', ')}. Kies per actie of die is afgerond, gestopt of overgedragen. Er is niets opgeslagen.`,
        });
      }

      const answerId = closeWithRisk
        ? closeWithRisk.answerId
        : await insertAnswer(tx, ctx, c, state.episode, false, input.closingQuestionExplanation);
      const snapshot = await outcomeComparisonOf(tx, c.id);
      const closure = await tx
        .insertInto('case_closure')
        .values({
          tenant_id: ctx.actor.tenantId,
          case_id: c.id,
          episode: state.episode,
          closed_on: closedOn,
          outcome: to,
          reason,
          referred_to: reason === 'referred_elsewhere' ? (input.referredTo ?? null) : null,
          reason_other: reason === 'other' ? (input.reasonOther ?? null) : null,
          process_worked: processWorked,
          process_learned: processLearned,
          aftercare: input.aftercare ?? null,
          closing_question_id: answerId,
          risk_note: closeWithRisk ? (input.riskNote ?? null) : null,
          review_item_id: closeWithRisk ? closeWithRisk.reviewItemId : null,
          plan_version_id: plan?.versionId ?? null,
          outcome_snapshot: JSON.stringify(snapshot),
          recorded_by: ctx.actor.userId,
        })
        .onConflict((oc) => oc.columns(['case_id', 'episode']).doNothing())
        .returning('id')
        .executeTakeFirst();
      if (!closure) throw new AppError('closure_not_possible');
      if (results.length) {
        await tx
          .insertInto('case_closure_goal')
          .values(
            results.map((g) => ({
              tenant_id: ctx.actor.tenantId,
              closure_id: closure.id,
              goal_id: g.goalId,
              status: g.status,
              result: g.result,
              side_effects: g.sideEffects ?? null,
              evaluation_id: g.evaluationId,
            })),
          )
          .execute();
      }
      if (input.actionDecisions.length && plan) {
        await tx
          .insertInto('case_closure_action')
          .values(
            input.actionDecisions.map((d) => ({
              tenant_id: ctx.actor.tenantId,
              closure_id: closure.id,
              action_id: d.actionId,
              decision: d.decision,
              handed_over_to: d.decision === 'handed_over' ? (d.handedOverTo ?? null) : null,
            })),
          )
          .execute();
        await settleActionsAtClosure(tx, plan.versionId, input.actionDecisions);
      }
      if (to === 'watch' && input.watch) {
        await tx
          .insertInto('case_watch')
          .values({
            tenant_id: ctx.actor.tenantId,
            case_id: c.id,
            episode: state.episode,
            closure_id: closure.id,
            started_on: closedOn,
            check_in_interval_weeks: input.watch.checkInIntervalWeeks,
            next_check_in_on: nextCheckIn(closedOn, input.watch.checkInIntervalWeeks, input.watch.endsOn),
            ends_on: input.watch.endsOn,
            ended_on: null,
            end_kind: null,
            end_note: null,
            ended_by: null,
          })
          .execute();
      }
      const moved = await moveCasePhase(tx, c.id, [state.phase as 'execution'], to === 'watch' ? 'watch' : 'closed', {
        closedAt: to === 'watch' ? null : now,
      });
      if (!moved) throw new AppError('version_conflict');
      await logCaseAccess(tx, ctx, c, {
        action: 'update',
        event: to === 'watch' ? 'case_file.watch_started' : 'case_file.closed',
        dataCategory: DATA_CATEGORY,
        permission: 'case:read',
        detail: {
          closureId: closure.id,
          reason,
          episode: state.episode,
          decidedActions: input.actionDecisions.length,
          withRisk: Boolean(closeWithRisk),
          goalsFromEvaluation: carried.length,
        },
      });
      return { refused: false, view: await buildCourseView(tx, c, today) };
    },
  );
  if (outcome.refused) throw new AppError('closure_needs_team_meeting');
  return outcome.view;
}
