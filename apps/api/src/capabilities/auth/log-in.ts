import { AppError } from '../../shared/app-error';
import type { Deps } from '../../platform/deps';
import { isLockedOut, stageAfterPassword, type Stage } from './auth.domain';
import { countRecentFailures, findCredentialsByUsername, insertLoginAttempt, markLoggedIn } from './auth.store';
import { recordLoginEvent, type LoginFailure } from './login-log';
import { spendVerifyTime, verifyPassword } from './passwords';
import { startSession, type RequestMeta } from './sessions';

/**
 * Checks username and password. Unknown user, wrong password and inactive account get the same answer
 * in about the same time; repeated failures lock the typed username (existing or not) for a while.
 */
export async function logIn(
  deps: Deps,
  input: { username: string; password: string },
  meta: RequestMeta,
): Promise<{ token: string; stage: Stage }> {
  const usernameKey = input.username.trim().toLowerCase();
  const now = deps.clock.now();
  const since = new Date(now.getTime() - deps.config.login.lockoutMinutes * 60_000);
  const { db, config } = deps;

  const { counts, user } = await db.inSystem(async (tx) => ({
    counts: await countRecentFailures(tx, usernameKey, meta.ip, since),
    user: await findCredentialsByUsername(tx, usernameKey),
  }));
  if (isLockedOut(counts, config.login.maxFailures)) {
    await spendVerifyTime(input.password);
    // A locked-out attempt on an existing account is written to its municipality's access log; an unknown
    // username has no municipality (the answer is the same either way).
    if (user) await db.inSystem((tx) => recordLoginEvent(tx, user, meta, failed('locked_out')));
    else logUnknownUser(deps, 'locked_out');
    throw new AppError('too_many_attempts');
  }

  const passwordOk = user?.passwordHash
    ? await verifyPassword(user.passwordHash, input.password)
    : (await spendVerifyTime(input.password), false);
  if (!user || !user.active || !passwordOk) {
    await db.inSystem(async (tx) => {
      await insertLoginAttempt(tx, usernameKey, meta.ip, false);
      if (user) await recordLoginEvent(tx, user, meta, failed(user.active ? 'wrong_password' : 'inactive_account'));
    });
    if (!user) logUnknownUser(deps, 'unknown_username');
    throw new AppError('invalid_credentials');
  }

  const stage = stageAfterPassword(user, config.mfaRequiredRoles);
  const token = await db.inSystem(async (tx) => {
    await insertLoginAttempt(tx, usernameKey, meta.ip, true);
    if (stage === 'done') {
      await markLoggedIn(tx, user.id, now);
      await recordLoginEvent(tx, user, meta, { event: 'user.logged_in', method: 'password' });
    }
    return startSession(deps, tx, user, stage, 'password', meta);
  });
  return { token, stage };
}

const failed = (reason: LoginFailure) => ({ event: 'user.login_failed' as const, method: 'password' as const, reason });

/**
 * A failed login for a username no account has: it belongs to no municipality's access log. The application log
 * gets the event without the typed name (it may be someone's name, or a password typed in the wrong field).
 */
function logUnknownUser(deps: Deps, reason: 'unknown_username' | 'locked_out'): void {
  deps.log.info({ event: 'auth.login_failed', reason, knownAccount: false }, 'login failed for an unknown username');
}
