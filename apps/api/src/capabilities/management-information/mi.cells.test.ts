import { describe, expect, it } from 'vitest';
import { addPacked, monthEnd, pack, splitPeriod, type Additive } from './mi.cells';

const part = (over: Partial<Additive>): Additive => ({
  inflow: [],
  decisions: [],
  closedWithoutCase: [],
  leadTimes: [],
  evaluations: { held: 0, on_time: 0, cases: 0, overdue_now: 0, execution_now: 0 },
  zrmChange: [],
  zrmCoverage: { closed: 0, with_start: 0, with_pair: 0 },
  participation: { cases: 0, persons: 0, up: 0, same: 0, down: 0, change_sum: 0 },
  closures: [],
  watch: {
    in_watch_now: 0,
    watch_started: 0,
    watch_ended: 0,
    watch_reactivated: 0,
    reactivated_from_watch: 0,
    reactivated_from_closed: 0,
  },
  reReferrals: { referrals: 0, with_household: 0, within_one_year: 0, within_two_years: 0 },
  continuity: {
    closed: 0,
    zero: 0,
    one: 0,
    two_plus: 0,
    change_sum: 0,
    changes_in_period: 0,
    cases_changed_in_period: 0,
  },
  signals: [],
  ...over,
});

describe('adding up parts of a period', () => {
  it('sums counts and histograms per key, keeps the largest norm, and survives the stored form', () => {
    const a = part({
      leadTimes: [
        { step: 'assignment_plan', days: 12, n: 2, within_norm: 2, norm_days: 42 },
        { step: 'referral_decision', days: 3, n: 1, within_norm: 0, norm_days: null },
      ],
      inflow: [{ month: '2026-03', channel: 'phone', referrer_kind: 'self', n: 4 }],
      evaluations: { held: 3, on_time: 2, cases: 2, overdue_now: 0, execution_now: 0 },
    });
    const b = part({
      leadTimes: [
        { step: 'assignment_plan', days: 12, n: 1, within_norm: 0, norm_days: 28 },
        { step: 'assignment_plan', days: 50, n: 1, within_norm: 0, norm_days: 28 },
        { step: 'referral_decision', days: 3, n: 5, within_norm: 0, norm_days: null },
      ],
      inflow: [
        { month: '2026-03', channel: 'phone', referrer_kind: 'self', n: 1 },
        { month: '2026-03', channel: 'phone', referrer_kind: 'professional', n: 7 },
      ],
      evaluations: { held: 1, on_time: 1, cases: 1, overdue_now: 0, execution_now: 0 },
    });
    const stored = JSON.parse(JSON.stringify([pack(a), pack(b)])) as ReturnType<typeof pack>[];
    const sum = addPacked(stored);
    expect(sum).toEqual(addPacked([pack(a), pack(b)]));
    expect(sum.leadTimes).toEqual([
      { step: 'assignment_plan', days: 12, n: 3, within_norm: 2, norm_days: 42 },
      { step: 'referral_decision', days: 3, n: 6, within_norm: 0, norm_days: null },
      { step: 'assignment_plan', days: 50, n: 1, within_norm: 0, norm_days: 28 },
    ]);
    expect(sum.inflow).toEqual([
      { month: '2026-03', channel: 'phone', referrer_kind: 'self', n: 5 },
      { month: '2026-03', channel: 'phone', referrer_kind: 'professional', n: 7 },
    ]);
    expect(sum.evaluations).toEqual({ held: 4, on_time: 3, cases: 3, overdue_now: 0, execution_now: 0 });
  });

  it('splits a period into whole months, the past days of a month covered in part, and today onwards', () => {
    expect(monthEnd('2024-02-10')).toBe('2024-02-29');
    expect(splitPeriod('2025-12-01', '2026-02-14', '2026-02-15')).toEqual({
      cells: [
        { first: '2025-12-01', last: '2025-12-31' },
        { first: '2026-01-01', last: '2026-01-31' },
        { first: '2026-02-01', last: '2026-02-14' },
      ],
      direct: [],
    });
    expect(splitPeriod('2025-12-20', '2026-02-15', '2026-02-15')).toEqual({
      cells: [
        { first: '2025-12-20', last: '2025-12-31' },
        { first: '2026-01-01', last: '2026-01-31' },
        { first: '2026-02-01', last: '2026-02-14' },
      ],
      direct: [{ from: '2026-02-15', to: '2026-02-15' }],
    });
    expect(splitPeriod('2026-02-01', '2026-02-01', '2026-02-01')).toEqual({
      cells: [],
      direct: [{ from: '2026-02-01', to: '2026-02-01' }],
    });
  });
});
