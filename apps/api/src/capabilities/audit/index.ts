export {
  recordAccess,
  recordAccessMany,
  recordExternalAccess,
  recordResidentAccess,
  type AccessAction,
  type AccessEntry,
  type LegalBasis,
  type ResidentActor,
} from './record-access';
export {
  verifyTenantChain,
  verifyAllChains,
  type ChainReport,
  type ChainProblem,
  type ReadRunner,
} from './access-log-chain';
export {
  runSealer,
  sealAllTenants,
  sealPendingIn,
  sealTenant,
  unsealedStatus,
  UNSEALED_WARNING_MS,
  type UnsealedStatus,
} from './seal';
export { anchorLine, ANCHOR_FILE_NAME, publishChainHeads, type AnchorChannel, type AnchorRun } from './anchor';
