import { renderAccessiblePdf, type Block } from '../../platform/documents/accessible-pdf';
import type { InspectionCopy } from './inspection-copy';
import { codeLabel, COLUMN_LABELS, isHiddenColumn, keyLabel, SUBJECTS, TABLE_TITLE } from './inspection-labels';
import { fullNameOfRow } from '../../shared/person-name';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const longDate = new Intl.DateTimeFormat('nl-NL', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'Europe/Amsterdam',
});
const dateTime = new Intl.DateTimeFormat('nl-NL', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'Europe/Amsterdam',
});
const dayKey = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' });

/** A value in Dutch: yes/no, dates, codes, the names of staff and teams for their ids, JSON as labelled parts. */
function show(column: string, value: unknown, copy: InspectionCopy, binary: boolean): string | null {
  if (value === null || value === undefined || value === '') return null;
  if (binary && typeof value === 'string')
    return `bestand van ${Math.max(1, Math.round((value.length * 3) / 4 / 1024))} kB (in de digitale kopie)`;
  if (typeof value === 'boolean') return value ? 'ja' : 'nee';
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) {
    const parts = value.map((v) => show(column, v, copy, false)).filter((v): v is string => v !== null);
    return parts.length ? parts.join(', ') : null;
  }
  if (typeof value === 'object') {
    // A snapshot kept with a record (for example the scores at closure): its known parts, labelled.
    const parts = Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => {
        const label = keyLabel(k);
        const shown = label
          ? show(
              k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`),
              v,
              copy,
              false,
            )
          : null;
        return label && shown ? `${label}: ${shown}` : null;
      })
      .filter((v): v is string => v !== null);
    return parts.length ? parts.join('; ') : null;
  }
  if (typeof value !== 'string') return null;
  if (UUID.test(value)) return copy.staff[value] ?? copy.teams[value] ?? null;
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return longDate.format(new Date(`${value}T12:00:00Z`));
  if (/^\d{4}-\d{2}-\d{2}T/.test(value)) return dateTime.format(new Date(value));
  return codeLabel(column, value);
}

/** Fields in the order of the labels (who and what first, when a record was made or changed last). */
const FIELD_ORDER = new Map(Object.keys(COLUMN_LABELS).map((k, i) => [k, i]));

/** One record as label/value rows; only what has a value, without keys and counters. */
function fields(table: string, row: Record<string, unknown>, copy: InspectionCopy, binaryColumns: ReadonlySet<string>) {
  return Object.entries(row)
    .filter(([k]) => !isHiddenColumn(k))
    .sort(([a], [b]) => (FIELD_ORDER.get(a) ?? 9999) - (FIELD_ORDER.get(b) ?? 9999))
    .map(
      ([k, v]) => [COLUMN_LABELS[k] ?? 'Ander gegeven', show(k, v, copy, binaryColumns.has(`${table}.${k}`))] as const,
    )
    .filter((entry): entry is readonly [string, string] => entry[1] !== null);
}

const VERB: Record<string, string> = {
  read: 'bekeken',
  search: 'gevonden bij het zoeken',
  create: 'aangevuld',
  update: 'gewijzigd',
  delete: 'verwijderd',
  export: 'gedeeld, verstuurd of gedownload',
  print: 'geprint',
  login: 'ingelogd in Mijn Nabij',
  logout: 'uitgelogd uit Mijn Nabij',
};

/**
 * The access log summarised per day, organisation and kind of access: "3 december 2026: Wijkteam Noord heeft uw
 * dossier 4 keer bekeken." Emergency access and refused attempts get their own line. Every single line, with the
 * name of the person who acted, stays in the machine-readable copy.
 */
export function accessSummary(copy: InspectionCopy): string[] {
  const groups = new Map<string, { day: string; sentence: (n: number) => string; count: number }>();
  for (const l of copy.accessLog) {
    const at = new Date(l.at);
    const day = dayKey.format(at);
    const who =
      l.role === 'resident'
        ? 'U'
        : l.role === 'referrer'
          ? 'De aanmelder (via het formulier)'
          : l.team
            ? l.team
            : l.who
              ? copy.municipality
              : 'Het systeem van Nabij';
    const object = l.inCase ? 'uw dossier' : 'uw gegevens';
    const key = [day, who, object, l.action, l.outcome, l.emergency].join('|');
    const date = longDate.format(at);
    const times = (n: number) => `${n} keer`;
    const sentence = (n: number) => {
      if (l.outcome === 'denied')
        return `${date}: ${who} heeft ${times(n)} geprobeerd ${object} te openen, maar kreeg geen toegang.`;
      if (l.action === 'login' || l.action === 'logout') return `${date}: ${who} heeft ${times(n)} ${VERB[l.action]}.`;
      const verb = VERB[l.action] ?? 'gebruikt';
      return `${date}: ${who} heeft ${object} ${times(n)} ${verb}${l.emergency ? ' met noodtoegang' : ''}.`;
    };
    const g = groups.get(key) ?? { day, sentence, count: 0 };
    g.count++;
    groups.set(key, g);
  }
  return [...groups.values()].sort((a, b) => a.day.localeCompare(b.day)).map((g) => g.sentence(g.count));
}

const REQUEST_KIND: Record<string, string> = {
  inspection: 'inzage',
  correction: 'verbeteren',
  erasure: 'wissen',
  restriction: 'beperken',
  objection: 'bezwaar',
  statement: 'eigen verklaring',
};
const REQUEST_STATUS: Record<string, string> = {
  received: 'ontvangen',
  in_progress: 'in behandeling',
  granted: 'toegekend',
  partly_granted: 'deels toegekend',
  refused: 'afgewezen',
  withdrawn: 'ingetrokken',
};

/**
 * The readable copy (PDF/UA, ADR 0053): what it is, the decisions on shielded categories, the data grouped by
 * subject with Dutch labels, and per day which organisation looked at or changed it.
 */
export async function renderInspectionPdf(copy: InspectionCopy, binaryColumns: ReadonlySet<string>): Promise<Buffer> {
  const name = fullNameOfRow(copy.subject);
  const known = new Set(Object.keys(TABLE_TITLE));
  const recordBlocks = (table: string, title: string): Block[] => {
    const rows = copy.data[table] ?? [];
    return rows.flatMap((row, i): Block[] => {
      const f = fields(table, row, copy, binaryColumns);
      if (f.length === 0) return [];
      return [
        { type: 'h3', text: rows.length > 1 ? `${title} (${i + 1} van ${rows.length})` : title },
        { type: 'fields', rows: f },
      ];
    });
  };
  const subjects: Block[] = SUBJECTS.flatMap((subject) => {
    const blocks = Object.entries(subject.tables).flatMap(([table, title]) => recordBlocks(table, title));
    return blocks.length ? [{ type: 'h2', text: subject.title } as const, ...blocks] : [];
  });
  // A table added later that has no words yet (a test asks for them) still shows, under "Overige gegevens".
  const others = Object.keys(copy.data)
    .filter((t) => !known.has(t))
    .sort()
    .flatMap((table) => recordBlocks(table, 'Ander soort gegeven'));
  const summary = accessSummary(copy);
  const blocks: Block[] = [
    { type: 'h1', text: 'Kopie van uw gegevens' },
    {
      type: 'p',
      text: `${copy.municipality} · voor ${name} · gemaakt op ${dateTime.format(new Date(copy.generatedAt))} · kenmerk ${copy.request.reference}`,
      style: 'small',
    },
    {
      type: 'p',
      text:
        'U vroeg ons welke gegevens wij over u hebben (inzage, AVG artikel 15). Hieronder staan al uw gegevens, per onderwerp, en wie ze heeft bekeken of gewijzigd. ' +
        'Dezelfde gegevens krijgt u ook als bestand dat een computer kan lezen. Klopt er iets niet? Dan kunt u vragen het te verbeteren, of er zelf een verklaring bij laten zetten.',
    },
    { type: 'h2', text: 'Wat wel en niet in deze kopie staat' },
    { type: 'list', items: copy.decisions.map((d) => d.text) },
    { type: 'h2', text: 'Persoonsgegevens' },
    { type: 'fields', rows: fields('person', copy.subject, copy, binaryColumns) },
    ...subjects,
    ...(others.length ? [{ type: 'h2', text: 'Overige gegevens' } as const, ...others] : []),
    ...(copy.ownRequests.length
      ? [
          { type: 'h2', text: 'Uw verzoeken over uw gegevens' } as const,
          {
            type: 'list',
            items: copy.ownRequests.map(
              (r) =>
                `${r.reference}: ${REQUEST_KIND[r.kind] ?? 'verzoek'}, ontvangen op ${longDate.format(new Date(`${r.receivedOn}T12:00:00Z`))}, ${REQUEST_STATUS[r.status] ?? 'in behandeling'}${r.completedOn ? `, afgerond op ${longDate.format(new Date(`${r.completedOn}T12:00:00Z`))}` : ''}`,
            ),
          } as const,
        ]
      : []),
    { type: 'h2', text: 'Wie heeft uw gegevens bekeken of gewijzigd' },
    ...(summary.length
      ? [
          {
            type: 'p',
            text: 'Per dag en per organisatie: hoe vaak uw gegevens zijn bekeken of gewijzigd. In het bestand dat een computer kan lezen staat elke keer apart, met de naam van de medewerker.',
          } as const,
          { type: 'list', items: summary } as const,
        ]
      : [{ type: 'p', text: 'Niemand heeft uw gegevens bekeken.' } as const]),
  ];
  return renderAccessiblePdf({
    title: `Kopie van uw gegevens — ${copy.request.reference}`,
    author: copy.municipality,
    footer: (page, pages) => `${copy.request.reference} · vertrouwelijk · pagina ${page} van ${pages}`,
    blocks,
  });
}
