import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Fastify from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { DRAINING_HEADER, isDraining, registerGracefulShutdown, startDraining } from './graceful-shutdown';

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

const agents: http.Agent[] = [];
function keepAliveAgent() {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  agents.push(agent);
  return agent;
}
afterEach(() => {
  for (const a of agents.splice(0)) a.destroy();
});

function get(port: number, path: string, agent: http.Agent): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.get({ host: '127.0.0.1', port, path, agent }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
  });
}

/** A Fastify app as buildApp makes it (Fastify's own 503 off, the module registered first) with a slow route. */
async function start() {
  const app = Fastify({ return503OnClosing: false });
  registerGracefulShutdown(app);
  let handled = 0;
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  app.get('/slow', async () => {
    handled++;
    await released;
    return { done: 'slow' };
  });
  app.get('/fast', async () => {
    handled++;
    return { done: 'fast' };
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  return { app, port: (app.server.address() as AddressInfo).port, release, handled: () => handled };
}

describe('graceful shutdown of the HTTP server', () => {
  it('keeps serving while draining', async () => {
    const s = await start();
    expect(isDraining(s.app)).toBe(false);
    startDraining(s.app);
    expect(isDraining(s.app)).toBe(true);
    expect(await get(s.port, '/fast', keepAliveAgent())).toMatchObject({ status: 200, body: '{"done":"fast"}' });
    s.release();
    await s.app.close();
  });

  it('finishes the request in flight, closes idle keep-alive connections at once and refuses late requests before their handler', async () => {
    const s = await start();
    // An idle keep-alive connection (a balancer's pool) and one that carries a slow request when the close begins.
    const idleAgent = keepAliveAgent();
    expect((await get(s.port, '/fast', idleAgent)).status).toBe(200);
    const idleSocket = Object.values(idleAgent.freeSockets).flat()[0]!;
    const idleClosed = new Promise<void>((resolve) => idleSocket.once('close', () => resolve()));
    const slow = get(s.port, '/slow', keepAliveAgent());
    while (s.handled() < 2) await new Promise((r) => setTimeout(r, 5));

    const t0 = Date.now();
    const closed = s.app.close();
    await idleClosed; // closed by the server, not after the keep-alive timeout
    // A request that still reaches the app while it closes (here through a second server on its handler, as a
    // request on a connection that was open a moment earlier does) is refused, marked, and never handled.
    const side = http.createServer((req, res) => s.app.routing(req, res));
    await new Promise<void>((resolve) => side.listen(0, '127.0.0.1', resolve));
    const late = await get((side.address() as AddressInfo).port, '/fast', keepAliveAgent());
    side.close();
    expect(late.status).toBe(503);
    expect(late.headers[DRAINING_HEADER]).toBe('1');
    expect(late.headers.connection).toBe('close');
    expect(JSON.parse(late.body)).toMatchObject({
      code: 'shutting_down',
      message: expect.stringContaining('opnieuw gestart'),
    });
    expect(s.handled()).toBe(2);

    s.release();
    const answer = await slow;
    expect(answer).toMatchObject({ status: 200, body: '{"done":"slow"}' });
    // Its connection ends with the answer, so the close does not wait for the keep-alive timeout (72 s in Fastify).
    expect(answer.headers.connection).toBe('close');
    await closed;
    expect(Date.now() - t0).toBeLessThan(3_000);
  });
});
