/**
 * Figures per team and month, or part of a month (migration 0025, ADR 0026). A dashboard period is split into whole
 * calendar months, the past days of the months it covers in part, and today. For every team and such span the results of the additive queries of `mi.queries.ts` are
 * stored as a cell — the direct computation over that span, kept — and the parts are added up. Figures that do not add up over months or teams (distinct cases over the period, today's
 * figures, the plans in effect at the end of the period) are always computed directly (`mi.report.ts`).
 *
 * Triggers mark the team and day a change is counted on (`mi_dirty_day`); `refreshCells` computes the cells holding
 * marked days again, and the missing cells a request needs, under a lock per municipality, before the request reads
 * them. Cells are whole months, or the days before today of a month the period covers only in part; today and later
 * days are computed directly.
 */
import { sql } from 'kysely';
import type { Database, Tx } from '../../platform/database/database';
import * as q from './mi.queries';

/** The queries whose results add up over months and teams (some fields excepted, see `NOT_ADDITIVE`). */
const ADDITIVE = {
  inflow: q.inflow,
  decisions: q.decisions,
  closedWithoutCase: q.closedWithoutCase,
  leadTimes: q.leadTimes,
  evaluations: q.evaluations,
  zrmChange: q.zrmChange,
  zrmCoverage: q.zrmCoverage,
  participation: q.participation,
  closures: q.closures,
  watch: q.watchAndReactivation,
  reReferrals: q.reReferrals,
  continuity: q.continuity,
  signals: q.signals,
};
export type Additive = { [K in keyof typeof ADDITIVE]: Awaited<ReturnType<(typeof ADDITIVE)[K]>> };

/** The fields of the additive queries that are not sums; `mi.report.ts` computes them directly for the whole period. */
export const NOT_ADDITIVE = {
  evaluations: ['cases', 'overdue_now', 'execution_now'],
  watch: ['in_watch_now'],
  continuity: ['cases_changed_in_period'],
} as const;

/**
 * The lists among the additive figures: the fields that identify a row, the fields summed and those whose maximum is
 * taken. A cell stores each list as rows of values in this order (a third of the size of objects), and parts are
 * added up in that form.
 */
const LISTS: { [K in keyof Additive]?: { keys: string[]; sums: string[]; max?: string[] } } = {
  inflow: { keys: ['month', 'channel', 'referrer_kind'], sums: ['n'] },
  decisions: { keys: ['outcome'], sums: ['n', 'discussed', 'letters'] },
  closedWithoutCase: { keys: ['outcome'], sums: ['n'] },
  leadTimes: { keys: ['step', 'days'], sums: ['n', 'within_norm'], max: ['norm_days'] },
  zrmChange: {
    keys: ['domain'],
    sums: ['cases', 'pairs', 'change_sum', 'improved', 'same', 'worse', 'improved_cases'],
  },
  closures: { keys: ['reason', 'outcome'], sums: ['n', 'warm_handover'] },
  signals: { keys: ['kind', 'life_domain'], sums: ['n', 'forwarded'] },
};
const NAMES = Object.keys(ADDITIVE) as (keyof Additive)[];

/** Runs the additive queries directly over a period. */
export async function additiveDirect(tx: Tx, s: q.Scope): Promise<Additive> {
  const out: Record<string, unknown> = {};
  for (const name of NAMES) out[name] = await (ADDITIVE[name] as (tx: Tx, s: q.Scope) => Promise<unknown>)(tx, s);
  return out as Additive;
}

/**
 * The stored form of a part: each list as its rows grouped by the first key (a text), the other values of each row
 * written one after the other (a quarter of the size of a list of objects); the single-row figures as they are.
 */
export type Packed = Record<string, Record<string, unknown[]> | Record<string, number>>;

type Row = Record<string, unknown>;
const fieldsOf = (spec: { keys: string[]; sums: string[]; max?: string[] }) => [
  ...spec.keys,
  ...spec.sums,
  ...(spec.max ?? []),
];

export function pack(a: Additive): Packed {
  const out: Packed = {};
  for (const name of NAMES) {
    const spec = LISTS[name];
    const value = a[name] as unknown;
    if (!spec) {
      out[name] = value as Record<string, number>;
      continue;
    }
    const rest = fieldsOf(spec).slice(1);
    const groups: Record<string, unknown[]> = {};
    for (const r of value as Row[]) (groups[String(r[spec.keys[0]!])] ??= []).push(...rest.map((f) => r[f]));
    out[name] = groups;
  }
  return out;
}

/** Adds up packed parts (months, teams, today) and unpacks the result. */
export function addPacked(parts: readonly Packed[]): Additive {
  if (parts.length === 0) throw new Error('nothing to add up');
  const out: Record<string, unknown> = {};
  for (const name of NAMES) {
    const spec = LISTS[name];
    if (!spec) {
      const sum: Record<string, number> = { ...(parts[0]![name] as Record<string, number>) };
      for (const p of parts.slice(1))
        for (const [k, v] of Object.entries(p[name] as Record<string, number>)) sum[k] = (sum[k] ?? 0) + v;
      out[name] = sum;
      continue;
    }
    const fields = fieldsOf(spec);
    const stride = fields.length - 1;
    // Within a row (after the first key): the other keys, then the sums, then the maxima.
    const keys = spec.keys.length - 1;
    const sums = keys + spec.sums.length;
    const acc = new Map<string, unknown[]>();
    for (const p of parts) {
      for (const [first, values] of Object.entries(p[name] as Record<string, unknown[]>)) {
        for (let at = 0; at < values.length; at += stride) {
          let id = first;
          for (let i = 0; i < keys; i++) id += `\u0001${String(values[at + i])}`;
          const have = acc.get(id);
          if (!have) {
            acc.set(id, [first, ...values.slice(at, at + stride)]);
            continue;
          }
          for (let i = keys; i < sums; i++) have[i + 1] = (have[i + 1] as number) + (values[at + i] as number);
          for (let i = sums; i < stride; i++) {
            const v = values[at + i] as number | null;
            const h = have[i + 1] as number | null;
            have[i + 1] = v === null ? h : h === null ? v : Math.max(h, v);
          }
        }
      }
    }
    out[name] = [...acc.values()].map((r) => Object.fromEntries(fields.map((f, i) => [f, r[i]])));
  }
  return out as Additive;
}

// ---------- periods ----------
const pad = (n: number) => String(n).padStart(2, '0');
/** The last day of the month of `day`. */
export function monthEnd(day: string): string {
  const y = Number(day.slice(0, 4));
  const m = Number(day.slice(5, 7));
  return `${y}-${pad(m)}-${pad(new Date(Date.UTC(y, m, 0)).getUTCDate())}`;
}
const addDay = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

export interface Span {
  first: string;
  last: string;
}
/**
 * Splits a period into the spans read from cells — every whole calendar month, and the days before `today` of a
 * month the period covers only in part, as one span — and the days computed directly: today and later days of such
 * a month. For the usual period (twelve months up to today) that is one cell per team and month, the current month
 * up to yesterday among them, and today.
 */
export function splitPeriod(
  from: string,
  to: string,
  today: string,
): { cells: Span[]; direct: Array<{ from: string; to: string }> } {
  const cells: Span[] = [];
  const direct: Array<{ from: string; to: string }> = [];
  let day = from;
  while (day <= to) {
    const end = monthEnd(day);
    const last = end < to ? end : to;
    const past = last < today ? last : addDay(today, -1);
    if (past >= day) cells.push({ first: day, last: past });
    if (last > past) direct.push({ from: past >= day ? addDay(past, 1) : day, to: last });
    day = addDay(last, 1);
  }
  return { cells, direct };
}

// ---------- cells ----------
/** Cells computed per transaction: a refresh that is interrupted keeps what it did. */
const CELLS_PER_TX = 25;
const MARKS_PER_TX = 5_000;

async function computeCell(tx: Tx, tenantId: string, teamId: string, span: Span, today: string): Promise<void> {
  const figures = pack(await additiveDirect(tx, { teamIds: [teamId], from: span.first, to: span.last, today }));
  await sql`
    insert into mi_cell (tenant_id, team_id, first_day, last_day, figures, computed_at)
    values (${tenantId}::uuid, ${teamId}::uuid, ${span.first}::date, ${span.last}::date, ${JSON.stringify(figures)}::json, now())
    on conflict (tenant_id, team_id, first_day, last_day) do update set figures = excluded.figures, computed_at = excluded.computed_at`.execute(
    tx,
  );
}

interface CellKey {
  team_id: string;
  first_day: string;
  last_day: string;
}
const keyOf = (c: CellKey) => `${c.team_id}|${c.first_day}|${c.last_day}`;

/**
 * Brings the cells of a municipality up to date: computes again every cell that holds a marked day, and computes the
 * cells of `want` (teams × spans) that do not exist yet. One lock per municipality orders it all: a mark is removed
 * only after the cells holding its day were computed in a later statement than the change that made it, or when no
 * cell holds it (a cell made later reads the data as they are then). Returns the number of cells computed.
 */
export async function refreshCells(
  db: Database,
  tenantId: string,
  today: string,
  want?: { teamIds: readonly string[]; spans: readonly Span[] },
): Promise<number> {
  let total = 0;
  for (let round = 0; round < 1_000; round++) {
    const done = await db.inTenant(tenantId, async (tx) => {
      await sql`select pg_advisory_xact_lock(hashtext('nabij.mi_cells'), hashtext(${tenantId}))`.execute(tx);
      const marks = (
        await sql<{
          id: number;
          team_id: string;
          day: string;
        }>`select d.id, d.team_id, d.day::text as day from mi_dirty_day d order by d.id limit ${MARKS_PER_TX}`.execute(
          tx,
        )
      ).rows;
      // The stored cells holding a marked day, and for each mark whether some cell holds it.
      const hit = marks.length
        ? (
            await sql<CellKey & { mark: number }>`
            select c.team_id, c.first_day::text as first_day, c.last_day::text as last_day, m.id as mark
            from unnest(${marks.map((m) => m.id)}::bigint[], ${marks.map((m) => m.team_id)}::uuid[], ${marks.map((m) => m.day)}::date[]) m(id, team_id, day)
            join mi_cell c on c.team_id = m.team_id and m.day between c.first_day and c.last_day`.execute(tx)
          ).rows
        : [];
      const stale = [
        ...new Map(
          hit.map((c) => [keyOf(c), { team_id: c.team_id, first_day: c.first_day, last_day: c.last_day }]),
        ).values(),
      ];
      if (want && want.teamIds.length && want.spans.length && stale.length < CELLS_PER_TX) {
        const missing = (
          await sql<CellKey>`
          select t.team_id, w.first_day::text as first_day, w.last_day::text as last_day
          from unnest(${[...want.teamIds]}::uuid[]) t(team_id)
          cross join unnest(${want.spans.map((x) => x.first)}::date[], ${want.spans.map((x) => x.last)}::date[]) w(first_day, last_day)
          where not exists (select 1 from mi_cell c where c.team_id = t.team_id and c.first_day = w.first_day and c.last_day = w.last_day)
          order by w.first_day, t.team_id
          limit ${CELLS_PER_TX}`.execute(tx)
        ).rows;
        const known = new Set(stale.map(keyOf));
        stale.push(...missing.filter((x) => !known.has(keyOf(x))));
      }
      const batch = stale.slice(0, CELLS_PER_TX);
      for (const c of batch)
        await computeCell(tx, tenantId, c.team_id, { first: c.first_day, last: c.last_day }, today);
      const handled = new Set(batch.map(keyOf));
      // A mark goes when every cell holding its day was computed now (or none holds it).
      const open = new Set(hit.filter((c) => !handled.has(keyOf(c))).map((c) => c.mark));
      const remove = marks.filter((m) => !open.has(m.id)).map((m) => m.id);
      if (remove.length) await sql`delete from mi_dirty_day where id = any(${remove}::bigint[])`.execute(tx);
      return { cells: batch.length, more: batch.length > 0 || marks.length === MARKS_PER_TX };
    });
    total += done.cells;
    if (!done.more) return total;
  }
  return total;
}

/**
 * Cells of part of a month serve one period's edge (the current month up to yesterday, or a period starting or ending
 * mid-month) and are soon not asked for again; the scheduled refresh removes those computed more than a week ago.
 */
export async function prunePartialCells(db: Database, tenantId: string): Promise<number> {
  return db.inTenant(tenantId, async (tx) => {
    const r = await sql`
      delete from mi_cell
      where not (extract(day from first_day) = 1 and last_day = (date_trunc('month', first_day::timestamp) + interval '1 month - 1 day')::date)
        and computed_at < now() - interval '7 days'`.execute(tx);
    return Number(r.numAffectedRows ?? 0);
  });
}

/**
 * The additive figures of a period for the teams: from cells (read; a cell missing because a team was created
 * meanwhile is computed on the spot), and directly for today and later days.
 */
export async function additiveFigures(tx: Tx, s: q.Scope): Promise<Additive> {
  const { cells: spans, direct } = splitPeriod(s.from, s.to, s.today);
  const parts: Packed[] = [];
  if (spans.length) {
    const cells = (
      await sql<CellKey & { figures: Packed }>`
      select c.team_id, c.first_day::text as first_day, c.last_day::text as last_day, c.figures
      from mi_cell c
      join unnest(${spans.map((x) => x.first)}::date[], ${spans.map((x) => x.last)}::date[]) w(first_day, last_day) on c.first_day = w.first_day and c.last_day = w.last_day
      where c.team_id = any(${[...s.teamIds]}::uuid[]) and c.first_day between ${s.from}::date and ${s.to}::date`.execute(
        tx,
      )
    ).rows;
    const have = new Set(cells.map(keyOf));
    parts.push(...cells.map((c) => c.figures));
    for (const teamId of s.teamIds)
      for (const x of spans)
        if (!have.has(keyOf({ team_id: teamId, first_day: x.first, last_day: x.last })))
          parts.push(pack(await additiveDirect(tx, { teamIds: [teamId], from: x.first, to: x.last, today: s.today })));
  }
  for (const r of direct) parts.push(pack(await additiveDirect(tx, { ...s, from: r.from, to: r.to })));
  return addPacked(parts);
}
