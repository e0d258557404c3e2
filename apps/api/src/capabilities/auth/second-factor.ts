import { AppError } from '../../shared/app-error';
import type { Tx } from '../../platform/database/database';
import type { Deps } from '../../platform/deps';
import { stageAfterSecondFactor, type Stage } from './auth.domain';
import {
  enableTotp,
  getCredentials,
  markLoggedIn,
  updateSession,
  useRecoveryCode,
  type SessionRow,
} from './auth.store';
import { recordLoginEvent } from './login-log';
import type { RequestMeta } from './sessions';
import { enrolmentMaterial, newRecoveryCodes, newTotpSecret, normaliseRecoveryCode, verifyTotp } from './totp';
import { randomToken, sha256 } from './tokens';

export interface StageChange {
  stage: Stage;
  /** A new session token when the login completed (the old one is replaced to prevent session fixation). */
  newToken?: string;
}

/** Moves a session to its next stage; completing the login rotates the token. */
export async function advanceSession(
  deps: Deps,
  tx: Tx,
  session: SessionRow,
  stage: Stage,
  meta: RequestMeta,
): Promise<StageChange> {
  if (stage !== 'done') {
    await updateSession(tx, session.tokenHash, { stage });
    return { stage };
  }
  const newToken = randomToken();
  await updateSession(tx, session.tokenHash, { stage, tokenHash: sha256(newToken), pendingTotpSecret: null });
  await markLoggedIn(tx, session.userId, deps.clock.now());
  await recordLoginEvent(tx, sessionUser(session), meta, { event: 'user.logged_in', method: session.authMethod });
  return { stage, newToken };
}

const sessionUser = (s: SessionRow) => ({
  id: s.userId,
  tenantId: s.tenantId,
  roles: s.roles,
  teamIds: s.teams.map((t) => t.id),
});

/** A wrong second factor is written to the access log in a transaction of its own (the refusal commits). */
async function logWrongCode(deps: Deps, session: SessionRow, meta: RequestMeta, recovery: boolean): Promise<void> {
  await deps.db.inSystem((tx) =>
    recordLoginEvent(tx, sessionUser(session), meta, {
      event: 'user.login_failed',
      method: session.authMethod,
      reason: recovery ? 'wrong_recovery_code' : 'wrong_code',
    }),
  );
}

export async function verifySecondFactor(
  deps: Deps,
  session: SessionRow,
  code: string,
  meta: RequestMeta,
): Promise<StageChange> {
  if (session.stage !== 'totp') throw new AppError('forbidden');
  const change = await deps.db.inSystem(async (tx) => {
    const user = await getCredentials(tx, session.userId);
    if (!user.totpSecret) throw new AppError('forbidden');
    const lastStep = (
      await tx.selectFrom('app_user').select('totp_last_step').where('id', '=', user.id).executeTakeFirstOrThrow()
    ).totp_last_step;
    const step = verifyTotp(user.totpSecret, code, deps.clock.now(), lastStep);
    if (step === null) return null;
    await tx.updateTable('app_user').set({ totp_last_step: step }).where('id', '=', user.id).execute();
    return advanceSession(deps, tx, session, stageAfterSecondFactor(user), meta);
  });
  if (change) return change;
  await logWrongCode(deps, session, meta, false);
  throw new AppError('invalid_totp');
}

export async function useRecovery(
  deps: Deps,
  session: SessionRow,
  code: string,
  meta: RequestMeta,
): Promise<StageChange> {
  if (session.stage !== 'totp') throw new AppError('forbidden');
  const change = await deps.db.inSystem(async (tx) => {
    const user = await getCredentials(tx, session.userId);
    const used = await useRecoveryCode(tx, user.id, sha256(normaliseRecoveryCode(code)), deps.clock.now());
    if (!used) return null;
    return advanceSession(deps, tx, session, stageAfterSecondFactor(user), meta);
  });
  if (change) return change;
  await logWrongCode(deps, session, meta, true);
  throw new AppError('invalid_recovery_code');
}

/** Starts two-factor enrolment: a new secret kept on the session until it is confirmed with a code. */
export async function startTotpEnrolment(
  deps: Deps,
  session: SessionRow,
): Promise<{ secret: string; otpauthUri: string; qrSvg: string }> {
  if (session.stage !== 'enrol_totp' && session.stage !== 'done') throw new AppError('forbidden');
  if (session.totpEnabled) throw new AppError('totp_already_enabled');
  const secret = newTotpSecret();
  await deps.db.inSystem((tx) => updateSession(tx, session.tokenHash, { pendingTotpSecret: secret }));
  return { secret, ...(await enrolmentMaterial(secret, session.username)) };
}

export async function confirmTotpEnrolment(
  deps: Deps,
  session: SessionRow,
  code: string,
  meta: RequestMeta,
): Promise<StageChange & { recoveryCodes: string[] }> {
  if (session.stage !== 'enrol_totp' && session.stage !== 'done') throw new AppError('forbidden');
  if (session.totpEnabled) throw new AppError('totp_already_enabled');
  const secret = session.pendingTotpSecret;
  if (!secret) throw new AppError('invalid_totp');
  const step = verifyTotp(secret, code, deps.clock.now(), null);
  if (step === null) throw new AppError('invalid_totp');
  const recoveryCodes = newRecoveryCodes();
  return deps.db.inSystem(async (tx) => {
    const user = await getCredentials(tx, session.userId);
    await enableTotp(tx, user.id, secret, recoveryCodes.map(sha256), deps.clock.now());
    await tx.updateTable('app_user').set({ totp_last_step: step }).where('id', '=', user.id).execute();
    await updateSession(tx, session.tokenHash, { pendingTotpSecret: null });
    const change =
      session.stage === 'done'
        ? { stage: 'done' as const }
        : await advanceSession(deps, tx, session, stageAfterSecondFactor(user), meta);
    return { ...change, recoveryCodes };
  });
}
