import { http, HttpResponse, type HttpHandler } from 'msw';
import { unknownName } from '../contracts/errors.ts';
import { isProvider, PROVIDERS, type Provider } from '../contracts/provider.ts';
import { checkWebhook, type ReceiverExpectations } from '../contracts/receiver-check.ts';
import { headersOf } from './body.ts';

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

export interface WebhookReceiverOptions extends ReceiverExpectations {
  /** The receiver URL your code posts to (an MSW path: may contain :params or *). */
  url: string;
  onEvent?: (event: ReceivedWebhook) => void;
}

export type ReceiverHandlers = HttpHandler[] & { received: ReceivedWebhook[] };

/**
 * Stands in for a webhook receiver in Node tests of code that sends or forwards these webhooks:
 * answers like a compliant receiver (200 with no body, as Enreach asks, docs/providers.md E4), or 401 with the
 * reason for bad credentials, or 400 with the reasons for headers or a body that the provider
 * would never send (contracts/receiver-check.ts). Everything received is recorded in `.received`.
 */
export function webhookReceiverHandlers(options: WebhookReceiverOptions): ReceiverHandlers {
  // Bad options fail where the handlers are made, not as a 500 inside the code under test.
  if (!isProvider(options.provider)) throw unknownName('PM_BAD_OPTION', 'provider', String(options.provider), PROVIDERS, 'webhookReceiverHandlers(options.provider)');
  if (options.mode !== undefined && options.mode !== 'strict' && options.mode !== 'lenient') {
    throw unknownName('PM_BAD_OPTION', 'mode', String(options.mode), ['strict', 'lenient'], 'webhookReceiverHandlers(options.mode)');
  }
  const received: ReceivedWebhook[] = [];
  const handler = http.post(options.url, async ({ request }) => {
    const headers = headersOf(request);
    const verdict = checkWebhook(options, { headers, url: request.url, body: await request.text() });
    const event = { provider: options.provider, eventType: verdict.eventType, headers, body: verdict.payload, status: verdict.status, problems: verdict.problems };
    received.push(event);
    options.onEvent?.(event);
    if (verdict.status === 200) return new HttpResponse(null, { status: 200 });
    return HttpResponse.json({ error: verdict.status === 401 ? 'unauthorized' : 'bad webhook', problems: verdict.problems }, { status: verdict.status });
  });
  return Object.assign([handler], { received });
}
