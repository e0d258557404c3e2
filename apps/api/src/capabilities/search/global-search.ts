import type { GlobalSearchCase, GlobalSearchResponse } from '@nabij/contracts';
import { AppError } from '../../shared/app-error';
import { hasPermission, type AccessContext } from '../../shared/actor';
import { municipalToday } from '../../shared/clock';
import type { Tx } from '../../platform/database/database';
import type { Deps } from '../../platform/deps';
import { recordAccessMany } from '../audit';
import { canViewCase, findCase, logCaseAccess, visibleCasesOfPersons } from '../case-files';
import { canSeeReferral } from '../intake';
import { searchPersons, toSearchResult } from '../persons';
import { parseGlobalQuery } from './search.domain';

interface ReferenceRow {
  referral_id: string;
  reference: string;
  team_id: string;
  status: string;
  case_id: string | null;
  phase: string | null;
  household_name: string | null;
}

async function findByReference(tx: Tx, references: string[]): Promise<ReferenceRow[]> {
  if (references.length === 0) return [];
  return tx
    .selectFrom('referral as r')
    .leftJoin('case_file as c', 'c.referral_id', 'r.id')
    .leftJoin('household as h', (j) =>
      j.on((eb) => eb('h.id', '=', eb.fn.coalesce('c.household_id', 'r.household_id'))),
    )
    .select([
      'r.id as referral_id',
      'r.reference',
      'r.team_id',
      'r.status',
      'c.id as case_id',
      'c.phase',
      'h.name as household_name',
    ])
    .where('r.reference', 'in', references)
    .orderBy('r.reference')
    .limit(10)
    .execute();
}

/**
 * The search box in the staff header: persons as Dutch names are written (each with its reasons) and cases and
 * referrals by reference. Only what the user may see: persons by `person:read` (as the person search), a case when
 * the user may view it (need to know), otherwise its referral when the user may see that. Logged like the person
 * search (criteria kinds, never values) and, for every case or referral shown, as a search hit on it.
 */
export async function globalSearch(deps: Deps, ctx: AccessContext, q: string): Promise<GlobalSearchResponse> {
  if (!hasPermission(ctx.actor, 'person:read')) throw new AppError('forbidden');
  const query = parseGlobalQuery(q);
  const today = municipalToday(deps.clock);
  return deps.db.inTenant(ctx.actor.tenantId, async (tx) => {
    const cases: GlobalSearchCase[] = [];
    for (const row of await findByReference(tx, query.references)) {
      const c = row.case_id ? await findCase(tx, row.case_id) : undefined;
      if (c && canViewCase(ctx.actor, c)) {
        cases.push({
          referralId: row.referral_id,
          caseId: c.id,
          reference: row.reference,
          householdName: row.household_name,
          phase: row.phase,
          referralStatus: row.status,
          reason: 'case_reference',
        });
        await logCaseAccess(tx, ctx, c, {
          action: 'search',
          event: 'case_file.found_by_reference',
          dataCategory: 'case',
          permission: 'case:read',
        });
      } else if (canSeeReferral(ctx.actor, { teamId: row.team_id })) {
        cases.push({
          referralId: row.referral_id,
          caseId: null,
          reference: row.reference,
          householdName: row.household_name,
          phase: null,
          referralStatus: row.status,
          reason: 'referral_reference',
        });
        const people = await tx
          .selectFrom('referral_person')
          .select('person_id')
          .where('referral_id', '=', row.referral_id)
          .where('person_id', 'is not', null)
          .execute();
        const ids = [...new Set(people.map((p) => p.person_id!))];
        await recordAccessMany(
          tx,
          ctx,
          {
            action: 'search',
            event: 'referral.found_by_reference',
            dataCategory: 'referral',
            teamId: row.team_id,
            permission: 'referral:read',
            detail: { referralId: row.referral_id },
          },
          ids.length ? ids : [null],
        );
      }
    }
    const found = query.person ? await searchPersons(tx, query.person) : { rows: [], truncated: false };
    const detail = {
      global: true,
      byName: Boolean(query.person?.name),
      byDateOfBirth: Boolean(query.person?.dateOfBirth),
      byBsn: Boolean(query.person?.bsn),
      byAddress: Boolean(query.person?.postcode),
      byReference: query.references.length > 0,
      resultCount: found.rows.length,
      caseCount: cases.length,
    };
    await recordAccessMany(
      tx,
      ctx,
      { action: 'search', event: 'person.searched', dataCategory: 'identity', permission: 'person:read', detail },
      found.rows.length ? found.rows.map((r) => r.id) : [null],
    );
    const personCases = await visibleCasesOfPersons(
      tx,
      ctx,
      found.rows.map((r) => r.id),
    );
    return {
      persons: found.rows.map((r) => toSearchResult(r, today, personCases.get(r.id))),
      personsTruncated: found.truncated,
      cases,
    };
  });
}
