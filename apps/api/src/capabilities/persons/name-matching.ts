import type { PersonMatchReason } from '@nabij/contracts';

/**
 * How a typed name is compared with a stored one, the way Dutch names are written (ADR 0030). The database finds
 * the candidates through name keys (migration 0028: lower case, without diacritics, ij written as y); this module
 * reads the query and says, for each candidate, why it was found and how strongly.
 */

/** Infixes (tussenvoegsels) and their abbreviations: in a query they are optional when a name word is given too. */
const INFIXES = new Set([
  'van',
  'de',
  'den',
  'der',
  'het',
  't',
  'te',
  'ten',
  'ter',
  'in',
  'op',
  'aan',
  'bij',
  'uit',
  'voor',
  'onder',
  'la',
  'le',
  'du',
  'des',
  'da',
  'di',
  'do',
  'dos',
  'del',
  'vd',
  'v',
]);

/** Letters without their diacritics: NFD marks removed, and the letters that are not composed (Đ, Ł, Ø, ß, ı, …). */
const SPECIAL_LETTERS: Record<string, string> = {
  đ: 'd',
  ð: 'd',
  ł: 'l',
  ø: 'o',
  ß: 'ss',
  ı: 'i',
  æ: 'ae',
  œ: 'oe',
  þ: 'th',
  ħ: 'h',
  ŀ: 'l',
  ĳ: 'ij',
};

export function withoutDiacritics(s: string): string {
  return s
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đðłøßıæœþħŀĳ]/g, (c) => SPECIAL_LETTERS[c] ?? c);
}

/** The search key of a name: without diacritics, apostrophes and dots, "ij" as "y", separators as one space (as name_key in SQL). */
export function nameKey(s: string): string {
  return withoutDiacritics(s)
    .replace(/['’.]/g, '')
    .replace(/ij/g, 'y')
    .replace(/[\s,/‐‑–-]+/g, ' ')
    .trim();
}

/** The words of a stored name as written (lower case, with diacritics): compareWord tells equal from alike. */
const plainWords = (s: string | null | undefined) =>
  s
    ? s
        .toLowerCase()
        .replace(/['’.]/g, '')
        .split(/[\s,/‐‑–-]+/)
        .filter(Boolean)
    : [];

export interface NameQuery {
  /** Name words every match must have (the first, infix or last name starts with each, by key). */
  required: string[];
  /** For each required word, the separator before it in the query (' ' or '-'), to tell "El-Amrani" from "El Amrani". */
  separators: string[];
  /** Infixes given next to other words: a match without them is still shown, lower. */
  optional: string[];
  /** Initials ("A." or "A.J."): the first name must start with the first one. */
  initials: string[];
  /** The required words written together ("elamrani"), also looked up, when there are two or more. */
  joined: string | null;
}

/** Reads a typed name: "van den Berg", "A. Meijer", "El-Amrani", "Berg, van den", "Çelik". At most six words. */
export function parseNameQuery(query: string | undefined): NameQuery | null {
  if (!query?.trim()) return null;
  const words: Array<{ text: string; sep: string }> = [];
  const initials: string[] = [];
  const infixes: string[] = [];
  for (const group of query
    .trim()
    .split(/[\s,;/]+/)
    .filter(Boolean)) {
    const lower = group.toLowerCase();
    if (/^(\p{L}\.)+\p{L}?$/u.test(group) && !['v.d.', 'v.'].includes(lower)) {
      initials.push(
        ...withoutDiacritics(group)
          .replace(/\./g, '')
          .split(/(?=\p{L})/u),
      );
      continue;
    }
    const parts = group
      .split(/[‐‑–-]+/)
      .map((p) => p.replace(/['’.]/g, ''))
      .filter(Boolean);
    parts.forEach((part, i) => {
      const key = nameKey(part);
      if (!key) return;
      if (parts.length === 1 && INFIXES.has(key)) infixes.push(key);
      else words.push({ text: part, sep: i === 0 ? ' ' : '-' });
    });
  }
  // A single letter alone is an initial only next to a name word ("a meijer").
  const singles = words.filter((w) => nameKey(w.text).length === 1);
  if (words.length > singles.length) {
    for (const s of singles) initials.push(nameKey(s.text));
  }
  let required = words.length > singles.length ? words.filter((w) => nameKey(w.text).length > 1) : words;
  let optional = infixes;
  if (required.length === 0 && infixes.length > 0) {
    required = infixes.map((text) => ({ text, sep: ' ' }));
    optional = [];
  }
  if (required.length === 0 && initials.length > 0) {
    required = [{ text: initials.join(''), sep: ' ' }];
    initials.length = 0;
  }
  if (required.length === 0) return null;
  required = required.slice(0, 6);
  return {
    required: required.map((w) => w.text.toLowerCase()),
    separators: required.map((w) => w.sep),
    optional: optional.slice(0, 4),
    initials,
    joined: required.length > 1 ? required.map((w) => nameKey(w.text)).join('') : null,
  };
}

/** The day and month swapped (03-04 for 04-03), when that is another valid date; null otherwise. */
export function swapDayAndMonth(isoDate: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!m) return null;
  const [, y, mm, dd] = m;
  if (mm === dd || Number(dd) > 12) return null;
  return `${y}-${dd}-${mm}`;
}

export interface Candidate {
  first_name: string;
  infix: string | null;
  last_name: string;
  date_of_birth: string | null;
  bsn?: string | null | undefined;
  postcode: string | null;
  house_number: string | null;
}

export interface MatchCriteria {
  name: NameQuery | null;
  /** A referral's first name, compared separately (the regiecheck). */
  firstName?: string | null | undefined;
  dateOfBirth?: string | null | undefined;
  bsn?: string | null | undefined;
  postcode?: string | null | undefined;
  houseNumber?: string | null | undefined;
}

export interface Judgement {
  reasons: PersonMatchReason[];
  score: number;
  lastNameMatched: boolean;
  firstNameMatched: boolean;
}

const WEIGHT: Record<PersonMatchReason, number> = {
  bsn_equal: 100,
  last_name_equal: 40,
  last_name_without_diacritics: 37,
  last_name_hyphen_or_space: 37,
  last_name_sounds_alike: 35,
  last_name_starts_with: 22,
  last_name_similar: 12,
  infix_equal: 4,
  first_name_equal: 16,
  first_name_without_diacritics: 14,
  first_name_sounds_alike: 13,
  first_name_starts_with: 9,
  first_name_similar: 5,
  initial_matches: 8,
  date_of_birth_equal: 30,
  date_of_birth_day_month_swapped: 18,
  address_equal: 20,
};

type Kind = 'equal' | 'without_diacritics' | 'sounds_alike' | 'starts_with';

/** How a typed word compares with one stored word; null when it does not. */
function compareWord(typed: string, stored: string): Kind | null {
  if (typed.toLowerCase() === stored.toLowerCase()) return 'equal';
  if (withoutDiacritics(typed) === withoutDiacritics(stored)) return 'without_diacritics';
  const t = nameKey(typed);
  const s = nameKey(stored);
  if (t === s) return 'sounds_alike';
  // A word typed up to the "i" of an "ij" ("mei" for Meijer) still starts it.
  if (s.startsWith(t) || (t.endsWith('i') && s.startsWith(`${t.slice(0, -1)}y`))) return 'starts_with';
  return null;
}

/** Without diacritics and without spaces and hyphens: "El-Amrani", "El Amrani" and "Elamrani" are the same. */
const unseparated = (s: string) => withoutDiacritics(s).replace(/[\s'’.‐‑–-]+/g, '');

const KIND_ORDER: Kind[] = ['equal', 'without_diacritics', 'sounds_alike', 'starts_with'];
const best = (kinds: Array<Kind | null>): Kind | null => KIND_ORDER.find((k) => kinds.includes(k)) ?? null;

/** A last name stored with its infix ("van den Berg" as the last name) without it, as written (lower case, hyphens kept). */
function lastNameWithoutInfix(last: string): string {
  const ws = last.toLowerCase().split(/\s+/).filter(Boolean);
  let i = 0;
  while (i < ws.length - 1 && INFIXES.has(nameKey(ws[i]!))) i++;
  return ws.slice(i).join(' ');
}

/** Why a candidate matches the criteria, and how strongly (higher first). */
export function judge(c: MatchCriteria, p: Candidate): Judgement {
  const reasons = new Set<PersonMatchReason>();
  let lastNameMatched = false;
  let firstNameMatched = false;
  const q = c.name;
  if (q) {
    const firstWords = plainWords(p.first_name);
    const infixWords = plainWords(p.infix);
    const lastAll = plainWords(p.last_name);
    const lastTokens: Array<{ text: string; sep: string }> = [];
    q.required.forEach((typed, i) => {
      const asLast = best(lastAll.map((w) => compareWord(typed, w)));
      const asFirst = best(firstWords.map((w) => compareWord(typed, w)));
      const asInfix = best(infixWords.map((w) => compareWord(typed, w)));
      if (
        asLast === 'equal' ||
        asLast === 'without_diacritics' ||
        asLast === 'sounds_alike' ||
        (!asFirst && !asInfix)
      ) {
        lastTokens.push({ text: typed, sep: q.separators[i] ?? ' ' });
      } else if (asFirst) {
        firstNameMatched = true;
        reasons.add(`first_name_${asFirst}` as PersonMatchReason);
      } else if (asInfix) {
        reasons.add('infix_equal');
      }
    });
    if (lastTokens.length > 0) {
      const typedText = lastTokens.map((t, i) => (i === 0 ? '' : t.sep) + t.text).join('');
      const storedText = lastNameWithoutInfix(p.last_name);
      const storedRaw = p.last_name.toLowerCase();
      const typedJoined = nameKey(typedText).replace(/ /g, '');
      const storedJoined = nameKey(storedText).replace(/ /g, '');
      const storedWithInfix = nameKey(`${p.infix ?? ''} ${p.last_name}`).replace(/ /g, '');
      lastNameMatched = true;
      const similar = () =>
        lastTokens.some((t) => lastAll.some((w) => trigramSimilarity(nameKey(t.text), nameKey(w)) >= 0.4)) ||
        trigramSimilarity(typedJoined, storedJoined) >= 0.4;
      if (typedText.toLowerCase() === storedRaw || typedText.toLowerCase() === storedText)
        reasons.add('last_name_equal');
      else if (
        withoutDiacritics(typedText) === withoutDiacritics(storedRaw) ||
        withoutDiacritics(typedText) === withoutDiacritics(storedText)
      )
        reasons.add('last_name_without_diacritics');
      else if (unseparated(typedText) === unseparated(storedText) || unseparated(typedText) === unseparated(storedRaw))
        reasons.add('last_name_hyphen_or_space');
      else if (nameKey(typedText) === nameKey(storedText)) reasons.add('last_name_sounds_alike');
      else if (typedJoined === storedJoined || typedJoined === storedWithInfix)
        reasons.add('last_name_hyphen_or_space');
      else {
        const kinds = lastTokens.map((t) => best(lastAll.map((w) => compareWord(t.text, w))));
        if (kinds.every((k) => k !== null)) {
          const worst = [...KIND_ORDER].reverse().find((k) => kinds.includes(k))!;
          reasons.add(worst === 'starts_with' ? 'last_name_starts_with' : (`last_name_${worst}` as PersonMatchReason));
        } else if (storedJoined.startsWith(typedJoined) || storedWithInfix.startsWith(typedJoined))
          reasons.add('last_name_starts_with');
        else if (similar()) reasons.add('last_name_similar');
        else lastNameMatched = false;
      }
    }
    if (q.optional.length > 0) {
      const infixKeys = [...infixWords, ...plainWords(p.last_name)].map(nameKey);
      if (q.optional.every((o) => infixKeys.includes(o))) reasons.add('infix_equal');
    }
    if (q.initials.length > 0 && firstWords[0] && nameKey(firstWords[0]).startsWith(q.initials[0]!))
      reasons.add('initial_matches');
  }
  if (c.firstName) {
    const typedFirst = plainWords(c.firstName)[0];
    const firstWords = plainWords(p.first_name);
    if (typedFirst) {
      const kind =
        best(firstWords.map((w) => compareWord(typedFirst, w))) ??
        best(firstWords.map((w) => compareWord(w, typedFirst)));
      if (kind) {
        firstNameMatched = true;
        reasons.add(`first_name_${kind}` as PersonMatchReason);
      } else if (firstWords.some((w) => trigramSimilarity(nameKey(w), nameKey(typedFirst)) >= 0.45)) {
        firstNameMatched = true;
        reasons.add('first_name_similar');
      }
    }
  }
  if (c.dateOfBirth && p.date_of_birth) {
    if (p.date_of_birth === c.dateOfBirth) reasons.add('date_of_birth_equal');
    else if (p.date_of_birth === swapDayAndMonth(c.dateOfBirth)) reasons.add('date_of_birth_day_month_swapped');
  }
  if (c.bsn && p.bsn === c.bsn) reasons.add('bsn_equal');
  if (c.postcode && c.houseNumber && p.postcode === c.postcode && p.house_number === c.houseNumber)
    reasons.add('address_equal');
  const ordered = [...reasons].sort((a, b) => WEIGHT[b] - WEIGHT[a]);
  return { reasons: ordered, score: ordered.reduce((sum, r) => sum + WEIGHT[r], 0), lastNameMatched, firstNameMatched };
}

/** pg_trgm's similarity (shared trigrams over all trigrams of both words, padded with spaces), for short first names. */
export function trigramSimilarity(a: string, b: string): number {
  const grams = (s: string) => {
    const padded = `  ${s} `;
    const set = new Set<string>();
    for (let i = 0; i + 3 <= padded.length; i++) set.add(padded.slice(i, i + 3));
    return set;
  };
  const ga = grams(a);
  const gb = grams(b);
  let shared = 0;
  for (const g of ga) if (gb.has(g)) shared++;
  const all = ga.size + gb.size - shared;
  return all === 0 ? 0 : shared / all;
}
