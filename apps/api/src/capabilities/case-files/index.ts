export { registerCaseFileRoutes } from './case-files.routes';
export {
  findCaseFilesFor,
  insertCaseFile,
  caseFileOfReferral,
  caseloadOfTeam,
  advanceCasePhase,
  setTandemWorker,
} from './case-files.store';
export { withCase, logCaseAccess, findCase, type CaseRow } from './case-access';
export { canViewCase, canWorkOnCase, type CaseFacts } from './case-files.policy';
export { findPlanFacts, type PlanFacts } from './plan-facts';
export {
  checkSharing,
  findActiveConsent,
  consentCovers,
  type SharingDecision,
  type SharingRecipient,
  type ActiveConsent,
} from './sharing';
export { addTimelineSource, type TimelineEntry, type TimelineSource } from './timeline-sources';
export { setOpenTasksSource, type OpenTasksSource } from './open-tasks-source';
export { visibleCasesOfPersons, type FoundPersonCase } from './found-person-cases';
export {
  linkReferralToRecentCases,
  listLinkedReferrals,
  findOpenCasesFor,
  decideOpenCaseLink,
  openCaseLinkOf,
  OPEN_PHASES,
} from './referral-links';
export { moveCasePhase, lockCaseState, type CasePhase } from './case-phase';
export { loadZrm } from './view-case';
export {
  startEmergencyAccess,
  myEmergencyAccess,
  endEmergencyAccess,
  EMERGENCY_ACCESS_MAX_HOURS,
} from './emergency-access';
export { currentCaseOfPerson, consentsOfPerson, withdrawConsentOfPerson } from './case-files-for-resident';
