import type { CaseCourseView, RecordEvaluationInput } from '@nabij/contracts';
import { AppError } from '../../shared/app-error';
import type { AccessContext } from '../../shared/actor';
import { municipalToday } from '../../shared/clock';
import type { Deps } from '../../platform/deps';
import { lockCaseState, logCaseAccess, moveCasePhase, withCase } from '../case-files';
import { findAgreedPlan } from '../plan';
import { buildCourseView } from './course-view';

export const DATA_CATEGORY = 'case_file';

/** The course of the case: evaluations, closures, watch, episodes, linked referrals (the pages of this capability). */
export async function viewCourse(deps: Deps, ctx: AccessContext, caseId: string): Promise<CaseCourseView> {
  const today = municipalToday(deps.clock);
  return withCase(deps, ctx, caseId, 'view', DATA_CATEGORY, async (tx, c) => {
    const view = await buildCourseView(tx, c, today);
    await logCaseAccess(tx, ctx, c, {
      action: 'read',
      event: 'case_file.course_viewed',
      dataCategory: DATA_CATEGORY,
      permission: 'case:read',
    });
    return view;
  });
}

/**
 * A periodic evaluation of the agreed plan with the household and involved parties: per goal its status and a note,
 * an optional interim ZRM, and the conclusion. Only in the execution phase; "afronden" moves the case to the closure
 * phase. Bad input or another phase: a Dutch 4xx and nothing stored.
 */
export async function recordEvaluation(
  deps: Deps,
  ctx: AccessContext,
  caseId: string,
  input: RecordEvaluationInput,
): Promise<CaseCourseView> {
  const today = municipalToday(deps.clock);
  return withCase(deps, ctx, caseId, 'work', DATA_CATEGORY, async (tx, c) => {
    const state = await lockCaseState(tx, c.id);
    if (state.phase !== 'execution') throw new AppError('evaluation_not_in_execution');
    const plan = await findAgreedPlan(tx, c.id);
    if (!plan) throw new AppError('evaluation_not_in_execution');

    const errors: Record<string, string[]> = {};
    if (input.heldOn > today) errors.heldOn = ['Deze datum ligt in de toekomst.'];
    else if (plan.agreedOn && input.heldOn < plan.agreedOn)
      errors.heldOn = [`De evaluatie ligt voor het akkoord op het plan (${plan.agreedOn}).`];
    const planGoals = new Set(plan.goals.map((g) => g.id));
    const seen = new Set<string>();
    input.goals.forEach((g, i) => {
      if (!planGoals.has(g.goalId))
        errors[`goals.${i}.goalId`] = ['Dit doel hoort niet bij de afgesproken versie van het plan.'];
      else if (seen.has(g.goalId)) errors[`goals.${i}.goalId`] = ['Elk doel wordt één keer geëvalueerd.'];
      seen.add(g.goalId);
    });
    const missing = plan.goals.filter((g) => !seen.has(g.id));
    if (missing.length)
      errors.goals = [`Geef ook aan hoe het staat met: ${missing.map((g) => `"${g.goal}"`).join(', ')}.`];
    if (input.interimZrmId) {
      const z = await tx
        .selectFrom('zrm_assessment')
        .select(['id', 'kind'])
        .where('id', '=', input.interimZrmId)
        .where('case_id', '=', c.id)
        .executeTakeFirst();
      if (!z || z.kind !== 'interim') errors.interimZrmId = ['Kies een tussentijdse ZRM van dit dossier.'];
    }
    if (Object.keys(errors).length) throw new AppError('validation_failed', { fieldErrors: errors });

    const { id } = await tx
      .insertInto('case_evaluation')
      .values({
        tenant_id: ctx.actor.tenantId,
        case_id: c.id,
        episode: state.episode,
        held_on: input.heldOn,
        participants: input.participants,
        plan_version_id: plan.versionId,
        interim_zrm_id: input.interimZrmId ?? null,
        conclusion: input.conclusion,
        summary: input.summary ?? null,
        recorded_by: ctx.actor.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await tx
      .insertInto('case_evaluation_goal')
      .values(
        input.goals.map((g) => ({
          tenant_id: ctx.actor.tenantId,
          evaluation_id: id,
          goal_id: g.goalId,
          status: g.status,
          note: g.note ?? null,
        })),
      )
      .execute();
    if (input.conclusion === 'closure') await moveCasePhase(tx, c.id, ['execution'], 'closure');
    await logCaseAccess(tx, ctx, c, {
      action: 'create',
      event: 'evaluation.recorded',
      dataCategory: DATA_CATEGORY,
      permission: 'case:read',
      detail: { evaluationId: id, conclusion: input.conclusion },
    });
    return buildCourseView(tx, c, today);
  });
}
