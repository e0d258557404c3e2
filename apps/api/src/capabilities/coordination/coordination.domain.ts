/** Pure rules of team meetings and coordination (no I/O). */

/** An agreed action is overdue when its due date has passed and it is neither done nor given up. */
export function isOverdue(a: { dueOn: string | null; status: string }, today: string): boolean {
  return a.dueOn !== null && a.dueOn < today && a.status !== 'done' && a.status !== 'not_done';
}

/** The outcome of an agenda item is recorded during or after the meeting, not before. */
export const meetingHasBegun = (meetingDate: string, today: string): boolean => meetingDate <= today;

/** A date that must not lie in the future: the field error, or undefined. */
export function futureDateError(date: string | undefined | null, today: string): string | undefined {
  return date && date > today ? 'Deze datum ligt in de toekomst.' : undefined;
}

const MONTHS = [
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

/** "12 maart 2026" (for the case timeline). */
export function dutchDate(iso: string): string {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  return `${d} ${MONTHS[(m ?? 1) - 1]} ${y}`;
}

/** Shortens a text for a timeline line. */
export function shorten(text: string, max = 160): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A signal to policy holds no personal data. Looks for what would identify a resident: a BSN-like number,
 * an e-mail address, a phone number, a postcode with house number, or a name of a member of the household of the
 * case the signal came from. Returns the Dutch message for the form, or undefined when nothing was found.
 */
export function personalDataInSignal(description: string, names: readonly string[] = []): string | undefined {
  if (/\b\d{4}[ .]?\d{2}[ .]?\d{3}\b/.test(description))
    return 'Het signaal lijkt een BSN of ander persoonsnummer te bevatten. Haal het weg: een signaal bevat geen persoonsgegevens.';
  if (/[^\s@]+@[^\s@]+\.[a-z]{2,}/i.test(description))
    return 'Het signaal bevat een e-mailadres. Haal het weg: een signaal bevat geen persoonsgegevens.';
  if (/(\+31|\b0)[1-9](?:[ -]?\d){8}\b/.test(description))
    return 'Het signaal bevat een telefoonnummer. Haal het weg: een signaal bevat geen persoonsgegevens.';
  if (/\b[1-9]\d{3} ?[A-Z]{2}\b\s*\d+/.test(description))
    return 'Het signaal bevat een adres. Haal het weg: een signaal bevat geen persoonsgegevens.';
  const words = [...new Set(names.flatMap((n) => n.split(/[\s-]+/)).filter((w) => w.length >= 3))];
  const found = words.find((w) => new RegExp(`(^|[^\\p{L}])${escape(w)}($|[^\\p{L}])`, 'iu').test(description));
  if (found)
    return `Het signaal noemt “${found}”, een naam uit het huishouden. Beschrijf het signaal zonder namen: een signaal bevat geen persoonsgegevens.`;
  return undefined;
}

/** The first case review meeting on or after today, for "put on the next agenda". */
export function nextMeeting<M extends { date: string }>(meetings: readonly M[], today: string): M | undefined {
  return [...meetings].filter((m) => m.date >= today).sort((a, b) => a.date.localeCompare(b.date))[0];
}
