import { AppError } from '../../shared/app-error';
import type { AccessContext } from '../../shared/actor';
import type { Deps } from '../../platform/deps';
import { recordAccess } from '../audit';
import { canRegisterHostQuestion } from './intake.policy';
import { findTeam, insertHostQuestion, insertReferral, nextReference, tallyHostQuestions } from './intake.store';

/**
 * A question at the desk. Answered questions are only counted (no personal data). A hand-over creates
 * a referral for the intake desk in one step, with just what is needed to call the resident back.
 */
export async function recordHostQuestion(
  deps: Deps,
  ctx: AccessContext,
  input: {
    teamId: string;
    category: string;
    outcome: 'answered' | 'handed_over';
    handover?: { firstName: string; lastName: string; phone: string; question: string } | undefined;
  },
): Promise<{ handedOverReference: string | null }> {
  if (!canRegisterHostQuestion(ctx.actor, input.teamId)) throw new AppError('forbidden');
  if (input.outcome === 'handed_over' && !input.handover) {
    throw new AppError('validation_failed', {
      fieldErrors: { handover: ['Vul naam, telefoonnummer en vraag in om door te geven aan de bureaudienst.'] },
    });
  }
  const year = Number(
    new Intl.DateTimeFormat('en', { year: 'numeric', timeZone: 'Europe/Amsterdam' }).format(deps.clock.now()),
  );
  return deps.db.inTenant(ctx.actor.tenantId, async (tx) => {
    if (!(await findTeam(tx, input.teamId))) throw new AppError('team_not_found');
    let referral: { id: string; reference: string } | null = null;
    if (input.outcome === 'handed_over' && input.handover) {
      const h = input.handover;
      const reference = await nextReference(tx, ctx.actor.tenantId, year);
      const { id } = await insertReferral(
        tx,
        {
          tenantId: ctx.actor.tenantId,
          teamId: input.teamId,
          channel: 'volunteer_handover',
          referrerKind: 'self',
          referrer: {},
          lifeDomains: [],
          question: h.question,
          urgency: 'normal',
          childrenAtRisk: 'unknown',
          residentAwareness: 'agrees',
          residents: [{ firstName: h.firstName, lastName: h.lastName, phone: h.phone }],
          children: [],
          idempotencyKey: `host-${ctx.actor.userId}-${crypto.randomUUID()}`,
          createdBy: ctx.actor.userId,
        },
        reference,
      );
      referral = { id, reference };
      await recordAccess(tx, ctx, {
        action: 'create',
        event: 'referral.handed_over',
        dataCategory: 'referral',
        permission: 'host_question:write',
        teamId: input.teamId,
        detail: { referralId: id },
      });
    }
    await insertHostQuestion(tx, {
      tenantId: ctx.actor.tenantId,
      teamId: input.teamId,
      category: input.category,
      outcome: input.outcome,
      referralId: referral?.id ?? null,
      userId: ctx.actor.userId,
    });
    return { handedOverReference: referral?.reference ?? null };
  });
}

export async function countHostQuestionsToday(deps: Deps, ctx: AccessContext, teamId: string) {
  if (!canRegisterHostQuestion(ctx.actor, teamId)) throw new AppError('forbidden');
  const now = deps.clock.now();
  const midnight = new Date(now);
  midnight.setHours(0, 0, 0, 0);
  return deps.db.inTenant(ctx.actor.tenantId, async (tx) => ({
    today: (await tallyHostQuestions(tx, teamId, midnight)).map((r) => ({
      category: r.category,
      answered: r.answered,
      handedOver: r.handed_over,
    })),
  }));
}
