import type { FastifyRequest } from 'fastify';

/**
 * Logs carry ids, never personal data: the query string (which may hold a name) is dropped from URLs,
 * and database error details (which quote row values) are left out.
 */
export const logSerializers = {
  req(request: FastifyRequest) {
    return { method: request.method, url: request.url.split('?')[0], remoteAddress: request.ip };
  },
  err(err: Error & { code?: string; constraint?: string }) {
    return { type: err.name, message: err.message, code: err.code, constraint: err.constraint, stack: err.stack };
  },
};
