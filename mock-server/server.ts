/**
 * The thin server around `buildApp`: reads the configuration, listens, prints where everything
 * is, and closes gracefully (runs cancelled, journals flushed, SSE streams ended) on SIGINT /
 * SIGTERM or an abort signal. Everything else lives in the app.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { parse as parseYaml } from 'yaml';
import { ProviderMockError } from '../contracts/errors.ts';
import { parseEnreachConfig, type EnreachWebhookConfig } from '../contracts/registration/enreach-config.ts';
import { DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET } from '../contracts/registration/mluvii-auth.ts';
import { redactUrl } from '../delivery/redact.ts';
import type { AttemptRecord } from '../delivery/index.ts';
import { buildApp, type AppOptions } from './app.ts';
import type { Run } from './run-manager.ts';
import { checkEnreachTimeout } from './plugins/runs.ts';
import { createSecurity, isExposedHost, TOKEN_ENV } from './plugins/security.ts';
import { loadTls, type TlsMaterial } from './tls.ts';

export const DEFAULT_PORT = 4010;
export const DEFAULT_HOST = '127.0.0.1';

export interface ServerOptions {
  /** Default 4010; 0 picks a free port. */
  port?: number;
  /** Default 127.0.0.1. Anything else needs a token. */
  host?: string;
  /** Enreach webhook configuration file (JSON or YAML): one document or an array. */
  config?: string;
  /** Journals and summaries of runs. */
  dataDir?: string;
  /** Control token; default from PROVIDER_MOCK_TOKEN. */
  token?: string;
  /** Target patterns (see plugins/security.ts). */
  allowTargets?: string[];
  /** More names clients may use in the Host header (see plugins/request-guard.ts). */
  allowHosts?: string[];
  /** Browser origins allowed to call the control API. */
  allowOrigins?: string[];
  /** Timeline entries a cancelled run still reads to journal them not sent (default 10 000). */
  maxDrain?: number;
  /** Default `provider-mock`. */
  mluviiClientId?: string;
  /**
   * Default `provider-mock-secret` on loopback. An exposed server (`host` beyond loopback) never
   * takes the published default: without one it generates a random secret and prints it once.
   */
  mluviiClientSecret?: string;
  /**
   * HTTPS for every surface: `true` generates a self-signed certificate for localhost/127.0.0.1
   * (kept in `<dataDir>/tls` when there is a data dir, else in a temporary folder); or the
   * user's own PEM files.
   */
  tls?: boolean | { certFile?: string; keyFile?: string };
  /** Where the start banner and the log lines go (default: stdout). */
  print?: (line: string) => void;
  /** No log line per delivery and per ended run (the banner still prints). */
  quiet?: boolean;
  /** Closes the server when aborted (the CLI passes its SIGINT/SIGTERM signal). */
  signal?: AbortSignal;
  /** Aborted during the close (a second signal): runs end their drain and grace at once. */
  stopNow?: AbortSignal;
  /** Without `signal`: close on SIGINT/SIGTERM (default true). */
  handleSignals?: boolean;
  env?: Record<string, string | undefined>;
  cwd?: string;
  /** Passed to buildApp (caps, logger, …). */
  app?: Omit<AppOptions, 'security' | 'enreachConfigs'>;
}

export interface RunningServer {
  /** `http://127.0.0.1:4010` (`https://…` with TLS) */
  url: string;
  port: number;
  /** With TLS: the certificate clients should trust. */
  tls?: Pick<TlsMaterial, 'certPath' | 'fingerprint256' | 'names' | 'origin' | 'validTo'>;
  app: FastifyInstance;
  /** Cancels runs, flushes journals, ends SSE streams, stops listening. Idempotent. */
  close(): Promise<void>;
  /** Settles once the server has closed (by close(), a signal or the abort signal). */
  closed: Promise<void>;
}

/** Reads `--config`: the Enreach configuration document(s), JSON or YAML. */
export function readEnreachConfigFile(path: string): EnreachWebhookConfig[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (cause) {
    throw new ProviderMockError('PM_SERVE_CONFIG', `cannot read the configuration file "${path}": ${(cause as NodeJS.ErrnoException).code ?? (cause as Error).message}`, { where: '--config', cause });
  }
  let doc: unknown;
  try {
    doc = parseYaml(text);
  } catch (cause) {
    const pos = (cause as { linePos?: { line: number; col: number }[] }).linePos?.[0];
    throw new ProviderMockError('PM_SERVE_CONFIG', `the configuration is neither JSON nor YAML: ${(cause as Error).message.split('\n')[0]}`, {
      where: pos ? `${path}:${pos.line}:${pos.col}` : path,
      cause,
    });
  }
  return parseEnreachConfig(doc, path);
}

/**
 * The mluvii client_secret the token endpoint accepts. On loopback the published default is fine;
 * an exposed server refuses it (anyone who read the docs would get a mluvii token, list the
 * registrations and delete them) and, when none is given, generates a random one.
 */
export function mluviiClient(exposed: boolean, given: string | undefined): { secret: string | undefined; generated: boolean } {
  if (!exposed || (given !== undefined && given !== DEFAULT_CLIENT_SECRET)) return { secret: given, generated: false };
  if (given === DEFAULT_CLIENT_SECRET) {
    throw new ProviderMockError('PM_SERVE_DEFAULT_CREDENTIALS', `listening beyond loopback with the published default mluvii client_secret "${DEFAULT_CLIENT_SECRET}" would hand a mluvii token to anyone`, {
      where: '--mluvii-client-secret',
      hint: 'choose your own secret, or leave the flag out and the server generates a random one and prints it once',
    });
  }
  return { secret: randomBytes(18).toString('base64url'), generated: true };
}

function urlHost(host: string): string {
  return host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
}

/** `14:32:05 run 1a2b3c4d #3 delivered mluvii SessionCreated session:7353153 → http://…/hook: 200 in 3.1 ms (attempt 1)` */
function deliveryLogLine(run: Run, rec: AttemptRecord, now = new Date()): string {
  const answer = rec.status !== null ? `${rec.status}${rec.latencyMs !== null ? ` in ${rec.latencyMs} ms` : ''}` : rec.attempt === 0 ? 'not sent' : (rec.error ?? 'no answer');
  const why = rec.outcome !== 'delivered' && rec.reason ? ` (${rec.reason})` : '';
  return `${now.toISOString().slice(11, 19)} run ${run.id.slice(0, 8)} #${rec.seq} ${rec.outcome} ${rec.provider} ${rec.eventType} ${rec.entityKey} → ${rec.target || '(no target)'}: ${answer}${rec.attempt > 0 ? ` (attempt ${rec.attempt})` : ''}${why}`;
}

function logDelivery(print: (line: string) => void, run: Run, rec: AttemptRecord): void {
  // One line per delivery: the line that settles it (retries show in its attempt number).
  if (rec.final && rec.kind !== 'auth-probe') print(deliveryLogLine(run, rec));
}

function runEndLine(run: Run): string {
  const c = run.counts;
  return `${new Date().toISOString().slice(11, 19)} run ${run.id.slice(0, 8)} ${run.status}: ${run.names.join(' + ')}: ${c.delivered}/${c.planned} delivered${c.discarded ? `, ${c.discarded} discarded` : ''}${c.notSent ? `, ${c.notSent} not sent` : ''}${c.unsubscribed ? `, ${c.unsubscribed} events without subscriber` : ''}${run.exitCode !== undefined ? `, exit ${run.exitCode}` : ''}`;
}

export async function startServer(opts: ServerOptions = {}): Promise<RunningServer> {
  const env = opts.env ?? process.env;
  const print = opts.print ?? ((line: string) => process.stdout.write(`${line}\n`));
  const host = opts.host ?? DEFAULT_HOST;
  const port = opts.port ?? DEFAULT_PORT;
  const exposed = isExposedHost(host);
  const token = opts.token ?? env[TOKEN_ENV];
  const security = { ...(token ? { token } : {}), allowTargets: opts.allowTargets ?? [], exposed };
  // Refuse a bad configuration before anything listens (token, config file, targets).
  const checker = createSecurity(security);
  const enreachConfigs = opts.config ? readEnreachConfigFile(opts.config) : [];
  enreachConfigs.forEach((c, i) => {
    checker.checkTarget(c.Webhook.Endpoint, `${opts.config}: $[${i}].Webhook.Endpoint`);
    checkEnreachTimeout(c, `${opts.config}: $[${i}].Webhook.TimeoutSeconds`);
  });
  const client = mluviiClient(exposed, opts.mluviiClientSecret ?? opts.app?.mluvii?.clientSecret);
  const tlsFiles = typeof opts.tls === 'object' ? opts.tls : {};
  const tls = opts.tls
    ? await loadTls({
        ...(tlsFiles.certFile !== undefined ? { certFile: tlsFiles.certFile } : {}),
        ...(tlsFiles.keyFile !== undefined ? { keyFile: tlsFiles.keyFile } : {}),
        ...(opts.dataDir ? { dir: join(opts.dataDir, 'tls') } : {}),
        hosts: [host],
      })
    : undefined;
  const mluvii = {
    ...(opts.app?.mluvii ?? {}),
    ...(opts.mluviiClientId ? { clientId: opts.mluviiClientId } : {}),
    ...(client.secret !== undefined ? { clientSecret: client.secret } : {}),
  };

  let app: FastifyInstance;
  try {
    app = await buildApp({
      ...opts.app,
      mluvii,
      enreachConfigs,
      security,
      requests: { host, allowHosts: opts.allowHosts ?? [], allowOrigins: opts.allowOrigins ?? [] },
      ...(tls ? { https: { key: tls.key, cert: tls.cert } } : {}),
      runs: {
        ...(opts.app?.runs ?? {}),
        ...(opts.dataDir ? { dataDir: opts.dataDir } : {}),
        ...(opts.maxDrain !== undefined ? { maxDrainAfterCancel: opts.maxDrain } : {}),
        cwd: opts.cwd ?? process.cwd(),
        ...(opts.quiet ? {} : { onAttempt: (run: Run, rec: AttemptRecord) => logDelivery(print, run, rec), onFinish: (run: Run) => print(runEndLine(run)) }),
      },
    });
  } catch (e) {
    tls?.cleanup();
    throw e;
  }
  try {
    await app.listen({ port, host });
  } catch (cause) {
    await app.close();
    tls?.cleanup();
    const code = (cause as NodeJS.ErrnoException).code;
    // The address is the host's fault when it is not this machine's or does not resolve; the rest is the port's.
    const hostFault = code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EAI_FAIL';
    const hint =
      code === 'EADDRINUSE'
        ? 'another process uses the port: pick another with --port, or --port 0 for any free one'
        : code === 'EACCES'
          ? 'ports below 1024 need privileges: pick a higher --port, or --port 0 for any free one'
          : hostFault
            ? `"${host}" is not an address of this machine: give 127.0.0.1 (the default), one of its interfaces' addresses, or 0.0.0.0 for all of them`
            : 'check --host and --port';
    throw new ProviderMockError('PM_SERVE_LISTEN', `cannot listen on ${host}:${port}: ${code ?? (cause as Error).message}`, { where: hostFault ? '--host' : '--port', hint, cause });
  }
  const address = app.server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  const url = `${tls ? 'https' : 'http'}://${urlHost(host)}:${actualPort}`;

  let closing: Promise<void> | undefined;
  let resolveClosed!: () => void;
  const closed = new Promise<void>((r) => (resolveClosed = r));
  const cleanups: (() => void)[] = [];
  // Kept until the close has ended: a second signal during it hurries the runs' drains.
  const onNow = (): void => app.runs.manager.hurry();
  if (opts.stopNow?.aborted) onNow();
  else opts.stopNow?.addEventListener('abort', onNow, { once: true });
  const close = (): Promise<void> => {
    closing ??= (async () => {
      for (const c of cleanups) c();
      await app.close();
      opts.stopNow?.removeEventListener('abort', onNow);
      tls?.cleanup();
      resolveClosed();
    })();
    return closing;
  };
  if (opts.signal) {
    const onAbort = (): void => void close();
    if (opts.signal.aborted) onAbort();
    else {
      opts.signal.addEventListener('abort', onAbort, { once: true });
      cleanups.push(() => opts.signal?.removeEventListener('abort', onAbort));
    }
  } else if (opts.handleSignals !== false) {
    // The first signal closes; one during the close hurries the runs (their journals are still written).
    const onSignal = (): void => {
      if (closing) app.runs.manager.hurry();
      else void close();
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
    void closed.then(() => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    });
  }

  const clientId = mluvii.clientId ?? DEFAULT_CLIENT_ID;
  const clientSecret = mluvii.clientSecret ?? DEFAULT_CLIENT_SECRET;
  print(`provider-mock serve: listening on ${url}${exposed ? ' (exposed beyond loopback)' : ''}`);
  print(`  inspector     ${url}/`);
  print(`  control API   ${url}/runs, ${url}/emit/{provider}/{eventType}, ${url}/catalog  (OpenAPI: ${url}/docs)`);
  const shownSecret = clientSecret === DEFAULT_CLIENT_SECRET || client.generated ? clientSecret : '***';
  print(`  mluvii        ${url}/login/connect/token (client_id ${clientId}, client_secret ${shownSecret}), ${url}/api/v1/Webhooks, ${url}/api/v1/Sessions, ${url}/api/v1/Users/{id}`);
  if (client.generated) print('                client_secret generated for this run (shown only here); pass --mluvii-client-secret to choose one');
  print(
    `  Enreach       ${url}/enreach/webhooks (configuration${enreachConfigs.length ? `; ${enreachConfigs.length} endpoint(s) from ${opts.config}: ${enreachConfigs.map((c) => redactUrl(c.Webhook.Endpoint)).join(', ')}` : ''})`,
  );
  print(`  health        ${url}/health`);
  if (checker.tokenRequired) print('  control token required: Authorization: Bearer <token> (or X-Provider-Mock-Token)');
  if (checker.restrictTargets) print(`  targets       limited to ${checker.allowTargets.length ? checker.allowTargets.join(', ') : 'nothing (pass --allow-target)'}`);
  if (opts.dataDir) {
    const restored = app.runs.manager.list().filter((r) => r.restored).length;
    print(`  data dir      ${opts.dataDir}: journals, run history and registrations, kept across restarts (restored ${restored} run(s), ${app.mluvii.webhooks.all().length} mluvii webhook(s), ${app.enreach.configs.length} Enreach endpoint(s))`);
  }
  if (tls) for (const line of tlsBanner(tls)) print(line);
  return {
    url,
    port: actualPort,
    app,
    close,
    closed,
    ...(tls ? { tls: { certPath: tls.certPath, fingerprint256: tls.fingerprint256, names: tls.names, origin: tls.origin, validTo: tls.validTo } } : {}),
  };
}

/** Where the certificate is and how a client trusts it (docs/providers.md M23: the samples speak https only). */
function tlsBanner(tls: TlsMaterial): string[] {
  const what = tls.origin === 'given' ? 'certificate from --tls-cert' : `self-signed certificate (${tls.origin === 'reused' ? 'reused from the data dir' : 'generated at start'})`;
  const expired = tls.validTo.getTime() <= Date.now() ? ' (EXPIRED: clients will refuse it)' : '';
  return [
    `  TLS           ${what} for ${tls.names.join(', ') || 'its subject'}, valid until ${tls.validTo.toISOString()}${expired}`,
    `  certificate   ${tls.certPath}`,
    `  SHA-256       ${tls.fingerprint256}`,
    `  trust it      SSL_CERT_FILE=${tls.certPath} (OpenSSL, Go, .NET on Linux), NODE_EXTRA_CA_CERTS=${tls.certPath} (Node), curl --cacert ${tls.certPath}; or skip the check (--insecure, curl -k)`,
  ];
}
