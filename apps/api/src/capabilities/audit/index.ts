export { recordAccess, recordAccessMany, type AccessAction, type AccessEntry, type LegalBasis } from './record-access';
