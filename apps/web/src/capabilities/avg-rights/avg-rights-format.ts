/** Pure display rules of the AVG register, the retention page and the case's privacy section. No I/O. */
import { STATUTORY_BASES, type AvgRequestSummary, type LegalBasisCode } from '@nabij/contracts';
import { joinList, t } from '../../app/i18n';
import { formatDate } from '../persons/person-format';

/** "uiterlijk 28 februari 2026 · nog 5 dagen", "… · te laat", "… · verlengd". */
export function deadlineText(
  r: Pick<AvgRequestSummary, 'dueOn' | 'overdue' | 'daysLeft' | 'extendedUntil' | 'status'>,
  closed: boolean,
): string {
  const parts = [t('avg.request.deadlineText', { date: formatDate(r.dueOn) })];
  if (r.extendedUntil) parts.push(t('avg.extended'));
  if (!closed) {
    if (r.overdue) parts.push(t('avg.overdue'));
    else parts.push(r.daysLeft === 0 ? t('avg.dueToday') : t('avg.daysLeft', { days: r.daysLeft }));
  }
  return parts.join(' · ');
}

/** The AVG article and the laws a case's processing rests on, in one line. */
export function basisLine(bases: readonly LegalBasisCode[]): string {
  const laws = bases.filter((b): b is (typeof STATUTORY_BASES)[number] =>
    (STATUTORY_BASES as readonly string[]).includes(b),
  );
  const lines: string[] = [];
  if (laws.length)
    lines.push(
      t('casePrivacy.avgArticle.statutory', { laws: joinList(laws.map((b) => t(`casePrivacy.basisShort.${b}`))) }),
    );
  if (bases.includes('consent')) lines.push(t('casePrivacy.avgArticle.consent'));
  return lines.join('; ');
}

/** Regime codes as a Dutch list: "Wmo 2015 en Jeugdwet". */
export const regimeList = (regimes: readonly string[]): string =>
  joinList(regimes.map((r) => t(`retention.regime.${r}`)));
