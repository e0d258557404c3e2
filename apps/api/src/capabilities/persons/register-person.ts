import type { PersonView } from '@nabij/contracts';
import { AppError } from '../../shared/app-error';
import type { AccessContext } from '../../shared/actor';
import { municipalToday } from '../../shared/clock';
import type { Deps } from '../../platform/deps';
import { recordAccess, recordAccessMany } from '../audit';
import { canRegisterPerson } from './persons.policy';
import { findLikelyDuplicates, insertPerson, findPerson, type PersonFields } from './persons.store';
import { toPersonView, toSummary } from './persons.views';

/**
 * Registers a person. When likely duplicates exist and the user has not acknowledged them, nothing is
 * stored and the duplicates are returned (their exposure is logged as a search). A BSN that another person
 * already has is refused — acknowledged or not — with `bsn_exists` pointing to that person (logged the same way).
 */
export async function registerPerson(
  deps: Deps,
  ctx: AccessContext,
  input: PersonFields & { acknowledgeDuplicates: boolean },
): Promise<PersonView> {
  if (!canRegisterPerson(ctx.actor)) throw new AppError('forbidden');
  const today = municipalToday(deps.clock);
  const outcome = await deps.db.inTenant(ctx.actor.tenantId, async (tx) => {
    const withBsn = input.bsn
      ? await tx
          .selectFrom('person')
          .select(['id', 'first_name', 'infix', 'last_name', 'date_of_birth', 'postcode', 'house_number'])
          .where('bsn', '=', input.bsn)
          .executeTakeFirst()
      : undefined;
    if (withBsn) {
      await recordAccess(tx, ctx, {
        action: 'search',
        event: 'person.duplicates_shown',
        dataCategory: 'identity',
        personId: withBsn.id,
        permission: 'person:write',
        detail: { bsn: true },
      });
      return { bsnOf: toSummary(withBsn, today) };
    }
    if (!input.acknowledgeDuplicates) {
      const duplicates = await findLikelyDuplicates(tx, input);
      if (duplicates.length > 0) {
        await recordAccessMany(
          tx,
          ctx,
          { action: 'search', event: 'person.duplicates_shown', dataCategory: 'identity', permission: 'person:write' },
          duplicates.map((d) => d.id),
        );
        return { duplicates: duplicates.map((d) => toSummary(d, today)) };
      }
    }
    const id = await insertPerson(tx, ctx.actor.tenantId, ctx.actor.userId, input);
    await recordAccess(tx, ctx, {
      action: 'create',
      event: 'person.registered',
      dataCategory: 'identity',
      personId: id,
      permission: 'person:write',
    });
    const person = await findPerson(tx, id);
    if (!person) throw new Error('person vanished after insert');
    return { person: toPersonView(person, [], today) };
  });
  if ('bsnOf' in outcome && outcome.bsnOf)
    throw new AppError('bsn_exists', { personId: outcome.bsnOf.id, person: outcome.bsnOf });
  if ('duplicates' in outcome) throw new AppError('possible_duplicate', { duplicates: outcome.duplicates });
  return outcome.person;
}
