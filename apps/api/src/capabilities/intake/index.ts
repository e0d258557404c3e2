export { registerIntakeRoutes } from './intake.routes';
export { sniffAttachment } from './intake.domain';
export { templateFor as letterTemplateFor, fillTemplate, type CaseLetterTemplateKind } from './letters';
export { canSeeReferral } from './intake.policy';
export { setClosureLookup, type ClosureLookup, type ClosureSummary } from './closure-source';
