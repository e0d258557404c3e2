import { sql } from 'kysely';
import {
  CLOSED_AVG_STATUSES,
  INSPECTION_CATEGORIES,
  personInput,
  type AvgRequestView,
  type AvgStatus,
  type CorrectableField,
  type ErasurePreview,
  type InspectionCategory,
} from '@nabij/contracts';
import { AppError } from '../../shared/app-error';
import { hasPermission, type AccessContext } from '../../shared/actor';
import { municipalToday } from '../../shared/clock';
import type { Tx } from '../../platform/database/database';
import type { Deps } from '../../platform/deps';
import { recordAccess, recordAccessMany } from '../audit';
import { findPerson, searchPersons, toSearchResult, updatePerson, type PersonFields } from '../persons';
import { binaryColumns, casesOfPerson, erasePersonData, insertStatement, statementsOf } from '../retention';
import {
  canExtend,
  exceptionApplies,
  extensionProblem,
  isClosed,
  latestExtension,
  requestDeadline,
} from './avg-rights.domain';
import { nextReference, personName, requestQuery, toSummary, type RequestRow } from './avg-rights.store';
import { renderInspectionPdf } from './copy-document';
import { buildInspectionCopy, type InspectionCopy } from './inspection-copy';

/** Everything here is the privacy officer's: handling a resident's request is a legal obligation (AVG art. 12–22). */
function requireOfficer(ctx: AccessContext): void {
  if (!hasPermission(ctx.actor, 'privacy:manage')) throw new AppError('forbidden');
}
const LEGAL = { legalBasis: 'legal_obligation', permission: 'privacy:manage' } as const;

async function loadRequest(tx: Tx, id: string): Promise<RequestRow> {
  const r = await requestQuery(tx).where('a.id', '=', id).executeTakeFirst();
  if (!r) throw new AppError('not_found');
  return r;
}

/** Finds persons to register a request for: by name or date of birth. The search is logged like any other. */
export async function lookUpPersons(
  deps: Deps,
  ctx: AccessContext,
  q: { name?: string | undefined; dateOfBirth?: string | undefined },
) {
  requireOfficer(ctx);
  const today = municipalToday(deps.clock);
  return deps.db.inTenant(ctx.actor.tenantId, async (tx) => {
    const { rows, truncated } = await searchPersons(tx, q);
    await recordAccessMany(
      tx,
      ctx,
      {
        action: 'search',
        event: 'avg_request.persons_searched',
        dataCategory: 'identity',
        ...LEGAL,
        detail: { byName: Boolean(q.name), byDateOfBirth: Boolean(q.dateOfBirth), resultCount: rows.length },
      },
      rows.length ? rows.map((r) => r.id) : [null],
    );
    return { results: rows.map((r) => toSearchResult(r, today, undefined)), truncated };
  });
}

/** The register: every request with its deadline; open ones first, by the date they are due. */
export async function listRequests(deps: Deps, ctx: AccessContext) {
  requireOfficer(ctx);
  const today = municipalToday(deps.clock);
  return deps.db.inTenant(ctx.actor.tenantId, async (tx) => {
    const rows = await requestQuery(tx).orderBy('a.received_on', 'desc').limit(500).execute();
    const requests = rows.map((r) => toSummary(r, today));
    requests.sort(
      (a, b) =>
        Number(CLOSED_AVG_STATUSES.includes(a.status)) - Number(CLOSED_AVG_STATUSES.includes(b.status)) ||
        a.dueOn.localeCompare(b.dueOn),
    );
    const persons = [...new Set(rows.map((r) => r.person_id).filter((p): p is string => p !== null))];
    await recordAccessMany(
      tx,
      ctx,
      {
        action: 'search',
        event: 'avg_request.listed',
        dataCategory: 'identity',
        ...LEGAL,
        detail: { count: rows.length },
      },
      persons.length ? persons : [null],
    );
    return { today, requests };
  });
}

async function buildView(tx: Tx, r: RequestRow, today: string): Promise<AvgRequestView> {
  const [decisions, corrections, cases] = await Promise.all([
    tx
      .selectFrom('avg_inspection_decision as d')
      .innerJoin('app_user as u', 'u.id', 'd.decided_by')
      .select(['d.category', 'd.include', 'd.reason', 'u.display_name', 'd.decided_at'])
      .where('d.request_id', '=', r.id)
      .execute(),
    tx
      .selectFrom('avg_correction as c')
      .innerJoin('app_user as u', 'u.id', 'c.recorded_by')
      .select(['c.id', 'c.field', 'c.note', 'c.applied', 'u.display_name', 'c.recorded_at'])
      .where('c.request_id', '=', r.id)
      .orderBy('c.recorded_at')
      .execute(),
    r.person_id ? casesOfPerson(tx, r.person_id) : Promise.resolve([]),
  ]);
  const caseRows = cases.length
    ? await tx
        .selectFrom('case_file as c')
        .innerJoin('team as t', 't.id', 'c.team_id')
        .leftJoin('referral as f', 'f.id', 'c.referral_id')
        .select(['c.id', 'f.reference', 't.name', 'c.phase'])
        .where('c.id', 'in', cases)
        .orderBy('c.opened_at')
        .execute()
    : [];
  const statements = (await Promise.all(caseRows.map((c) => statementsOf(tx, c.id))))
    .flat()
    .filter((s) => s.requestReference === r.reference);
  const checker = r.exception_checked_by
    ? await tx.selectFrom('app_user').select('display_name').where('id', '=', r.exception_checked_by).executeTakeFirst()
    : undefined;
  const facts = { receivedOn: r.received_on, deadline: r.deadline, extendedUntil: r.extended_until, status: r.status };
  return {
    ...toSummary(r, today),
    version: r.version,
    channel: r.channel as 'letter',
    description: r.description,
    identityVerified: r.identity_verified,
    extensionReason: r.extension_reason,
    latestExtension: latestExtension(r.received_on),
    canExtend: canExtend(facts, today),
    decisionNotes: r.decision_notes,
    completedOn: r.completed_on,
    person:
      r.person_id && r.first_name !== null && r.last_name !== null && r.person_version !== null
        ? {
            id: r.person_id,
            name: personName({ first_name: r.first_name, infix: r.infix, last_name: r.last_name }),
            dateOfBirth: r.date_of_birth,
            version: r.person_version,
          }
        : null,
    cases: caseRows.map((c) => ({ id: c.id, reference: c.reference, teamName: c.name, phase: c.phase })),
    decisions: decisions.map((d) => ({
      category: d.category as InspectionCategory,
      include: d.include,
      reason: d.reason,
      decidedByName: d.display_name,
      decidedAt: d.decided_at.toISOString(),
    })),
    copyGeneratedAt: r.copy_generated_at?.toISOString() ?? null,
    corrections: corrections.map((c) => ({
      id: c.id,
      field: c.field as CorrectableField,
      note: c.note,
      applied: c.applied,
      recordedByName: c.display_name,
      recordedAt: c.recorded_at.toISOString(),
    })),
    statements,
    exceptionCheck:
      r.exception_checked_at && r.exception_notes !== null
        ? {
            retentionObligation: r.exception_retention_obligation ?? false,
            legalClaim: r.exception_legal_claim ?? false,
            publicInterest: r.exception_public_interest ?? false,
            othersInterest: r.exception_others_interest ?? false,
            notes: r.exception_notes,
            checkedByName: checker?.display_name ?? '',
            checkedAt: r.exception_checked_at.toISOString(),
          }
        : null,
    erasedAt: r.erased_at?.toISOString() ?? null,
  };
}

async function logRequest(
  tx: Tx,
  ctx: AccessContext,
  r: { id: string; person_id: string | null },
  action: 'read' | 'create' | 'update' | 'export',
  event: string,
  detail: Record<string, string | number | boolean> = {},
) {
  await recordAccess(tx, ctx, {
    action,
    event,
    dataCategory: 'identity',
    personId: r.person_id,
    ...LEGAL,
    detail: { requestId: r.id, ...detail },
  });
}

/** Registers a request: its deadline is one month after receipt (AVG art. 12(3)). */
export async function registerRequest(
  deps: Deps,
  ctx: AccessContext,
  input: {
    personId: string;
    kind: string;
    channel: string;
    receivedOn: string;
    description: string;
    identityVerified: boolean;
  },
): Promise<AvgRequestView> {
  requireOfficer(ctx);
  const today = municipalToday(deps.clock);
  if (input.receivedOn > today)
    throw new AppError('validation_failed', {
      fieldErrors: { receivedOn: ['De datum van ontvangst ligt in de toekomst.'] },
    });
  return deps.db.inTenant(ctx.actor.tenantId, async (tx) => {
    if (!(await findPerson(tx, input.personId))) throw new AppError('person_not_found');
    const reference = await nextReference(tx, ctx.actor.tenantId, Number(input.receivedOn.slice(0, 4)));
    const row = await tx
      .insertInto('avg_request')
      .values({
        tenant_id: ctx.actor.tenantId,
        reference,
        person_id: input.personId,
        kind: input.kind,
        channel: input.channel,
        received_on: input.receivedOn,
        deadline: requestDeadline(input.receivedOn),
        extended_until: null,
        extension_reason: null,
        description: input.description,
        identity_verified: input.identityVerified,
        handled_by: ctx.actor.userId,
        decision_notes: null,
        completed_on: null,
        exception_retention_obligation: null,
        exception_legal_claim: null,
        exception_public_interest: null,
        exception_others_interest: null,
        exception_notes: null,
        exception_checked_by: null,
        exception_checked_at: null,
        erased_at: null,
        copy_generated_at: null,
        created_by: ctx.actor.userId,
      })
      .returning(['id', 'person_id'])
      .executeTakeFirstOrThrow();
    await logRequest(tx, ctx, row, 'create', 'avg_request.registered', { kind: input.kind });
    return buildView(tx, await loadRequest(tx, row.id), today);
  });
}

export async function viewRequest(deps: Deps, ctx: AccessContext, id: string): Promise<AvgRequestView> {
  requireOfficer(ctx);
  const today = municipalToday(deps.clock);
  return deps.db.inTenant(ctx.actor.tenantId, async (tx) => {
    const r = await loadRequest(tx, id);
    await logRequest(tx, ctx, r, 'read', 'avg_request.viewed');
    return buildView(tx, r, today);
  });
}

/** Runs a change on an open request with the version the client saw; the handler becomes the actor. */
async function changeOpenRequest(
  deps: Deps,
  ctx: AccessContext,
  id: string,
  version: number | undefined,
  change: (tx: Tx, r: RequestRow, today: string) => Promise<void>,
): Promise<AvgRequestView> {
  requireOfficer(ctx);
  const today = municipalToday(deps.clock);
  return deps.db.inTenant(ctx.actor.tenantId, async (tx) => {
    const r = await loadRequest(tx, id);
    if (isClosed(r.status)) throw new AppError('request_closed');
    if (version !== undefined && version !== r.version) throw new AppError('version_conflict');
    await change(tx, r, today);
    const bumped = await tx
      .updateTable('avg_request')
      .set((eb) => ({ handled_by: ctx.actor.userId, updated_at: deps.clock.now(), version: eb('version', '+', 1) }))
      .where('id', '=', id)
      .where('version', '=', r.version)
      .executeTakeFirst();
    if (Number(bumped.numUpdatedRows) !== 1) throw new AppError('version_conflict');
    return buildView(tx, await loadRequest(tx, id), today);
  });
}

export const changeRequestStatus = (
  deps: Deps,
  ctx: AccessContext,
  id: string,
  input: { status: AvgStatus; decisionNotes?: string | undefined; version: number },
) =>
  changeOpenRequest(deps, ctx, id, input.version, async (tx, r, today) => {
    const closing = CLOSED_AVG_STATUSES.includes(input.status);
    await tx
      .updateTable('avg_request')
      .set({
        status: input.status,
        decision_notes: input.decisionNotes ?? r.decision_notes,
        completed_on: closing ? today : null,
      })
      .where('id', '=', r.id)
      .execute();
    await logRequest(tx, ctx, r, 'update', 'avg_request.status_changed', { status: input.status });
  });

/** Extends the deadline by at most two months, within the first month, with the reason told to the resident. */
export const extendRequest = (
  deps: Deps,
  ctx: AccessContext,
  id: string,
  input: { extendedUntil: string; reason: string; version: number },
) =>
  changeOpenRequest(deps, ctx, id, input.version, async (tx, r, today) => {
    const problem = extensionProblem(
      { receivedOn: r.received_on, deadline: r.deadline, extendedUntil: r.extended_until, status: r.status },
      input.extendedUntil,
      today,
    );
    if (problem) throw new AppError('validation_failed', { fieldErrors: { extendedUntil: [problem] } });
    await tx
      .updateTable('avg_request')
      .set({ extended_until: input.extendedUntil, extension_reason: input.reason })
      .where('id', '=', r.id)
      .execute();
    await logRequest(tx, ctx, r, 'update', 'avg_request.extended', { extendedUntil: input.extendedUntil });
  });

/** Records the decision to include or exclude one shielded category in the inspection copy (logged). */
export const decideCategory = (
  deps: Deps,
  ctx: AccessContext,
  id: string,
  category: InspectionCategory,
  input: { include: boolean; reason: string },
) =>
  changeOpenRequest(deps, ctx, id, undefined, async (tx, r) => {
    if (r.kind !== 'inspection') throw new AppError('wrong_request_kind');
    const values = {
      include: input.include,
      reason: input.reason,
      decided_by: ctx.actor.userId,
      decided_at: deps.clock.now(),
    };
    await tx
      .insertInto('avg_inspection_decision')
      .values({ request_id: r.id, tenant_id: ctx.actor.tenantId, category, ...values })
      .onConflict((oc) => oc.columns(['request_id', 'category']).doUpdateSet(values))
      .execute();
    await logRequest(tx, ctx, r, 'update', 'avg_request.inspection_decision_recorded', {
      category,
      include: input.include,
    });
  });

export interface CopyFile {
  filename: string;
  mediaType: string;
  content: Buffer;
}

/**
 * The inspection copy as PDF or JSON, made on demand (never stored). Refused until every shielded category has a
 * recorded decision. The export is logged per case it covers, with how many rows each decision withheld.
 */
export async function exportInspectionCopy(
  deps: Deps,
  ctx: AccessContext,
  id: string,
  format: 'pdf' | 'json',
): Promise<CopyFile> {
  requireOfficer(ctx);
  const now = deps.clock.now();
  const { copy, binary } = await deps.db.inTenant(ctx.actor.tenantId, async (tx) => {
    const r = await loadRequest(tx, id);
    if (r.kind !== 'inspection') throw new AppError('wrong_request_kind');
    if (!r.person_id) throw new AppError('person_not_found');
    const decided = await tx
      .selectFrom('avg_inspection_decision')
      .select(['category', 'include'])
      .where('request_id', '=', r.id)
      .execute();
    const include = Object.fromEntries(decided.map((d) => [d.category, d.include])) as Record<
      InspectionCategory,
      boolean
    >;
    if (INSPECTION_CATEGORIES.some((c) => include[c] === undefined)) throw new AppError('inspection_decisions_missing');
    const tenant = await tx
      .selectFrom('tenant')
      .select('name')
      .where('id', '=', ctx.actor.tenantId)
      .executeTakeFirstOrThrow();
    const built = await buildInspectionCopy(tx, {
      personId: r.person_id,
      request: { reference: r.reference, receivedOn: r.received_on },
      include,
      generatedAt: now,
      municipality: tenant.name,
    });
    await tx.updateTable('avg_request').set({ copy_generated_at: now }).where('id', '=', r.id).execute();
    const detail = {
      requestId: r.id,
      format,
      tables: Object.keys(built.copy.data).length,
      rows: Object.values(built.copy.data).reduce((n, rows) => n + rows.length, 0),
      ...Object.fromEntries(Object.entries(built.withheld).map(([k, v]) => [`withheld_${k}`, v])),
    };
    const entry = {
      action: 'export' as const,
      event: 'avg_request.inspection_copy_exported',
      dataCategory: 'case_file',
      ...LEGAL,
      detail,
    };
    for (const caseId of built.caseIds) await recordAccessMany(tx, ctx, { ...entry, caseId }, [r.person_id]);
    if (built.caseIds.length === 0) await recordAccessMany(tx, ctx, entry, [r.person_id]);
    return { copy: built.copy, binary: await binaryColumns(tx) };
  });
  const base = `inzage-${copy.request.reference}`;
  if (format === 'json')
    return {
      filename: `${base}.json`,
      mediaType: 'application/json; charset=utf-8',
      content: Buffer.from(JSON.stringify(copy, null, 2), 'utf8'),
    };
  return {
    filename: `${base}.pdf`,
    mediaType: 'application/pdf',
    content: await renderInspectionPdf(copy satisfies InspectionCopy, binary),
  };
}

const FIELD_COLUMN: Record<Exclude<CorrectableField, 'other'>, keyof PersonFields> = {
  firstName: 'firstName',
  infix: 'infix',
  lastName: 'lastName',
  dateOfBirth: 'dateOfBirth',
  street: 'street',
  houseNumber: 'houseNumber',
  houseNumberAddition: 'houseNumberAddition',
  postcode: 'postcode',
  city: 'city',
  phone: 'phone',
  email: 'email',
  preferredLanguage: 'preferredLanguage',
};

/**
 * Correction (AVG art. 16): a person field is changed through the persons capability's own rules (the same
 * validation as the person form) and recorded with its note — which field, not the old value. Anything else
 * ("other") is recorded for the case's worker to correct in the file.
 */
export const recordCorrection = (
  deps: Deps,
  ctx: AccessContext,
  id: string,
  input: { field: CorrectableField; value?: string | undefined; note: string },
) =>
  changeOpenRequest(deps, ctx, id, undefined, async (tx, r) => {
    if (r.kind !== 'correction') throw new AppError('wrong_request_kind');
    if (!r.person_id) throw new AppError('person_not_found');
    let applied = false;
    if (input.field !== 'other') {
      const p = await findPerson(tx, r.person_id);
      if (!p) throw new AppError('person_not_found');
      const current = {
        firstName: p.first_name,
        infix: p.infix ?? undefined,
        lastName: p.last_name,
        dateOfBirth: p.date_of_birth ?? undefined,
        bsn: p.bsn ?? undefined,
        postcode: p.postcode ?? undefined,
        houseNumber: p.house_number ?? undefined,
        houseNumberAddition: p.house_number_addition ?? undefined,
        street: p.street ?? undefined,
        city: p.city ?? undefined,
        phone: p.phone ?? undefined,
        email: p.email ?? undefined,
        preferredLanguage: p.preferred_language ?? undefined,
        interpreterNeeded: p.interpreter_needed,
      };
      const parsed = personInput.safeParse({ ...current, [FIELD_COLUMN[input.field]]: input.value ?? '' });
      if (!parsed.success)
        throw new AppError('validation_failed', { fieldErrors: { value: parsed.error.issues.map((i) => i.message) } });
      if (!(await updatePerson(tx, r.person_id, p.version, ctx.actor.userId, parsed.data)))
        throw new AppError('version_conflict');
      await recordAccess(tx, ctx, {
        action: 'update',
        event: 'person.corrected',
        dataCategory: 'identity',
        personId: r.person_id,
        ...LEGAL,
        detail: { requestId: r.id, field: input.field },
      });
      applied = true;
    }
    await tx
      .insertInto('avg_correction')
      .values({
        tenant_id: ctx.actor.tenantId,
        request_id: r.id,
        field: input.field,
        note: input.note,
        applied,
        recorded_by: ctx.actor.userId,
      })
      .execute();
    await logRequest(tx, ctx, r, 'update', 'avg_request.correction_recorded', { field: input.field, applied });
  });

/** The resident's own statement, added to one of their case files through the request (logged on the case). */
export async function addRequestStatement(
  deps: Deps,
  ctx: AccessContext,
  id: string,
  input: { caseId: string; receivedOn: string; statement: string },
): Promise<AvgRequestView> {
  requireOfficer(ctx);
  const today = municipalToday(deps.clock);
  return deps.db.inTenant(ctx.actor.tenantId, async (tx) => {
    const r = await loadRequest(tx, id);
    if (r.kind !== 'statement' && r.kind !== 'correction') throw new AppError('wrong_request_kind');
    if (isClosed(r.status)) throw new AppError('request_closed');
    if (!r.person_id) throw new AppError('person_not_found');
    if (!(await casesOfPerson(tx, r.person_id)).includes(input.caseId))
      throw new AppError('validation_failed', { fieldErrors: { caseId: ['Kies een dossier van deze inwoner.'] } });
    const c = await tx
      .selectFrom('case_file')
      .select(['id', 'team_id'])
      .where('id', '=', input.caseId)
      .executeTakeFirstOrThrow();
    await insertStatement(
      tx,
      ctx,
      { id: c.id, personIds: [r.person_id] },
      { personId: r.person_id, receivedOn: input.receivedOn, statement: input.statement, requestId: r.id },
    );
    await recordAccess(tx, ctx, {
      action: 'create',
      event: 'resident_statement.added',
      dataCategory: 'case_file',
      personId: r.person_id,
      caseId: c.id,
      teamId: c.team_id,
      ...LEGAL,
      detail: { requestId: r.id },
    });
    return buildView(tx, await loadRequest(tx, r.id), today);
  });
}

/**
 * What erasing the request's person will do, before it is confirmed: the erasure itself is run inside a savepoint
 * and rolled back (without destruction record or log rows), so the list is exactly what the confirmation does on
 * the data as it is now. The preview is logged (it shows which files the person is part of).
 */
export async function previewErasure(deps: Deps, ctx: AccessContext, id: string): Promise<ErasurePreview> {
  requireOfficer(ctx);
  const today = municipalToday(deps.clock);
  return deps.db.inTenant(ctx.actor.tenantId, async (tx) => {
    const r = await loadRequest(tx, id);
    if (r.kind !== 'erasure') throw new AppError('wrong_request_kind');
    if (!r.person_id) throw new AppError('person_not_found');
    await sql`savepoint erasure_preview`.execute(tx);
    let preview: ErasurePreview;
    try {
      const { destructionIds: _ids, ...outcome } = await erasePersonData(tx, ctx, r.person_id, {
        requestId: r.id,
        today,
        record: false,
      });
      preview = outcome;
    } finally {
      await sql`rollback to savepoint erasure_preview`.execute(tx);
    }
    await logRequest(tx, ctx, r, 'read', 'avg_request.erasure_previewed', {
      cases: preview.cases.length,
      casesDestroyed: preview.cases.filter((c) => c.outcome === 'destroyed').length,
      pseudonymised: preview.person === 'pseudonymised',
    });
    for (const c of preview.cases)
      await recordAccess(tx, ctx, {
        action: 'read',
        event: 'avg_request.erasure_previewed',
        dataCategory: 'case_file',
        personId: r.person_id,
        caseId: c.caseId,
        ...LEGAL,
        detail: { requestId: r.id, outcome: c.outcome },
      });
    return preview;
  });
}

/**
 * Erasure on request. The exception check is required (the schema refuses a confirmation without it) and is
 * always recorded; when an exception applies nothing is erased (409). Otherwise only the person's own data are
 * erased (ADR 0028): case files and referrals nobody else is part of are destroyed as a whole, from shared ones only
 * the person's rows go, and the person row is deleted or — when a kept record refers to it — pseudonymised. Every
 * erasure writes its destruction record(s), and the request is granted.
 */
export async function eraseOnRequest(
  deps: Deps,
  ctx: AccessContext,
  id: string,
  input: {
    retentionObligation: boolean;
    legalClaim: boolean;
    publicInterest: boolean;
    othersInterest: boolean;
    exceptionNotes: string;
    version: number;
  },
): Promise<AvgRequestView> {
  requireOfficer(ctx);
  const today = municipalToday(deps.clock);
  const applies = exceptionApplies(input);
  const view = await deps.db.inTenant(ctx.actor.tenantId, async (tx) => {
    const r = await loadRequest(tx, id);
    if (r.kind !== 'erasure') throw new AppError('wrong_request_kind');
    if (isClosed(r.status)) throw new AppError('request_closed');
    if (r.version !== input.version) throw new AppError('version_conflict');
    if (!r.person_id) throw new AppError('person_not_found');
    await tx
      .updateTable('avg_request')
      .set((eb) => ({
        exception_retention_obligation: input.retentionObligation,
        exception_legal_claim: input.legalClaim,
        exception_public_interest: input.publicInterest,
        exception_others_interest: input.othersInterest,
        exception_notes: input.exceptionNotes,
        exception_checked_by: ctx.actor.userId,
        exception_checked_at: deps.clock.now(),
        handled_by: ctx.actor.userId,
        status: applies ? 'in_progress' : 'granted',
        completed_on: applies ? null : today,
        decision_notes: applies
          ? r.decision_notes
          : `Gegevens gewist op ${today}; geen wettelijke uitzondering van toepassing.`,
        updated_at: deps.clock.now(),
        version: eb('version', '+', 1),
      }))
      .where('id', '=', r.id)
      .execute();
    await logRequest(tx, ctx, r, 'update', applies ? 'avg_request.erasure_refused' : 'avg_request.erasure_confirmed', {
      retentionObligation: input.retentionObligation,
      legalClaim: input.legalClaim,
      publicInterest: input.publicInterest,
      othersInterest: input.othersInterest,
    });
    if (applies) return null;
    await erasePersonData(tx, ctx, r.person_id, { requestId: r.id, today, record: true });
    await tx.updateTable('avg_request').set({ erased_at: deps.clock.now() }).where('id', '=', r.id).execute();
    return buildView(tx, await loadRequest(tx, r.id), today);
  });
  if (!view) throw new AppError('erasure_exception_applies');
  return view;
}
