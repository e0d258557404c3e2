import { describe, expect, it } from 'vitest';
import {
  countCell,
  defaultPeriod,
  monthsOf,
  percentile,
  percentileOfHistogram,
  personalDataInNotes,
  quarterOf,
  recentQuarters,
  shareCell,
  statCell,
  suppressionMask,
  suppressList,
  suppressMatrix,
} from './mi.domain';
import { cellText, sheetName } from './mi.export';

describe('median and 90th percentile', () => {
  it('interpolate linearly between the closest ranks, like percentile_cont', () => {
    expect(percentile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(percentile([1, 2, 3, 4], 0.9)).toBeCloseTo(3.7, 10);
    expect(percentile([0, 0, 1, 3, 10], 0.5)).toBe(1);
    // rank (5 - 1) × 0.9 = 3.6: between the 4th (3) and 5th (10) value.
    expect(percentile([0, 0, 1, 3, 10], 0.9)).toBeCloseTo(3 + 0.6 * 7, 10);
    expect(percentile([7], 0.9)).toBe(7);
    expect(percentile([], 0.5)).toBeNull();
  });

  it('give the same answer from a histogram as from the values, in any order', () => {
    const values = [5, 1, 1, 9, 3, 3, 3, 14, 0, 2, 6];
    const bins = [...new Set(values)].map((v) => ({ value: v, count: values.filter((x) => x === v).length })).reverse();
    for (const p of [0, 0.1, 0.5, 0.75, 0.9, 1])
      expect(percentileOfHistogram(bins, p)).toBeCloseTo(percentile(values, p) ?? NaN, 10);
    expect(percentileOfHistogram([{ value: 4, count: 0 }], 0.5)).toBeNull();
  });
});

describe('suppression of small cells', () => {
  it('hides counts of one to four, shows zero and five or more', () => {
    expect(countCell(0)).toEqual({ value: 0, suppressed: false });
    expect(countCell(1)).toEqual({ value: null, suppressed: true, reason: 'small' });
    expect(countCell(4)).toEqual({ value: null, suppressed: true, reason: 'small' });
    expect(countCell(5)).toEqual({ value: 5, suppressed: false });
  });

  it('hides a statistic over fewer than five cases, and reports no data over none', () => {
    // Never "<5": an average over four cases is hidden because of the cases behind it, not because it is small.
    expect(statCell(3.25, 4)).toEqual({ value: null, suppressed: true, reason: 'few_cases' });
    expect(statCell(12, 3)).toEqual({ value: null, suppressed: true, reason: 'few_cases' });
    expect(statCell(3.25, 5)).toEqual({ value: 3.3, suppressed: false });
    expect(statCell(null, 0)).toEqual({ value: null, suppressed: false });
  });

  it('hides a share when its whole is small or its own count is hidden', () => {
    expect(shareCell(2, 10)).toEqual({ value: null, suppressed: true, reason: 'complementary' });
    expect(shareCell(6, 4 + 0)).toEqual({ value: null, suppressed: true, reason: 'few_cases' });
    expect(shareCell(5, 20)).toEqual({ value: 25, suppressed: false });
    expect(shareCell(0, 20)).toEqual({ value: 0, suppressed: false });
    expect(shareCell(0, 0)).toEqual({ value: null, suppressed: false });
    expect(shareCell(12, 20, true)).toEqual({ value: null, suppressed: true, reason: 'complementary' });
  });

  it('hides a second cell when a single hidden cell could be computed back from the total', () => {
    // 30 + 3 + 12 = 45: with only the 3 hidden, 45 − 30 − 12 would give it away; the smallest other (12) goes too.
    const list = suppressList([30, 3, 12]);
    expect(list.cells.map((c) => c.suppressed)).toEqual([false, true, true]);
    // The API says why: the 3 is small ("<5"), the 12 is hidden to protect it (its own marker).
    expect(list.cells.map((c) => c.reason)).toEqual([undefined, 'small', 'complementary']);
    expect(list.total).toEqual({ value: 45, suppressed: false });
    // Two small cells protect each other; nothing more is hidden.
    expect(suppressList([30, 3, 2, 12]).cells.map((c) => c.suppressed)).toEqual([false, true, true, false]);
    // Zeros are not hidden, and no non-zero cell is left to hide: the total is small itself.
    expect(suppressList([0, 3, 0]).total).toEqual({ value: null, suppressed: true, reason: 'small' });
  });

  it('protects rows and columns of a matrix together until no hidden cell can be derived', () => {
    const m = suppressMatrix([
      [10, 2, 8],
      [7, 9, 6],
    ]);
    // Row 1: 2 hidden → 8 hidden too. Column 2 (2 and 9): 9 hidden. Column 3 (8 and 6): 6 hidden. Row 2: 9 and 6 hidden: fine.
    expect(m.cells.map((r) => r.map((c) => c.suppressed))).toEqual([
      [false, true, true],
      [false, true, true],
    ]);
    expect(m.cells.map((r) => r.map((c) => c.reason))).toEqual([
      [undefined, 'small', 'complementary'],
      [undefined, 'complementary', 'complementary'],
    ]);
    expect(m.rowTotals.map((c) => c.value)).toEqual([20, 22]);
    expect(m.colTotals.map((c) => c.value)).toEqual([17, 11, 14]);
    expect(m.grandTotal.value).toBe(42);
    // Every visible group with a hidden part has at least two hidden parts.
    const counts = [10, 2, 8, 7, 9, 6];
    const mask = suppressionMask(counts, [
      { parts: [0, 1, 2], total: 0 },
      { parts: [3, 4, 5], total: 3 },
    ]);
    expect(mask).toEqual([false, true, true, false, false, false]);
  });

  it('also hides cells forced for another reason (actions of fewer than five cases)', () => {
    const forced = suppressList([40, 20, 9], [false, false, true]);
    expect(forced.cells.map((c) => c.suppressed)).toEqual([false, true, true]);
    expect(forced.cells.map((c) => c.reason)).toEqual([undefined, 'complementary', 'few_cases']);
  });
});

describe('export cells', () => {
  it('write "<5" for suppressed cells, nothing for no data, and decimals with a comma', () => {
    expect(cellText({ value: null, suppressed: true, reason: 'small' }, 'count')).toBe('<5');
    expect(cellText({ value: null, suppressed: true, reason: 'complementary' }, 'count')).toBe('x');
    expect(cellText({ value: null, suppressed: true, reason: 'few_cases' }, 'percent')).toBe('te weinig');
    expect(cellText({ value: null, suppressed: false }, 'days')).toBe('');
    expect(cellText({ value: 12, suppressed: false }, 'count')).toBe('12');
    expect(cellText({ value: 2.5, suppressed: false }, 'days')).toBe('2,5');
    expect(cellText({ value: 40, suppressed: false }, 'percent')).toBe('40,0');
    expect(cellText({ value: -0.5, suppressed: false }, 'score')).toBe('-0,5');
  });

  it('make sheet names Excel accepts', () => {
    expect(sheetName('Wachttijden en doorlooptijden: per stap [dagen]')).toBe('Wachttijden en doorlooptijden');
    expect(sheetName('a/b')).toBe('a b');
  });
});

describe('periods', () => {
  it('default to the last twelve months', () => {
    expect(defaultPeriod('2026-11-23')).toEqual({ from: '2025-12-01', to: '2026-11-23' });
    expect(defaultPeriod('2026-01-05')).toEqual({ from: '2025-02-01', to: '2026-01-05' });
  });

  it('list the months of a period and the quarters', () => {
    expect(monthsOf('2025-11-15', '2026-02-01')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(monthsOf('2026-03-01', '2026-03-31')).toEqual(['2026-03']);
    expect(quarterOf('2026-11-23')).toBe('2026-Q4');
    expect(quarterOf('2026-01-01')).toBe('2026-Q1');
    expect(recentQuarters('2026-02-10', 3)).toEqual(['2026-Q1', '2025-Q4', '2025-Q3']);
  });
});

describe('notes of the self-assessment', () => {
  it('refuse what would identify a resident', () => {
    expect(personalDataInNotes('We bespreken te weinig casussen in het overleg.')).toBeUndefined();
    expect(personalDataInNotes('Zie dossier van 123456782')).toMatch(/BSN/);
    expect(personalDataInNotes('mail naar jan@example.nl')).toMatch(/e-mailadres/);
    expect(personalDataInNotes('bel 06-12345678')).toMatch(/telefoonnummer/);
    expect(personalDataInNotes('woont op 1234 AB 12')).toMatch(/adres/);
  });
});
