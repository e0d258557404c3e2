export { registerAvgRightsRoutes } from './avg-rights.routes';
export { registerPortalInspectionRequest, inspectionRequestsOf } from './portal-requests';
