export { registerPersonRoutes } from './persons.routes';
export { fullName } from './persons.domain';
export { toSummary } from './persons.views';
