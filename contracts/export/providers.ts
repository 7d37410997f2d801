/**
 * What the exports (and the Pact message metadata) say about how each provider calls a webhook:
 * the headers it sends, its authentication, the status it counts as delivered.
 * Sources: docs/providers.md (M2-M5 mluvii, E1-E4 Enreach).
 */
import type { Provider } from '../provider.ts';

/** Both providers send UTF-8 JSON (docs/providers.md E1; mluvii: the {eventType, data} envelope, M14). */
export const WEBHOOK_CONTENT_TYPE = 'application/json; charset=utf-8';

/** Enreach names the event in this header, equal to the body's EventType (docs/providers.md E1). */
export const ENREACH_EVENT_HEADER = 'X-Benemen-Event';
/** Enreach sends the configured secret verbatim in this header, no HMAC (docs/providers.md E1). */
export const ENREACH_TOKEN_HEADER = 'X-Benemen-Token';
/** The query parameter name integrators commonly register for mluvii's secret (docs/providers.md M5). */
const MLUVII_QUERY_SECRET = 'secret';

export interface SecurityScheme {
  /** Name in components/securitySchemes. */
  id: string;
  kind: 'basic' | 'apiKey';
  in?: 'header' | 'query';
  name?: string;
  description: string;
}

export interface WebhookProfile {
  provider: Provider;
  title: string;
  docsUrl: string;
  /** Header sent with the event type as its value, if any. */
  eventHeader?: string;
  /** Status codes that count as delivered, as an OpenAPI response key. */
  success: { key: '200' | '2XX'; description: string };
  failure: string;
  /** Alternatives: the provider uses one of them, depending on how the webhook was registered. */
  security: SecurityScheme[];
}

export const PROFILES: Record<Provider, WebhookProfile> = {
  mluvii: {
    provider: 'mluvii',
    title: 'mluvii Public API webhooks',
    docsUrl: 'https://docs.mluvii.com/en/for-it-specialists/public-api/webhooks-faq',
    success: { key: '2XX', description: 'Delivered. mluvii documents only that a delivery can fail; provider-mock counts any 2xx as delivered.' },
    failure: 'Any other status, or no answer: mluvii retries a failed delivery up to 2 times, then drops it (docs/providers.md M2). Events of one entity stay in order (M7).',
    security: [
      {
        id: 'mluviiBasicAuth',
        kind: 'basic',
        description:
          'HTTP Basic from the userinfo of the registered callback URL: https://user:password@host/path becomes "Authorization: Basic …" (docs/providers.md M4). No signature header exists.',
      },
      {
        id: 'mluviiQuerySecret',
        kind: 'apiKey',
        in: 'query',
        name: MLUVII_QUERY_SECRET,
        description:
          'Alternative: a secret registered in the callback URL\'s query string (…/webhook?secret=XYZ) is sent back untouched; the receiver compares it (docs/providers.md M5). The parameter name is the integrator\'s choice; "secret" is the common one.',
      },
    ],
  },
  enreach: {
    provider: 'enreach',
    title: 'Enreach (Benemen) Voice webhooks',
    docsUrl: 'https://doc.enreachvoice.com/webhooks/',
    eventHeader: ENREACH_EVENT_HEADER,
    success: { key: '200', description: 'Delivered. Only 200 counts; the response body is ignored (docs/providers.md E3, E4).' },
    failure:
      'Any other status (204 and 3xx included) or a timeout (TimeoutSeconds, default 5 s): Enreach retries a few times, then discards the event. A retry carries the same Id (docs/providers.md E2, E3).',
    security: [
      {
        id: 'enreachToken',
        kind: 'apiKey',
        in: 'header',
        name: ENREACH_TOKEN_HEADER,
        description: 'The Secret configured for the webhook, sent verbatim (no HMAC), only when a Secret is configured (docs/providers.md E1).',
      },
    ],
  },
};
