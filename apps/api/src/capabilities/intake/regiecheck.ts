import { municipalDate, municipalToday } from '../../shared/clock';
import { AppError } from '../../shared/app-error';
import type { AccessContext } from '../../shared/actor';
import type { Deps } from '../../platform/deps';
import { recordAccessMany } from '../audit';
import { findCaseFilesFor, linkReferralToRecentCases } from '../case-files';
import { latestClosuresOf } from './closure-source';
import {
  carryLanguageToPerson,
  existingPersonIds,
  findHouseholds,
  findHouseholdsOfPerson,
  findRegiecheckMatches,
  insertHousehold,
  insertHouseholdMember,
  insertPerson,
  toSummary,
} from '../persons';
import type { Relation } from '@nabij/contracts';
import { bumpReferral, linkReferralPerson, listReferralPersons, type ReferralPersonRow } from './intake.store';
import { relationsOf } from './referral.views';
import { getVisibleReferral, logReferralAccess } from './work-on-referral';
import { openCasesOfPersons } from './open-case';

/**
 * The regiecheck: for every person named in the referral, the persons already known, their households
 * and their case files (open, or closed in the last two years) with the contact person — so the desk
 * sees whether the household is known and whether someone already coordinates.
 */
export async function runRegiecheck(deps: Deps, ctx: AccessContext, referralId: string) {
  const today = municipalToday(deps.clock);
  return deps.db.inTenant(ctx.actor.tenantId, async (tx) => {
    const referral = await getVisibleReferral(tx, ctx, referralId, true);
    const people = (await listReferralPersons(tx, referralId)).filter((p) => p.first_name || p.last_name || p.bsn);
    const shown = new Set<string>();
    const residents = [];
    for (const p of people) {
      const matches = await findRegiecheckMatches(tx, {
        firstName: p.first_name,
        infix: p.infix,
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
        const cases = await findCaseFilesFor(
          tx,
          [m.id],
          households.map((h) => h.id),
        );
        enriched.push({
          person: toSummary(m, today),
          matchedOn: m.matched_on as Array<'bsn' | 'name_and_birth_date' | 'address' | 'name' | 'household'>,
          reasons: m.reasons,
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
    // The existing household is proposed instead of a new one (ADR 0029): the referral's own, or the one that most
    // of the persons found belong to. A child named by first name only is matched with that household's members,
    // so a second referral does not register the children again.
    const proposedHouseholdId = referral.householdId ?? mostSharedHousehold(residents);
    const [proposed] = proposedHouseholdId ? await findHouseholds(tx, [proposedHouseholdId]) : [];
    if (proposed) {
      for (const p of people) {
        const entry = residents.find((r) => r.referralPersonId === p.id);
        if (!entry || p.role !== 'household_member' || !p.first_name) continue;
        const firstName = p.first_name.trim().toLowerCase();
        for (const m of proposed.members) {
          if (m.first_name.toLowerCase() !== firstName || entry.matches.some((x) => x.person.id === m.id)) continue;
          shown.add(m.id);
          const cases = await findCaseFilesFor(tx, [m.id], [proposed.id]);
          entry.matches.push({
            person: toSummary(m, today, m.relation),
            matchedOn: ['household'],
            reasons: [],
            households: [{ id: proposed.id, name: proposed.name }],
            caseFiles: cases.map((c) => ({
              id: c.id,
              status: c.phase === 'closed' ? ('closed' as const) : ('open' as const),
              closedAt: c.closed_at?.toISOString() ?? null,
              teamName: c.team_name,
              contactPerson: c.worker_name,
              phase: c.phase,
              linksToCase: c.phase === 'watch' || c.phase === 'closed',
            })),
          });
        }
      }
    }
    // A case in watch or closed shows why it was closed and the risk that remained (issue #17 item 17, ADR 0034).
    const closures = await latestClosuresOf(
      tx,
      residents.flatMap((r) =>
        r.matches.flatMap((m) =>
          m.caseFiles.filter((c) => c.phase === 'watch' || c.phase === 'closed').map((c) => c.id),
        ),
      ),
    );
    for (const cf of residents.flatMap((r) => r.matches.flatMap((m) => m.caseFiles)))
      Object.assign(cf, { closure: closures.get(cf.id) ?? null });
    await recordAccessMany(
      tx,
      ctx,
      {
        action: 'search',
        event: 'referral.regiecheck_run',
        dataCategory: 'identity',
        permission: 'referral:write',
        detail: { referralId, matches: shown.size },
      },
      shown.size ? [...shown] : [null],
    );
    // The open-case notice (issue #17 item 7): "Er is al een lopend dossier AM-… bij <werker>" — the referral will join it.
    const openCases = await openCasesOfPersons(
      tx,
      [...shown],
      residents.flatMap((r) => r.matches.flatMap((m) => m.households.map((h) => h.id))),
    );
    return { residents, proposedHouseholdId: proposed?.id ?? null, openCases };
  });
}

/** A person's own address or missing fixed address; without either, the household's (the first resident's). */
function householdAddress(p: ReferralPersonRow, home: ReferralPersonRow | undefined) {
  const own = Boolean(p.postcode || p.house_number || p.street || p.city || p.no_fixed_address);
  const a = own || !home ? p : home;
  return {
    postcode: a.postcode ?? undefined,
    houseNumber: a.house_number ?? undefined,
    houseNumberAddition: a.house_number_addition ?? undefined,
    street: a.street ?? undefined,
    city: a.city ?? undefined,
    noFixedAddress: a.no_fixed_address ?? undefined,
  };
}

/** The household that the matches of the most persons on the referral belong to (the first found on a tie); null when none. */
function mostSharedHousehold(
  residents: ReadonlyArray<{ matches: ReadonlyArray<{ households: ReadonlyArray<{ id: string }> }> }>,
): string | null {
  const count = new Map<string, number>();
  for (const r of residents) {
    for (const id of new Set(r.matches.flatMap((m) => m.households.map((h) => h.id))))
      count.set(id, (count.get(id) ?? 0) + 1);
  }
  let best: string | null = null;
  for (const [id, n] of count) if (best === null || n > count.get(best)!) best = id;
  return best;
}

/**
 * Records the outcome of the regiecheck: each person in the referral linked to an existing person or
 * registered as a new one, the household linked or created, and known coordination elsewhere.
 */
export async function completeRegiecheck(
  deps: Deps,
  ctx: AccessContext,
  referralId: string,
  input: {
    version: number;
    links: Array<{ referralPersonId: string; personId: string | null }>;
    householdId: string | null;
    knownCoordinationElsewhere?: string | undefined;
  },
) {
  return deps.db.inTenant(ctx.actor.tenantId, async (tx) => {
    const view = await getVisibleReferral(tx, ctx, referralId, true);
    if (view.status === 'decided' || view.status === 'closed') throw new AppError('invalid_status_change');
    const people = await listReferralPersons(tx, referralId);
    // Who is who in the household, as given on the referral or derived from the ages (ADR 0029).
    const receivedOn = municipalDate(new Date(view.receivedAt));
    const relations = relationsOf(people, receivedOn);
    // The address is asked once per household: a person named without an address of their own lives at the first resident's.
    const home = people.find((x) => x.role === 'resident' && ((x.postcode && x.house_number) || x.no_fixed_address));
    const chosen = input.links.map((l) => l.personId).filter((x): x is string => x !== null);
    if ((await existingPersonIds(tx, chosen)).size !== new Set(chosen).size) throw new AppError('person_not_found');
    if (input.householdId && (await findHouseholds(tx, [input.householdId])).length === 0)
      throw new AppError('household_not_found');

    const spoken = await tx
      .selectFrom('referral')
      .select(['preferred_language', 'interpreter_needed'])
      .where('id', '=', referralId)
      .executeTakeFirstOrThrow();
    const linked: Array<{ personId: string; role: string; age: number | null; relation: Relation }> = [];
    for (const link of input.links) {
      const p = people.find((x) => x.id === link.referralPersonId);
      if (!p) throw new AppError('not_found');
      let personId = link.personId;
      if (!personId) {
        // A child named only by first name takes the family name of the first resident; it can be corrected on the person page.
        const family = p.last_name
          ? p
          : p.role === 'household_member'
            ? people.find((x) => x.role === 'resident' && x.last_name)
            : undefined;
        if (!p.first_name || !family?.last_name) {
          throw new AppError('validation_failed', {
            fieldErrors: {
              [`links.${input.links.indexOf(link)}`]: [
                'Voor een nieuwe persoon zijn voor- en achternaam nodig. Vul ze eerst aan.',
              ],
            },
          });
        }
        personId = await insertPerson(tx, ctx.actor.tenantId, ctx.actor.userId, {
          firstName: p.first_name,
          infix: family.infix ?? undefined,
          lastName: family.last_name,
          dateOfBirth: p.date_of_birth ?? undefined,
          bsn: p.bsn ?? undefined,
          phone: p.phone ?? undefined,
          // The household's language as referred: the persons keep it from here on (ADR 0032).
          preferredLanguage: p.role === 'resident' ? (spoken.preferred_language ?? undefined) : undefined,
          interpreterNeeded: p.role === 'resident' && spoken.interpreter_needed,
          // A child given by age only: the age and the day it was given, so the person counts as a minor (ADR 0029).
          ageGiven: !p.date_of_birth && p.age !== null ? { age: p.age, on: receivedOn } : undefined,
          // The address (or the missing fixed address): the person's own, or the household's when none was typed.
          ...householdAddress(p, home),
        });
      }
      await linkReferralPerson(tx, p.id, personId);
      if (link.personId && p.role === 'resident')
        await carryLanguageToPerson(tx, ctx.actor.userId, link.personId, spoken);
      linked.push({ personId, role: p.role, age: p.age, relation: relations[people.indexOf(p)] ?? 'other' });
    }

    let householdId = input.householdId;
    const ids = [...new Set(linked.map((l) => l.personId))];
    const relationOf = (l: (typeof linked)[number]) => l.relation;
    if (!householdId && ids.length > 0) {
      const first = people.find((p) => p.role === 'resident' && p.last_name);
      householdId = await insertHousehold(
        tx,
        ctx.actor.tenantId,
        `Huishouden ${[first?.infix, first?.last_name].filter(Boolean).join(' ') || view.reference}`,
      );
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
    const linkedCases = await linkReferralToRecentCases(tx, ctx, {
      referralId,
      personIds: ids,
      householdId: householdId ?? null,
      today: municipalToday(deps.clock),
    });
    const after = await getVisibleReferral(tx, ctx, referralId, true);
    await logReferralAccess(tx, ctx, after, {
      action: 'update',
      event: 'referral.regiecheck_completed',
      permission: 'referral:write',
      detail: { householdId, linkedCases: linkedCases.length },
    });
    return after;
  });
}
