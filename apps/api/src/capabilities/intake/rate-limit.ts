/**
 * A fixed-window counter per key, in memory. Enough to stop one address from flooding the public
 * referral form; with several app instances each keeps its own count (documented in docs/intake.md).
 */
export function createRateLimiter(limit: number, windowMs: number, now: () => number = Date.now) {
  const hits = new Map<string, { count: number; resetAt: number }>();
  return {
    /** True when the request may go ahead. */
    take(key: string): boolean {
      const t = now();
      if (hits.size > 10_000) for (const [k, v] of hits) if (v.resetAt <= t) hits.delete(k);
      const entry = hits.get(key);
      if (!entry || entry.resetAt <= t) {
        hits.set(key, { count: 1, resetAt: t + windowMs });
        return true;
      }
      entry.count++;
      return entry.count <= limit;
    },
  };
}
