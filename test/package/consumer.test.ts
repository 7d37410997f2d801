/**
 * provider-mock as users get it: `npm pack` of a copy of this checkout, installed into fresh projects
 * outside the repository (from npm's cache), then used the ways users use it: plain Node ESM and CJS,
 * `tsc` under strict settings, vitest + MSW in Node, an esbuild bundle in Chromium, and the CLI.
 */
import { execFile } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readdirSync, readFileSync, mkdtempSync, statSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalReceiver } from '../../mock-server/local-receiver.ts';
import { ROOT, consumerProject, installedVersion, npmInstall, packInto } from '../../scripts/pack.ts';
import { launchBrowser } from '../helpers/browser.ts';
import { startReceiver } from '../helpers/receiver.ts';

const run = promisify(execFile);
// Packing, building and two npm installs take a minute or two on a busy 2-core machine.
const SLOW = 600_000;

let dir: string;
let tarball: string;
let app: string;

/** Runs a command in the consumer project; resolves with its exit code and output, never throws on exit ≠ 0. */
async function sh(file: string, args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const r = await run(file, args, { cwd: app, env: { ...process.env, CI: 'true', ...env }, maxBuffer: 64 << 20 });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (e) {
    const err = e as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof err.code === 'number' ? err.code : -1, stdout: err.stdout ?? '', stderr: err.stderr ?? '' };
  }
}

function sizeOf(path: string): number {
  const st = statSync(path);
  if (!st.isDirectory()) return st.size;
  return readdirSync(path).reduce((n, f) => n + sizeOf(join(path, f)), 0);
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'pm-package-'));
  tarball = packInto(dir);
  // The default install: what `npm install provider-mock` gives, no peers.
  app = consumerProject(join(dir, 'app'), [tarball]);
}, SLOW);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('the default install (no optional peers)', () => {
  it('leaves out msw and the Pact native core, and stays small', () => {
    const modules = readdirSync(join(app, 'node_modules'));
    expect(modules).not.toContain('msw');
    expect(modules).not.toContain('@pact-foundation');
    // Measured 42 MB (README: "Install"); before the peers moved out it was 117 MB.
    expect(sizeOf(join(app, 'node_modules')) / 1e6).toBeLessThan(60);
  });

  it('ships the schemas, examples, built-in scenarios and the inspector as files, and no TypeScript sources', () => {
    const pkgDir = join(app, 'node_modules/provider-mock');
    const files = (function walk(d: string): string[] {
      return readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(d, e.name)) : [relative(pkgDir, join(d, e.name))]));
    })(pkgDir);
    expect(files).toContain('contracts/mluvii/events/SessionCreated.schema.json');
    expect(files).toContain('contracts/enreach/examples/reference/QueueCallInUserConnected.json');
    expect(files).toContain('scenarios/mluvii/chat-session.yaml');
    expect(files).toContain('mock-server/inspector/index.html');
    expect(files).toContain('docs/providers.md');
    expect(files.filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))).toEqual([]);
    // What the product says about the providers cites its own notes, never a file outside the repository.
    const cites = files.filter((f) => /\.(js|cjs|md|json|yaml|html)$/.test(f)).filter((f) => /FACTS|\.\.\/shared|\/work\//.test(readFileSync(join(pkgDir, f), 'utf8')));
    expect(cites).toEqual([]);
  });

  it('runs `npx provider-mock run` against a local receiver and exits 0', async () => {
    const receiver = await startLocalReceiver({ enreachSecret: 's3cret' });
    try {
      const r = await sh('npx', ['--no-install', 'provider-mock', 'run', 'queue-call-answered', '--target', `${receiver.url}/enreach`, '--secret', 's3cret', '--seed', '3']);
      expect(r.stderr).not.toMatch(/PM_INTERNAL|Error:/);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/delivered/);
      expect(receiver.stats.accepted).toBeGreaterThan(5);
      expect(receiver.stats.refused).toEqual([]);
    } finally {
      await receiver.close();
    }
  });

  it('`run --plan-worker on` plans in a worker thread from the installed files, and journals the events `--plan-worker off` does', async () => {
    const fast = await startReceiver();
    // The worker takes over once it is 1 024 events ahead of the sending thread. So that it gets
    // there however busy the machine is, the worker's run sends through a receiver that answers in
    // 4 ms, 4 at a time (at most ~1 000 events/s, ~4.6 s for the plan); the worker plans tens of
    // thousands a second once started. The journals' event lines do not name the target.
    const slow = await startReceiver({ behaviour: { status: 200, delayMs: 4 } });
    try {
      // A busy hour; --quiet: no events planned ahead for the progress line, so the worker starts at once.
      writeFileSync(join(app, 'busy.yaml'), 'provider: mluvii\nname: busy\ndescription: 300 chats\nsessions: 300\narrivals: { rate: 2/min }\nsteps:\n  - name: s\n    include:\n      scenario: chat-session\n');
      const events = async (mode: string, target: string, extra: string[]): Promise<{ lines: string[]; stderr: string }> => {
        const journal = join(app, `busy-${mode}.ndjson`);
        const r = await sh('npx', ['--no-install', 'provider-mock', 'run', 'busy.yaml', '--target', target, '--seed', '5', '--start', '2026-01-05T09:00:00Z', '--no-preflight', '--journal', journal, '--plan-worker', mode, '--quiet', '--verbose', ...extra]);
        expect(r.code, r.stderr).toBe(0);
        const lines = readFileSync(journal, 'utf8').split('\n').filter((l) => l.startsWith('{"type":"event"'));
        return { lines: lines.map((l) => l.replace(/"runId":"[^"]*",/, '')), stderr: r.stderr };
      };
      const off = await events('off', fast.url, []);
      const on = await events('on', slow.url, ['--concurrency', '4']);
      expect(on.stderr).toMatch(/planning in a worker thread from event \d+/);
      expect(on.stderr).not.toMatch(/planning worker stopped|PM_INTERNAL/);
      expect(off.lines.length).toBeGreaterThan(4_000);
      expect(on.lines).toEqual(off.lines);
    } finally {
      await fast.close();
      await slow.close();
    }
  });

  it('`--help` loads neither Pact, fastify nor msw; `generate` loads one faker locale, not all of them', async () => {
    writeFileSync(
      join(app, 'trace-loads.mjs'),
      [
        "import { appendFileSync } from 'node:fs';",
        "import { createRequire, register } from 'node:module';",
        '// ESM resolutions (off-thread hook) and, at exit, every CommonJS module in the cache.',
        "register('data:text/javascript,' + encodeURIComponent(`import { appendFileSync } from 'node:fs';",
        "export async function resolve(s, c, next) { const r = await next(s, c); appendFileSync(process.env.TRACE_FILE, r.url + '\\\\n'); return r; }`));",
        "process.on('exit', () => appendFileSync(process.env.TRACE_FILE, Object.keys(createRequire(import.meta.url).cache).join('\\n') + '\\n'));",
      ].join('\n'),
    );
    const loads = async (...args: string[]): Promise<string[]> => {
      const trace = join(dir, `trace-${args[0]}.txt`);
      writeFileSync(trace, '');
      const r = await sh(process.execPath, ['--import', './trace-loads.mjs', 'node_modules/provider-mock/dist/cli/index.js', ...args], { TRACE_FILE: trace });
      expect(r.code).toBe(0);
      return readFileSync(trace, 'utf8').split('\n').filter(Boolean);
    };
    const help = await loads('--help');
    expect(help.some((u) => u.includes('provider-mock/dist/cli/'))).toBe(true);
    expect(help.filter((u) => /node_modules\/(fastify|msw|@pact-foundation|@fastify|undici|ajv|@faker-js)\//.test(u))).toEqual([]);
    const generate = await loads('generate', 'SessionCreated', '--seed', '1');
    expect(generate.some((u) => /@faker-js\/faker\/dist\/locale\/cs_CZ\.js/.test(u))).toBe(true);
    expect(generate.filter((u) => /@faker-js\/faker\/dist\/index\.js|node_modules\/(fastify|msw|@pact-foundation)\//.test(u))).toEqual([]);
  });

  it('`pact verify` without @pact-foundation/pact says in one line how to install it; `pact states` works', async () => {
    const verify = await sh('npx', ['--no-install', 'provider-mock', 'pact', 'verify', '--provider', 'mluvii', '--pact-dir', 'pacts']);
    expect(verify.code).toBe(2);
    expect(verify.stderr.trim()).toMatch(/^provider-mock PM_MISSING_PEER: provider-mock pact verify needs @pact-foundation\/pact, which is not installed \(npm install --save-dev @pact-foundation\/pact@\^16/);
    expect(verify.stderr.trim().split('\n')).toHaveLength(1);
    const states = await sh('npx', ['--no-install', 'provider-mock', 'pact', 'states', '--provider', 'enreach', '--json']);
    expect(states.code).toBe(0);
    expect((JSON.parse(states.stdout) as { name: string }[]).map((s) => s.name)).toContain('a queue call was answered');
  });
});

describe('with the peers and a user’s tools installed', () => {
  beforeAll(() => {
    // Pact's own declarations import express types without depending on them, so Pact users add @types/express.
    const tools = ['msw', '@pact-foundation/pact', 'typescript', '@types/node', '@types/express', 'vitest', 'eventsource'];
    npmInstall(app, tools.map((t) => `${t}@${installedVersion(t)}`));
  }, SLOW);

  it('plain Node ESM imports ., /msw, /pact and /scenarios/files, and validate() judges a payload', async () => {
    writeFileSync(
      join(app, 'esm.mjs'),
      [
        "import { validate, generate } from 'provider-mock';",
        "import { catalogHandlers } from 'provider-mock/msw';",
        "import { enreachMessage, PACT_PROVIDER } from 'provider-mock/pact';",
        "import { readScenario } from 'provider-mock/scenarios/files';",
        "const good = validate(generate('mluvii', 'SessionEnded', { seed: 2 }));",
        "const bad = validate({ eventType: 'SessionEnded', data: { id: 'x' } });",
        "console.log(JSON.stringify({ good: good.valid, bad: bad.valid, path: bad.errors[0]?.path, handlers: catalogHandlers({ baseUrl: 'https://x.example' }).length, pact: PACT_PROVIDER.enreach, msg: typeof enreachMessage, steps: readScenario('chat-session').steps.length }));",
      ].join('\n'),
    );
    const r = await sh(process.execPath, ['esm.mjs']);
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(out).toMatchObject({ good: true, bad: false, pact: 'enreach', msg: 'function' });
    expect(out['path']).toMatch(/^\$\.data/);
    expect(out['handlers']).toBeGreaterThan(0);
    expect(out['steps']).toBeGreaterThan(3);
  });

  it("require('provider-mock') works from CommonJS", async () => {
    writeFileSync(
      join(app, 'cjs.cjs'),
      [
        "const pm = require('provider-mock');",
        "const { deliver } = require('provider-mock/delivery');",
        "const { buildApp } = require('provider-mock/server');",
        "const r = pm.validate({ EventType: 'QueueCallInComing' });",
        'console.log(JSON.stringify({ events: pm.listEvents().length, valid: r.valid, provider: r.provider, deliver: typeof deliver, buildApp: typeof buildApp }));',
      ].join('\n'),
    );
    const r = await sh(process.execPath, ['cjs.cjs']);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual({ events: 129, valid: false, provider: 'enreach', deliver: 'function', buildApp: 'function' });
  });

  it('type-checks a file using every subpath under strict + exactOptionalPropertyTypes, with moduleResolution node16 and bundler', async () => {
    writeFileSync(
      join(app, 'use.ts'),
      [
        "import { validate, generate, loadScenario, plan } from 'provider-mock';",
        "import { listEvents, getSchema } from 'provider-mock/contracts';",
        "import { buildOpenApi } from 'provider-mock/contracts/export';",
        "import { createWorld, createContext } from 'provider-mock/generators';",
        "import { planAll } from 'provider-mock/scenarios';",
        "import { readScenario, listBuiltins } from 'provider-mock/scenarios/files';",
        "import { deliver, type DeliverOptions } from 'provider-mock/delivery';",
        "import { eventStreamHandlers, catalogHandlers, webhookReceiverHandlers, mluviiApiHandlers } from 'provider-mock/msw';",
        "import { enreachMessage, mluviiMessage, ENREACH_STATES } from 'provider-mock/pact';",
        "import { buildApp, startLocalReceiver } from 'provider-mock/server';",
        "import type { EventPayload } from 'provider-mock/types';",
        '',
        "const connected: EventPayload<'enreach', 'QueueCallInUserConnected'> = generate('enreach', 'QueueCallInUserConnected', { seed: 1 });",
        'const callId: string = connected.CallId;',
        "const ok: boolean = validate(connected, { provider: 'enreach' }).valid;",
        "const options: DeliverOptions = { target: { url: 'http://127.0.0.1:1/x' }, seed: 1 };",
        "const scenario = readScenario('chat-session');",
        'const timeline = plan(scenario, { seed: 1 });',
        "const message = enreachMessage('QueueCallInUserConnected', { state: ENREACH_STATES.QUEUE_CALL_ANSWERED, fields: ['CallId'] });",
        "export const used = [callId, ok, options, timeline, message, listEvents(), getSchema, buildOpenApi, createWorld('mluvii', { seed: 1 }), createContext('mluvii'), planAll, listBuiltins(), deliver,",
        "  eventStreamHandlers, catalogHandlers({ baseUrl: 'https://x.example' }), webhookReceiverHandlers, mluviiApiHandlers, mluviiMessage, buildApp, startLocalReceiver, loadScenario];",
      ].join('\n'),
    );
    for (const [resolution, module] of [['node16', 'node16'], ['bundler', 'esnext']] as const) {
      writeFileSync(
        join(app, `tsconfig.${resolution}.json`),
        JSON.stringify({ compilerOptions: { strict: true, exactOptionalPropertyTypes: true, noUncheckedIndexedAccess: true, module, moduleResolution: resolution, target: 'es2022', noEmit: true, types: ['node'] }, files: ['use.ts'] }),
      );
      const r = await sh(join(app, 'node_modules/.bin/tsc'), ['-p', `tsconfig.${resolution}.json`]);
      expect(r.stdout + r.stderr, `tsc with moduleResolution ${resolution}`).toBe('');
      expect(r.code).toBe(0);
    }
  });

  it("runs the README's MSW-in-Node recipe, as written, with vitest", async () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const recipe = /<!-- msw-node-recipe[^>]*-->\n```ts\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(recipe, 'README.md has the msw-node-recipe block').toBeDefined();
    writeFileSync(join(app, 'msw.test.ts'), recipe ?? '');
    const r = await sh(join(app, 'node_modules/.bin/vitest'), ['run', 'msw.test.ts', '--reporter=verbose']);
    expect(r.stdout + r.stderr).toMatch(/3 passed/);
    expect(r.code).toBe(0);
  });

  it('bundles /msw for the browser with esbuild, and the bundle runs in Chromium', async () => {
    writeFileSync(
      join(app, 'browser.js'),
      [
        "import { getResponse } from 'msw';",
        "import { catalogHandlers, eventStreamHandlers, loadScenario } from 'provider-mock/msw';",
        "import { validate } from 'provider-mock/contracts';",
        "import yaml from 'provider-mock/scenarios/mluvii/chat-session.yaml';",
        'window.result = (async () => {',
        "  const catalog = await getResponse(catalogHandlers({ baseUrl: 'https://mock.example' }), new Request('https://mock.example/mluvii/SessionCreated?seed=4&count=2'));",
        '  const generated = await catalog.json();',
        "  const stream = await getResponse(eventStreamHandlers({ url: 'https://app.example/events', scenario: loadScenario(yaml, 'chat-session.yaml') }), new Request('https://app.example/events', { headers: { accept: 'text/event-stream' } }));",
        '  const text = await stream.text();',
        "  const messages = text.split('\\n\\n').filter((b) => b.startsWith('id:')).map((b) => JSON.parse(b.split('\\n').find((l) => l.startsWith('data:')).slice(5)));",
        '  return { generated: generated.map((p) => validate(p).valid), messages: messages.length, valid: messages.every((m) => validate(m).valid), end: /^event: ?end$/m.test(text) };',
        '})();',
      ].join('\n'),
    );
    const bundle = await build({ entryPoints: [join(app, 'browser.js')], absWorkingDir: app, bundle: true, platform: 'browser', format: 'iife', write: false, loader: { '.yaml': 'text' }, logLevel: 'silent' });
    const code = bundle.outputFiles[0]?.text ?? '';
    expect(code).not.toMatch(/require\("node:|from "node:/);
    // A real origin (MSW reads localStorage, which about:blank may not), served from 127.0.0.1.
    const server = createServer((req, res) => {
      const js = req.url === '/bundle.js';
      res.writeHead(200, { 'content-type': js ? 'text/javascript' : 'text/html' });
      res.end(js ? code : '<!doctype html><title>msw bundle</title><script src="/bundle.js"></script>');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
      const result: { generated: boolean[]; messages: number; valid: boolean; end: boolean } = await page.evaluate('window.result');
      expect(errors).toEqual([]);
      expect(result.generated).toEqual([true, true]);
      expect(result.messages).toBeGreaterThan(5);
      expect(result).toMatchObject({ valid: true, end: true });
    } finally {
      await browser.close();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('passes publint and arethetypeswrong on the packed tarball', async () => {
    const bin = (name: string) => join(ROOT, 'node_modules/.bin', name);
    const publint = await sh(bin('publint'), ['--strict', tarball]);
    expect(publint.stdout + publint.stderr).toMatch(/All good!/);
    expect(publint.code).toBe(0);
    const attw = await sh(bin('attw'), [tarball, '--format', 'json']);
    const report = JSON.parse(attw.stdout) as { analysis: { problems: unknown[] } };
    expect(report.analysis.problems).toEqual([]);
    expect(attw.code).toBe(0);
  });
});
