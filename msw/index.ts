// provider-mock/msw: MSW 2.x handlers speaking the providers' documented payloads.
export { mluviiApiHandlers, type MluviiApiHandlersOptions } from './mluvii-api.ts';
export { webhookReceiverHandlers, type WebhookReceiverOptions, type ReceivedWebhook, type ReceiverHandlers } from './receiver.ts';
