import { sql } from 'kysely';
import type { Tx } from '../../platform/database/database';
import type { TimelineEntry } from '../case-files';
import { fullNameOfRow } from '../../shared/person-name';

/** What the household did in Mijn Nabij, as the case timeline shows it to the worker. */
const SUMMARY: Record<string, string> = {
  'resident_message.sent': 'Bericht van het huishouden via Mijn Nabij',
  'plan.action_done_by_resident': 'Eigen actie uit het plan op klaar gezet via Mijn Nabij',
  'plan.agreed_in_portal': 'Digitaal akkoord op het plan via Mijn Nabij',
  'consent.withdrawn_in_portal': 'Toestemming ingetrokken via Mijn Nabij',
  'resident_own_plan.submitted': 'Eigen plan gestuurd via Mijn Nabij',
  'resident_statement.submitted': 'Eigen verklaring voor het dossier gestuurd via Mijn Nabij',
  'avg_request.submitted_in_portal': 'Kopie van de gegevens gevraagd via Mijn Nabij (bij de privacyfunctionaris)',
};

/**
 * The timeline entries of the resident portal, read from the access log (every portal change writes one row per
 * person of the household, so rows of one action are taken together), with the name of the person who acted.
 */
export async function residentTimeline(tx: Tx, caseId: string): Promise<TimelineEntry[]> {
  const r = await sql<{
    event: string;
    at: Date;
    first_name: string | null;
    infix: string | null;
    last_name: string | null;
  }>`
    select x.event, x.at, p.first_name, p.infix, p.last_name
    from (
      select l.event, min(l.at) as at, min(l.detail ->> 'actingPersonId') as acting
      from access_log l
      where l.case_id = ${caseId} and l.user_role = 'resident' and l.outcome = 'allowed' and l.event = any(${Object.keys(SUMMARY)})
      group by l.event, date_trunc('second', l.at), l.detail ->> 'actingPersonId'
    ) x
    left join person p on p.id::text = x.acting
    order by x.at`.execute(tx);
  return r.rows.map((row) => ({
    at: row.at.toISOString(),
    kind: 'resident_portal',
    summary: SUMMARY[row.event] ?? row.event,
    byName: row.first_name && row.last_name ? fullNameOfRow(row) : null,
  }));
}
