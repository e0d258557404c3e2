import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { myCases } from '@nabij/contracts';
import type { Deps } from '../../platform/deps';
import { accessContext, requirePermission } from '../access-control';
import { findMyCases } from './list-my-cases';

export function registerCaseFileRoutes(app: FastifyInstance, deps: Deps): void {
  app
    .withTypeProvider<ZodTypeProvider>()
    .get('/api/cases/mine', { config: { policy: requirePermission('case:read_own', 'case_file') }, schema: { tags: ['Dossiers'], response: { 200: myCases } } }, async (request) =>
      findMyCases(deps, accessContext(request)),
    );
}
