/**
 * `serve --data-dir`: what a restart keeps. Registrations (mluvii webhooks with their ids, Enreach
 * configurations) are written to `registrations.json` after every change and read back at start;
 * finished runs leave `<id>.run.json` (the run list's view) beside their journal `<id>.ndjson`, and
 * the newest ones (up to the history cap) are read back with their events and attempts, so the
 * inspector shows them after a restart.
 *
 * registrations.json also keeps the mluvii bearer tokens issued and not yet expired (mluvii's are
 * JWTs valid an hour, docs/providers.md M13, so a client's cached token outlives a restart there
 * too). It holds the receivers' credentials (callback URL userinfo, Enreach Secret) and those
 * tokens: it is written owner-only (0600). Journals and run views hold none.
 */
import { existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { ProviderMockError } from '../contracts/errors.ts';
import { isProvider } from '../contracts/provider.ts';
import { parseEnreachConfig } from '../contracts/registration/enreach-config.ts';
import type { MluviiWebhook } from '../contracts/registration/mluvii-webhooks.ts';
import { parseJournal } from '../delivery/index.ts';
import { Run, type AttemptView, type RunManager, type RunView } from './run-manager.ts';

const REGISTRATIONS_FILE = 'registrations.json';

interface SavedRegistrations {
  mluvii: MluviiWebhook[];
  enreach: unknown[];
  /** Absent in files written before tokens were kept. */
  mluviiTokens?: unknown[];
}

/** Written whole to a temp file, then renamed: a crash never leaves half a file. */
function writeAtomic(path: string, text: string, mode = 0o644): void {
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, text, { mode });
  renameSync(tmp, path);
}

function saveRegistrations(app: FastifyInstance, dir: string): void {
  const saved: SavedRegistrations = { mluvii: app.mluvii.webhooks.all(), enreach: app.enreach.configs, mluviiTokens: app.mluvii.auth.issued() };
  writeAtomic(join(dir, REGISTRATIONS_FILE), `${JSON.stringify(saved, null, 2)}\n`, 0o600);
}

/**
 * Puts the saved registrations and the live mluvii tokens back. mluvii webhooks go through the
 * registry's own API in id order, so every rule of POST /api/v1/Webhooks still holds; ids that
 * were deleted are taken and released again, so each webhook keeps the id its client knows.
 */
function restoreRegistrations(app: FastifyInstance, dir: string): { mluvii: number; enreach: number; tokens: number } {
  const path = join(dir, REGISTRATIONS_FILE);
  if (!existsSync(path)) return { mluvii: 0, enreach: 0, tokens: 0 };
  let saved: SavedRegistrations;
  try {
    saved = JSON.parse(readFileSync(path, 'utf8')) as SavedRegistrations;
  } catch (cause) {
    throw new ProviderMockError('PM_SERVE_DATA_DIR', `cannot read the saved registrations: ${(cause as Error).message}`, { where: path, hint: 'fix or delete the file; it is rewritten on the next change', cause });
  }
  const hooks = [...(Array.isArray(saved.mluvii) ? saved.mluvii : [])].sort((a, b) => a.id - b.id);
  const registry = app.mluvii.webhooks;
  let next = 1;
  for (const h of hooks) {
    if (!Number.isInteger(h.id) || h.id < next) continue;
    // Ids deleted before the restart: taken by a placeholder and released, so the next id matches.
    for (; next < h.id; next++) {
      const gap = registry.create({ eventTypes: h.eventTypes, callbackUrl: `http://restore.invalid/${next}` });
      registry.remove(String(gap.body));
    }
    const r = registry.create({ eventTypes: h.eventTypes, callbackUrl: h.callbackUrl });
    if (r.status >= 300) throw new ProviderMockError('PM_SERVE_DATA_DIR', `saved mluvii webhook ${h.id} is refused now (status ${r.status})`, { where: path });
    next = h.id + 1;
  }
  const enreach = Array.isArray(saved.enreach) && saved.enreach.length > 0 ? parseEnreachConfig(saved.enreach, path) : [];
  app.enreach.configs.push(...enreach);
  const tokens = app.mluvii.auth.restore(Array.isArray(saved.mluviiTokens) ? saved.mluviiTokens : []);
  return { mluvii: hooks.length, enreach: enreach.length, tokens };
}

export function saveRunView(dir: string, run: Run): void {
  writeAtomic(join(dir, `${run.id}.run.json`), `${JSON.stringify(run.view())}\n`);
}

/** The runs of the data directory, oldest first, as ended runs with their events and attempts (within the caps). */
export function restoreRuns(manager: RunManager, dir: string): number {
  const caps = manager.caps;
  const views: RunView[] = [];
  for (const name of readdirSync(dir)) {
    if (!name.endsWith('.run.json')) continue;
    try {
      const v = JSON.parse(readFileSync(join(dir, name), 'utf8')) as RunView;
      if (typeof v.id === 'string' && typeof v.createdAt === 'string') views.push(v);
    } catch {
      // a damaged view is skipped; its journal stays on disk
    }
  }
  views.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  const kept = views.slice(-caps.maxRuns);
  for (const view of kept) {
    const run = new Run(view.id, undefined, caps.maxEventsPerRun, caps.maxAttemptsPerRun, view);
    const file = join(dir, view.journal ?? `${view.id}.ndjson`);
    if (existsSync(file)) {
      try {
        const j = parseJournal(readFileSync(file, 'utf8'), file);
        const attempts = new Map<number, AttemptView[]>();
        for (const a of j.attempts) {
          const { type: _t, runId: _r, scenario: _s, instance: _i, step: _st, provider: _p, eventType: _e, entityKey: _k, eventId: _id, eventIdKind: _ik, jitterMs: _j, reordered: _re, ...view } = a;
          const list = attempts.get(a.seq) ?? [];
          list.push(view);
          attempts.set(a.seq, list);
        }
        for (const e of j.events) {
          if (!isProvider(e.provider)) continue;
          let payload: unknown = e.payload;
          if (typeof e.body === 'string') {
            try {
              payload = JSON.parse(e.body);
            } catch {
              payload = e.body;
            }
          }
          const list = attempts.get(e.seq) ?? [];
          const targets = [...new Set(list.filter((a) => a.kind !== 'auth-probe' && a.target !== '').map((a) => a.target))];
          run.restoreEvent({ seq: e.seq, at: e.at, provider: e.provider, eventType: e.eventType, entityKey: e.entityKey, payload, scenario: e.scenario, instance: e.instance, step: e.step }, targets, list);
        }
      } catch {
        run.warn('its journal could not be read back; the counts are those the run ended with');
      }
    }
    manager.adopt(run);
  }
  return kept.length;
}

/** Requests that change what registrations.json keeps: the registrations and the token endpoint. */
const REGISTRATION_ROUTE = /^\/(api\/v1\/webhooks|enreach\/webhooks|login\/connect\/token)(\/|$|\?)/i;

/** With a data directory: registrations (and issued tokens) saved on every change and put back at start. */
export const persistencePlugin = fp<{ dataDir?: string }>(
  async (app, opts) => {
    const dir = opts.dataDir;
    if (!dir) return;
    restoreRegistrations(app, dir);
    app.addHook('onResponse', async (req, reply) => {
      if (req.method === 'GET' || req.method === 'HEAD' || reply.statusCode >= 400) return;
      if (!REGISTRATION_ROUTE.test(req.url)) return;
      try {
        saveRegistrations(app, dir);
      } catch (e) {
        req.log.error(e, 'cannot save the registrations');
      }
    });
  },
  { name: 'persistence', dependencies: ['providers', 'runs'] },
);
