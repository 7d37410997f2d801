import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { ProviderMockError } from '../../contracts/errors.ts';
import type { Provider } from '../../contracts/provider.ts';
import { endpointsFor, type EnreachWebhookConfig } from '../../contracts/registration/enreach-config.ts';
import { checkDurationRange, loadProfile, redactUrl, resolveTarget, TIME_LIMITS } from '../../delivery/index.ts';
import type { DeliveryTarget } from '../../delivery/index.ts';
import type { World } from '../../generators/index.ts';
import type { TimelineEntry } from '../../scenarios/index.ts';
import { restoreRuns, saveRunView } from '../persistence.ts';
import { RunManager, type Run, type RunManagerOptions } from '../run-manager.ts';
import type { PreparedRun } from '../run-spec.ts';

export interface RunsOptions extends RunManagerOptions {
  /** Scenario file paths in POST /runs are relative to this (default process.cwd()). */
  cwd?: string;
}

interface RunsService {
  manager: RunManager;
  cwd: string;
  /**
   * Starts a prepared run: to its explicit target (checked against the allow-list and each
   * provider's rules), or to every matching registration. Throws ProviderMockError:
   * PM_TARGET_NOT_ALLOWED / PM_DELIVERY_* (400), PM_NO_REGISTRATION (409), PM_TOO_MANY_RUNS (429).
   */
  launch(prepared: PreparedRun): Run;
  /** What is registered now, one line per provider, for messages. */
  describeRegistrations(): string;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Runs over deliver(): history, SSE subscribers, journals. */
    runs: RunsService;
  }
}

/** Enreach entity id → its security groups (docs/providers.md E6: SecurityGroupId subscriptions), from the run's worlds. */
export function securityGroupIndex(worlds: readonly World[]): (entityId: string) => readonly string[] {
  const index = new Map<string, string[]>();
  for (const w of worlds) {
    if (w.provider !== 'enreach') continue;
    for (const g of (w).securityGroups) {
      for (const uid of g.userIds) {
        const key = uid.toLowerCase();
        const list = index.get(key) ?? [];
        if (!list.includes(g.id)) list.push(g.id);
        index.set(key, list);
      }
    }
  }
  return (entityId) => index.get(entityId.toLowerCase()) ?? [];
}

/**
 * The receivers of one event, read from the registrations when the event is sent (a webhook
 * removed mid-run stops receiving, as with the real provider):
 * - mluvii: every webhook subscribed to the event type; the callbackUrl is the target, its
 *   userinfo becomes Basic auth (docs/providers.md M4), a query secret passes through (M5);
 * - Enreach: every endpoint with a subscription that selects the event (type + entity, security
 *   group or all entities, docs/providers.md E6); Secret → X-Benemen-Token, InsecureSSL → insecure,
 *   TimeoutSeconds → the attempt timeout (E1, E2, E5).
 * Targets the allow-list refuses are left out and reported as warnings.
 */
export function registrationResolver(app: FastifyInstance, worlds: readonly World[]): (entry: TimelineEntry) => { targets: DeliveryTarget[]; refused: string[] } {
  const groupsOf = securityGroupIndex(worlds);
  return (entry) => {
    let targets: DeliveryTarget[];
    if (entry.provider === 'mluvii') {
      targets = app.mluvii.webhooks.subscribedTo(entry.eventType).map((h) => ({ url: h.callbackUrl }));
    } else {
      const payload = (entry.payload ?? {}) as { EventType?: unknown; EntityId?: unknown };
      targets = endpointsFor(app.enreach.configs, { EventType: payload.EventType ?? entry.eventType, EntityId: payload.EntityId }, groupsOf).map((w) => ({
        url: w.Endpoint,
        ...(w.Secret !== undefined && w.Secret !== '' ? { secret: w.Secret } : {}),
        ...(w.InsecureSSL ? { insecure: true } : {}),
        ...(w.TimeoutSeconds !== undefined ? { timeoutMs: Math.max(1, Math.round(w.TimeoutSeconds * 1000)) } : {}),
      }));
    }
    const refused: string[] = [];
    const allowed = targets.filter((t) => {
      const why = app.security.targetRefusal(t.url);
      if (why) refused.push(`registration skipped: ${why}`);
      return !why;
    });
    return { targets: allowed, refused };
  };
}

/**
 * An Enreach endpoint's TimeoutSeconds becomes the attempt timeout (docs/providers.md E2): one above
 * the delivery limit (1 h) is refused where it is configured, not when a run first uses it.
 */
export function checkEnreachTimeout(c: EnreachWebhookConfig, where: string): void {
  const s = c.Webhook.TimeoutSeconds;
  if (s !== undefined) checkDurationRange(s * 1000, TIME_LIMITS.timeoutMs, where, 'TimeoutSeconds');
}

function describe(app: FastifyInstance): string {
  const hooks = app.mluvii.webhooks.all();
  const configs = app.enreach.configs;
  const mluvii = hooks.length === 0 ? 'none' : hooks.map((h) => `#${h.id} ${redactUrl(h.callbackUrl)} [${h.eventTypes.join(', ')}]`).join('; ');
  const enreach =
    configs.length === 0
      ? 'none'
      : configs.map((c) => `${redactUrl(c.Webhook.Endpoint)} [${c.Subscriptions.map((s) => `${s.EventType}${s.AllEntities ? '/all' : s.EntityId ? `/EntityId ${s.EntityId}` : s.SecurityGroupId ? `/SecurityGroupId ${s.SecurityGroupId}` : ''}`).join(', ')}]`).join('; ');
  return `mluvii webhooks: ${mluvii}; Enreach endpoints: ${enreach}`;
}

function registered(app: FastifyInstance, p: Provider): boolean {
  return p === 'mluvii' ? app.mluvii.webhooks.all().length > 0 : app.enreach.configs.length > 0;
}

/** Decorates `app.runs`; on close it cancels every run and waits for the journals to be flushed. */
export const runsPlugin = fp<RunsOptions>(
  async (app, opts) => {
    if (opts.dataDir) {
      try {
        mkdirSync(opts.dataDir, { recursive: true });
      } catch (cause) {
        throw new ProviderMockError('PM_SERVE_DATA_DIR', `cannot create the data directory "${opts.dataDir}": ${(cause as Error).message}`, { where: '--data-dir', cause });
      }
    }
    const dataDir = opts.dataDir ? resolve(opts.dataDir) : undefined;
    const manager = new RunManager({
      ...opts,
      ...(dataDir
        ? {
            dataDir,
            // Each ended run's view beside its journal, so a restart shows it again (persistence.ts).
            onFinish: (run: Run) => {
              opts.onFinish?.(run);
              saveRunView(dataDir, run);
            },
          }
        : {}),
    });
    if (dataDir) restoreRuns(manager, dataDir);
    const service: RunsService = {
      manager,
      cwd: opts.cwd ?? process.cwd(),
      describeRegistrations: () => describe(app),
      launch(prepared) {
        const { target } = prepared;
        if (target) {
          app.security.checkTarget(target.url, 'body.target.url');
          // The provider's own rules for the target (Enreach: no userinfo, https unless loopback).
          for (const p of prepared.providers) resolveTarget(target, loadProfile(p), `body.target (${p})`);
        } else {
          const missing = [...prepared.providers].filter((p) => !registered(app, p));
          if (missing.length > 0) {
            throw new ProviderMockError('PM_NO_REGISTRATION', `no target was given and nothing is registered for ${missing.join(' and ')}, so the run would deliver nothing`, {
              where: 'body.target',
              hint: `register a mluvii webhook (POST /login/connect/token, then POST /api/v1/Webhooks), configure Enreach (POST /enreach/webhooks or serve --config), or pass "target": {"url": …}. Registered now: ${describe(app)}`,
            });
          }
        }
        // The session webhooks a run plays become what mluvii's REST side answers (GET /api/v1/Sessions…).
        for (const w of prepared.worlds) if (w.provider === 'mluvii') app.mluviiRecords.addWorld(w);
        const played = (entry: TimelineEntry): void => {
          if (entry.provider === 'mluvii') app.mluviiRecords.record(entry.payload, prepared.startTime + entry.at);
        };
        return manager.start({
          names: prepared.names,
          played,
          seed: prepared.seed,
          time: prepared.time,
          timeline: prepared.timeline,
          options: prepared.options,
          ...(target ? { target } : { registered: registrationResolver(app, prepared.worlds) }),
        });
      },
    };
    app.decorate('runs', service);
    // preClose: before the server waits for open connections (SSE streams end with their runs).
    app.addHook('preClose', async () => {
      await manager.shutdown();
    });
  },
  { name: 'runs', dependencies: ['providers', 'security'] },
);
