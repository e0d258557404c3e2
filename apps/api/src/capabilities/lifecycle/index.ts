export { registerLifecycleRoutes } from './lifecycle.routes';
