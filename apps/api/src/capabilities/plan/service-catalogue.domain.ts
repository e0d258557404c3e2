import { SERVICE_CSV_COLUMNS } from '@nabij/contracts';

/**
 * CSV of the service catalogue: comma-separated, double quotes around fields that need them, `""` for a
 * quote inside a field, a header row with `SERVICE_CSV_COLUMNS`. Pure functions, no I/O.
 */

/** A cell that a spreadsheet would read as a formula (= + - @, also after a tab or carriage return) gets a leading apostrophe. */
export function neutraliseFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

function quote(value: string): string {
  return /[",\r\n;]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function toCsv(rows: ReadonlyArray<Readonly<Record<(typeof SERVICE_CSV_COLUMNS)[number], string>>>): string {
  const lines = [
    SERVICE_CSV_COLUMNS.join(','),
    ...rows.map((r) => SERVICE_CSV_COLUMNS.map((c) => quote(neutraliseFormula(r[c]))).join(',')),
  ];
  return `${lines.join('\r\n')}\r\n`;
}

/** Parses CSV text into rows of fields (RFC 4180: quoted fields may hold commas, quotes and line breaks). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const input = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < input.length; i++) {
    const ch = input.charAt(i);
    if (quoted) {
      if (ch === '"' && input.charAt(i + 1) === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === ',') {
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
const unguard = (v: string) => (/^'[=+\-@]/.test(v) ? v.slice(1) : v);

/**
 * Reads the catalogue CSV into services. The header names the columns (any order; `organisation`, `name`,
 * `domains` and `type` are required). Returns the rows, or errors keyed `rows.<line number>`.
 */
export function readServiceCsv(text: string): { services: CsvService[]; errors: Record<string, string[]> } {
  const [header, ...lines] = parseCsv(text);
  const errors: Record<string, string[]> = {};
  if (!header) return { services: [], errors: { csv: ['Het bestand is leeg.'] } };
  const columns = header.map((h) => h.trim().toLowerCase());
  const missing = ['organisation', 'name', 'domains', 'type'].filter((c) => !columns.includes(c));
  if (missing.length)
    return { services: [], errors: { csv: [`De kolommen ${missing.join(', ')} ontbreken in de kopregel.`] } };
  const services = lines.map((fields, i) => {
    const get = (c: string) => {
      const idx = columns.indexOf(c);
      const v = idx >= 0 ? unguard((fields[idx] ?? '').trim()) : '';
      return v === '' ? undefined : v;
    };
    const active = (get('active') ?? 'ja').toLowerCase();
    if (!['ja', 'nee', 'true', 'false', '1', '0'].includes(active))
      errors[`rows.${i + 2}`] = ['Vul bij active ja of nee in.'];
    return {
      id: get('id'),
      organisation: get('organisation') ?? '',
      name: get('name') ?? '',
      description: get('description'),
      domains: (get('domains') ?? '')
        .split('|')
        .map((d) => d.trim())
        .filter(Boolean),
      type: get('type') ?? '',
      area: get('area'),
      phone: get('phone'),
      email: get('email'),
      website: get('website'),
      active: ['ja', 'true', '1'].includes(active),
    };
  });
  return { services, errors };
}
