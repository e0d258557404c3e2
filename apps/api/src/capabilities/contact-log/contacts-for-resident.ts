import type { Tx } from '../../platform/database/database';

/**
 * The contacts of a case the household may read in the resident portal (Mijn Nabij): never the notes the worker
 * marked internal, and no attachments. Newest first, at most 200.
 */
export async function contactsForResident(tx: Tx, caseId: string) {
  return tx
    .selectFrom('contact_entry')
    .select(['id', 'contact_on', 'kind', 'note'])
    .where('case_id', '=', caseId)
    .where('internal', '=', false)
    .orderBy('contact_on', 'desc')
    .orderBy('recorded_at', 'desc')
    .limit(200)
    .execute();
}
