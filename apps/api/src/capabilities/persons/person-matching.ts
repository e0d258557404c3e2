import type { PersonMatchReason } from '@nabij/contracts';
import { sql, type RawBuilder } from 'kysely';
import type { Tx } from '../../platform/database/database';
import { judge, parseNameQuery, swapDayAndMonth, type MatchCriteria, type NameQuery } from './name-matching';
import { SEARCH_LIMIT } from './persons.domain';
import { SUMMARY_COLUMNS, type SummaryRow } from './persons.store';

/**
 * Finding persons as Dutch names are written (ADR 0030). Candidates come from the name keys in person_name_word
 * (migration 0028) with leakproof range comparisons, so the primary-key index is used under row-level security;
 * spelling mistakes through the trigram lookup `similar_person_name_words` (SECURITY DEFINER, filtered on the
 * current tenant). Every candidate is then judged in name-matching.ts: why it was found, and how strongly.
 */

/** Sorts after every continuation of a key (the highest code point): `t <= w < t + PREFIX_END` means w starts with t. */
const PREFIX_END = '\u{10FFFF}';
/** Candidates read per search before ranking; more means "refine the search". */
const CANDIDATE_LIMIT = 200;
/** Below this many candidates, spelling mistakes are looked up too (tokens of four letters or more). */
const FEW = 5;

export type MatchedRow = SummaryRow & {
  bsn: string | null;
  street: string | null;
  house_number_addition: string | null;
  city: string | null;
  reasons: PersonMatchReason[];
  score: number;
};

/** The persons whose name keys start with the key of `token` ("mei" also finds "mey…", the ij of Meijer). */
function prefixIds(token: string): RawBuilder<unknown> {
  const keys = token.endsWith('i') ? [token, `${token}j`] : [token];
  return sql.join(
    keys.map(
      (k) =>
        sql`select person_id from person_name_word where word >= name_key(${k}) and word < (name_key(${k}) || ${PREFIX_END})`,
    ),
    sql` union `,
  );
}

function tokenIds(token: string, fuzzy: boolean): RawBuilder<unknown> {
  const similar =
    fuzzy && token.length >= 4
      ? sql` union select person_id from similar_person_name_words(name_key(${token}))`
      : sql``;
  return sql`(${prefixIds(token)}${similar})`;
}

/** Persons that have every required word of the query, or the words written together. */
function nameIds(q: NameQuery, fuzzy: boolean): RawBuilder<unknown> {
  const all = sql.join(
    q.required.map((t) => tokenIds(t, fuzzy)),
    sql` intersect `,
  );
  return q.joined ? sql`${all} union (${prefixIds(q.joined)})` : all;
}

/** How many of the query's words a person has exactly (by key): read first when there are many candidates. */
function exactWords(q: NameQuery): RawBuilder<number> {
  const keys = [...q.required, ...q.optional, ...(q.joined ? [q.joined] : [])];
  return sql<number>`(select count(*) from person_name_word w where w.person_id = person.id and w.word in (${sql.join(keys.map((k) => sql`name_key(${k})`))}))`;
}

function rank(
  criteria: MatchCriteria,
  rows: Array<SummaryRow & Pick<MatchedRow, 'bsn' | 'street' | 'house_number_addition' | 'city'>>,
): MatchedRow[] {
  return rows
    .map((r) => ({ ...r, ...judge(criteria, r) }))
    .sort(
      (a, b) =>
        b.score - a.score ||
        a.last_name.localeCompare(b.last_name, 'nl') ||
        a.first_name.localeCompare(b.first_name, 'nl') ||
        a.id.localeCompare(b.id),
    )
    .map(({ lastNameMatched: _l, firstNameMatched: _f, ...r }) => r);
}

export interface SearchCriteria {
  name?: string | undefined;
  dateOfBirth?: string | undefined;
  bsn?: string | undefined;
  postcode?: string | undefined;
  houseNumber?: string | undefined;
}

/**
 * The person search: every given criterion must match; the name as Dutch names are written, the date of birth
 * also with day and month swapped. Ranked, each with its reasons.
 */
export async function searchPersons(tx: Tx, c: SearchCriteria): Promise<{ rows: MatchedRow[]; truncated: boolean }> {
  const name = parseNameQuery(c.name);
  const criteria: MatchCriteria = {
    name,
    dateOfBirth: c.dateOfBirth,
    bsn: c.bsn,
    postcode: c.postcode,
    houseNumber: c.houseNumber,
  };
  const run = (fuzzy: boolean) => {
    let q = tx.selectFrom('person').select([...SUMMARY_COLUMNS, 'bsn', 'street', 'house_number_addition', 'city']);
    if (name) {
      q = q.where(sql<boolean>`id in (${nameIds(name, fuzzy)})`);
      if (name.initials[0]) q = q.where(sql<boolean>`left(name_key(first_name), 1) = ${name.initials[0]}`);
    }
    if (c.dateOfBirth)
      q = q.where('date_of_birth', 'in', [c.dateOfBirth, swapDayAndMonth(c.dateOfBirth) ?? c.dateOfBirth]);
    if (c.bsn) q = q.where('bsn', '=', c.bsn);
    if (c.postcode) q = q.where('postcode', '=', c.postcode);
    if (c.houseNumber) q = q.where('house_number', '=', c.houseNumber);
    if (name) q = q.orderBy(exactWords(name), 'desc');
    return q
      .orderBy(sql`lower(last_name)`)
      .orderBy(sql`lower(first_name)`)
      .orderBy('id')
      .limit(CANDIDATE_LIMIT + 1)
      .execute();
  };
  let rows = await run(false);
  if (name && rows.length < FEW && name.required.some((t) => t.length >= 4)) rows = await run(true);
  const ranked = rank(criteria, rows.slice(0, CANDIDATE_LIMIT));
  return {
    rows: ranked.slice(0, SEARCH_LIMIT),
    truncated: rows.length > CANDIDATE_LIMIT || ranked.length > SEARCH_LIMIT,
  };
}

export interface RegiecheckCriteria {
  firstName: string | null;
  infix?: string | null | undefined;
  lastName: string | null;
  dateOfBirth: string | null;
  bsn: string | null;
  postcode: string | null;
  houseNumber: string | null;
}

export type RegiecheckMatchRow = SummaryRow & { matched_on: string[]; reasons: PersonMatchReason[] };

/**
 * Persons who may be the one named in a referral: the same BSN; the same address; or the last name as Dutch names
 * are written (also misspelt) with the date of birth (also day and month swapped) or the first name. Strongest first.
 */
export async function findRegiecheckMatches(tx: Tx, c: RegiecheckCriteria): Promise<RegiecheckMatchRow[]> {
  const name = c.lastName ? parseNameQuery([c.infix, c.lastName].filter(Boolean).join(' ')) : null;
  const first = c.firstName ? parseNameQuery(c.firstName)?.required[0] : undefined;
  const candidates = async (fuzzy: boolean) => {
    const sets: RawBuilder<unknown>[] = [];
    if (c.bsn) sets.push(sql`(select id from person where bsn = ${c.bsn})`);
    if (c.postcode && c.houseNumber)
      sets.push(sql`(select id from person where postcode = ${c.postcode} and house_number = ${c.houseNumber})`);
    if (name) {
      const also: RawBuilder<unknown>[] = [];
      if (c.dateOfBirth)
        also.push(
          sql`select id from person where date_of_birth in (${c.dateOfBirth}, ${swapDayAndMonth(c.dateOfBirth) ?? c.dateOfBirth})`,
        );
      if (first) also.push(sql`${tokenIds(first, fuzzy)}`);
      if (also.length) sets.push(sql`((${nameIds(name, fuzzy)}) intersect (${sql.join(also, sql` union `)}))`);
    }
    if (sets.length === 0) return [];
    return tx
      .selectFrom('person')
      .select([...SUMMARY_COLUMNS, 'bsn'])
      .where(sql<boolean>`id in (${sql.join(sets, sql` union `)})`)
      .orderBy('id')
      .limit(CANDIDATE_LIMIT)
      .execute();
  };
  // Misspellings only when the name as written finds nobody (the trigram lookup costs more).
  let rows = await candidates(false);
  if (name && !rows.some((r) => judge({ name }, r).lastNameMatched)) rows = await candidates(true);
  const criteria: MatchCriteria = {
    name,
    firstName: c.firstName,
    dateOfBirth: c.dateOfBirth,
    bsn: c.bsn,
    postcode: c.postcode,
    houseNumber: c.houseNumber,
  };
  return rows
    .map((r) => ({ row: r, j: judge(criteria, r) }))
    .filter(({ j }) => {
      const has = (x: PersonMatchReason) => j.reasons.includes(x);
      const birth = has('date_of_birth_equal') || has('date_of_birth_day_month_swapped');
      return has('bsn_equal') || has('address_equal') || (j.lastNameMatched && (birth || j.firstNameMatched));
    })
    .sort(
      (a, b) =>
        b.j.score - a.j.score ||
        a.row.last_name.localeCompare(b.row.last_name, 'nl') ||
        a.row.id.localeCompare(b.row.id),
    )
    .slice(0, 20)
    .map(({ row: { bsn: _bsn, ...r }, j }) => {
      const has = (x: PersonMatchReason) => j.reasons.includes(x);
      const matched: string[] = [];
      if (has('bsn_equal')) matched.push('bsn');
      if (j.lastNameMatched && (has('date_of_birth_equal') || has('date_of_birth_day_month_swapped')))
        matched.push('name_and_birth_date');
      if (has('address_equal')) matched.push('address');
      if (j.lastNameMatched && j.firstNameMatched) matched.push('name');
      return { ...r, matched_on: matched, reasons: j.reasons };
    });
}
