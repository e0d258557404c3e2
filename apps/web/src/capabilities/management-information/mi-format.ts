/** Pure formatting, filters and chart geometry of the dashboards (no React). */
import type { MiCell, MiSuppressionReason, MiUnit } from '@nabij/contracts';
import { t } from '../../app/i18n';

const integer = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat('nl-NL', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const upToOneDecimal = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 1 });

/** A visible value in Dutch notation: "1.234", "36,5", "83,3%", "+0,8". Null for suppressed cells and cells without data. */
export function formatValue(cell: MiCell, unit: MiUnit): string | null {
  if (cell.suppressed || cell.value === null) return null;
  const v = cell.value;
  switch (unit) {
    case 'count':
      return integer.format(v);
    case 'percent':
      return `${oneDecimal.format(v)}%`;
    case 'score':
      return `${v > 0 ? '+' : ''}${oneDecimal.format(v)}`;
    case 'days':
    case 'number':
      return upToOneDecimal.format(v);
  }
}

/** Why a hidden cell is hidden; a cell from before the API gave reasons counts as a small count. */
export const reasonOf = (cell: MiCell): MiSuppressionReason => cell.reason ?? 'small';

/**
 * The marker of a hidden cell and how it is read aloud: "<5" (minder dan 5) only for a count below five, "x" for a
 * figure hidden to protect a small one elsewhere, "te weinig" for an average, median or share over too few cases.
 */
export function hiddenMarker(cell: MiCell, threshold: number): { short: string; spoken: string } {
  switch (reasonOf(cell)) {
    case 'complementary':
      return { short: t('mi.markerComplementary'), spoken: t('mi.suppressedComplementary') };
    case 'few_cases':
      return { short: t('mi.markerFewCases'), spoken: t('mi.suppressedFewCases', { threshold }) };
    case 'small':
      return { short: `<${threshold}`, spoken: t('mi.suppressed', { threshold }) };
  }
}

/** The reasons for hidden cells that occur among these cells, in a fixed order (for the explanation under a table). */
export function reasonsIn(cells: readonly MiCell[]): MiSuppressionReason[] {
  const found = new Set(cells.filter((c) => c.suppressed).map(reasonOf));
  return (['small', 'complementary', 'few_cases'] as const).filter((r) => found.has(r));
}

/** The one-line explanation of a marker. */
export function reasonExplanation(reason: MiSuppressionReason, threshold: number): string {
  if (reason === 'complementary') return t('mi.legendComplementary');
  if (reason === 'few_cases') return t('mi.legendFewCases', { threshold });
  return t('mi.legendSmall', { threshold, max: threshold - 1 });
}

/** Whether a chart is worth drawing: not when none of its values is visible (all hidden, or no data at all). */
export function chartState(cells: readonly MiCell[]): 'draw' | 'all_hidden' | 'no_data' {
  if (cells.some((c) => !c.suppressed && c.value !== null)) return 'draw';
  return cells.some((c) => c.suppressed) ? 'all_hidden' : 'no_data';
}

/** A cell as plain text, for chart descriptions: the value, "minder dan 5" (or why else it is hidden) or "geen gegevens". */
export function cellPlainText(
  cell: MiCell,
  unit: MiUnit,
  texts: { suppressed: string; noData: string },
  threshold?: number,
): string {
  if (cell.suppressed) return threshold === undefined ? texts.suppressed : hiddenMarker(cell, threshold).spoken;
  return formatValue(cell, unit) ?? texts.noData;
}

/** The period as the query string of the API and the page URL (empty filters left out). */
export function filterQuery(f: {
  from?: string | null;
  to?: string | null;
  teamId?: string | null;
  area?: string | null;
}): string {
  const p = new URLSearchParams();
  for (const key of ['from', 'to', 'teamId', 'area'] as const) {
    const v = f[key];
    if (v) p.set(key, v);
  }
  return p.toString();
}

export type Filters = Record<'from' | 'to' | 'teamId' | 'area', string>;
const isDate = (v: string) => {
  const d = new Date(`${v}T00:00:00Z`);
  return /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(d.getTime()) && d.toISOString().startsWith(v);
};

/** The filters from the page address: the period, a team and an area. */
export function filtersFrom(params: URLSearchParams): Filters {
  return {
    from: params.get('from') ?? '',
    to: params.get('to') ?? '',
    teamId: params.get('teamId') ?? '',
    area: params.get('area') ?? '',
  };
}

/** Client-side checks before asking the server: real dates, and the end not before the start. */
export function checkFilters(f: Filters): Record<string, string> {
  const errors: Record<string, string> = {};
  if (f.from && !isDate(f.from)) errors.from = t('mi.dateInvalid');
  if (f.to && !isDate(f.to)) errors.to = t('mi.dateInvalid');
  if (!errors.from && !errors.to && f.from && f.to && f.from > f.to) errors.to = t('mi.periodInverted');
  return errors;
}

// ---------- chart geometry ----------
/** A round upper bound for an axis and its ticks: 0, 5, 10 … or 0, 20, 40 … */
export function niceScale(max: number, ticks = 4): { max: number; step: number; ticks: number[] } {
  if (!(max > 0)) return { max: 1, step: 1, ticks: [0, 1] };
  const raw = max / ticks;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => s >= raw) ?? 10 * magnitude;
  const top = Math.ceil(max / step) * step;
  const list: number[] = [];
  for (let v = 0; v <= top + step / 1000; v += step) list.push(Math.round(v * 1000) / 1000);
  return { max: top, step, ticks: list };
}

export interface BarDatum {
  label: string;
  value: number | null;
}

export interface BarGeometry {
  width: number;
  height: number;
  /** x of the zero line. */
  zero: number;
  bars: Array<{
    label: string;
    labelY: number;
    barY: number;
    x: number;
    width: number;
    valueX: number;
    anchor: 'start' | 'end';
  }>;
}

/**
 * Horizontal bars, one per row: the label above its bar (so long Dutch labels fit on a phone), negative values to
 * the left of the zero line. Rows without a value (suppressed, no data) get no bar, only their text.
 */
export function barGeometry(data: readonly BarDatum[], width = 640): BarGeometry {
  const pad = 8;
  const rowHeight = 46;
  const values = data.map((d) => d.value ?? 0);
  const maxPos = Math.max(0, ...values);
  const maxNeg = Math.max(0, ...values.map((v) => -v));
  const valueSpace = 56;
  const usable = width - 2 * pad - valueSpace * (maxNeg > 0 ? 2 : 1);
  const span = maxPos + maxNeg || 1;
  const zero = pad + (maxNeg > 0 ? valueSpace : 0) + (maxNeg / span) * usable;
  const scale = usable / span;
  return {
    width,
    height: data.length * rowHeight + pad,
    zero,
    bars: data.map((d, i) => {
      const v = d.value ?? 0;
      const w = Math.abs(v) * scale;
      const x = v < 0 ? zero - w : zero;
      return {
        label: d.label,
        labelY: pad + i * rowHeight + 12,
        barY: pad + i * rowHeight + 18,
        x,
        width: d.value === null ? 0 : Math.max(w, v === 0 ? 0 : 2),
        valueX: v < 0 ? x - 6 : zero + w + 6,
        anchor: v < 0 ? 'end' : 'start',
      };
    }),
  };
}

export interface LineGeometry {
  width: number;
  height: number;
  plot: { left: number; right: number; top: number; bottom: number };
  ticks: Array<{ value: number; y: number }>;
  points: Array<{ x: number; y: number | null; label: string; showLabel: boolean }>;
  /** Polylines of consecutive visible points (a hidden month breaks the line). */
  segments: string[];
}

/** A line over time (months); hidden values break the line. Month labels are thinned to about one per 64 pixels. */
export function lineGeometry(data: readonly BarDatum[], width = 640, height = 260): LineGeometry {
  const plot = { left: 44, right: width - 16, top: 18, bottom: height - 36 };
  const scale = niceScale(Math.max(0, ...data.map((d) => d.value ?? 0)));
  const y = (v: number) => plot.bottom - (v / scale.max) * (plot.bottom - plot.top);
  const stepX = data.length > 1 ? (plot.right - plot.left) / (data.length - 1) : 0;
  const every = Math.max(1, Math.ceil(data.length / Math.max(2, Math.floor((plot.right - plot.left) / 64))));
  const points = data.map((d, i) => ({
    x: data.length > 1 ? plot.left + i * stepX : (plot.left + plot.right) / 2,
    y: d.value === null ? null : y(d.value),
    label: d.label,
    showLabel: i % every === 0 || i === data.length - 1,
  }));
  const segments: string[] = [];
  let current: string[] = [];
  for (const p of points) {
    if (p.y === null) {
      if (current.length > 1) segments.push(current.join(' '));
      current = [];
    } else current.push(`${p.x.toFixed(1)},${p.y.toFixed(1)}`);
  }
  if (current.length > 1) segments.push(current.join(' '));
  return { width, height, plot, ticks: scale.ticks.map((v) => ({ value: v, y: y(v) })), points, segments };
}
