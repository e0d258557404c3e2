import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { houseStyleView, publicHouseStyle, updateHouseStyleRequest } from '@nabij/contracts';
import { AppError } from '../../shared/app-error';
import type { Deps } from '../../platform/deps';
import { accessContext, publicRoute, requirePermission } from '../access-control';
import { changeHouseStyle, etagOf, logoOf, publicHouseStyleOf, themeCssOf, viewHouseStyle } from './house-style';

const slugParams = z.object({ tenantSlug: z.string().regex(/^[a-z0-9-]{2,50}$/) });

/**
 * Sends a cacheable public file: the browser keeps it and asks again with If-None-Match each time (no-cache), so a
 * changed house style shows on the next page load, and an unchanged one costs a 304 without a body.
 */
function sendCached(request: FastifyRequest, reply: FastifyReply, body: string | Buffer, contentType: string) {
  const etag = etagOf(body);
  reply.header('etag', etag).header('cache-control', 'no-cache').type(contentType);
  const asked = request.headers['if-none-match'];
  if (typeof asked === 'string' && asked.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag)) {
    return reply.status(304).send();
  }
  return reply.send(body);
}

/** The municipality's house style: the administrator's settings and the public stylesheet, logo and name (ADR 0054). */
export function registerHouseStyleRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const admin = { policy: requirePermission('user:admin', 'configuration') };
  const tags = ['Beheer'];

  r.get(
    '/api/admin/house-style',
    { config: admin, schema: { tags, response: { 200: houseStyleView } } },
    async (request) => viewHouseStyle(deps, accessContext(request)),
  );
  r.put(
    '/api/admin/house-style',
    { config: admin, schema: { tags, body: updateHouseStyleRequest, response: { 200: houseStyleView } } },
    async (request) => changeHouseStyle(deps, accessContext(request), request.body),
  );

  const open = (reason: string) => ({ policy: publicRoute(reason) });
  r.get(
    '/api/public/house-style/:tenantSlug',
    {
      config: open('every header (also of the public form and Mijn Nabij) shows the municipality; no personal data'),
      schema: { tags, params: slugParams, response: { 200: publicHouseStyle } },
    },
    async (request) => publicHouseStyleOf(deps, request.params.tenantSlug),
  );
  r.get(
    '/api/public/house-style/:tenantSlug/theme.css',
    {
      config: open('the municipality’s stylesheet, loaded before and after login; no personal data'),
      schema: { tags, params: slugParams },
    },
    async (request, reply) => {
      const css = await themeCssOf(deps, request.params.tenantSlug);
      if (css === undefined) throw new AppError('not_found');
      return sendCached(request, reply, css, 'text/css; charset=utf-8');
    },
  );
  r.get(
    '/api/public/house-style/:tenantSlug/logo',
    {
      config: open('the municipality’s logo in every header; no personal data'),
      schema: { tags, params: slugParams },
    },
    async (request, reply) => {
      const logo = await logoOf(deps, request.params.tenantSlug);
      if (!logo) throw new AppError('not_found');
      return sendCached(request, reply, logo.bytes, logo.contentType);
    },
  );
}
