import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  idParams,
  mergeAdminList,
  mergeCandidatesResponse,
  mergePersonsRequest,
  mergePreview,
  mergePreviewRequest,
  mergeResult,
  personMergesResponse,
  undoMergeRequest,
  undoMergeResult,
} from '@nabij/contracts';
import type { Deps } from '../../platform/deps';
import { accessContext, requirePermission } from '../access-control';
import { listMerges, mergeCandidates, mergePersons, mergesOfPerson, previewMerge, undoMerge } from './merge-persons';

/** Merging two person records and undoing it (ADR 0031). */
export function registerMergeRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const read = { policy: requirePermission('person:read', 'identity') };
  const merge = { policy: requirePermission('person:write', 'identity') };
  const admin = { policy: requirePermission('user:admin', 'identity') };
  const tags = ['Personen samenvoegen'];

  r.get(
    '/api/persons/:id/merge-candidates',
    { config: merge, schema: { tags, params: idParams, response: { 200: mergeCandidatesResponse } } },
    async (request) => mergeCandidates(deps, accessContext(request), request.params.id),
  );
  r.post(
    '/api/persons/:id/merge-preview',
    { config: merge, schema: { tags, params: idParams, body: mergePreviewRequest, response: { 200: mergePreview } } },
    async (request) => previewMerge(deps, accessContext(request), request.params.id, request.body.otherId),
  );
  r.post(
    '/api/persons/:id/merge',
    { config: merge, schema: { tags, params: idParams, body: mergePersonsRequest, response: { 200: mergeResult } } },
    async (request) => mergePersons(deps, accessContext(request), request.params.id, request.body),
  );
  r.get(
    '/api/persons/:id/merges',
    { config: read, schema: { tags, params: idParams, response: { 200: personMergesResponse } } },
    async (request) => mergesOfPerson(deps, accessContext(request), request.params.id),
  );
  r.get('/api/person-merges', { config: admin, schema: { tags, response: { 200: mergeAdminList } } }, async (request) =>
    listMerges(deps, accessContext(request)),
  );
  r.post(
    '/api/person-merges/:id/undo',
    { config: admin, schema: { tags, params: idParams, body: undoMergeRequest, response: { 200: undoMergeResult } } },
    async (request) => undoMerge(deps, accessContext(request), request.params.id, request.body),
  );
}
