import { AppError } from '../../shared/app-error';
import type { Deps } from '../../platform/deps';
import { isLockedOut, stageAfterPassword, type Stage } from './auth.domain';
import { countRecentFailures, findCredentialsByUsername, insertLoginAttempt, markLoggedIn } from './auth.store';
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

  const counts = await db.inSystem((tx) => countRecentFailures(tx, usernameKey, meta.ip, since));
  if (isLockedOut(counts, config.login.maxFailures)) {
    await spendVerifyTime(input.password);
    throw new AppError('too_many_attempts');
  }

  const user = await db.inSystem((tx) => findCredentialsByUsername(tx, usernameKey));
  const passwordOk = user?.passwordHash
    ? await verifyPassword(user.passwordHash, input.password)
    : (await spendVerifyTime(input.password), false);
  if (!user || !user.active || !passwordOk) {
    await db.inSystem((tx) => insertLoginAttempt(tx, usernameKey, meta.ip, false));
    throw new AppError('invalid_credentials');
  }

  const stage = stageAfterPassword(user, config.mfaRequiredRoles);
  const token = await db.inSystem(async (tx) => {
    await insertLoginAttempt(tx, usernameKey, meta.ip, true);
    if (stage === 'done') await markLoggedIn(tx, user.id, now);
    return startSession(deps, tx, user, stage, 'password', meta);
  });
  return { token, stage };
}
