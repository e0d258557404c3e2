export { registerCoordinationRoutes } from './coordination.routes';
export { coordinationTimeline } from './coordination.timeline';
export { closureReviewsOfCase, putClosureQuestionOnAgenda } from './case-review';
