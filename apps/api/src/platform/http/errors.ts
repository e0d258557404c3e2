import type { Socket } from 'node:net';
import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { translate } from '@nabij/contracts';
import { AppError, statusOf, type ErrorCode } from '../../shared/app-error';
import { isConnectionError } from '../database/database';

/** PostgreSQL errors that mean "someone else changed this at the same moment": unique violation, serialization failure, deadlock. */
const CONCURRENCY_CODES = new Set(['23505', '40001', '40P01']);

function body(code: ErrorCode, extra?: Record<string, unknown>) {
  return { code, message: translate(`error.${code}`), ...extra };
}

/**
 * The one mapper from failures to HTTP answers: AppError codes, validation errors with Dutch field
 * messages, an unreachable database (503, fast), and everything else as a 500 that reveals nothing.
 */
export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | AppError | Error, request, replyToUse) => {
    // An error answer is always our own `{ code, message }`: never put through the route's response schemas, whose
    // mismatch would otherwise make Fastify answer in English with its own shape (issue #21 item 14).
    const reply = asPlainJson(replyToUse);
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
    const pgCode = (error as { code?: unknown }).code;
    if (typeof pgCode === 'string' && /^22[0-9A-Z]{3}$/.test(pgCode)) {
      // A data exception (bad encoding, out-of-range number, …): input the validation did not catch.
      request.log.warn({ errCode: pgCode }, 'input refused by the database');
      return reply.status(400).send(body('validation_failed'));
    }
    if (pgCode === '23505' && (error as { constraint?: unknown }).constraint === 'person_bsn_idx') {
      // Two registrations of the same BSN at the same moment: the loser is told the BSN is known now.
      return reply.status(409).send(body('bsn_exists'));
    }
    if (typeof pgCode === 'string' && CONCURRENCY_CODES.has(pgCode)) {
      // Two requests raced for the same row (unique key, serialization, deadlock): the loser may try again.
      request.log.warn({ errCode: pgCode }, 'concurrent change refused');
      return reply.status(409).send(body('version_conflict'));
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

function asPlainJson(reply: FastifyReply): FastifyReply {
  return reply.serializer((payload: unknown) => JSON.stringify(payload)).type('application/json; charset=utf-8');
}

/**
 * Answers what Node's HTTP parser refuses before Fastify sees a request — header fields too large (431), a request
 * that took too long (408), or one that cannot be parsed (400) — in the same Dutch `{ code, message }` as every other
 * error (Fastify's `clientErrorHandler`; its default answers in English). The socket is closed afterwards.
 */
export function clientErrorHandler(err: Error & { code?: string }, socket: Socket): void {
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  const code: ErrorCode =
    err.code === 'HPE_HEADER_OVERFLOW'
      ? 'request_header_too_large'
      : err.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? 'request_timeout'
        : 'bad_request';
  const status = statusOf(code);
  const json = JSON.stringify(body(code));
  const reason = { 431: 'Request Header Fields Too Large', 408: 'Request Timeout' }[status] ?? 'Bad Request';
  if (socket.writable)
    socket.write(
      `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(json)}\r\nCache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\n` +
        `Connection: close\r\n\r\n${json}`,
    );
  socket.destroy();
}
