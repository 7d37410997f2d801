/**
 * bench:serve's server, in a worker thread (so that the client's work does not share its event
 * loop): the real app, plus the baseline: GET /bench/catalog-uncached, the catalog route as it was
 * before caching (the object built and serialized by the route's schema on every request), in a
 * scope with the same hooks as the control routes.
 */
import { parentPort } from 'node:worker_threads';
import { buildApp } from '../mock-server/app.ts';
import { catalogOf, catalogSchema } from '../mock-server/routes/catalog.ts';

const app = await buildApp();
await app.register(async (control) => {
  control.addHook('onRequest', control.requestGuard.checkControl);
  control.addHook('onRequest', control.security.requireToken);
  control.get('/bench/catalog-uncached', { schema: { response: { 200: catalogSchema } } }, async () => catalogOf());
});
const url = await app.listen({ port: 0, host: '127.0.0.1' });
parentPort?.postMessage(url);
parentPort?.on('message', (m) => {
  if (m === 'close') void app.close().then(() => process.exit(0));
});
