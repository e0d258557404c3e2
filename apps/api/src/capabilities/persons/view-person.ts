import type { PersonView } from '@nabij/contracts';
import { AppError } from '../../shared/app-error';
import type { AccessContext } from '../../shared/actor';
import { municipalToday } from '../../shared/clock';
import type { Deps } from '../../platform/deps';
import { recordAccess } from '../audit';
import { canViewPerson } from './persons.policy';
import { mergedInto } from './merge.store';
import { findHouseholdsOfPerson, findPerson } from './persons.store';
import { toPersonView } from './persons.views';

/** Opens a person's page: their details and households. Logged as a read of this person. */
export async function viewPerson(deps: Deps, ctx: AccessContext, personId: string): Promise<PersonView> {
  const today = municipalToday(deps.clock);
  return deps.db.inTenant(ctx.actor.tenantId, async (tx) => {
    const person = await findPerson(tx, personId);
    if (!person) {
      // A person merged into another one: its old page points to the person it became part of.
      const into = await mergedInto(tx, personId);
      throw into ? new AppError('person_merged', { personId: into }) : new AppError('person_not_found');
    }
    if (!canViewPerson(ctx.actor, { tenantId: person.tenant_id })) throw new AppError('forbidden');
    const households = await findHouseholdsOfPerson(tx, personId);
    await recordAccess(tx, ctx, {
      action: 'read',
      event: 'person.viewed',
      dataCategory: 'identity',
      personId,
      permission: 'person:read',
    });
    return toPersonView(person, households, today);
  });
}

/**
 * "Toon BSN" (ADR 0051): the full BSN of one person, for the roles that register and change persons and check a
 * resident's identity (`person:write`: intake desk, case worker, team coordinator) — to show it on the person's
 * page, or to fill the edit form. Every time is its own access-log row (`person.bsn_shown`, with the purpose).
 */
export async function revealBsn(
  deps: Deps,
  ctx: AccessContext,
  personId: string,
  purpose: 'show' | 'edit',
): Promise<{ bsn: string | null }> {
  return deps.db.inTenant(ctx.actor.tenantId, async (tx) => {
    const person = await findPerson(tx, personId);
    if (!person) throw new AppError('person_not_found');
    if (!canViewPerson(ctx.actor, { tenantId: person.tenant_id })) throw new AppError('forbidden');
    await recordAccess(tx, ctx, {
      action: 'read',
      event: 'person.bsn_shown',
      dataCategory: 'identity',
      personId,
      permission: 'person:write',
      detail: { purpose, hasBsn: person.bsn !== null },
    });
    return { bsn: person.bsn };
  });
}
