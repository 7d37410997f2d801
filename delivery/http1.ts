/**
 * The delivery's own HTTP/1.1 client: keep-alive connections per origin, one request at a time
 * per connection, the request's head and body in one socket write (the requests of one event-loop
 * turn written together after it), the response's status line and headers parsed here. It does
 * what a webhook sender needs and no more, which is why it costs less CPU per request than undici,
 * which it replaced (bench/README.md "Delivering"): no redirects (a 3xx is the receiver's answer
 * and counts as such), no pipelining, no upgrades, no proxies, no compression.
 *
 * What it keeps of a careful client: certificates verified unless asked not to
 * (docs/providers.md E5), SNI, a bounded response head, Content-Length and chunked bodies read
 * to their end (anything else is `incomplete`), a body delimited by the connection's close,
 * 1xx answers skipped, `Connection: close` and HTTP/1.0 honoured, idle connections dropped
 * 2 s before the receiver's `Keep-Alive: timeout` (after 4 s without one: undici's defaults, so
 * connections are reused as before), a connection that sent more than its answer closed, header
 * names and values that are not RFC 9110 tokens and field values (CR, LF, controls) refused
 * before anything is written.
 *
 * A request whose kept connection the receiver closes before answering is not sent again by the
 * client: the attempt is a `reset` and the provider's retry schedule decides, as undici does for a
 * POST and as .NET's SocketsHttpHandler does for a request with a body (it resends on a new
 * connection only one without content or sent with `Expect: 100-continue`: dotnet/runtime
 * src/libraries/System.Net.Http/src/System/Net/Http/SocketsHttpHandler/HttpConnection.cs,
 * `SendAsync`, `_canRetry`).
 */
import { connect as netConnect, isIP } from 'node:net';
import type { Socket } from 'node:net';
import { connect as tlsConnect } from 'node:tls';

/** Stops one request: before its write it is dropped, after it its connection is closed. */
export interface RequestController {
  abort(reason?: Error): void;
}

/** The callbacks of one request, in order: start (on a connected socket, just before the write), response start, data*, end; or error. */
export interface ResponseHandler {
  onRequestStart(controller: RequestController): void;
  onResponseStart(controller: RequestController, status: number): void;
  onResponseData(controller: RequestController, chunk: Buffer): void;
  onResponseEnd(): void;
  onResponseError(controller: RequestController | undefined, err: Error): void;
}

export interface HttpRequest {
  path: string;
  method: string;
  headers: Record<string, string>;
  body: Buffer | null;
}

export interface Http1PoolOptions {
  /** At most this many connections (and so requests in flight) to the origin. */
  connections: number;
  /** Verify the receiver's certificate (https only). */
  rejectUnauthorized: boolean;
}

/** An error with a code, as node's own socket errors have (classifyError reads it). */
class HttpClientError extends Error {
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.name = 'HttpClientError';
    this.code = code;
  }
}

/** A response head larger than this is refused (undici's and node's default limit is 16 KiB; .NET's 64 KiB). */
const MAX_HEAD_BYTES = 64 * 1024;
/** A chunk-size or trailer line longer than this is refused. */
const MAX_LINE_BYTES = 8 * 1024;
/** Idle keep-alive connection lifetime without a `Keep-Alive: timeout` hint, and the margin kept before the receiver's own (undici's defaults). */
const IDLE_DEFAULT_MS = 4000;
const IDLE_MARGIN_MS = 2000;
const IDLE_MAX_MS = 600_000;
/** A connect that hangs (a black-holed address) gives up after this, as undici's connect timeout. */
const CONNECT_TIMEOUT_MS = 10_000;

/** RFC 9110 §5.1 token (a header name); §5.5 field value (tab, visible ASCII, obs-text); a request target without spaces or controls. */
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const BAD_VALUE = /[^\t\x20-\x7e\x80-\xff]/;
const BAD_PATH = /[^\u0021-\u00ff]/;
const CRLF2 = Buffer.from('\r\n\r\n', 'latin1');

/** Builds the request's bytes: head and body in one buffer, one write. Throws on a header that would split the request. */
function requestBytes(req: HttpRequest, host: string): { bytes: Buffer; keepAlive: boolean } {
  if (BAD_PATH.test(req.path) || !req.path.startsWith('/')) throw new HttpClientError('PM_HTTP_INVALID_REQUEST', `invalid request path ${JSON.stringify(req.path)}`);
  let fields = '';
  let hostField = `host: ${host}\r\n`;
  let connectionField = '';
  let keepAlive = true;
  for (const name in req.headers) {
    const value = req.headers[name]!;
    if (!TOKEN.test(name) || BAD_VALUE.test(value)) throw new HttpClientError('PM_HTTP_INVALID_HEADER', `invalid header ${JSON.stringify(name)}`);
    const lower = name.toLowerCase();
    // The length is the body's, always; a framing header from elsewhere could only contradict it.
    if (lower === 'content-length' || lower === 'transfer-encoding') continue;
    if (lower === 'host') hostField = `${name}: ${value}\r\n`;
    else if (lower === 'connection') {
      connectionField = `${name}: ${value}\r\n`;
      if (/\bclose\b/i.test(value)) keepAlive = false;
    } else fields += `${name}: ${value}\r\n`;
  }
  // Host and Connection first, as undici writes them; docs/providers.md E1: the providers'
  // senders keep connections alive and say so.
  let head = `${req.method} ${req.path} HTTP/1.1\r\n${hostField}${connectionField || 'connection: keep-alive\r\n'}${fields}`;
  const body = req.body;
  // A POST without a body still says so (RFC 9110 §8.6), as undici does; a GET says nothing.
  if (body) head += `content-length: ${body.length}\r\n`;
  else if (req.method === 'POST' || req.method === 'PUT' || req.method === 'PATCH') head += 'content-length: 0\r\n';
  head += '\r\n';
  const headLength = head.length;
  const bytes = Buffer.allocUnsafe(headLength + (body ? body.length : 0));
  bytes.write(head, 0, 'latin1');
  if (body) body.copy(bytes, headLength);
  return { bytes, keepAlive };
}

const enum Body {
  None,
  Length,
  Chunked,
  UntilClose,
}

const enum Chunk {
  Size,
  Data,
  DataEnd,
  Trailers,
}

/** One request on its way: queued, then bound to a connection. */
class Exchange implements RequestController {
  readonly handler: ResponseHandler;
  readonly bytes: Buffer;
  readonly keepAlive: boolean;
  readonly head: boolean;
  conn: Connection | undefined;
  written = false;
  aborted = false;
  done = false;

  constructor(handler: ResponseHandler, bytes: Buffer, keepAlive: boolean, head: boolean) {
    this.handler = handler;
    this.bytes = bytes;
    this.keepAlive = keepAlive;
    this.head = head;
  }

  abort(): void {
    if (this.aborted || this.done) return;
    this.aborted = true;
    this.conn?.abortExchange(this);
  }
}

/** One socket and the response parser for the request it carries. */
class Connection {
  readonly #pool: Http1Pool;
  readonly socket: Socket;
  #connected = false;
  #connectTimer: NodeJS.Timeout | undefined;
  #idleTimer: NodeJS.Timeout | undefined;
  #idleMs = IDLE_DEFAULT_MS;
  #ex: Exchange | undefined;
  /** Assigned and waiting for the end of the turn to be written. */
  #queued: Exchange | undefined;
  #closed = false;
  #unref = false;
  // The parser's state for the current response.
  #pending: Buffer | undefined;
  #status = 0;
  #started = false;
  #body: Body = Body.None;
  #remaining = 0;
  #chunk: Chunk = Chunk.Size;
  #reusable = true;

  constructor(pool: Http1Pool, socket: Socket, secure: boolean) {
    this.#pool = pool;
    this.socket = socket;
    socket.setNoDelay(true);
    socket.setKeepAlive(true, 60_000);
    this.#connectTimer = setTimeout(onConnectTimeout, CONNECT_TIMEOUT_MS, this);
    socket.once(secure ? 'secureConnect' : 'connect', () => this.#onConnect());
    socket.on('data', (chunk: Buffer) => this.#onData(chunk));
    socket.on('end', () => this.#onEnd());
    socket.on('error', (err: Error) => this.#fail(err));
    socket.on('close', () => this.#fail(new HttpClientError('PM_HTTP_SOCKET_CLOSED', 'other side closed')));
  }

  get idle(): boolean {
    return this.#connected && !this.#ex && !this.#closed;
  }

  connectTimedOut(): void {
    this.#fail(new HttpClientError('PM_HTTP_CONNECT_TIMEOUT', `connect timeout after ${CONNECT_TIMEOUT_MS} ms`));
  }

  /** Takes a request: written now when connected, else once the socket connects. */
  assign(ex: Exchange): void {
    clearTimeout(this.#idleTimer);
    if (this.#unref) {
      this.socket.ref();
      this.#unref = false;
    }
    this.#ex = ex;
    ex.conn = this;
    if (this.#connected) this.#write(ex);
  }

  #onConnect(): void {
    clearTimeout(this.#connectTimer);
    this.#connected = true;
    const ex = this.#ex;
    if (ex) this.#write(ex);
    else this.#release();
  }

  /** The request goes out with the others of this event-loop turn, after it (see `queueWrite`). */
  #write(ex: Exchange): void {
    this.#queued = ex;
    queueWrite(this);
  }

  /** Writes the request queued in this turn, unless it has since left this connection (aborted, failed). */
  flushQueued(): void {
    const ex = this.#queued;
    this.#queued = undefined;
    if (!ex || ex !== this.#ex || this.#closed) return;
    ex.handler.onRequestStart(ex);
    // Aborted in the callback (its attempt timed out or the run stopped while it waited): its
    // abort has handed the clean socket back already, maybe to the next request; leave that be.
    if (ex.aborted) {
      if (this.#ex === ex) this.#handBack();
      return;
    }
    this.#status = 0;
    this.#started = false;
    this.#pending = undefined;
    this.#reusable = ex.keepAlive;
    ex.written = true;
    this.socket.write(ex.bytes);
  }

  /** A write that threw (it should not): the request fails with the cause, the socket goes. */
  writeFailed(err: Error): void {
    this.#fail(err);
  }

  /** The request's controller aborted: an unwritten one leaves the socket reusable, a written one does not. */
  abortExchange(ex: Exchange): void {
    if (this.#ex !== ex) return;
    if (!ex.written) return this.#handBack();
    ex.done = true;
    this.#ex = undefined;
    this.#close();
  }

  #onData(data: Buffer): void {
    const ex = this.#ex;
    if (!ex || !ex.written || ex.done) {
      // Bytes nobody asked for: the connection is out of step, never reuse it.
      this.#close();
      return;
    }
    try {
      this.#parse(ex, data);
    } catch (err) {
      this.#fail(err as Error);
    }
  }

  #parse(ex: Exchange, data: Buffer): void {
    const buf = this.#pending ? Buffer.concat([this.#pending, data]) : data;
    this.#pending = undefined;
    let i = 0;
    while (!ex.done && !ex.aborted) {
      if (!this.#started) {
        const end = buf.indexOf(CRLF2, i);
        if ((end < 0 ? buf.length : end) - i > MAX_HEAD_BYTES) throw new HttpClientError('PM_HTTP_HEADERS_OVERFLOW', `the response head is over ${MAX_HEAD_BYTES} bytes`);
        if (end < 0) {
          this.#pending = buf.subarray(i);
          return;
        }
        const informational = this.#head(ex, buf.toString('latin1', i, end));
        i = end + 4;
        if (informational) continue;
        this.#started = true;
        ex.handler.onResponseStart(ex, this.#status);
        if (this.#body === Body.None) {
          this.#end(ex, buf.length - i);
          return;
        }
        continue;
      }
      if (i >= buf.length) return;
      if (this.#body === Body.Length || this.#body === Body.UntilClose) {
        const take = this.#body === Body.UntilClose ? buf.length - i : Math.min(this.#remaining, buf.length - i);
        ex.handler.onResponseData(ex, i === 0 && take === buf.length ? buf : buf.subarray(i, i + take));
        i += take;
        if (this.#body === Body.Length && (this.#remaining -= take) === 0) {
          if (!ex.aborted) this.#end(ex, buf.length - i);
          return;
        }
        continue;
      }
      // Chunked (RFC 9112 §7.1): size line, data, CRLF; a zero size, trailers, an empty line.
      if (this.#chunk === Chunk.Data) {
        const take = Math.min(this.#remaining, buf.length - i);
        ex.handler.onResponseData(ex, buf.subarray(i, i + take));
        i += take;
        if ((this.#remaining -= take) === 0) this.#chunk = Chunk.DataEnd;
        continue;
      }
      const nl = buf.indexOf(10, i);
      if (nl < 0) {
        if (buf.length - i > MAX_LINE_BYTES) throw new HttpClientError('PM_HTTP_INVALID_CHUNK', 'a chunk line is too long');
        this.#pending = buf.subarray(i);
        return;
      }
      if (buf[nl - 1] !== 13 || nl - 1 < i) throw new HttpClientError('PM_HTTP_INVALID_CHUNK', 'a chunk line does not end in CRLF');
      const line = buf.toString('latin1', i, nl - 1);
      i = nl + 1;
      if (this.#chunk === Chunk.DataEnd) {
        if (line !== '') throw new HttpClientError('PM_HTTP_INVALID_CHUNK', 'chunk data longer than its size');
        this.#chunk = Chunk.Size;
      } else if (this.#chunk === Chunk.Size) {
        const size = /^([0-9a-fA-F]{1,12})[ \t]*(;.*)?$/.exec(line);
        if (!size) throw new HttpClientError('PM_HTTP_INVALID_CHUNK', `invalid chunk size ${JSON.stringify(line.slice(0, 40))}`);
        this.#remaining = Number.parseInt(size[1]!, 16);
        this.#chunk = this.#remaining === 0 ? Chunk.Trailers : Chunk.Data;
      } else if (line === '') {
        this.#end(ex, buf.length - i);
        return;
      }
    }
  }

  /** Parses a response head; true for a 1xx answer, which is skipped (RFC 9110 §15.2). */
  #head(ex: Exchange, text: string): boolean {
    let pos = text.indexOf('\r\n');
    if (pos < 0) pos = text.length;
    const first = text.slice(0, pos);
    const status = /^HTTP\/1\.([01]) ([1-9]\d\d)(?: |$)/.exec(first);
    if (!status) throw new HttpClientError('PM_HTTP_INVALID_RESPONSE', `not an HTTP/1.x status line: ${JSON.stringify(first.slice(0, 60))}`);
    const code = Number(status[2]);
    if (code === 101) throw new HttpClientError('PM_HTTP_INVALID_RESPONSE', 'the receiver switched protocols (101) unasked');
    if (code < 200) return true;
    this.#status = code;
    this.#idleMs = IDLE_DEFAULT_MS;
    let length: number | undefined;
    let chunked = false;
    let close = status[1] === '0';
    // One pass over the lines without splitting them: only the four framing and reuse headers are
    // read (names of 10, 14 and 17 characters), the rest (Date, Content-Type, …) is skipped.
    while (pos < text.length) {
      const start = pos + 2;
      let end = text.indexOf('\r\n', start);
      if (end < 0) end = text.length;
      pos = end;
      const colon = text.indexOf(':', start);
      const before = colon > start ? text.charCodeAt(colon - 1) : 32;
      // RFC 9112 §5.1: no whitespace between a field name and its colon (a framing header so
      // written must not be skipped as an unknown one).
      if (colon < 0 || colon > end || before === 32 || before === 9) {
        throw new HttpClientError('PM_HTTP_INVALID_RESPONSE', `a malformed response header line: ${JSON.stringify(text.slice(start, Math.min(end, start + 60)))}`);
      }
      const nameLength = colon - start;
      if (nameLength !== 10 && nameLength !== 14 && nameLength !== 17) continue;
      const name = text.slice(start, colon).toLowerCase();
      const value = text.slice(colon + 1, end).trim();
      if (name === 'content-length') {
        if (!/^\d{1,15}$/.test(value) || (length !== undefined && length !== Number(value))) throw new HttpClientError('PM_HTTP_INVALID_RESPONSE', `an invalid Content-Length: ${JSON.stringify(value)}`);
        length = Number(value);
      } else if (name === 'transfer-encoding') {
        chunked = /(?:^|,)\s*chunked\s*$/i.test(value);
        if (!chunked) close = true;
      } else if (name === 'connection') {
        if (/(?:^|,)\s*close\s*(?:,|$)/i.test(value)) close = true;
        else if (status[1] === '0' && /(?:^|,)\s*keep-alive\s*(?:,|$)/i.test(value)) close = false;
      } else if (name === 'keep-alive') {
        const t = /(?:^|,)\s*timeout\s*=\s*(\d+)/i.exec(value);
        if (t) this.#idleMs = Math.min(IDLE_MAX_MS, Number(t[1]) * 1000 - IDLE_MARGIN_MS);
      }
    }
    // RFC 9112 §6.3: both framings at once is how requests get smuggled; refuse it, as llhttp does.
    if (chunked && length !== undefined) throw new HttpClientError('PM_HTTP_INVALID_RESPONSE', 'the response has both Transfer-Encoding and Content-Length');
    if (close) this.#reusable = false;
    if (ex.head || code === 204 || code === 304) this.#body = Body.None;
    else if (chunked) {
      this.#body = Body.Chunked;
      this.#chunk = Chunk.Size;
    } else if (length !== undefined) {
      this.#body = length === 0 ? Body.None : Body.Length;
      this.#remaining = length;
    } else {
      this.#body = Body.UntilClose;
      this.#reusable = false;
    }
    return false;
  }

  /** The response is complete; `extra` bytes after it mean the connection is out of step. */
  #end(ex: Exchange, extra: number): void {
    if (extra > 0) this.#reusable = false;
    ex.done = true;
    this.#ex = undefined;
    const reuse = this.#reusable;
    ex.handler.onResponseEnd();
    if (reuse) this.#release();
    else this.#close();
  }

  /** An unwritten request is handed back (it was aborted before its write): the socket is as good as before, next one or idle. */
  #handBack(): void {
    const ex = this.#ex;
    if (ex) ex.done = true;
    this.#ex = undefined;
    this.#release();
  }

  #release(): void {
    if (this.#closed) return;
    const next = this.#pool.next();
    if (next) return this.assign(next);
    if (this.#idleMs <= 0) return this.#close();
    this.#idleTimer = setTimeout(onIdleTimeout, this.#idleMs, this);
    this.#idleTimer.unref();
    // An idle connection does not keep the process alive (as undici's do): a library user who
    // never closes the pool still exits when the work is done.
    this.socket.unref();
    this.#unref = true;
    this.#pool.idle(this);
  }

  #onEnd(): void {
    const ex = this.#ex;
    // A body delimited by the connection's end (no Content-Length, not chunked) ends here.
    if (ex && ex.written && !ex.done && this.#started && this.#body === Body.UntilClose) {
      this.#reusable = false;
      this.#end(ex, 0);
      return;
    }
    this.#fail(new HttpClientError('PM_HTTP_SOCKET_CLOSED', 'other side closed'));
  }

  /** The socket failed or closed: its request (if any) fails with the cause; the socket goes. */
  #fail(err: Error): void {
    const ex = this.#ex;
    this.#ex = undefined;
    this.#close();
    if (ex && !ex.done && !ex.aborted) {
      ex.done = true;
      ex.handler.onResponseError(ex.written ? ex : undefined, err);
    }
  }

  #close(): void {
    if (this.#closed) return;
    this.#closed = true;
    clearTimeout(this.#connectTimer);
    clearTimeout(this.#idleTimer);
    this.socket.destroy();
    this.#pool.closed(this);
  }

  /** Closes the socket; a request still on it fails (the pool was destroyed). */
  destroy(): void {
    this.#fail(new HttpClientError('PM_HTTP_POOL_DESTROYED', 'the connection pool was destroyed'));
  }

  idleTimedOut(): void {
    if (this.idle) this.#close();
  }
}

/**
 * Requests started in one event-loop turn are written together after it (setImmediate), not each
 * the moment it starts. Answers come back in bursts (one poll of the sockets), and each answer
 * starts the next request; written one by one, interleaved with the planning of the next event,
 * each write wakes a receiver on the same machine that had gone back to sleep, and on a VM a
 * wake-up is a costly cross-CPU interrupt. Written together, a burst wakes it once. Measured
 * (bench/README.md "Delivering"): the receiver's CPU per event fell by a third and a run sent
 * 15-25 % more events per second. A request waits at most for the rest of its turn, and its
 * latency is measured from its write (`onRequestStart` is called there).
 */
let turnWrites: Connection[] = [];
let flushScheduled = false;

function queueWrite(conn: Connection): void {
  turnWrites.push(conn);
  if (flushScheduled) return;
  flushScheduled = true;
  setImmediate(flushTurnWrites);
}

function flushTurnWrites(): void {
  // A request handed back here (aborted while it waited) lets the next one onto its connection:
  // that one is queued for the next turn's batch, not this one's.
  const batch = turnWrites;
  turnWrites = [];
  flushScheduled = false;
  for (const conn of batch) {
    try {
      conn.flushQueued();
    } catch (err) {
      conn.writeFailed(err instanceof Error ? err : new Error(String(err)));
    }
  }
}

/** Module-level timer callbacks: no closure per timer. */
function onConnectTimeout(conn: Connection): void {
  conn.connectTimedOut();
}

function onIdleTimeout(conn: Connection): void {
  conn.idleTimedOut();
}

/** Keep-alive connections to one origin, at most `connections` of them; requests beyond wait in order. */
export class Http1Pool {
  readonly #host: string;
  readonly #hostname: string;
  readonly #port: number;
  readonly #secure: boolean;
  readonly #options: Http1PoolOptions;
  readonly #all = new Set<Connection>();
  /** Idle connections, the most recently used last (taken first: the least likely to be stale). */
  readonly #idle: Connection[] = [];
  readonly #queue: Exchange[] = [];
  #closing: (() => void) | undefined;
  #closed = false;

  constructor(origin: string, options: Http1PoolOptions) {
    const url = new URL(origin);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new HttpClientError('PM_HTTP_INVALID_REQUEST', `not an http(s) origin: ${origin}`);
    this.#secure = url.protocol === 'https:';
    this.#host = url.host;
    this.#hostname = url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
    this.#port = url.port ? Number(url.port) : this.#secure ? 443 : 80;
    this.#options = options;
  }

  /** Sends one request; every outcome reaches `handler` (a bad header too, before anything is written). */
  dispatch(req: HttpRequest, handler: ResponseHandler): void {
    if (this.#closed) {
      handler.onResponseError(undefined, new HttpClientError('PM_HTTP_POOL_CLOSED', 'the connection pool is closed'));
      return;
    }
    let built: { bytes: Buffer; keepAlive: boolean };
    try {
      built = requestBytes(req, this.#host);
    } catch (err) {
      handler.onResponseError(undefined, err as Error);
      return;
    }
    const ex = new Exchange(handler, built.bytes, built.keepAlive, req.method === 'HEAD');
    let conn: Connection | undefined;
    while ((conn = this.#idle.pop()) && !conn.idle);
    if (conn) conn.assign(ex);
    else if (this.#all.size < this.#options.connections) this.#open().assign(ex);
    else this.#queue.push(ex);
  }

  #open(): Connection {
    const socket = this.#secure
      ? tlsConnect({
          host: this.#hostname,
          port: this.#port,
          // SNI names a host, never an address (RFC 6066 §3).
          servername: isIP(this.#hostname) ? undefined : this.#hostname,
          rejectUnauthorized: this.#options.rejectUnauthorized,
          ALPNProtocols: ['http/1.1'],
        })
      : netConnect({ host: this.#hostname, port: this.#port });
    const conn = new Connection(this, socket, this.#secure);
    this.#all.add(conn);
    return conn;
  }

  /** The next waiting request that is still wanted (aborted ones are dropped). */
  next(): Exchange | undefined {
    let ex: Exchange | undefined;
    while ((ex = this.#queue.shift()) && ex.aborted);
    return ex;
  }

  idle(conn: Connection): void {
    this.#idle.push(conn);
    if (this.#closing) this.#checkClosed();
  }

  closed(conn: Connection): void {
    this.#all.delete(conn);
    const at = this.#idle.indexOf(conn);
    if (at >= 0) this.#idle.splice(at, 1);
    // A request was waiting for a connection: this one's place is free.
    if (!this.#closed && this.#queue.length > 0 && this.#all.size < this.#options.connections) {
      const ex = this.next();
      if (ex) this.#open().assign(ex);
    }
    if (this.#closing) this.#checkClosed();
  }

  #checkClosed(): void {
    if (this.#queue.length > 0) return;
    for (const c of this.#all) if (!c.idle) return;
    // Taken first: closing each connection calls closed(), which must not come back here.
    const done = this.#closing;
    this.#closing = undefined;
    for (const c of [...this.#all]) c.destroy();
    done?.();
  }

  /** Graceful: waiting and in-flight requests finish, then the connections close. */
  close(): Promise<void> {
    if (this.#closing || this.#closed) return Promise.resolve();
    return new Promise<void>((resolve) => {
      this.#closing = () => {
        this.#closed = true;
        resolve();
      };
      this.#checkClosed();
    });
  }

  /** Immediate: waiting and in-flight requests fail, the sockets are dropped. */
  destroy(): Promise<void> {
    this.#closed = true;
    const queued = this.#queue.splice(0);
    for (const ex of queued) if (!ex.aborted) ex.handler.onResponseError(undefined, new HttpClientError('PM_HTTP_POOL_DESTROYED', 'the connection pool was destroyed'));
    const done = this.#closing;
    this.#closing = undefined;
    for (const c of [...this.#all]) c.destroy();
    done?.();
    return Promise.resolve();
  }
}
