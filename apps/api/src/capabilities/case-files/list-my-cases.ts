import type { AccessContext } from '../../shared/actor';
import { amsterdamDate } from '../../shared/clock';
import type { Deps } from '../../platform/deps';
import { recordAccessMany } from '../audit';
import { listMyCases } from './case-files.store';

/** The open case files where the user is the case worker or the tandem partner ("Mijn werk"). */
export async function findMyCases(deps: Deps, ctx: AccessContext) {
  const today = amsterdamDate(deps.clock.now());
  return deps.db.inTenant(ctx.actor.tenantId, async (tx) => {
    const rows = await listMyCases(tx, ctx.actor.userId);
    await recordAccessMany(
      tx,
      ctx,
      { action: 'search', event: 'case_file.listed', dataCategory: 'case_file', permission: 'case:read_own', detail: { count: rows.length } },
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
        myRole: r.case_worker_id === ctx.actor.userId ? ('case_worker' as const) : ('tandem' as const),
        analysisDeadline: r.analysis_deadline,
        analysisOverdue: r.phase === 'analysis' && r.analysis_deadline !== null && r.analysis_deadline < today,
      })),
    };
  });
}
