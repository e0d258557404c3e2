import type { FastifyInstance } from 'fastify';
import { Counter, collectDefaultMetrics, Histogram, Registry } from 'prom-client';

/** Prometheus metrics: process defaults plus request counts and durations per route (never per URL). */
export function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'nabij_' });
  const duration = new Histogram({
    name: 'nabij_http_request_duration_seconds',
    help: 'Duration of HTTP requests',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  const dbUnavailable = new Counter({
    name: 'nabij_database_unavailable_total',
    help: 'Requests answered 503 because the database could not be reached',
    registers: [registry],
  });
  return {
    registry,
    instrument(app: FastifyInstance) {
      app.addHook('onResponse', async (request, reply) => {
        const route = request.routeOptions.url ?? 'unmatched';
        duration.observe({ method: request.method, route, status: String(reply.statusCode) }, reply.elapsedTime / 1000);
        if (reply.statusCode === 503) dbUnavailable.inc();
      });
    },
  };
}
export type Metrics = ReturnType<typeof createMetrics>;
