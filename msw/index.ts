// provider-mock/msw: MSW 2.x handlers speaking the providers' documented payloads.
// Works with msw/node (setupServer) and msw/browser (setupWorker).
export { mluviiApiHandlers, playInto, type MluviiApiHandlersOptions, type PlayOptions } from './mluvii-api.ts';
export { createMluviiRecords, type MluviiRecords } from '../generators/mluvii/records.ts';
export { webhookReceiverHandlers, type WebhookReceiverOptions, type ReceivedWebhook, type ReceiverHandlers } from './receiver.ts';
export { eventStreamHandlers, type EventStreamOptions } from './stream.ts';
export { catalogHandlers, type CatalogHandlersOptions, MAX_COUNT } from './catalog.ts';
export { loadScenario } from '../scenarios/index.ts';
