export { registerRetentionRoutes } from './retention.routes';
export { scanRetention, dueCases } from './retention';
export { destroyCase, erasePerson, casesOfPerson } from './destroy';
export { foreignKeys, collectRows, binaryColumns, type ForeignKey, type Row } from './foreign-keys';
export { insertStatement, statementsOf } from './case-privacy';
export { insertPortalStatement, portalStatementsOf } from './statements-for-resident';
