import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import { packagePath } from '../../contracts/package-files.ts';

/** The inspector's files: plain HTML, CSS and one JS file, no build step. */
export const INSPECTOR_DIR = packagePath('mock-server', 'inspector');

const FILES = {
  'index.html': 'text/html; charset=utf-8',
  'inspector.js': 'text/javascript; charset=utf-8',
  'inspector.css': 'text/css; charset=utf-8',
} as const;

/** Each file is read once, on its first request: the page never changes while the server runs. */
const bodies = new Map<keyof typeof FILES, Promise<Buffer>>();

function read(name: keyof typeof FILES): Promise<Buffer> {
  let body = bodies.get(name);
  if (!body) {
    body = readFile(join(INSPECTOR_DIR, name));
    // A failed read is not kept: the next request tries again.
    body.catch(() => bodies.delete(name));
    bodies.set(name, body);
  }
  return body;
}

/** The page holds no data (it asks the control API for it, with the token), so it is served without the token. */
async function serve(reply: FastifyReply, name: keyof typeof FILES): Promise<FastifyReply> {
  const body = await read(name);
  return reply
    .type(FILES[name])
    .header('cache-control', 'no-cache')
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'; form-action 'none'")
    .send(body);
}

export const inspectorRoutes: FastifyPluginAsync = async (app) => {
  const tags = ['inspector'];
  const file = { 200: { type: 'string' } } as const;
  app.get('/', { schema: { tags, summary: 'The inspector page: runs, a timeline per run, every delivery', produces: ['text/html'], response: file }, handler: (_req, reply) => serve(reply, 'index.html') });
  app.get('/inspector/inspector.js', { schema: { tags, summary: "The inspector's script", produces: ['text/javascript'], response: file }, handler: (_req, reply) => serve(reply, 'inspector.js') });
  app.get('/inspector/inspector.css', { schema: { tags, summary: "The inspector's styles", produces: ['text/css'], response: file }, handler: (_req, reply) => serve(reply, 'inspector.css') });
};
