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

export async function recordAccessMany(tx: Tx, ctx: AccessContext, entry: AccessEntry, personIds: Array<string | null>): Promise<void> {
  if (personIds.length === 0) return;
  // Counted before the insert commits: a use case must write a refusal in a transaction that commits (not in the
  // one its refusal rolls back), or leave the refusal to the HTTP layer's generic `access.denied` row.
  if (entry.outcome === 'denied' && ctx.trail) ctx.trail.denialsLogged++;
  await tx
    .insertInto('access_log')
    .values(
      personIds.map((personId) => ({
        tenant_id: ctx.actor.tenantId,
        user_id: ctx.actor.userId,
        user_role: roleFor(ctx.actor, entry.permission),
        team_id: entry.teamId ?? ctx.actor.teamIds[0] ?? null,
        on_behalf_of: entry.onBehalfOf ?? null,
        action: entry.action,
        event: entry.event,
        person_id: personId,
        case_id: entry.caseId ?? null,
        data_category: entry.dataCategory,
        legal_basis: entry.legalBasis ?? 'public_task_social_domain',
        outcome: entry.outcome ?? 'allowed',
        ip: ctx.ip,
        user_agent: ctx.userAgent?.slice(0, 300) ?? null,
        emergency: entry.emergency ?? false,
        detail: entry.detail ? JSON.stringify(entry.detail) : null,
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
  await tx
    .insertInto('access_log')
    .values(
      personIds.map((personId) => ({
        tenant_id: who.tenantId,
        user_id: null,
        user_role: who.role,
        team_id: entry.teamId ?? null,
        on_behalf_of: null,
        action: entry.action,
        event: entry.event,
        person_id: personId,
        case_id: entry.caseId ?? null,
        data_category: entry.dataCategory,
        legal_basis: entry.legalBasis ?? 'public_task_social_domain',
        outcome: entry.outcome ?? 'allowed',
        ip: who.ip,
        user_agent: who.userAgent?.slice(0, 300) ?? null,
        emergency: false,
        detail: entry.detail ? JSON.stringify(entry.detail) : null,
      })),
    )
    .execute();
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
  await tx
    .insertInto('access_log')
    .values(
      personIds.map((personId) => ({
        tenant_id: who.tenantId,
        user_id: null,
        user_role: 'resident',
        team_id: entry.teamId ?? null,
        on_behalf_of: null,
        action: entry.action,
        event: entry.event,
        person_id: personId,
        case_id: entry.caseId ?? null,
        data_category: entry.dataCategory,
        legal_basis: entry.legalBasis ?? 'public_task_social_domain',
        outcome: entry.outcome ?? 'allowed',
        ip: who.ip,
        user_agent: who.userAgent?.slice(0, 300) ?? null,
        emergency: false,
        detail: JSON.stringify({ ...entry.detail, residentAccountId: who.accountId, actingPersonId: who.actingPersonId }),
      })),
    )
    .execute();
}
