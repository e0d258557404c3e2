import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  actionProgressInput,
  agreePlanInput,
  coordinationInput,
  idParams,
  PLAN_DOMAINS,
  planActionInput,
  planGoalInput,
  planPageView,
  planPartyInput,
  planVersionView,
  residentPlanInput,
  revisePlanInput,
  serviceCatalogueImport,
  serviceInput,
  serviceSuggestions,
  serviceUpdateInput,
  serviceView,
  startPlanInput,
  uuid,
} from '@nabij/contracts';
import type { Deps } from '../../platform/deps';
import { accessContext, requireAnyPermission, requirePermission } from '../access-control';
import { agreePlan, downloadPlanFile, printPlan, revisePlan } from './agree-plan';
import { addService, changeService, exportServices, importServices, listServices } from './manage-service-catalogue';
import {
  addAction,
  addGoal,
  addParty,
  attachResidentPlan,
  changeAction,
  changeGoal,
  recordActionProgress,
  removeAction,
  removeGoal,
  removeParty,
  setCoordination,
  startPlan,
  suggestServices,
  viewPlan,
  viewPlanVersion,
} from './work-on-plan';
import { contentDisposition } from '../../platform/http/content-disposition';
import { CSV_CONTENT_TYPE } from '../../platform/csv';

const UPLOAD_LIMIT = 8 * 1024 * 1024;

export function registerPlanRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Plan'];
  // Record-level rules (worker, tandem, coordinator, behavioural scientist of the case) are checked by withCase.
  const read = { policy: requirePermission('case:read', 'plan') };
  // The plan itself (current, a version, the PDF) is also read by the process coordinator linked to the case (ADR 0033).
  const readLinked = { policy: requireAnyPermission(['case:read', 'case:read_linked'], 'plan') };
  const admin = { policy: requirePermission('user:admin', 'configuration') };
  const page = { 200: planPageView };
  const withVersion = z.object({ version: z.coerce.number().int().min(1) });
  const goalParams = z.object({ id: uuid, goalId: uuid });
  const actionParams = z.object({ id: uuid, actionId: uuid });
  const partyParams = z.object({ id: uuid, partyId: uuid });

  r.get(
    '/api/cases/:id/plan',
    { config: readLinked, schema: { tags, params: idParams, response: page } },
    async (request) => viewPlan(deps, accessContext(request), request.params.id),
  );
  r.post(
    '/api/cases/:id/plan',
    { config: read, schema: { tags, params: idParams, body: startPlanInput, response: { 201: planPageView } } },
    async (request, reply) =>
      reply.status(201).send(await startPlan(deps, accessContext(request), request.params.id, request.body)),
  );
  r.get(
    '/api/cases/:id/plan/versions/:number',
    {
      config: readLinked,
      schema: {
        tags,
        params: z.object({ id: uuid, number: z.coerce.number().int().min(1) }),
        response: { 200: planVersionView },
      },
    },
    async (request) => viewPlanVersion(deps, accessContext(request), request.params.id, request.params.number),
  );
  r.get(
    '/api/cases/:id/plan/document.pdf',
    {
      config: readLinked,
      schema: { tags, params: idParams, querystring: z.object({ version: z.coerce.number().int().min(1).optional() }) },
    },
    async (request, reply) => {
      const { filename, pdf } = await printPlan(deps, accessContext(request), request.params.id, request.query.version);
      return reply
        .type('application/pdf')
        .header('content-disposition', contentDisposition(filename, 'inline'))
        .send(pdf);
    },
  );
  r.get(
    '/api/cases/:id/plan/files/:fileId',
    { config: read, schema: { tags, params: z.object({ id: uuid, fileId: uuid }) } },
    async (request, reply) => {
      const f = await downloadPlanFile(deps, accessContext(request), request.params.id, request.params.fileId);
      return reply.type(f.mediaType).header('content-disposition', contentDisposition(f.filename)).send(f.content);
    },
  );
  r.get(
    '/api/cases/:id/plan/suggestions',
    {
      config: read,
      schema: {
        tags,
        params: idParams,
        querystring: z.object({ domain: z.enum(PLAN_DOMAINS) }),
        response: { 200: serviceSuggestions },
      },
    },
    async (request) => suggestServices(deps, accessContext(request), request.params.id, request.query.domain),
  );

  r.post(
    '/api/cases/:id/plan/goals',
    { config: read, schema: { tags, params: idParams, body: planGoalInput, response: page } },
    async (request) => addGoal(deps, accessContext(request), request.params.id, request.body),
  );
  r.put(
    '/api/cases/:id/plan/goals/:goalId',
    { config: read, schema: { tags, params: goalParams, body: planGoalInput, response: page } },
    async (request) => changeGoal(deps, accessContext(request), request.params.id, request.params.goalId, request.body),
  );
  r.delete(
    '/api/cases/:id/plan/goals/:goalId',
    { config: read, schema: { tags, params: goalParams, querystring: withVersion, response: page } },
    async (request) =>
      removeGoal(deps, accessContext(request), request.params.id, request.params.goalId, request.query.version),
  );
  r.post(
    '/api/cases/:id/plan/goals/:goalId/actions',
    { config: read, schema: { tags, params: goalParams, body: planActionInput, response: page } },
    async (request) => addAction(deps, accessContext(request), request.params.id, request.params.goalId, request.body),
  );
  r.put(
    '/api/cases/:id/plan/actions/:actionId',
    { config: read, schema: { tags, params: actionParams, body: planActionInput, response: page } },
    async (request) =>
      changeAction(deps, accessContext(request), request.params.id, request.params.actionId, request.body),
  );
  r.delete(
    '/api/cases/:id/plan/actions/:actionId',
    { config: read, schema: { tags, params: actionParams, querystring: withVersion, response: page } },
    async (request) =>
      removeAction(deps, accessContext(request), request.params.id, request.params.actionId, request.query.version),
  );
  r.post(
    '/api/cases/:id/plan/actions/:actionId/progress',
    { config: read, schema: { tags, params: actionParams, body: actionProgressInput, response: page } },
    async (request) =>
      recordActionProgress(deps, accessContext(request), request.params.id, request.params.actionId, request.body),
  );
  r.put(
    '/api/cases/:id/plan/coordination',
    { config: read, schema: { tags, params: idParams, body: coordinationInput, response: page } },
    async (request) => setCoordination(deps, accessContext(request), request.params.id, request.body),
  );
  r.post(
    '/api/cases/:id/plan/parties',
    { config: read, schema: { tags, params: idParams, body: planPartyInput, response: page } },
    async (request) => addParty(deps, accessContext(request), request.params.id, request.body),
  );
  r.delete(
    '/api/cases/:id/plan/parties/:partyId',
    { config: read, schema: { tags, params: partyParams, querystring: withVersion, response: page } },
    async (request) =>
      removeParty(deps, accessContext(request), request.params.id, request.params.partyId, request.query.version),
  );
  r.put(
    '/api/cases/:id/plan/resident-plan',
    {
      config: read,
      bodyLimit: UPLOAD_LIMIT,
      schema: { tags, params: idParams, body: residentPlanInput, response: page },
    },
    async (request) => attachResidentPlan(deps, accessContext(request), request.params.id, request.body),
  );
  r.post(
    '/api/cases/:id/plan/agreement',
    { config: read, bodyLimit: UPLOAD_LIMIT, schema: { tags, params: idParams, body: agreePlanInput, response: page } },
    async (request) => agreePlan(deps, accessContext(request), request.params.id, request.body),
  );
  r.post(
    '/api/cases/:id/plan/revisions',
    { config: read, schema: { tags, params: idParams, body: revisePlanInput, response: { 201: planPageView } } },
    async (request, reply) =>
      reply.status(201).send(await revisePlan(deps, accessContext(request), request.params.id, request.body)),
  );

  // ---- service catalogue (sociale kaart), functional administrator ----
  r.get(
    '/api/admin/services',
    { config: admin, schema: { tags, response: { 200: z.object({ services: z.array(serviceView) }) } } },
    async (request) => listServices(deps, accessContext(request)),
  );
  r.post(
    '/api/admin/services',
    { config: admin, schema: { tags, body: serviceInput, response: { 201: serviceView } } },
    async (request, reply) => reply.status(201).send(await addService(deps, accessContext(request), request.body)),
  );
  r.put(
    '/api/admin/services/:id',
    { config: admin, schema: { tags, params: idParams, body: serviceUpdateInput, response: { 200: serviceView } } },
    async (request) => changeService(deps, accessContext(request), request.params.id, request.body),
  );
  r.get('/api/admin/services/export.csv', { config: admin, schema: { tags } }, async (request, reply) => {
    const csv = await exportServices(deps, accessContext(request));
    return reply
      .type(CSV_CONTENT_TYPE)
      .header('content-disposition', contentDisposition('sociale-kaart.csv'))
      .send(csv);
  });
  r.post(
    '/api/admin/services/import',
    {
      config: admin,
      bodyLimit: 2 * 1024 * 1024,
      schema: {
        tags,
        body: serviceCatalogueImport,
        response: { 200: z.object({ added: z.number(), updated: z.number() }) },
      },
    },
    async (request) => importServices(deps, accessContext(request), request.body.csv),
  );
}
