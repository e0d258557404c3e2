import type { CaseCoordinationView, MyConsultations } from '@nabij/contracts';
import { AppError } from '../../shared/app-error';
import type { AccessContext } from '../../shared/actor';
import { municipalDate, municipalToday } from '../../shared/clock';
import type { Tx } from '../../platform/database/database';
import type { Deps } from '../../platform/deps';
import { findCase, logCaseAccess, withCase } from '../case-files';
import { buildCaseCoordination, DATA_CATEGORY, invalid, refuse, withCaseRule } from './case-coordination';
import { futureDateError } from './coordination.domain';
import { canAdvise } from './coordination.policy';
import { bumpVersion } from './coordination.store';

/**
 * The worker (or the team coordinator) asks a behavioural scientist for advice on a case. From then on the
 * consulted scientist may view the case, also when they work for another team.
 */
export async function requestConsultation(
  deps: Deps,
  ctx: AccessContext,
  caseId: string,
  input: { scientistId: string; question: string },
): Promise<CaseCoordinationView> {
  const today = municipalToday(deps.clock);
  return withCase(deps, ctx, caseId, 'work', DATA_CATEGORY, async (tx, c) => {
    const scientist = await tx
      .selectFrom('app_user as u')
      .innerJoin('user_role as r', 'r.user_id', 'u.id')
      .select('u.id')
      .where('u.id', '=', input.scientistId)
      .where('u.tenant_id', '=', ctx.actor.tenantId)
      .where('u.active', '=', true)
      .where('r.role', '=', 'behavioural_scientist')
      .executeTakeFirst();
    if (!scientist) throw invalid('scientistId', 'Kies een gedragswetenschapper uit de lijst.');
    const row = await tx
      .insertInto('behavioural_consultation')
      .values({
        tenant_id: ctx.actor.tenantId,
        case_id: c.id,
        scientist_id: scientist.id,
        question: input.question,
        requested_by: ctx.actor.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await logCaseAccess(tx, ctx, c, {
      action: 'create',
      event: 'consultation.requested',
      dataCategory: DATA_CATEGORY,
      permission: 'case:read',
      detail: { consultationId: row.id, scientistId: scientist.id },
    });
    return buildCaseCoordination(
      tx,
      ctx.actor,
      { ...c, consultedScientistIds: [...(c.consultedScientistIds ?? []), scientist.id] },
      today,
    );
  });
}

/** The consulted behavioural scientist records (or corrects) the advice with its date; it is logged in the case. */
export async function recordAdvice(
  deps: Deps,
  ctx: AccessContext,
  caseId: string,
  consultationId: string,
  input: { version: number; advice: string; advisedOn: string },
): Promise<CaseCoordinationView> {
  const today = municipalToday(deps.clock);
  const consultationOf = (tx: Tx) =>
    tx
      .selectFrom('behavioural_consultation')
      .select(['id', 'case_id', 'scientist_id', 'requested_at', 'advice', 'version'])
      .where('id', '=', consultationId)
      .executeTakeFirst();
  return withCaseRule(
    deps,
    ctx,
    caseId,
    'view',
    async (actor, c, tx) => {
      const b = await consultationOf(tx);
      return !b || b.case_id !== c.id || canAdvise(actor, { scientistId: b.scientist_id });
    },
    async (tx, c) => {
      const b = await consultationOf(tx);
      if (!b || b.case_id !== c.id) throw new AppError('not_found');
      const requestedOn = municipalDate(b.requested_at);
      refuse({
        advisedOn:
          futureDateError(input.advisedOn, today) ??
          (input.advisedOn < requestedOn ? 'Het advies kan niet van voor de vraag zijn.' : undefined),
      });
      if (!(await bumpVersion(tx, 'behavioural_consultation', b.id, input.version)))
        throw new AppError('version_conflict');
      await tx
        .updateTable('behavioural_consultation')
        .set({ advice: input.advice, advised_on: input.advisedOn, advice_recorded_at: deps.clock.now() })
        .where('id', '=', b.id)
        .execute();
      await logCaseAccess(tx, ctx, c, {
        action: b.advice === null ? 'create' : 'update',
        event: b.advice === null ? 'consultation.advised' : 'consultation.advice_changed',
        dataCategory: DATA_CATEGORY,
        permission: 'case:read',
        detail: { consultationId: b.id },
      });
      return buildCaseCoordination(tx, ctx.actor, c, today);
    },
  );
}

/** The behavioural scientist's consultations: open ones first, then those advised in the last three months. */
export async function listMyConsultations(deps: Deps, ctx: AccessContext): Promise<MyConsultations> {
  const since = new Date(deps.clock.now().getTime() - 92 * 86_400_000);
  return deps.db.inTenant(ctx.actor.tenantId, async (tx) => {
    const rows = await tx
      .selectFrom('behavioural_consultation as b')
      .innerJoin('case_file as c', 'c.id', 'b.case_id')
      .innerJoin('team as t', 't.id', 'c.team_id')
      .innerJoin('app_user as r', 'r.id', 'b.requested_by')
      .leftJoin('referral as ref', 'ref.id', 'c.referral_id')
      .leftJoin('household as h', 'h.id', 'c.household_id')
      .select([
        'b.id',
        'b.case_id',
        'ref.reference',
        'h.name as household_name',
        't.name as team_name',
        'b.question',
        'r.display_name as requested_by_name',
        'b.requested_at',
        'b.advised_on',
      ])
      .where('b.scientist_id', '=', ctx.actor.userId)
      .where((eb) => eb.or([eb('b.advice', 'is', null), eb('b.advice_recorded_at', '>=', since)]))
      .orderBy('b.requested_at', 'desc')
      .limit(100)
      .execute();
    rows.sort((a, b) => Number(a.advised_on !== null) - Number(b.advised_on !== null));
    for (const caseId of new Set(rows.map((r) => r.case_id))) {
      const c = await findCase(tx, caseId);
      if (c)
        await logCaseAccess(tx, ctx, c, {
          action: 'search',
          event: 'consultation.listed',
          dataCategory: DATA_CATEGORY,
          permission: 'case:read',
        });
    }
    return {
      consultations: rows.map((r) => ({
        id: r.id,
        caseId: r.case_id,
        reference: r.reference,
        householdName: r.household_name,
        teamName: r.team_name,
        question: r.question,
        requestedByName: r.requested_by_name,
        requestedAt: r.requested_at.toISOString(),
        advisedOn: r.advised_on,
      })),
    };
  });
}
