import type { Permission } from '@nabij/contracts';
import type { Tx } from '../../platform/database/database';
import { roleFor, type AccessContext } from '../../shared/actor';

export type AccessAction = 'read' | 'search' | 'create' | 'update' | 'delete' | 'export' | 'print' | 'login' | 'logout';

/** Legal bases recorded with an access; shown to residents in plain Dutch by the access-log overview. */
export type LegalBasis = 'public_task_social_domain' | 'consent' | 'legal_obligation' | 'security';

export interface AccessEntry {
  action: AccessAction;
  /** Past-tense event name, e.g. `person.viewed`. */
  event: string;
  dataCategory: string;
  personId?: string | null;
  caseId?: string | null;
  teamId?: string | null;
  onBehalfOf?: string | null;
  legalBasis?: LegalBasis;
  outcome?: 'allowed' | 'denied';
  emergency?: boolean;
  /** Ids and counts only: never names, BSNs or note text. */
  detail?: Record<string, string | number | boolean | null>;
  permission?: Permission;
}

/**
 * Writes one NEN 7513 access-log row in the caller's transaction, so the log and the action commit
 * or fail together. Several persons touched by one action: call once per person, or use `recordAccessMany`.
 */
export async function recordAccess(tx: Tx, ctx: AccessContext, entry: AccessEntry): Promise<void> {
  await recordAccessMany(tx, ctx, entry, [entry.personId ?? null]);
}

export async function recordAccessMany(
  tx: Tx,
  ctx: AccessContext,
  entry: AccessEntry,
  personIds: Array<string | null>,
): Promise<void> {
  if (personIds.length === 0) return;
  // Counted before the insert commits: a use case must write a refusal in a transaction that commits (not in the
  // one its refusal rolls back), or leave the refusal to the HTTP layer's generic `access.denied` row.
  if (entry.outcome === 'denied' && ctx.trail) ctx.trail.denialsLogged++;
  await insertRows(tx, personIds, entry, {
    tenantId: ctx.actor.tenantId,
    userId: ctx.actor.userId,
    role: roleFor(ctx.actor, entry.permission),
    teamId: entry.teamId ?? ctx.actor.teamIds[0] ?? null,
    onBehalfOf: entry.onBehalfOf ?? null,
    ip: ctx.ip,
    userAgent: ctx.userAgent,
    detail: entry.detail ?? null,
  });
}

/** Who wrote a row, as stored: the part of an access-log row that differs between staff, outsiders and residents. */
interface RowAuthor {
  tenantId: string;
  userId: string | null;
  role: string | null;
  teamId: string | null;
  onBehalfOf: string | null;
  ip: string;
  userAgent: string | null;
  detail: Record<string, unknown> | null;
}

/** One access-log row per person; the municipality's hash chain is sealed by the database trigger (migration 0016). */
async function insertRows(
  tx: Tx,
  personIds: Array<string | null>,
  entry: Omit<AccessEntry, 'permission'>,
  by: RowAuthor,
): Promise<void> {
  await tx
    .insertInto('access_log')
    .values(
      personIds.map((personId) => ({
        tenant_id: by.tenantId,
        user_id: by.userId,
        user_role: by.role,
        team_id: by.teamId,
        on_behalf_of: by.onBehalfOf,
        action: entry.action,
        event: entry.event,
        person_id: personId,
        case_id: entry.caseId ?? null,
        data_category: entry.dataCategory,
        legal_basis: entry.legalBasis ?? 'public_task_social_domain',
        outcome: entry.outcome ?? 'allowed',
        ip: by.ip,
        user_agent: by.userAgent?.slice(0, 300) ?? null,
        emergency: entry.emergency ?? false,
        detail: by.detail ? JSON.stringify(by.detail) : null,
      })),
    )
    .execute();
}

/**
 * Logs an action by someone without an account (a referrer submitting the public form): no user,
 * the role names the kind of outsider.
 */
export async function recordExternalAccess(
  tx: Tx,
  who: { tenantId: string; role: 'referrer'; ip: string; userAgent: string | null },
  entry: Omit<AccessEntry, 'permission' | 'teamId' | 'onBehalfOf'> & { teamId?: string | null },
  personIds: Array<string | null> = [entry.personId ?? null],
): Promise<void> {
  await insertRows(
    tx,
    personIds,
    { ...entry, emergency: false },
    {
      tenantId: who.tenantId,
      userId: null,
      role: who.role,
      teamId: entry.teamId ?? null,
      onBehalfOf: null,
      ip: who.ip,
      userAgent: who.userAgent,
      detail: entry.detail ?? null,
    },
  );
}

/** A resident (or their representative) acting in the resident portal, Mijn Nabij. */
export interface ResidentActor {
  tenantId: string;
  /** The resident account that is logged in. */
  accountId: string;
  /** The person behind that account: the resident themselves, or the representative acting for someone else. */
  actingPersonId: string;
  ip: string;
  userAgent: string | null;
}

/**
 * Logs an action in the resident portal: no staff user (user_id is null), role `resident`, the person concerned in
 * person_id, and who acted (the account and the acting person, who differs from the person concerned when a
 * representative acts) in the detail. The rows join the municipality's hash chain like every other row.
 */
export async function recordResidentAccess(
  tx: Tx,
  who: ResidentActor,
  entry: Omit<AccessEntry, 'permission' | 'onBehalfOf'>,
  personIds: Array<string | null> = [entry.personId ?? null],
): Promise<void> {
  if (personIds.length === 0) return;
  await insertRows(
    tx,
    personIds,
    { ...entry, emergency: false },
    {
      tenantId: who.tenantId,
      userId: null,
      role: 'resident',
      teamId: entry.teamId ?? null,
      onBehalfOf: null,
      ip: who.ip,
      userAgent: who.userAgent,
      detail: { ...entry.detail, residentAccountId: who.accountId, actingPersonId: who.actingPersonId },
    },
  );
}
