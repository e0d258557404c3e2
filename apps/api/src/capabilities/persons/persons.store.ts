import { sql, type Selectable } from 'kysely';
import { AppError } from '../../shared/app-error';
import type { Tx } from '../../platform/database/database';
import type { PersonTable } from '../../platform/database/schema';

export type PersonRow = Pick<
  Selectable<PersonTable>,
  | 'id'
  | 'tenant_id'
  | 'version'
  | 'first_name'
  | 'infix'
  | 'last_name'
  | 'date_of_birth'
  | 'bsn'
  | 'postcode'
  | 'house_number'
  | 'house_number_addition'
  | 'street'
  | 'city'
  | 'phone'
  | 'email'
  | 'preferred_language'
  | 'interpreter_needed'
  | 'age_given'
  | 'age_given_on'
  | 'no_fixed_address'
>;

const PERSON_COLUMNS = [
  'id',
  'tenant_id',
  'version',
  'first_name',
  'infix',
  'last_name',
  'date_of_birth',
  'bsn',
  'postcode',
  'house_number',
  'house_number_addition',
  'street',
  'city',
  'phone',
  'email',
  'preferred_language',
  'interpreter_needed',
  'age_given',
  'age_given_on',
  'no_fixed_address',
] as const;

export type SummaryRow = Pick<
  PersonRow,
  'id' | 'first_name' | 'infix' | 'last_name' | 'date_of_birth' | 'postcode' | 'house_number'
> &
  Partial<Pick<PersonRow, 'age_given' | 'age_given_on'>>;
export const SUMMARY_COLUMNS = [
  'id',
  'first_name',
  'infix',
  'last_name',
  'date_of_birth',
  'postcode',
  'house_number',
  'age_given',
  'age_given_on',
] as const;

export interface PersonFields {
  firstName: string;
  infix?: string | undefined;
  lastName: string;
  dateOfBirth?: string | undefined;
  bsn?: string | undefined;
  postcode?: string | undefined;
  houseNumber?: string | undefined;
  houseNumberAddition?: string | undefined;
  street?: string | undefined;
  city?: string | undefined;
  phone?: string | undefined;
  email?: string | undefined;
  preferredLanguage?: string | undefined;
  interpreterNeeded: boolean;
  /** An age without a date of birth and the day it was given (a referral, or a change on the person form); null clears it; absent keeps it. */
  ageGiven?: { age: number; on: string } | null | undefined;
  /** Why the person has no fixed address; null: a fixed address; absent keeps it. */
  noFixedAddress?: string | null | undefined;
}

function columnsOf(f: PersonFields) {
  return {
    first_name: f.firstName,
    infix: f.infix ?? null,
    last_name: f.lastName,
    date_of_birth: f.dateOfBirth ?? null,
    bsn: f.bsn ?? null,
    postcode: f.postcode ?? null,
    house_number: f.houseNumber ?? null,
    house_number_addition: f.houseNumberAddition ?? null,
    street: f.street ?? null,
    city: f.city ?? null,
    phone: f.phone ?? null,
    email: f.email ?? null,
    preferred_language: f.preferredLanguage ?? null,
    interpreter_needed: f.interpreterNeeded,
    // Kept as they are on a change that does not mention them.
    ...(f.ageGiven === null
      ? { age_given: null, age_given_on: null }
      : f.ageGiven
        ? { age_given: f.ageGiven.age, age_given_on: f.ageGiven.on }
        : {}),
    ...(f.noFixedAddress !== undefined ? { no_fixed_address: f.noFixedAddress } : {}),
  };
}

/** Refuses a BSN that another person of the municipality already has: a clear 409 that points to that person. */
export async function refuseKnownBsn(tx: Tx, bsn: string | undefined, exceptId?: string): Promise<void> {
  if (!bsn) return;
  let q = tx.selectFrom('person').select('id').where('bsn', '=', bsn);
  if (exceptId) q = q.where('id', '!=', exceptId);
  const existing = await q.executeTakeFirst();
  if (existing) throw new AppError('bsn_exists', { personId: existing.id });
}

export async function insertPerson(tx: Tx, tenantId: string, userId: string, fields: PersonFields): Promise<string> {
  await refuseKnownBsn(tx, fields.bsn);
  const row = await tx
    .insertInto('person')
    .values({ tenant_id: tenantId, created_by: userId, updated_by: userId, ...columnsOf(fields) })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Updates when the version still matches; returns false on a conflict (or a person that is not there). */
export async function updatePerson(
  tx: Tx,
  id: string,
  version: number,
  userId: string,
  fields: PersonFields,
): Promise<boolean> {
  await refuseKnownBsn(tx, fields.bsn, id);
  const r = await tx
    .updateTable('person')
    .set((eb) => ({
      ...columnsOf(fields),
      updated_by: userId,
      updated_at: sql<Date>`now()`,
      version: eb('version', '+', 1),
    }))
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function findPerson(tx: Tx, id: string): Promise<PersonRow | undefined> {
  return tx.selectFrom('person').select(PERSON_COLUMNS).where('id', '=', id).executeTakeFirst();
}

/**
 * Likely duplicates of a person being registered: the same BSN; the same date of birth with the same
 * or a similar last name; or the same address with the same first name.
 */
export async function findLikelyDuplicates(tx: Tx, f: PersonFields, excludeId?: string): Promise<SummaryRow[]> {
  const lastName = f.lastName.toLowerCase();
  let q = tx
    .selectFrom('person')
    .select(SUMMARY_COLUMNS)
    .where((eb) => {
      const ors = [];
      if (f.bsn) ors.push(eb('bsn', '=', f.bsn));
      if (f.dateOfBirth)
        ors.push(
          eb.and([
            eb('date_of_birth', '=', f.dateOfBirth),
            eb.or([
              eb(sql`lower(last_name)`, '=', lastName),
              eb(sql`similarity(lower(last_name), ${lastName})`, '>', 0.4),
            ]),
          ]),
        );
      if (f.postcode && f.houseNumber)
        ors.push(
          eb.and([
            eb('postcode', '=', f.postcode),
            eb('house_number', '=', f.houseNumber),
            eb(sql`lower(first_name)`, '=', f.firstName.toLowerCase()),
          ]),
        );
      return ors.length ? eb.or(ors) : eb.val(false);
    });
  if (excludeId) q = q.where('id', '!=', excludeId);
  return q.orderBy('last_name').limit(10).execute();
}

export interface HouseholdRow {
  id: string;
  name: string;
  version: number;
  members: Array<SummaryRow & { relation: string }>;
}

export async function findHouseholdsOfPerson(tx: Tx, personId: string): Promise<HouseholdRow[]> {
  const ids = await tx
    .selectFrom('household_member')
    .select('household_id')
    .where('person_id', '=', personId)
    .execute();
  return findHouseholds(
    tx,
    ids.map((r) => r.household_id),
  );
}

export async function findHouseholds(tx: Tx, ids: string[]): Promise<HouseholdRow[]> {
  if (ids.length === 0) return [];
  const households = await tx
    .selectFrom('household')
    .select(['id', 'name', 'version'])
    .where('id', 'in', ids)
    .orderBy('name')
    .execute();
  const members = await tx
    .selectFrom('household_member as m')
    .innerJoin('person as p', 'p.id', 'm.person_id')
    .select([
      'm.household_id',
      'm.relation',
      'p.id',
      'p.first_name',
      'p.infix',
      'p.last_name',
      'p.date_of_birth',
      'p.postcode',
      'p.house_number',
      'p.age_given',
      'p.age_given_on',
    ])
    .where('m.household_id', 'in', ids)
    .orderBy('p.date_of_birth')
    .execute();
  return households.map((h) => ({
    ...h,
    members: members.filter((m) => m.household_id === h.id).map(({ household_id: _ignored, ...m }) => m),
  }));
}

export async function insertHousehold(tx: Tx, tenantId: string, name: string): Promise<string> {
  const row = await tx
    .insertInto('household')
    .values({ tenant_id: tenantId, name })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function insertHouseholdMember(
  tx: Tx,
  tenantId: string,
  householdId: string,
  personId: string,
  relation: string,
): Promise<void> {
  await tx
    .insertInto('household_member')
    .values({ tenant_id: tenantId, household_id: householdId, person_id: personId, relation })
    .execute();
}

/** Sets a member's relation; returns the relation it had, or undefined when the person is not a member. */
export async function updateHouseholdRelation(
  tx: Tx,
  householdId: string,
  personId: string,
  relation: string,
): Promise<string | undefined> {
  const before = await tx
    .selectFrom('household_member')
    .select('relation')
    .where('household_id', '=', householdId)
    .where('person_id', '=', personId)
    .executeTakeFirst();
  if (!before) return undefined;
  await tx
    .updateTable('household_member')
    .set({ relation })
    .where('household_id', '=', householdId)
    .where('person_id', '=', personId)
    .execute();
  return before.relation;
}

export async function deleteHouseholdMember(tx: Tx, householdId: string, personId: string): Promise<boolean> {
  const r = await tx
    .deleteFrom('household_member')
    .where('household_id', '=', householdId)
    .where('person_id', '=', personId)
    .executeTakeFirst();
  return Number(r.numDeletedRows) === 1;
}

/** Bumps the household's version when it matches; false on a conflict. */
export async function bumpHouseholdVersion(tx: Tx, id: string, version: number): Promise<boolean> {
  const r = await tx
    .updateTable('household')
    .set((eb) => ({ version: eb('version', '+', 1), updated_at: sql<Date>`now()` }))
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function householdExists(tx: Tx, id: string): Promise<boolean> {
  return Boolean(await tx.selectFrom('household').select('id').where('id', '=', id).executeTakeFirst());
}

export async function countMembers(tx: Tx, householdId: string): Promise<number> {
  const r = await tx
    .selectFrom('household_member')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('household_id', '=', householdId)
    .executeTakeFirstOrThrow();
  return r.n;
}

export async function existingPersonIds(tx: Tx, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await tx.selectFrom('person').select('id').where('id', 'in', ids).execute();
  return new Set(rows.map((r) => r.id));
}
