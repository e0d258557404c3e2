import type { Deps } from '../../platform/deps';
import { isSessionExpired } from './auth.domain';
import { deleteSession, findSession, updateSession, type SessionRow } from './auth.store';
import { sha256 } from './tokens';

export type SessionLookup = { session: SessionRow } | { session: undefined; expired: boolean };

/** Finds the live session for a cookie token; an expired one is deleted. Touches last-seen at most once a minute. */
export async function resolveSession(deps: Deps, token: string | undefined): Promise<SessionLookup> {
  if (!token) return { session: undefined, expired: false };
  const tokenHash = sha256(token);
  const now = deps.clock.now();
  return deps.db.inSystem(async (tx) => {
    const session = await findSession(tx, tokenHash);
    if (!session) return { session: undefined, expired: true };
    const expired = isSessionExpired({
      now,
      createdAt: session.createdAt,
      lastSeenAt: session.lastSeenAt,
      expiresAt: session.expiresAt,
      idleMinutes: deps.config.session.idleMinutes,
    });
    if (expired) {
      await deleteSession(tx, tokenHash);
      return { session: undefined, expired: true };
    }
    if (now.getTime() - session.lastSeenAt.getTime() > 60_000) {
      await updateSession(tx, tokenHash, { lastSeenAt: now });
      return { session: { ...session, lastSeenAt: now } };
    }
    return { session };
  });
}
