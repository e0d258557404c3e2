export { registerPlanRoutes } from './plan.routes';
export { findAgreedPlan, settleActionsAtClosure, type AgreedPlan } from './plan-for-lifecycle';
export { decodeUpload } from './work-on-plan';
export { neutraliseFormula } from './service-catalogue.domain';
export { agreeDraft, type AgreeInput, type AgreementBy } from './agree-plan';
export {
  planForResident,
  draftForResident,
  offerDraftToResident,
  checkOfferedDraft,
  markOwnActionDone,
} from './plan-for-resident';
