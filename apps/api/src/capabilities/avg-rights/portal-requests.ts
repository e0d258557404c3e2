import { AppError } from '../../shared/app-error';
import type { Tx } from '../../platform/database/database';
import { dueOn, isClosed, requestDeadline } from './avg-rights.domain';
import { nextReference } from './avg-rights.store';

/**
 * "Vraag een kopie van mijn gegevens" in the resident portal (Mijn Nabij): an inspection request in the privacy
 * officer's register (channel `portal`, identity verified by the portal login, no staff author), with the usual
 * reference and the deadline of one month (AVG art. 12(3)). The officer handles it like any other request.
 */
export async function registerPortalInspectionRequest(
  tx: Tx,
  r: { tenantId: string; personId: string; accountId: string; receivedOn: string; description: string },
): Promise<{ id: string; reference: string; deadline: string }> {
  const open = await tx
    .selectFrom('avg_request')
    .select(['reference', 'status'])
    .where('person_id', '=', r.personId)
    .where('kind', '=', 'inspection')
    .execute();
  if (open.some((o) => !isClosed(o.status))) throw new AppError('copy_request_open');
  const reference = await nextReference(tx, r.tenantId, Number(r.receivedOn.slice(0, 4)));
  const deadline = requestDeadline(r.receivedOn);
  const row = await tx
    .insertInto('avg_request')
    .values({
      tenant_id: r.tenantId,
      reference,
      person_id: r.personId,
      kind: 'inspection',
      channel: 'portal',
      received_on: r.receivedOn,
      deadline,
      extended_until: null,
      extension_reason: null,
      description: r.description,
      identity_verified: true,
      handled_by: null,
      decision_notes: null,
      completed_on: null,
      exception_retention_obligation: null,
      exception_legal_claim: null,
      exception_public_interest: null,
      exception_others_interest: null,
      exception_notes: null,
      exception_checked_by: null,
      exception_checked_at: null,
      erased_at: null,
      copy_generated_at: null,
      created_by: null,
      submitted_by_account_id: r.accountId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id, reference, deadline };
}

/** The person's requests for a copy of their data, newest first, with the deadline that applies now. */
export async function inspectionRequestsOf(tx: Tx, personId: string) {
  const rows = await tx
    .selectFrom('avg_request')
    .select(['reference', 'received_on', 'deadline', 'extended_until', 'status'])
    .where('person_id', '=', personId)
    .where('kind', '=', 'inspection')
    .orderBy('received_on', 'desc')
    .orderBy('created_at', 'desc')
    .execute();
  return rows.map((r) => ({
    reference: r.reference,
    receivedOn: r.received_on,
    dueOn: dueOn({
      receivedOn: r.received_on,
      deadline: r.deadline,
      extendedUntil: r.extended_until,
      status: r.status,
    }),
    status: r.status,
    open: !isClosed(r.status),
  }));
}
