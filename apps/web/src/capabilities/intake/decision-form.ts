/** Pure mapping of the triage and core-decision form to `decideReferralRequest`. No I/O. */
import type { ValidationIssue } from '../../app/errors';
import { t } from '../../app/i18n';

export interface DecisionFormValues {
  situation: string;
  lifeDomains: string[];
  multipleProblems: '' | 'single' | 'multiple';
  knownToOthers: string;
  urgency: string;
  safety: string;
  expertiseNeeded: string;
  outcome: string;
  interventions: string;
  goal: string;
  intendedResult: string;
  carriedOutBy: string;
  reasoning: string;
  discussedWithResident: boolean;
}

/** Starts from what the referral already says: its life domains, and "multiple" when it names more than one. */
export function emptyDecisionForm(lifeDomains: readonly string[]): DecisionFormValues {
  return {
    situation: '',
    lifeDomains: [...lifeDomains],
    multipleProblems: lifeDomains.length > 1 ? 'multiple' : lifeDomains.length === 1 ? 'single' : '',
    knownToOthers: '',
    urgency: '',
    safety: '',
    expertiseNeeded: '',
    outcome: '',
    interventions: '',
    goal: '',
    intendedResult: '',
    carriedOutBy: '',
    reasoning: '',
    discussedWithResident: false,
  };
}

/** The field paths in display order (also the order of the error summary). */
export const DECISION_FIELDS = [
  'triage.situation',
  'triage.lifeDomains',
  'triage.multipleProblems',
  'triage.knownToOthers',
  'triage.urgency',
  'triage.safety',
  'triage.expertiseNeeded',
  'decision.outcome',
  'decision.interventions',
  'decision.goal',
  'decision.intendedResult',
  'decision.carriedOutBy',
  'decision.reasoning',
  'decision.discussedWithResident',
] as const;

export function toDecideReferralInput(version: number, v: DecisionFormValues) {
  return {
    version,
    triage: {
      situation: v.situation,
      lifeDomains: v.lifeDomains,
      multipleProblems: v.multipleProblems === '' ? undefined : v.multipleProblems === 'multiple',
      knownToOthers: v.knownToOthers,
      urgency: v.urgency === '' ? undefined : v.urgency,
      safety: v.safety,
      expertiseNeeded: v.expertiseNeeded,
    },
    decision: {
      outcome: v.outcome === '' ? undefined : v.outcome,
      interventions: v.interventions,
      goal: v.goal,
      intendedResult: v.intendedResult,
      carriedOutBy: v.carriedOutBy,
      reasoning: v.reasoning,
      discussedWithResident: v.discussedWithResident,
    },
  };
}

/** Replaces the generic "expected boolean" message of an unanswered single/multiple choice. */
export function withDecisionMessages<T extends ValidationIssue>(issues: readonly T[]): T[] {
  return issues.map((issue) =>
    issue.path[0] === 'triage' && issue.path[1] === 'multipleProblems'
      ? { ...issue, message: t('triage.multipleRequired') }
      : issue,
  );
}
