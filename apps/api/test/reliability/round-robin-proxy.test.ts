import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { startRoundRobinProxy, type RoundRobinProxy } from '../../../../bench/round-robin-proxy';

/** A fake instance: `/health/ready` as set; other requests answered by `answer` (default: an echo). */
async function upstream(
  name: string,
  answer?: (req: http.IncomingMessage, res: http.ServerResponse, body: string) => void,
) {
  const state = { ready: true, handled: 0 };
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      if (req.url === '/health/ready') return res.writeHead(state.ready ? 200 : 503).end();
      state.handled++;
      if (answer) return answer(req, res, body);
      res.writeHead(200, { 'content-type': 'application/json', 'set-cookie': ['nabij_session=abc; HttpOnly'] });
      res.end(
        JSON.stringify({
          name,
          method: req.method,
          url: req.url,
          body,
          cookie: req.headers.cookie,
          csrf: req.headers['x-csrf-token'],
        }),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const close = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  opened.push(close);
  return { url, state, close };
}

const opened: Array<() => Promise<void>> = [];
let proxy: RoundRobinProxy | undefined;
afterEach(async () => {
  await proxy?.close();
  proxy = undefined;
  await Promise.all(opened.splice(0).map((c) => c()));
});

const post = (url: string, body: unknown) =>
  fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: 'nabij_session=abc', 'x-csrf-token': 't0k3n' },
    body: JSON.stringify(body),
  });

describe('the round-robin proxy', () => {
  it('spreads requests over the ready instances and passes requests and answers unchanged', async () => {
    const a = await upstream('a');
    const b = await upstream('b');
    proxy = await startRoundRobinProxy({ upstreams: [a.url, b.url], healthIntervalMs: 60_000 });
    const answers = await Promise.all(
      [1, 2, 3, 4].map(async (i) => {
        const r = await post(`${proxy!.url}/api/x?i=${i}`, { i, tekst: 'één' });
        return {
          status: r.status,
          cookie: r.headers.getSetCookie(),
          body: (await r.json()) as Record<string, unknown>,
        };
      }),
    );
    expect(answers.map((x) => x.body.name).sort()).toEqual(['a', 'a', 'b', 'b']);
    for (const [i, x] of answers.entries()) {
      expect(x).toMatchObject({ status: 200, cookie: ['nabij_session=abc; HttpOnly'] });
      expect(x.body).toMatchObject({
        method: 'POST',
        url: `/api/x?i=${i + 1}`,
        body: JSON.stringify({ i: i + 1, tekst: 'één' }),
        cookie: 'nabij_session=abc',
        csrf: 't0k3n',
      });
    }
  });

  it('sends nothing to an instance that is not ready', async () => {
    const a = await upstream('a');
    const b = await upstream('b');
    b.state.ready = false;
    proxy = await startRoundRobinProxy({ upstreams: [a.url, b.url], healthIntervalMs: 60_000 });
    for (let i = 0; i < 4; i++) expect((await post(`${proxy.url}/api/x`, {})).status).toBe(200);
    expect([a.state.handled, b.state.handled]).toEqual([4, 0]);
    expect(proxy.ready()).toEqual([a.url]);
  });

  it('retries on another instance when the request was refused unhandled: marked 503 or connection refused', async () => {
    const a = await upstream('a');
    const closing = await upstream('closing', (_req, res) =>
      res.writeHead(503, { 'x-nabij-draining': '1', connection: 'close' }).end('{"code":"shutting_down"}'),
    );
    proxy = await startRoundRobinProxy({ upstreams: [closing.url, a.url], healthIntervalMs: 60_000 });
    const first = await post(`${proxy.url}/api/x`, { i: 1 });
    expect(first.status).toBe(200);
    expect(await first.json()).toMatchObject({ name: 'a', body: '{"i":1}', cookie: 'nabij_session=abc' });
    expect(proxy.ready()).toEqual([a.url]); // out of rotation at once
    expect(proxy.stats.retried).toMatchObject({ draining: 1 });
    await proxy.close();

    const gone = await upstream('gone');
    proxy = await startRoundRobinProxy({ upstreams: [gone.url, a.url], healthIntervalMs: 60_000 });
    await gone.close(); // still in rotation until the next health check: its connections are refused
    expect((await post(`${proxy.url}/api/x`, { i: 2 })).status).toBe(200);
    expect(a.state.handled).toBe(2);
    expect(proxy.stats).toMatchObject({ retried: { refused: 1 }, failed: 0 });
  });

  it('repeats a read, not a write, when a reused keep-alive connection is closed before an answer', async () => {
    const perSocket = new WeakMap<object, number>();
    // Answers the first request of each connection and drops the connection at the second, as a server closing
    // idle connections (or a crashing one) may.
    const flaky = await upstream('flaky', (req, res) => {
      const n = (perSocket.get(req.socket) ?? 0) + 1;
      perSocket.set(req.socket, n);
      if (n > 1) return req.socket.destroy();
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
    });
    proxy = await startRoundRobinProxy({ upstreams: [flaky.url], healthIntervalMs: 60_000 });
    expect((await fetch(`${proxy.url}/api/x`)).status).toBe(200);
    expect((await fetch(`${proxy.url}/api/x`)).status).toBe(200); // dropped on the reused connection, repeated on a new one
    expect(proxy.stats.retried.reset).toBe(1);
    expect((await post(`${proxy.url}/api/x`, {})).status).toBe(502); // a write: may have been handled
    expect(flaky.state.handled).toBe(4);
  });

  it('never retries once the instance may have handled the request', async () => {
    const a = await upstream('a');
    const unavailable = await upstream('unavailable', (_req, res) =>
      res.writeHead(503, { 'retry-after': '5' }).end('{"code":"database_unavailable"}'),
    );
    const dies = await upstream('dies', (req) => req.socket.destroy()); // like a crash in the middle of the handler
    proxy = await startRoundRobinProxy({ upstreams: [unavailable.url, dies.url, a.url], healthIntervalMs: 60_000 });
    expect((await post(`${proxy.url}/api/x`, {})).status).toBe(503);
    expect((await post(`${proxy.url}/api/x`, {})).status).toBe(502);
    expect([unavailable.state.handled, dies.state.handled, a.state.handled]).toEqual([1, 1, 0]);
    expect(proxy.stats).toMatchObject({ retried: { draining: 0, refused: 0, reset: 0 }, failed: 1 });
  });
});
