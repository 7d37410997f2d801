import type { ValidationMode } from './ajv.ts';
import type { Provider } from './provider.ts';
import { formatIssues, validate } from './validate.ts';

/** What a compliant receiver expects of a webhook request. */
export interface ReceiverExpectations {
  provider: Provider;
  /**
   * Enreach: the configured Secret, expected verbatim in `X-Benemen-Token` (docs/providers.md E1).
   * mluvii: `user:password`, expected as HTTP Basic credentials (docs/providers.md M4).
   */
  secret?: string;
  /** mluvii alternative: a secret expected in the query string as `?secret=` (docs/providers.md M5). */
  querySecret?: string;
  /** `lenient` accepts enum members and properties the catalog does not know yet. */
  mode?: ValidationMode;
}

export interface WebhookRequest {
  /** Header names lower-cased. */
  headers: Record<string, string | undefined>;
  /** The request URL (only its query string is read). */
  url: string;
  /** The raw body text. */
  body: string;
}

export interface WebhookVerdict {
  /** 200 accepted, 401 bad credentials, 400 anything the provider would never send. */
  status: 200 | 400 | 401;
  eventType: string | undefined;
  payload: unknown;
  problems: string[];
}

function authProblems(o: ReceiverExpectations, req: WebhookRequest): string[] {
  const h = req.headers;
  if (o.provider === 'enreach') {
    if (o.secret !== undefined && h['x-benemen-token'] !== o.secret) {
      return [h['x-benemen-token'] === undefined ? 'X-Benemen-Token header is missing' : 'X-Benemen-Token does not match the configured secret'];
    }
    return [];
  }
  const problems: string[] = [];
  if (o.secret !== undefined && h['authorization'] !== `Basic ${btoa(o.secret)}`) {
    problems.push(h['authorization'] ? 'Authorization does not carry the expected Basic credentials' : 'Authorization header (Basic, from the callback URL userinfo) is missing');
  }
  if (o.querySecret !== undefined && new URL(req.url, 'http://receiver.invalid').searchParams.get('secret') !== o.querySecret) {
    problems.push('query parameter "secret" is missing or wrong');
  }
  return problems;
}

/**
 * Judges one webhook request the way a compliant receiver should: credentials first (401), then
 * the body against the catalog and the provider's headers (400 with every reason), else 200.
 * Shared by the MSW receiver handlers and the demo's local receiver.
 */
export function checkWebhook(o: ReceiverExpectations, req: WebhookRequest): WebhookVerdict {
  const denied = authProblems(o, req);
  let payload: unknown;
  try {
    payload = req.body === '' ? undefined : JSON.parse(req.body);
  } catch (e) {
    return { status: denied.length ? 401 : 400, eventType: undefined, payload: undefined, problems: denied.length ? denied : [`body is not JSON: ${(e as Error).message}`] };
  }
  if (denied.length) return { status: 401, eventType: undefined, payload, problems: denied };
  const r = validate(payload, { provider: o.provider, ...(o.mode ? { mode: o.mode } : {}) });
  const problems = formatIssues(r.errors);
  if (o.provider === 'enreach') {
    // docs/providers.md E1: X-Benemen-Event names the event, the same as the body's EventType.
    const header = req.headers['x-benemen-event'];
    if (header === undefined) problems.push('X-Benemen-Event header is missing');
    else if (header !== r.eventType) problems.push(`X-Benemen-Event "${header}" differs from the body's EventType "${r.eventType ?? ''}"`);
  }
  const type = req.headers['content-type'] ?? '';
  if (!type.startsWith('application/json')) problems.push(`Content-Type must be application/json, got ${type || 'none'}`);
  return { status: problems.length ? 400 : 200, eventType: r.eventType, payload, problems };
}
