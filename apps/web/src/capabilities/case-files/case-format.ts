/**
 * Pure display rules of the case file: Dutch labels for codes, dates with deadline markers, the ZRM history
 * per person and the timeline order. No I/O.
 */
import type { CaseOverview } from '@nabij/contracts';
import { t } from '../../app/i18n';
import { formatDate } from '../persons/person-format';

export type ZrmAssessment = CaseOverview['zrm'][number];
export type HouseholdMember = NonNullable<CaseOverview['household']>['members'][number];

/** "Financiën", "Werk & opleiding"; the labels of both ZRM versions live under `zrm.<domain>`. */
export function zrmDomainLabel(domain: string): string {
  return t(`zrm.${domain}`);
}

/** "3 Beperkt zelfredzaam". */
export function zrmLevelLabel(level: number): string {
  return `${level} ${t(`zrmLevel.${level}`)}`;
}

/** "4 Onbetaald werk". */
export function rungLabel(rung: number): string {
  return `${rung} ${t(`rung.${rung}`)}`;
}

/** "13 oktober 2026", or "13 oktober 2026 (termijn verstreken)" when overdue — the marker is text, not colour. */
export function deadlineText(deadline: string | null, overdue: boolean): string {
  if (!deadline) return t('case.noDeadline');
  return overdue ? t('case.deadlineOverdue', { date: formatDate(deadline) }) : formatDate(deadline);
}

/** "Startmeting 2 maart 2026". */
export function assessmentTitle(a: Pick<ZrmAssessment, 'kind' | 'assessedOn'>): string {
  return t('zrm.assessmentTitle', { kind: t(`assessmentKind.${a.kind}`), date: formatDate(a.assessedOn) });
}

const KIND_ORDER: Record<string, number> = { start: 0, interim: 1, closing: 2 };

/** Oldest first; on the same day start before interim before closing, then the order recorded. */
function byDate<T extends { assessedOn: string; kind: string }>(list: readonly T[]): T[] {
  return list
    .map((item, index) => ({ item, index }))
    .sort(
      (a, b) =>
        a.item.assessedOn.localeCompare(b.item.assessedOn) ||
        (KIND_ORDER[a.item.kind] ?? 9) - (KIND_ORDER[b.item.kind] ?? 9) ||
        a.index - b.index,
    )
    .map((x) => x.item);
}

export interface ZrmHistory {
  personId: string;
  personName: string;
  /** One column per measurement, oldest first. */
  columns: ZrmAssessment[];
  /** One row per domain scored in any measurement, in the instruments' order. */
  rows: { domain: string; scores: (number | null)[] }[];
}

/** The ZRM measurements grouped per person: a table with one column per measurement and one row per domain. */
export function zrmHistories(assessments: readonly ZrmAssessment[], domainOrder: readonly string[]): ZrmHistory[] {
  const persons = new Map<string, ZrmAssessment[]>();
  for (const a of assessments) persons.set(a.personId, [...(persons.get(a.personId) ?? []), a]);
  return [...persons.entries()].map(([personId, list]) => {
    const columns = byDate(list);
    const scored = new Set(columns.flatMap((c) => c.scores.map((s) => s.domain)));
    const order = [...domainOrder.filter((d) => scored.has(d)), ...[...scored].filter((d) => !domainOrder.includes(d))];
    return {
      personId,
      personName: columns[0]?.personName ?? '',
      columns,
      rows: order.map((domain) => ({
        domain,
        scores: columns.map((c) => c.scores.find((s) => s.domain === domain)?.score ?? null),
      })),
    };
  });
}

/** The last two measurements of a history (or the only one), oldest first. */
export function lastTwo(history: ZrmHistory): ZrmAssessment[] {
  return history.columns.slice(-2);
}

/** The timeline with the newest event first. */
export function newestFirst<T extends { at: string }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => b.at.localeCompare(a.at));
}

/** Household members who are not known to be minors (the participation ladder is for adults). */
export function adults(members: readonly HouseholdMember[]): HouseholdMember[] {
  return members.filter((m) => m.isMinor !== true);
}

/** A short fingerprint of what the ecogram shows, so the image is fetched again after a change. */
export function ecogramVersion(overview: Pick<CaseOverview, 'network' | 'professionals' | 'household'>): string {
  const text = [
    ...overview.network.map((n) => `${n.id}${n.quality}${n.keyFigure ? 1 : 0}`),
    ...overview.professionals.map((p) => p.id),
    ...(overview.household?.members.map((m) => m.id) ?? []),
  ].join('|');
  let hash = 0;
  for (let i = 0; i < text.length; i++) hash = (hash * 31 + text.charCodeAt(i)) | 0;
  return (hash >>> 0).toString(36);
}
