export * from './http.ts';
export * from './aspnet-binding.ts';
export * from './mluvii-auth.ts';
export * from './mluvii-webhooks.ts';
export * from './mluvii-reads.ts';
export * from './mluvii-api.ts';
export * from './enreach-config.ts';
