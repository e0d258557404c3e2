import {
  LIFE_DOMAIN_LABELS,
  SERVICE_CSV_COLUMNS,
  SERVICE_CSV_HEADERS,
  SERVICE_TYPE_LABELS,
  SERVICE_TYPES,
  type ServiceType,
} from '@nabij/contracts';
import { writeCsvTable } from '../../platform/csv';

/**
 * CSV of the service catalogue. The export goes through the app's CSV writer (`;`, BOM, CRLF, formula-safe) with Dutch
 * column headers and Dutch labels for the life domains (separated by `|`) and the kind of service. The import reads
 * that file back, and also the older comma-separated file with English column names and codes. Pure functions, no I/O.
 */

/** A cell that a spreadsheet would read as a formula (= + - @, also after a tab or carriage return) gets a leading apostrophe. */
export function neutraliseFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

type Column = (typeof SERVICE_CSV_COLUMNS)[number];

const domainLabel = (code: string) => (LIFE_DOMAIN_LABELS as Readonly<Record<string, string>>)[code] ?? code;
const typeLabel = (code: string) => (SERVICE_TYPE_LABELS as Readonly<Record<string, string>>)[code] ?? code;

export function toCsv(rows: ReadonlyArray<Readonly<Record<Column, string>>>): string {
  return writeCsvTable(
    SERVICE_CSV_COLUMNS.map((c) => SERVICE_CSV_HEADERS[c]),
    rows.map((r) =>
      SERVICE_CSV_COLUMNS.map((c) => {
        if (c === 'domains') return r.domains.split('|').filter(Boolean).map(domainLabel).join(' | ');
        if (c === 'type') return typeLabel(r.type);
        return r[c];
      }),
    ),
  );
}

const fold = (text: string) => text.trim().toLowerCase();
/** A column name (Dutch header or English name) → the column. */
const COLUMN_BY_NAME = new Map<string, Column>(
  SERVICE_CSV_COLUMNS.flatMap((c) => [
    [fold(c), c],
    [fold(SERVICE_CSV_HEADERS[c]), c],
  ]),
);
/** A life domain (Dutch label or code) → its code. */
const DOMAIN_BY_NAME = new Map<string, string>(
  Object.entries(LIFE_DOMAIN_LABELS).flatMap(([code, label]) => [
    [fold(code), code],
    [fold(label), code],
  ]),
);
/** A kind of service (Dutch label or code) → its code. */
const TYPE_BY_NAME = new Map<string, ServiceType>(
  SERVICE_TYPES.flatMap((code) => [
    [fold(code), code],
    [fold(SERVICE_TYPE_LABELS[code]), code],
  ]),
);
/**
 * Parses CSV text into rows of fields (RFC 4180: quoted fields may hold separators, quotes and line breaks). The
 * separator is the one of the header line: `;` (our export, Dutch Excel) or `,`.
 */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const input = text.replace(/^\uFEFF/, '');
  const firstLine = input.slice(0, input.search(/\r|\n|$/));
  const separator = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  for (let i = 0; i < input.length; i++) {
    const ch = input.charAt(i);
    if (quoted) {
      if (ch === '"' && input.charAt(i + 1) === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === separator) {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && input.charAt(i + 1) === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((r) => r.some((f) => f.trim() !== ''));
}

export interface CsvService {
  id: string | undefined;
  organisation: string;
  name: string;
  description: string | undefined;
  domains: string[];
  type: string;
  area: string | undefined;
  phone: string | undefined;
  email: string | undefined;
  website: string | undefined;
  active: boolean;
}

/** An apostrophe that our own export put before a formula-like value is taken off again on import. */
const unguard = (v: string) => (/^'[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/.test(v) ? v.slice(1) : v);

/**
 * Reads the catalogue CSV into services. The header names the columns, in Dutch or English (any order; Organisatie,
 * Voorziening, Leefgebieden and Soort are required); life domains and kinds by their Dutch label or code. Returns the rows, or errors keyed `rows.<line number>`.
 */
export function readServiceCsv(text: string): { services: CsvService[]; errors: Record<string, string[]> } {
  const [header, ...lines] = parseCsv(text);
  const errors: Record<string, string[]> = {};
  if (!header) return { services: [], errors: { csv: ['Het bestand is leeg.'] } };
  const columns = header.map((h) => COLUMN_BY_NAME.get(fold(h)));
  const missing = (['organisation', 'name', 'domains', 'type'] as const).filter((c) => !columns.includes(c));
  if (missing.length)
    return {
      services: [],
      errors: {
        csv: [`De kolommen ${missing.map((c) => SERVICE_CSV_HEADERS[c]).join(', ')} ontbreken in de kopregel.`],
      },
    };
  const services = lines.map((fields, i) => {
    const get = (c: Column) => {
      const idx = columns.indexOf(c);
      const v = idx >= 0 ? unguard((fields[idx] ?? '').trim()) : '';
      return v === '' ? undefined : v;
    };
    const active = (get('active') ?? 'ja').toLowerCase();
    if (!['ja', 'nee', 'true', 'false', '1', '0'].includes(active))
      errors[`rows.${i + 2}`] = ['Vul bij Actief ja of nee in.'];
    return {
      id: get('id'),
      organisation: get('organisation') ?? '',
      name: get('name') ?? '',
      description: get('description'),
      domains: (get('domains') ?? '')
        .split('|')
        .map((d) => d.trim())
        .filter(Boolean)
        .map((d) => DOMAIN_BY_NAME.get(fold(d)) ?? d),
      type: TYPE_BY_NAME.get(fold(get('type') ?? '')) ?? get('type') ?? '',
      area: get('area'),
      phone: get('phone'),
      email: get('email'),
      website: get('website'),
      active: ['ja', 'true', '1'].includes(active),
    };
  });
  return { services, errors };
}
