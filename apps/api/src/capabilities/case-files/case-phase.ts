import { sql } from 'kysely';
import type { Tx } from '../../platform/database/database';

export type CasePhase = 'analysis' | 'plan' | 'execution' | 'closure' | 'watch' | 'closed';

/**
 * Moves a case from one of the given phases to another (closure, watch, closed, reactivation). Returns false when
 * the case was not in one of those phases (someone else moved it first), so the caller can refuse.
 */
export async function moveCasePhase(
  tx: Tx,
  caseId: string,
  from: readonly CasePhase[],
  to: CasePhase,
  extra: { closedAt?: Date | null; episode?: number; renewAnalysisDeadline?: boolean } = {},
): Promise<boolean> {
  const r = await tx
    .updateTable('case_file')
    .set((eb) => ({
      phase: to,
      version: eb('version', '+', 1),
      ...(extra.closedAt !== undefined ? { closed_at: extra.closedAt } : {}),
      ...(extra.episode !== undefined ? { episode: extra.episode } : {}),
      ...(extra.renewAnalysisDeadline
        ? {
            analysis_deadline: sql<string>`current_date + (select analysis_weeks * 7 from team where id = case_file.team_id)`,
          }
        : {}),
    }))
    .where('id', '=', caseId)
    .where('phase', 'in', [...from])
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** The phase, episode and closing moment of a case, locked for the rest of the transaction. */
export async function lockCaseState(tx: Tx, caseId: string) {
  return tx
    .selectFrom('case_file')
    .select(['phase', 'episode', 'closed_at', 'team_id'])
    .where('id', '=', caseId)
    .forUpdate()
    .executeTakeFirstOrThrow();
}
