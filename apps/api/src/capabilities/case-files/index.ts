export { registerCaseFileRoutes } from './case-files.routes';
export { findCaseFilesFor, insertCaseFile, caseFileOfReferral, caseloadOfTeam, advanceCasePhase } from './case-files.store';
export { withCase, logCaseAccess, type CaseRow } from './case-access';
export { findPlanFacts, type PlanFacts } from './plan-facts';
