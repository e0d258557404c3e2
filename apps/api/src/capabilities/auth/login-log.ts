import type { Role } from '@nabij/contracts';
import { buildActor } from '../../shared/actor';
import type { Tx } from '../../platform/database/database';
import { recordAccess } from '../audit';
import type { RequestMeta } from './sessions';

/** Why a login of an existing account failed; only the privacy officer reads it (the answer never tells). */
export type LoginFailure = 'wrong_password' | 'inactive_account' | 'locked_out' | 'wrong_code' | 'wrong_recovery_code';

export type LoginEvent =
  | { event: 'user.logged_in'; method: 'password' | 'oidc' }
  | { event: 'user.login_failed'; reason: LoginFailure; method: 'password' | 'oidc' }
  | { event: 'user.logged_out' };

/**
 * Writes a staff login, failed login or logout to the access log of the user's municipality, in the caller's
 * transaction (like the residents' `resident.logged_in`): no person concerned, data category `account`, basis
 * `security`. A failed login for a username that does not exist belongs to no municipality and is not written
 * here: it counts in `login_attempt` (the lockout) and in the application log, and the answer is the same.
 */
export async function recordLoginEvent(
  tx: Tx,
  user: { id: string; tenantId: string; roles: readonly Role[]; teamIds?: readonly string[] },
  meta: RequestMeta,
  e: LoginEvent,
): Promise<void> {
  const teamIds =
    user.teamIds ??
    (await tx.selectFrom('user_team').select('team_id').where('user_id', '=', user.id).execute()).map((r) => r.team_id);
  const actor = buildActor({ userId: user.id, tenantId: user.tenantId, roles: user.roles, teamIds });
  await recordAccess(
    tx,
    { actor, ip: meta.ip, userAgent: meta.userAgent },
    {
      action: e.event === 'user.logged_out' ? 'logout' : 'login',
      event: e.event,
      dataCategory: 'account',
      legalBasis: 'security',
      outcome: e.event === 'user.login_failed' ? 'denied' : 'allowed',
      ...(e.event === 'user.login_failed'
        ? { detail: { method: e.method, reason: e.reason } }
        : 'method' in e
          ? { detail: { method: e.method } }
          : {}),
    },
  );
}
