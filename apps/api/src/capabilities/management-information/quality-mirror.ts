import {
  QUALITY_ELEMENTS,
  SUPPRESSION_THRESHOLD,
  type QualityAssessmentInput,
  type QualityAssessmentView,
  type QualityMirrorView,
} from '@nabij/contracts';
import { AppError } from '../../shared/app-error';
import { municipalDate, municipalToday } from '../../shared/clock';
import type { AccessContext } from '../../shared/actor';
import type { Tx } from '../../platform/database/database';
import type { Deps } from '../../platform/deps';
import { recordAccess } from '../audit';
import { personalDataInNotes, quarterOf, recentQuarters } from './mi.domain';
import { QUALITY_ELEMENT } from './mi.labels';
import { canAssess, type ResolvedScope } from './mi.policy';
import { loadFacts, mirrorIndicators } from './mi.report';
import { withScope } from './view-dashboard';

const DATA_CATEGORY = 'quality_mirror';

/** The mirror is per team: the chosen one, or the first the user may see. */
const mirrorTeam = (scope: ResolvedScope) => (scope.teamId ? scope.selected[0] : scope.allowed[0]) ?? scope.allowed[0];

async function loadAssessments(tx: Tx, teamId: string): Promise<QualityAssessmentView[]> {
  const heads = await tx
    .selectFrom('quality_assessment as a')
    .innerJoin('app_user as u', 'u.id', 'a.updated_by')
    .select(['a.id', 'a.period', 'a.version', 'a.updated_at', 'u.display_name'])
    .where('a.team_id', '=', teamId)
    .orderBy('a.period', 'desc')
    .execute();
  if (heads.length === 0) return [];
  const elements = await tx
    .selectFrom('quality_assessment_element')
    .select(['assessment_id', 'element', 'score', 'notes'])
    .where(
      'assessment_id',
      'in',
      heads.map((h) => h.id),
    )
    .execute();
  const order = (e: string) => QUALITY_ELEMENTS.indexOf(e as (typeof QUALITY_ELEMENTS)[number]);
  return heads.map((h) => ({
    period: h.period,
    version: h.version,
    updatedOn: municipalDate(h.updated_at),
    updatedByName: h.display_name,
    elements: elements
      .filter((e) => e.assessment_id === h.id)
      .sort((a, b) => order(a.element) - order(b.element))
      .map((e) => ({ element: e.element as (typeof QUALITY_ELEMENTS)[number], score: e.score, notes: e.notes })),
  }));
}

/**
 * The quality mirror of one team: per effective element the figures from the registration (same definitions and
 * suppression as the dashboard), and the team's self-assessments per quarter. Logged like a dashboard view.
 */
export async function viewQualityMirror(
  deps: Deps,
  ctx: AccessContext,
  query: { teamId?: string | undefined; from?: string | undefined; to?: string | undefined },
): Promise<QualityMirrorView> {
  return withScope(
    deps,
    ctx,
    { teamId: query.teamId, from: query.from, to: query.to, area: undefined },
    {
      action: 'read',
      event: 'quality_mirror.viewed',
      dataCategory: DATA_CATEGORY,
      teamOf: (s) => mirrorTeam(s)?.id ?? null,
      cellTeams: (s) => [mirrorTeam(s)?.id].filter((id): id is string => Boolean(id)),
    },
    async (tx, scope) => {
      const team = mirrorTeam(scope);
      if (!team) throw new AppError('forbidden');
      const facts = await loadFacts(
        tx,
        { teamIds: [team.id], from: scope.from, to: scope.to, today: scope.today },
        { mirror: true },
      );
      const indicators = mirrorIndicators(facts);
      return {
        filters: { from: scope.from, to: scope.to, teamId: team.id },
        team,
        teams: scope.allowed,
        canAssess: canAssess(ctx.actor, team.id),
        currentQuarter: quarterOf(scope.today),
        quarters: recentQuarters(scope.today, 4),
        threshold: SUPPRESSION_THRESHOLD,
        elements: QUALITY_ELEMENTS.map((code) => ({ code, ...QUALITY_ELEMENT[code], ...indicators[code] })),
        assessments: await loadAssessments(tx, team.id),
      };
    },
  );
}

const invalid = (fieldErrors: Record<string, string[]>) => new AppError('validation_failed', { fieldErrors });

/**
 * A coordinator records the team's self-assessment for a quarter: a score of 1–5 and notes per element (both
 * optional, at least one element filled in). A second save of the same quarter changes it; a stale version is refused.
 */
export async function saveQualityAssessment(
  deps: Deps,
  ctx: AccessContext,
  input: QualityAssessmentInput,
): Promise<QualityAssessmentView> {
  if (!canAssess(ctx.actor, input.teamId)) {
    await deps.db.inTenant(ctx.actor.tenantId, (tx) =>
      recordAccess(tx, ctx, {
        action: 'update',
        event: 'quality_mirror.assessed',
        dataCategory: DATA_CATEGORY,
        teamId: null,
        outcome: 'denied',
        detail: { teamId: input.teamId, period: input.period },
      }),
    );
    throw new AppError('forbidden', {
      fieldErrors: { teamId: ['Alleen de coördinator van het team legt de zelfevaluatie van het team vast.'] },
    });
  }
  const today = municipalToday(deps.clock);
  const errors: Record<string, string[]> = {};
  if (input.period > quarterOf(today))
    errors.period = ['Dit kwartaal is nog niet begonnen. Kies het huidige of een eerder kwartaal.'];
  const seen = new Set<string>();
  input.elements.forEach((e, i) => {
    if (seen.has(e.element)) errors[`elements.${i}.element`] = ['Elk element komt één keer voor.'];
    seen.add(e.element);
    const problem = e.notes ? personalDataInNotes(e.notes) : undefined;
    if (problem) errors[`elements.${e.element}.notes`] = [problem];
  });
  const filled = input.elements.filter((e) => e.score !== null || e.notes !== null);
  if (filled.length === 0) errors.elements = ['Geef minstens één werkzaam element een score of een toelichting.'];
  if (Object.keys(errors).length) throw invalid(errors);

  return deps.db.inTenant(ctx.actor.tenantId, async (tx) => {
    const team = await tx.selectFrom('team').select('id').where('id', '=', input.teamId).executeTakeFirst();
    if (!team) throw invalid({ teamId: ['Dit team bestaat niet.'] });
    const now = deps.clock.now();
    const existing = await tx
      .selectFrom('quality_assessment')
      .select(['id', 'version'])
      .where('team_id', '=', input.teamId)
      .where('period', '=', input.period)
      .forUpdate()
      .executeTakeFirst();
    let id: string;
    if (existing) {
      if (input.version !== existing.version) throw new AppError('version_conflict');
      await tx
        .updateTable('quality_assessment')
        .set({ version: existing.version + 1, updated_by: ctx.actor.userId, updated_at: now })
        .where('id', '=', existing.id)
        .execute();
      await tx.deleteFrom('quality_assessment_element').where('assessment_id', '=', existing.id).execute();
      id = existing.id;
    } else {
      // Someone else's first save of this quarter wins the unique key; this one answers 409 and keeps the form.
      const row = await tx
        .insertInto('quality_assessment')
        .values({
          tenant_id: ctx.actor.tenantId,
          team_id: input.teamId,
          period: input.period,
          recorded_by: ctx.actor.userId,
          recorded_at: now,
          updated_by: ctx.actor.userId,
          updated_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      id = row.id;
    }
    await tx
      .insertInto('quality_assessment_element')
      .values(
        filled.map((e) => ({
          tenant_id: ctx.actor.tenantId,
          assessment_id: id,
          element: e.element,
          score: e.score,
          notes: e.notes,
        })),
      )
      .execute();
    await recordAccess(tx, ctx, {
      action: existing ? 'update' : 'create',
      event: 'quality_mirror.assessed',
      dataCategory: DATA_CATEGORY,
      permission: 'quality_mirror:write',
      teamId: input.teamId,
      detail: { period: input.period, elements: filled.length },
    });
    const saved = (await loadAssessments(tx, input.teamId)).find((a) => a.period === input.period);
    if (!saved) throw new AppError('internal');
    return saved;
  });
}
