import type { Tx } from '../../platform/database/database';
import type { Deps } from '../../platform/deps';
import type { Stage } from './auth.domain';
import { insertSession } from './auth.store';
import { randomToken, sha256 } from './tokens';

export interface RequestMeta {
  ip: string;
  userAgent: string | null;
}

/** Opens a session for a user at a login stage; returns the token for the cookie (only its hash is stored). */
export async function startSession(
  deps: Deps,
  tx: Tx,
  user: { id: string; tenantId: string },
  stage: Stage,
  authMethod: 'password' | 'oidc',
  meta: RequestMeta,
): Promise<string> {
  const token = randomToken();
  const now = deps.clock.now();
  await insertSession(tx, {
    tokenHash: sha256(token),
    userId: user.id,
    tenantId: user.tenantId,
    stage,
    authMethod,
    csrfToken: randomToken(24),
    expiresAt: new Date(now.getTime() + deps.config.session.absoluteHours * 3_600_000),
    ip: meta.ip,
    userAgent: meta.userAgent,
  });
  return token;
}
