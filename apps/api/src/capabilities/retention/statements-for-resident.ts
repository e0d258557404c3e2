import type { Tx } from '../../platform/database/database';

/**
 * The resident's own statement for the file (Jeugdwet 7.3.8 lid 2; AVG art. 16), written in the resident portal
 * (Mijn Nabij): no staff author, the resident account that sent it. It is kept with the worker's statements.
 */
export async function insertPortalStatement(
  tx: Tx,
  s: { tenantId: string; caseId: string; personId: string; accountId: string; receivedOn: string; statement: string },
): Promise<string> {
  const row = await tx
    .insertInto('resident_statement')
    .values({
      tenant_id: s.tenantId,
      case_id: s.caseId,
      person_id: s.personId,
      request_id: null,
      received_on: s.receivedOn,
      statement: s.statement,
      recorded_by: null,
      via_portal: true,
      submitted_by_account_id: s.accountId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The statements of a case that came in through the portal (optionally of one account only), newest first. */
export async function portalStatementsOf(tx: Tx, caseId: string, accountId?: string) {
  let q = tx
    .selectFrom('resident_statement')
    .select(['id', 'person_id', 'submitted_by_account_id', 'received_on', 'statement', 'recorded_at'])
    .where('case_id', '=', caseId)
    .where('via_portal', '=', true);
  if (accountId) q = q.where('submitted_by_account_id', '=', accountId);
  return q.orderBy('recorded_at', 'desc').execute();
}
