import { sql } from 'kysely';
import type { AvgRequestSummary, AvgStatus } from '@nabij/contracts';
import type { Tx } from '../../platform/database/database';
import { daysLeft, dueOn, formatRequestReference, isOverdue } from './avg-rights.domain';
import { fullNameOfRow } from '../../shared/person-name';

export const personName = (p: { first_name: string; infix: string | null; last_name: string }) => fullNameOfRow(p);

/** The next reference of the municipality for the year ("AVG-2026-0007"); serialised per municipality. */
export async function nextReference(tx: Tx, tenantId: string, year: number): Promise<string> {
  await sql`select pg_advisory_xact_lock(hashtext(${`avg_request:${tenantId}`}))`.execute(tx);
  const r = await tx
    .selectFrom('avg_request')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('reference', 'like', `AVG-${year}-%`)
    .executeTakeFirstOrThrow();
  return formatRequestReference(year, r.n + 1);
}

export function requestQuery(tx: Tx) {
  return tx
    .selectFrom('avg_request as a')
    .leftJoin('person as p', 'p.id', 'a.person_id')
    .leftJoin('app_user as h', 'h.id', 'a.handled_by')
    .select([
      'a.id',
      'a.reference',
      'a.kind',
      'a.person_id',
      'p.first_name',
      'p.infix',
      'p.last_name',
      'p.date_of_birth',
      'p.version as person_version',
      'a.channel',
      'a.received_on',
      'a.deadline',
      'a.extended_until',
      'a.extension_reason',
      'a.description',
      'a.identity_verified',
      'a.status',
      'h.display_name as handled_by_name',
      'a.decision_notes',
      'a.completed_on',
      'a.exception_retention_obligation',
      'a.exception_legal_claim',
      'a.exception_public_interest',
      'a.exception_others_interest',
      'a.exception_notes',
      'a.exception_checked_by',
      'a.exception_checked_at',
      'a.erased_at',
      'a.copy_generated_at',
      'a.version',
    ]);
}
export type RequestRow = Awaited<ReturnType<ReturnType<typeof requestQuery>['executeTakeFirstOrThrow']>>;

export function toSummary(r: RequestRow, today: string): AvgRequestSummary {
  const facts = { receivedOn: r.received_on, deadline: r.deadline, extendedUntil: r.extended_until, status: r.status };
  return {
    id: r.id,
    reference: r.reference,
    kind: r.kind as 'inspection',
    personName:
      r.first_name !== null && r.last_name !== null
        ? personName({ first_name: r.first_name, infix: r.infix, last_name: r.last_name })
        : null,
    receivedOn: r.received_on,
    deadline: r.deadline,
    extendedUntil: r.extended_until,
    dueOn: dueOn(facts),
    status: r.status as AvgStatus,
    overdue: isOverdue(facts, today),
    daysLeft: daysLeft(facts, today),
    handledByName: r.handled_by_name,
  };
}
