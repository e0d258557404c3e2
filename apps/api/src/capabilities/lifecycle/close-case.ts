import { checkWatchPlan, type CaseCourseView, type CloseCaseInput } from '@nabij/contracts';
import { AppError } from '../../shared/app-error';
import type { AccessContext } from '../../shared/actor';
import { amsterdamDate } from '../../shared/clock';
import type { Tx } from '../../platform/database/database';
import type { Deps } from '../../platform/deps';
import { lockCaseState, logCaseAccess, moveCasePhase, withCase, type CaseRow } from '../case-files';
import { findAgreedPlan, settleActionsAtClosure } from '../plan';
import { buildCourseView, outcomeComparisonOf } from './course-view';
import { DATA_CATEGORY } from './evaluate';
import { mayClose, nextCheckIn, undecidedActions } from './lifecycle.domain';

async function recordAnswer(tx: Tx, ctx: AccessContext, c: CaseRow, episode: number, somethingGoesWrong: boolean, explanation: string | undefined): Promise<string> {
  const { id } = await tx
    .insertInto('closing_question_answer')
    .values({ tenant_id: ctx.actor.tenantId, case_id: c.id, episode, something_goes_wrong: somethingGoesWrong, explanation: explanation ?? null, answered_by: ctx.actor.userId })
    .returning('id')
    .executeTakeFirstOrThrow();
  await logCaseAccess(tx, ctx, c, { action: 'create', event: 'closure.question_answered', dataCategory: DATA_CATEGORY, permission: 'case:read', detail: { somethingGoesWrong } });
  return id;
}

const CLOSABLE = ['analysis', 'plan', 'execution', 'closure'] as const;

/**
 * "Gaat er iets mis als ik eruit stap?" answered on its own (before the closure form is complete). A "yes" means the
 * case first goes to the team meeting; the answer stays in the case.
 */
export async function answerClosingQuestion(deps: Deps, ctx: AccessContext, caseId: string, input: { somethingGoesWrong: boolean; explanation?: string | undefined }): Promise<CaseCourseView> {
  const today = amsterdamDate(deps.clock.now());
  return withCase(deps, ctx, caseId, 'work', DATA_CATEGORY, async (tx, c) => {
    const state = await lockCaseState(tx, c.id);
    if (!(CLOSABLE as readonly string[]).includes(state.phase)) throw new AppError('closure_not_possible');
    await recordAnswer(tx, ctx, c, state.episode, input.somethingGoesWrong, input.explanation);
    return buildCourseView(tx, c, today);
  });
}

/**
 * Closes the case, or closes it into the watch (waakvlam). Refused when the worker answers "yes" to the closing
 * question (the answer is recorded; the case goes to the team meeting first), when open plan actions have no
 * decision (listed by name), from a phase that does not allow it, or with bad input — then nothing else is stored.
 */
export async function closeCase(deps: Deps, ctx: AccessContext, caseId: string, input: CloseCaseInput): Promise<CaseCourseView> {
  const now = deps.clock.now();
  const today = amsterdamDate(now);
  const outcome = await withCase(deps, ctx, caseId, 'work', DATA_CATEGORY, async (tx, c): Promise<{ refused: true } | { refused: false; view: CaseCourseView }> => {
    const state = await lockCaseState(tx, c.id);
    if (!(CLOSABLE as readonly string[]).includes(state.phase)) throw new AppError('closure_not_possible');
    if (input.somethingGoesWrong) {
      await recordAnswer(tx, ctx, c, state.episode, true, input.closingQuestionExplanation);
      return { refused: true };
    }
    // The contract makes these present when the answer is "no".
    const { closedOn, reason, outcome: to, processWorked, processLearned } = input;
    if (!closedOn || !reason || !to || !processWorked || !processLearned) throw new AppError('validation_failed');
    if (!mayClose(state.phase, reason)) throw new AppError('closure_not_possible');

    const errors: Record<string, string[]> = {};
    if (closedOn > today) errors.closedOn = ['Deze datum ligt in de toekomst.'];
    const plan = await findAgreedPlan(tx, c.id);
    const planGoals = new Map((plan?.goals ?? []).map((g) => [g.id, g]));
    const seen = new Set<string>();
    input.goals.forEach((g, i) => {
      if (!planGoals.has(g.goalId)) errors[`goals.${i}.goalId`] = ['Dit doel hoort niet bij de afgesproken versie van het plan.'];
      else if (seen.has(g.goalId)) errors[`goals.${i}.goalId`] = ['Elk doel krijgt één resultaat.'];
      seen.add(g.goalId);
    });
    const missingGoals = [...planGoals.values()].filter((g) => !seen.has(g.id));
    if (missingGoals.length) errors.goals = [`Vul ook het resultaat in van: ${missingGoals.map((g) => `"${g.goal}"`).join(', ')}.`];
    const actions = plan?.actions ?? [];
    const open = new Map(actions.filter((a) => a.status === 'open' || a.status === 'in_progress').map((a) => [a.id, a]));
    input.actionDecisions.forEach((d, i) => {
      if (!open.has(d.actionId)) errors[`actionDecisions.${i}.actionId`] = ['Deze actie staat niet (meer) open in het plan.'];
    });
    if (to === 'watch' && input.watch) {
      for (const [field, messages] of Object.entries(checkWatchPlan({ startedOn: closedOn, ...input.watch }))) errors[`watch.${field}`] = messages;
    }
    if (to === 'watch' && !input.watch) errors['watch.checkInIntervalWeeks'] = ['Vul het aantal weken tussen de check-ins en de einddatum van de waakvlam in.'];
    if (Object.keys(errors).length) throw new AppError('validation_failed', { fieldErrors: errors });

    const undecided = undecidedActions(actions, new Set(input.actionDecisions.map((d) => d.actionId)));
    if (undecided.length) {
      const fieldErrors: Record<string, string[]> = {};
      for (const a of undecided) fieldErrors[`actionDecisions.${a.id}`] = [`Kies wat er gebeurt met de open actie "${a.description}": afgerond, gestopt of overgedragen.`];
      throw new AppError('open_actions_undecided', {
        fieldErrors,
        openActions: undecided.map((a) => ({ id: a.id, description: a.description })),
        message: `Er staan nog acties open zonder besluit: ${undecided.map((a) => `"${a.description}"`).join(', ')}. Kies per actie of die is afgerond, gestopt of overgedragen. Er is niets opgeslagen.`,
      });
    }

    const answerId = await recordAnswer(tx, ctx, c, state.episode, false, input.closingQuestionExplanation);
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
        plan_version_id: plan?.versionId ?? null,
        outcome_snapshot: JSON.stringify(snapshot),
        recorded_by: ctx.actor.userId,
      })
      .onConflict((oc) => oc.columns(['case_id', 'episode']).doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!closure) throw new AppError('closure_not_possible');
    if (input.goals.length) {
      await tx
        .insertInto('case_closure_goal')
        .values(input.goals.map((g) => ({ tenant_id: ctx.actor.tenantId, closure_id: closure.id, goal_id: g.goalId, status: g.status, result: g.result, side_effects: g.sideEffects ?? null })))
        .execute();
    }
    if (input.actionDecisions.length && plan) {
      await tx
        .insertInto('case_closure_action')
        .values(input.actionDecisions.map((d) => ({ tenant_id: ctx.actor.tenantId, closure_id: closure.id, action_id: d.actionId, decision: d.decision, handed_over_to: d.decision === 'handed_over' ? (d.handedOverTo ?? null) : null })))
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
    const moved = await moveCasePhase(tx, c.id, [state.phase as 'execution'], to === 'watch' ? 'watch' : 'closed', { closedAt: to === 'watch' ? null : now });
    if (!moved) throw new AppError('version_conflict');
    await logCaseAccess(tx, ctx, c, {
      action: 'update',
      event: to === 'watch' ? 'case_file.watch_started' : 'case_file.closed',
      dataCategory: DATA_CATEGORY,
      permission: 'case:read',
      detail: { closureId: closure.id, reason, episode: state.episode, decidedActions: input.actionDecisions.length },
    });
    return { refused: false, view: await buildCourseView(tx, c, today) };
  });
  if (outcome.refused) throw new AppError('closure_needs_team_meeting');
  return outcome.view;
}
