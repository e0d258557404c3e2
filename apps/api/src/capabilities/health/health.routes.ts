import type { FastifyInstance } from 'fastify';
import { Gauge } from 'prom-client';
import type { Deps } from '../../platform/deps';
import type { Metrics } from '../../platform/metrics';
import { isDraining } from '../../platform/http/graceful-shutdown';
import { publicRoute } from '../access-control/route-policy';
import { jobQueueCounts } from '../../platform/jobs';
import { unsealedStatus, type UnsealedStatus } from '../audit';

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

  // Access-log rows not sealed into the hash chain yet (ADR 0045): normally a few, for seconds. Stale ones (older than a
  // minute) mean the sealer is not running, or a long writing transaction holds its horizon back; 0 when healthy. Read
  // once per scrape for the three gauges (the scrape below forgets the last reading first); an unreachable database
  // leaves the last values (/health/ready reports it).
  let sealing: Promise<UnsealedStatus | null> | undefined;
  const sealingStatus = () =>
    (sealing ??= deps.db.inSystem((tx) => unsealedStatus(tx, null, deps.clock.now())).catch(() => null));
  new Gauge({
    name: 'nabij_access_log_unsealed_stale_rows',
    help: 'Access-log rows older than a minute that are not sealed into the hash chain yet',
    registers: [metrics.registry],
    async collect() {
      const status = await sealingStatus();
      if (status) this.set(status.stale);
    },
  });
  new Gauge({
    name: 'nabij_access_log_unsealed_rows',
    help: 'Access-log rows not sealed into the hash chain yet (all municipalities)',
    registers: [metrics.registry],
    async collect() {
      const status = await sealingStatus();
      if (status) this.set(status.unsealed);
    },
  });
  new Gauge({
    name: 'nabij_access_log_oldest_unsealed_age_seconds',
    help: 'Age of the oldest access-log row not sealed yet (0 when all are sealed)',
    registers: [metrics.registry],
    async collect() {
      const status = await sealingStatus();
      if (status)
        this.set(status.oldestAt ? Math.max(0, (deps.clock.now().getTime() - status.oldestAt.getTime()) / 1000) : 0);
    },
  });

  // The job queue (pg-boss) by queue and state: created + retry is the depth, failed the jobs that failed after their
  // retries and are kept for the administrator (/api/admin/jobs/failed). Shared by every instance.
  new Gauge({
    name: 'nabij_job_queue_jobs',
    help: 'Jobs in the job queue by queue and state (created and retry: waiting; active; failed after all retries; completed)',
    labelNames: ['queue', 'state'] as const,
    registers: [metrics.registry],
    async collect() {
      const counts = await jobQueueCounts((text) => deps.db.pool.query(text)).catch(() => null);
      if (!counts) return;
      this.reset();
      for (const c of counts) this.set({ queue: c.queue, state: c.state }, c.count);
    },
  });

  app.get(
    '/metrics',
    { config: { policy: publicRoute('Prometheus scrape; no personal data') }, schema: { tags: ['Beheer'] } },
    async (_request, reply) => {
      sealing = undefined; // one reading of the access log's sealing per scrape, shared by its three gauges
      return reply.type(metrics.registry.contentType).send(await metrics.registry.metrics());
    },
  );
}
