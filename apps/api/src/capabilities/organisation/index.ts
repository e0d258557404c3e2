export { registerOrganisationRoutes } from './organisation.routes';
export { insertUser, replaceRolesAndTeams } from './organisation.store';
