export { registerMergeRoutes } from './merge.routes';
