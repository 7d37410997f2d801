/**
 * One HTTP attempt, the provider's way: keep-alive connections (docs/providers.md E1
 * `Connection: Keep-Alive`), a timeout over the whole attempt (docs/providers.md E2), no redirects
 * (http1.ts never follows them), and the response body read with a size cap so a receiver
 * answering with a huge body cannot exhaust memory.
 */
import { performance } from 'node:perf_hooks';
import { Http1Pool } from './http1.ts';
import type { RequestController, ResponseHandler } from './http1.ts';
import { toText } from '../contracts/text.ts';

/**
 * Why an attempt failed: no status (`timeout` … `error`), or `incomplete`: a status came but the
 * response broke off before its end (Content-Length not reached, a chunked body cut), so the
 * status does not count, as with any HTTP client that reads the whole response.
 */
export type AttemptErrorKind = 'timeout' | 'refused' | 'reset' | 'tls' | 'dns' | 'aborted' | 'incomplete' | 'error';

export interface AttemptRequest {
  /** The pool to use, when the caller already has it (else looked up by origin and TLS mode). */
  pool?: Http1Pool | undefined;
  origin: string;
  path: string;
  insecure: boolean;
  method: string;
  headers: Record<string, string>;
  body: Buffer | undefined;
  timeoutMs: number;
  maxResponseBytes: number;
  /** Aborts the attempt (the run is stopping); reported as `aborted`, never as a timeout. */
  signal?: AbortSignal | undefined;
}

export interface AttemptResult {
  /** The receiver's status, or null when it never answered (kept with `incomplete`: what it started to answer). */
  status: number | null;
  error: AttemptErrorKind | null;
  /** Low-level message (e.g. `connect ECONNREFUSED 127.0.0.1:4000`); redact before printing. */
  errorMessage: string | undefined;
  /**
   * The receiver's own time: from the request's write on a connected socket to the response's
   * headers (to the failure, for an attempt without an answer). Waiting for a connection is not in it.
   */
  latencyMs: number;
  /** Before the write: waiting for a free connection of the pool and connecting (TCP, TLS). */
  queuedMs: number;
  /** Response body bytes read (at most `maxResponseBytes` + one chunk). */
  responseBytes: number;
  /** The body was longer than the cap; the rest was not read. */
  responseTruncated: boolean;
  /** The response body as text (its first bytes, up to the bytes asked for) when asked for (probes, the inspector). */
  responseText?: string;
}

export interface PoolOptions {
  /** Connections per origin: the bounded concurrency per target. */
  connections: number;
}

/**
 * Keep-alive pools, one per (origin, TLS mode, lane). A lane (one target) gets its own pool
 * with as many connections as it may have attempts in flight, so an attempt never waits in
 * the pool's queue while its timeout runs, even when several targets share an origin.
 */
export class ConnectionPools {
  readonly #pools = new Map<string, Http1Pool>();
  readonly #connections: number;

  constructor(options: PoolOptions) {
    this.#connections = options.connections;
  }

  get(origin: string, insecure: boolean, lane = ''): Http1Pool {
    const key = `${insecure ? 'insecure' : 'verify'} ${origin} ${lane}`;
    let pool = this.#pools.get(key);
    if (!pool) {
      pool = new Http1Pool(origin, {
        connections: this.#connections,
        // docs/providers.md E5: certificates are checked unless InsecureSSL (--insecure).
        rejectUnauthorized: !insecure,
      });
      this.#pools.set(key, pool);
    }
    return pool;
  }

  /** Graceful: lets in-flight requests finish. */
  async close(): Promise<void> {
    const pools = [...this.#pools.values()];
    this.#pools.clear();
    await Promise.allSettled(pools.map((p) => p.close()));
  }

  /** Immediate: drops sockets. */
  async destroy(): Promise<void> {
    const pools = [...this.#pools.values()];
    this.#pools.clear();
    await Promise.allSettled(pools.map((p) => p.destroy()));
  }
}

/** Something in flight that can be stopped (the run is stopping). */
interface Abortable {
  abortRun(): void;
}

/**
 * Aborts a set of in-flight attempts at once (the run is stopping). Cheaper than one abort
 * listener per attempt on a shared AbortSignal.
 */
export class AbortGroup {
  readonly #members = new Set<Abortable>();
  #aborted = false;

  get aborted(): boolean {
    return this.#aborted;
  }

  add(a: Abortable): void {
    if (this.#aborted) a.abortRun();
    else this.#members.add(a);
  }

  delete(a: Abortable): void {
    this.#members.delete(a);
  }

  abortAll(): void {
    this.#aborted = true;
    const members = [...this.#members];
    this.#members.clear();
    for (const a of members) a.abortRun();
  }
}

/**
 * One request on http1.ts's callbacks: no AbortSignal, no body stream, one timer. The attempt
 * settles exactly once: on the end of the (capped) body, an error, its timeout, or a stop.
 * A timeout or stop that comes before the pool hands over its controller (the request is still
 * connecting) settles at once and aborts the request as soon as the controller arrives.
 */
class AttemptHandler implements ResponseHandler, Abortable {
  readonly #req: AttemptRequest;
  readonly #started = performance.now();
  /** When the pool hands the request to a connected socket (it writes right after). */
  #sentAt: number | undefined;
  #headersAt: number | undefined;
  readonly #keepBytes: number;
  readonly #resolve: (r: AttemptResult) => void;
  readonly #keep: Buffer[] | undefined;
  readonly #group: AbortGroup | undefined;
  #timer: NodeJS.Timeout | undefined;
  #controller: RequestController | undefined;
  #status: number | null = null;
  #bytes = 0;
  #done = false;
  #onOuterAbort: (() => void) | undefined;

  constructor(req: AttemptRequest, resolve: (r: AttemptResult) => void, keepText: boolean | number, group: AbortGroup | undefined) {
    this.#req = req;
    this.#resolve = resolve;
    this.#keepBytes = keepText === true ? 4096 : keepText === false ? 0 : keepText;
    this.#keep = this.#keepBytes > 0 ? [] : undefined;
    this.#group = group;
    this.#timer = setTimeout(onAttemptTimeout, req.timeoutMs, this);
    group?.add(this);
    const outer = req.signal;
    if (outer) {
      this.#onOuterAbort = () => this.abortRun();
      if (outer.aborted) this.abortRun();
      else outer.addEventListener('abort', this.#onOuterAbort, { once: true });
    }
  }

  timedOut(): void {
    this.#fail('timeout', `no answer within ${this.#req.timeoutMs} ms`);
  }

  abortRun(): void {
    this.#fail('aborted', 'aborted: the run is stopping');
  }

  get settled(): boolean {
    return this.#done;
  }

  #fail(kind: AttemptErrorKind, message: string): void {
    if (this.#done) return;
    this.#settle({ status: null, error: kind, errorMessage: message, ...this.#times(), responseBytes: this.#bytes, responseTruncated: false });
    this.#controller?.abort(new Error(message));
  }

  #settle(result: AttemptResult): void {
    this.#done = true;
    clearTimeout(this.#timer);
    this.#group?.delete(this);
    if (this.#onOuterAbort) this.#req.signal?.removeEventListener('abort', this.#onOuterAbort);
    if (this.#keep) result.responseText = Buffer.concat(this.#keep).subarray(0, this.#keepBytes).toString('utf8');
    this.#resolve(result);
  }

  /** Latency from the write to the headers (or to now, without headers); queueing before the write apart. */
  #times(): { latencyMs: number; queuedMs: number } {
    const end = this.#headersAt ?? performance.now();
    const sent = this.#sentAt ?? end;
    return { latencyMs: end - (this.#sentAt ?? this.#started), queuedMs: sent - this.#started };
  }

  #answered(truncated: boolean): void {
    this.#settle({ status: this.#status, error: null, errorMessage: undefined, ...this.#times(), responseBytes: this.#bytes, responseTruncated: truncated });
  }

  onRequestStart(controller: RequestController): void {
    this.#controller = controller;
    this.#sentAt = performance.now();
    if (this.#done) controller.abort(new Error('attempt already ended'));
  }

  onResponseStart(_controller: RequestController, statusCode: number): void {
    this.#headersAt = performance.now();
    this.#status = statusCode;
  }

  onResponseData(controller: RequestController, chunk: Buffer): void {
    if (this.#done) return;
    this.#bytes += chunk.length;
    if (this.#keep && this.#bytes - chunk.length < this.#keepBytes) this.#keep.push(chunk);
    if (this.#bytes > this.#req.maxResponseBytes) {
      // Stop reading; aborting closes this connection, which is cheaper than draining
      // megabytes the provider would ignore anyway (docs/providers.md E4).
      this.#answered(true);
      controller.abort(new Error('response body over the cap'));
    }
  }

  onResponseEnd(): void {
    if (!this.#done) this.#answered(false);
  }

  onResponseError(_controller: RequestController | undefined, err: Error): void {
    if (this.#done) return;
    // A status followed by a broken body is no answer: the attempt failed and is retried.
    const incomplete = this.#status !== null;
    this.#settle({
      status: this.#status,
      error: incomplete ? 'incomplete' : classifyError(err),
      errorMessage: incomplete ? `the response broke off after ${this.#bytes} body bytes: ${errorMessage(err)}` : errorMessage(err),
      ...this.#times(),
      responseBytes: this.#bytes,
      responseTruncated: false,
    });
  }
}

/** A module-level timer callback: no closure per attempt. */
function onAttemptTimeout(handler: AttemptHandler): void {
  handler.timedOut();
}

/**
 * Sends one request and never throws: every failure is classified into the result. `keepText`:
 * keep the response body's first bytes as text (true: 4 KiB, or a byte count).
 */
export function sendAttempt(pools: ConnectionPools, req: AttemptRequest, keepText: boolean | number = false, group?: AbortGroup): Promise<AttemptResult> {
  return new Promise<AttemptResult>((resolve) => {
    const handler = new AttemptHandler(req, resolve, keepText, group);
    // Already stopped (the run is aborting): do not open a connection at all.
    if (handler.settled) return;
    try {
      (req.pool ?? pools.get(req.origin, req.insecure)).dispatch({ path: req.path, method: req.method, headers: req.headers, body: req.body ?? null }, handler);
    } catch (err) {
      handler.onResponseError(undefined, err as Error);
    }
  });
}

const TLS_CODE = /^(ERR_TLS|ERR_SSL|CERT_|UNABLE_TO_|DEPTH_ZERO|SELF_SIGNED|ERR_OSSL|HOSTNAME_MISMATCH)/;

/** Maps a transport error to the kinds the journal and the summary count. */
export function classifyError(err: unknown): AttemptErrorKind {
  for (let e: unknown = err, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = toText((e as { code?: unknown }).code);
    if (code === 'ECONNREFUSED') return 'refused';
    if (code === 'ECONNRESET' || code === 'EPIPE' || code === 'ECONNABORTED' || code === 'PM_HTTP_SOCKET_CLOSED') return 'reset';
    if (code === 'ETIMEDOUT' || code === 'PM_HTTP_CONNECT_TIMEOUT') return 'timeout';
    if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'dns';
    if (TLS_CODE.test(code)) return 'tls';
    const msg = toText((e as { message?: unknown }).message);
    if (/certificate|ssl|tls/i.test(msg)) return 'tls';
    if (/other side closed|socket hang up/i.test(msg)) return 'reset';
  }
  return 'error';
}

function errorMessage(err: unknown): string {
  const parts: string[] = [];
  for (let e: unknown = err, depth = 0; e && depth < 3; e = (e as { cause?: unknown }).cause, depth++) {
    const m = (e as { message?: unknown }).message;
    const code = (e as { code?: unknown }).code;
    const piece = `${typeof m === 'string' ? m : toText(e)}${typeof code === 'string' && !(typeof m === 'string' && m.includes(code)) ? ` (${code})` : ''}`;
    if (!parts.includes(piece)) parts.push(piece);
  }
  return parts.join(': ');
}
