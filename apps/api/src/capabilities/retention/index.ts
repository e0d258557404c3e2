export { registerRetentionRoutes } from './retention.routes';
export { scanRetention, dueCases } from './retention';
export { destroyCase, casesOfPerson } from './destroy';
export { erasePersonData, ERASED_FIRST_NAME, ERASED_LAST_NAME, type ErasureOutcome } from './erasure';
export { foreignKeys, collectRows, binaryColumns, type ForeignKey, type Row } from './foreign-keys';
export { insertStatement, statementsOf } from './case-privacy';
export { insertPortalStatement, portalStatementsOf } from './statements-for-resident';
