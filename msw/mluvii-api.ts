import { http, HttpResponse, type HttpHandler } from 'msw';
import { ProviderMockError } from '../contracts/errors.ts';
import { validationProblem, type ApiReply } from '../contracts/registration/http.ts';
import { MLUVII_ROUTES, createMluviiApi, type MluviiApi, type MluviiApiOptions } from '../contracts/registration/mluvii-api.ts';
import { readBody } from './body.ts';

export interface MluviiApiHandlersOptions extends MluviiApiOptions {
  /** Origin of the impersonated host (default https://app.mluvii.com; on-premise installs use their own domain, docs/providers.md M13). */
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

/** The origin of `baseUrl`, or an error naming the option when it is not an absolute http(s) URL. */
function originOf(baseUrl: string): string {
  let url: URL | undefined;
  try {
    url = new URL(baseUrl);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    throw new ProviderMockError('PM_BAD_OPTION', `baseUrl must be an absolute http(s) URL, got ${JSON.stringify(baseUrl)}`, {
      where: 'mluviiApiHandlers(options.baseUrl)',
      hint: 'the origin of the mluvii host your code calls, e.g. https://app.mluvii.com',
    });
  }
  return url.origin;
}

/**
 * The mluvii token endpoint and `/api/v1/Webhooks`, in memory, with the same behaviour as the
 * mock server's (both call contracts/registration): code that registers its webhook can be
 * tested without a network.
 */
export function mluviiApiHandlers(options: MluviiApiHandlersOptions = {}): HttpHandler[] {
  const origin = originOf(options.baseUrl ?? 'https://app.mluvii.com');
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
