import type { PersonView } from '@nabij/contracts';
import { AppError } from '../../shared/app-error';
import type { AccessContext } from '../../shared/actor';
import { amsterdamDate } from '../../shared/clock';
import type { Deps } from '../../platform/deps';
import { recordAccess } from '../audit';
import { canChangePerson } from './persons.policy';
import { findHouseholdsOfPerson, findPerson, updatePerson, type PersonFields } from './persons.store';
import { toPersonView } from './persons.views';

/** Changes a person's details when nobody changed them since `version` was read. */
export async function changePerson(deps: Deps, ctx: AccessContext, personId: string, input: PersonFields & { version: number }): Promise<PersonView> {
  const today = amsterdamDate(deps.clock.now());
  return deps.db.inTenant(ctx.actor.tenantId, async (tx) => {
    const before = await findPerson(tx, personId);
    if (!before) throw new AppError('person_not_found');
    if (!canChangePerson(ctx.actor, { tenantId: before.tenant_id })) throw new AppError('forbidden');
    if (!(await updatePerson(tx, personId, input.version, ctx.actor.userId, input))) throw new AppError('version_conflict', { currentVersion: before.version });
    await recordAccess(tx, ctx, { action: 'update', event: 'person.changed', dataCategory: 'identity', personId, permission: 'person:write' });
    const after = await findPerson(tx, personId);
    if (!after) throw new Error('person vanished after update');
    return toPersonView(after, await findHouseholdsOfPerson(tx, personId), today);
  });
}
