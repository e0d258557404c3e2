// A small round-robin reverse proxy (node:http) over several Nabij instances on one database, as a load balancer
// in front of them would be: for the two-instance benchmark and the rolling-restart test (docs/reliability.md §7).
//
// - Every `healthIntervalMs` it asks each instance's /health/ready; an instance that is not ready (starting,
//   draining before a shutdown, database unreachable) gets no new requests until it is ready again.
// - Requests and answers pass unchanged (cookies, CSRF token, content), plus x-forwarded-for/-proto/-host.
//   Sessions live in the database, so any instance can serve any session.
// - A request is retried once, on another instance, only when it certainly did not reach a handler: the connection
//   was refused; or the instance answered 503 with `x-nabij-draining: 1` (its refusal while closing, sent before
//   any hook or handler runs). A read (GET, HEAD) is also retried when a reused keep-alive connection was closed
//   before any byte of an answer came back (the server closing it as idle just as the request went out — or a
//   crash: a write is then not repeated). Never after an answer started, never on a timeout or any other error:
//   then the client gets 502.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ProxyStats {
  requests: number;
  /** Answers per upstream base URL. */
  answered: Record<string, number>;
  /** Requests sent to a second instance, by reason. */
  retried: { refused: number; draining: number; reset: number };
  /** Requests the proxy answered itself with 502 (no instance ready, or a failure after which no retry is safe). */
  failed: number;
  /** Times an instance was taken out of rotation. */
  outOfRotation: number;
}

export interface RoundRobinProxy {
  url: string;
  stats: ProxyStats;
  /** Which upstreams are in rotation now. */
  ready(): string[];
  close(): Promise<void>;
}

interface Upstream {
  base: string;
  url: URL;
  ready: boolean;
}

type Outcome = 'answered' | 'refused' | 'draining' | 'reset' | 'failed';

const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'transfer-encoding',
  'upgrade',
  'te',
  'trailer',
]);
const withoutHopByHop = (headers: http.IncomingHttpHeaders) =>
  Object.fromEntries(Object.entries(headers).filter(([k]) => !HOP_BY_HOP.has(k)));

export async function startRoundRobinProxy(options: {
  upstreams: string[];
  port?: number;
  healthIntervalMs?: number;
}): Promise<RoundRobinProxy> {
  const upstreams: Upstream[] = options.upstreams.map((base) => ({
    base: base.replace(/\/$/, ''),
    url: new URL(base),
    ready: false,
  }));
  const stats: ProxyStats = {
    requests: 0,
    answered: Object.fromEntries(upstreams.map((u) => [u.base, 0])),
    retried: { refused: 0, draining: 0, reset: 0 },
    failed: 0,
    outOfRotation: 0,
  };
  const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
  let next = 0;

  const setReady = (u: Upstream, ready: boolean) => {
    if (u.ready && !ready) stats.outOfRotation++;
    u.ready = ready;
  };
  const check = async (u: Upstream) => {
    try {
      const r = await fetch(`${u.base}/health/ready`, {
        signal: AbortSignal.timeout(Math.max(options.healthIntervalMs ?? 250, 1_000)),
      });
      await r.arrayBuffer();
      setReady(u, r.ok);
    } catch {
      setReady(u, false);
    }
  };
  const pick = (except?: Upstream) => {
    for (let i = 0; i < upstreams.length; i++) {
      const u = upstreams[next++ % upstreams.length]!;
      if (u.ready && u !== except) return u;
    }
    return undefined;
  };

  const forward = (u: Upstream, req: http.IncomingMessage, body: Buffer, res: http.ServerResponse) =>
    new Promise<Outcome>((resolve) => {
      const headers = {
        ...withoutHopByHop(req.headers),
        'x-forwarded-for': req.socket.remoteAddress ?? '',
        'x-forwarded-proto': 'http',
        'x-forwarded-host': req.headers.host ?? '',
      };
      const up = http.request(
        { host: u.url.hostname, port: u.url.port, method: req.method, path: req.url, headers, agent },
        (answer) => {
          if (answer.statusCode === 503 && answer.headers['x-nabij-draining'] === '1') {
            answer.resume();
            setReady(u, false);
            return resolve('draining');
          }
          res.writeHead(answer.statusCode ?? 502, withoutHopByHop(answer.headers));
          answer.pipe(res);
          answer.on('end', () => resolve('answered'));
          answer.on('error', () => {
            res.destroy(); // the answer had started: the client sees it cut off; no retry
            resolve('answered');
          });
        },
      );
      up.on('error', (err: NodeJS.ErrnoException) => {
        if (res.headersSent) return resolve('answered');
        if (err.code === 'ECONNREFUSED') {
          setReady(u, false);
          return resolve('refused');
        }
        // A reused keep-alive connection closed before any answer: the server closed it as idle (not handled) — or
        // the instance crashed while handling it. Only a read is safe to repeat without knowing which.
        if (up.reusedSocket && err.code === 'ECONNRESET' && (req.method === 'GET' || req.method === 'HEAD'))
          return resolve('reset');
        resolve('failed');
      });
      up.end(body);
    });

  const server = http.createServer((req, res) => {
    stats.requests++;
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      void (async () => {
        const body = Buffer.concat(chunks);
        let u = pick();
        let outcome: Outcome = 'failed';
        for (let attempt = 0; u && attempt < 2; attempt++) {
          outcome = await forward(u, req, body, res);
          if (outcome === 'answered') {
            stats.answered[u.base]!++;
            return;
          }
          if (outcome === 'failed' || attempt === 1) break;
          // Another instance; after a closed idle connection the same one may serve it as well.
          u = pick(u) ?? (outcome === 'reset' ? u : undefined);
          if (u) stats.retried[outcome]++;
        }
        stats.failed++;
        if (!res.headersSent) res.writeHead(502, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ code: 'bad_gateway', message: 'Geen instantie van Nabij bereikbaar.' }));
      })();
    });
  });

  await Promise.all(upstreams.map(check));
  const timer = setInterval(() => void Promise.all(upstreams.map(check)), options.healthIntervalMs ?? 250);
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    stats,
    ready: () => upstreams.filter((u) => u.ready).map((u) => u.base),
    async close() {
      clearInterval(timer);
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      agent.destroy();
    },
  };
}
