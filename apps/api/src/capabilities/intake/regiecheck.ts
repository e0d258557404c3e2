import { amsterdamDate } from '../../shared/clock';
import { AppError } from '../../shared/app-error';
import type { AccessContext } from '../../shared/actor';
import type { Deps } from '../../platform/deps';
import { recordAccessMany } from '../audit';
import { findCaseFilesFor, linkReferralToRecentCases } from '../case-files';
import { existingPersonIds, findHouseholds, findHouseholdsOfPerson, findRegiecheckMatches, insertHousehold, insertHouseholdMember, insertPerson, toSummary } from '../persons';
import { bumpReferral, linkReferralPerson, listReferralPersons } from './intake.store';
import { getVisibleReferral, logReferralAccess } from './work-on-referral';

/**
 * The regiecheck: for every person named in the referral, the persons already known, their households
 * and their case files (open, or closed in the last two years) with the contact person — so the desk
 * sees whether the household is known and whether someone already coordinates.
 */
export async function runRegiecheck(deps: Deps, ctx: AccessContext, referralId: string) {
  const today = amsterdamDate(deps.clock.now());
  return deps.db.inTenant(ctx.actor.tenantId, async (tx) => {
    await getVisibleReferral(tx, ctx, referralId, true);
    const people = (await listReferralPersons(tx, referralId)).filter((p) => p.first_name || p.last_name || p.bsn);
    const shown = new Set<string>();
    const residents = [];
    for (const p of people) {
      const matches = await findRegiecheckMatches(tx, {
        firstName: p.first_name,
        lastName: p.last_name,
        dateOfBirth: p.date_of_birth,
        bsn: p.bsn,
        postcode: p.postcode,
        houseNumber: p.house_number,
      });
      const enriched = [];
      for (const m of matches) {
        shown.add(m.id);
        const households = await findHouseholdsOfPerson(tx, m.id);
        const cases = await findCaseFilesFor(tx, [m.id], households.map((h) => h.id));
        enriched.push({
          person: toSummary(m, today),
          matchedOn: m.matched_on as Array<'bsn' | 'name_and_birth_date' | 'address' | 'name'>,
          households: households.map((h) => ({ id: h.id, name: h.name })),
          caseFiles: cases.map((c) => ({
            id: c.id,
            status: c.phase === 'closed' ? ('closed' as const) : ('open' as const),
            closedAt: c.closed_at?.toISOString() ?? null,
            teamName: c.team_name,
            contactPerson: c.worker_name,
            phase: c.phase,
            // In watch, or closed less than two years ago: completing the regiecheck links this referral to that case.
            linksToCase: c.phase === 'watch' || c.phase === 'closed',
          })),
        });
      }
      residents.push({ referralPersonId: p.id, matches: enriched });
    }
    await recordAccessMany(
      tx,
      ctx,
      { action: 'search', event: 'referral.regiecheck_run', dataCategory: 'identity', permission: 'referral:write', detail: { referralId, matches: shown.size } },
      shown.size ? [...shown] : [null],
    );
    return { residents };
  });
}

/**
 * Records the outcome of the regiecheck: each person in the referral linked to an existing person or
 * registered as a new one, the household linked or created, and known coordination elsewhere.
 */
export async function completeRegiecheck(
  deps: Deps,
  ctx: AccessContext,
  referralId: string,
  input: { version: number; links: Array<{ referralPersonId: string; personId: string | null }>; householdId: string | null; knownCoordinationElsewhere?: string | undefined },
) {
  return deps.db.inTenant(ctx.actor.tenantId, async (tx) => {
    const view = await getVisibleReferral(tx, ctx, referralId, true);
    if (view.status === 'decided' || view.status === 'closed') throw new AppError('invalid_status_change');
    const people = await listReferralPersons(tx, referralId);
    const chosen = input.links.map((l) => l.personId).filter((x): x is string => x !== null);
    if ((await existingPersonIds(tx, chosen)).size !== new Set(chosen).size) throw new AppError('person_not_found');
    if (input.householdId && (await findHouseholds(tx, [input.householdId])).length === 0) throw new AppError('household_not_found');

    const linked: Array<{ personId: string; role: string; age: number | null }> = [];
    for (const link of input.links) {
      const p = people.find((x) => x.id === link.referralPersonId);
      if (!p) throw new AppError('not_found');
      let personId = link.personId;
      if (!personId) {
        // A child named only by first name takes the family name of the first resident; it can be corrected on the person page.
        const family = p.last_name ? p : p.role === 'household_member' ? people.find((x) => x.role === 'resident' && x.last_name) : undefined;
        if (!p.first_name || !family?.last_name) {
          throw new AppError('validation_failed', { fieldErrors: { [`links.${input.links.indexOf(link)}`]: ['Voor een nieuwe persoon zijn voor- en achternaam nodig. Vul ze eerst aan.'] } });
        }
        personId = await insertPerson(tx, ctx.actor.tenantId, ctx.actor.userId, {
          firstName: p.first_name,
          infix: family.infix ?? undefined,
          lastName: family.last_name,
          dateOfBirth: p.date_of_birth ?? undefined,
          bsn: p.bsn ?? undefined,
          postcode: p.postcode ?? undefined,
          houseNumber: p.house_number ?? undefined,
          street: p.street ?? undefined,
          city: p.city ?? undefined,
          phone: p.phone ?? undefined,
          interpreterNeeded: false,
        });
      }
      await linkReferralPerson(tx, p.id, personId);
      linked.push({ personId, role: p.role, age: p.age });
    }

    let householdId = input.householdId;
    const ids = [...new Set(linked.map((l) => l.personId))];
    const relationOf = (l: (typeof linked)[number]) => (l.role === 'household_member' && (l.age ?? 99) < 18 ? 'child' : l.role === 'resident' ? 'parent' : 'other');
    if (!householdId && ids.length > 0) {
      const first = people.find((p) => p.role === 'resident' && p.last_name);
      householdId = await insertHousehold(tx, ctx.actor.tenantId, `Huishouden ${[first?.infix, first?.last_name].filter(Boolean).join(' ') || view.reference}`);
      for (const l of linked.filter((x, i, all) => all.findIndex((y) => y.personId === x.personId) === i)) {
        await insertHouseholdMember(tx, ctx.actor.tenantId, householdId, l.personId, relationOf(l));
      }
    } else if (householdId) {
      const [existing] = await findHouseholds(tx, [householdId]);
      const members = new Set(existing?.members.map((m) => m.id));
      for (const l of linked) {
        if (!members.has(l.personId)) {
          await insertHouseholdMember(tx, ctx.actor.tenantId, householdId, l.personId, relationOf(l));
          members.add(l.personId);
        }
      }
    }

    const ok = await bumpReferral(tx, referralId, input.version, {
      householdId,
      knownCoordinationElsewhere: input.knownCoordinationElsewhere ?? null,
      regiecheckBy: ctx.actor.userId,
    });
    if (!ok) throw new AppError('version_conflict');
    const linkedCases = await linkReferralToRecentCases(tx, ctx, { referralId, personIds: ids, householdId: householdId ?? null, today: amsterdamDate(deps.clock.now()) });
    const after = await getVisibleReferral(tx, ctx, referralId, true);
    await logReferralAccess(tx, ctx, after, { action: 'update', event: 'referral.regiecheck_completed', permission: 'referral:write', detail: { householdId, linkedCases: linkedCases.length } });
    return after;
  });
}
