import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../platform/deps';
import type { Metrics } from '../../platform/metrics';
import { isDraining } from '../../platform/http/graceful-shutdown';
import { publicRoute } from '../access-control/route-policy';

export function registerHealthRoutes(app: FastifyInstance, deps: Deps, metrics: Metrics): void {
  app.get('/health/live', { config: { policy: publicRoute('liveness probe') }, schema: { tags: ['Beheer'] } }, (_request, reply) => reply.send({ status: 'ok' }));

  app.get('/health/ready', { config: { policy: publicRoute('readiness probe') }, schema: { tags: ['Beheer'] } }, async (_request, reply) => {
    // Shutting down: still serving, but a load balancer should send new requests elsewhere (docs/reliability.md §7).
    if (isDraining(app)) return reply.status(503).send({ status: 'draining' });
    const ready = await deps.db.isReady(2_000);
    return reply.status(ready ? 200 : 503).send({ status: ready ? 'ok' : 'database_unavailable' });
  });

  app.get('/metrics', { config: { policy: publicRoute('Prometheus scrape; no personal data') }, schema: { tags: ['Beheer'] } }, async (_request, reply) =>
    reply.type(metrics.registry.contentType).send(await metrics.registry.metrics()),
  );
}
