import type { Tx } from '../../platform/database/database';

/**
 * The person's active Mijn Nabij account, if any: a household letter on closure is then shown in the portal, and the
 * account's address (when it has one) gets an e-mail without content that a letter is waiting.
 */
export async function portalAccountOf(
  tx: Tx,
  personId: string,
): Promise<{ id: string; email: string | null } | undefined> {
  return tx
    .selectFrom('resident_account')
    .select(['id', 'email'])
    .where('person_id', '=', personId)
    .where('active', '=', true)
    .executeTakeFirst();
}

/** The household letters shown in a person's Mijn Nabij (newest first). */
export async function portalLettersOf(tx: Tx, personId: string) {
  const rows = await tx
    .selectFrom('case_letter')
    .select(['id', 'case_id', 'subject', 'created_at'])
    .where('portal_person_id', '=', personId)
    .orderBy('created_at', 'desc')
    .execute();
  return rows.map((l) => ({ id: l.id, caseId: l.case_id, subject: l.subject, createdAt: l.created_at.toISOString() }));
}

/** The PDF of a letter shown in the person's Mijn Nabij, or undefined for any other letter. */
export async function portalLetterPdf(
  tx: Tx,
  personId: string,
  letterId: string,
): Promise<{ caseId: string; pdf: Buffer } | undefined> {
  const l = await tx
    .selectFrom('case_letter')
    .select(['case_id', 'pdf'])
    .where('id', '=', letterId)
    .where('portal_person_id', '=', personId)
    .executeTakeFirst();
  return l ? { caseId: l.case_id, pdf: l.pdf } : undefined;
}
