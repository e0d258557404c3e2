import type { PlanPageView, PlanVersionView, ServiceType } from '@nabij/contracts';
import { ATTACHMENT_LIMITS } from '@nabij/contracts';
import { AppError } from '../../shared/app-error';
import type { AccessContext } from '../../shared/actor';
import { municipalToday } from '../../shared/clock';
import type { Tx } from '../../platform/database/database';
import type { Deps } from '../../platform/deps';
import { findPlanFacts, logCaseAccess, withCase, type CaseRow, type PlanFacts, advanceCasePhase } from '../case-files';
import { sniffAttachment } from '../intake';
import { checkDueDate, orderSuggestions } from './plan.domain';
import {
  bumpVersion,
  findAction,
  findActiveService,
  findCurrentVersion,
  findGoal,
  findPlanOfCase,
  findVersionByNumber,
  insertPlanFile,
  listServicesForDomain,
  listVersions,
  loadVersionView,
  nextPosition,
  type VersionRow,
} from './plan.store';

const DATA_CATEGORY = 'plan';

export async function buildPlanPage(tx: Tx, c: CaseRow, facts: PlanFacts, today: string): Promise<PlanPageView> {
  const plan = await findPlanOfCase(tx, c.id);
  const current = plan ? await findCurrentVersion(tx, c.id) : undefined;
  return {
    caseId: c.id,
    ...facts,
    plan:
      plan && current
        ? {
            id: plan.id,
            versions: (await listVersions(tx, plan.id)).map((v) => ({
              number: v.number,
              status: v.status as 'draft',
              startsOn: v.starts_on,
              changeReason: v.change_reason,
              agreedOn: v.agreed_on,
              createdAt: v.created_at.toISOString(),
            })),
            current: await loadVersionView(tx, current.id, { analysisDeadline: facts.analysisDeadline, today }),
          }
        : null,
  };
}

/** The plan page of a case: the current version with its balance and warnings, the versions, and what the analysis found. */
export async function viewPlan(deps: Deps, ctx: AccessContext, caseId: string): Promise<PlanPageView> {
  const today = municipalToday(deps.clock);
  return withCase(deps, ctx, caseId, 'view', DATA_CATEGORY, async (tx, c) => {
    const facts = await findPlanFacts(tx, c, today);
    const page = await buildPlanPage(tx, c, facts, today);
    await logCaseAccess(tx, ctx, c, {
      action: 'read',
      event: 'plan.viewed',
      dataCategory: DATA_CATEGORY,
      permission: 'case:read',
    });
    return page;
  });
}

/** One version of the plan (for the side-by-side comparison). */
export async function viewPlanVersion(
  deps: Deps,
  ctx: AccessContext,
  caseId: string,
  number: number,
): Promise<PlanVersionView> {
  const today = municipalToday(deps.clock);
  return withCase(deps, ctx, caseId, 'view', DATA_CATEGORY, async (tx, c) => {
    const v = await findVersionByNumber(tx, c.id, number);
    if (!v) throw new AppError('not_found');
    const facts = await findPlanFacts(tx, c, today);
    const view = await loadVersionView(tx, v.id, { analysisDeadline: facts.analysisDeadline, today });
    await logCaseAccess(tx, ctx, c, {
      action: 'read',
      event: 'plan.version_viewed',
      dataCategory: DATA_CATEGORY,
      permission: 'case:read',
      detail: { number },
    });
    return view;
  });
}

/** Services from the catalogue for a life domain: general and collective first, then group offers, then tailored. */
export async function suggestServices(deps: Deps, ctx: AccessContext, caseId: string, domain: string) {
  return withCase(deps, ctx, caseId, 'view', DATA_CATEGORY, async (tx) => {
    const services = await listServicesForDomain(tx, domain);
    return { domain, services: orderSuggestions(services.map((s) => ({ ...s, type: s.type as ServiceType }))) };
  });
}

/** Opens the plan of a case with a first draft version. */
export async function startPlan(
  deps: Deps,
  ctx: AccessContext,
  caseId: string,
  input: { startsOn: string },
): Promise<PlanPageView> {
  const today = municipalToday(deps.clock);
  return withCase(deps, ctx, caseId, 'work', DATA_CATEGORY, async (tx, c) => {
    if (await findPlanOfCase(tx, c.id)) throw new AppError('plan_exists');
    const plan = await tx
      .insertInto('plan')
      .values({ tenant_id: ctx.actor.tenantId, case_id: c.id, created_by: ctx.actor.userId })
      .onConflict((oc) => oc.column('case_id').doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!plan) throw new AppError('plan_exists');
    await tx
      .insertInto('plan_version')
      .values({
        tenant_id: ctx.actor.tenantId,
        plan_id: plan.id,
        number: 1,
        status: 'draft',
        starts_on: input.startsOn,
        change_reason: null,
        created_by: ctx.actor.userId,
      })
      .execute();
    await advanceCasePhase(tx, c.id, 'plan');
    await logCaseAccess(tx, ctx, c, {
      action: 'create',
      event: 'plan.started',
      dataCategory: DATA_CATEGORY,
      permission: 'case:read',
    });
    return buildPlanPage(tx, c, await findPlanFacts(tx, c, today), today);
  });
}

type Change = (tx: Tx, c: CaseRow, v: VersionRow, facts: PlanFacts) => Promise<void>;

/**
 * The shape of every change: authorise on the case, lock the current version, refuse a frozen one (409
 * plan_frozen) or a stale one (409 version_conflict), change, raise the version, log, answer with the page.
 * `allowAgreed` is for progress on actions, which goes on while the agreed plan is carried out.
 */
export async function changePlan(
  deps: Deps,
  ctx: AccessContext,
  caseId: string,
  expectedVersion: number,
  e: { event: string; action?: 'create' | 'update' | 'delete'; allowAgreed?: boolean },
  change: Change,
): Promise<PlanPageView> {
  const today = municipalToday(deps.clock);
  return withCase(deps, ctx, caseId, 'work', DATA_CATEGORY, async (tx, c) => {
    const v = await findCurrentVersion(tx, c.id, true);
    if (!v) throw new AppError('plan_not_found');
    if (v.status !== 'draft' && !(e.allowAgreed && v.status === 'agreed')) throw new AppError('plan_frozen');
    if (v.version !== expectedVersion) throw new AppError('version_conflict');
    const facts = await findPlanFacts(tx, c, today);
    await change(tx, c, v, facts);
    if (!(await bumpVersion(tx, v.id, expectedVersion))) throw new AppError('version_conflict');
    await logCaseAccess(tx, ctx, c, {
      action: e.action ?? 'update',
      event: e.event,
      dataCategory: DATA_CATEGORY,
      permission: 'case:read',
      detail: { number: v.number },
    });
    return buildPlanPage(tx, c, facts, today);
  });
}

export interface GoalInput {
  version: number;
  domain: string;
  problem: string;
  goal: string;
  intendedResult?: string | undefined;
  solutions?: string | undefined;
  fromResidentPlan: boolean;
}

export const addGoal = (deps: Deps, ctx: AccessContext, caseId: string, input: GoalInput) =>
  changePlan(
    deps,
    ctx,
    caseId,
    input.version,
    { event: 'plan.goal_added', action: 'create' },
    async (tx, _c, v, facts) => {
      const zrm = facts.latestZrm.find((z) => z.domain === input.domain);
      await tx
        .insertInto('plan_goal')
        .values({
          tenant_id: ctx.actor.tenantId,
          plan_version_id: v.id,
          position: await nextPosition(tx, 'plan_goal', v.id),
          domain: input.domain,
          zrm_score: zrm?.score ?? null,
          zrm_assessed_on: zrm?.assessedOn ?? null,
          problem: input.problem,
          goal: input.goal,
          intended_result: input.intendedResult ?? null,
          solutions: input.solutions ?? null,
          from_resident_plan: input.fromResidentPlan,
        })
        .execute();
    },
  );

export const changeGoal = (deps: Deps, ctx: AccessContext, caseId: string, goalId: string, input: GoalInput) =>
  changePlan(deps, ctx, caseId, input.version, { event: 'plan.goal_changed' }, async (tx, _c, v, facts) => {
    const goal = await findGoal(tx, v.id, goalId);
    if (!goal) throw new AppError('not_found');
    const zrm = facts.latestZrm.find((z) => z.domain === input.domain);
    await tx
      .updateTable('plan_goal')
      .set({
        domain: input.domain,
        ...(goal.domain !== input.domain
          ? { zrm_score: zrm?.score ?? null, zrm_assessed_on: zrm?.assessedOn ?? null }
          : {}),
        problem: input.problem,
        goal: input.goal,
        intended_result: input.intendedResult ?? null,
        solutions: input.solutions ?? null,
        from_resident_plan: input.fromResidentPlan,
      })
      .where('id', '=', goal.id)
      .execute();
  });

export const removeGoal = (deps: Deps, ctx: AccessContext, caseId: string, goalId: string, version: number) =>
  changePlan(deps, ctx, caseId, version, { event: 'plan.goal_removed', action: 'delete' }, async (tx, _c, v) => {
    const goal = await findGoal(tx, v.id, goalId);
    if (!goal) throw new AppError('not_found');
    await tx.deleteFrom('plan_action').where('goal_id', '=', goal.id).execute();
    await tx.deleteFrom('plan_goal').where('id', '=', goal.id).execute();
  });

export interface ActionInput {
  version: number;
  description: string;
  performer?: string | undefined;
  performerName?: string | undefined;
  serviceId?: string | undefined;
  dueOn?: string | undefined;
  status: string;
  progressNote?: string | undefined;
}

async function checkAction(tx: Tx, v: VersionRow, input: ActionInput): Promise<void> {
  const errors = checkDueDate(input.dueOn, v.starts_on);
  if (input.serviceId && !(await findActiveService(tx, input.serviceId)))
    errors.serviceId = ['Deze voorziening staat niet (meer) in de sociale kaart.'];
  if (Object.keys(errors).length) throw new AppError('validation_failed', { fieldErrors: errors });
}

const actionColumns = (input: ActionInput) => ({
  description: input.description,
  performer: input.performer ?? null,
  performer_name: input.performerName ?? null,
  service_id: input.serviceId ?? null,
  due_on: input.dueOn ?? null,
  status: input.status,
  progress_note: input.progressNote ?? null,
});

export const addAction = (deps: Deps, ctx: AccessContext, caseId: string, goalId: string, input: ActionInput) =>
  changePlan(deps, ctx, caseId, input.version, { event: 'plan.action_added', action: 'create' }, async (tx, _c, v) => {
    const goal = await findGoal(tx, v.id, goalId);
    if (!goal) throw new AppError('not_found');
    await checkAction(tx, v, input);
    await tx
      .insertInto('plan_action')
      .values({
        tenant_id: ctx.actor.tenantId,
        goal_id: goal.id,
        position: await nextPosition(tx, 'plan_action', goal.id),
        ...actionColumns(input),
      })
      .execute();
  });

export const changeAction = (deps: Deps, ctx: AccessContext, caseId: string, actionId: string, input: ActionInput) =>
  changePlan(deps, ctx, caseId, input.version, { event: 'plan.action_changed' }, async (tx, _c, v) => {
    const action = await findAction(tx, v.id, actionId);
    if (!action) throw new AppError('not_found');
    await checkAction(tx, v, input);
    await tx.updateTable('plan_action').set(actionColumns(input)).where('id', '=', action.id).execute();
  });

export const removeAction = (deps: Deps, ctx: AccessContext, caseId: string, actionId: string, version: number) =>
  changePlan(deps, ctx, caseId, version, { event: 'plan.action_removed', action: 'delete' }, async (tx, _c, v) => {
    const action = await findAction(tx, v.id, actionId);
    if (!action) throw new AppError('not_found');
    await tx.deleteFrom('plan_action').where('id', '=', action.id).execute();
  });

/** Status and progress note of an action: also on the agreed version, while the plan is carried out. */
export const recordActionProgress = (
  deps: Deps,
  ctx: AccessContext,
  caseId: string,
  actionId: string,
  input: { version: number; status: string; progressNote?: string | undefined },
) =>
  changePlan(
    deps,
    ctx,
    caseId,
    input.version,
    { event: 'plan.action_progressed', allowAgreed: true },
    async (tx, _c, v) => {
      const action = await findAction(tx, v.id, actionId);
      if (!action) throw new AppError('not_found');
      await tx
        .updateTable('plan_action')
        .set({ status: input.status, progress_note: input.progressNote ?? null })
        .where('id', '=', action.id)
        .execute();
    },
  );

export const setCoordination = (
  deps: Deps,
  ctx: AccessContext,
  caseId: string,
  input: {
    version: number;
    coordination: string;
    coordinatorName?: string | undefined;
    coordinatorContact?: string | undefined;
  },
) =>
  changePlan(deps, ctx, caseId, input.version, { event: 'plan.coordination_set' }, async (tx, _c, v) => {
    await tx
      .updateTable('plan_version')
      .set({
        coordination: input.coordination,
        coordinator_name: input.coordinatorName ?? null,
        coordinator_contact: input.coordinatorContact ?? null,
      })
      .where('id', '=', v.id)
      .execute();
  });

export const addParty = (
  deps: Deps,
  ctx: AccessContext,
  caseId: string,
  input: {
    version: number;
    name: string;
    organisation?: string | undefined;
    part: string;
    place?: string | undefined;
    timing?: string | undefined;
  },
) =>
  changePlan(deps, ctx, caseId, input.version, { event: 'plan.party_added', action: 'create' }, async (tx, _c, v) => {
    await tx
      .insertInto('plan_party')
      .values({
        tenant_id: ctx.actor.tenantId,
        plan_version_id: v.id,
        name: input.name,
        organisation: input.organisation ?? null,
        part: input.part,
        place: input.place ?? null,
        timing: input.timing ?? null,
      })
      .execute();
  });

export const removeParty = (deps: Deps, ctx: AccessContext, caseId: string, partyId: string, version: number) =>
  changePlan(deps, ctx, caseId, version, { event: 'plan.party_removed', action: 'delete' }, async (tx, _c, v) => {
    const r = await tx
      .deleteFrom('plan_party')
      .where('id', '=', partyId)
      .where('plan_version_id', '=', v.id)
      .executeTakeFirst();
    if (Number(r.numDeletedRows) !== 1) throw new AppError('not_found');
  });

/** A file sent as base64, checked by its content (PDF, PNG or JPEG) and size; `field` names it in the errors. */
/** An upload without content is not "too big": it says it is empty (issue #21 item 14). */
export const EMPTY_FILE_MESSAGE = 'Het bestand is leeg. Kies een bestand met inhoud.';

export function decodeUpload(
  file: { filename: string; contentBase64: string },
  field: string,
): { filename: string; content: Buffer; mediaType: string } {
  const content = Buffer.from(file.contentBase64, 'base64');
  const mediaType = sniffAttachment(content);
  if (content.length === 0) throw new AppError('empty_file', { fieldErrors: { [field]: [EMPTY_FILE_MESSAGE] } });
  if (content.length > ATTACHMENT_LIMITS.maxBytes)
    throw new AppError('validation_failed', { fieldErrors: { [field]: ['Een bestand mag hoogstens 5 MB zijn.'] } });
  if (!mediaType)
    throw new AppError('validation_failed', {
      fieldErrors: { [field]: ['Alleen PDF-, PNG- en JPEG-bestanden zijn toegestaan. Dit bestand is geen van deze.'] },
    });
  return { filename: file.filename.replace(/[\\/\r\n"]/g, '_'), content, mediaType };
}

/** The household's own plan (familiegroepsplan / persoonlijk plan): typed in and/or uploaded, possibly the leading plan. */
export const attachResidentPlan = (
  deps: Deps,
  ctx: AccessContext,
  caseId: string,
  input: {
    version: number;
    kind: string;
    text?: string | undefined;
    file?: { filename: string; contentBase64: string } | undefined;
    leading: boolean;
  },
) =>
  changePlan(deps, ctx, caseId, input.version, { event: 'plan.resident_plan_recorded' }, async (tx, _c, v) => {
    const upload = input.file ? decodeUpload(input.file, 'file') : undefined;
    const existing = await tx
      .selectFrom('plan_version')
      .select('resident_plan_file_id')
      .where('id', '=', v.id)
      .executeTakeFirstOrThrow();
    if (!input.text && !upload && !existing.resident_plan_file_id) {
      throw new AppError('validation_failed', {
        fieldErrors: { text: ['Typ het plan van het huishouden over of voeg het toe als bestand.'] },
      });
    }
    const fileId = upload
      ? await insertPlanFile(tx, {
          tenantId: ctx.actor.tenantId,
          planId: v.plan_id,
          kind: 'resident_plan',
          filename: upload.filename,
          mediaType: upload.mediaType,
          content: upload.content,
          userId: ctx.actor.userId,
        })
      : existing.resident_plan_file_id;
    await tx
      .updateTable('plan_version')
      .set({
        resident_plan_kind: input.kind,
        resident_plan_text: input.text ?? null,
        resident_plan_file_id: fileId,
        resident_plan_leading: input.leading,
      })
      .where('id', '=', v.id)
      .execute();
  });
