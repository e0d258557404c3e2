import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contactFilter, contactLog, contactView, idParams, logContactRequest, uuid } from '@nabij/contracts';
import type { Deps } from '../../platform/deps';
import { accessContext, requirePermission } from '../access-control';
import { downloadContactAttachment, logContact, viewContactLog } from './contact-log';
import { contentDisposition } from '../../platform/http/content-disposition';

export function registerContactLogRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Journaal'];
  const policy = { policy: requirePermission('case:read', 'contact_log') };

  r.get(
    '/api/cases/:id/contacts',
    { config: policy, schema: { tags, params: idParams, querystring: contactFilter, response: { 200: contactLog } } },
    async (request) => viewContactLog(deps, accessContext(request), request.params.id, request.query),
  );
  r.post(
    '/api/cases/:id/contacts',
    {
      config: policy,
      bodyLimit: 24 * 1024 * 1024,
      schema: { tags, params: idParams, body: logContactRequest, response: { 200: contactView, 201: contactView } },
    },
    async (request, reply) => {
      const result = await logContact(deps, accessContext(request), request.params.id, request.body);
      return reply.status(result.created ? 201 : 200).send(result.contact);
    },
  );
  r.get(
    '/api/cases/:id/contact-attachments/:attachmentId',
    { config: policy, schema: { tags, params: z.object({ id: uuid, attachmentId: uuid }) } },
    async (request, reply) => {
      const f = await downloadContactAttachment(
        deps,
        accessContext(request),
        request.params.id,
        request.params.attachmentId,
      );
      return reply.type(f.mediaType).header('content-disposition', contentDisposition(f.filename)).send(f.content);
    },
  );
}
