/**
 * The household as it really is (ADR 0029): ages known only roughly, who is who in the household, and persons
 * without a fixed address. Pure rules shared by API and web.
 */
import type { Relation } from './schemas';
import { ageOn } from './validators';

/** Why a person has no fixed address: a caravan or houseboat without a fixed pitch, homeless, a postal address (briefadres). */
export const NO_FIXED_ADDRESS_KINDS = ['caravan', 'homeless', 'postal_address', 'other'] as const;
export type NoFixedAddressKind = (typeof NO_FIXED_ADDRESS_KINDS)[number];

export interface AgeFacts {
  dateOfBirth: string | null;
  /** An age given without a date of birth (a child on a referral), and the day it was given. */
  ageGiven?: number | null | undefined;
  ageGivenOn?: string | null | undefined;
  /** The relation in a household, when known: a child of the household without any age counts as a minor. */
  relation?: string | null | undefined;
}

export interface AgeStatus {
  /** Whole years today: exact from the date of birth, estimated from an age given earlier; null when nothing is known. */
  age: number | null;
  /** True when the age is an estimate (no date of birth). */
  estimated: boolean;
  /** Minor until shown otherwise: under 18 by the date of birth or the estimate, or a child of the household without any age; null when unknown. */
  isMinor: boolean | null;
}

export function ageStatus(p: AgeFacts, today: string): AgeStatus {
  if (p.dateOfBirth) {
    const age = ageOn(p.dateOfBirth, today);
    return { age, estimated: false, isMinor: age < 18 };
  }
  if (p.ageGiven !== null && p.ageGiven !== undefined && p.ageGivenOn) {
    // The youngest the person can be now: the age given plus the whole years since. Someone given as 7 may be
    // nearly 8 that day, so the estimate errs on the young side — a child stays a minor until shown otherwise.
    const age = p.ageGiven + Math.max(0, ageOn(p.ageGivenOn, today));
    return { age, estimated: true, isMinor: age < 18 };
  }
  return { age: null, estimated: false, isMinor: p.relation === 'child' ? true : null };
}

/** True when any of the persons counts as a minor (the child-safety assessment is then required). */
export function hasMinorAmong(persons: readonly AgeFacts[], today: string): boolean {
  return persons.some((p) => ageStatus(p, today).isMinor === true);
}

export interface ReferralPersonForRelation {
  role: 'resident' | 'household_member';
  /** The relation given on the referral, if any. */
  relation: Relation | null;
  /** Whether this person is a minor, when known (from the date of birth or the age). */
  isMinor: boolean | null;
}

/**
 * The relation of each person named on a referral in the household: as given, or derived from the ages —
 * a child named as such or a resident under 18 is a child; the first adult is "parent" when others live with
 * them (the main resident, as in the demo households) and "other" when alone; the second adult is the partner;
 * further adults "other".
 */
export function deriveRelations(people: readonly ReferralPersonForRelation[]): Relation[] {
  let adults = 0;
  return people.map((p) => {
    const isAdult = p.role === 'resident' && p.isMinor !== true;
    const position = isAdult ? adults++ : -1;
    if (p.relation) return p.relation;
    if (!isAdult) return 'child';
    if (position === 0) return people.length > 1 ? 'parent' : 'other';
    if (position === 1) return 'partner';
    return 'other';
  });
}
