import type { AccessContext } from '../../shared/actor';
import { municipalToday } from '../../shared/clock';
import type { Deps } from '../../platform/deps';
import { recordAccessMany } from '../audit';
import { languageOfPersonGroups } from '../persons';
import { listMyCases } from './case-files.store';

/** The open case files where the user is the case worker or the tandem partner ("Mijn werk"), or the linked process coordinator. */
export async function findMyCases(deps: Deps, ctx: AccessContext) {
  const today = municipalToday(deps.clock);
  return deps.db.inTenant(ctx.actor.tenantId, async (tx) => {
    const rows = await listMyCases(tx, ctx.actor.userId);
    const languages = await languageOfPersonGroups(tx, new Map(rows.map((r) => [r.id, r.person_ids])));
    await recordAccessMany(
      tx,
      ctx,
      {
        action: 'search',
        event: 'case_file.listed',
        dataCategory: 'case_file',
        permission: ctx.actor.permissions.has('case:read_own') ? 'case:read_own' : 'case:read_linked',
        detail: { count: rows.length },
      },
      rows.length ? rows.map((r) => r.primary_person_id) : [null],
    );
    return {
      cases: rows.map((r) => ({
        id: r.id,
        reference: r.reference ?? '',
        householdName: r.household_name ?? '',
        primaryPersonId: r.primary_person_id,
        phase: r.phase as 'analysis',
        openedAt: r.opened_at.toISOString(),
        myRole:
          r.case_worker_id === ctx.actor.userId
            ? ('case_worker' as const)
            : r.tandem_worker_id === ctx.actor.userId
              ? ('tandem' as const)
              : ('process_coordinator' as const),
        analysisDeadline: r.analysis_deadline,
        analysisOverdue: r.phase === 'analysis' && r.analysis_deadline !== null && r.analysis_deadline < today,
        language: languages.get(r.id),
      })),
    };
  });
}
