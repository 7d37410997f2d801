// provider-mock/server: the mock server as a library. `buildApp` never listens (use `app.inject()`);
// `startServer` listens, prints its URLs and closes gracefully; `startLocalReceiver` is the demo's receiver.
export { buildApp, type AppOptions } from './app.ts';
export { startServer, readEnreachConfigFile, DEFAULT_HOST, DEFAULT_PORT, type ServerOptions, type RunningServer } from './server.ts';
export { startLocalReceiver, type LocalReceiver, type LocalReceiverOptions, type ReceiverStats } from './local-receiver.ts';
