/**
 * Who sees which management information. The team coordinator (`dashboard:read_team`) sees the teams they belong to;
 * the policy advisor (`dashboard:read_all`) every team of the municipality — both aggregate only. Filters outside
 * that scope are refused with a Dutch message; nobody gets figures per person or a way to a case from here.
 */
import type { DashboardQuery } from '@nabij/contracts';
import { AppError } from '../../shared/app-error';
import { hasPermission, type Actor } from '../../shared/actor';
import type { Tx } from '../../platform/database/database';
import { daysBetween, defaultPeriod, MAX_PERIOD_DAYS } from './mi.domain';

export interface TeamRow {
  id: string;
  name: string;
  area: string | null;
}

export type DashboardKind = 'team' | 'municipality';

/** The widest view the actor has, or null when they may see no management information. */
export function dashboardKind(actor: Actor): DashboardKind | null {
  if (hasPermission(actor, 'dashboard:read_all')) return 'municipality';
  if (hasPermission(actor, 'dashboard:read_team') && actor.teamIds.length > 0) return 'team';
  return null;
}

/** The named caseload per worker is for the coordinator, who manages the workers; the municipality sees distributions only. */
export const seesWorkers = (kind: DashboardKind): boolean => kind === 'team';

/** May record the self-assessment of this team: a coordinator of the team. */
export function canAssess(actor: Actor, teamId: string): boolean {
  return hasPermission(actor, 'quality_mirror:write') && actor.teamIds.includes(teamId);
}

export interface ResolvedScope {
  kind: DashboardKind;
  /** The teams the user may filter on. */
  allowed: TeamRow[];
  areas: string[];
  /** The teams the figures are about. */
  selected: TeamRow[];
  from: string;
  to: string;
  today: string;
  teamId: string | null;
  area: string | null;
}

const invalid = (field: string, message: string) =>
  new AppError('validation_failed', { fieldErrors: { [field]: [message] } });
const notYours = (field: string, message: string) => new AppError('forbidden', { fieldErrors: { [field]: [message] } });

/**
 * Applies the filters to the actor's scope: the period (default the last twelve months), a team and an area. An
 * inverted or too long period, an unknown team or area, or a team or area outside the actor's scope: a Dutch message.
 */
export async function resolveScope(tx: Tx, actor: Actor, query: DashboardQuery, today: string): Promise<ResolvedScope> {
  const kind = dashboardKind(actor);
  if (!kind) throw new AppError('forbidden');
  const fallback = defaultPeriod(query.to ?? today);
  const from = query.from ?? fallback.from;
  const to = query.to ?? (query.from && query.from > today ? query.from : today);
  if (from > to)
    throw invalid('to', 'De einddatum ligt vóór de begindatum. Kies een einddatum op of na de begindatum.');
  if (daysBetween(from, to) > MAX_PERIOD_DAYS) throw invalid('from', 'Kies een periode van hoogstens vijf jaar.');

  const all = await tx.selectFrom('team').select(['id', 'name', 'area']).orderBy('name').execute();
  const allowed = kind === 'municipality' ? all : all.filter((t) => actor.teamIds.includes(t.id));
  if (allowed.length === 0) throw new AppError('forbidden');
  const areas = [...new Set(allowed.map((t) => t.area).filter((a): a is string => Boolean(a)))].sort((a, b) =>
    a.localeCompare(b, 'nl'),
  );

  const teamId = query.teamId ?? null;
  const area = query.area ?? null;
  if (teamId) {
    if (!all.some((t) => t.id === teamId))
      throw invalid('teamId', 'Dit team bestaat niet. Kies een team uit de lijst.');
    if (!allowed.some((t) => t.id === teamId))
      throw notYours('teamId', 'U mag alleen de cijfers van uw eigen team bekijken.');
  }
  if (area) {
    if (!all.some((t) => t.area === area))
      throw invalid('area', 'Dit gebied bestaat niet. Kies een gebied uit de lijst.');
    if (!areas.includes(area))
      throw notYours('area', 'In dit gebied werkt geen team waarvan u de cijfers mag bekijken.');
  }
  const selected = allowed.filter((t) => (!teamId || t.id === teamId) && (!area || t.area === area));
  if (selected.length === 0) throw invalid('area', 'Het gekozen team werkt niet in het gekozen gebied.');
  return { kind, allowed, areas, selected, from, to, today, teamId, area };
}
