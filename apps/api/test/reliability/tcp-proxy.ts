import { connect, createServer, type Server, type Socket } from 'node:net';

/**
 * A TCP proxy between the app and its database, for outage tests. Three states:
 * - `forward`: bytes pass both ways (normal operation);
 * - `refuse`: every open connection is reset and new ones are reset at once (the database stopped);
 * - `blackhole`: connections stay open but nothing passes either way, and new connections are accepted
 *   and never answered (a network partition: the worst case, where only timeouts help).
 * `restore()` goes back to `forward`; connections that lived through a black hole are reset then, as the
 * peer's TCP stack would do once the network is back.
 */
export interface TcpProxy {
  url: string;
  port: number;
  refuse(): void;
  blackhole(): void;
  restore(): void;
  /** Connections currently open through the proxy (client side). */
  openConnections(): number;
  close(): Promise<void>;
}

interface Pair {
  client: Socket;
  upstream: Socket | undefined;
  stalled: boolean;
}

export async function startTcpProxy(targetUrl: string): Promise<TcpProxy> {
  const target = new URL(targetUrl);
  const targetHost = target.hostname;
  const targetPort = Number(target.port || 5432);
  let state: 'forward' | 'refuse' | 'blackhole' = 'forward';
  const pairs = new Set<Pair>();

  const destroy = (p: Pair) => {
    p.client.resetAndDestroy();
    p.upstream?.resetAndDestroy();
    pairs.delete(p);
  };

  const server: Server = createServer((client) => {
    client.on('error', () => undefined);
    if (state === 'refuse') {
      client.resetAndDestroy();
      return;
    }
    const pair: Pair = { client, upstream: undefined, stalled: state === 'blackhole' };
    pairs.add(pair);
    client.on('close', () => {
      pair.upstream?.destroy();
      pairs.delete(pair);
    });
    if (pair.stalled) {
      client.on('data', () => undefined); // swallowed: nobody answers
      return;
    }
    const upstream = connect({ host: targetHost, port: targetPort });
    pair.upstream = upstream;
    upstream.on('error', () => client.resetAndDestroy());
    upstream.on('close', () => client.destroy());
    client.on('data', (chunk) => {
      if (!pair.stalled) upstream.write(chunk);
    });
    upstream.on('data', (chunk) => {
      if (!pair.stalled) client.write(chunk);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const url = new URL(targetUrl);
  url.hostname = '127.0.0.1';
  url.port = String(port);

  return {
    url: url.toString(),
    port,
    refuse() {
      state = 'refuse';
      for (const p of [...pairs]) destroy(p);
    },
    blackhole() {
      state = 'blackhole';
      for (const p of pairs) p.stalled = true;
    },
    restore() {
      for (const p of [...pairs]) if (p.stalled) destroy(p);
      state = 'forward';
    },
    openConnections: () => pairs.size,
    async close() {
      for (const p of [...pairs]) destroy(p);
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
