import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  avgRequestList,
  avgRequestView,
  changeAvgStatusInput,
  correctionInput,
  erasureInput,
  erasurePreview,
  extendAvgRequestInput,
  idParams,
  INSPECTION_CATEGORIES,
  inspectionDecisionInput,
  personSearchResponse,
  privacyPersonLookup,
  registerAvgRequestInput,
  requestStatementInput,
  uuid,
} from '@nabij/contracts';
import type { Deps } from '../../platform/deps';
import { accessContext, requirePermission } from '../access-control';
import {
  addRequestStatement,
  changeRequestStatus,
  decideCategory,
  eraseOnRequest,
  exportInspectionCopy,
  extendRequest,
  listRequests,
  lookUpPersons,
  previewErasure,
  recordCorrection,
  registerRequest,
  viewRequest,
} from './requests';
import { contentDisposition } from '../../platform/http/content-disposition';

export function registerAvgRightsRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Privacy: AVG-verzoeken'];
  const officer = { policy: requirePermission('privacy:manage', 'identity') };
  const view = { 200: avgRequestView };

  r.get(
    '/api/avg/persons',
    { config: officer, schema: { tags, querystring: privacyPersonLookup, response: { 200: personSearchResponse } } },
    async (request) => lookUpPersons(deps, accessContext(request), request.query),
  );
  r.get(
    '/api/avg/requests',
    { config: officer, schema: { tags, response: { 200: avgRequestList } } },
    async (request) => listRequests(deps, accessContext(request)),
  );
  r.post(
    '/api/avg/requests',
    { config: officer, schema: { tags, body: registerAvgRequestInput, response: { 201: avgRequestView } } },
    async (request, reply) => reply.status(201).send(await registerRequest(deps, accessContext(request), request.body)),
  );
  r.get(
    '/api/avg/requests/:id',
    { config: officer, schema: { tags, params: idParams, response: view } },
    async (request) => viewRequest(deps, accessContext(request), request.params.id),
  );
  r.put(
    '/api/avg/requests/:id/status',
    { config: officer, schema: { tags, params: idParams, body: changeAvgStatusInput, response: view } },
    async (request) => changeRequestStatus(deps, accessContext(request), request.params.id, request.body),
  );
  r.post(
    '/api/avg/requests/:id/extension',
    { config: officer, schema: { tags, params: idParams, body: extendAvgRequestInput, response: view } },
    async (request) => extendRequest(deps, accessContext(request), request.params.id, request.body),
  );
  r.put(
    '/api/avg/requests/:id/decisions/:category',
    {
      config: officer,
      schema: {
        tags,
        params: z.object({ id: uuid, category: z.enum(INSPECTION_CATEGORIES) }),
        body: inspectionDecisionInput,
        response: view,
      },
    },
    async (request) =>
      decideCategory(deps, accessContext(request), request.params.id, request.params.category, request.body),
  );
  for (const format of ['pdf', 'json'] as const) {
    r.get(
      `/api/avg/requests/:id/copy.${format}`,
      { config: { policy: requirePermission('privacy:manage', 'case_file') }, schema: { tags, params: idParams } },
      async (request, reply) => {
        const file = await exportInspectionCopy(deps, accessContext(request), request.params.id, format);
        return reply
          .type(file.mediaType)
          .header('content-disposition', contentDisposition(file.filename))
          .send(file.content);
      },
    );
  }
  r.post(
    '/api/avg/requests/:id/corrections',
    { config: officer, schema: { tags, params: idParams, body: correctionInput, response: view } },
    async (request) => recordCorrection(deps, accessContext(request), request.params.id, request.body),
  );
  r.post(
    '/api/avg/requests/:id/statements',
    { config: officer, schema: { tags, params: idParams, body: requestStatementInput, response: view } },
    async (request) => addRequestStatement(deps, accessContext(request), request.params.id, request.body),
  );
  r.get(
    '/api/avg/requests/:id/erasure-preview',
    {
      config: { policy: requirePermission('privacy:manage', 'case_file') },
      schema: { tags, params: idParams, response: { 200: erasurePreview } },
    },
    async (request) => previewErasure(deps, accessContext(request), request.params.id),
  );
  r.post(
    '/api/avg/requests/:id/erasure',
    { config: officer, schema: { tags, params: idParams, body: erasureInput, response: view } },
    async (request) => eraseOnRequest(deps, accessContext(request), request.params.id, request.body),
  );
}
