import { sql } from 'kysely';
import type { HouseholdLanguage } from '@nabij/contracts';
import type { Tx } from '../../platform/database/database';

/**
 * The language and need of an interpreter of a household, read from its persons — the one place they are kept
 * (issue #17 item 10, ADR 0032): an interpreter is needed when one of them needs one; the languages are theirs,
 * each once, in the order of the persons given.
 */
export async function languageOfPersons(tx: Tx, personIds: readonly string[]): Promise<HouseholdLanguage> {
  const many = await languageOfPersonGroups(tx, new Map([['one', personIds]]));
  return many.get('one') ?? { interpreterNeeded: false, languages: [] };
}

/** The same for several households at once (Mijn werk, an agenda): one query, keyed as the groups are. */
export async function languageOfPersonGroups(
  tx: Tx,
  groups: ReadonlyMap<string, readonly string[]>,
): Promise<Map<string, HouseholdLanguage>> {
  const ids = [...new Set([...groups.values()].flat())];
  const rows = ids.length
    ? await tx
        .selectFrom('person')
        .select(['id', 'preferred_language', 'interpreter_needed'])
        .where('id', 'in', ids)
        .execute()
    : [];
  const byId = new Map(rows.map((r) => [r.id, r]));
  const out = new Map<string, HouseholdLanguage>();
  for (const [key, personIds] of groups) {
    const people = personIds.map((id) => byId.get(id)).filter((p) => p !== undefined);
    const languages: string[] = [];
    for (const p of people) {
      const language = p.preferred_language?.trim();
      if (language && !languages.some((l) => l.toLowerCase() === language.toLowerCase())) languages.push(language);
    }
    out.set(key, { interpreterNeeded: people.some((p) => p.interpreter_needed), languages });
  }
  return out;
}

/**
 * An existing person linked as a resident gets the household's language when none is recorded, and needs an
 * interpreter when the referral says so (what the person record says otherwise stays).
 */
export async function carryLanguageToPerson(
  tx: Tx,
  userId: string,
  personId: string,
  spoken: { preferred_language: string | null; interpreter_needed: boolean },
): Promise<void> {
  if (!spoken.preferred_language && !spoken.interpreter_needed) return;
  await tx
    .updateTable('person')
    .set((eb) => ({
      preferred_language: sql<string | null>`coalesce(preferred_language, ${spoken.preferred_language})`,
      interpreter_needed: sql<boolean>`interpreter_needed or ${spoken.interpreter_needed}`,
      updated_at: sql<Date>`now()`,
      updated_by: userId,
      version: eb('version', '+', 1),
    }))
    .where('id', '=', personId)
    .where(
      sql<boolean>`(preferred_language is null and ${spoken.preferred_language}::text is not null) or (not interpreter_needed and ${spoken.interpreter_needed})`,
    )
    .execute();
}

/**
 * Sets the household's language on its residents and the need of an interpreter (needed: on the residents; not
 * needed: on everyone, so nobody in the household is marked). Only persons whose value differs change, with a new
 * version. Returns the persons changed.
 */
export async function setHouseholdLanguage(
  tx: Tx,
  userId: string,
  persons: { residentIds: readonly string[]; everyoneIds: readonly string[] },
  change: { preferredLanguage?: string | null | undefined; interpreterNeeded?: boolean | undefined },
): Promise<string[]> {
  const changed = new Set<string>();
  const touch = { updated_at: sql<Date>`now()`, updated_by: userId };
  if (change.preferredLanguage !== undefined && persons.residentIds.length) {
    const language = change.preferredLanguage;
    const rows = await tx
      .updateTable('person')
      .set((eb) => ({ preferred_language: language, ...touch, version: eb('version', '+', 1) }))
      .where('id', 'in', [...persons.residentIds])
      .where(sql<boolean>`preferred_language is distinct from ${language}::text`)
      .returning('id')
      .execute();
    rows.forEach((r) => changed.add(r.id));
  }
  if (change.interpreterNeeded !== undefined) {
    const needed = change.interpreterNeeded;
    const targets = needed ? persons.residentIds : persons.everyoneIds;
    if (targets.length) {
      const rows = await tx
        .updateTable('person')
        .set((eb) => ({ interpreter_needed: needed, ...touch, version: eb('version', '+', 1) }))
        .where('id', 'in', [...targets])
        .where('interpreter_needed', '!=', needed)
        .returning('id')
        .execute();
      rows.forEach((r) => changed.add(r.id));
    }
  }
  return [...changed];
}
