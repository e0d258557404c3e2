export { registerManagementInformationRoutes } from './mi.routes';
