import type { PlanPageView } from '@nabij/contracts';
import { AppError } from '../../shared/app-error';
import type { AccessContext } from '../../shared/actor';
import { municipalToday } from '../../shared/clock';
import type { Tx } from '../../platform/database/database';
import type { Deps } from '../../platform/deps';
import { advanceCasePhase, findPlanFacts, logCaseAccess, withCase, type CaseRow, type PlanFacts } from '../case-files';
import { renderPlanPdf } from './plan-document';
import { checkAgreement } from './plan.domain';
import {
  copyVersion,
  findCurrentVersion,
  findPlanFileContent,
  findPlanOfCase,
  findVersionByNumber,
  insertPlanFile,
  loadVersionView,
} from './plan.store';
import { buildPlanPage, decodeUpload } from './work-on-plan';

const DATA_CATEGORY = 'plan';

export interface AgreeInput {
  version: number;
  form: 'typed_signature' | 'signed_paper' | 'verbal';
  agreedOn: string;
  agreedByName: string;
  typedSignature?: string | undefined;
  signedPaper?: { filename: string; contentBase64: string } | undefined;
  note?: string | undefined;
}

/** Who records an agreement: a staff member, or the resident agreeing digitally in the portal (no staff author). */
export interface AgreementBy {
  tenantId: string;
  userId: string | null;
  residentAccountId?: string | null;
}

/**
 * The household agrees to the current draft, in the caller's transaction (after the caller authorised it): the
 * version is frozen, earlier agreed versions are superseded, and the plan document (PDF) is rendered and stored
 * with the version. Refused for a version that is not the current draft or was changed since the client saw it
 * (409), without goals, and in a household with minors before the child safety assessment. Used by the worker's
 * plan page and by the resident portal (digital agreement, ADR 0022).
 */
export async function agreeDraft(
  deps: Deps,
  tx: Tx,
  c: CaseRow,
  by: AgreementBy,
  input: AgreeInput,
  today: string,
): Promise<{ number: number; facts: PlanFacts }> {
  const v = await findCurrentVersion(tx, c.id, true);
  if (!v) throw new AppError('plan_not_found');
  if (v.status !== 'draft') throw new AppError('plan_frozen');
  if (v.version !== input.version) throw new AppError('version_conflict');
  const facts = await findPlanFacts(tx, c, today);
  const goals = await tx.selectFrom('plan_goal').select('id').where('plan_version_id', '=', v.id).execute();
  const allowed = checkAgreement({
    status: v.status,
    goalCount: goals.length,
    hasMinors: facts.hasMinors,
    childSafetyAssessed: facts.childSafetyAssessed,
  });
  if (!allowed.ok) throw new AppError(allowed.error);
  if (input.agreedOn < v.starts_on) {
    throw new AppError('validation_failed', {
      fieldErrors: { agreedOn: [`De datum ligt voor de start van het plan (${v.starts_on}).`] },
    });
  }
  const paper =
    input.form === 'signed_paper' && input.signedPaper ? decodeUpload(input.signedPaper, 'signedPaper') : undefined;
  const paperId = paper
    ? await insertPlanFile(tx, {
        tenantId: by.tenantId,
        planId: v.plan_id,
        kind: 'signed_agreement',
        filename: paper.filename,
        mediaType: paper.mediaType,
        content: paper.content,
        userId: by.userId,
      })
    : null;
  await tx
    .updateTable('plan_version')
    .set({ status: 'superseded' })
    .where('plan_id', '=', v.plan_id)
    .where('status', '=', 'agreed')
    .execute();
  await tx
    .updateTable('plan_version')
    .set((eb) => ({
      status: 'agreed',
      agreement_form: input.form,
      agreed_on: input.agreedOn,
      agreed_by_name: input.agreedByName,
      typed_signature: input.form === 'typed_signature' ? (input.typedSignature ?? null) : null,
      agreement_note: input.note ?? null,
      agreement_file_id: paperId,
      agreement_recorded_by: by.userId,
      agreement_recorded_at: deps.clock.now(),
      agreed_by_account_id: by.residentAccountId ?? null,
      version: eb('version', '+', 1),
    }))
    .where('id', '=', v.id)
    .execute();
  const agreed = await loadVersionView(tx, v.id, { analysisDeadline: facts.analysisDeadline, today });
  const pdf = await renderPlanPdf(facts, agreed);
  const documentId = await insertPlanFile(tx, {
    tenantId: by.tenantId,
    planId: v.plan_id,
    kind: 'plan_document',
    filename: `plan-versie-${v.number}.pdf`,
    mediaType: 'application/pdf',
    content: pdf,
    userId: by.userId,
  });
  await tx.updateTable('plan_version').set({ document_file_id: documentId }).where('id', '=', v.id).execute();
  await advanceCasePhase(tx, c.id, 'execution');
  return { number: v.number, facts };
}

/** The worker records the household's agreement on the plan page. */
export async function agreePlan(
  deps: Deps,
  ctx: AccessContext,
  caseId: string,
  input: AgreeInput,
): Promise<PlanPageView> {
  const today = municipalToday(deps.clock);
  return withCase(deps, ctx, caseId, 'work', DATA_CATEGORY, async (tx, c) => {
    const { number, facts } = await agreeDraft(
      deps,
      tx,
      c,
      { tenantId: ctx.actor.tenantId, userId: ctx.actor.userId },
      input,
      today,
    );
    await logCaseAccess(tx, ctx, c, {
      action: 'update',
      event: 'plan.agreed',
      dataCategory: DATA_CATEGORY,
      permission: 'case:read',
      detail: { number, form: input.form },
    });
    return buildPlanPage(tx, c, facts, today);
  });
}

/** A change after agreement: a new draft version, a copy of the agreed one, with the reason. */
export async function revisePlan(
  deps: Deps,
  ctx: AccessContext,
  caseId: string,
  input: { version: number; reason: string },
): Promise<PlanPageView> {
  const today = municipalToday(deps.clock);
  return withCase(deps, ctx, caseId, 'work', DATA_CATEGORY, async (tx, c) => {
    const v = await findCurrentVersion(tx, c.id, true);
    if (!v) throw new AppError('plan_not_found');
    if (v.status === 'draft') throw new AppError('plan_not_agreed');
    if (v.version !== input.version) throw new AppError('version_conflict');
    await copyVersion(tx, ctx.actor.tenantId, v, input.reason, ctx.actor.userId);
    await logCaseAccess(tx, ctx, c, {
      action: 'create',
      event: 'plan.revised',
      dataCategory: DATA_CATEGORY,
      permission: 'case:read',
      detail: { from: v.number, to: v.number + 1 },
    });
    return buildPlanPage(tx, c, await findPlanFacts(tx, c, today), today);
  });
}

/** The plan document of a version: the stored one when agreed, otherwise rendered now and marked as a draft. */
export async function printPlan(
  deps: Deps,
  ctx: AccessContext,
  caseId: string,
  number: number | undefined,
): Promise<{ filename: string; pdf: Buffer }> {
  const today = municipalToday(deps.clock);
  return withCase(deps, ctx, caseId, 'view', DATA_CATEGORY, async (tx, c) => {
    const plan = await findPlanOfCase(tx, c.id);
    const v = number === undefined ? await findCurrentVersion(tx, c.id) : await findVersionByNumber(tx, c.id, number);
    if (!plan || !v) throw new AppError('plan_not_found');
    const facts = await findPlanFacts(tx, c, today);
    const view = await loadVersionView(tx, v.id, { analysisDeadline: facts.analysisDeadline, today });
    const stored = view.document ? await findPlanFileContent(tx, plan.id, view.document.id) : undefined;
    const pdf = stored ? stored.content : await renderPlanPdf(facts, view);
    await logCaseAccess(tx, ctx, c, {
      action: 'print',
      event: 'plan.printed',
      dataCategory: DATA_CATEGORY,
      permission: 'case:read',
      detail: { number: v.number },
    });
    return { filename: `plan-versie-${v.number}${stored ? '' : '-concept'}.pdf`, pdf };
  });
}

/** A file of the plan (the household's own plan, a signed agreement, a stored plan document). */
export async function downloadPlanFile(deps: Deps, ctx: AccessContext, caseId: string, fileId: string) {
  return withCase(deps, ctx, caseId, 'view', DATA_CATEGORY, async (tx, c) => {
    const plan = await findPlanOfCase(tx, c.id);
    const file = plan ? await findPlanFileContent(tx, plan.id, fileId) : undefined;
    if (!file) throw new AppError('not_found');
    await logCaseAccess(tx, ctx, c, {
      action: 'read',
      event: 'plan.file_downloaded',
      dataCategory: DATA_CATEGORY,
      permission: 'case:read',
      detail: { fileId },
    });
    return { filename: file.filename, mediaType: file.media_type, content: file.content };
  });
}
