import fp from 'fastify-plugin';
import { createMluviiApi, type MluviiApi, type MluviiApiOptions } from '../../contracts/registration/mluvii-api.ts';
import { createMluviiRecords, type MluviiRecords } from '../../generators/mluvii/records.ts';
import type { EnreachWebhookConfig } from '../../contracts/registration/enreach-config.ts';

export interface ProvidersOptions {
  mluvii?: Omit<MluviiApiOptions, 'reads'>;
  /** Enreach webhook configurations loaded at start (`--config`). */
  enreachConfigs?: EnreachWebhookConfig[];
}

declare module 'fastify' {
  interface FastifyInstance {
    /** The impersonated mluvii Public API (token, /api/v1/Webhooks, Sessions, Users), in memory. */
    mluvii: MluviiApi;
    /** What mluvii's REST side knows: the sessions and operators the server's runs have played (read by /api/v1/Sessions, /api/v1/Users). */
    mluviiRecords: MluviiRecords;
    /** Enreach webhook configurations: endpoints and their subscriptions. */
    enreach: { configs: EnreachWebhookConfig[] };
  }
}

/** The providers' own registration state, shared by routes and by runs that fan out to it. */
export const providersPlugin = fp<ProvidersOptions>(
  async (app, opts) => {
    const records = createMluviiRecords();
    app.decorate('mluviiRecords', records);
    app.decorate('mluvii', createMluviiApi({ ...opts.mluvii, reads: records }));
    app.decorate('enreach', { configs: [...(opts.enreachConfigs ?? [])] });
  },
  { name: 'providers' },
);
