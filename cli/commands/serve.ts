import { ProviderMockError } from '../../contracts/errors.ts';
import { TOKEN_ENV } from '../../mock-server/plugins/security.ts';
import { DEFAULT_HOST, DEFAULT_PORT, startServer } from '../../mock-server/server.ts';
import { DEFAULTS, MAX_DRAIN_LIMIT } from '../../delivery/config.ts';
import { boolFlag, intFlag, listFlag, parseFlags, stringFlag } from '../args.ts';
import type { Command } from '../command.ts';
import { out } from '../io.ts';

function parsePort(raw: string | undefined): number {
  if (raw === undefined) return DEFAULT_PORT;
  const n = /^\d+$/.test(raw.trim()) ? Number(raw) : Number.NaN;
  if (!(Number.isInteger(n) && n >= 0 && n <= 65535)) {
    throw new ProviderMockError('PM_BAD_FLAG', `--port must be a whole number from 0 to 65535`, { where: `--port ${raw}`, hint: '0 picks a free port' });
  }
  return n;
}

/** `--allow-origin http://localhost:3000`: a scheme, a host and maybe a port, nothing else. */
function parseOrigin(raw: string): string {
  let u: URL | undefined;
  try {
    u = new URL(raw);
  } catch {
    u = undefined;
  }
  if (!u || (u.protocol !== 'http:' && u.protocol !== 'https:') || u.origin !== raw.replace(/\/$/, '')) {
    throw new ProviderMockError('PM_BAD_FLAG', `"${raw}" is not a web origin`, { where: '--allow-origin', hint: 'scheme://host[:port] with no path, e.g. http://localhost:3000' });
  }
  return u.origin;
}

export const serveCommand: Command = {
  name: 'serve',
  help: `Usage: provider-mock serve [--port 4010] [--host 127.0.0.1] [--tls [--tls-cert f --tls-key f]] [--config file] [--data-dir dir] [--token T] [--allow-target pattern]…

One server that behaves like the providers while you develop a receiver: your code registers
its webhook the way it would against mluvii (POST /login/connect/token, POST /api/v1/Webhooks)
and reads back the sessions the runs played (GET /api/v1/Sessions, /api/v1/Sessions/{id},
/api/v1/Users/{id}), as mluvii's own clients do (docs/providers.md M21-M24). Enreach
endpoints are configured with --config or POST /enreach/webhooks. Runs started from the
control API (POST /runs) deliver scenarios to every matching registration, and the inspector
page at / shows every delivery as it happens. OpenAPI at /docs.

  -p, --port N             port (default ${DEFAULT_PORT}; 0 = any free port)
  --host H                 address to bind (default ${DEFAULT_HOST}). Anything but loopback needs --token,
                           webhooks then go only to --allow-target patterns (no open relay), and the
                           mluvii client_secret is random (printed once) unless you give one
  --tls                    HTTPS on every route (mluvii's own clients speak https only, docs/providers.md
                           M23). Without --tls-cert/--tls-key a self-signed certificate for localhost,
                           127.0.0.1 and ::1 is made at start (kept in <data-dir>/tls and reused with
                           --data-dir); its path and SHA-256 fingerprint are printed: trust it with
                           SSL_CERT_FILE=<path>, NODE_EXTRA_CA_CERTS=<path>, curl --cacert <path>
  --tls-cert FILE          your own PEM certificate (implies --tls; needs --tls-key)
  --tls-key FILE           its unencrypted PEM private key
  --config FILE            Enreach webhook configuration (JSON or YAML): {"Webhook": {"Endpoint",
                           "Secret", "InsecureSSL", "TimeoutSeconds"}, "Subscriptions": [{"EventType",
                           "EntityId" | "SecurityGroupId" | "AllEntities"}]}, or an array of them
  --data-dir DIR           keep each run's journal (<id>.ndjson), summary and view here, and the
                           registrations and live mluvii bearer tokens (registrations.json,
                           owner-only: it holds credentials); a restart reads them back, so a
                           client's cached token still works
  -q, --quiet              no log line per delivery and per ended run (the start banner still prints)
  --token T                control token for the control API (better: env ${TOKEN_ENV}); clients send
                           "Authorization: Bearer T". The mluvii routes keep their own OAuth
  --allow-target PATTERN   where webhooks may go (repeatable): "https://hooks.example.com/*" (matched
                           against scheme://host[:port]/path) or "receiver:8080" (host[:port]); * = anything
  --allow-host NAME        a name clients may use in the Host header besides the bound address and
                           localhost (repeatable; *.example.com allowed); any other Host gets 421, so a
                           web page cannot reach the server through a DNS name it controls
  --allow-origin ORIGIN    a web page (e.g. http://localhost:3000) allowed to call the control API;
                           other sites get 403 (repeatable). Control routes take JSON bodies only (415)
  --max-drain N            entries of a cancelled run's plan still read to journal them not sent
                           (default 10000, and about a second at most); the rest is left unread and
                           the run's summary says from which event on
  --mluvii-client-id ID    client_id the token endpoint accepts (default provider-mock)
  --mluvii-client-secret S client_secret it accepts (default provider-mock-secret on loopback;
                           beyond loopback the default is refused and a random one is generated)

Logs one line per delivery as it settles (run, seq, outcome, event, target, answer). Flags also come
from PROVIDER_MOCK_<FLAG> and a config file (provider-mock help config).
Stops on Ctrl-C (SIGINT) or SIGTERM: running and queued runs are cancelled and journal every
planned delivery they did not send; a second signal skips the rest of the drain (journals are
still written), a third exits at once.`,
  options: {
    port: { type: 'string', short: 'p', default: String(DEFAULT_PORT) },
    host: { type: 'string', default: DEFAULT_HOST },
    config: { type: 'string', path: true },
    'data-dir': { type: 'string', path: true },
    token: { type: 'string', secret: true },
    'allow-target': { type: 'string', multiple: true },
    'allow-host': { type: 'string', multiple: true },
    'allow-origin': { type: 'string', multiple: true },
    'max-drain': { type: 'string', default: '10000' },
    'mluvii-client-id': { type: 'string', default: 'provider-mock' },
    'mluvii-client-secret': { type: 'string', secret: true, default: 'provider-mock-secret on loopback; random beyond it' },
    tls: { type: 'boolean' },
    'tls-cert': { type: 'string', path: true },
    'tls-key': { type: 'string', path: true },
    quiet: { type: 'boolean', short: 'q' },
  },
  async run(argv, io) {
    const p = parseFlags('serve', argv, this.options);
    if (p.positionals.length > 0) {
      throw new ProviderMockError('PM_USAGE', `serve takes no positional arguments, got "${p.positionals.join(' ')}"`, { hint: 'provider-mock serve --help' });
    }
    const token = stringFlag(p, 'token');
    if (token !== undefined && token.trim() === '') throw new ProviderMockError('PM_BAD_FLAG', '--token is empty', { where: '--token' });
    const clientId = stringFlag(p, 'mluvii-client-id');
    const clientSecret = stringFlag(p, 'mluvii-client-secret');
    const config = stringFlag(p, 'config');
    const dataDir = stringFlag(p, 'data-dir');
    const host = stringFlag(p, 'host');
    const tlsCert = stringFlag(p, 'tls-cert');
    const tlsKey = stringFlag(p, 'tls-key');
    const tls = tlsCert !== undefined || tlsKey !== undefined ? { ...(tlsCert !== undefined ? { certFile: tlsCert } : {}), ...(tlsKey !== undefined ? { keyFile: tlsKey } : {}) } : boolFlag(p, 'tls');
    const server = await startServer({
      port: parsePort(stringFlag(p, 'port')),
      ...(host !== undefined ? { host } : {}),
      ...(config !== undefined ? { config } : {}),
      ...(dataDir !== undefined ? { dataDir } : {}),
      ...(token !== undefined ? { token } : {}),
      allowTargets: listFlag(p, 'allow-target'),
      allowHosts: listFlag(p, 'allow-host'),
      allowOrigins: listFlag(p, 'allow-origin').map((o) => parseOrigin(o)),
      ...(stringFlag(p, 'max-drain') !== undefined ? { maxDrain: intFlag(p, 'max-drain', DEFAULTS.maxDrain, 0, MAX_DRAIN_LIMIT) } : {}),
      tls,
      ...(clientId !== undefined ? { mluviiClientId: clientId } : {}),
      ...(clientSecret !== undefined ? { mluviiClientSecret: clientSecret } : {}),
      print: (line) => out(io, line),
      ...(boolFlag(p, 'quiet') ? { quiet: true } : {}),
      env: io.env,
      cwd: io.cwd,
      // cli/bin.ts turns SIGINT/SIGTERM into this signal; without one (in-process use) the server handles them itself.
      ...(io.signal ? { signal: io.signal } : {}),
      ...(io.stopNow ? { stopNow: io.stopNow } : {}),
    });
    await server.closed;
    out(io, 'provider-mock serve: stopped (runs cancelled, journals flushed)');
    return 0;
  },
};
