import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { homeResponse } from '@nabij/contracts';
import type { Deps } from '../../platform/deps';
import { authenticated } from '../access-control/route-policy';
import { accessContext } from '../access-control';
import { listRecentPersons } from './list-recent-persons';

export function registerHomeRoutes(app: FastifyInstance, deps: Deps): void {
  app
    .withTypeProvider<ZodTypeProvider>()
    .get(
      '/api/home',
      { config: { policy: authenticated }, schema: { tags: ['Mijn werk'], response: { 200: homeResponse } } },
      async (request) => ({
        recentPersons: await listRecentPersons(deps, accessContext(request)),
      }),
    );
}
