import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
  /** Called when the database process ends without being asked to. */
  onUnexpectedExit(listener: (code: number | null) => void): void;
}

export class EmbeddedDatabaseError extends Error {}

/**
 * The database process's script: from the compiled bundle (dist/<name>/main.mjs) the bundle's own
 * embedded-server.mjs beside it, run by plain Node; from the sources embedded-server.ts under tsx (ADR 0046).
 */
const compiled = import.meta.url.endsWith('.mjs');
const serverScript = fileURLToPath(
  new URL(compiled ? './embedded-server.mjs' : './embedded-server.ts', import.meta.url),
);

/** Starts PGlite in a child process behind a local PostgreSQL-protocol socket and returns its URL. */
export async function startEmbeddedDatabase(
  dataDir: string,
  timeoutMs = 60_000,
  options: { loadDataDir?: string } = {},
): Promise<EmbeddedDatabase> {
  const child: ChildProcess = fork(serverScript, [], {
    execArgv: compiled ? [] : ['--import', 'tsx'],
    env: {
      ...process.env,
      NABIJ_DATA_DIR: dataDir,
      NABIJ_EMBEDDED_PORT: '0',
      ...(options.loadDataDir ? { NABIJ_LOAD_DATA_DIR: options.loadDataDir } : {}),
    },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  let stopping = false;
  const exitListeners: Array<(code: number | null) => void> = [];

  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new EmbeddedDatabaseError(`The embedded database did not start within ${timeoutMs / 1000} s.`));
    }, timeoutMs);
    child.once('message', (msg: { type: string; port?: number; message?: string }) => {
      clearTimeout(timer);
      if (msg.type === 'ready' && msg.port) resolve(msg.port);
      else reject(new EmbeddedDatabaseError(msg.message ?? 'The embedded database failed to start.'));
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new EmbeddedDatabaseError(`The embedded database process stopped during start (exit code ${code}).`));
    });
  });

  child.on('exit', (code) => {
    if (!stopping) for (const l of exitListeners) l(code);
  });

  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    onUnexpectedExit(listener) {
      exitListeners.push(listener);
    },
    async stop() {
      if (stopping || child.exitCode !== null) return;
      stopping = true;
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      // Disconnecting asks it to stop (it ignores signals while connected: see embedded-server.ts).
      if (child.connected) child.disconnect();
      else child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
