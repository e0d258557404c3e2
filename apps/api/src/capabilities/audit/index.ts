export { recordAccess, recordAccessMany, recordExternalAccess, recordResidentAccess, type AccessAction, type AccessEntry, type LegalBasis, type ResidentActor } from './record-access';
export { verifyTenantChain, verifyAllChains, type ChainReport, type ChainProblem, type ReadRunner } from './access-log-chain';
