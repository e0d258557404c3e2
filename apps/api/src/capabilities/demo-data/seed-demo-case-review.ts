import type { Tx } from '../../platform/database/database';

/**
 * The next fortnightly case review meeting (casuïstiekoverleg) of Wijkteam Noord, in a few days, with one case
 * already on the agenda: the worker asks for peer review of the approach with the Van den Berg household.
 */
export async function seedDemoCaseReview(
  tx: Tx,
  c: { tenantId: string; noordId: string; users: Map<string, string> },
): Promise<void> {
  const coordinator = c.users.get('coordinator');
  const worker = c.users.get('werker');
  if (!coordinator || !worker) return;
  const meetsOn = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
  const meeting = await tx
    .insertInto('case_review_meeting')
    .values({ tenant_id: c.tenantId, team_id: c.noordId, meets_on: meetsOn, created_by: coordinator })
    .returning('id')
    .executeTakeFirstOrThrow();
  const vandenberg = await tx
    .selectFrom('case_file as f')
    .innerJoin('household as h', 'h.id', 'f.household_id')
    .select('f.id')
    .where('f.tenant_id', '=', c.tenantId)
    .where('h.name', '=', 'Huishouden Van den Berg')
    .executeTakeFirst();
  if (!vandenberg) return;
  await tx
    .insertInto('case_review_item')
    .values({
      tenant_id: c.tenantId,
      meeting_id: meeting.id,
      case_id: vandenberg.id,
      question_kind: 'peer_review',
      question:
        'De spanningen thuis nemen niet af. Graag collegiale toetsing: zetten we de juiste stappen, of is er meer nodig voor Noah?',
      requested_by: worker,
    })
    .execute();
}
