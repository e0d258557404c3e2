import type { Tx } from '../../platform/database/database';

/**
 * Where a person merged into another one went (person_merge, migration 0029; the merge itself is the person-merge
 * capability): its old page and links lead to that person. Null when it was not merged (or the merge was undone).
 */
export async function mergedInto(tx: Tx, personId: string): Promise<string | null> {
  const r = await tx
    .selectFrom('person_merge')
    .select('survivor_id')
    .where('merged_person_id', '=', personId)
    .where('undone_at', 'is', null)
    .orderBy('merged_at', 'desc')
    .executeTakeFirst();
  return r?.survivor_id ?? null;
}
