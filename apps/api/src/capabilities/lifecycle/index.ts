export { registerLifecycleRoutes } from './lifecycle.routes';
export { portalLettersOf, portalLetterPdf } from './closure-letters';
export { latestClosuresOf } from './course-view';
