import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  dashboardQuery,
  dashboardView,
  qualityAssessmentInput,
  qualityAssessmentView,
  qualityMirrorQuery,
  qualityMirrorView,
} from '@nabij/contracts';
import type { Deps } from '../../platform/deps';
import { accessContext, authenticated } from '../access-control';
import { saveQualityAssessment, viewQualityMirror } from './quality-mirror';
import { exportDashboard, viewDashboard, type ExportFormat } from './view-dashboard';
import { contentDisposition } from '../../platform/http/content-disposition';

export function registerManagementInformationRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Sturingsinformatie'];
  // Two permissions open these routes: dashboard:read_team (the coordinator, own teams) and dashboard:read_all (the
  // policy advisor, every team). The use cases check them and the filters, and log every view, export and refusal.
  const either = { policy: authenticated };

  r.get(
    '/api/management-information/dashboard',
    { config: either, schema: { tags, querystring: dashboardQuery, response: { 200: dashboardView } } },
    async (request) => viewDashboard(deps, accessContext(request), request.query),
  );
  const download = (path: string, format: ExportFormat, disposition: 'attachment' | 'inline') =>
    r.get(path, { config: either, schema: { tags, querystring: dashboardQuery } }, async (request, reply) => {
      const file = await exportDashboard(deps, accessContext(request), request.query, format);
      return reply
        .type(file.contentType)
        .header('content-disposition', contentDisposition(file.filename, disposition))
        .send(file.body);
    });
  download('/api/management-information/dashboard/export.csv', 'csv', 'attachment');
  download('/api/management-information/dashboard/export.xlsx', 'xlsx', 'attachment');
  download('/api/management-information/dashboard/report.pdf', 'pdf', 'inline');

  r.get(
    '/api/management-information/quality-mirror',
    { config: either, schema: { tags, querystring: qualityMirrorQuery, response: { 200: qualityMirrorView } } },
    async (request) => viewQualityMirror(deps, accessContext(request), request.query),
  );
  r.put(
    '/api/management-information/quality-mirror/assessment',
    { config: either, schema: { tags, body: qualityAssessmentInput, response: { 200: qualityAssessmentView } } },
    async (request) => saveQualityAssessment(deps, accessContext(request), request.body),
  );
}
