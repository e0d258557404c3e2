export { registerManagementInformationRoutes } from './mi.routes';
export { refreshAllFacts } from './mi.facts';
