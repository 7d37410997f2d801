/**
 * A programmable webhook receiver on 127.0.0.1 (http, or https with a self-signed cert) that
 * records every request. Per request it can answer a status (with a delay, a body, headers),
 * hang, reset the connection, send a huge body, cut a body short, or redirect.
 */
import { createServer as createHttpServer } from 'node:http';
import type { IncomingHttpHeaders, IncomingMessage, Server, ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { selfSignedCert } from './tls.ts';

export type Behaviour =
  | { status?: number; body?: string; headers?: Record<string, string>; delayMs?: number }
  | { hang: true }
  | { reset: true }
  | { hugeBodyBytes: number; status?: number }
  /** Declares `contentLength` body bytes, sends `bytes` of them, then closes the connection. */
  | { truncatedBody: { contentLength: number; bytes: number }; status?: number }
  | { redirect: string; status?: number };

export interface RecordedRequest {
  index: number;
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
  /** The body parsed as JSON (undefined if it is not JSON). */
  json: unknown;
}

export type BehaviourSpec = Behaviour | readonly Behaviour[] | ((req: RecordedRequest) => Behaviour);

export interface ReceiverOptions {
  behaviour?: BehaviourSpec;
  https?: boolean;
}

export interface Receiver {
  /** `http(s)://127.0.0.1:<port>` */
  origin: string;
  port: number;
  /** `origin + '/webhook'` */
  url: string;
  requests: RecordedRequest[];
  /** TCP (or TLS) connections accepted so far: keep-alive keeps this low. */
  readonly connections: number;
  /** The most requests that were in flight (received, not yet answered) at once. */
  readonly maxInFlight: number;
  /** Replace the behaviour (request numbering continues). */
  behave(spec: BehaviourSpec): void;
  close(): Promise<void>;
}

function pick(spec: BehaviourSpec, req: RecordedRequest): Behaviour {
  if (typeof spec === 'function') return spec(req);
  if (Array.isArray(spec)) {
    const list = spec as readonly Behaviour[];
    return list[Math.min(req.index, list.length - 1)] ?? { status: 200 };
  }
  return spec as Behaviour;
}

export async function startReceiver(options: ReceiverOptions = {}): Promise<Receiver> {
  let spec: BehaviourSpec = options.behaviour ?? { status: 200 };
  const requests: RecordedRequest[] = [];
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  let connections = 0;
  let inFlight = 0;
  let maxInFlight = 0;

  const handler = (req: IncomingMessage, res: ServerResponse): void => {
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    let counted = true;
    const done = (): void => {
      if (counted) inFlight--;
      counted = false;
    };
    res.on('finish', done);
    res.on('close', done);
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      let json: unknown;
      try {
        json = JSON.parse(body);
      } catch {
        json = undefined;
      }
      const rec: RecordedRequest = { index: requests.length, method: req.method ?? '', url: req.url ?? '', headers: req.headers, body, json };
      requests.push(rec);
      respond(pick(spec, rec), req, res);
    });
  };

  const respond = (b: Behaviour, req: IncomingMessage, res: ServerResponse): void => {
    res.on('error', () => {});
    if ('hang' in b) return;
    if ('reset' in b) {
      req.socket.destroy();
      return;
    }
    if ('redirect' in b) {
      res.writeHead(b.status ?? 302, { location: b.redirect, 'content-length': '0' });
      res.end();
      return;
    }
    if ('truncatedBody' in b) {
      res.writeHead(b.status ?? 200, { 'content-type': 'text/plain', 'content-length': String(b.truncatedBody.contentLength) });
      res.write(Buffer.alloc(b.truncatedBody.bytes, 0x6f), () => req.socket.destroy());
      return;
    }
    if ('hugeBodyBytes' in b) {
      res.writeHead(b.status ?? 200, { 'content-type': 'application/octet-stream', 'content-length': String(b.hugeBodyBytes) });
      const chunk = Buffer.alloc(64 * 1024, 0x61);
      let left = b.hugeBodyBytes;
      const write = (): void => {
        while (left > 0 && !res.destroyed) {
          const n = Math.min(left, chunk.length);
          left -= n;
          if (!res.write(n === chunk.length ? chunk : chunk.subarray(0, n))) {
            res.once('drain', write);
            return;
          }
        }
        if (!res.destroyed) res.end();
      };
      write();
      return;
    }
    const send = (): void => {
      if (res.destroyed) return;
      const body = b.body ?? '';
      res.writeHead(b.status ?? 200, { 'content-length': String(Buffer.byteLength(body)), ...(b.headers ?? {}) });
      res.end(body);
    };
    if (b.delayMs) {
      const t = setTimeout(() => {
        timers.delete(t);
        send();
      }, b.delayMs);
      timers.add(t);
    } else send();
  };

  let server: Server;
  if (options.https) {
    const { key, cert } = selfSignedCert();
    server = createHttpsServer({ key, cert }, handler);
  } else {
    server = createHttpServer(handler);
  }
  server.on('connection', (s: Socket) => {
    if (!options.https) connections++;
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  server.on('secureConnection', (s: Socket) => {
    connections++;
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  server.on('clientError', (_e, s: Socket) => s.destroy());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const origin = `${options.https ? 'https' : 'http'}://127.0.0.1:${port}`;
  return {
    origin,
    port,
    url: `${origin}/webhook`,
    requests,
    get connections() {
      return connections;
    },
    get maxInFlight() {
      return maxInFlight;
    },
    behave(next) {
      spec = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const t of timers) clearTimeout(t);
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

/** A port on 127.0.0.1 that nothing listens on: bound, then closed. */
export async function refusedPort(): Promise<number> {
  const server = createHttpServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
