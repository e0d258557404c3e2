export { registerAccessControl, registeredRoutes, accessContext, type SessionResolvers } from './access-control.hooks';
export {
  publicRoute,
  loginStep,
  authenticated,
  requirePermission,
  requireAnyPermission,
  grantsPolicy,
  residentRoute,
  isResidentApi,
  policyOf,
  type RoutePolicy,
} from './route-policy';
