/**
 * The delivery's HTTP/1.1 client on the wire: a raw TCP server on 127.0.0.1 answers with exactly
 * the bytes each test scripts (split, chunked, cut off, malformed), and the attempt's result is
 * what a user reads in the journal: status, error kind, body bytes, and whether the connection was
 * kept (keep-alive, docs/providers.md E1).
 */
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AddressInfo, Server, Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { ConnectionPools, sendAttempt } from '../../delivery/index.ts';
import type { AttemptRequest, AttemptResult } from '../../delivery/attempt.ts';
import { ROOT } from '../helpers/examples.ts';

interface Seen {
  head: string;
  body: string;
  /** Which connection (0, 1, …) carried it. */
  conn: number;
}

/** How the server answers one request: raw bytes (written in pieces when an array), then maybe close. */
type Answer = { write: string | Buffer | (string | Buffer)[]; end?: boolean; silent?: boolean };

interface RawServer {
  origin: string;
  seen: Seen[];
  connections: number;
}

const servers: Server[] = [];
const pools: ConnectionPools[] = [];

afterEach(async () => {
  await Promise.all(pools.splice(0).map((p) => p.destroy()));
  await Promise.all(servers.splice(0).map((s) => new Promise<void>((resolve) => s.close(() => resolve()))));
});

/** Reads requests off each connection (head + Content-Length body) and answers each with `answer`. */
async function rawServer(answer: (req: Seen, index: number) => Answer): Promise<RawServer> {
  const sockets = new Set<Socket>();
  const state: RawServer = { origin: '', seen: [], connections: 0 };
  const server = createServer((socket) => {
    const conn = state.connections++;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    let buf = Buffer.alloc(0);
    socket.on('data', (chunk: Buffer) => {
      buf = Buffer.concat([buf, chunk]);
      for (;;) {
        const end = buf.indexOf('\r\n\r\n');
        if (end < 0) return;
        const head = buf.subarray(0, end).toString('latin1');
        const length = Number(/\r\ncontent-length: (\d+)/i.exec(head)?.[1] ?? 0);
        if (buf.length < end + 4 + length) return;
        const req: Seen = { head, body: buf.subarray(end + 4, end + 4 + length).toString('utf8'), conn };
        buf = buf.subarray(end + 4 + length);
        const index = state.seen.push(req) - 1;
        const a = answer(req, index);
        if (a.silent) continue;
        void writePieces(socket, Array.isArray(a.write) ? a.write : [a.write]).then(() => {
          if (a.end) socket.end();
        });
      }
    });
  });
  servers.push(server);
  server.on('close', () => {
    for (const s of sockets) s.destroy();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return state;
}

/** Writes each piece in its own TCP segment (a turn of the event loop apart), so the client's parser sees them split. */
async function writePieces(socket: Socket, pieces: (string | Buffer)[]): Promise<void> {
  for (const [n, piece] of pieces.entries()) {
    if (socket.destroyed) return;
    if (n > 0) await new Promise((resolve) => setTimeout(resolve, 5));
    socket.write(typeof piece === 'string' ? Buffer.from(piece, 'latin1') : piece);
  }
}

function newPools(connections = 1): ConnectionPools {
  const p = new ConnectionPools({ connections });
  pools.push(p);
  return p;
}

function request(origin: string, over: Partial<AttemptRequest> = {}): AttemptRequest {
  return { origin, path: '/hook?x=1', insecure: false, method: 'POST', headers: { 'Content-Type': 'application/json; charset=utf-8', 'X-Benemen-Event': 'CallEnded' }, body: Buffer.from('{"Id":"ü"}'), timeoutMs: 10_000, maxResponseBytes: 1024, ...over };
}

/** Two attempts one after the other on one pool (one connection allowed). */
async function twice(server: RawServer, over: Partial<AttemptRequest> = {}): Promise<[AttemptResult, AttemptResult]> {
  const p = newPools(1);
  const first = await sendAttempt(p, request(server.origin, over), true);
  const second = await sendAttempt(p, request(server.origin, over), true);
  return [first, second];
}

const OK = 'HTTP/1.1 200 OK\r\ncontent-length: 2\r\n\r\nok';

describe('the delivery HTTP/1.1 client', () => {
  it('writes the request the way undici did: request line, host, connection, the headers as given, the body length, the body', async () => {
    const server = await rawServer(() => ({ write: OK }));
    const r = await sendAttempt(newPools(), request(server.origin), true);
    expect(r).toMatchObject({ status: 200, error: null, responseText: 'ok', responseBytes: 2 });
    const port = new URL(server.origin).port;
    expect(server.seen[0]!.head.split('\r\n')).toEqual([
      'POST /hook?x=1 HTTP/1.1',
      `host: 127.0.0.1:${port}`,
      'connection: keep-alive',
      'Content-Type: application/json; charset=utf-8',
      'X-Benemen-Event: CallEnded',
      'content-length: 11',
    ]);
    expect(server.seen[0]!.body).toBe('{"Id":"ü"}');
  });

  it('reads a Content-Length body that arrives in pieces and keeps the connection for the next request', async () => {
    const server = await rawServer(() => ({ write: ['HTTP/1.1 201 Created\r\nConte', 'nt-Length: 11\r\nX-A: b\r\n', '\r\nhello', ' world'] }));
    const [a, b] = await twice(server);
    expect([a.status, a.error, a.responseText]).toEqual([201, null, 'hello world']);
    expect([b.status, b.responseText]).toEqual([201, 'hello world']);
    expect(server.connections).toBe(1);
  });

  it('reads a chunked body with extensions and trailers, split anywhere, and keeps the connection', async () => {
    const body = '5;ext=1\r\nhello\r\n6\r\n world\r\n0\r\nX-Trailer: t\r\n\r\n';
    const pieces = ['HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n', ...body.match(/[\s\S]{1,3}/g)!];
    const server = await rawServer(() => ({ write: pieces }));
    const [a, b] = await twice(server);
    expect([a.status, a.error, a.responseText, a.responseBytes]).toEqual([200, null, 'hello world', 11]);
    expect(b.responseText).toBe('hello world');
    expect(server.connections).toBe(1);
  });

  it('skips a 100 Continue and reports the final status', async () => {
    const server = await rawServer(() => ({ write: ['HTTP/1.1 100 Continue\r\n\r\n', 'HTTP/1.1 202 Accepted\r\nContent-Length: 0\r\n\r\n'] }));
    const r = await sendAttempt(newPools(), request(server.origin));
    expect([r.status, r.error]).toEqual([202, null]);
  });

  it('reads a body delimited by the connection close, and opens a new connection next time', async () => {
    const server = await rawServer(() => ({ write: ['HTTP/1.1 200 OK\r\n\r\nuntil', ' close'], end: true }));
    const [a, b] = await twice(server);
    expect([a.status, a.error, a.responseText]).toEqual([200, null, 'until close']);
    expect([b.status, b.responseText]).toEqual([200, 'until close']);
    expect(server.connections).toBe(2);
  });

  it('honours Connection: close and HTTP/1.0 without keep-alive (a new connection each time), and a 204 without a body keeps it', async () => {
    for (const [head, connections] of [
      ['HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 2\r\n\r\nok', 2],
      ['HTTP/1.0 200 OK\r\nContent-Length: 2\r\n\r\nok', 2],
      ['HTTP/1.0 200 OK\r\nConnection: keep-alive\r\nContent-Length: 2\r\n\r\nok', 1],
      ['HTTP/1.1 204 No Content\r\n\r\n', 1],
    ] as const) {
      const server = await rawServer(() => ({ write: head }));
      const [a, b] = await twice(server);
      expect([a.error, b.error, server.connections], head).toEqual([null, null, connections]);
    }
  });

  it('drops a connection the receiver keeps for too short a time (Keep-Alive: timeout=1, less than the 2 s margin)', async () => {
    const server = await rawServer(() => ({ write: 'HTTP/1.1 200 OK\r\nKeep-Alive: timeout=1\r\nContent-Length: 2\r\n\r\nok' }));
    const [a, b] = await twice(server);
    expect([a.status, b.status, server.connections]).toEqual([200, 200, 2]);
  });

  it('notices an idle connection the receiver closed and sends the next request on a new one, without an error', async () => {
    const server = await rawServer(() => ({ write: OK, end: true }));
    const p = newPools(1);
    const first = await sendAttempt(p, request(server.origin));
    await new Promise((resolve) => setTimeout(resolve, 50));
    const second = await sendAttempt(p, request(server.origin));
    expect([first.status, first.error, second.status, second.error, server.connections]).toEqual([200, null, 200, null, 2]);
  });

  it('reports a body cut off before its Content-Length or its last chunk as incomplete, with the status it had started', async () => {
    for (const write of ['HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nshort', 'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhel']) {
      const server = await rawServer(() => ({ write, end: true }));
      const r = await sendAttempt(newPools(), request(server.origin));
      expect([r.status, r.error], write).toEqual([200, 'incomplete']);
      expect(r.errorMessage).toMatch(/^the response broke off after \d body bytes: other side closed/);
    }
  });

  it('reports a connection closed before any answer as a reset', async () => {
    const server = await rawServer(() => ({ write: '', end: true }));
    const r = await sendAttempt(newPools(), request(server.origin));
    expect([r.status, r.error, r.errorMessage]).toEqual([null, 'reset', 'other side closed (PM_HTTP_SOCKET_CLOSED)']);
  });

  it('refuses malformed answers with what was wrong: a status line, a header line, Content-Length, both framings, a bad chunk size, a head too large', async () => {
    const cases: [string, RegExp][] = [
      ['HTTP/2 200\r\n\r\n', /not an HTTP\/1\.x status line: "HTTP\/2 200"/],
      ['HTTP/1.1 200 OK\r\nno colon here\r\n\r\n', /a malformed response header line: "no colon here"/],
      ['HTTP/1.1 200 OK\r\nContent-Length : 2\r\n\r\nok', /a malformed response header line: "Content-Length : 2"/],
      ['HTTP/1.1 200 OK\r\n: no name\r\n\r\n', /a malformed response header line: ": no name"/],
      ['HTTP/1.1 200 OK\r\nContent-Length: 2x\r\n\r\n', /an invalid Content-Length: "2x"/],
      ['HTTP/1.1 200 OK\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\nok', /an invalid Content-Length: "3"/],
      ['HTTP/1.1 200 OK\r\nContent-Length: 2\r\nTransfer-Encoding: chunked\r\n\r\n', /both Transfer-Encoding and Content-Length/],
      ['HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n', /invalid chunk size "zz"/],
      ['HTTP/1.1 101 Switching Protocols\r\n\r\n', /switched protocols \(101\) unasked/],
      [`HTTP/1.1 200 OK\r\nX-Big: ${'a'.repeat(70 * 1024)}\r\n\r\n`, /the response head is over 65536 bytes/],
    ];
    for (const [write, message] of cases) {
      const server = await rawServer(() => ({ write }));
      const r = await sendAttempt(newPools(), request(server.origin));
      expect(r.error, write.slice(0, 40)).toMatch(/^(error|incomplete)$/);
      expect(r.errorMessage, write.slice(0, 40)).toMatch(message);
    }
  });

  it('answers what was asked, then closes a connection that sent more than its answer', async () => {
    const server = await rawServer(() => ({ write: `${OK}HTTP/1.1 200 OK\r\n` }));
    const [a, b] = await twice(server);
    expect([a.status, a.error, b.status, b.error, server.connections]).toEqual([200, null, 200, null, 2]);
  });

  it('refuses a header or path that would split the request, before anything is sent', async () => {
    const server = await rawServer(() => ({ write: OK }));
    const p = newPools();
    const overs: Partial<AttemptRequest>[] = [{ headers: { 'X-A': 'a\r\nX-Injected: 1' } }, { headers: { 'Bad Name': 'x' } }, { path: '/a b' }, { path: '/a\nb' }];
    for (const over of overs) {
      const r = await sendAttempt(p, request(server.origin, over));
      expect([r.status, r.error], JSON.stringify(over)).toEqual([null, 'error']);
      expect(r.errorMessage).toMatch(/^invalid (header|request path)/);
    }
    expect(server.connections).toBe(0);
  });

  it('keeps at most the pool size of connections and answers every request that waited for one', async () => {
    const server = await rawServer(() => ({ write: OK }));
    const p = newPools(2);
    const results = await Promise.all(Array.from({ length: 9 }, () => sendAttempt(p, request(server.origin))));
    expect(results.map((r) => r.status)).toEqual(Array(9).fill(200));
    expect(server.connections).toBe(2);
    expect(server.seen).toHaveLength(9);
  });

  it('a request stopped in the turn it started is never written: its connection, still clean, carries the next one', async () => {
    const server = await rawServer(() => ({ write: OK }));
    const p = newPools(1);
    expect((await sendAttempt(p, request(server.origin))).status).toBe(200);
    // The requests of one event-loop turn are written together after it: one stopped before
    // then (the run stopping) costs nothing on the wire and no connection.
    const stop = new AbortController();
    const stopped = sendAttempt(p, request(server.origin, { signal: stop.signal, body: Buffer.from('{"stopped":true}') }));
    const next = sendAttempt(p, request(server.origin));
    stop.abort();
    expect((await stopped).error).toBe('aborted');
    expect((await next).status).toBe(200);
    expect(server.seen.map((r) => r.body)).toEqual(['{"Id":"ü"}', '{"Id":"ü"}']);
    expect(server.connections).toBe(1);
  });

  it('a timeout closes the connection it hung on; the next request gets a fresh one', async () => {
    const server = await rawServer((_req, index) => (index === 0 ? { write: '', silent: true } : { write: OK }));
    const p = newPools(1);
    const hung = await sendAttempt(p, request(server.origin, { timeoutMs: 200 }));
    const next = await sendAttempt(p, request(server.origin));
    expect([hung.error, next.status, server.connections]).toEqual(['timeout', 200, 2]);
  });

  it('an idle connection does not keep the process alive: a script that never closes its pool still exits', async () => {
    const server = await rawServer(() => ({ write: OK }));
    // A user's script: two attempts, no close. Node exits on its own once nothing holds the loop;
    // what still holds it is printed first (the kept connection must not be among it).
    const script = [
      `import { ConnectionPools, sendAttempt } from ${JSON.stringify(pathToFileURL(join(ROOT, 'delivery/index.ts')).href)};`,
      'const pools = new ConnectionPools({ connections: 1 });',
      `const req = { origin: ${JSON.stringify(server.origin)}, path: '/hook', insecure: false, method: 'POST', headers: {}, body: Buffer.from('{}'), timeoutMs: 10000, maxResponseBytes: 1024 };`,
      'const a = await sendAttempt(pools, req);',
      'const b = await sendAttempt(pools, req);',
      'console.log(JSON.stringify({ statuses: [a.status, b.status], holding: process.getActiveResourcesInfo() }));',
    ].join('\n');
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(0);
    const report = JSON.parse(out) as { statuses: number[]; holding: string[] };
    expect(report.statuses).toEqual([200, 200]);
    expect(report.holding.filter((t) => t.startsWith('TCP'))).toEqual([]);
    expect(server.connections).toBe(1);
  });

  it('a refused connection is reported as refused', async () => {
    const server = await rawServer(() => ({ write: OK }));
    const origin = server.origin;
    await new Promise<void>((resolve) => servers.pop()!.close(() => resolve()));
    const r = await sendAttempt(newPools(), request(origin));
    expect([r.status, r.error]).toEqual([null, 'refused']);
  });

  it('destroy fails the waiting requests at once; close lets the one in flight finish', async () => {
    const server = await rawServer(() => ({ write: ['HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n', 'ok'] }));
    const closing = newPools(1);
    const inFlight = sendAttempt(closing, request(server.origin));
    await new Promise((resolve) => setTimeout(resolve, 1));
    await closing.close();
    expect((await inFlight).status).toBe(200);

    const silent = await rawServer(() => ({ write: '', silent: true }));
    const destroying = newPools(1);
    const waiting = [sendAttempt(destroying, request(silent.origin)), sendAttempt(destroying, request(silent.origin))];
    await new Promise((resolve) => setTimeout(resolve, 50));
    await destroying.destroy();
    const results = await Promise.all(waiting);
    expect(results.map((r) => r.errorMessage)).toEqual(['the connection pool was destroyed (PM_HTTP_POOL_DESTROYED)', 'the connection pool was destroyed (PM_HTTP_POOL_DESTROYED)']);
  });
});
