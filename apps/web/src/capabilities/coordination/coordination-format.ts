import { CASE_REVIEW_QUESTION_KINDS, type CaseReviewQuestionKind } from '@nabij/contracts';
import { t } from '../../app/i18n';

export const questionKindLabel = (kind: string): string => t(`coordination.questionKind.${kind}`);
export const signalKindLabel = (kind: string): string => t(`coordination.signalKind.${kind}`);
export const domainLabel = (domain: string): string => t(`domain.${domain}`);

/**
 * A link may ask to put the case on the agenda with a kind of question (`?agenderen=closure`, e.g. from the closure
 * when "Gaat er iets mis als ik eruit stap?" is not a clear no). Unknown values are ignored.
 */
export function agendaKindFromSearch(search: string): CaseReviewQuestionKind | undefined {
  const kind = new URLSearchParams(search).get('agenderen');
  return (CASE_REVIEW_QUESTION_KINDS as readonly string[]).includes(kind ?? '')
    ? (kind as CaseReviewQuestionKind)
    : undefined;
}

/** The link that opens a case's agenda form with the closure question (for the closure page). */
export const closureReviewLink = (caseId: string): string =>
  `/dossiers/${encodeURIComponent(caseId)}?agenderen=closure#overleg`;

/** "AM-2026-0012" or, for a case without a referral, a neutral text. */
export const referenceText = (reference: string | null): string => reference ?? t('coordination.noReference');
