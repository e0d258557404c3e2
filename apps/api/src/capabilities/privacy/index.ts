export { registerPrivacyRoutes } from './privacy.routes';
export { findLogRows, type LogRow } from './privacy.store';
export { roleLabel } from './access-log-viewer';
