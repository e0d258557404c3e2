/**
 * The dashboard as a file: CSV (semicolon-separated, decimal comma, for Dutch spreadsheets), XLSX (one sheet per
 * section) and a PDF report of the period. The same tables as on screen, with the same suppressed cells and markers. Every
 * text cell that a spreadsheet would run as a formula is neutralised; numbers are written as numbers.
 */
import { SUPPRESSION_THRESHOLD, type DashboardView, type MiCell, type MiTable, type MiUnit } from '@nabij/contracts';
import writeXlsxFile, { type Cell, type Row } from 'write-excel-file/node';
import { csvFigure, writeCsv, type CsvRow } from '../../platform/csv';
import { renderDocumentPdf } from '../../platform/pdf';
import { neutraliseFormula } from '../plan';
import { dutchDate } from './mi.domain';

export const SUPPRESSED_TEXT = `<${SUPPRESSION_THRESHOLD}`;
/** Hidden to protect a small figure elsewhere (the CBS sign for "geheim"). */
export const COMPLEMENTARY_TEXT = 'x';
/** A statistic or count resting on fewer than five cases: never "<5", which would read as a value. */
export const FEW_CASES_TEXT = 'te weinig';

/** The marker of a hidden cell, by the reason it is hidden ("<5" only for a count below five). */
export function suppressedText(cell: MiCell): string {
  if (cell.reason === 'complementary') return COMPLEMENTARY_TEXT;
  if (cell.reason === 'few_cases') return FEW_CASES_TEXT;
  return SUPPRESSED_TEXT;
}

/** A cell as text, in Dutch notation: its marker when suppressed ("<5", "x", "te weinig"), empty when there is no data, "12,5" for decimals. */
export function cellText(cell: MiCell, unit: MiUnit): string {
  if (cell.suppressed) return suppressedText(cell);
  if (cell.value === null) return '';
  const decimals = unit === 'count' ? 0 : 1;
  const fixed =
    Number.isInteger(cell.value) && unit !== 'percent' && unit !== 'score'
      ? String(cell.value)
      : cell.value.toFixed(decimals);
  return fixed.replace('.', ',');
}

/** The lines about what the report covers, shared by every format. */
export function reportHeader(view: DashboardView): Array<[string, string]> {
  return [
    ['Periode', `${dutchDate(view.filters.from)} tot en met ${dutchDate(view.filters.to)}`],
    ['Teams', view.teamNames.join(', ')],
    ...(view.filters.area ? ([['Gebied', view.filters.area]] as Array<[string, string]>) : []),
    ['Gemaakt op', dutchDate(view.today)],
    [
      'Privacy',
      `Alleen totalen. Aantallen van 1 tot en met ${SUPPRESSION_THRESHOLD - 1} dossiers (of aanmeldingen, acties, signalen) staan er als ${SUPPRESSED_TEXT}. ${COMPLEMENTARY_TEXT}: verborgen om een klein aantal elders in de tabel te beschermen (anders was het uit een totaal terug te rekenen). ${FEW_CASES_TEXT}: een gemiddelde, mediaan of percentage over minder dan ${SUPPRESSION_THRESHOLD} dossiers wordt niet getoond. Leeg betekent: geen gegevens.`,
    ],
  ];
}

// ---------- CSV ----------
function csvTable(t: MiTable): CsvRow[] {
  return [
    [t.title],
    [t.definition],
    ['Onderdeel', ...t.columns.map((c) => c.label)],
    ...t.rows.map((r) => [
      r.label,
      ...r.cells.map((cell, i) => csvFigure(cellText(cell, t.columns[i]?.unit ?? 'count'))),
    ]),
    [],
  ];
}

/** The whole report as one CSV text (the app's CSV writer: BOM, `;`, CRLF), table after table. */
export function dashboardCsv(view: DashboardView): string {
  return writeCsv([
    ['Sturingsinformatie'],
    ...reportHeader(view),
    [],
    ...view.sections.flatMap((s): CsvRow[] => [[s.title.toUpperCase()], [], ...s.tables.flatMap(csvTable)]),
  ]);
}

// ---------- XLSX ----------
const xText = (text: string, bold = false): Cell => ({
  value: neutraliseFormula(text),
  type: String,
  ...(bold ? { fontWeight: 'bold' as const } : {}),
});
function xCell(cell: MiCell, unit: MiUnit): Cell {
  if (cell.suppressed) return { value: suppressedText(cell), type: String, align: 'right' };
  if (cell.value === null) return null;
  return { value: cell.value, type: Number, format: unit === 'count' ? '0' : '0.0' };
}

/** A sheet name Excel accepts: at most 31 characters, none of : \ / ? * [ ]. */
export const sheetName = (title: string): string =>
  title
    .replace(/[:\\/?*[\]]/g, ' ')
    .slice(0, 31)
    .trim();

export async function dashboardXlsx(view: DashboardView): Promise<Buffer> {
  const about: Row[] = [
    [xText('Sturingsinformatie', true)],
    ...reportHeader(view).map(([k, v]) => [xText(k, true), xText(v)]),
    [],
    [xText('Nog niet gemeten', true)],
    ...view.notMeasured.map((n) => [xText(n.title), xText(n.reason)]),
  ];
  const sheets = view.sections.map((s) => ({
    sheet: sheetName(s.title),
    data: s.tables.flatMap((t): Row[] => [
      [xText(t.title, true)],
      [xText(t.definition)],
      [xText('Onderdeel', true), ...t.columns.map((c) => xText(c.label, true))],
      ...t.rows.map((r): Row => [
        xText(r.label, r.total),
        ...r.cells.map((cell, i) => xCell(cell, t.columns[i]?.unit ?? 'count')),
      ]),
      [],
    ]),
    columns: [{ width: 48 }, ...Array.from({ length: 8 }, () => ({ width: 16 }))],
  }));
  return writeXlsxFile([
    { sheet: 'Toelichting', data: about, columns: [{ width: 24 }, { width: 110 }] },
    ...sheets,
  ]).toBuffer();
}

// ---------- PDF ----------
export async function dashboardPdf(view: DashboardView): Promise<Buffer> {
  const title = `Sturingsinformatie ${dutchDate(view.filters.from)} – ${dutchDate(view.filters.to)}`;
  const doc = {
    info: { title, subject: view.teamNames.join(', ') },
    pageSize: 'A4',
    pageOrientation: 'landscape',
    pageMargins: [40, 40, 40, 50],
    defaultStyle: { fontSize: 9, lineHeight: 1.2 },
    styles: {
      h1: { fontSize: 18, bold: true, color: '#1c3d5a', margin: [0, 0, 0, 8] },
      h2: { fontSize: 14, bold: true, color: '#1c3d5a', margin: [0, 14, 0, 4] },
      h3: { fontSize: 11, bold: true, margin: [0, 10, 0, 2] },
      small: { fontSize: 8, color: '#444444' },
      th: { bold: true },
    },
    footer: (page: number, pages: number) => ({
      text: `${title} · alleen totalen, kleine aantallen verborgen · pagina ${page} van ${pages}`,
      style: 'small',
      alignment: 'center',
      margin: [0, 20, 0, 0],
    }),
    content: [
      { text: 'Sturingsinformatie', style: 'h1' },
      {
        table: { widths: [90, '*'], body: reportHeader(view).map(([k, v]) => [{ text: k, style: 'th' }, v]) },
        layout: 'noBorders',
      },
      ...view.sections.flatMap((s) => [
        { text: s.title, style: 'h2' },
        ...s.tables.flatMap((t) => [
          { text: t.title, style: 'h3' },
          { text: t.definition, style: 'small', margin: [0, 0, 0, 4] },
          {
            table: {
              headerRows: 1,
              dontBreakRows: true,
              widths: ['*', ...t.columns.map(() => 'auto')],
              body: [
                [
                  { text: 'Onderdeel', style: 'th' },
                  ...t.columns.map((c) => ({ text: c.label, style: 'th', alignment: 'right' })),
                ],
                ...t.rows.map((r) => [
                  { text: r.label, bold: r.total },
                  ...r.cells.map((cell, i) => ({
                    text: cellText(cell, t.columns[i]?.unit ?? 'count') || '–',
                    alignment: 'right',
                    bold: r.total,
                  })),
                ]),
              ],
            },
            layout: 'lightHorizontalLines',
          },
        ]),
      ]),
      { text: 'Nog niet gemeten', style: 'h2' },
      { ul: view.notMeasured.map((n) => `${n.title}: ${n.reason}`) },
    ],
  };
  return renderDocumentPdf(doc);
}
