export { registerIntakeRoutes } from './intake.routes';
export { sniffAttachment } from './intake.domain';
