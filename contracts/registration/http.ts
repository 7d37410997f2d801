/** A framework-free HTTP answer, so the Fastify server and the MSW handlers share one behaviour. */
export interface ApiReply {
  status: number;
  /** JSON body (serialized by the adapter); `undefined` = empty body. */
  body?: unknown;
  headers?: Record<string, string>;
}

/**
 * ASP.NET Core's validation answer (the mluvii Public API is ASP.NET): ProblemDetails with the
 * failing fields under `errors`.
 */
export function validationProblem(errors: Record<string, string[]>): ApiReply {
  return {
    status: 400,
    headers: { 'content-type': 'application/problem+json; charset=utf-8' },
    body: {
      type: 'https://tools.ietf.org/html/rfc7231#section-6.5.1',
      title: 'One or more validation errors occurred.',
      status: 400,
      errors,
    },
  };
}

/** ASP.NET's NotFound() with a detail saying what was not there. */
export function notFound(detail: string): ApiReply {
  return { status: 404, headers: { 'content-type': 'application/problem+json; charset=utf-8' }, body: { type: 'https://tools.ietf.org/html/rfc7231#section-6.5.4', title: 'Not Found', status: 404, detail } };
}

/** ASP.NET's Forbid(): the token is good, the client may not use this part of the API. */
export function forbidden(detail: string): ApiReply {
  return { status: 403, headers: { 'content-type': 'application/problem+json; charset=utf-8' }, body: { type: 'https://tools.ietf.org/html/rfc7231#section-6.5.3', title: 'Forbidden', status: 403, detail } };
}
