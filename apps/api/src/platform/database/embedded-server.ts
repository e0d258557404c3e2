/**
 * Child process that owns the embedded PGlite database and serves it over the PostgreSQL wire protocol
 * on 127.0.0.1, so the app speaks to it through `pg` exactly as to a PostgreSQL server, and a long query
 * never blocks the web server's event loop. Started by `startEmbeddedDatabase` (embedded.ts); not imported.
 *
 * Protocol with the parent (IPC): sends {type:'ready', port} or {type:'failed', message} once.
 * Exits when the parent disconnects (the app stopped or died) or on SIGTERM/SIGINT.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { acquireDirectoryLock, type DirectoryLock } from './directory-lock';

type Message = { type: 'ready'; port: number } | { type: 'failed'; message: string };

function tell(message: Message): void {
  if (process.send) process.send(message);
  else console.log(JSON.stringify(message));
}

async function main(): Promise<void> {
  const dataDir = process.env.NABIJ_DATA_DIR ?? './data';
  const port = Number(process.env.NABIJ_EMBEDDED_PORT ?? '0');
  const inMemory = dataDir.startsWith('memory://');
  let lock: DirectoryLock | undefined;
  if (!inMemory) {
    mkdirSync(dataDir, { recursive: true });
    const acquired = acquireDirectoryLock(dataDir);
    if (!acquired.ok) {
      tell({ type: 'failed', message: acquired.message });
      process.exit(3);
    }
    lock = acquired.lock;
  }
  const db = await PGlite.create(inMemory ? 'memory://' : path.join(dataDir, 'pglite'), {
    extensions: { pg_trgm },
    // Durability against a killed process (docs/reliability.md, ADR 0018): every query waits for its
    // file-system sync before it answers (the default, stated here so nobody turns it off for speed).
    // With the Node file system PostgreSQL writes its WAL straight to the files at commit, so a commit
    // that was answered survives SIGKILL of this process and of the app; it is not fsynced to the disk
    // (PGlite runs with fsync off), so a power loss or OS crash can lose the last commits.
    relaxedDurability: false,
  });
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port, maxConnections: 100 });
  await server.start();
  const conn = server.getServerConn(); // "127.0.0.1:54321"
  const actualPort = Number(conn.split(':').pop());

  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    try {
      await server.stop();
      await db.close();
    } finally {
      lock?.release();
      process.exit(code);
    }
  };
  process.on('disconnect', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));
  process.on('SIGINT', () => void stop(0));
  tell({ type: 'ready', port: actualPort });
}

main().catch((err: unknown) => {
  tell({ type: 'failed', message: err instanceof Error ? err.message : String(err) });
  process.exit(1);
});
