export { registerAccessControl, registeredRoutes, accessContext } from './access-control.hooks';
export { publicRoute, loginStep, authenticated, requirePermission, residentRoute, isResidentApi, policyOf, type RoutePolicy } from './route-policy';
