import { http, HttpResponse, type HttpHandler } from 'msw';
import { findEvent, eventNames } from '../contracts/catalog.ts';
import { ProviderMockError, suggestion } from '../contracts/errors.ts';
import { examplesOf } from '../contracts/examples.ts';
import { isProvider, PROVIDERS, type Provider } from '../contracts/provider.ts';
import { createContext, DEFAULT_TIME, generate, seriesTimes } from '../generators/index.ts';
import { parseSeed } from '../generators/inputs.ts';

export interface CatalogHandlersOptions {
  /** Where the handlers answer, e.g. `https://provider-mock.local/catalog` or `/api/mock-events`. */
  baseUrl: string;
}

/** Most payloads one request may ask for. */
export const MAX_COUNT = 100;

/** 404 for a name that is not in `valid`, with "did you mean" and the valid names. */
function unknown(kind: string, input: string, valid: readonly string[]): Response {
  return HttpResponse.json({ error: 'not found', message: `unknown ${kind} "${input}"${suggestion(input, valid)}`, validValues: valid }, { status: 404 });
}

function resolve(providerParam: string, eventType: string): { provider: Provider; eventType: string } | Response {
  if (!isProvider(providerParam)) return unknown('provider', providerParam, PROVIDERS);
  if (!findEvent(providerParam, eventType)) return unknown(`${providerParam} event type`, eventType, eventNames(providerParam));
  return { provider: providerParam, eventType };
}

/**
 * Documented payloads on demand: `GET {baseUrl}/{provider}/{eventType}?seed=&count=` answers an
 * array of generated, schema-valid payloads (seeded: the same query gives the same bytes), and
 * `GET {baseUrl}/{provider}/{eventType}/examples` the provider doc's own examples.
 */
export function catalogHandlers(options: CatalogHandlersOptions): HttpHandler[] {
  const base = options.baseUrl.replace(/\/$/, '');
  return [
    http.get(`${base}/:provider/:eventType/examples`, ({ params }) => {
      const r = resolve(String(params['provider']), String(params['eventType']));
      if (r instanceof Response) return r;
      return HttpResponse.json(examplesOf(r.provider, r.eventType).map((e) => ({ origin: e.origin, file: e.file, payload: e.value })));
    }),
    http.get(`${base}/:provider/:eventType`, ({ params, request }) => {
      const r = resolve(String(params['provider']), String(params['eventType']));
      if (r instanceof Response) return r;
      const q = new URL(request.url).searchParams;
      const countText = q.get('count') ?? '1';
      if (!/^\d+$/.test(countText) || Number(countText) < 1 || Number(countText) > MAX_COUNT) {
        return HttpResponse.json({ error: 'bad request', message: `count must be a whole number from 1 to ${MAX_COUNT}, got "${countText}"` }, { status: 400 });
      }
      let seed: number | string;
      try {
        seed = parseSeed(q.get('seed') ?? undefined, 'query.seed');
      } catch (e) {
        if (!(e instanceof ProviderMockError)) throw e;
        return HttpResponse.json({ error: 'bad request', message: e.message, where: e.where }, { status: 400 });
      }
      // Read like the CLI's and the server's ?seed=, and drawn like `provider-mock generate --seed S
      // --count N`: each payload independent (its own context), one after another, the same bytes for the same query.
      const times = seriesTimes(DEFAULT_TIME, seed);
      const payloads = Array.from({ length: Number(countText) }, (_, i) => {
        const time = times.next().value as number;
        return generate(r.provider, r.eventType, { seed, context: createContext(r.provider, { seq: i }), ...(i > 0 ? { time } : {}) });
      });
      return HttpResponse.json(payloads);
    }),
  ];
}
