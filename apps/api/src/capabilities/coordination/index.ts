export { registerCoordinationRoutes } from './coordination.routes';
export { coordinationTimeline } from './coordination.timeline';
