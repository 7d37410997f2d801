/**
 * `provider-mock run` in the integrator's daily loop: instant by default, fail fast on a receiver
 * that is not there (or whose TLS fails), --fail-fast, --quiet/--verbose/colour, --only/--limit,
 * JUnit per event, settings from env. Real receivers on 127.0.0.1, the CLI as a user runs it.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, spawnCli } from '../helpers/cli.ts';
import { journalLines, receiversClosedAfterEach, tempDir } from '../helpers/delivery.ts';
import { ROOT } from '../helpers/examples.ts';
import { refusedPort } from '../helpers/receiver.ts';

const startReceiver = receiversClosedAfterEach();

describe('fail fast on a receiver that cannot be reached', () => {
  it('with the receiver down, fails at once with one line naming the target, exit 1, nothing planned or journaled', async () => {
    const port = await refusedPort();
    const dir = tempDir('pm-down-');
    const journal = join(dir, 'run.ndjson');
    // The executable, as a user runs it (no CI set).
    const r = await spawnCli(['run', 'queue-call-answered', '--target', `http://127.0.0.1:${port}/webhook`, '--journal', journal], { env: { CI: '' } });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr.split('\n').filter(Boolean)).toEqual([
      `provider-mock PM_TARGET_UNREACHABLE: --target: http://127.0.0.1:${port}/webhook: connection refused: nothing listens on 127.0.0.1:${port} (start your receiver, or fix the host and port; --no-preflight skips this check)`,
    ]);
    expect(existsSync(journal)).toBe(false);
  });

  it('names a TLS failure by its cause and its fix, and --insecure gets through', async () => {
    const receiver = await startReceiver({ https: true });
    const r = await cli(['run', 'queue-call-answered', '--target', receiver.url]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^provider-mock PM_TARGET_TLS: --target: https:\/\/127\.0\.0\.1:\d+\/webhook: the certificate is self-signed \(DEPTH_ZERO_SELF_SIGNED_CERT\) \(pass --insecure to accept it anyway.*NODE_EXTRA_CA_CERTS=ca\.pem/);
    expect(receiver.requests).toHaveLength(0);
    const ok = await cli(['run', 'queue-call-answered', '--target', receiver.url, '--insecure', '--quiet']);
    expect(ok.code, ok.stderr).toBe(0);
    // https to a plain-http port: "does not speak TLS", and the fix.
    const plain = await startReceiver();
    const wrong = await cli(['run', 'chat-session', '--target', plain.url.replace('http:', 'https:')]);
    expect(wrong.stderr).toMatch(/does not speak TLS \(use http:\/\/ for a plain-http receiver/);
  });

  it('--no-preflight runs anyway: every event fails fast too (no waits at --retries 0), and the summary says what "refused" means', async () => {
    const port = await refusedPort();
    const r = await cli(['run', 'chat-session', '--target', `http://127.0.0.1:${port}/webhook`, '--no-preflight', '--retries', '0']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/receiver answers: refused ×15/);
    expect(r.stdout).toMatch(/refused: connection refused: nothing listens \(start your receiver, or fix the host and port\)/);
    expect(r.stdout).toMatch(/^FAIL chat-session: 0\/15 delivered \(15 discarded\); failed checks: delivered \[chat-session\]; exit 1$/m);
  });

  it('--fail-fast stops at the first discarded event; the rest is journaled as not sent', async () => {
    const receiver = await startReceiver({ behaviour: { status: 500 } });
    const journal = join(tempDir('pm-ff-'), 'run.ndjson');
    const r = await cli(['run', 'queue-call-answered', '--target', receiver.url, '--retries', '0', '--fail-fast', '--concurrency', '1', '--journal', journal]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/stopped early: --fail-fast: #0 QueueCallInComing CallId:\S+ was discarded after 1 attempt\(s\) \(last: status 500\)/);
    const lines = journalLines(journal);
    const summary = lines.at(-1) as { summary: { planned: number; discarded: number; notSent: number } };
    expect(summary.summary.notSent).toBeGreaterThan(0);
    expect(summary.summary.planned).toBe(17);
    expect(lines.filter((l) => l['type'] === 'attempt' && l['final'] === true)).toHaveLength(17);
    expect(receiver.requests.length).toBeLessThan(17);
  });
});

describe('timing, progress and output', () => {
  it('is instant without CI, and prints the summary, the verdict last', async () => {
    const receiver = await startReceiver();
    const r = await cli(['run', 'chat-session', '--target', receiver.url], { env: {} });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^provider-mock run \S+, instant, seed 1/);
    expect(r.stdout.trim().split('\n').at(-1)).toBe('PASS chat-session: 15/15 delivered; checks 2 passed, 2 skipped; exit 0');
    // Off a terminal: a line per 10 % of the plan, then the end.
    expect(r.stderr).toMatch(/^provider-mock: \d+% · \d+\/15 · [\d.]+\/s · ETA /m);
    expect(r.stderr).toMatch(/^provider-mock: done · 15\/15 · [\d.]+\/s · delivered 15 · failed 0$/m);
  });

  it('with --speed prints the planned duration and an ETA up front', async () => {
    const receiver = await startReceiver();
    const r = await cli(['run', 'chat-session', '--target', receiver.url, '--speed', '10000']);
    expect(r.code).toBe(0);
    expect(r.stderr.split('\n')[0]).toMatch(/^provider-mock: 15 events over \dm\d\ds of scenario time, sent at speed 10000: planned duration [\d.]+s, ETA \d\d:\d\d:\d\d \(--instant sends them at once\)$/);
  });

  it('--quiet prints only the verdict; --verbose one line per event', async () => {
    const receiver = await startReceiver();
    const quiet = await cli(['run', 'queue-call-answered', '--target', receiver.url, '-q']);
    expect(quiet.stdout).toBe('PASS queue-call-answered: 17/17 delivered; checks 4 passed; exit 0\n');
    expect(quiet.stderr).toBe('');
    const verbose = await cli(['run', 'queue-call-answered', '--target', receiver.url, '--verbose']);
    const lines = verbose.stderr.split('\n').filter((l) => /^provider-mock: #\d+ /.test(l));
    expect(lines).toHaveLength(17);
    expect(lines[0]).toMatch(/^provider-mock: #\d+ delivered enreach Queue\w+ CallId:\S+ → http:\/\/127\.0\.0\.1:\d+\/webhook: 200 in [\d.]+ ms \(attempt 1\)$/);
  });

  it('colours only on a terminal, and never with NO_COLOR', async () => {
    const receiver = await startReceiver();
    const tty = await cli(['run', 'chat-session', '--target', receiver.url], { tty: true });
    expect(tty.stdout).toContain('\x1b[32mPASS\x1b[0m');
    // The live line is rewritten in place, with a bar.
    expect(tty.stderr).toMatch(/\r\x1b\[2Kprovider-mock \[/);
    const noColor = await cli(['run', 'chat-session', '--target', receiver.url], { tty: true, env: { NO_COLOR: '1' } });
    expect(noColor.stdout + noColor.stderr).not.toMatch(/\x1b\[3\dm/);
    const pipe = await cli(['run', 'chat-session', '--target', receiver.url]);
    expect(pipe.stdout + pipe.stderr).not.toContain('\x1b[');
  });

  it('takes the target and the secret from the environment', async () => {
    const receiver = await startReceiver();
    const r = await cli(['run', 'queue-call-answered', '-q'], { env: { PROVIDER_MOCK_TARGET: receiver.url, PROVIDER_MOCK_SECRET: 'from-env' } });
    expect(r.code, r.stderr).toBe(0);
    expect(receiver.requests[0]?.headers['x-benemen-token']).toBe('from-env');
    expect(r.stderr).toBe('');
  });
});

describe('--only and --limit', () => {
  it('sends only the events of the steps or event types named, or the first N', async () => {
    const receiver = await startReceiver();
    const only = await cli(['run', 'chat-session', '--target', receiver.url, '--only', 'SessionCreated,joined', '-q']);
    expect(only.code).toBe(0);
    const types = receiver.requests.map((q) => (q.json as { eventType: string }).eventType);
    expect(types).toEqual(['SessionCreated', 'SessionOperatorJoined']);
    receiver.requests.length = 0;
    const limit = await cli(['run', 'chat-session', '--target', receiver.url, '--limit', '3', '-q']);
    expect(limit.stdout).toMatch(/^PASS chat-session: 3\/3 delivered/);
    expect(receiver.requests).toHaveLength(3);
    const bad = await cli(['run', 'chat-session', '--target', receiver.url, '--only', 'SessionCreatd']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/PM_UNKNOWN_STEP: --only SessionCreatd: unknown step or event type in --only "SessionCreatd"; did you mean "SessionCreated"\?/);
  });
});

describe('JUnit per check and per event', () => {
  it('has a testcase per event with status, event type, entity key, attempts and real times', async () => {
    const receiver = await startReceiver({ behaviour: (req) => ((req.json as { EventType?: string }).EventType === 'QueueCallInUserConnected' ? { status: 503 } : { status: 200 }) });
    const report = join(tempDir('pm-junit-'), 'junit.xml');
    const r = await cli(['run', 'queue-call-answered', '--target', receiver.url, '--retries', '1', '--retry-schedule', '5ms', '--report', report]);
    expect(r.code).toBe(1);
    const xml = readFileSync(report, 'utf8');
    expect(xml).toMatch(/<testsuite name="queue-call-answered" tests="21" failures="2"/);
    // The failed event: its own testcase naming the status, type, entity key and attempts.
    const failed = /<testcase classname="provider-mock\.queue-call-answered\.events" name="#(\d+) QueueCallInUserConnected (CallId:[^"]+)" time="([\d.]+)">[\s\S]*?<failure message="([^"]+)" type="discarded">/.exec(xml);
    expect(failed, xml).not.toBeNull();
    expect(failed?.[4]).toBe(`QueueCallInUserConnected ${failed?.[2]}: discarded after 2 attempt(s), last answer 503`);
    // Its attempts were 5 ms apart at least: a real time, not 0.
    expect(Number(failed?.[3])).toBeGreaterThan(0);
    expect(xml).toMatch(/<property name="attempts" value="2"\/><property name="status" value="503"\/>/);
    // The failed check lists the events behind it.
    expect(xml).toMatch(/<failure message="16\/17 delivered, 1 discarded after the last retry, 0 not sent; receiver answers: 200 ×16, 503 ×2" type="delivered">[^<]*#\d+ QueueCallInUserConnected CallId:/);
    expect(xml.match(/<testcase classname="provider-mock\.queue-call-answered\.events"/g)).toHaveLength(17);
  });
});

describe("the README's first run example", () => {
  it('finishes at once without CI set (instant is the default) and passes against a compliant receiver', async () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const block = /## Test your receiver in CI: `provider-mock run`\n\n```sh\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
    const first = block.split(/\n(?=npx )/)[0]?.replace(/\\\n\s*/g, ' ').replace(/#.*$/m, '').trim() ?? '';
    expect(first).toMatch(/^npx provider-mock run queue-call-answered --target https:\/\/localhost:8443\/enreach/);
    const secret = 'readme-secret';
    // A compliant Enreach receiver: the token or 401 (the example has --check-auth), over https with its own certificate.
    const receiver = await startReceiver({ https: true, behaviour: (req) => (req.headers['x-benemen-token'] === secret ? { status: 200 } : { status: 401 }) });
    const argv = first.replace(/^npx provider-mock /, '').replace('https://localhost:8443/enreach', `https://localhost:${receiver.port}/enreach`).split(/\s+/);
    const cwd = tempDir('pm-readme-');
    const r = await cli(argv, { cwd, env: { PROVIDER_MOCK_SECRET: secret } });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^provider-mock run \S+, instant,/);
    expect(r.stdout).toMatch(/PASS auth-rejected/);
    expect(existsSync(join(cwd, 'run.ndjson'))).toBe(true);
    expect(existsSync(join(cwd, 'junit.xml'))).toBe(true);
    writeFileSync(join(cwd, 'done'), '');
  });
});
