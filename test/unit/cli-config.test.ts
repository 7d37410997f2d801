import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.ts';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** A fresh project folder with these files (`sub/` folders are created). */
function project(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'pm-config-'));
  dirs.push(dir);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

/** `--print-config` as rows: setting → [value, source]. */
function settings(stdout: string): Map<string, [string, string]> {
  const rows = new Map<string, [string, string]>();
  for (const line of stdout.split('\n')) {
    const m = /^ {2}(\S+)\s{2,}(.*?)\s{2,}(flag|default|env \S+|file .*)$/.exec(line);
    if (m) rows.set(m[1] ?? '', [m[2] ?? '', m[3] ?? '']);
  }
  return rows;
}

describe('settings from the environment and a config file', () => {
  it('applies flag > env > file > default, and --print-config says which won', async () => {
    const cwd = project({
      'provider-mock.config.yaml': 'target: http://127.0.0.1:7001/from-file\nretries: 5\ntimeout: 3s\nrun:\n  concurrency: 2\n',
    });
    const r = await cli(['run', '--retries', '1', '--print-config'], { cwd, env: { PROVIDER_MOCK_TIMEOUT: '2s', PROVIDER_MOCK_SECRET: 'env-secret' } });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`config file: ${join(cwd, 'provider-mock.config.yaml')}`);
    const s = settings(r.stdout);
    expect(s.get('retries')).toEqual(['1', 'flag']);
    expect(s.get('timeout')).toEqual(['2s', 'env PROVIDER_MOCK_TIMEOUT']);
    expect(s.get('target')).toEqual(['http://127.0.0.1:7001/from-file', 'file provider-mock.config.yaml (target)']);
    expect(s.get('concurrency')).toEqual(['2', 'file provider-mock.config.yaml (run.concurrency)']);
    expect(s.get('delay')).toEqual(['0', 'default']);
    expect(s.get('retry-schedule')?.[0]).toMatch(/^profile: mluvii 1s,5s, enreach 1s,5s,15s$/);
    // Secrets are never printed.
    expect(s.get('secret')).toEqual(['***', 'env PROVIDER_MOCK_SECRET']);
    expect(r.stdout).not.toContain('env-secret');
  });

  it('finds the file from a subfolder up, and a "provider-mock" key in package.json', async () => {
    const cwd = project({ 'provider-mock.config.json': '{"serve": {"port": 4999}}', 'a/b/.keep': '' });
    expect(settings((await cli(['serve', '--print-config'], { cwd: join(cwd, 'a', 'b') })).stdout).get('port')).toEqual(['4999', 'file provider-mock.config.json (serve.port)']);
    const pkg = project({ 'package.json': JSON.stringify({ name: 'app', 'provider-mock': { seed: 'nightly' } }) });
    expect(settings((await cli(['plan', '--print-config'], { cwd: pkg })).stdout).get('seed')).toEqual(['nightly', 'file package.json (seed)']);
  });

  it('resolves relative paths of the file from its folder, and a command section wins over the shared key', async () => {
    const cwd = project({ 'provider-mock.config.yml': 'journal: runs/all.ndjson\nrun:\n  journal: runs/run.ndjson\n', 'deep/.keep': '' });
    const s = settings((await cli(['run', '--print-config'], { cwd: join(cwd, 'deep') })).stdout);
    expect(s.get('journal')).toEqual([join(cwd, 'runs', 'run.ndjson'), 'file provider-mock.config.yml (run.journal)']);
  });

  it('reads switches and lists from the environment (PROVIDER_MOCK_ALLOW_TARGET=a,b)', async () => {
    const s = settings((await cli(['serve', '--print-config'], { cwd: project({}), env: { PROVIDER_MOCK_ALLOW_TARGET: 'a:80, b:81', PROVIDER_MOCK_QUIET: '1' } })).stdout);
    expect(s.get('allow-target')).toEqual(['a:80, b:81', 'env PROVIDER_MOCK_ALLOW_TARGET']);
    expect(s.get('quiet')).toEqual(['1', 'env PROVIDER_MOCK_QUIET']);
    const bad = await cli(['run', '--print-config'], { cwd: project({}), env: { PROVIDER_MOCK_INSECURE: 'maybe' } });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^provider-mock PM_CONFIG: env PROVIDER_MOCK_INSECURE: must be true or false, got "maybe"; valid values: true, false, 1, 0\n$/);
  });

  it('refuses an unknown key with the file, its JSON path and "did you mean"', async () => {
    const top = await cli(['run', '--print-config'], { cwd: project({ 'provider-mock.config.yaml': 'retires: 2\n' }) });
    expect(top.code).toBe(2);
    expect(top.stderr).toMatch(/PM_CONFIG: .*provider-mock\.config\.yaml: \$\.retires: unknown setting "retires"; did you mean "retries"\?/);
    const own = await cli(['run', '--print-config'], { cwd: project({ 'provider-mock.config.yaml': 'run:\n  concurency: 2\n' }) });
    expect(own.stderr).toMatch(/\$\.run\.concurency: "concurency" is not a flag of run; did you mean "concurrency"\?/);
    // A key another command has is shared, not an error (serve's port when running run).
    expect((await cli(['run', '--print-config'], { cwd: project({ 'provider-mock.config.yaml': 'port: 4010\n' }) })).code).toBe(0);
    const perRun = await cli(['run', '--print-config'], { cwd: project({ 'provider-mock.config.yaml': 'run:\n  set: [a.b=1]\n' }) });
    expect(perRun.stderr).toMatch(/\$\.run\.set: --set is given per invocation only/);
  });

  it('refuses a file that is not YAML with its line and column, and a value of the wrong type with its path', async () => {
    const yaml = await cli(['run', '--print-config'], { cwd: project({ 'provider-mock.config.yaml': 'target: [unclosed\n' }) });
    expect(yaml.code).toBe(2);
    expect(yaml.stderr).toMatch(/PM_CONFIG: .*provider-mock\.config\.yaml:\d+:\d+: not YAML/);
    const type = await cli(['run', '--print-config'], { cwd: project({ 'provider-mock.config.json': '{"insecure": "sometimes"}' }) });
    expect(type.stderr).toMatch(/\$\.insecure: must be true or false, got "sometimes"/);
  });

  it('keeps secrets out of package.json (committed and published) and warns about one typed on the command line', async () => {
    const pkg = await cli(['run', '--print-config'], { cwd: project({ 'package.json': JSON.stringify({ 'provider-mock': { secret: 'oops' } }) }) });
    expect(pkg.code).toBe(2);
    expect(pkg.stderr).toMatch(/--secret is a secret and package\.json is committed and published \(set PROVIDER_MOCK_SECRET, or put it in a git-ignored provider-mock\.config\.yaml\)/);
    const argv = await cli(['run', 'chat-session', '--secret', 'typed', '--target', 'x'], { cwd: project({}) });
    expect(argv.stderr).toContain('warning: --secret on the command line is visible to other users (ps, shell history); set PROVIDER_MOCK_SECRET');
    expect(argv.stderr).not.toContain('typed');
  });
});
