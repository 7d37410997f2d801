import fp from 'fastify-plugin';
import { createMluviiApi, type MluviiApi, type MluviiApiOptions } from '../../contracts/registration/mluvii-api.ts';
import type { EnreachWebhookConfig } from '../../contracts/registration/enreach-config.ts';

export interface ProvidersOptions {
  mluvii?: MluviiApiOptions;
  /** Enreach webhook configurations loaded at start (`--config`). */
  enreachConfigs?: EnreachWebhookConfig[];
}

declare module 'fastify' {
  interface FastifyInstance {
    /** The impersonated mluvii Public API (token + /api/v1/Webhooks), in memory. */
    mluvii: MluviiApi;
    /** Enreach webhook configurations: endpoints and their subscriptions. */
    enreach: { configs: EnreachWebhookConfig[] };
  }
}

/** The providers' own registration state, shared by routes and by runs that fan out to it. */
export const providersPlugin = fp<ProvidersOptions>(
  async (app, opts) => {
    app.decorate('mluvii', createMluviiApi(opts.mluvii));
    app.decorate('enreach', { configs: [...(opts.enreachConfigs ?? [])] });
  },
  { name: 'providers' },
);
