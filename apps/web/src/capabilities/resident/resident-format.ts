/**
 * Pure display rules of the resident portal: who does an action, its state, relations, the period choices of the
 * access log. No I/O.
 */
import type { ResidentAction, ResidentSubject } from '@nabij/contracts';
import { t } from '../../app/i18n';

export { formatDate } from '../persons/person-format';
export { formatDateTime } from '../intake/intake-format';

/** Who does an action, in the resident's words, with the name or service when known. */
export function performerText(a: Pick<ResidentAction, 'performer' | 'performerName' | 'serviceName'>): string {
  const base = a.performer ? t(`resident.performer.${a.performer}`) : t('resident.performer.none');
  const detail = a.serviceName ?? a.performerName;
  return detail ? `${base}: ${detail}` : base;
}

export const statusText = (status: ResidentAction['status']): string => t(`resident.status.${status}`);

/** Can the resident mark this action done now? Only the household's own open actions, and only adults. */
export const canMarkDone = (a: Pick<ResidentAction, 'own' | 'status'>, canChangePlan: boolean): boolean =>
  canChangePlan && a.own && a.status !== 'done' && a.status !== 'stopped';

/** "Petra de Vries (uzelf)", "Lotte de Vries (ouder)". */
export function subjectLabel(s: Pick<ResidentSubject, 'name' | 'self' | 'relation'>): string {
  if (s.self) return t('resident.home.yourself', { name: s.name });
  return t('resident.home.forRelation', {
    name: s.name,
    relation: s.relation ? t(`resident.relation.${s.relation}`) : '',
  });
}

/** The first person the resident may act for (themselves when allowed): the default on the start page. */
export function defaultSubject(subjects: readonly ResidentSubject[]): ResidentSubject | undefined {
  return subjects.find((s) => s.allowed && s.self) ?? subjects.find((s) => s.allowed);
}

export const LOG_PERIODS = ['month', 'quarter', 'year'] as const;
