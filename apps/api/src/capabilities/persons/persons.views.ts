import type { HouseholdView, PersonSummary, PersonView, Relation } from '@nabij/contracts';
import { ageAndMinor, fullName } from './persons.domain';
import type { HouseholdRow, PersonRow, SummaryRow } from './persons.store';

export function toSummary(r: SummaryRow, today: string): PersonSummary {
  return {
    id: r.id,
    fullName: fullName({ firstName: r.first_name, infix: r.infix, lastName: r.last_name }),
    dateOfBirth: r.date_of_birth,
    postcode: r.postcode,
    houseNumber: r.house_number,
    isMinor: ageAndMinor(r.date_of_birth, today).isMinor,
  };
}

export function toHouseholdView(h: HouseholdRow, today: string): HouseholdView {
  return { id: h.id, name: h.name, version: h.version, members: h.members.map((m) => ({ ...toSummary(m, today), relation: m.relation as Relation })) };
}

export function toPersonView(p: PersonRow, households: HouseholdRow[], today: string): PersonView {
  const { age, isMinor } = ageAndMinor(p.date_of_birth, today);
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
    bsn: p.bsn,
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
