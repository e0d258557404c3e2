import type { FastifyInstance } from 'fastify';
import { AppError } from '../../shared/app-error';

export interface RateLimits {
  writesPerMinute: number;
  searchesPerMinute: number;
  anonymousPerMinute: number;
  /** Per logged-in resident of Mijn Nabij, for writes and for searches each. */
  residentPerMinute: number;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const WINDOW_MS = 60_000;

/**
 * Fixed one-minute windows per key, in this process's memory (ADR 0017): cheap on every request, and with
 * several instances each counts its own share, which still stops a flood. Old windows are swept lazily.
 */
export function createWindowCounter(now: () => number = Date.now) {
  const windows = new Map<string, { count: number; resetAt: number }>();
  return {
    /** Counts a hit; returns the seconds to wait when the key is over its limit, else 0. */
    hit(key: string, limit: number): number {
      const t = now();
      if (windows.size > 50_000) for (const [k, w] of windows) if (w.resetAt <= t) windows.delete(k);
      const w = windows.get(key);
      if (!w || w.resetAt <= t) {
        windows.set(key, { count: 1, resetAt: t + WINDOW_MS });
        return 0;
      }
      w.count++;
      return w.count > limit ? Math.max(1, Math.ceil((w.resetAt - t) / 1000)) : 0;
    },
  };
}

/**
 * What a request counts as: a search (a GET of the API with a query string, or a POST to a route ending in
 * `/search` — person search sends its criteria in the body so that they stay out of logs and history), a write
 * (any other change), or neither.
 */
export function requestKind(method: string, url: string, route?: string): 'write' | 'search' | null {
  if (!url.startsWith('/api/')) return null;
  if (method === 'POST' && route?.endsWith('/search')) return 'search';
  if (!SAFE_METHODS.has(method)) return 'write';
  return method === 'GET' && url.includes('?') ? 'search' : null;
}

/**
 * Whose window a request counts in, and its limit: a staff user per user; a resident of Mijn Nabij per resident
 * account, with the residents' own limit; before login per address — with the resident portal's login (`/api/resident/`)
 * in a bucket of its own, so a busy staff login from one address never locks residents out, nor the other way round.
 */
export function rateKey(
  kind: 'write' | 'search',
  who: { userId?: string | undefined; residentAccountId?: string | undefined; ip: string; url: string },
  limits: RateLimits,
): { key: string; limit: number } {
  if (who.userId)
    return {
      key: `${kind}:user:${who.userId}`,
      limit: kind === 'write' ? limits.writesPerMinute : limits.searchesPerMinute,
    };
  if (who.residentAccountId)
    return { key: `${kind}:resident:${who.residentAccountId}`, limit: limits.residentPerMinute };
  const area = who.url.startsWith('/api/resident/') ? 'resident' : 'staff';
  return { key: `${kind}:ip:${area}:${who.ip}`, limit: limits.anonymousPerMinute };
}

/**
 * Rate limits on every write and search route: per logged-in user or resident, or per address before login (the
 * login itself also has its lockout per username). Above the limit: 429 with a Dutch message and Retry-After.
 * Runs after the access-control checks, so refused requests never count against a user.
 */
export function registerRateLimits(app: FastifyInstance, limits: RateLimits, now?: () => number): void {
  const counter = createWindowCounter(now);
  app.addHook('preValidation', async (request, reply) => {
    const kind = requestKind(request.method, request.url, request.routeOptions.url);
    if (!kind) return;
    const userId = request.actor?.userId;
    const { key, limit } = rateKey(
      kind,
      { userId, residentAccountId: request.resident?.accountId, ip: request.ip, url: request.url },
      limits,
    );
    const wait = counter.hit(key, limit);
    if (wait > 0) {
      request.log.warn(
        { rateLimited: kind, userId: userId ?? null, route: request.routeOptions.url },
        'rate limit reached',
      );
      reply.header('retry-after', String(wait));
      throw new AppError('rate_limited');
    }
  });
}
