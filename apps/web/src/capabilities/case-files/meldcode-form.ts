/** Pure state of the Meldcode decision (steps 4 and 5): the afwegingskader shown question by question. No I/O. */
import type { ValidationIssue } from '../../app/errors';
import { t } from '../../app/i18n';

export type YesNo = '' | 'yes' | 'no';

export const WEIGHING_QUESTIONS = [
  'suspicion',
  'acuteOrStructuralUnsafety',
  'helpPossible',
  'helpAccepted',
  'resultsAchieved',
] as const;
export type WeighingQuestion = (typeof WEIGHING_QUESTIONS)[number];

export interface MeldcodeDecisionValues {
  suspicion: YesNo;
  acuteOrStructuralUnsafety: YesNo;
  helpPossible: YesNo;
  helpAccepted: YesNo;
  resultsAchieved: YesNo;
  weighing: string;
  reportToVeiligThuis: YesNo;
  provideOrOrganiseHelp: YesNo;
  consentAsked: YesNo;
  consentGiven: YesNo;
  veiligThuisReportedOn: string;
  veiligThuisReference: string;
  followUpOn: string;
}

export function emptyMeldcodeDecision(): MeldcodeDecisionValues {
  return {
    suspicion: '',
    acuteOrStructuralUnsafety: '',
    helpPossible: '',
    helpAccepted: '',
    resultsAchieved: '',
    weighing: '',
    reportToVeiligThuis: '',
    provideOrOrganiseHelp: '',
    consentAsked: '',
    consentGiven: '',
    veiligThuisReportedOn: '',
    veiligThuisReference: '',
    followUpOn: '',
  };
}

/**
 * The afwegingskader's questions to show: each next question only after the answer that leads to it
 * (1 yes → 2; 2 no → 3; 3 yes → 4; 4 yes → 5). With acute or structural unsafety, questions 3–5 are
 * answered together with Veilig Thuis, so they are not asked here.
 */
export function visibleQuestions(v: MeldcodeDecisionValues): WeighingQuestion[] {
  const shown: WeighingQuestion[] = ['suspicion'];
  if (v.suspicion !== 'yes') return shown;
  shown.push('acuteOrStructuralUnsafety');
  if (v.acuteOrStructuralUnsafety !== 'no') return shown;
  shown.push('helpPossible');
  if (v.helpPossible !== 'yes') return shown;
  shown.push('helpAccepted');
  if (v.helpAccepted !== 'yes') return shown;
  shown.push('resultsAchieved');
  return shown;
}

export type WeighingAdvice = 'close' | 'report' | 'help' | 'reReport' | 'closeHelp';

/** What the afwegingskader points to after the answers so far; undefined while a question is open. */
export function weighingAdvice(v: MeldcodeDecisionValues): WeighingAdvice | undefined {
  if (v.suspicion === 'no') return 'close';
  if (v.suspicion !== 'yes') return undefined;
  if (v.acuteOrStructuralUnsafety === 'yes') return 'report';
  if (v.acuteOrStructuralUnsafety !== 'no') return undefined;
  if (v.helpPossible === 'no') return 'report';
  if (v.helpPossible !== 'yes') return undefined;
  if (v.helpAccepted === 'no') return 'report';
  if (v.helpAccepted !== 'yes') return undefined;
  if (v.resultsAchieved === 'no') return 'reReport';
  if (v.resultsAchieved === 'yes') return 'closeHelp';
  return 'help';
}

const bool = (v: YesNo): boolean | undefined => (v === 'yes' ? true : v === 'no' ? false : undefined);
const text = (v: string): string | undefined => (v.trim() ? v : undefined);

/** The request: only the questions that were asked; the Veilig Thuis fields only when reporting. */
export function toMeldcodeDecisionInput(v: MeldcodeDecisionValues) {
  const asked = new Set(visibleQuestions(v));
  const ask = (q: WeighingQuestion) => (asked.has(q) ? bool(v[q]) : undefined);
  const report = bool(v.reportToVeiligThuis);
  return {
    suspicion: bool(v.suspicion),
    acuteOrStructuralUnsafety: ask('acuteOrStructuralUnsafety'),
    helpPossible: ask('helpPossible'),
    helpAccepted: ask('helpAccepted'),
    resultsAchieved: ask('resultsAchieved'),
    weighing: v.weighing,
    reportToVeiligThuis: report,
    provideOrOrganiseHelp: bool(v.provideOrOrganiseHelp),
    consentAsked: bool(v.consentAsked),
    consentGiven: v.consentAsked === 'yes' ? bool(v.consentGiven) : undefined,
    veiligThuisReportedOn: report ? text(v.veiligThuisReportedOn) : undefined,
    veiligThuisReference: report ? text(v.veiligThuisReference) : undefined,
    followUpOn: text(v.followUpOn),
  };
}

const YES_NO_FIELDS = new Set<string>(['suspicion', 'reportToVeiligThuis', 'provideOrOrganiseHelp', 'consentAsked']);

/** Replaces the generic "expected boolean" message of an unanswered yes/no question. */
export function withMeldcodeMessages<T extends ValidationIssue>(issues: readonly T[]): T[] {
  return issues.map((issue) => {
    const head = issue.path[0];
    return typeof head === 'string' && YES_NO_FIELDS.has(head) && /boolean/i.test(issue.message)
      ? { ...issue, message: t('meldcode.chooseYesNo') }
      : issue;
  });
}

export const MELDCODE_DECISION_FIELDS = [
  ...WEIGHING_QUESTIONS,
  'weighing',
  'reportToVeiligThuis',
  'provideOrOrganiseHelp',
  'consentAsked',
  'consentGiven',
  'veiligThuisReportedOn',
  'veiligThuisReference',
  'followUpOn',
] as const;
