import type { ApiReply } from './http.ts';

/**
 * The mluvii token endpoint, `POST /login/connect/token` (docs/providers.md M13): OAuth2 client credentials,
 * form body `grant_type=client_credentials&client_id=…&client_secret=…` (the official sample also
 * sends `response_type=token`), answered with a bearer token valid one hour. The real host runs
 * IdentityServer, whose error bodies are `{ "error": "invalid_client" }` and the like.
 */
export interface MluviiAuthOptions {
  clientId: string;
  clientSecret: string;
  /** Token lifetime in seconds; the real tokens live 1 h (docs/providers.md M13). */
  tokenLifetimeSeconds?: number;
  /** Injected clock (ms since epoch). */
  now: () => number;
  /** Injected source of token text, so tests and seeded runs are reproducible. */
  newToken: () => string;
}

export const DEFAULT_CLIENT_ID = 'provider-mock';
export const DEFAULT_CLIENT_SECRET = 'provider-mock-secret';

/** A bearer token this server issued, and when it expires (ms since epoch). */
interface IssuedToken {
  token: string;
  expiresAt: number;
}

export interface MluviiAuth {
  /** Answers the token request; `form` is the parsed x-www-form-urlencoded body (undefined if the body was not a form). */
  token(form: Record<string, string> | undefined): ApiReply;
  /** Checks an `Authorization` header; undefined when the token is good, else the 401 to send. */
  check(authorization: string | undefined): ApiReply | undefined;
  /** The tokens issued that have not expired (what `serve --data-dir` keeps across a restart). */
  issued(): IssuedToken[];
  /** Honours tokens issued before a restart; expired or malformed entries are left out. */
  restore(tokens: readonly unknown[]): number;
}

function oauthError(error: string, description: string): ApiReply {
  return { status: 400, body: { error, error_description: description }, headers: { 'cache-control': 'no-store' } };
}

function unauthorized(error: string | undefined, description: string): ApiReply {
  const challenge = error ? `Bearer error="${error}", error_description="${description}"` : 'Bearer';
  return { status: 401, headers: { 'www-authenticate': challenge }, body: { title: 'Unauthorized', status: 401, detail: description } };
}

export function createMluviiAuth(options: MluviiAuthOptions): MluviiAuth {
  const lifetime = options.tokenLifetimeSeconds ?? 3600;
  const issued = new Map<string, number>(); // token → expiry (ms)
  /** Expired tokens are forgotten when a new one is issued: a long-running server's map stays the size of the live ones. */
  const prune = (): void => {
    const now = options.now();
    for (const [token, expiry] of issued) if (expiry <= now) issued.delete(token);
  };
  return {
    token(form) {
      if (!form) return oauthError('invalid_request', 'the body must be application/x-www-form-urlencoded');
      if (form['grant_type'] !== 'client_credentials') {
        return oauthError('unsupported_grant_type', `grant_type must be client_credentials, got ${JSON.stringify(form['grant_type'] ?? null)}`);
      }
      if (form['client_id'] !== options.clientId || form['client_secret'] !== options.clientSecret) {
        return oauthError('invalid_client', 'unknown client_id or wrong client_secret');
      }
      prune();
      const token = options.newToken();
      issued.set(token, options.now() + lifetime * 1000);
      return {
        status: 200,
        headers: { 'cache-control': 'no-store' },
        body: { access_token: token, expires_in: lifetime, token_type: 'Bearer', scope: 'mluviiPublicApi' },
      };
    },
    check(authorization) {
      const m = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
      if (!m) return unauthorized(undefined, 'a bearer token is required: POST /login/connect/token first');
      const expiry = issued.get(m[1]!);
      if (expiry === undefined) return unauthorized('invalid_token', 'the token was not issued by this server');
      if (expiry <= options.now()) return unauthorized('invalid_token', `the token expired at ${new Date(expiry).toISOString()}`);
      return undefined;
    },
    issued() {
      const now = options.now();
      return [...issued].filter(([, expiry]) => expiry > now).map(([token, expiresAt]) => ({ token, expiresAt }));
    },
    restore(tokens) {
      // mluvii's tokens are JWTs valid one hour (docs/providers.md M13): self-contained, so they
      // outlive a restart of its servers, and a client that cached one keeps using it.
      const now = options.now();
      let n = 0;
      for (const t of tokens) {
        const { token, expiresAt } = (t ?? {}) as Partial<IssuedToken>;
        if (typeof token !== 'string' || token === '' || typeof expiresAt !== 'number' || !(expiresAt > now)) continue;
        issued.set(token, expiresAt);
        n++;
      }
      return n;
    },
  };
}
