import type { ReferralStatus } from '@nabij/contracts';

/**
 * Status rules of a referral. Decided and closed are reached only through the core decision and the
 * closing of a referral (their own use cases); the intake desk moves a referral through the first steps.
 */
const MANUAL_TRANSITIONS: Record<ReferralStatus, readonly ReferralStatus[]> = {
  new: ['waiting_for_information', 'complete'],
  waiting_for_information: ['complete'],
  complete: ['waiting_for_information'],
  on_agenda: [],
  decided: [],
  closed: [],
};

export function allowedManualTransitions(from: ReferralStatus): readonly ReferralStatus[] {
  return MANUAL_TRANSITIONS[from];
}

export function canMoveTo(from: ReferralStatus, to: ReferralStatus): boolean {
  return MANUAL_TRANSITIONS[from].includes(to);
}

export interface ChecklistFacts {
  hasResidentName: boolean;
  hasResidentBirthDateOrAge: boolean;
  hasResidentAddress: boolean;
  hasReferrerContact: boolean;
  hasQuestion: boolean;
  /** "Weet ik niet" does not block: it becomes a question for the intake meeting (issue #17 item 4). */
  childrenAtRisk: 'no' | 'unknown' | 'yes';
  residentAwarenessKnown: boolean;
  regiecheckDone: boolean;
}

/** The completeness checklist shown in the inbox; keys map to Dutch labels `checklist.<key>`. */
export function completenessChecklist(f: ChecklistFacts): Array<{ key: string; done: boolean }> {
  return [
    { key: 'resident_name', done: f.hasResidentName },
    { key: 'resident_birth_date', done: f.hasResidentBirthDateOrAge },
    { key: 'resident_address', done: f.hasResidentAddress },
    { key: 'referrer_contact', done: f.hasReferrerContact },
    { key: 'question', done: f.hasQuestion },
    f.childrenAtRisk === 'unknown'
      ? { key: 'children_at_risk_for_meeting', done: true }
      : { key: 'children_at_risk', done: true },
    { key: 'resident_awareness', done: f.residentAwarenessKnown },
    { key: 'regiecheck', done: f.regiecheckDone },
  ];
}

export function isComplete(f: ChecklistFacts): boolean {
  return completenessChecklist(f).every((i) => i.done);
}

/** "AM-2026-00042" */
export function formatReference(year: number, n: number): string {
  return `AM-${year}-${String(n).padStart(5, '0')}`;
}

export { sniffAttachment, type AttachmentType } from '../../shared/sniff-file';

/** Whole days between two moments (for "waiting for N days"). */
export function daysBetween(from: Date, to: Date): number {
  return Math.max(0, Math.floor((to.getTime() - from.getTime()) / 86_400_000));
}
