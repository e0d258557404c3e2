/** Pure helpers of the privacy pages: filters in the address bar, dates, paging. No I/O. */

export interface LogFilterValues {
  userId: string;
  personId: string;
  from: string;
  to: string;
  action: string;
  emergency: boolean;
  denied: boolean;
  page: number;
}

export const EMPTY_FILTER: LogFilterValues = {
  userId: '',
  personId: '',
  from: '',
  to: '',
  action: '',
  emergency: false,
  denied: false,
  page: 1,
};

/** The filter shown by the page, from the address bar (`?gebruiker=…&client=…&van=…&tot=…&handeling=…&nood=1&geweigerd=1&pagina=2`). */
export function filterFromParams(params: URLSearchParams): LogFilterValues {
  const page = Number(params.get('pagina') ?? '1');
  return {
    userId: params.get('gebruiker') ?? '',
    personId: params.get('client') ?? '',
    from: params.get('van') ?? '',
    to: params.get('tot') ?? '',
    action: params.get('handeling') ?? '',
    emergency: params.get('nood') === '1',
    denied: params.get('geweigerd') === '1',
    page: Number.isInteger(page) && page > 0 ? page : 1,
  };
}

export function filterToParams(f: LogFilterValues): URLSearchParams {
  const p = new URLSearchParams();
  if (f.userId) p.set('gebruiker', f.userId);
  if (f.personId) p.set('client', f.personId);
  if (f.from) p.set('van', f.from);
  if (f.to) p.set('tot', f.to);
  if (f.action) p.set('handeling', f.action);
  if (f.emergency) p.set('nood', '1');
  if (f.denied) p.set('geweigerd', '1');
  if (f.page > 1) p.set('pagina', String(f.page));
  return p;
}

/** The API's query string for a filter (`includePage` false for the export). */
export function filterToApiQuery(f: LogFilterValues, includePage = true): string {
  const p = new URLSearchParams();
  if (f.userId) p.set('userId', f.userId);
  if (f.personId) p.set('personId', f.personId);
  if (f.from) p.set('from', f.from);
  if (f.to) p.set('to', f.to);
  if (f.action) p.set('action', f.action);
  if (f.emergency) p.set('emergency', 'true');
  if (f.denied) p.set('outcome', 'denied');
  if (includePage && f.page > 1) p.set('page', String(f.page));
  return p.toString();
}

export function pageCount(total: number, pageSize: number): number {
  return Math.max(1, Math.ceil(total / pageSize));
}

const dateFormat = new Intl.DateTimeFormat('nl-NL', {
  timeZone: 'UTC',
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});

/** "maandag 23 november 2026" for a yyyy-mm-dd day. */
export function formatDay(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  return Number.isNaN(d.getTime()) ? day : dateFormat.format(d);
}

const timeFormat = new Intl.DateTimeFormat('nl-NL', {
  timeZone: 'Europe/Amsterdam',
  hour: '2-digit',
  minute: '2-digit',
});

/** "14:05" in Amsterdam time. */
export function formatTime(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : timeFormat.format(d);
}

/** A hash shown in groups of eight, so it can be read aloud and copied by hand. */
export function groupHash(hash: string): string {
  return hash.match(/.{1,8}/g)?.join(' ') ?? hash;
}
