export { registerResidentRoutes } from './resident.routes';
export { resolveResidentSession, readResidentToken, type ResidentSessionRow } from './resident-session';
export { portalAccountOf } from './portal-letters';
