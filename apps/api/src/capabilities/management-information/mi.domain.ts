/**
 * Pure rules of management information (no I/O): percentiles from a histogram, the suppression of small cells
 * (primary and complementary), shares, and periods. The SQL aggregates; these functions turn the aggregates into cells.
 */
import { SUPPRESSION_THRESHOLD, type MiCell } from '@nabij/contracts';

export const NO_DATA: MiCell = { value: null, suppressed: false };
/** A count of 1–4 ("<5"). */
export const SMALL: MiCell = { value: null, suppressed: true, reason: 'small' };
/** Not small itself, hidden so that a small figure cannot be computed back ("x"). */
export const COMPLEMENTARY: MiCell = { value: null, suppressed: true, reason: 'complementary' };
/** A statistic or count resting on fewer than five cases ("te weinig"). */
export const FEW_CASES: MiCell = { value: null, suppressed: true, reason: 'few_cases' };

/** A count of cases (or referrals, actions, signals …) that is 1–4 would identify households: suppressed. Zero is shown. */
export const isSmall = (n: number): boolean => n > 0 && n < SUPPRESSION_THRESHOLD;

export const round1 = (v: number): number => Math.round(v * 10) / 10;

export function countCell(n: number): MiCell {
  return isSmall(n) ? SMALL : { value: n, suppressed: false };
}

/**
 * A statistic (median, average, share) computed over `cases` cases: no data when there are none, suppressed when
 * fewer than five, otherwise rounded to one decimal.
 */
export function statCell(value: number | null, cases: number): MiCell {
  if (cases === 0 || value === null || Number.isNaN(value)) return NO_DATA;
  if (cases < SUPPRESSION_THRESHOLD) return FEW_CASES;
  return { value: round1(value), suppressed: false };
}

/**
 * The share (percentage) of `part` in `whole`. Suppressed when the whole is under five cases, or when the part's
 * own count cell is suppressed (a visible share of a visible whole would give the hidden count away).
 */
export function shareCell(part: number, whole: number, partSuppressed = isSmall(part)): MiCell {
  if (whole === 0) return NO_DATA;
  if (whole < SUPPRESSION_THRESHOLD) return FEW_CASES;
  // The count it is the share of is hidden (small, or to protect another): the share would give that count away.
  if (partSuppressed) return COMPLEMENTARY;
  return { value: round1((part / whole) * 100), suppressed: false };
}

/** A group of count cells (indices) whose sum is shown in another cell (the total's index). */
export interface AdditiveGroup {
  parts: readonly number[];
  total: number;
}

/**
 * Which count cells to suppress. Primary: every count of 1–4. Complementary: when a group's total is visible and
 * exactly one of its parts is hidden, that part could be computed back (total minus the others), so the smallest other
 * non-zero part is hidden too — repeated until no group gives a hidden cell away. Totals are never hidden on top of
 * the primary rule. Returns one flag per cell.
 */
export function suppressionMask(
  counts: readonly number[],
  groups: readonly AdditiveGroup[],
  force: readonly boolean[] = [],
): boolean[] {
  const mask = counts.map((n, i) => isSmall(n) || force[i] === true);
  for (let changed = true; changed;) {
    changed = false;
    for (const g of groups) {
      if (mask[g.total]) continue;
      const hidden = g.parts.filter((i) => mask[i]);
      if (hidden.length !== 1) continue;
      const candidates = g.parts
        .filter((i) => !mask[i] && (counts[i] ?? 0) > 0)
        .sort((a, b) => (counts[a] ?? 0) - (counts[b] ?? 0) || a - b);
      const next = candidates[0];
      // Only zeros are left: the hidden part equals the total minus zeros, but then the total itself is small (primary).
      if (next === undefined) continue;
      mask[next] = true;
      changed = true;
    }
  }
  return mask;
}

/**
 * A matrix of counts with its row totals, column totals and grand total, suppressed as one table: each row adds
 * up to its row total, each column to its column total, the column totals to the grand total.
 * Returns cells in the same shape: `cells[r][c]`, `rowTotals[r]`, `colTotals[c]`, `grandTotal`. `force[r][c]` hides a cell
 * for another reason (e.g. the count of actions is large but they belong to fewer than five cases).
 */
export function suppressMatrix(counts: readonly (readonly number[])[], force: readonly (readonly boolean[])[] = []) {
  const rows = counts.length;
  const cols = counts[0]?.length ?? 0;
  const rowTotals = counts.map((r) => r.reduce((a, b) => a + b, 0));
  const colTotals = Array.from({ length: cols }, (_, c) => counts.reduce((a, r) => a + (r[c] ?? 0), 0));
  const grand = rowTotals.reduce((a, b) => a + b, 0);
  // Flat layout: the cells row by row, then the row totals, then the column totals, then the grand total.
  const flat = [...counts.flatMap((r) => [...r]), ...rowTotals, ...colTotals, grand];
  const at = (r: number, c: number) => r * cols + c;
  const rowTotal = (r: number) => rows * cols + r;
  const colTotal = (c: number) => rows * cols + rows + c;
  const grandIndex = rows * cols + rows + cols;
  const groups: AdditiveGroup[] = [
    ...Array.from({ length: rows }, (_, r) => ({
      parts: Array.from({ length: cols }, (_, c) => at(r, c)),
      total: rowTotal(r),
    })),
    ...Array.from({ length: cols }, (_, c) => ({
      parts: Array.from({ length: rows }, (_, r) => at(r, c)),
      total: colTotal(c),
    })),
    { parts: Array.from({ length: cols }, (_, c) => colTotal(c)), total: grandIndex },
    { parts: Array.from({ length: rows }, (_, r) => rowTotal(r)), total: grandIndex },
  ];
  const mask = suppressionMask(
    flat,
    groups,
    force.flatMap((r) => [...r]),
  );
  const forced = force.flatMap((r) => [...r]);
  // Why each hidden cell is hidden: small itself, forced (too few cases behind it), or to protect another cell.
  const cell = (i: number): MiCell => {
    if (!mask[i]) return { value: flat[i] ?? 0, suppressed: false };
    if (isSmall(flat[i] ?? 0)) return SMALL;
    return forced[i] === true ? FEW_CASES : COMPLEMENTARY;
  };
  return {
    cells: Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => cell(at(r, c)))),
    rowTotals: Array.from({ length: rows }, (_, r) => cell(rowTotal(r))),
    colTotals: Array.from({ length: cols }, (_, c) => cell(colTotal(c))),
    grandTotal: cell(grandIndex),
  };
}

/** A list of counts that adds up to a shown total (one dimension): the cells and the total, suppressed together. */
export function suppressList(
  counts: readonly number[],
  force: readonly boolean[] = [],
): { cells: MiCell[]; total: MiCell } {
  const m = suppressMatrix(
    counts.map((n) => [n]),
    force.map((f) => [f]),
  );
  return { cells: m.cells.map((r) => r[0] ?? NO_DATA), total: m.grandTotal };
}

// ---------- percentiles ----------
export interface Bin {
  value: number;
  count: number;
}

/**
 * The p-th percentile (0 ≤ p ≤ 1) of the values a histogram describes, by linear interpolation between the closest
 * ranks — the definition of PostgreSQL's percentile_cont and of Excel's PERCENTILE.INC. The median is p = 0.5 (the
 * mean of the two middle values when their number is even). Null for an empty histogram.
 */
export function percentileOfHistogram(bins: readonly Bin[], p: number): number | null {
  const sorted = bins.filter((b) => b.count > 0).sort((a, b) => a.value - b.value);
  const n = sorted.reduce((a, b) => a + b.count, 0);
  if (n === 0) return null;
  const rank = (n - 1) * Math.min(Math.max(p, 0), 1);
  const lo = Math.floor(rank);
  const hi = Math.ceil(rank);
  const valueAt = (index: number): number => {
    let seen = 0;
    for (const b of sorted) {
      seen += b.count;
      if (index < seen) return b.value;
    }
    return sorted[sorted.length - 1]?.value ?? 0;
  };
  const a = valueAt(lo);
  return a + (rank - lo) * (valueAt(hi) - a);
}

/** The percentile of plain values (see `percentileOfHistogram`). */
export function percentile(values: readonly number[], p: number): number | null {
  const bins = new Map<number, number>();
  for (const v of values) bins.set(v, (bins.get(v) ?? 0) + 1);
  return percentileOfHistogram(
    [...bins].map(([value, count]) => ({ value, count })),
    p,
  );
}

// ---------- periods ----------
const DAY = 86_400_000;
const utc = (iso: string) => new Date(`${iso}T00:00:00Z`);
const iso = (d: Date) => d.toISOString().slice(0, 10);

export function addDays(isoDate: string, days: number): string {
  return iso(new Date(utc(isoDate).getTime() + days * DAY));
}

/** Whole days from `a` to `b` (dates). */
export function daysBetween(a: string, b: string): number {
  return Math.round((utc(b).getTime() - utc(a).getTime()) / DAY);
}

/** Without dates, a dashboard shows the last twelve months: from the first day of the month eleven months ago up to today. */
export function defaultPeriod(today: string): { from: string; to: string } {
  const d = utc(today);
  const from = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - 11, 1));
  return { from: iso(from), to: today };
}

/** The months (yyyy-mm) a period touches, in order. */
export function monthsOf(from: string, to: string): string[] {
  const months: string[] = [];
  const end = to.slice(0, 7);
  let y = Number(from.slice(0, 4));
  let m = Number(from.slice(5, 7));
  for (let guard = 0; guard < 1200; guard++) {
    const key = `${y}-${String(m).padStart(2, '0')}`;
    months.push(key);
    if (key >= end) break;
    m++;
    if (m > 12) {
      m = 1;
      y++;
    }
  }
  return months;
}

const MONTHS = ['jan', 'feb', 'mrt', 'apr', 'mei', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'];
/** "mrt 2026" */
export function monthLabel(month: string): string {
  return `${MONTHS[Number(month.slice(5, 7)) - 1] ?? month} ${month.slice(0, 4)}`;
}

const LONG_MONTHS = [
  'januari',
  'februari',
  'maart',
  'april',
  'mei',
  'juni',
  'juli',
  'augustus',
  'september',
  'oktober',
  'november',
  'december',
];
/** "3 maart 2026" */
export function dutchDate(isoDate: string): string {
  return `${Number(isoDate.slice(8, 10))} ${LONG_MONTHS[Number(isoDate.slice(5, 7)) - 1] ?? ''} ${isoDate.slice(0, 4)}`;
}

/** The quarter of a date: 2026-Q4. */
export function quarterOf(isoDate: string): string {
  return `${isoDate.slice(0, 4)}-Q${Math.floor((Number(isoDate.slice(5, 7)) - 1) / 3) + 1}`;
}

/** The quarter and the `n - 1` quarters before it, newest first. */
export function recentQuarters(isoDate: string, n: number): string[] {
  let y = Number(isoDate.slice(0, 4));
  let q = Math.floor((Number(isoDate.slice(5, 7)) - 1) / 3) + 1;
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    out.push(`${y}-Q${q}`);
    q--;
    if (q === 0) {
      q = 4;
      y--;
    }
  }
  return out;
}

/** The longest period a dashboard covers (the queries stay fast and the question stays meaningful). */
export const MAX_PERIOD_DAYS = 5 * 366;

/**
 * Notes of the self-assessment are about the team's practice, never about residents. Refuses what would identify
 * someone: a BSN-like number, an e-mail address, a phone number or a postcode with house number. Returns the Dutch
 * message, or undefined.
 */
export function personalDataInNotes(notes: string): string | undefined {
  if (/\b\d{4}[ .]?\d{2}[ .]?\d{3}\b/.test(notes))
    return 'De toelichting lijkt een BSN of ander persoonsnummer te bevatten. Schrijf over de werkwijze van het team, zonder persoonsgegevens.';
  if (/[^\s@]+@[^\s@]+\.[a-z]{2,}/i.test(notes))
    return 'De toelichting bevat een e-mailadres. Schrijf over de werkwijze van het team, zonder persoonsgegevens.';
  if (/(\+31|\b0)[1-9](?:[ -]?\d){8}\b/.test(notes))
    return 'De toelichting bevat een telefoonnummer. Schrijf over de werkwijze van het team, zonder persoonsgegevens.';
  if (/\b[1-9]\d{3} ?[A-Z]{2}\b\s*\d+/.test(notes))
    return 'De toelichting bevat een adres. Schrijf over de werkwijze van het team, zonder persoonsgegevens.';
  return undefined;
}
