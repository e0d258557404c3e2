import { describe, expect, it } from 'vitest';
import {
  keepAliveDue,
  laterOf,
  minutesLeft,
  msUntilNextPhase,
  phaseAt,
  readSessionTime,
  WARN_BEFORE_MS,
} from './session-timer';

const headers = (h: Record<string, string>) => ({ get: (name: string) => h[name] ?? null });
const now = 1_000_000_000_000;

describe('the session time from the response headers', () => {
  it('turns seconds left into an end on this browser’s clock, and says whether the absolute limit ends it', () => {
    expect(readSessionTime(headers({ 'x-session-expires-in': '1800', 'x-session-limit': 'idle' }), now)).toEqual({
      endsAt: now + 1_800_000,
      absolute: false,
    });
    expect(readSessionTime(headers({ 'x-session-expires-in': '90', 'x-session-limit': 'absolute' }), now)).toEqual({
      endsAt: now + 90_000,
      absolute: true,
    });
  });
  it('ignores responses without a session (public pages, no login)', () => {
    expect(readSessionTime(headers({}), now)).toBeUndefined();
    expect(readSessionTime(headers({ 'x-session-expires-in': 'soon' }), now)).toBeUndefined();
  });
});

describe('the warning before the session ends', () => {
  const time = { endsAt: now + 30 * 60_000, absolute: false };
  it('is quiet until two minutes before the end, warns then, and knows when it ended', () => {
    expect(phaseAt(undefined, now)).toBe('unknown');
    expect(phaseAt(time, now)).toBe('active');
    expect(phaseAt(time, time.endsAt - WARN_BEFORE_MS - 1)).toBe('active');
    expect(phaseAt(time, time.endsAt - WARN_BEFORE_MS)).toBe('warning');
    expect(phaseAt(time, time.endsAt - 1)).toBe('warning');
    expect(phaseAt(time, time.endsAt)).toBe('ended');
  });
  it('counts whole minutes up, and wakes up at the next change of phase', () => {
    expect(minutesLeft(time, time.endsAt - 2 * 60_000)).toBe(2);
    expect(minutesLeft(time, time.endsAt - 61_000)).toBe(2);
    expect(minutesLeft(time, time.endsAt - 59_000)).toBe(1);
    expect(minutesLeft(time, time.endsAt + 1)).toBe(0);
    expect(msUntilNextPhase(time, now)).toBe(28 * 60_000);
    expect(msUntilNextPhase(time, time.endsAt - 60_000)).toBe(60_000);
    expect(msUntilNextPhase(time, time.endsAt)).toBe(5_000);
  });
});

describe('the keep-alive while typing', () => {
  const time = { endsAt: now + 20 * 60_000, absolute: false };
  it('is sent at most once a minute', () => {
    expect(keepAliveDue(time, 0, now)).toBe(true);
    expect(keepAliveDue(time, now - 59_000, now)).toBe(false);
    expect(keepAliveDue(time, now - 60_000, now)).toBe(true);
  });
  it('is not sent without a session, after the end, or when the absolute limit ends the session', () => {
    expect(keepAliveDue(undefined, 0, now)).toBe(false);
    expect(keepAliveDue(time, 0, time.endsAt)).toBe(false);
    expect(keepAliveDue({ ...time, absolute: true }, 0, now)).toBe(false);
  });
  it('lets the later end of two tabs win', () => {
    const later = { endsAt: now + 29 * 60_000, absolute: false };
    expect(laterOf(time, later)).toBe(later);
    expect(laterOf(later, time)).toBe(later);
    expect(laterOf(undefined, time)).toBe(time);
  });
});
