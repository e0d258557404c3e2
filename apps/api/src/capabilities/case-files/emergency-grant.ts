import { sql } from 'kysely';
import { hasPermission, type Actor } from '../../shared/actor';
import type { Tx } from '../../platform/database/database';
import type { CaseAccess, CaseRow } from './case-access';

// What `withCase` needs of emergency access (see emergency-access.ts); only types come from case-access.

export type GrantRow = { id: string; case_id: string; reason: string; starts_at: Date; expires_at: Date };

/** The user's emergency access to a case that is running now, if any. */
export async function findActiveEmergencyAccess(
  tx: Tx,
  userId: string,
  caseId: string,
  now: Date,
): Promise<GrantRow | undefined> {
  return tx
    .selectFrom('emergency_access')
    .select(['id', 'case_id', 'reason', 'starts_at', 'expires_at'])
    .where('user_id', '=', userId)
    .where('case_id', '=', caseId)
    .where('starts_at', '<=', now)
    .where('expires_at', '>', now)
    .where('ended_at', 'is', null)
    .orderBy('expires_at', 'desc')
    .executeTakeFirst();
}

/**
 * For `withCase`: when the relation does not allow this access, a running emergency access may (viewing
 * only). Returns the grant id, or null.
 */
export async function emergencyGrantFor(
  tx: Tx,
  actor: Actor,
  access: CaseAccess,
  c: CaseRow,
  now: Date,
): Promise<string | null> {
  if (access !== 'view' || !hasPermission(actor, 'case:read')) return null;
  return (await findActiveEmergencyAccess(tx, actor.userId, c.id, now))?.id ?? null;
}

/** Marks the transaction as one under emergency access: the access-log trigger flags every row it writes. */
export async function flagEmergencyTransaction(tx: Tx, grantId: string): Promise<void> {
  await sql`select set_config('nabij.emergency_access', ${grantId}, true)`.execute(tx);
}
