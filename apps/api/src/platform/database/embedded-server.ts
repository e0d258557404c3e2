/**
 * Child process that owns the embedded PGlite database and serves it over the PostgreSQL wire protocol
 * on 127.0.0.1, so the app speaks to it through `pg` exactly as to a PostgreSQL server, and a long query
 * never blocks the web server's event loop. Started by `startEmbeddedDatabase` (embedded.ts); not imported.
 *
 * Protocol with the parent (IPC): sends {type:'ready', port} or {type:'failed', message} once.
 * Exits when the parent disconnects (the app stopped or died), or on SIGTERM/SIGINT when it has no parent.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { acquireDirectoryLock, type DirectoryLock } from './directory-lock';
import { keepExtendedQueriesTogether } from './pglite-socket-affinity';

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
  // Tests start an in-memory database from a migrated template (a tarball of a data folder) instead of running
  // initdb and every migration again (apps/api/test/global-setup.ts).
  const template = inMemory ? process.env.NABIJ_LOAD_DATA_DIR : undefined;
  const db = await PGlite.create(inMemory ? 'memory://' : path.join(dataDir, 'pglite'), {
    extensions: { pg_trgm, unaccent },
    ...(template ? { loadDataDir: new Blob([readFileSync(template)]) } : {}),
    // Durability against a killed process (docs/reliability.md, ADR 0018): every query waits for its
    // file-system sync before it answers (the default, stated here so nobody turns it off for speed).
    // With the Node file system PostgreSQL writes its WAL straight to the files at commit, so a commit
    // that was answered survives SIGKILL of this process and of the app; it is not fsynced to the disk
    // (PGlite runs with fsync off), so a power loss or OS crash can lose the last commits.
    relaxedDurability: false,
  });
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port, maxConnections: 100 });
  keepExtendedQueriesTogether(server); // one connection's query with parameters is not split by another's
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
  // A signal sent to the whole process group (Ctrl+C in a terminal, systemd's default KillMode) reaches this process
  // together with the app. While the app is connected it decides when the database stops — after its requests in
  // flight have finished (graceful shutdown, docs/reliability.md §7) — by disconnecting; so only a database
  // without its app stops on a signal.
  const onSignal = () => {
    if (!process.connected) void stop(0);
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
  tell({ type: 'ready', port: actualPort });
}

main().catch((err: unknown) => {
  tell({ type: 'failed', message: err instanceof Error ? err.message : String(err) });
  process.exit(1);
});
