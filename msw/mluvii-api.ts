import { http, HttpResponse, type HttpHandler } from 'msw';
import { ProviderMockError } from '../contracts/errors.ts';
import { validationProblem, type ApiReply } from '../contracts/registration/http.ts';
import { MLUVII_ROUTES, createMluviiApi, type MluviiApi, type MluviiApiOptions } from '../contracts/registration/mluvii-api.ts';
import { createMluviiRecords, type MluviiRecords } from '../generators/mluvii/records.ts';
import type { MluviiWorld } from '../generators/mluvii/world.ts';
import type { Scenario } from '../scenarios/engine/ast.ts';
import { planWithWorlds } from '../scenarios/index.ts';
import { readBody } from './body.ts';

export interface MluviiApiHandlersOptions extends Omit<MluviiApiOptions, 'reads'> {
  /** Origin of the impersonated host (default https://app.mluvii.com; on-premise installs use their own domain, docs/providers.md M13). */
  baseUrl?: string;
  /** Pass your own instance to inspect or seed the registered webhooks in a test. */
  api?: MluviiApi;
  /** What GET /api/v1/Sessions and /api/v1/Users read (default: a fresh one); record into it with playInto(). */
  records?: MluviiRecords;
  /**
   * Scenarios whose sessions the read routes answer, as if mluvii had played them: give the same
   * scenario, seed and startTime as to eventStreamHandlers and the sessions match the events.
   */
  play?: PlayOptions;
}

export interface PlayOptions {
  scenario: Scenario | readonly Scenario[];
  seed?: number | string;
  /** Start of the timeline (ms since epoch). */
  startTime?: number;
}

/**
 * Plays scenarios into mluvii records: their worlds become known and every mluvii event is
 * recorded at its time, so the sessions read back as the webhooks said. The same records the
 * mock server fills from its runs.
 */
export function playInto(records: MluviiRecords, o: PlayOptions): void {
  const { timeline, worlds, startTime } = planWithWorlds(o.scenario, { ...(o.seed !== undefined ? { seed: o.seed } : {}), ...(o.startTime !== undefined ? { startTime: o.startTime } : {}) });
  for (const w of worlds) if ((w as { provider?: string }).provider === 'mluvii') records.addWorld(w as MluviiWorld);
  for (const entry of timeline) if (entry.provider === 'mluvii') records.record(entry.payload, startTime + entry.at);
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
 * The mluvii Public API in memory (token, /api/v1/Webhooks, /api/v1/Sessions, /api/v1/Users),
 * with the same behaviour as the mock server's (both call contracts/registration): code that
 * registers its webhook and reads sessions back can be tested without a network.
 */
export function mluviiApiHandlers(options: MluviiApiHandlersOptions = {}): HttpHandler[] {
  const origin = originOf(options.baseUrl ?? 'https://app.mluvii.com');
  const records = options.records ?? createMluviiRecords();
  if (options.play) playInto(records, options.play);
  const api = options.api ?? createMluviiApi({ ...options, reads: records });
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
          query: [...url.searchParams],
          headers: { authorization: request.headers.get('authorization') ?? undefined },
          json: body.json,
          ...(body.form ? { form: body.form } : {}),
        });
        return toResponse(reply ?? { status: 404 });
      },
    ),
  ];
}
