export { recordAccess, recordAccessMany, recordExternalAccess, type AccessAction, type AccessEntry, type LegalBasis } from './record-access';
