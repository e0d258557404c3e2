import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  createUserRequest,
  idParams,
  publicOrganisationInfo,
  publicOrganisationQuery,
  teamSettings,
  updateExpertiseRequest,
  teamView,
  updateTeamSettingsRequest,
  userView,
  userWithTemporaryPassword,
} from '@nabij/contracts';
import type { Deps } from '../../platform/deps';
import { accessContext, publicRoute, requirePermission } from '../access-control';
import { changeExpertise, createAccount, listAccounts, resetAccount, setAccountActive } from './manage-users';
import { publicOrganisation } from './public-organisation';
import { changeTeamSettings, listTeamSettings } from './team-settings';
import { registerHouseStyleRoutes } from './house-style.routes';

export function registerOrganisationRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const config = { policy: requirePermission('user:admin', 'account') };
  const tags = ['Beheer'];

  // The public pages every footer links to (accessibility and privacy statements, contact): no login.
  r.get(
    '/api/public/organisation',
    {
      config: { policy: publicRoute('the public statements and contact page name the municipality and its teams') },
      schema: { tags, querystring: publicOrganisationQuery, response: { 200: publicOrganisationInfo } },
    },
    async (request) => publicOrganisation(deps, request.query.gemeente),
  );
  r.get(
    '/api/admin/users',
    { config, schema: { tags, response: { 200: z.object({ users: z.array(userView), teams: z.array(teamView) }) } } },
    async (request) => listAccounts(deps, accessContext(request)),
  );
  r.post(
    '/api/admin/users',
    { config, schema: { tags, body: createUserRequest, response: { 200: userWithTemporaryPassword } } },
    async (request) => createAccount(deps, accessContext(request), request.body),
  );
  r.post(
    '/api/admin/users/:id/deactivate',
    { config, schema: { tags, params: idParams, response: { 200: userView } } },
    async (request) => setAccountActive(deps, accessContext(request), request.params.id, false),
  );
  r.post(
    '/api/admin/users/:id/activate',
    { config, schema: { tags, params: idParams, response: { 200: userView } } },
    async (request) => setAccountActive(deps, accessContext(request), request.params.id, true),
  );
  r.post(
    '/api/admin/users/:id/reset',
    { config, schema: { tags, params: idParams, response: { 200: userWithTemporaryPassword } } },
    async (request) => resetAccount(deps, accessContext(request), request.params.id),
  );
  r.put(
    '/api/admin/users/:id/expertise',
    { config, schema: { tags, params: idParams, body: updateExpertiseRequest, response: { 200: userView } } },
    async (request) =>
      changeExpertise(deps, accessContext(request), request.params.id, request.body.expertise, request.body.version),
  );
  r.get(
    '/api/admin/teams',
    { config, schema: { tags, response: { 200: z.object({ teams: z.array(teamSettings) }) } } },
    async (request) => listTeamSettings(deps, accessContext(request)),
  );
  r.put(
    '/api/admin/teams/:id',
    { config, schema: { tags, params: idParams, body: updateTeamSettingsRequest, response: { 200: teamSettings } } },
    async (request) => changeTeamSettings(deps, accessContext(request), request.params.id, request.body),
  );
  registerHouseStyleRoutes(app, deps);
}
