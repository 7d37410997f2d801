import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { Provider } from '../contracts/provider.ts';
import { checkWebhook, type WebhookVerdict } from '../contracts/receiver-check.ts';

/**
 * A small, compliant webhook receiver on 127.0.0.1, for the demo and for trying provider-mock
 * without writing a receiver first. It does what the providers ask of a receiver: check the
 * credentials, answer 200 fast with no body (docs/providers.md E4), and deduplicate: Enreach by `Id`
 * (docs/providers.md E3), mluvii by content, since its payloads carry no id (docs/providers.md M6). It answers the
 * idempotency probe (`GET /probe` → `{"count": distinct events accepted}`, delivery/README.md).
 */
export interface LocalReceiverOptions {
  /** Expected X-Benemen-Token for POST /enreach. */
  enreachSecret?: string;
  /** Expected Basic credentials `user:password` for POST /mluvii. */
  mluviiCredentials?: string;
  port?: number;
}

export interface ReceiverStats {
  accepted: number;
  /** Accepted again: a retry or duplicate of an event already stored, ignored as a receiver should. */
  duplicatesIgnored: number;
  refused: { status: number; problems: string[] }[];
  byProvider: Record<Provider, number>;
}

export interface LocalReceiver {
  /** Base URL, e.g. http://127.0.0.1:40123 */
  url: string;
  stats: ReceiverStats;
  close(): Promise<void>;
}

function readBody(req: IncomingMessage, limit = 1 << 20): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > limit) req.destroy(new Error('body too large'));
      else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function dedupKey(provider: Provider, v: WebhookVerdict, body: string): string {
  const id = provider === 'enreach' ? (v.payload as { Id?: unknown }).Id : undefined;
  return typeof id === 'string' ? `enreach:${id}` : `${provider}:${createHash('sha256').update(body).digest('hex')}`;
}

export function startLocalReceiver(options: LocalReceiverOptions = {}): Promise<LocalReceiver> {
  const seen = new Set<string>();
  const stats: ReceiverStats = { accepted: 0, duplicatesIgnored: 0, refused: [], byProvider: { mluvii: 0, enreach: 0 } };
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (req.method === 'GET' && path === '/probe') {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ count: seen.size }));
      return;
    }
    const provider: Provider | undefined = path === '/enreach' ? 'enreach' : path === '/mluvii' ? 'mluvii' : undefined;
    if (req.method !== 'POST' || !provider) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('POST /enreach or /mluvii; GET /probe');
      return;
    }
    readBody(req).then(
      (body) => {
        const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : v]));
        const secret = provider === 'enreach' ? options.enreachSecret : options.mluviiCredentials;
        const verdict = checkWebhook({ provider, ...(secret !== undefined ? { secret } : {}) }, { headers, url: req.url ?? '/', body });
        if (verdict.status !== 200) {
          stats.refused.push({ status: verdict.status, problems: verdict.problems });
          res.writeHead(verdict.status, { 'content-type': 'application/json' }).end(JSON.stringify({ problems: verdict.problems }));
          return;
        }
        const key = dedupKey(provider, verdict, body);
        if (seen.has(key)) stats.duplicatesIgnored++;
        else {
          seen.add(key);
          stats.accepted++;
          stats.byProvider[provider]++;
        }
        res.writeHead(200).end();
      },
      () => res.writeHead(400).end(),
    );
  });
  return new Promise((resolve) =>
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      resolve({
        url: `http://127.0.0.1:${port}`,
        stats,
        close: () =>
          new Promise<void>((r) => {
            server.closeAllConnections();
            server.close(() => r());
          }),
      });
    }),
  );
}
