import { SUPPRESSION_THRESHOLD, type DashboardQuery, type DashboardView } from '@nabij/contracts';
import { AppError } from '../../shared/app-error';
import { municipalToday } from '../../shared/clock';
import type { AccessContext } from '../../shared/actor';
import type { Tx } from '../../platform/database/database';
import type { Deps } from '../../platform/deps';
import { recordAccess, type AccessAction } from '../audit';
import { dashboardCsv, dashboardPdf, dashboardXlsx } from './mi.export';
import { refreshCells, splitPeriod } from './mi.cells';
import { refreshFacts } from './mi.facts';
import { dashboardKind, resolveScope, seesWorkers, type ResolvedScope } from './mi.policy';
import { buildSections, loadFacts, NOT_MEASURED } from './mi.report';

export const DATA_CATEGORY = 'management_information';

/** The filters and scope of a view, for the access log: ids and dates only. */
const logDetail = (s: ResolvedScope, extra: Record<string, string | number> = {}) => ({
  from: s.from,
  to: s.to,
  teamId: s.teamId,
  area: s.area,
  teams: s.selected.length,
  scope: s.kind,
  ...extra,
});

/**
 * Resolves the scope and runs `fn` in one transaction that also writes the access-log row (no person or case ids:
 * the figures are aggregate). A refusal — no permission, or a team or area outside the user's scope — is logged too.
 */
export async function withScope<T>(
  deps: Deps,
  ctx: AccessContext,
  query: DashboardQuery,
  log: {
    action: AccessAction;
    event: string;
    dataCategory?: string;
    detail?: Record<string, string | number>;
    teamOf?: (scope: ResolvedScope) => string | null;
    /** The teams whose monthly cells the view reads (default: the teams selected). */
    cellTeams?: (scope: ResolvedScope) => string[];
  },
  fn: (tx: Tx, scope: ResolvedScope) => Promise<T>,
): Promise<T> {
  const today = municipalToday(deps.clock);
  const dataCategory = log.dataCategory ?? DATA_CATEGORY;
  const permission = dashboardKind(ctx.actor) === 'municipality' ? 'dashboard:read_all' : 'dashboard:read_team';
  try {
    // The facts per case and then the cells the view needs are brought up to date first, in their own
    // transactions (see mi.facts.ts and mi.cells.ts).
    if (dashboardKind(ctx.actor)) {
      await refreshFacts(deps.db, ctx.actor.tenantId);
      const pre = await deps.db.inTenant(ctx.actor.tenantId, (tx) => resolveScope(tx, ctx.actor, query, today));
      const teamIds = log.cellTeams ? log.cellTeams(pre) : pre.selected.map((t) => t.id);
      await refreshCells(deps.db, ctx.actor.tenantId, today, {
        teamIds,
        spans: splitPeriod(pre.from, pre.to, today).cells,
      });
    }
    return await deps.db.inTenant(ctx.actor.tenantId, async (tx) => {
      const scope = await resolveScope(tx, ctx.actor, query, today);
      const result = await fn(tx, scope);
      const teamId = log.teamOf ? log.teamOf(scope) : scope.teamId;
      await recordAccess(tx, ctx, {
        action: log.action,
        event: log.event,
        dataCategory,
        permission,
        teamId,
        detail: { ...logDetail(scope, log.detail), teamId },
      });
      return result;
    });
  } catch (error) {
    if (error instanceof AppError && error.code === 'forbidden') {
      await deps.db.inTenant(ctx.actor.tenantId, (tx) =>
        recordAccess(tx, ctx, {
          action: log.action,
          event: log.event,
          dataCategory,
          permission,
          outcome: 'denied',
          detail: { teamId: query.teamId ?? null, area: query.area ?? null },
        }),
      );
    }
    throw error;
  }
}

async function buildView(tx: Tx, scope: ResolvedScope): Promise<DashboardView> {
  const facts = await loadFacts(tx, {
    teamIds: scope.selected.map((t) => t.id),
    from: scope.from,
    to: scope.to,
    today: scope.today,
  });
  return {
    filters: { from: scope.from, to: scope.to, teamId: scope.teamId, area: scope.area },
    scope: { kind: scope.kind, teams: scope.allowed, areas: scope.areas },
    teamNames: scope.selected.map((t) => t.name),
    today: scope.today,
    threshold: SUPPRESSION_THRESHOLD,
    sections: buildSections(facts, scope.from, scope.to, seesWorkers(scope.kind)),
    notMeasured: NOT_MEASURED,
  };
}

/** The dashboard for the period, team and area chosen: every figure aggregate, small cells suppressed. */
export async function viewDashboard(deps: Deps, ctx: AccessContext, query: DashboardQuery): Promise<DashboardView> {
  return withScope(deps, ctx, query, { action: 'read', event: 'management_information.viewed' }, (tx, scope) =>
    buildView(tx, scope),
  );
}

export type ExportFormat = 'csv' | 'xlsx' | 'pdf';
const CONTENT_TYPE: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
};

/** The dashboard as CSV, XLSX or a PDF report, with the same suppressed cells; logged as an export or print. */
export async function exportDashboard(
  deps: Deps,
  ctx: AccessContext,
  query: DashboardQuery,
  format: ExportFormat,
): Promise<{ filename: string; contentType: string; body: Buffer | string }> {
  // The file is made inside the transaction: the access-log row commits only with a file that was actually produced.
  return withScope(
    deps,
    ctx,
    query,
    format === 'pdf'
      ? { action: 'print', event: 'management_information.printed', detail: { format } }
      : { action: 'export', event: 'management_information.exported', detail: { format } },
    async (tx, scope) => {
      const view = await buildView(tx, scope);
      const body =
        format === 'csv'
          ? dashboardCsv(view)
          : format === 'xlsx'
            ? await dashboardXlsx(view)
            : await dashboardPdf(view);
      return {
        filename: `sturingsinformatie-${view.filters.from}-${view.filters.to}.${format}`,
        contentType: CONTENT_TYPE[format],
        body,
      };
    },
  );
}
