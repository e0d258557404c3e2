import type { FastifyInstance } from 'fastify';
import { translate } from '@nabij/contracts';

/**
 * Graceful shutdown of the HTTP side (docs/reliability.md §7).
 *
 * 1. **Draining** (`startDraining`): `/health/ready` answers 503 `draining`, so a load balancer takes the
 *    instance out of rotation; every request is still served as usual.
 * 2. **Closing** (`app.close()`): the port stops accepting connections, idle keep-alive connections are closed,
 *    requests in flight finish and their answers carry `Connection: close`. A request that still arrives on an
 *    open connection is refused with 503 `shutting_down` and the header `x-nabij-draining: 1` *before* any
 *    of its hooks or its handler run (Fastify's own `return503OnClosing` is switched off in favour of this
 *    answer, which says unambiguously that nothing was done), so a balancer may safely send it elsewhere.
 */
export const DRAINING_HEADER = 'x-nabij-draining';

interface ShutdownState {
  draining: boolean;
  closing: boolean;
}

const states = new WeakMap<FastifyInstance, ShutdownState>();

/** Register first, before every other hook, so the refusal precedes any other work on the request. */
export function registerGracefulShutdown(app: FastifyInstance): void {
  const state: ShutdownState = { draining: false, closing: false };
  states.set(app, state);
  app.addHook('preClose', (done) => {
    state.closing = true;
    done();
  });
  app.addHook('onRequest', (_request, reply, done) => {
    if (!state.closing) return done();
    void reply
      .status(503)
      .header(DRAINING_HEADER, '1')
      .header('connection', 'close')
      .header('retry-after', '1')
      .send({ code: 'shutting_down', message: translate('error.shutting_down') });
  });
  app.addHook('onSend', async (_request, reply) => {
    // An answer finished while closing ends its connection, so the close does not wait for keep-alive timeouts.
    if (state.closing) reply.header('connection', 'close');
  });
}

/** Marks the instance not ready (`/health/ready` → 503 `draining`) while it keeps serving. */
export function startDraining(app: FastifyInstance): void {
  const state = states.get(app);
  if (state) state.draining = true;
}

export function isDraining(app: FastifyInstance): boolean {
  return states.get(app)?.draining ?? false;
}
