/**
 * Pure display rules of the intake phase: Dutch labels as choices, dates with times, waiting days,
 * resident names and the letter that fits a decision. No I/O.
 */
import { formatFullName, type HouseholdLanguage, type ReferralStatus, type ReferralView } from '@nabij/contracts';
import { t } from '../../app/i18n';
import type { SelectChoice } from '../../components/SelectField';

/** Choices for a list of codes whose labels are `${prefix}.${code}`. */
export function labelledChoices(codes: readonly string[], prefix: string): SelectChoice[] {
  return codes.map((code) => ({ value: code, label: t(`${prefix}.${code}`) }));
}

/** True when `value` is one of `codes` (narrows a form's string to the contract's union). */
export function isOneOf<T extends string>(codes: readonly T[], value: string): value is T {
  return (codes as readonly string[]).includes(value);
}

const dateTimeFormat = new Intl.DateTimeFormat('nl-NL', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'Europe/Amsterdam',
});

/** "2026-03-02T13:05:00Z" → "2 maart 2026 om 14:05" (Dutch time); an unreadable value is shown as given. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : dateTimeFormat.format(date);
}

/** "vandaag", "1 dag", "3 dagen". */
export function formatDays(days: number): string {
  if (days <= 0) return t('days.zero');
  return days === 1 ? t('days.one') : t('days.many', { count: days });
}

type ResidentNameParts = Pick<ReferralView['residents'][number], 'firstName' | 'infix' | 'lastName'>;

/** "Fatima El Amrani", "Jan de Vries"; empty when no name part is known. */
export function residentName(r: ResidentNameParts): string {
  return formatFullName(r);
}

type Outcome = NonNullable<ReferralView['decision']>['outcome'];
type LetterKind =
  'decision_take_up' | 'decision_advice' | 'decision_refer_elsewhere' | 'decision_not_for_us' | 'closure';

/** The letter that normally follows: the decision letter, or the closing letter once the referral is closed. */
export function defaultLetterKind(outcome: Outcome | undefined, status: ReferralStatus): LetterKind {
  if (status === 'closed' && outcome !== 'take_up') return 'closure';
  switch (outcome) {
    case 'take_up':
      return 'decision_take_up';
    case 'advice':
      return 'decision_advice';
    case 'refer_elsewhere':
      return 'decision_refer_elsewhere';
    case 'not_for_us':
      return 'decision_not_for_us';
    case undefined:
      return 'decision_take_up';
  }
}

/** Closing without a case is possible after a decision that is not "the team takes it up". */
/** A referral can be closed without a case at any stage before a case exists (issue #17 item 5). */
export function canCloseWithoutCase(referral: Pick<ReferralView, 'status' | 'decision' | 'caseId'>): boolean {
  return referral.status !== 'closed' && referral.caseId === null;
}

/** "12,3 kB", "1,2 MB". */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const kb = bytes / 1024;
  if (kb < 1024) return `${kb.toLocaleString('nl-NL', { maximumFractionDigits: 1 })} kB`;
  return `${(kb / 1024).toLocaleString('nl-NL', { maximumFractionDigits: 1 })} MB`;
}

/** "Tolk nodig (Arabisch)", "Geen tolk nodig; spreekt Pools", or null when nothing is known. */
export function languageText(language: HouseholdLanguage | undefined): string | null {
  if (!language) return null;
  const languages = language.languages.join(', ');
  if (language.interpreterNeeded)
    return languages ? t('language.interpreterWith', { languages }) : t('language.interpreter');
  return languages ? t('language.noInterpreterWith', { languages }) : null;
}
