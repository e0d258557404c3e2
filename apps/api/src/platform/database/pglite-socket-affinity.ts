import type { PGLiteSocketServer } from '@electric-sql/pglite-socket';

/**
 * `pglite-socket` 0.2.17 runs the messages of all connections through one queue into PGlite's single session,
 * one *message* at a time, and keeps a connection's messages together only inside a transaction. An
 * extended-protocol query (Parse, Bind, Describe, Execute … Sync: what `pg` sends for every query with
 * parameters) is not a transaction, so another connection's message could run between its Parse and its Bind
 * and replace the unnamed statement: the Bind then fails ("invalid input syntax …", "unnamed prepared statement
 * does not exist") or, worse, runs the other connection's statement with these parameters. The job queue
 * (pg-boss, several connections, queries outside transactions) hit this on the embedded database at start.
 * Upstream: electric-sql/pglite#1046 (and PR #977); also its second defect — one failed message left the
 * queue stuck for good — is fixed here.
 *
 * This replaces the queue's scheduler: once a connection's Parse/Bind/Describe/Execute/Close/Flush has run,
 * only that connection's messages run until its Sync (as inside a transaction, where it already was so).
 */
interface QueuedMessage {
  handlerId: number;
  message: Uint8Array;
  resolve(bytes: number): void;
  reject(err: unknown): void;
  onData(data: Uint8Array): void;
}

interface QueryQueue {
  queue: QueuedMessage[];
  processing: boolean;
  lastHandlerId: number | null;
  db: {
    isInTransaction(): boolean;
    runExclusive<T>(fn: () => Promise<T>): Promise<T>;
    execProtocolRawStream(message: Uint8Array, options: { onRawData(data: Uint8Array): void }): Promise<unknown>;
  };
  processQueue(): Promise<void>;
  clearQueueForHandler(handlerId: number): void;
}

/** Message types that leave an extended-protocol batch open until the connection's Sync. */
const OPENS_BATCH = new Set(['P', 'B', 'D', 'E', 'C', 'H'].map((c) => c.charCodeAt(0)));

export function keepExtendedQueriesTogether(server: PGLiteSocketServer): void {
  const q = (server as unknown as { queryQueue: QueryQueue }).queryQueue;
  if (!q || !Array.isArray(q.queue) || typeof q.db?.execProtocolRawStream !== 'function') {
    throw new Error(
      'pglite-socket changed: check keepExtendedQueriesTogether (pglite-socket-affinity.ts) against the new version',
    );
  }
  let batchOwner: number | null = null;

  q.processQueue = async () => {
    if (q.processing || q.queue.length === 0) return;
    q.processing = true;
    try {
      while (q.queue.length > 0) {
        const owner = batchOwner ?? (q.db.isInTransaction() ? q.lastHandlerId : null);
        const index = owner === null ? 0 : q.queue.findIndex((m) => m.handlerId === owner);
        if (index === -1) break; // the owner's next message has not arrived yet; enqueue starts us again
        const item = q.queue.splice(index, 1)[0]!;
        let bytes = 0;
        try {
          await q.db.runExclusive(() =>
            q.db.execProtocolRawStream(item.message, {
              onRawData: (data) => {
                bytes += data.length;
                item.onData(data);
              },
            }),
          );
        } catch (err) {
          batchOwner = null;
          item.reject(err);
          continue;
        }
        q.lastHandlerId = item.handlerId;
        batchOwner = OPENS_BATCH.has(item.message[0]!) ? item.handlerId : null;
        item.resolve(bytes);
      }
    } finally {
      q.processing = false;
    }
  };

  const clear = q.clearQueueForHandler.bind(q);
  q.clearQueueForHandler = (handlerId) => {
    clear(handlerId);
    if (batchOwner === handlerId) {
      // The connection went away in the middle of a batch: let the others go on.
      batchOwner = null;
      void q.processQueue();
    }
  };
}
