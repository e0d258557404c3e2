import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { translate } from '@nabij/contracts';
import { AppError, statusOf, type ErrorCode } from '../../shared/app-error';
import { isConnectionError } from '../database/database';

function body(code: ErrorCode, extra?: Record<string, unknown>) {
  return { code, message: translate(`error.${code}`), ...extra };
}

/**
 * The one mapper from failures to HTTP answers: AppError codes, validation errors with Dutch field
 * messages, an unreachable database (503, fast), and everything else as a 500 that reveals nothing.
 */
export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | AppError | Error, request, reply) => {
    if (error instanceof AppError) return reply.status(error.status).send(body(error.code, error.extra));
    if (hasZodFastifySchemaValidationErrors(error)) {
      const fieldErrors: Record<string, string[]> = {};
      for (const v of error.validation) {
        const key = v.instancePath.replace(/^\//, '').replace(/\//g, '.') || '_';
        (fieldErrors[key] ??= []).push(v.message ?? translate('error.validation_failed'));
      }
      return reply.status(400).send(body('validation_failed', { fieldErrors }));
    }
    if (isConnectionError(error)) {
      request.log.warn({ errCode: (error as { code?: string }).code }, 'database unavailable');
      return reply.status(503).header('retry-after', '5').send(body('database_unavailable'));
    }
    const fastifyCode = (error as FastifyError).code;
    const statusCode = (error as FastifyError).statusCode;
    if (fastifyCode === 'FST_ERR_CTP_BODY_TOO_LARGE') return reply.status(413).send(body('payload_too_large'));
    if (fastifyCode === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return reply.status(415).send(body('unsupported_media_type'));
    if (statusCode === 429) return reply.status(429).send(body('rate_limited'));
    if (statusCode && statusCode >= 400 && statusCode < 500) return reply.status(400).send(body('validation_failed'));
    request.log.error({ err: error }, 'request failed');
    return reply.status(500).send(body('internal'));
  });
}

export { statusOf };
