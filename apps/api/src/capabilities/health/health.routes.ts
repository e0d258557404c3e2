import type { FastifyInstance } from 'fastify';
import { Gauge } from 'prom-client';
import type { Deps } from '../../platform/deps';
import type { Metrics } from '../../platform/metrics';
import { isDraining } from '../../platform/http/graceful-shutdown';
import { publicRoute } from '../access-control/route-policy';
import { unsealedStatus } from '../audit';

export function registerHealthRoutes(app: FastifyInstance, deps: Deps, metrics: Metrics): void {
  app.get(
    '/health/live',
    { config: { policy: publicRoute('liveness probe') }, schema: { tags: ['Beheer'] } },
    (_request, reply) => reply.send({ status: 'ok' }),
  );

  app.get(
    '/health/ready',
    { config: { policy: publicRoute('readiness probe') }, schema: { tags: ['Beheer'] } },
    async (_request, reply) => {
      // Shutting down: still serving, but a load balancer should send new requests elsewhere (docs/reliability.md §7).
      if (isDraining(app)) return reply.status(503).send({ status: 'draining' });
      const ready = await deps.db.isReady(2_000);
      return reply.status(ready ? 200 : 503).send({ status: ready ? 'ok' : 'database_unavailable' });
    },
  );

  // Access-log rows not sealed into the hash chain a minute after they were written (ADR 0045): the sealer is not
  // running, or a long writing transaction holds its horizon back. Read at scrape time; 0 when healthy.
  new Gauge({
    name: 'nabij_access_log_unsealed_stale_rows',
    help: 'Access-log rows older than a minute that are not sealed into the hash chain yet',
    registers: [metrics.registry],
    async collect() {
      // An unreachable database leaves the last value; /health/ready reports the outage.
      const status = await deps.db.inSystem((tx) => unsealedStatus(tx, null, deps.clock.now())).catch(() => null);
      if (status) this.set(status.stale);
    },
  });

  app.get(
    '/metrics',
    { config: { policy: publicRoute('Prometheus scrape; no personal data') }, schema: { tags: ['Beheer'] } },
    async (_request, reply) => reply.type(metrics.registry.contentType).send(await metrics.registry.metrics()),
  );
}
