import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FastifyInstance, FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { packagePath } from '../../contracts/package-files.ts';
import type { RunView } from '../run-manager.ts';
import { cacheControl, cachedBody, sendCached, type CachedBody } from '../cached-body.ts';

/** The inspector's files: plain HTML, CSS and one JS file, no build step. */
export const INSPECTOR_DIR = packagePath('mock-server', 'inspector');

const FILES = {
  'index.html': 'text/html; charset=utf-8',
  'inspector.js': 'text/javascript; charset=utf-8',
  'inspector.css': 'text/css; charset=utf-8',
} as const;

/** Each file is read (and hashed for its ETag) once, on its first request: the files never change while the server runs. */
const bodies = new Map<keyof typeof FILES, Promise<CachedBody>>();

function read(name: keyof typeof FILES): Promise<CachedBody> {
  let body = bodies.get(name);
  if (!body) {
    body = readFile(join(INSPECTOR_DIR, name)).then((bytes) => cachedBody(bytes, FILES[name]));
    // A failed read is not kept: the next request tries again.
    body.catch(() => bodies.delete(name));
    bodies.set(name, body);
  }
  return body;
}

function html(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');
}

/** Same rule as the page's script (inspector.js verdictOf): a run that ended with undelivered events or a failed check failed. */
function verdictOf(run: Pick<RunView, 'status' | 'exitCode' | 'counts'>): string {
  if (run.status !== 'done') return run.status;
  return (run.exitCode ?? 0) === 0 && run.counts.discarded + run.counts.notSent === 0 ? 'passed' : 'failed';
}

/** One item of the run list, the markup inspector.js renderRuns writes. */
function runItem(run: RunView): string {
  const v = verdictOf(run);
  const id = html(run.id);
  return `<li><a class="run-link v-${v}" href="#run=${encodeURIComponent(run.id)}" aria-current="false" data-run="${id}"><span class="name">${html(run.scenarios.join(' + '))}</span><span class="small">${html(`${v} · ${run.counts.delivered}/${run.counts.planned} delivered · seed ${run.seed} · ${run.id.slice(0, 8)}`)}</span></a></li>`;
}

/**
 * The page with the run list already in it (first paint before any script runs). With a control
 * token the list stays empty: the page asks the control API for it, with the token.
 */
async function page(app: FastifyInstance): Promise<string> {
  const template = (await read('index.html')).body.toString('utf8');
  const runs = app.security.tokenRequired ? [] : app.runs.manager.list().map((r) => r.view());
  return template
    .replace('<!--runs-->', runs.map(runItem).join(''))
    .replace('<!--runs-empty-->', runs.length > 0 || app.security.tokenRequired ? ' hidden' : '')
    .replace('<!--conn-->', app.security.tokenRequired ? '' : `connected · ${runs.length} run(s)`);
}

function secure(reply: FastifyReply): FastifyReply {
  return reply
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'; form-action 'none'");
}

/** The page: made per request (its run list changes), so no ETag; the browser asks again each time. */
function servePage(reply: FastifyReply, body: string): FastifyReply {
  return secure(reply).type(FILES['index.html']).header('cache-control', 'no-cache').send(body);
}

/** The script and the styles hold no data: the same bytes for everyone, revalidated by ETag (cached-body.ts says why no max-age). */
async function serveFile(req: FastifyRequest, reply: FastifyReply, name: 'inspector.js' | 'inspector.css'): Promise<FastifyReply> {
  return sendCached(req, secure(reply), await read(name), cacheControl(false));
}

export const inspectorRoutes: FastifyPluginAsync = async (app) => {
  const tags = ['inspector'];
  const file = { 200: { type: 'string' } } as const;
  app.get('/', { schema: { tags, summary: 'The inspector page: runs, a timeline per run, every delivery', produces: ['text/html'], response: file }, handler: async (_req, reply) => servePage(reply, await page(app)) });
  app.get('/inspector/inspector.js', { schema: { tags, summary: "The inspector's script", produces: ['text/javascript'], response: file }, handler: (req, reply) => serveFile(req, reply, 'inspector.js') });
  app.get('/inspector/inspector.css', { schema: { tags, summary: "The inspector's styles", produces: ['text/css'], response: file }, handler: (req, reply) => serveFile(req, reply, 'inspector.css') });
};
