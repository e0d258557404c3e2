import {
  processingBasisProblems,
  type CasePrivacyView,
  type LegalBasisCode,
  type ProcessingPurpose,
} from '@nabij/contracts';
import { AppError } from '../../shared/app-error';
import type { AccessContext } from '../../shared/actor';
import type { Tx } from '../../platform/database/database';
import type { Deps } from '../../platform/deps';
import { logCaseAccess, withCase, type CaseRow } from '../case-files';
import { retentionRows, termsOf, toDueCase } from './retention';
import { fullNameOfRow } from '../../shared/person-name';

const personName = (p: { first_name: string; infix: string | null; last_name: string }) => fullNameOfRow(p);

/** The resident's own statements on a case, newest first. */
export async function statementsOf(tx: Tx, caseId: string) {
  const rows = await tx
    .selectFrom('resident_statement as s')
    .leftJoin('person as p', 'p.id', 's.person_id')
    .leftJoin('app_user as u', 'u.id', 's.recorded_by')
    .leftJoin('avg_request as a', 'a.id', 's.request_id')
    .select([
      's.id',
      'p.first_name',
      'p.infix',
      'p.last_name',
      's.received_on',
      's.statement',
      'u.display_name',
      'a.reference',
      's.via_portal',
    ])
    .where('s.case_id', '=', caseId)
    .orderBy('s.received_on', 'desc')
    .orderBy('s.recorded_at', 'desc')
    .execute();
  return rows.map((s) => ({
    id: s.id,
    personName:
      s.first_name !== null && s.last_name !== null
        ? personName({ first_name: s.first_name, infix: s.infix, last_name: s.last_name })
        : null,
    receivedOn: s.received_on,
    statement: s.statement,
    // A statement sent by the resident through Mijn Nabij has no staff author.
    recordedByName: s.display_name ?? (s.via_portal ? 'de inwoner via Mijn Nabij' : ''),
    requestReference: s.reference,
  }));
}

async function buildView(tx: Tx, c: CaseRow): Promise<CasePrivacyView> {
  const base = await tx
    .selectFrom('case_file as c')
    .leftJoin('app_user as u', 'u.id', 'c.basis_recorded_by')
    .select([
      'c.version',
      'c.legal_bases',
      'c.processing_purposes',
      'c.purpose_description',
      'c.basis_recorded_at',
      'c.consent_kind',
      'u.display_name',
    ])
    .where('c.id', '=', c.id)
    .executeTakeFirstOrThrow();
  const row = (await retentionRows(tx, c.id))[0];
  if (!row) throw new AppError('not_found');
  const retention = toDueCase(row, await termsOf(tx));
  const members = c.personIds.length
    ? await tx
        .selectFrom('person')
        .select(['id', 'first_name', 'infix', 'last_name'])
        .where('id', 'in', c.personIds)
        .orderBy('date_of_birth')
        .execute()
    : [];
  return {
    caseId: c.id,
    version: base.version,
    legalBases: base.legal_bases as LegalBasisCode[],
    purposes: base.processing_purposes as ProcessingPurpose[],
    purposeDescription: base.purpose_description,
    recordedByName: base.display_name,
    recordedAt: base.basis_recorded_at?.toISOString() ?? null,
    consentRecorded: base.consent_kind !== 'none',
    members: members.map((m) => ({ id: m.id, name: personName(m) })),
    retention: {
      regimes: retention.regimes,
      destroyOn: retention.destroyOn,
      closedOn: retention.closedOn,
      lastChangeOn: retention.lastChangeOn,
      postponedUntil: retention.postponedUntil,
      postponeReason: retention.postponeReason,
    },
    statements: await statementsOf(tx, c.id),
  };
}

/** The case's legal basis and purpose, its retention and the resident's own statements (shown on the case page). */
export async function viewCasePrivacy(deps: Deps, ctx: AccessContext, caseId: string): Promise<CasePrivacyView> {
  return withCase(deps, ctx, caseId, 'view', 'case_file', async (tx, c) => {
    const view = await buildView(tx, c);
    await logCaseAccess(tx, ctx, c, {
      action: 'read',
      event: 'case_file.legal_basis_viewed',
      dataCategory: 'case_file',
      permission: 'case:read',
      detail: { statements: view.statements.length },
    });
    return view;
  });
}

/**
 * Records the legal basis and purpose of the processing. Consent is never accepted as a substitute for a missing
 * legal basis (see processingBasisProblems); the check that needs the case — is there consent at all — is done here.
 */
export async function recordProcessing(
  deps: Deps,
  ctx: AccessContext,
  caseId: string,
  input: { legalBases: LegalBasisCode[]; purposes: ProcessingPurpose[]; purposeDescription: string; version: number },
): Promise<CasePrivacyView> {
  return withCase(deps, ctx, caseId, 'work', 'case_file', async (tx, c) => {
    const current = await tx
      .selectFrom('case_file')
      .select(['version', 'consent_kind'])
      .where('id', '=', c.id)
      .executeTakeFirstOrThrow();
    const problems = processingBasisProblems(input, current.consent_kind !== 'none');
    if (problems.length) {
      const fieldErrors: Record<string, string[]> = {};
      for (const p of problems) (fieldErrors[p.field] ??= []).push(p.message);
      throw new AppError('validation_failed', { fieldErrors });
    }
    const r = await tx
      .updateTable('case_file')
      .set((eb) => ({
        legal_bases: [...new Set(input.legalBases)],
        processing_purposes: [...new Set(input.purposes)],
        purpose_description: input.purposeDescription,
        basis_recorded_by: ctx.actor.userId,
        basis_recorded_at: deps.clock.now(),
        version: eb('version', '+', 1),
      }))
      .where('id', '=', c.id)
      .where('version', '=', input.version)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) throw new AppError('version_conflict');
    await logCaseAccess(tx, ctx, c, {
      action: 'update',
      event: 'case_file.legal_basis_recorded',
      dataCategory: 'case_file',
      permission: 'case:read',
      detail: { bases: input.legalBases.join(','), purposes: input.purposes.join(',') },
    });
    return buildView(tx, c);
  });
}

export async function insertStatement(
  tx: Tx,
  ctx: AccessContext,
  c: { id: string; personIds: readonly string[] },
  input: { personId?: string | undefined; receivedOn: string; statement: string; requestId?: string | null },
): Promise<void> {
  if (input.personId && !c.personIds.includes(input.personId))
    throw new AppError('validation_failed', {
      fieldErrors: { personId: ['Kies iemand uit het huishouden van dit dossier.'] },
    });
  await tx
    .insertInto('resident_statement')
    .values({
      tenant_id: ctx.actor.tenantId,
      case_id: c.id,
      person_id: input.personId ?? null,
      request_id: input.requestId ?? null,
      received_on: input.receivedOn,
      statement: input.statement,
      recorded_by: ctx.actor.userId,
    })
    .execute();
}

/** Adds the resident's own statement to the case file, as the case's worker receives it. */
export async function addCaseStatement(
  deps: Deps,
  ctx: AccessContext,
  caseId: string,
  input: { personId?: string | undefined; receivedOn: string; statement: string },
): Promise<CasePrivacyView> {
  return withCase(deps, ctx, caseId, 'work', 'case_file', async (tx, c) => {
    await insertStatement(tx, ctx, c, input);
    await logCaseAccess(tx, ctx, c, {
      action: 'create',
      event: 'resident_statement.added',
      dataCategory: 'case_file',
      permission: 'case:read',
    });
    return buildView(tx, c);
  });
}
