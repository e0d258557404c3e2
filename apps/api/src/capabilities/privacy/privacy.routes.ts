import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  accessLogFilterOptions as filterOptionsView,
  accessLogPage,
  accessLogQuery,
  chainVerification,
  clientSearchQuery,
  clientSearchResponse,
  emergencyAccessGrant,
  emergencyAccessInput,
  emergencyOverview as emergencyOverviewView,
  emergencyOverviewQuery,
  idParams,
  myEmergencyAccess as myEmergencyAccessView,
  personAccessOverview as personAccessOverviewView,
  personAccessOverviewQuery,
  reviewEmergencyAccessInput,
} from '@nabij/contracts';
import type { Deps } from '../../platform/deps';
import { accessContext, requirePermission } from '../access-control';
import { endEmergencyAccess, myEmergencyAccess, startEmergencyAccess } from '../case-files';
import {
  accessLogFilterOptions,
  exportAccessLog,
  listAccessLog,
  personAccessOverview,
  requireSecondFactor,
  searchClients,
  verifyIntegrity,
} from './access-log-viewer';
import { emergencyOverview, reviewEmergencyAccess } from './emergency-overview';
import { usedSecondFactor } from './privacy.policy';
import { contentDisposition } from '../../platform/http/content-disposition';
import { CSV_CONTENT_TYPE } from '../../platform/csv';

export function registerPrivacyRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Privacy'];
  const log = { policy: requirePermission('access_log:read', 'access_log') };
  // Emergency access is for users who may read cases in general; the relation check is in withCase.
  const caseRead = { policy: requirePermission('case:read', 'case_file') };

  /** Every page of the privacy officer needs a session confirmed with a second factor; a refusal is logged. */
  const officer = async (request: FastifyRequest, what: string) => {
    const ctx = accessContext(request);
    await requireSecondFactor(deps, ctx, usedSecondFactor(request.session, deps.config), what);
    return ctx;
  };

  r.get(
    '/api/privacy/access-log',
    { config: log, schema: { tags, querystring: accessLogQuery, response: { 200: accessLogPage } } },
    async (request) => {
      const { page, emergency, ...q } = request.query;
      return listAccessLog(deps, await officer(request, 'view'), { ...q, emergency: emergency === 'true' }, page);
    },
  );
  r.get(
    '/api/privacy/access-log/export.csv',
    { config: log, schema: { tags, querystring: accessLogQuery } },
    async (request, reply) => {
      const { page: _page, emergency, ...q } = request.query;
      const { filename, csv } = await exportAccessLog(deps, await officer(request, 'export'), {
        ...q,
        emergency: emergency === 'true',
      });
      return reply.type(CSV_CONTENT_TYPE).header('content-disposition', contentDisposition(filename)).send(csv);
    },
  );
  r.get(
    '/api/privacy/access-log/filters',
    { config: log, schema: { tags, response: { 200: filterOptionsView } } },
    async (request) => accessLogFilterOptions(deps, await officer(request, 'filters')),
  );
  r.post(
    '/api/privacy/access-log/verify',
    { config: log, schema: { tags, response: { 200: chainVerification } } },
    async (request) => verifyIntegrity(deps, await officer(request, 'verify')),
  );
  r.get(
    '/api/privacy/clients',
    { config: log, schema: { tags, querystring: clientSearchQuery, response: { 200: clientSearchResponse } } },
    async (request) => searchClients(deps, await officer(request, 'client_search'), request.query),
  );
  r.get(
    '/api/privacy/clients/:id/overview',
    {
      config: log,
      schema: {
        tags,
        params: idParams,
        querystring: personAccessOverviewQuery,
        response: { 200: personAccessOverviewView },
      },
    },
    async (request) =>
      personAccessOverview(deps, await officer(request, 'person_overview'), request.params.id, request.query),
  );
  r.get(
    '/api/privacy/emergency-accesses',
    { config: log, schema: { tags, querystring: emergencyOverviewQuery, response: { 200: emergencyOverviewView } } },
    async (request) => emergencyOverview(deps, await officer(request, 'emergency_overview'), request.query.datum),
  );
  r.put(
    '/api/privacy/emergency-accesses/:id/review',
    {
      config: log,
      schema: { tags, params: idParams, body: reviewEmergencyAccessInput, response: { 200: emergencyOverviewView } },
    },
    async (request) =>
      reviewEmergencyAccess(deps, await officer(request, 'emergency_review'), request.params.id, request.body),
  );

  // ---- emergency access to a case ("break the glass") ----
  r.get(
    '/api/cases/:id/emergency-access',
    { config: caseRead, schema: { tags, params: idParams, response: { 200: myEmergencyAccessView } } },
    async (request) => myEmergencyAccess(deps, accessContext(request), request.params.id),
  );
  r.post(
    '/api/cases/:id/emergency-access',
    {
      config: caseRead,
      schema: { tags, params: idParams, body: emergencyAccessInput, response: { 201: emergencyAccessGrant } },
    },
    async (request, reply) =>
      reply.status(201).send(await startEmergencyAccess(deps, accessContext(request), request.params.id, request.body)),
  );
  r.post(
    '/api/cases/:id/emergency-access/end',
    { config: caseRead, schema: { tags, params: idParams, response: { 200: myEmergencyAccessView } } },
    async (request) => endEmergencyAccess(deps, accessContext(request), request.params.id),
  );
}
