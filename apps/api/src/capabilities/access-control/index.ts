export { registerAccessControl, registeredRoutes, accessContext } from './access-control.hooks';
export { publicRoute, loginStep, authenticated, requirePermission, policyOf, type RoutePolicy } from './route-policy';
