import net from 'node:net';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keepExtendedQueriesTogether } from './pglite-socket-affinity';

// The PostgreSQL wire protocol by hand, so a query's Parse and its Bind can be sent apart, as they may arrive
// when the machine is busy, with another connection's query in between.
const cstr = (s: string) => Buffer.from(`${s}\0`, 'utf8');
const int16 = (n: number) => Buffer.from([(n >> 8) & 0xff, n & 0xff]);
const int32 = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeInt32BE(n);
  return b;
};
const message = (type: string, ...parts: Buffer[]) => {
  const body = Buffer.concat(parts);
  return Buffer.concat([Buffer.from(type), int32(body.length + 4), body]);
};
const startup = () => {
  const body = Buffer.concat([
    int32(196608),
    cstr('user'),
    cstr('postgres'),
    cstr('database'),
    cstr('postgres'),
    Buffer.from([0]),
  ]);
  return Buffer.concat([int32(body.length + 4), body]);
};
const parse = (sql: string) => message('P', cstr(''), cstr(sql), int16(0));
const bind = (value: string) =>
  message('B', cstr(''), cstr(''), int16(0), int16(1), int32(Buffer.byteLength(value)), Buffer.from(value), int16(0));
const execute = () => message('E', cstr(''), int32(0));
const sync = () => message('S');
const query = (sql: string) => message('Q', cstr(sql));

/** A raw connection: collects the server's messages; `until(n)` waits for the n-th ReadyForQuery. */
async function connect(port: number) {
  const socket = net.connect(port, '127.0.0.1');
  await new Promise<void>((resolve, reject) => socket.once('connect', resolve).once('error', reject));
  let buffer = Buffer.alloc(0);
  const received: Array<{ type: string; body: Buffer }> = [];
  const waiters: Array<() => void> = [];
  socket.on('data', (chunk: Buffer) => {
    buffer = Buffer.concat([buffer, chunk]);
    while (buffer.length >= 5 && buffer.length >= 1 + buffer.readInt32BE(1)) {
      const length = buffer.readInt32BE(1);
      received.push({ type: String.fromCharCode(buffer[0]!), body: buffer.subarray(5, 1 + length) });
      buffer = buffer.subarray(1 + length);
    }
    for (const w of waiters.splice(0)) w();
  });
  const readyCount = () => received.filter((m) => m.type === 'Z').length;
  return {
    socket,
    received,
    send: (...parts: Buffer[]) => socket.write(Buffer.concat(parts)),
    async until(ready: number) {
      const deadline = Date.now() + 5_000;
      while (readyCount() < ready) {
        if (Date.now() > deadline) throw new Error(`no answer: ${received.map((m) => m.type).join('')}`);
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 50);
        });
      }
    },
    /** Values of the data rows (one text column) and the error messages received. */
    rows: () => received.filter((m) => m.type === 'D').map((m) => m.body.subarray(6).toString('utf8')),
    errors: () => received.filter((m) => m.type === 'E').map((m) => m.body.toString('utf8').replace(/\0/g, ' ')),
  };
}

let db: PGlite;
let server: PGLiteSocketServer;
let port: number;

beforeAll(async () => {
  db = await PGlite.create('memory://');
  server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections: 10 });
  keepExtendedQueriesTogether(server);
  await server.start();
  port = Number(server.getServerConn().split(':').pop());
});

afterAll(async () => {
  await server?.stop();
  await db?.close();
});

describe('the embedded database socket', () => {
  it("does not run another connection's query between a query's Parse and its Bind", async () => {
    const a = await connect(port);
    const b = await connect(port);
    a.send(startup());
    b.send(startup());
    await a.until(1);
    await b.until(1);
    a.send(parse('select ($1::int + 1)::text'));
    await new Promise((r) => setTimeout(r, 100));
    b.send(query("select 'van b'"));
    await new Promise((r) => setTimeout(r, 100));
    expect(b.rows(), 'b waits until the batch of a is complete').toEqual([]);
    a.send(bind('41'), execute(), sync());
    await a.until(2);
    await b.until(2);
    expect(a.errors()).toEqual([]);
    expect(a.rows()).toEqual(['42']);
    expect(b.errors()).toEqual([]);
    expect(b.rows()).toEqual(['van b']);
    a.socket.destroy();
    b.socket.destroy();
  });

  it('lets the others go on when a connection leaves in the middle of a batch', async () => {
    const a = await connect(port);
    const b = await connect(port);
    a.send(startup());
    b.send(startup());
    await a.until(1);
    await b.until(1);
    a.send(parse('select 1::text'));
    await new Promise((r) => setTimeout(r, 100));
    b.send(query("select 'nog steeds'"));
    a.socket.destroy();
    await b.until(2);
    expect(b.rows()).toEqual(['nog steeds']);
    b.socket.destroy();
  });
});
