import { AppError } from '../../shared/app-error';
import type { AccessContext } from '../../shared/actor';
import type { Tx } from '../../platform/database/database';
import type { Deps } from '../../platform/deps';
import { recordAccessMany, type AccessEntry } from '../audit';
import { canSeeMeldcode, canViewCase, canWorkOnCase, type CaseFacts } from './case-files.policy';
import { emergencyGrantFor, flagEmergencyTransaction } from './emergency-grant';

export interface CaseRow extends CaseFacts {
  id: string;
  householdId: string | null;
  primaryPersonId: string | null;
  personIds: string[];
}

export async function findCase(tx: Tx, id: string): Promise<CaseRow | undefined> {
  const c = await tx
    .selectFrom('case_file')
    .select(['id', 'team_id', 'case_worker_id', 'tandem_worker_id', 'household_id', 'primary_person_id'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!c) return undefined;
  const members = c.household_id
    ? await tx.selectFrom('household_member').select('person_id').where('household_id', '=', c.household_id).execute()
    : [];
  const personIds = [
    ...new Set([...(c.primary_person_id ? [c.primary_person_id] : []), ...members.map((m) => m.person_id)]),
  ];
  const consulted = await tx
    .selectFrom('behavioural_consultation')
    .select('scientist_id')
    .where('case_id', '=', c.id)
    .execute();
  const coordinators = await tx
    .selectFrom('case_process_coordinator')
    .select('user_id')
    .where('case_id', '=', c.id)
    .where('unlinked_at', 'is', null)
    .execute();
  return {
    id: c.id,
    teamId: c.team_id,
    caseWorkerId: c.case_worker_id,
    tandemWorkerId: c.tandem_worker_id,
    householdId: c.household_id,
    primaryPersonId: c.primary_person_id,
    personIds,
    consultedScientistIds: consulted.map((r) => r.scientist_id),
    processCoordinatorIds: coordinators.map((r) => r.user_id),
  };
}

export type CaseAccess = 'view' | 'work' | 'meldcode';

const ALLOWED: Record<CaseAccess, (actor: AccessContext['actor'], c: CaseFacts) => boolean> = {
  view: canViewCase,
  work: canWorkOnCase,
  meldcode: canSeeMeldcode,
};

/**
 * The team the access is logged under: the team of the person who acted (access_log.team_id says "who, in which
 * role and team"). The case's team when the actor belongs to it (a coordinator of several teams acts for that one);
 * otherwise the actor's own team — a refusal, an emergency read or a consulted scientist from elsewhere is never
 * shown as the case's team, so a resident's "wie heeft mijn dossier bekeken" tells the truth.
 */
export function actingTeam(ctx: AccessContext, c: Pick<CaseRow, 'teamId'>): string | null {
  return ctx.actor.teamIds.includes(c.teamId) ? c.teamId : (ctx.actor.teamIds[0] ?? null);
}

/** Logs an access to a case: one row per person of the household, with the case id. */
export async function logCaseAccess(
  tx: Tx,
  ctx: AccessContext,
  c: CaseRow,
  entry: Omit<AccessEntry, 'caseId' | 'teamId'>,
): Promise<void> {
  await recordAccessMany(
    tx,
    ctx,
    { ...entry, caseId: c.id, teamId: actingTeam(ctx, c) },
    c.personIds.length ? c.personIds : [null],
  );
}

/**
 * Runs `fn` on a case the actor may access in the given way. A case of another municipality is 404;
 * a case in the own municipality without the relation is 403, and the refusal is logged (in its own
 * transaction, so it stays when the request fails).
 */
export async function withCase<T>(
  deps: Deps,
  ctx: AccessContext,
  caseId: string,
  access: CaseAccess,
  dataCategory: string,
  fn: (tx: Tx, c: CaseRow) => Promise<T>,
): Promise<T> {
  const denied = await deps.db.inTenant(ctx.actor.tenantId, async (tx) => {
    const c = await findCase(tx, caseId);
    if (!c) throw new AppError('not_found');
    return ALLOWED[access](ctx.actor, c) || (await emergencyGrantFor(tx, ctx.actor, access, c, deps.clock.now()))
      ? null
      : c;
  });
  if (denied) {
    await deps.db.inTenant(ctx.actor.tenantId, (tx) =>
      logCaseAccess(tx, ctx, denied, {
        action: access === 'view' || access === 'meldcode' ? 'read' : 'update',
        event: 'case_file.access_denied',
        dataCategory,
        outcome: 'denied',
      }),
    );
    throw new AppError('forbidden');
  }
  return deps.db.inTenant(ctx.actor.tenantId, async (tx) => {
    const c = await findCase(tx, caseId);
    if (!c) throw new AppError('forbidden');
    if (!ALLOWED[access](ctx.actor, c)) {
      // Emergency access (viewing only): every access-log row of this transaction is flagged.
      const grantId = await emergencyGrantFor(tx, ctx.actor, access, c, deps.clock.now());
      if (!grantId) throw new AppError('forbidden');
      await flagEmergencyTransaction(tx, grantId);
    }
    return fn(tx, c);
  });
}
