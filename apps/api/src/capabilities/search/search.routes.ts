import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { globalSearchRequest, globalSearchResponse } from '@nabij/contracts';
import type { Deps } from '../../platform/deps';
import { accessContext, requirePermission } from '../access-control';
import { globalSearch } from './global-search';

export function registerSearchRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/search',
    {
      config: { policy: requirePermission('person:read', 'identity') },
      schema: { tags: ['Zoeken'], querystring: globalSearchRequest, response: { 200: globalSearchResponse } },
    },
    async (request) => globalSearch(deps, accessContext(request), request.query.q),
  );
}
