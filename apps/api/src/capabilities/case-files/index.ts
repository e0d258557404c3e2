export { registerCaseFileRoutes } from './case-files.routes';
export { findCaseFilesFor, insertCaseFile, caseFileOfReferral, caseloadOfTeam } from './case-files.store';
