/** Pure mapping of the assignment form (verdeeloverleg) to `assignReferralRequest`. No I/O. */

export interface AssignmentFormValues {
  caseWorkerId: string;
  tandemWorkerId: string;
  consent: string;
  consentDate: string;
  legalBasis: string;
  reasonWithoutConsent: string;
}

export const ASSIGNMENT_FIELDS = [
  'caseWorkerId',
  'tandemWorkerId',
  'consent',
  'consentDate',
  'legalBasis',
  'reasonWithoutConsent',
] as const;

export function emptyAssignmentForm(today: string): AssignmentFormValues {
  return {
    caseWorkerId: '',
    tandemWorkerId: '',
    consent: '',
    consentDate: today,
    legalBasis: '',
    reasonWithoutConsent: '',
  };
}

/** Only the fields that belong to the chosen kind of consent are sent. */
export function toAssignReferralInput(version: number, v: AssignmentFormValues) {
  const withoutConsent = v.consent === 'none';
  return {
    version,
    caseWorkerId: v.caseWorkerId,
    ...(v.tandemWorkerId ? { tandemWorkerId: v.tandemWorkerId } : {}),
    consent: v.consent === '' ? undefined : v.consent,
    ...(!withoutConsent && v.consentDate ? { consentDate: v.consentDate } : {}),
    ...(withoutConsent ? { legalBasis: v.legalBasis, reasonWithoutConsent: v.reasonWithoutConsent } : {}),
  };
}
