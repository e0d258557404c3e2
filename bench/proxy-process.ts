// The round-robin proxy (round-robin-proxy.ts) in a process of its own, as a load balancer in front of the instances
// would be: the load generator's event loop and the proxy's do not share one thread. Started by multi-instance.ts
// over an IPC channel:  node --import tsx bench/proxy-process.ts <upstream> [<upstream> …]
// It sends { url } when it listens; asked { type: 'stats' } it answers { stats }; asked { type: 'close' } it exits.
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { startRoundRobinProxy, type ProxyStats } from './round-robin-proxy';

type Request = { type: 'stats' } | { type: 'close' };
type Reply = { type: 'ready'; url: string } | { type: 'stats'; stats: ProxyStats };

export interface ProxyProcess {
  url: string;
  pid: number;
  stats(): Promise<ProxyStats>;
  close(): Promise<void>;
}

/** Starts the proxy process in front of `upstreams` and waits until it listens. */
export async function startProxyProcess(upstreams: string[]): Promise<ProxyProcess> {
  const child: ChildProcess = fork(fileURLToPath(import.meta.url), upstreams, {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`the proxy process stopped during start (exit ${code})`)));
    child.once('message', (m: Reply) =>
      m.type === 'ready' ? resolve(m.url) : reject(new Error('unexpected message from the proxy process')),
    );
  });
  child.removeAllListeners('exit');
  return {
    url,
    pid: child.pid!,
    stats: () =>
      new Promise<ProxyStats>((resolve) => {
        const onMessage = (m: Reply) => {
          if (m.type !== 'stats') return;
          child.off('message', onMessage);
          resolve(m.stats);
        };
        child.on('message', onMessage);
        child.send({ type: 'stats' } satisfies Request);
      }),
    async close() {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.send({ type: 'close' } satisfies Request);
      await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
    },
  };
}

// Run as the child process.
if (process.argv[1] === fileURLToPath(import.meta.url) && process.send) {
  const proxy = await startRoundRobinProxy({ upstreams: process.argv.slice(2) });
  process.on('message', (m: Request) => {
    if (m.type === 'stats') process.send!({ type: 'stats', stats: proxy.stats } satisfies Reply);
    else void proxy.close().then(() => process.exit(0));
  });
  // The parent going away ends the proxy too.
  process.on('disconnect', () => void proxy.close().then(() => process.exit(0)));
  process.send({ type: 'ready', url: proxy.url } satisfies Reply);
}
