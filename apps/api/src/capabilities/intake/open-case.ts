import { addDays, type OpenCaseNotice } from '@nabij/contracts';
import { AppError } from '../../shared/app-error';
import type { AccessContext } from '../../shared/actor';
import { municipalToday } from '../../shared/clock';
import type { Tx } from '../../platform/database/database';
import type { Deps } from '../../platform/deps';
import { recordAccessMany } from '../audit';
import { caseFileOfReferral, decideOpenCaseLink, findOpenCasesFor, openCaseLinkOf } from '../case-files';
import { canAssign } from './intake.policy';
import { getVisibleReferral, logReferralAccess } from './work-on-referral';

/**
 * One household, one plan, one coordinator (issue #17 item 7, ADR 0033). A referral for a person or household with an
 * open case joins that case as a new question (same contact person) instead of opening a second, parallel case —
 * unless the intake meeting or the coordinator records why a parallel case is needed.
 */

export interface OpenCase extends OpenCaseNotice {
  teamId: string;
  caseWorkerId: string;
  phase: string;
}

/** The persons and household a referral is linked to (after the regiecheck). */
async function subjectsOf(tx: Tx, referralId: string) {
  const persons = await tx
    .selectFrom('referral_person')
    .select('person_id')
    .where('referral_id', '=', referralId)
    .where('person_id', 'is not', null)
    .execute();
  const referral = await tx
    .selectFrom('referral')
    .select('household_id')
    .where('id', '=', referralId)
    .executeTakeFirst();
  return {
    personIds: persons.map((p) => p.person_id).filter((x): x is string => x !== null),
    householdIds: referral?.household_id ? [referral.household_id] : [],
  };
}

/** The open cases of the referral's persons or household, oldest first. */
export async function openCasesOfReferral(tx: Tx, referralId: string): Promise<OpenCase[]> {
  const { personIds, householdIds } = await subjectsOf(tx, referralId);
  const rows = await findOpenCasesFor(tx, personIds, householdIds);
  return rows.map((r) => ({
    caseId: r.id,
    reference: r.reference,
    workerName: r.worker_name,
    teamName: r.team_name,
    teamId: r.team_id,
    caseWorkerId: r.case_worker_id,
    phase: r.phase,
  }));
}

/** The open cases of persons found by the regiecheck, or of their households, as notices. */
export async function openCasesOfPersons(
  tx: Tx,
  personIds: readonly string[],
  householdIds: readonly string[],
): Promise<OpenCaseNotice[]> {
  const rows = await findOpenCasesFor(tx, personIds, [...new Set(householdIds)]);
  return rows.map((r) => ({ caseId: r.id, reference: r.reference, workerName: r.worker_name, teamName: r.team_name }));
}

export const toNotice = (c: OpenCase): OpenCaseNotice => ({
  caseId: c.caseId,
  reference: c.reference,
  workerName: c.workerName,
  teamName: c.teamName,
});

/** The Dutch sentence the regiecheck, the meeting and the assignment show. */
export const openCaseSentence = (c: OpenCaseNotice): string =>
  `Er is al een lopend dossier ${c.reference ?? ''} bij ${c.workerName} (${c.teamName}).`.replace('  ', ' ');

/**
 * Adds the referral to the open case as a new question: the link records it, the case worker gets a task to take the
 * new question up with the household, and the referral closes (it has no case of its own).
 */
export async function joinReferralToCase(
  tx: Tx,
  ctx: AccessContext,
  referral: { id: string; reference: string; teamId: string; personIds: readonly string[] },
  open: OpenCase,
  today: string,
): Promise<void> {
  await decideOpenCaseLink(tx, ctx, {
    caseId: open.caseId,
    casePhase: open.phase,
    referralId: referral.id,
    outcome: 'joined',
    reason: null,
  });
  await tx
    .updateTable('referral')
    .set((eb) => ({ status: 'closed', version: eb('version', '+', 1) }))
    .where('id', '=', referral.id)
    .execute();
  await tx
    .insertInto('task')
    .values({
      tenant_id: ctx.actor.tenantId,
      team_id: open.teamId,
      case_id: open.caseId,
      kind: 'manual',
      title: `Nieuwe aanmelding ${referral.reference} is aan dit dossier toegevoegd: bespreek de nieuwe vraag met het huishouden en neem haar op in het plan`,
      due_on: addDays(today, 5),
      assignee_id: open.caseWorkerId,
      source_key: null,
      created_by: ctx.actor.userId,
    })
    .execute();
  await recordAccessMany(
    tx,
    ctx,
    {
      action: 'update',
      event: 'referral.joined_open_case',
      dataCategory: 'referral',
      permission: 'case:assign',
      caseId: open.caseId,
      teamId: referral.teamId,
      detail: { referralId: referral.id, caseId: open.caseId },
    },
    referral.personIds.length ? [...referral.personIds] : [null],
  );
}

/** Records why a parallel case is opened for a household that has an open case (kept on the link, and logged). */
export async function recordParallelCase(
  tx: Tx,
  ctx: AccessContext,
  referral: { id: string; teamId: string; personIds: readonly string[] },
  open: OpenCase,
  reason: string,
): Promise<void> {
  await decideOpenCaseLink(tx, ctx, {
    caseId: open.caseId,
    casePhase: open.phase,
    referralId: referral.id,
    outcome: 'parallel_case',
    reason,
  });
  await recordAccessMany(
    tx,
    ctx,
    {
      action: 'update',
      event: 'referral.parallel_case_decided',
      dataCategory: 'referral',
      permission: 'referral:write',
      caseId: open.caseId,
      teamId: referral.teamId,
      detail: { referralId: referral.id, caseId: open.caseId },
    },
    referral.personIds.length ? [...referral.personIds] : [null],
  );
}

/** The refusal when a second case would be opened without a reason. */
export function openCaseExists(open: OpenCase): AppError {
  return new AppError('open_case_exists', {
    message: `${openCaseSentence(open)} Voeg de aanmelding aan dat dossier toe (dezelfde contactpersoon), of leg vast waarom er een tweede dossier nodig is.`,
    openCase: toNotice(open),
  });
}

/**
 * The coordinator adds a decided referral to the household's open case (from the assignment page): the referral
 * closes, the case's worker gets the new question as a task.
 */
export async function joinOpenCase(
  deps: Deps,
  ctx: AccessContext,
  referralId: string,
  input: { version: number; caseId: string },
) {
  const today = municipalToday(deps.clock);
  return deps.db.inTenant(ctx.actor.tenantId, async (tx) => {
    const view = await getVisibleReferral(tx, ctx, referralId, true);
    if (!canAssign(ctx.actor, view)) throw new AppError('forbidden');
    if (await caseFileOfReferral(tx, referralId)) throw new AppError('already_assigned');
    if (view.status !== 'decided' || view.decision?.outcome !== 'take_up') throw new AppError('not_decided');
    if (view.version !== input.version) throw new AppError('version_conflict');
    const open = (await openCasesOfReferral(tx, referralId)).find((c) => c.caseId === input.caseId);
    if (!open)
      throw new AppError('validation_failed', {
        fieldErrors: { caseId: ['Dit is geen lopend dossier van dit huishouden.'] },
      });
    const personIds = view.residents.map((r) => r.personId).filter((x): x is string => x !== null);
    await joinReferralToCase(
      tx,
      ctx,
      { id: referralId, reference: view.reference, teamId: view.teamId, personIds },
      open,
      today,
    );
    await logReferralAccess(tx, ctx, view, {
      action: 'update',
      event: 'referral.closed_joined_case',
      permission: 'case:assign',
      detail: { caseId: open.caseId },
    });
    return { caseId: open.caseId };
  });
}

/** What the meeting page and the assignment page show about a referral and the household's open case. */
export async function openCaseStateOf(tx: Tx, referralId: string) {
  const [open, decided] = await Promise.all([openCasesOfReferral(tx, referralId), openCaseLinkOf(tx, referralId)]);
  return {
    openCase: open[0] ? toNotice(open[0]) : null,
    openCaseOutcome: decided?.outcome ? { outcome: decided.outcome, reason: decided.reason } : null,
  };
}
