import { ageStatus, type NoFixedAddressKind, type PersonView } from '@nabij/contracts';
import { AppError } from '../../shared/app-error';
import type { AccessContext } from '../../shared/actor';
import { municipalToday } from '../../shared/clock';
import type { Deps } from '../../platform/deps';
import { recordAccess } from '../audit';
import { canChangePerson } from './persons.policy';
import { findHouseholdsOfPerson, findPerson, updatePerson, type PersonFields } from './persons.store';
import { toPersonView } from './persons.views';

/** What the person form sends: the registration's fields, and the age given and the kind of missing address (issue #17 items 2, 9). */
export type PersonChange = Omit<PersonFields, 'ageGiven' | 'noFixedAddress'> & {
  version: number;
  /** The age in whole years today; null clears it; absent keeps it. */
  ageGiven?: number | null | undefined;
  noFixedAddress?: NoFixedAddressKind | null | undefined;
};

/**
 * Changes a person's details when nobody changed them since `version` was read. An age given that equals today's
 * estimate keeps the day it was first given (so opening and saving the form changes nothing); another age is kept as
 * given today.
 */
export async function changePerson(
  deps: Deps,
  ctx: AccessContext,
  personId: string,
  change: PersonChange,
): Promise<PersonView> {
  const today = municipalToday(deps.clock);
  return deps.db.inTenant(ctx.actor.tenantId, async (tx) => {
    const before = await findPerson(tx, personId);
    if (!before) throw new AppError('person_not_found');
    if (!canChangePerson(ctx.actor, { tenantId: before.tenant_id })) throw new AppError('forbidden');
    const { ageGiven: age, ...rest } = change;
    const estimate = ageStatus(
      { dateOfBirth: null, ageGiven: before.age_given, ageGivenOn: before.age_given_on },
      today,
    ).age;
    const input: PersonFields & { version: number } = {
      ...rest,
      ageGiven: age === null ? null : age === undefined || age === estimate ? undefined : { age, on: today },
    };
    if (!(await updatePerson(tx, personId, input.version, ctx.actor.userId, input)))
      throw new AppError('version_conflict', { currentVersion: before.version });
    await recordAccess(tx, ctx, {
      action: 'update',
      event: 'person.changed',
      dataCategory: 'identity',
      personId,
      permission: 'person:write',
    });
    const after = await findPerson(tx, personId);
    if (!after) throw new Error('person vanished after update');
    return toPersonView(after, await findHouseholdsOfPerson(tx, personId), today);
  });
}
