import type { FastifyInstance } from 'fastify';
import { AppError } from '../../shared/app-error';

export interface RateLimits {
  writesPerMinute: number;
  searchesPerMinute: number;
  anonymousPerMinute: number;
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

/** What a request counts as: a write (any change), a search (a GET of the API with a query string), or neither. */
export function requestKind(method: string, url: string): 'write' | 'search' | null {
  if (!url.startsWith('/api/')) return null;
  if (!SAFE_METHODS.has(method)) return 'write';
  return method === 'GET' && url.includes('?') ? 'search' : null;
}

/**
 * Rate limits on every write and search route: per logged-in user, or per address before login (the login
 * itself also has its lockout per username). Above the limit: 429 with a Dutch message and Retry-After.
 * Runs after the access-control checks, so refused requests never count against a user.
 */
export function registerRateLimits(app: FastifyInstance, limits: RateLimits, now?: () => number): void {
  const counter = createWindowCounter(now);
  app.addHook('preValidation', async (request, reply) => {
    const kind = requestKind(request.method, request.url);
    if (!kind) return;
    const userId = request.actor?.userId;
    const limit = userId
      ? kind === 'write'
        ? limits.writesPerMinute
        : limits.searchesPerMinute
      : limits.anonymousPerMinute;
    const wait = counter.hit(`${kind}:${userId ?? `ip:${request.ip}`}`, limit);
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
