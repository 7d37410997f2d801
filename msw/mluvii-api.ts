import { http, HttpResponse, type HttpHandler } from 'msw';
import { validationProblem, type ApiReply } from '../contracts/registration/http.ts';
import { MLUVII_ROUTES, createMluviiApi, type MluviiApi, type MluviiApiOptions } from '../contracts/registration/mluvii-api.ts';
import { readBody } from './body.ts';

export interface MluviiApiHandlersOptions extends MluviiApiOptions {
  /** Origin of the impersonated host (default https://app.mluvii.com; on-premise installs use their own domain, FACTS M13). */
  baseUrl?: string;
  /** Pass your own instance to inspect or seed the registered webhooks in a test. */
  api?: MluviiApi;
}

function toResponse(r: ApiReply): Response {
  const headers = new Headers(r.headers ?? {});
  if (r.body === undefined) return new HttpResponse(null, { status: r.status, headers });
  if (!headers.has('content-type')) headers.set('content-type', 'application/json; charset=utf-8');
  return new HttpResponse(JSON.stringify(r.body), { status: r.status, headers });
}

/**
 * The mluvii token endpoint and `/api/v1/Webhooks`, in memory, with the same behaviour as the
 * mock server's (both call contracts/registration): code that registers its webhook can be
 * tested without a network.
 */
export function mluviiApiHandlers(options: MluviiApiHandlersOptions = {}): HttpHandler[] {
  const origin = new URL(options.baseUrl ?? 'https://app.mluvii.com').origin;
  const api = options.api ?? createMluviiApi(options);
  const routes = Object.values(MLUVII_ROUTES);
  return [
    http.all(
      ({ request }) => {
        const url = new URL(request.url);
        return url.origin === origin && routes.some((r) => r.test(url.pathname));
      },
      async ({ request }) => {
        const url = new URL(request.url);
        const body = await readBody(request);
        if (body.error) return toResponse(validationProblem({ $: [body.error] }));
        const reply = api.handle({
          method: request.method,
          path: url.pathname,
          headers: { authorization: request.headers.get('authorization') ?? undefined },
          json: body.json,
          ...(body.form ? { form: body.form } : {}),
        });
        return toResponse(reply ?? { status: 404 });
      },
    ),
  ];
}
