import type { Tx } from '../../platform/database/database';

/**
 * The person's active Mijn Nabij account, if any: a household letter on closure is then shown in the portal, and the
 * account's address (when it has one) gets an e-mail without content that a letter is waiting.
 */
export async function portalAccountOf(tx: Tx, personId: string): Promise<{ id: string; email: string | null } | undefined> {
  return tx.selectFrom('resident_account').select(['id', 'email']).where('person_id', '=', personId).where('active', '=', true).executeTakeFirst();
}
