import { addMonths, type LegalBasisCode, type RetentionRegime } from '@nabij/contracts';

/** Terms (in years) a municipality sets for the regimes the law leaves open. */
export interface RetentionTerms {
  participatiewetYears: number;
  wgsYears: number;
  otherYears: number;
}
export const DEFAULT_TERMS: RetentionTerms = { participatiewetYears: 7, wgsYears: 7, otherYears: 5 };

/** Wmo 2015: 15 years (counted from the closure of the case); Jeugdwet: 20 years from the last change in the file. */
export const WMO_YEARS = 15;
export const JEUGDWET_YEARS = 20;

const REGIME_OF: Record<LegalBasisCode, RetentionRegime> = {
  wmo_2015: 'wmo',
  jeugdwet: 'jeugdwet',
  participatiewet: 'participatiewet',
  wgs: 'wgs',
  consent: 'other',
};

/** The retention regimes of a case follow from its legal bases; without a recorded basis the municipality's "other" term applies. */
export function regimesOf(bases: readonly string[]): RetentionRegime[] {
  const regimes = [...new Set(bases.map((b) => REGIME_OF[b as LegalBasisCode]).filter(Boolean))];
  return regimes.length ? regimes : ['other'];
}

export const addYears = (iso: string, years: number): string => addMonths(iso, years * 12);

export interface RetentionFacts {
  regimes: readonly RetentionRegime[];
  /** The day the case was closed, or null while it is open (or in the watch). */
  closedOn: string | null;
  /** The day of the last change in the file (the Jeugdwet clock). */
  lastChangeOn: string;
}

/** The date from which one regime allows destruction; null when it counts from a closure that has not happened. */
export function regimeDate(regime: RetentionRegime, f: RetentionFacts, terms: RetentionTerms): string | null {
  switch (regime) {
    case 'wmo':
      return f.closedOn ? addYears(f.closedOn, WMO_YEARS) : null;
    case 'jeugdwet':
      return addYears(f.lastChangeOn, JEUGDWET_YEARS);
    case 'participatiewet':
      return f.closedOn ? addYears(f.closedOn, terms.participatiewetYears) : null;
    case 'wgs':
      return f.closedOn ? addYears(f.closedOn, terms.wgsYears) : null;
    case 'other':
      return f.closedOn ? addYears(f.closedOn, terms.otherYears) : null;
  }
}

/**
 * The destruction date of a case: the latest date of its regimes (the longest obligation wins), or null while
 * any regime still waits for the closure.
 */
export function destructionDate(f: RetentionFacts, terms: RetentionTerms): string | null {
  let latest: string | null = null;
  for (const r of f.regimes) {
    const d = regimeDate(r, f, terms);
    if (d === null) return null;
    if (latest === null || d > latest) latest = d;
  }
  return latest;
}

/** A case is due when its date has come and it is not postponed beyond today. */
export function isDue(destroyOn: string | null, postponedUntil: string | null, today: string): boolean {
  return destroyOn !== null && destroyOn <= today && (postponedUntil === null || postponedUntil < today);
}

/** Whole days from one ISO date (or moment) to another; null when either is missing. */
export function daysBetween(from: string | null, to: string | null): number | null {
  if (!from || !to) return null;
  return Math.round(
    (Date.parse(`${to.slice(0, 10)}T00:00:00Z`) - Date.parse(`${from.slice(0, 10)}T00:00:00Z`)) / 86_400_000,
  );
}

/** The first day of the month of an ISO date: statistics keep months, not days. */
export const monthOf = (iso: string): string => `${iso.slice(0, 7)}-01`;
