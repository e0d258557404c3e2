import type { Tx } from '../../platform/database/database';

/**
 * A little access-log history for the privacy officer's demo: the case worker and the coordinator looked at the
 * De Vries case today, and two days ago a worker of team Zuid used emergency access to the El Amrani case
 * (not yet reviewed). All fictional, like every demo record; the rows are sealed into the hash chain as usual.
 */
export async function seedDemoPrivacy(
  tx: Tx,
  c: {
    tenantId: string;
    noordId: string;
    users: Map<string, string>;
    households: Map<string, { id: string; personIds: string[] }>;
  },
): Promise<void> {
  const user = (name: string) => c.users.get(name) ?? null;
  const caseOf = async (household: string) => {
    const h = c.households.get(household);
    if (!h) return undefined;
    const row = await tx.selectFrom('case_file').select('id').where('household_id', '=', h.id).executeTakeFirst();
    return row ? { id: row.id, personIds: h.personIds } : undefined;
  };
  const now = Date.now();
  const hoursAgo = (h: number) => new Date(now - h * 3_600_000);
  const base = {
    tenant_id: c.tenantId,
    team_id: c.noordId,
    on_behalf_of: null,
    data_category: 'case_file',
    legal_basis: 'public_task_social_domain',
    outcome: 'allowed' as const,
    ip: '10.20.0.11',
    user_agent: 'Mozilla/5.0 (demo)',
  };

  const deVries = await caseOf('Huishouden De Vries');
  if (deVries) {
    const rows = (at: Date, username: string, role: string, event: string, action: 'read' | 'create') =>
      deVries.personIds.map((personId) => ({
        ...base,
        at,
        user_id: user(username),
        user_role: role,
        action,
        event,
        person_id: personId,
        case_id: deVries.id,
        detail: null,
      }));
    await tx
      .insertInto('access_log')
      .values(rows(hoursAgo(3), 'werker', 'case_worker', 'case_file.viewed', 'read'))
      .execute();
    await tx
      .insertInto('access_log')
      .values(rows(hoursAgo(2.9), 'werker', 'case_worker', 'network.person_added', 'create'))
      .execute();
    await tx
      .insertInto('access_log')
      .values(rows(hoursAgo(2), 'coordinator', 'team_coordinator', 'case_file.viewed', 'read'))
      .execute();
  }

  const elAmrani = await caseOf('Huishouden El Amrani');
  const werker2 = user('werker2');
  if (elAmrani && werker2) {
    const grant = await tx
      .insertInto('emergency_access')
      .values({
        tenant_id: c.tenantId,
        case_id: elAmrani.id,
        user_id: werker2,
        reason:
          'Meneer El Amrani belde in paniek over een brief van de deurwaarder; Sanne was ziek en het team Noord niet bereikbaar.',
        starts_at: hoursAgo(50),
        expires_at: hoursAgo(48),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const flagged = (at: Date, event: string) =>
      elAmrani.personIds.map((personId) => ({
        ...base,
        at,
        user_id: werker2,
        user_role: 'case_worker',
        team_id: null,
        action: 'read',
        event,
        person_id: personId,
        case_id: elAmrani.id,
        emergency: true,
        detail: JSON.stringify({ emergencyAccessId: grant.id }),
      }));
    await tx
      .insertInto('access_log')
      .values(flagged(hoursAgo(50), 'emergency_access.started'))
      .execute();
    await tx
      .insertInto('access_log')
      .values(flagged(hoursAgo(49.9), 'case_file.viewed'))
      .execute();
  }
}
