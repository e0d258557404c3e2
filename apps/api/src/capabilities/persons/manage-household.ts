import type { HouseholdView, Relation } from '@nabij/contracts';
import { AppError } from '../../shared/app-error';
import type { AccessContext } from '../../shared/actor';
import { municipalToday } from '../../shared/clock';
import type { Tx } from '../../platform/database/database';
import type { Deps } from '../../platform/deps';
import { recordAccessMany } from '../audit';
import { canRegisterPerson } from './persons.policy';
import {
  bumpHouseholdVersion,
  countMembers,
  deleteHouseholdMember,
  existingPersonIds,
  findHouseholds,
  householdExists,
  insertHousehold,
  insertHouseholdMember,
  updateHouseholdRelation,
} from './persons.store';
import { toHouseholdView } from './persons.views';

async function loadHousehold(tx: Tx, id: string, today: string): Promise<HouseholdView> {
  const [h] = await findHouseholds(tx, [id]);
  if (!h) throw new AppError('household_not_found');
  return toHouseholdView(h, today);
}

const householdEntry = (event: string, action: 'create' | 'update') =>
  ({ action, event, dataCategory: 'household', permission: 'person:write' }) as const;

/** Creates a household with its first members; logged for every member. */
export async function createHousehold(
  deps: Deps,
  ctx: AccessContext,
  input: { name: string; members: Array<{ personId: string; relation: Relation }> },
): Promise<HouseholdView> {
  if (!canRegisterPerson(ctx.actor)) throw new AppError('forbidden');
  const ids = [...new Set(input.members.map((m) => m.personId))];
  if (ids.length !== input.members.length) throw new AppError('already_member');
  return deps.db.inTenant(ctx.actor.tenantId, async (tx) => {
    const existing = await existingPersonIds(tx, ids);
    if (existing.size !== ids.length) throw new AppError('person_not_found');
    const id = await insertHousehold(tx, ctx.actor.tenantId, input.name);
    for (const m of input.members) await insertHouseholdMember(tx, ctx.actor.tenantId, id, m.personId, m.relation);
    await recordAccessMany(
      tx,
      ctx,
      { ...householdEntry('household.created', 'create'), detail: { householdId: id } },
      ids,
    );
    return loadHousehold(tx, id, municipalToday(deps.clock));
  });
}

export async function addHouseholdMember(
  deps: Deps,
  ctx: AccessContext,
  householdId: string,
  input: { personId: string; relation: Relation; version: number },
): Promise<HouseholdView> {
  if (!canRegisterPerson(ctx.actor)) throw new AppError('forbidden');
  return deps.db.inTenant(ctx.actor.tenantId, async (tx) => {
    if (!(await householdExists(tx, householdId))) throw new AppError('household_not_found');
    if ((await existingPersonIds(tx, [input.personId])).size !== 1) throw new AppError('person_not_found');
    const current = await loadHousehold(tx, householdId, municipalToday(deps.clock));
    if (current.members.some((m) => m.id === input.personId)) throw new AppError('already_member');
    if (!(await bumpHouseholdVersion(tx, householdId, input.version))) throw new AppError('version_conflict');
    await insertHouseholdMember(tx, ctx.actor.tenantId, householdId, input.personId, input.relation);
    await recordAccessMany(
      tx,
      ctx,
      { ...householdEntry('household.member_added', 'update'), detail: { householdId } },
      [input.personId],
    );
    return loadHousehold(tx, householdId, municipalToday(deps.clock));
  });
}

/**
 * Corrects who someone is in the household ("Ouder" → "Partner"): the household's version guards against a
 * stale change, and the access log keeps the old and the new relation.
 */
export async function changeHouseholdRelation(
  deps: Deps,
  ctx: AccessContext,
  householdId: string,
  personId: string,
  input: { relation: Relation; version: number },
): Promise<HouseholdView> {
  if (!canRegisterPerson(ctx.actor)) throw new AppError('forbidden');
  return deps.db.inTenant(ctx.actor.tenantId, async (tx) => {
    if (!(await householdExists(tx, householdId))) throw new AppError('household_not_found');
    if (!(await bumpHouseholdVersion(tx, householdId, input.version))) throw new AppError('version_conflict');
    const before = await updateHouseholdRelation(tx, householdId, personId, input.relation);
    if (before === undefined) throw new AppError('person_not_found');
    await recordAccessMany(
      tx,
      ctx,
      {
        ...householdEntry('household.relation_changed', 'update'),
        detail: { householdId, from: before, to: input.relation },
      },
      [personId],
    );
    return loadHousehold(tx, householdId, municipalToday(deps.clock));
  });
}

export async function removeHouseholdMember(
  deps: Deps,
  ctx: AccessContext,
  householdId: string,
  personId: string,
  version: number,
): Promise<HouseholdView> {
  if (!canRegisterPerson(ctx.actor)) throw new AppError('forbidden');
  return deps.db.inTenant(ctx.actor.tenantId, async (tx) => {
    if (!(await householdExists(tx, householdId))) throw new AppError('household_not_found');
    if ((await countMembers(tx, householdId)) <= 1) throw new AppError('last_member');
    if (!(await bumpHouseholdVersion(tx, householdId, version))) throw new AppError('version_conflict');
    if (!(await deleteHouseholdMember(tx, householdId, personId))) throw new AppError('person_not_found');
    await recordAccessMany(
      tx,
      ctx,
      { ...householdEntry('household.member_removed', 'update'), detail: { householdId } },
      [personId],
    );
    return loadHousehold(tx, householdId, municipalToday(deps.clock));
  });
}
