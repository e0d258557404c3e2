import { describe, expect, it } from 'vitest';
import {
  barGeometry,
  cellPlainText,
  checkFilters,
  filterQuery,
  filtersFrom,
  formatValue,
  lineGeometry,
  niceScale,
} from './mi-format';

const shown = (value: number) => ({ value, suppressed: false });

describe('formatValue', () => {
  it('writes Dutch numbers per unit and nothing for hidden or missing cells', () => {
    expect(formatValue(shown(1234), 'count')).toBe('1.234');
    expect(formatValue(shown(36.5), 'days')).toBe('36,5');
    expect(formatValue(shown(42), 'days')).toBe('42');
    expect(formatValue(shown(83.3), 'percent')).toBe('83,3%');
    expect(formatValue(shown(0.8), 'score')).toBe('+0,8');
    expect(formatValue(shown(-0.5), 'score')).toBe('-0,5');
    expect(formatValue({ value: null, suppressed: true }, 'count')).toBeNull();
    expect(
      cellPlainText({ value: null, suppressed: true }, 'count', {
        suppressed: 'minder dan 5',
        noData: 'geen gegevens',
      }),
    ).toBe('minder dan 5');
    expect(
      cellPlainText({ value: null, suppressed: false }, 'count', {
        suppressed: 'minder dan 5',
        noData: 'geen gegevens',
      }),
    ).toBe('geen gegevens');
  });

  it('checks the period before asking the server', () => {
    const f = (from: string, to: string) => ({ from, to, teamId: '', area: '' });
    expect(checkFilters(f('2026-01-01', '2026-06-30'))).toEqual({});
    expect(checkFilters(f('', ''))).toEqual({});
    expect(checkFilters(f('2026-06-30', '2026-01-01')).to).toMatch(/einddatum ligt vóór de begindatum/);
    expect(checkFilters(f('2026-02-31', '')).from).toMatch(/jjjj-mm-dd/);
    expect(checkFilters(f('', '2026-13-01')).to).toMatch(/jjjj-mm-dd/);
    expect(filtersFrom(new URLSearchParams('from=2026-01-01&teamId=x'))).toEqual({
      from: '2026-01-01',
      to: '',
      teamId: 'x',
      area: '',
    });
  });

  it('builds the query string of the filters without empty ones', () => {
    expect(filterQuery({ from: '2026-01-01', to: '2026-06-30', teamId: null, area: '' })).toBe(
      'from=2026-01-01&to=2026-06-30',
    );
    expect(filterQuery({ area: 'Noord-Oost' })).toBe('area=Noord-Oost');
  });
});

describe('chart geometry', () => {
  it('rounds the axis up to a nice maximum with even ticks', () => {
    expect(niceScale(17)).toEqual({ max: 20, step: 5, ticks: [0, 5, 10, 15, 20] });
    expect(niceScale(0)).toEqual({ max: 1, step: 1, ticks: [0, 1] });
    expect(niceScale(83.3).max).toBe(100);
  });

  it('draws bars proportional to their values, none for hidden values, negatives left of zero', () => {
    const g = barGeometry([
      { label: 'a', value: 10 },
      { label: 'b', value: 5 },
      { label: 'c', value: null },
    ]);
    expect(g.bars[0]!.width).toBeCloseTo(2 * g.bars[1]!.width, 5);
    expect(g.bars[2]!.width).toBe(0);
    expect(g.bars.every((b) => b.x === g.zero)).toBe(true);
    const n = barGeometry([
      { label: 'up', value: 1 },
      { label: 'down', value: -1 },
    ]);
    expect(n.bars[1]!.x + n.bars[1]!.width).toBeCloseTo(n.zero, 5);
    expect(n.bars[1]!.anchor).toBe('end');
    expect(n.bars[0]!.width).toBeCloseTo(n.bars[1]!.width, 5);
  });

  it('breaks the line at hidden months and thins the month labels', () => {
    const g = lineGeometry([
      { label: 'jan', value: 8 },
      { label: 'feb', value: 12 },
      { label: 'mrt', value: null },
      { label: 'apr', value: 6 },
      { label: 'mei', value: 9 },
    ]);
    expect(g.segments).toHaveLength(2);
    expect(g.points[2]!.y).toBeNull();
    expect(g.points[1]!.y).toBeLessThan(g.points[0]!.y!);
    const long = lineGeometry(Array.from({ length: 36 }, (_, i) => ({ label: String(i), value: i })));
    expect(long.points.filter((p) => p.showLabel).length).toBeLessThanOrEqual(13);
  });
});
