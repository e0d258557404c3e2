import type { MiCell, MiTable, MiUnit } from '@nabij/contracts';
import {
  Heading3,
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { useLayoutEffect, useRef, useState, type RefObject } from 'react';
import { t } from '../../app/i18n';
import {
  barGeometry,
  cellPlainText,
  chartState,
  formatValue,
  hiddenMarker,
  lineGeometry,
  reasonExplanation,
  reasonsIn,
  type BarDatum,
} from './mi-format';

/**
 * A cell as the table shows it: the value; when hidden its marker — "<5" (read as "minder dan 5") only for a count
 * below five, "x" for a figure hidden to protect another, "te weinig" for a statistic over too few cases —; or "–"
 * (read as "geen gegevens").
 */
export function CellText({ cell, unit, threshold }: { cell: MiCell; unit: MiUnit; threshold: number }) {
  if (cell.suppressed) {
    const marker = hiddenMarker(cell, threshold);
    return (
      <span className="nabij-mi-suppressed" data-reason={cell.reason ?? 'small'}>
        <span aria-hidden="true">{marker.short}</span>
        <span className="nabij-visually-hidden">{marker.spoken}</span>
      </span>
    );
  }
  const text = formatValue(cell, unit);
  if (text === null)
    return (
      <span>
        <span aria-hidden="true">–</span>
        <span className="nabij-visually-hidden">{t('mi.noData')}</span>
      </span>
    );
  return <>{text}</>;
}

function chartData(table: MiTable): { data: BarDatum[]; cells: MiCell[]; unit: MiUnit; columnLabel: string } | null {
  if (!table.chart) return null;
  const index = table.columns.findIndex((c) => c.key === table.chart?.column);
  const column = table.columns[index];
  if (!column) return null;
  // The total row is not drawn: it would dwarf the others.
  const rows = table.rows.filter((r) => !r.total);
  const cells = rows.map((r) => r.cells[index] ?? { value: null, suppressed: false });
  return {
    data: rows.map((r, i) => ({ label: r.label, value: cells[i]?.suppressed ? null : (cells[i]?.value ?? null) })),
    cells,
    unit: column.unit,
    columnLabel: column.label,
  };
}

/** The width of an element in CSS pixels, followed as it changes, so the chart is drawn 1:1 and its text stays readable. */
function useWidth(ref: RefObject<HTMLElement | null>, fallback = 640): number {
  const [width, setWidth] = useState(fallback);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () =>
      setWidth(Math.max(280, Math.min(720, Math.floor(el.getBoundingClientRect().width) || fallback)));
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref, fallback]);
  return width;
}

/**
 * The chart of a table: an image drawn from the data (horizontal bars, or a line over the months) with a complete
 * text alternative — every label with its value — and the table right below it as the data equivalent. Values are
 * also written next to the bars and points, so nothing depends on colour.
 */
function Chart({ table, threshold }: { table: MiTable; threshold: number }) {
  const box = useRef<HTMLElement>(null);
  const width = useWidth(box);
  const prepared = chartData(table);
  if (!prepared || prepared.data.length === 0) return null;
  const { data, cells, unit, columnLabel } = prepared;
  // A chart of nothing but hidden values (or no data) would be an empty frame: say so instead.
  const state = chartState(cells);
  if (state !== 'draw')
    return (
      <Paragraph className="nabij-mi-chart__none" data-testid={`chart-${table.key}-none`}>
        {t(state === 'all_hidden' ? 'mi.chartAllHidden' : 'mi.chartNoData')}
      </Paragraph>
    );
  const texts = { suppressed: t('mi.suppressed', { threshold }), noData: t('mi.noData') };
  const valueText = (i: number) =>
    cellPlainText(cells[i] ?? { value: null, suppressed: false }, unit, texts, threshold);
  const shortText = (i: number) => {
    const c = cells[i];
    if (!c) return '–';
    return c.suppressed ? hiddenMarker(c, threshold).short : (formatValue(c, unit) ?? '–');
  };
  const kind = table.chart?.kind === 'line' ? t('mi.chartLine') : t('mi.chartBar');
  const alt = t('mi.chartAlt', {
    kind,
    column: columnLabel,
    values: data.map((d, i) => `${d.label}: ${valueText(i)}`).join('; '),
  });
  const captionId = `mi-chart-${table.key}-caption`;
  if (table.chart?.kind === 'line') {
    const g = lineGeometry(data, width);
    return (
      <figure ref={box} className="nabij-mi-chart" aria-describedby={captionId}>
        <svg
          role="img"
          aria-label={alt}
          viewBox={`0 0 ${g.width} ${g.height}`}
          className="nabij-mi-chart__svg"
          data-testid={`chart-${table.key}`}
        >
          <g aria-hidden="true">
            {g.ticks.map((tick) => (
              <g key={tick.value}>
                <line
                  x1={g.plot.left}
                  x2={g.plot.right}
                  y1={tick.y}
                  y2={tick.y}
                  className="nabij-chart__grid"
                  strokeWidth={1}
                />
                <text
                  x={g.plot.left - 6}
                  y={tick.y}
                  textAnchor="end"
                  dominantBaseline="middle"
                  fontSize="12"
                  className="nabij-chart__text"
                >
                  {tick.value}
                </text>
              </g>
            ))}
            {g.segments.map((points) => (
              <polyline key={points} points={points} className="nabij-chart__line" strokeWidth={2.5} />
            ))}
            {g.points.map((p, i) => (
              <g key={p.label}>
                {p.y === null ? (
                  <text x={p.x} y={g.plot.bottom - 6} textAnchor="middle" fontSize="11" className="nabij-chart__text">
                    {shortText(i)}
                  </text>
                ) : (
                  <>
                    <circle cx={p.x} cy={p.y} r={4} className="nabij-chart__mark" />
                    <text x={p.x} y={p.y - 9} textAnchor="middle" fontSize="11" className="nabij-chart__text">
                      {shortText(i)}
                    </text>
                  </>
                )}
                {p.showLabel ? (
                  <text
                    x={p.x}
                    y={g.height - 12}
                    textAnchor={p.x - 32 < 0 ? 'start' : p.x + 32 > g.width ? 'end' : 'middle'}
                    fontSize="11"
                    className="nabij-chart__text"
                  >
                    {p.label}
                  </text>
                ) : null}
              </g>
            ))}
          </g>
        </svg>
        <figcaption id={captionId} className="nabij-mi-chart__caption">
          {t('mi.chartHint')}
        </figcaption>
      </figure>
    );
  }
  const g = barGeometry(data, width);
  return (
    <figure ref={box} className="nabij-mi-chart" aria-describedby={captionId}>
      <svg
        role="img"
        aria-label={alt}
        viewBox={`0 0 ${g.width} ${g.height}`}
        className="nabij-mi-chart__svg"
        data-testid={`chart-${table.key}`}
      >
        <g aria-hidden="true">
          <line x1={g.zero} x2={g.zero} y1={0} y2={g.height} className="nabij-chart__axis" strokeWidth={1} />
          {g.bars.map((b, i) => (
            <g key={`${b.label}-${i}`}>
              <text x={8} y={b.labelY} fontSize="13" className="nabij-chart__text">
                {b.label}
              </text>
              {b.width > 0 ? (
                <rect x={b.x} y={b.barY} width={b.width} height={18} className="nabij-chart__mark" />
              ) : null}
              <text
                x={b.width > 0 ? b.valueX : g.zero + 6}
                y={b.barY + 13}
                textAnchor={b.width > 0 ? b.anchor : 'start'}
                fontSize="12"
                className="nabij-chart__text"
              >
                {shortText(i)}
              </text>
            </g>
          ))}
        </g>
      </svg>
      <figcaption id={captionId} className="nabij-mi-chart__caption">
        {t('mi.chartHint')}
      </figcaption>
    </figure>
  );
}

/** One line per kind of hidden figure that occurs in the table: what its marker means. */
export function HiddenExplanation({
  cells,
  threshold,
  id,
}: {
  cells: readonly MiCell[];
  threshold: number;
  id: string;
}) {
  const reasons = reasonsIn(cells);
  if (reasons.length === 0) return null;
  return (
    <ul id={id} className="nabij-mi-legend" aria-label={t('mi.legendLabel')}>
      {reasons.map((reason) => (
        <li key={reason} data-reason={reason}>
          {reasonExplanation(reason, threshold)}
        </li>
      ))}
    </ul>
  );
}

/** One indicator: title, definition, chart and the table with the figures (the chart's data equivalent). */
export function MiTableView({ table, threshold }: { table: MiTable; threshold: number }) {
  const headingId = `mi-${table.key}`;
  const legendId = `mi-${table.key}-hidden`;
  const allCells = table.rows.flatMap((r) => r.cells);
  const hasHidden = allCells.some((c) => c.suppressed);
  return (
    <section aria-labelledby={headingId} className="nabij-mi-table">
      <Heading3 id={headingId}>{table.title}</Heading3>
      <Paragraph className="nabij-mi-definition">{table.definition}</Paragraph>
      {table.snapshot ? <Paragraph className="nabij-mi-definition">{t('mi.snapshot')}</Paragraph> : null}
      <Chart table={table} threshold={threshold} />
      {/* A wide table scrolls sideways; the region takes focus so a keyboard can scroll it too (WCAG 2.1.1). */}
      <div className="nabij-table-scroll" role="region" aria-labelledby={headingId} tabIndex={0}>
        <Table className="nabij-responsive-table nabij-mi-figures" aria-describedby={hasHidden ? legendId : undefined}>
          <TableCaption className="nabij-visually-hidden">{table.title}</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t('mi.rowHeader')}</TableHeaderCell>
              {table.columns.map((c) => (
                <TableHeaderCell key={c.key} scope="col" className="nabij-mi-number">
                  {c.label}
                </TableHeaderCell>
              ))}
            </TableRow>
          </TableHeader>
          <TableBody>
            {table.rows.map((r) => (
              <TableRow key={r.key} className={r.total ? 'nabij-mi-total' : undefined}>
                <TableHeaderCell scope="row" data-label={t('mi.rowHeader')}>
                  {r.label}
                </TableHeaderCell>
                {r.cells.map((cell, i) => (
                  <TableCell
                    key={table.columns[i]?.key ?? i}
                    data-label={table.columns[i]?.label}
                    className="nabij-mi-number"
                  >
                    <CellText cell={cell} unit={table.columns[i]?.unit ?? 'count'} threshold={threshold} />
                  </TableCell>
                ))}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
      <HiddenExplanation cells={allCells} threshold={threshold} id={legendId} />
    </section>
  );
}
