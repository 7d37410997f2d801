import { http, HttpResponse, type HttpHandler } from 'msw';
import type { Provider } from '../contracts/provider.ts';
import { formatIssues, validate, type ValidationIssue } from '../contracts/validate.ts';
import type { ValidationMode } from '../contracts/ajv.ts';
import { headersOf, readBody } from './body.ts';

export interface ReceivedWebhook {
  provider: Provider;
  eventType: string | undefined;
  headers: Record<string, string>;
  body: unknown;
  /** The status the stand-in answered. */
  status: number;
  /** Why it was refused (empty when accepted). */
  problems: string[];
}

export interface WebhookReceiverOptions {
  /** The receiver URL your code posts to (an MSW path: may contain :params or *). */
  url: string;
  provider: Provider;
  /**
   * Enreach: the configured Secret, expected verbatim in `X-Benemen-Token` (FACTS E1).
   * mluvii: `user:password`, expected as HTTP Basic credentials (FACTS M4).
   */
  secret?: string;
  /** mluvii alternative: a secret expected in the query string as `?secret=` (FACTS M5). */
  querySecret?: string;
  /** `lenient` accepts enum members and properties the catalog does not know yet. */
  mode?: ValidationMode;
  onEvent?: (event: ReceivedWebhook) => void;
}

export type ReceiverHandlers = HttpHandler[] & { received: ReceivedWebhook[] };

function refuse(status: number, problems: string[]): Response {
  return HttpResponse.json({ error: status === 401 ? 'unauthorized' : 'bad webhook', problems }, { status });
}

function authProblems(o: WebhookReceiverOptions, request: Request, headers: Record<string, string>): string[] {
  if (o.provider === 'enreach') {
    if (o.secret !== undefined && headers['x-benemen-token'] !== o.secret) {
      return [headers['x-benemen-token'] === undefined ? 'X-Benemen-Token header is missing' : 'X-Benemen-Token does not match the configured secret'];
    }
    return [];
  }
  const problems: string[] = [];
  if (o.secret !== undefined) {
    const expected = `Basic ${btoa(o.secret)}`;
    if (headers['authorization'] !== expected) {
      problems.push(headers['authorization'] ? 'Authorization does not carry the expected Basic credentials' : 'Authorization header (Basic, from the callback URL userinfo) is missing');
    }
  }
  if (o.querySecret !== undefined && new URL(request.url).searchParams.get('secret') !== o.querySecret) {
    problems.push('query parameter "secret" is missing or wrong');
  }
  return problems;
}

function bodyProblems(o: WebhookReceiverOptions, headers: Record<string, string>, body: unknown): { eventType: string | undefined; problems: string[] } {
  const r = validate(body, { provider: o.provider, ...(o.mode ? { mode: o.mode } : {}) });
  const problems = formatIssues(r.errors as ValidationIssue[]);
  if (o.provider === 'enreach') {
    // FACTS E1: X-Benemen-Event names the event, the same as the body's EventType.
    const header = headers['x-benemen-event'];
    if (header === undefined) problems.push('X-Benemen-Event header is missing');
    else if (header !== r.eventType) problems.push(`X-Benemen-Event "${header}" differs from the body's EventType "${r.eventType ?? ''}"`);
  }
  if (!(headers['content-type'] ?? '').startsWith('application/json')) problems.push(`Content-Type must be application/json, got ${headers['content-type'] ?? 'none'}`);
  return { eventType: r.eventType, problems };
}

/**
 * Stands in for a webhook receiver in Node tests of code that sends or forwards these webhooks:
 * answers like a compliant receiver (200 with no body, as Enreach asks, FACTS E4), or 401 with the
 * reason for bad credentials, or 400 with the reasons for headers or a body that the provider
 * would never send. Everything received is recorded in `.received` for assertions.
 */
export function webhookReceiverHandlers(options: WebhookReceiverOptions): ReceiverHandlers {
  const received: ReceivedWebhook[] = [];
  const record = (e: ReceivedWebhook) => {
    received.push(e);
    options.onEvent?.(e);
  };
  const handler = http.post(options.url, async ({ request }) => {
    const headers = headersOf(request);
    const parsed = await readBody(request);
    const denied = authProblems(options, request, headers);
    if (denied.length > 0) {
      record({ provider: options.provider, eventType: undefined, headers, body: parsed.json, status: 401, problems: denied });
      return refuse(401, denied);
    }
    if (parsed.error) {
      record({ provider: options.provider, eventType: undefined, headers, body: undefined, status: 400, problems: [parsed.error] });
      return refuse(400, [parsed.error]);
    }
    const { eventType, problems } = bodyProblems(options, headers, parsed.json);
    const status = problems.length > 0 ? 400 : 200;
    record({ provider: options.provider, eventType, headers, body: parsed.json, status, problems });
    return status === 200 ? new HttpResponse(null, { status: 200 }) : refuse(400, problems);
  });
  return Object.assign([handler], { received });
}
