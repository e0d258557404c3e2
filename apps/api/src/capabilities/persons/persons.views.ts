import {
  ageStatus,
  maskBsn,
  type HouseholdView,
  type PersonSummary,
  type PersonView,
  type Relation,
} from '@nabij/contracts';
import { fullName } from './persons.domain';
import type { HouseholdRow, PersonRow, SummaryRow } from './persons.store';

/** `relation`: the person's relation in a household, when shown as a member (a child without any age counts as a minor). */
export function toSummary(r: SummaryRow, today: string, relation?: string): PersonSummary {
  const status = ageStatus(
    { dateOfBirth: r.date_of_birth, ageGiven: r.age_given, ageGivenOn: r.age_given_on, relation },
    today,
  );
  return {
    id: r.id,
    fullName: fullName({ firstName: r.first_name, infix: r.infix, lastName: r.last_name }),
    dateOfBirth: r.date_of_birth,
    postcode: r.postcode,
    houseNumber: r.house_number,
    isMinor: status.isMinor,
    age: status.age,
    ageEstimated: status.estimated,
  };
}

export function toHouseholdView(h: HouseholdRow, today: string): HouseholdView {
  return {
    id: h.id,
    name: h.name,
    version: h.version,
    members: h.members.map((m) => ({ ...toSummary(m, today, m.relation), relation: m.relation as Relation })),
  };
}

export function toPersonView(p: PersonRow, households: HouseholdRow[], today: string): PersonView {
  // A child of one of their households without any age counts as a minor.
  const relation = households
    .flatMap((h) => h.members.filter((m) => m.id === p.id).map((m) => m.relation))
    .find((r) => r === 'child');
  const { age, isMinor, estimated } = ageStatus(
    { dateOfBirth: p.date_of_birth, ageGiven: p.age_given, ageGivenOn: p.age_given_on, relation },
    today,
  );
  return {
    id: p.id,
    version: p.version,
    firstName: p.first_name,
    infix: p.infix,
    lastName: p.last_name,
    fullName: fullName({ firstName: p.first_name, infix: p.infix, lastName: p.last_name }),
    dateOfBirth: p.date_of_birth,
    age,
    isMinor,
    ageEstimated: estimated,
    noFixedAddress: p.no_fixed_address,
    estimatedAge: ageStatus({ dateOfBirth: null, ageGiven: p.age_given, ageGivenOn: p.age_given_on }, today).age,
    ageGivenOn: p.age_given_on,
    // The full BSN leaves the server only where the role and the screen need it (ADR 0051): `revealBsn`.
    bsn: p.bsn ? maskBsn(p.bsn) : null,
    postcode: p.postcode,
    houseNumber: p.house_number,
    houseNumberAddition: p.house_number_addition,
    street: p.street,
    city: p.city,
    phone: p.phone,
    email: p.email,
    preferredLanguage: p.preferred_language,
    interpreterNeeded: p.interpreter_needed,
    households: households.map((h) => toHouseholdView(h, today)),
  };
}
