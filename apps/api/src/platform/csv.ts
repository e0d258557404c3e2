import { stringify } from 'csv-stringify/sync';
import { MUNICIPALITY_TIME_ZONE } from '@nabij/contracts';

/**
 * The one CSV writer of the app (ADR 0052): every CSV export goes through here, so that the file opens as it should in
 * Dutch Excel — a semicolon between fields (a comma is the Dutch decimal separator), a UTF-8 byte order mark (else
 * Excel reads "Cliënt" as "CliÃ«nt"), CRLF line ends — and so that no cell runs as a formula: a text cell starting with
 * = + - @, a tab or a carriage return (or their full-width forms) gets a leading apostrophe (OWASP "CSV Injection").
 * csv-stringify does the quoting and the neutralising; this module fixes the options and writes values the Dutch way:
 * dates as dd-mm-jjjj HH:mm in the municipality's time zone, "ja"/"nee", decimal commas.
 */

/** A number already written in Dutch notation ("36,5", "<5", "-2"): written as it is, never neutralised. */
export interface CsvFigure {
  readonly figure: string;
}
export type CsvCell = string | number | boolean | Date | CsvFigure | null | undefined;
export type CsvRow = readonly CsvCell[];

export const CSV_CONTENT_TYPE = 'text/csv; charset=utf-8';

export const csvFigure = (figure: string): CsvFigure => ({ figure });

const pad = (n: string | undefined) => (n ?? '').padStart(2, '0');
const amsterdam = (withSeconds: boolean) =>
  new Intl.DateTimeFormat('en-GB', {
    timeZone: MUNICIPALITY_TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    ...(withSeconds ? { second: '2-digit' } : {}),
    hourCycle: 'h23',
  });
const minutes = amsterdam(false);
const seconds = amsterdam(true);

/** dd-mm-jjjj HH:mm (or HH:mm:ss) in Europe/Amsterdam. */
export function csvDateTime(at: Date, withSeconds = false): string {
  const parts = Object.fromEntries(
    (withSeconds ? seconds : minutes).formatToParts(at).map((p) => [p.type, p.value] as const),
  );
  const time = `${pad(parts.hour)}:${pad(parts.minute)}${withSeconds ? `:${pad(parts.second)}` : ''}`;
  return `${pad(parts.day)}-${pad(parts.month)}-${parts.year ?? ''} ${time}`;
}

export interface CsvOptions {
  /** Write times with seconds (dd-mm-jjjj HH:mm:ss), e.g. for the access log; default minutes. */
  seconds?: boolean;
}

/**
 * The rows (the first one usually the Dutch column headers) as one CSV text with BOM, `;` and CRLF. Rows may differ in
 * length (a report of several tables); an empty row is an empty line.
 */
export function writeCsv(rows: readonly CsvRow[], options: CsvOptions = {}): string {
  return stringify(
    rows.map((r) => [...r]),
    {
      bom: true,
      delimiter: ';',
      record_delimiter: 'windows',
      // A line break inside a cell is quoted too (csv-stringify leaves it bare once record_delimiter is set).
      quote_record_delimiter: true,
      escape_formulas: true,
      cast: {
        boolean: (v) => (v ? 'ja' : 'nee'),
        date: (v) => csvDateTime(v, options.seconds ?? false),
        number: (v) => String(v).replace('.', ','),
        // A figure is ours, not user input: a "-2" stays a number for the spreadsheet.
        object: (v) => ({ value: (v as unknown as CsvFigure).figure, escape_formulas: false }),
      },
    },
  );
}

/** A table: a header row of Dutch column names, then the rows. */
export function writeCsvTable(header: readonly string[], rows: readonly CsvRow[], options?: CsvOptions): string {
  return writeCsv([header, ...rows], options);
}
