/**
 * How long the login session has left, as the server says on every response (`x-session-expires-in`,
 * `x-session-limit`), shared by all tabs of the browser (BroadcastChannel), plus the rules of the warning and the
 * keep-alive while typing. The rules are pure functions of the time; the store is a tiny external store for React.
 */

/** The warning ("Uw sessie verloopt over 2 minuten") appears this long before the end. */
export const WARN_BEFORE_MS = 2 * 60_000;
/** Typing restarts the idle timer with at most one request per this interval. */
export const KEEP_ALIVE_INTERVAL_MS = 60_000;
/** After the end, the app asks the server once (a little later, so a clock difference cannot end it early). */
export const PROBE_AFTER_END_MS = 5_000;

export interface SessionTime {
  /** When the session ends (this browser's clock, ms), unless a request restarts the idle timer first. */
  endsAt: number;
  /** The absolute limit ends it: "Ingelogd blijven" cannot help. */
  absolute: boolean;
}

export type SessionPhase = 'unknown' | 'active' | 'warning' | 'ended';

/** Reads the session headers of a response; undefined when the response carries none (no login, a public page). */
export function readSessionTime(headers: { get(name: string): string | null }, now: number): SessionTime | undefined {
  const seconds = Number(headers.get('x-session-expires-in') ?? Number.NaN);
  if (!Number.isFinite(seconds) || seconds < 0) return undefined;
  return { endsAt: now + seconds * 1000, absolute: headers.get('x-session-limit') === 'absolute' };
}

export function phaseAt(time: SessionTime | undefined, now: number): SessionPhase {
  if (!time) return 'unknown';
  if (now >= time.endsAt) return 'ended';
  return time.endsAt - now <= WARN_BEFORE_MS ? 'warning' : 'active';
}

/** Whole minutes left, rounded up ("nog 2 minuten"); 0 when ended. */
export function minutesLeft(time: SessionTime, now: number): number {
  return Math.max(0, Math.ceil((time.endsAt - now) / 60_000));
}

/** Milliseconds until the phase next changes (warning starts, session ends, the probe after the end). */
export function msUntilNextPhase(time: SessionTime, now: number): number {
  const left = time.endsAt - now;
  if (left > WARN_BEFORE_MS) return left - WARN_BEFORE_MS;
  if (left > 0) return left;
  return Math.max(0, left + PROBE_AFTER_END_MS);
}

/**
 * Typing keeps the session alive: a keep-alive is due when the last one is at least a minute old, the session is
 * still running, and its end is the idle timeout (the absolute limit cannot be moved, so asking would be useless).
 */
export function keepAliveDue(time: SessionTime | undefined, lastKeepAliveAt: number, now: number): boolean {
  if (!time || time.absolute || now >= time.endsAt) return false;
  return now - lastKeepAliveAt >= KEEP_ALIVE_INTERVAL_MS;
}

/** Of two reports (this tab's and another tab's), the later end wins: any request of any tab restarts the idle timer. */
export function laterOf(a: SessionTime | undefined, b: SessionTime): SessionTime {
  if (!a || b.endsAt >= a.endsAt || b.absolute !== a.absolute) return b;
  return a;
}

// ---------- the store ----------

let current: SessionTime | undefined;
const listeners = new Set<() => void>();
const channel: BroadcastChannel | undefined =
  typeof window !== 'undefined' && typeof BroadcastChannel === 'function'
    ? new BroadcastChannel('nabij-session-time')
    : undefined;

function publish(next: SessionTime | undefined): void {
  current = next;
  for (const listener of listeners) listener();
}

channel?.addEventListener('message', (event: MessageEvent<unknown>) => {
  const data = event.data as Partial<SessionTime> | null;
  if (data && typeof data.endsAt === 'number' && typeof data.absolute === 'boolean')
    publish(laterOf(current, { endsAt: data.endsAt, absolute: data.absolute }));
});

/** Called by the API client for every response with the session headers (and by the keep-alive). */
export function reportSessionTime(time: SessionTime): void {
  publish(time);
  channel?.postMessage(time);
}

/** The session is gone (logged out, expired): no timer until the next login. */
export function forgetSessionTime(): void {
  publish(undefined);
}

export function currentSessionTime(): SessionTime | undefined {
  return current;
}

export function subscribeSessionTime(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
