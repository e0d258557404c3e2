import { AppError } from '../../shared/app-error';
import type { Deps } from '../../platform/deps';
import { getCredentials, setPassword, type SessionRow } from './auth.store';
import { hashPassword, verifyPassword } from './passwords';
import { passwordProblem } from './password-policy';
import { advanceSession, type StageChange } from './second-factor';
import type { RequestMeta } from './sessions';

/** Changes the user's own password; completes a login that was waiting for a forced change. */
export async function changePassword(
  deps: Deps,
  session: SessionRow,
  input: { currentPassword: string; newPassword: string },
  meta: RequestMeta,
): Promise<StageChange> {
  if (session.stage !== 'change_password' && session.stage !== 'done') throw new AppError('forbidden');
  const current = await deps.db.inSystem((tx) => getCredentials(tx, session.userId));
  if (!current.passwordHash || !(await verifyPassword(current.passwordHash, input.currentPassword)))
    throw new AppError('wrong_password');
  if (input.currentPassword === input.newPassword) throw new AppError('password_reused');
  const problem = passwordProblem(input.newPassword, { username: session.username, displayName: session.displayName });
  if (problem) throw new AppError('validation_failed', { fieldErrors: { newPassword: [problem] } });
  const newHash = await hashPassword(input.newPassword);
  return deps.db.inSystem(async (tx) => {
    await setPassword(tx, session.userId, newHash, false, deps.clock.now());
    // Other sessions of this user end; this one goes on.
    await tx
      .deleteFrom('session')
      .where('user_id', '=', session.userId)
      .where('token_hash', '!=', session.tokenHash)
      .execute();
    return session.stage === 'change_password' ? advanceSession(deps, tx, session, 'done', meta) : { stage: 'done' };
  });
}
