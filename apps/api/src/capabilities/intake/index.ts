export { registerIntakeRoutes } from './intake.routes';
