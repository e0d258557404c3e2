import { swapDayAndMonth } from '../persons';

/** What one line typed in the header's search box asks for (ADR 0030). */
export interface GlobalQuery {
  /** Case or referral references to look up exactly: as typed (upper case) and as AM-yyyy-nnnnn. */
  references: string[];
  person: { name?: string; dateOfBirth?: string; bsn?: string; postcode?: string; houseNumber?: string } | null;
}

const isRealDate = (iso: string) => {
  const d = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === iso;
};

/**
 * Reads the search box: a reference ("AM-2026-00012", "am 2026 12", "2026-12"), a date of birth ("03-04-1980",
 * "1980-04-03"), a BSN (eight or nine digits), a postcode with house number ("3511 AB 7"), or else a name.
 */
export function parseGlobalQuery(raw: string): GlobalQuery {
  const q = raw.trim().replace(/\s+/g, ' ');
  const references = new Set<string>();
  const ref = /^(?:am)?[\s-]?(\d{4})[\s-](\d{1,5})$/i.exec(q);
  if (ref) references.add(`AM-${ref[1]}-${ref[2]!.padStart(5, '0')}`);
  if (/^am[\s-]/i.test(q)) references.add(q.toUpperCase().replace(/\s/g, '-'));
  if (/^[A-Z]{2}-[\w-]+$/i.test(q)) references.add(q);

  const dutchDate = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(q);
  const isoDate = /^(\d{4})-(\d{2})-(\d{2})$/.exec(q);
  if (dutchDate || isoDate) {
    const iso = dutchDate ? `${dutchDate[3]}-${dutchDate[2]!.padStart(2, '0')}-${dutchDate[1]!.padStart(2, '0')}` : q;
    if (isRealDate(iso) || (swapDayAndMonth(iso) && isRealDate(swapDayAndMonth(iso)!)))
      return { references: [...references], person: { dateOfBirth: isRealDate(iso) ? iso : swapDayAndMonth(iso)! } };
    return { references: [...references], person: null };
  }
  if (/^\d{8,9}$/.test(q)) return { references: [...references], person: { bsn: q.padStart(9, '0') } };
  const address = /^(\d{4}) ?([a-z]{2})(?: (\d{1,5}))?$/i.exec(q);
  if (address) {
    const postcode = `${address[1]}${address[2]!.toUpperCase()}`;
    return { references: [...references], person: address[3] ? { postcode, houseNumber: address[3] } : { postcode } };
  }
  if (ref || /^am[\s-]?\d/i.test(q) || /^\d[\d\s-]*$/.test(q)) return { references: [...references], person: null };
  return { references: [...references], person: /\p{L}.*\p{L}/u.test(q) ? { name: q } : null };
}
