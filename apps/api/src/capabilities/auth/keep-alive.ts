import type { FastifyReply } from 'fastify';
import type { Deps } from '../../platform/deps';
import { sessionTimeLeft, type SessionTimeLeft } from './auth.domain';
import { updateSession, type SessionRow } from './auth.store';

/** Response headers that tell the web app, on every request of a logged-in user, how long the session has left. */
export const SESSION_EXPIRES_IN_HEADER = 'x-session-expires-in';
export const SESSION_LIMIT_HEADER = 'x-session-limit';

export function timeLeftOf(deps: Deps, session: Pick<SessionRow, 'lastSeenAt' | 'expiresAt'>): SessionTimeLeft {
  return sessionTimeLeft({
    now: deps.clock.now(),
    lastSeenAt: session.lastSeenAt,
    expiresAt: session.expiresAt,
    idleMinutes: deps.config.session.idleMinutes,
  });
}

export function setSessionTimeHeaders(reply: FastifyReply, time: SessionTimeLeft): void {
  reply.header(SESSION_EXPIRES_IN_HEADER, String(time.expiresInSeconds));
  reply.header(SESSION_LIMIT_HEADER, time.endsAtAbsoluteLimit ? 'absolute' : 'idle');
}

/**
 * "Ingelogd blijven" and typing in a form: restarts the idle timer now (not throttled like an ordinary request).
 * The absolute expiry is never moved, so the answer never reaches past it.
 */
export async function keepSessionAlive(deps: Deps, session: SessionRow): Promise<SessionTimeLeft> {
  const now = deps.clock.now();
  await deps.db.inSystem((tx) => updateSession(tx, session.tokenHash, { lastSeenAt: now }));
  return timeLeftOf(deps, { lastSeenAt: now, expiresAt: session.expiresAt });
}
