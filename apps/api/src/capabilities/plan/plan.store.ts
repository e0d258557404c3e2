import type { Performer, PlanVersionView, ServiceType } from '@nabij/contracts';
import type { Tx } from '../../platform/database/database';
import { balanceOf, planWarnings, type VersionStatus } from './plan.domain';

export interface VersionRow {
  id: string;
  plan_id: string;
  number: number;
  status: VersionStatus;
  starts_on: string;
  version: number;
}

const VERSION_COLUMNS = ['id', 'plan_id', 'number', 'status', 'starts_on', 'version'] as const;

export async function findPlanOfCase(tx: Tx, caseId: string) {
  return tx.selectFrom('plan').select(['id']).where('case_id', '=', caseId).executeTakeFirst();
}

/** The current (highest-numbered) version of a case's plan, locked for the rest of the transaction when `lock` is set. */
export async function findCurrentVersion(tx: Tx, caseId: string, lock = false): Promise<VersionRow | undefined> {
  let q = tx
    .selectFrom('plan_version as v')
    .innerJoin('plan as p', 'p.id', 'v.plan_id')
    .select(VERSION_COLUMNS.map((c) => `v.${c}` as const))
    .where('p.case_id', '=', caseId)
    .orderBy('v.number', 'desc')
    .limit(1);
  if (lock) q = q.forUpdate();
  const row = await q.executeTakeFirst();
  return row ? { ...row, status: row.status as VersionStatus } : undefined;
}

export async function findVersionByNumber(tx: Tx, caseId: string, number: number): Promise<VersionRow | undefined> {
  const row = await tx
    .selectFrom('plan_version as v')
    .innerJoin('plan as p', 'p.id', 'v.plan_id')
    .select(VERSION_COLUMNS.map((c) => `v.${c}` as const))
    .where('p.case_id', '=', caseId)
    .where('v.number', '=', number)
    .executeTakeFirst();
  return row ? { ...row, status: row.status as VersionStatus } : undefined;
}

export async function listVersions(tx: Tx, planId: string) {
  return tx
    .selectFrom('plan_version')
    .select(['number', 'status', 'starts_on', 'change_reason', 'agreed_on', 'created_at'])
    .where('plan_id', '=', planId)
    .orderBy('number', 'desc')
    .execute();
}

/** Raises the version's concurrency counter; false when someone else changed it first. */
export async function bumpVersion(tx: Tx, versionId: string, expected: number): Promise<boolean> {
  const r = await tx
    .updateTable('plan_version')
    .set((eb) => ({ version: eb('version', '+', 1) }))
    .where('id', '=', versionId)
    .where('version', '=', expected)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function nextPosition(tx: Tx, table: 'plan_goal' | 'plan_action', parentId: string): Promise<number> {
  const q =
    table === 'plan_goal'
      ? tx
          .selectFrom('plan_goal')
          .select((eb) => eb.fn.max('position').as('max'))
          .where('plan_version_id', '=', parentId)
      : tx
          .selectFrom('plan_action')
          .select((eb) => eb.fn.max('position').as('max'))
          .where('goal_id', '=', parentId);
  const row = await q.executeTakeFirst();
  return (row?.max ?? 0) + 1;
}

/** A goal of the given version, or undefined (also when it belongs to another version or case). */
export async function findGoal(tx: Tx, versionId: string, goalId: string) {
  return tx
    .selectFrom('plan_goal')
    .select(['id', 'domain'])
    .where('id', '=', goalId)
    .where('plan_version_id', '=', versionId)
    .executeTakeFirst();
}

export async function findAction(tx: Tx, versionId: string, actionId: string) {
  return tx
    .selectFrom('plan_action as a')
    .innerJoin('plan_goal as g', 'g.id', 'a.goal_id')
    .select(['a.id', 'a.goal_id'])
    .where('a.id', '=', actionId)
    .where('g.plan_version_id', '=', versionId)
    .executeTakeFirst();
}

export async function findActiveService(tx: Tx, serviceId: string) {
  return tx
    .selectFrom('service')
    .select(['id', 'organisation', 'name', 'type'])
    .where('id', '=', serviceId)
    .where('active', '=', true)
    .executeTakeFirst();
}

/** Copies a version into a new draft: the same goals, actions, parties and resident plan; no agreement. */
export async function copyVersion(
  tx: Tx,
  tenantId: string,
  from: VersionRow,
  reason: string,
  userId: string,
): Promise<string> {
  const src = await tx
    .selectFrom('plan_version')
    .select([
      'coordination',
      'coordinator_name',
      'coordinator_contact',
      'resident_plan_kind',
      'resident_plan_text',
      'resident_plan_file_id',
      'resident_plan_leading',
    ])
    .where('id', '=', from.id)
    .executeTakeFirstOrThrow();
  const { id } = await tx
    .insertInto('plan_version')
    .values({
      tenant_id: tenantId,
      plan_id: from.plan_id,
      number: from.number + 1,
      status: 'draft',
      starts_on: from.starts_on,
      change_reason: reason,
      created_by: userId,
      ...src,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const goals = await tx
    .selectFrom('plan_goal')
    .select([
      'id',
      'position',
      'domain',
      'zrm_score',
      'zrm_assessed_on',
      'problem',
      'goal',
      'intended_result',
      'solutions',
      'from_resident_plan',
    ])
    .where('plan_version_id', '=', from.id)
    .execute();
  for (const { id: oldGoalId, ...g } of goals) {
    const copy = await tx
      .insertInto('plan_goal')
      .values({ ...g, tenant_id: tenantId, plan_version_id: id })
      .returning('id')
      .executeTakeFirstOrThrow();
    const actions = await tx
      .selectFrom('plan_action')
      .select([
        'position',
        'description',
        'performer',
        'performer_name',
        'service_id',
        'due_on',
        'status',
        'progress_note',
      ])
      .where('goal_id', '=', oldGoalId)
      .execute();
    if (actions.length)
      await tx
        .insertInto('plan_action')
        .values(actions.map((a) => ({ ...a, tenant_id: tenantId, goal_id: copy.id })))
        .execute();
  }
  const parties = await tx
    .selectFrom('plan_party')
    .select(['name', 'organisation', 'part', 'place', 'timing'])
    .where('plan_version_id', '=', from.id)
    .execute();
  if (parties.length)
    await tx
      .insertInto('plan_party')
      .values(parties.map((p) => ({ ...p, tenant_id: tenantId, plan_version_id: id })))
      .execute();
  return id;
}

export async function insertPlanFile(
  tx: Tx,
  f: {
    tenantId: string;
    planId: string;
    kind: 'resident_plan' | 'signed_agreement' | 'plan_document';
    filename: string;
    mediaType: string;
    content: Buffer;
    userId: string | null;
  },
): Promise<string> {
  const row = await tx
    .insertInto('plan_file')
    .values({
      tenant_id: f.tenantId,
      plan_id: f.planId,
      kind: f.kind,
      filename: f.filename,
      media_type: f.mediaType,
      size_bytes: f.content.length,
      content: f.content,
      created_by: f.userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function findPlanFileContent(tx: Tx, planId: string, fileId: string) {
  return tx
    .selectFrom('plan_file')
    .select(['id', 'filename', 'media_type', 'content'])
    .where('id', '=', fileId)
    .where('plan_id', '=', planId)
    .executeTakeFirst();
}

/** Everything of one version as the page and the PDF show it, with balance and quality warnings. */
export async function loadVersionView(
  tx: Tx,
  versionId: string,
  facts: { analysisDeadline: string | null; today: string },
): Promise<PlanVersionView> {
  const v = await tx
    .selectFrom('plan_version as v')
    .innerJoin('app_user as u', 'u.id', 'v.created_by')
    .leftJoin('app_user as r', 'r.id', 'v.agreement_recorded_by')
    .select([
      'v.number',
      'v.status',
      'v.version',
      'v.starts_on',
      'v.change_reason',
      'v.created_at',
      'u.display_name as created_by_name',
      'v.coordination',
      'v.coordinator_name',
      'v.coordinator_contact',
      'v.resident_plan_kind',
      'v.resident_plan_text',
      'v.resident_plan_file_id',
      'v.resident_plan_leading',
      'v.agreement_form',
      'v.agreed_on',
      'v.agreed_by_name',
      'v.typed_signature',
      'v.agreement_note',
      'v.agreement_file_id',
      'r.display_name as recorded_by_name',
      'v.agreed_by_account_id',
      'v.document_file_id',
    ])
    .where('v.id', '=', versionId)
    .executeTakeFirstOrThrow();
  const goals = await tx
    .selectFrom('plan_goal')
    .select([
      'id',
      'domain',
      'zrm_score',
      'zrm_assessed_on',
      'problem',
      'goal',
      'intended_result',
      'solutions',
      'from_resident_plan',
    ])
    .where('plan_version_id', '=', versionId)
    .orderBy('position')
    .execute();
  const actions = goals.length
    ? await tx
        .selectFrom('plan_action as a')
        .leftJoin('service as s', 's.id', 'a.service_id')
        .select([
          'a.id',
          'a.goal_id',
          'a.description',
          'a.performer',
          'a.performer_name',
          'a.due_on',
          'a.status',
          'a.progress_note',
          's.id as service_id',
          's.organisation',
          's.name as service_name',
          's.type as service_type',
          's.phone as service_phone',
          's.email as service_email',
        ])
        .where(
          'a.goal_id',
          'in',
          goals.map((g) => g.id),
        )
        .orderBy('a.position')
        .execute()
    : [];
  const parties = await tx
    .selectFrom('plan_party')
    .select(['id', 'name', 'organisation', 'part', 'place', 'timing'])
    .where('plan_version_id', '=', versionId)
    .orderBy('name')
    .execute();
  const fileIds = [v.resident_plan_file_id, v.agreement_file_id, v.document_file_id].filter(
    (x): x is string => x !== null,
  );
  const files = fileIds.length
    ? await tx
        .selectFrom('plan_file')
        .select(['id', 'filename', 'media_type', 'size_bytes'])
        .where('id', 'in', fileIds)
        .execute()
    : [];
  const file = (id: string | null) => {
    const f = files.find((x) => x.id === id);
    return f ? { id: f.id, filename: f.filename, mediaType: f.media_type, sizeBytes: f.size_bytes } : null;
  };

  const goalViews = goals.map((g) => {
    const own = actions
      .filter((a) => a.goal_id === g.id)
      .map((a) => ({
        id: a.id,
        description: a.description,
        performer: a.performer as Performer | null,
        performerName: a.performer_name,
        service:
          a.service_id && a.organisation && a.service_name && a.service_type
            ? {
                id: a.service_id,
                organisation: a.organisation,
                name: a.service_name,
                type: a.service_type as ServiceType,
                phone: a.service_phone,
                email: a.service_email,
              }
            : null,
        dueOn: a.due_on,
        status: a.status as 'open',
        progressNote: a.progress_note,
      }));
    return {
      id: g.id,
      domain: g.domain,
      zrmScore: g.zrm_score,
      zrmAssessedOn: g.zrm_assessed_on,
      problem: g.problem,
      goal: g.goal,
      intendedResult: g.intended_result,
      solutions: g.solutions,
      fromResidentPlan: g.from_resident_plan,
      balance: balanceOf(own),
      actions: own,
    };
  });
  const status = v.status as VersionStatus;
  return {
    number: v.number,
    status,
    version: v.version,
    startsOn: v.starts_on,
    changeReason: v.change_reason,
    createdAt: v.created_at.toISOString(),
    createdByName: v.created_by_name,
    coordination: v.coordination as 'case' | 'process' | null,
    coordinatorName: v.coordinator_name,
    coordinatorContact: v.coordinator_contact,
    residentPlan: v.resident_plan_kind
      ? {
          kind: v.resident_plan_kind as 'personal_plan',
          text: v.resident_plan_text,
          leading: v.resident_plan_leading,
          file: file(v.resident_plan_file_id),
        }
      : null,
    agreement:
      v.agreement_form && v.agreed_on && v.agreed_by_name
        ? {
            form: v.agreement_form as 'verbal',
            agreedOn: v.agreed_on,
            agreedByName: v.agreed_by_name,
            typedSignature: v.typed_signature,
            note: v.agreement_note,
            // Agreed digitally in the resident portal: no staff member recorded it.
            recordedByName: v.recorded_by_name ?? (v.agreed_by_account_id ? 'de inwoner zelf, via Mijn Nabij' : ''),
            signedPaper: file(v.agreement_file_id),
          }
        : null,
    document: file(v.document_file_id),
    goals: goalViews,
    parties,
    balance: balanceOf(goalViews.flatMap((g) => g.actions)),
    warnings: planWarnings({ status, analysisDeadline: facts.analysisDeadline, today: facts.today, goals: goalViews }),
  };
}

export async function listServicesForDomain(tx: Tx, domain: string) {
  return tx
    .selectFrom('service')
    .select(['id', 'organisation', 'name', 'type', 'description', 'area', 'phone', 'email'])
    .where('active', '=', true)
    .where((eb) => eb(eb.val(domain), '=', eb.fn.any('domains')))
    .execute();
}
