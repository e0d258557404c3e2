import type { PersonSearchResult } from '@nabij/contracts';
import { AppError } from '../../shared/app-error';
import type { AccessContext } from '../../shared/actor';
import { municipalToday } from '../../shared/clock';
import type { Deps } from '../../platform/deps';
import { recordAccessMany } from '../audit';
import { canSearchPersons } from './persons.policy';
import { casesOfFoundPersons } from './found-cases-source';
import { searchPersons, type MatchedRow, type SearchCriteria } from './person-matching';
import { toSummary } from './persons.views';

/** A found person as the results show it: who, where (street and town) and, when the user may see it, their case. */
export function toSearchResult(
  r: MatchedRow,
  today: string,
  openCase: PersonSearchResult['openCase'] | undefined,
): PersonSearchResult {
  return {
    ...toSummary(r, today),
    reasons: r.reasons,
    street: r.street,
    houseNumberAddition: r.house_number_addition,
    city: r.city,
    openCase: openCase ?? null,
  };
}

/**
 * Finds persons as Dutch names are written (ADR 0030), ranked, each with the reasons it was found. The search
 * itself is logged (which criteria were used, never their values), and so is every person shown in the results,
 * so a resident's overview also lists searches that showed them.
 */
export async function findPersons(
  deps: Deps,
  ctx: AccessContext,
  criteria: SearchCriteria,
): Promise<{ results: PersonSearchResult[]; truncated: boolean }> {
  if (!canSearchPersons(ctx.actor)) throw new AppError('forbidden');
  const today = municipalToday(deps.clock);
  return deps.db.inTenant(ctx.actor.tenantId, async (tx) => {
    const { rows, truncated } = await searchPersons(tx, criteria);
    const detail = {
      byName: Boolean(criteria.name),
      byDateOfBirth: Boolean(criteria.dateOfBirth),
      byBsn: Boolean(criteria.bsn),
      byAddress: Boolean(criteria.postcode),
      resultCount: rows.length,
    };
    const entry = {
      action: 'search' as const,
      event: 'person.searched',
      dataCategory: 'identity',
      permission: 'person:read' as const,
      detail,
    };
    await recordAccessMany(tx, ctx, entry, rows.length ? rows.map((r) => r.id) : [null]);
    const cases = await casesOfFoundPersons(
      tx,
      ctx,
      rows.map((r) => r.id),
    );
    return { results: rows.map((r) => toSearchResult(r, today, cases.get(r.id))), truncated };
  });
}
