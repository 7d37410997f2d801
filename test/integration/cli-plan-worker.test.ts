import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fingerprint, fromWireError, planInWorker, planTimeline, toWireError, type PlanRequest } from '../../cli/plan-ahead.ts';
import { ProviderMockError } from '../../contracts/errors.ts';
import { identify, loadProfile, serialize } from '../../delivery/index.ts';
import { cli } from '../helpers/cli.ts';
import { receiversClosedAfterEach, tempDir } from '../helpers/delivery.ts';

const startReceiver = receiversClosedAfterEach();

/** `sessions` instances of a built-in, as a busy hour. */
function sessionsFile(dir: string, provider: 'mluvii' | 'enreach', sessions: number): string {
  const include = provider === 'mluvii' ? 'chat-session' : 'queue-call-answered';
  const file = join(dir, `${provider}-busy.yaml`);
  writeFileSync(file, `provider: ${provider}\nname: ${provider}-busy\ndescription: ${sessions} sessions\nsessions: ${sessions}\narrivals: { rate: 2/min }\nsteps:\n  - name: s\n    include:\n      scenario: ${include}\n`);
  return file;
}

// `run --plan-worker on`: the plan is made in a worker thread beside the sending one. What a user
// relies on: the same plan and journal as planning in the sending thread. That the worker takes
// over and the journal is the same is tested on the installed package (test/package/: from
// sources a worker needs seconds to load its TypeScript, longer than a test's plan takes here).
describe('run --plan-worker on', () => {
  it('the worker takes over ahead of a slow reader: the same entries, ids and order as this thread plans', async () => {
    const dir = tempDir('pm-plan-worker-');
    const req: PlanRequest = { refs: [sessionsFile(dir, 'mluvii', 200)], cwd: dir, sets: [], skips: [], only: [], limit: Infinity, seed: 9, startTime: undefined, validate: 'sample' };
    const profile = loadProfile('mluvii');
    const expected = [...planTimeline(req)].map((e) => {
      const s = serialize(e);
      return [e.seq, e.at, e.entityKey, e.eventType, s.text, identify(profile, e.payload, s.bytes).eventId].join(' ');
    });
    const lines: string[] = [];
    const got: string[] = [];
    let fromWorker = 0;
    for await (const e of planInWorker(req, 0, planTimeline(req)[Symbol.iterator](), (l) => lines.push(l))) {
      if (e.prepared) fromWorker++;
      const s = serialize(e);
      got.push([e.seq, e.at, e.entityKey, e.eventType, s.text, e.prepared?.eventId ?? identify(profile, e.payload, s.bytes).eventId].join(' '));
      // A reader slower than the worker's start (seconds from sources): until the worker is there.
      if (lines.length === 0) await new Promise((r) => setTimeout(r, 3));
    }
    expect(lines).toEqual([expect.stringMatching(/^provider-mock: planning in a worker thread from event \d+$/)]);
    expect(fromWorker).toBeGreaterThan(0);
    expect(got).toEqual(expected);
  });

  it('a worker that plans differently (the scenario file changed since the run read it) does not take over: the run keeps its own plan', async () => {
    const dir = tempDir('pm-plan-worker-');
    const file = sessionsFile(dir, 'mluvii', 200);
    const req: PlanRequest = { refs: [file], cwd: dir, sets: [], skips: [], only: [], limit: Infinity, seed: 4, startTime: undefined, validate: 'sample' };
    const expected = [...planTimeline(req)].map((e) => fingerprint(e));
    const own = planTimeline(req)[Symbol.iterator]();
    // Edited after the run read it: other arrival times, so another plan in the worker.
    writeFileSync(file, readFileSync(file, 'utf8').replace('rate: 2/min', 'rate: 3/min'));
    const lines: string[] = [];
    const got: string[] = [];
    for await (const e of planInWorker(req, 0, own, (l) => lines.push(l))) {
      expect(e.prepared).toBeUndefined();
      got.push(fingerprint(e));
      if (lines.length === 0) await new Promise((r) => setTimeout(r, 3));
    }
    expect(lines).toEqual([expect.stringMatching(/planned event \d+ differently \(a scenario file changed since the run read it\?\); planning goes on in this thread/)]);
    expect(got).toEqual(expected);
  });

  it('a worker that fails (its scenario file is gone) leaves the plan to the sending thread: the same entries, none lost', async () => {
    const dir = tempDir('pm-plan-worker-');
    const file = sessionsFile(dir, 'mluvii', 150);
    const req: PlanRequest = { refs: [file], cwd: dir, sets: [], skips: [], only: [], limit: Infinity, seed: 3, startTime: undefined, validate: 'sample' };
    const expected = [...planTimeline(req)].map((e) => JSON.stringify(e.payload));
    const own = planTimeline(req)[Symbol.iterator]();
    // The sending thread has read the file; the worker, started now, cannot.
    rmSync(file);
    const lines: string[] = [];
    const got: string[] = [];
    for await (const e of planInWorker(req, 0, own, (l) => lines.push(l))) got.push(e.prepared ? e.prepared.json : JSON.stringify(e.payload));
    expect(got).toEqual(expected);
    expect(lines.some((l) => /planning in a worker thread/.test(l))).toBe(false);
  });

  it("a planning error from the worker is rebuilt as the same error (code, where, hint, valid values, exit code)", () => {
    const original = new ProviderMockError('PM_UNKNOWN_STEP', 'step or event type in --only "chta"', { where: '--only chta', hint: 'did you mean "chat"?', validValues: ['chat', 'call'], exitCode: 2 });
    const rebuilt = fromWireError(structuredClone(toWireError(original)));
    expect(rebuilt).toBeInstanceOf(ProviderMockError);
    expect(rebuilt.message).toBe(original.message);
    expect(rebuilt).toMatchObject({ code: 'PM_UNKNOWN_STEP', where: '--only chta', hint: 'did you mean "chat"?', validValues: ['chat', 'call'], exitCode: 2 });
    const plain = fromWireError(structuredClone(toWireError(new RangeError('payload too deep'))));
    expect(plain.message).toBe('payload too deep');
  });

  it('says that a paced run does not use the worker (under --quiet too: a flag that does nothing), and delivers every event all the same', async () => {
    const receiver = await startReceiver();
    for (const extra of [[], ['--quiet']]) {
      const r = await cli(['run', 'chat-session', '--target', receiver.url, '--speed', '1000000', '--plan-worker', 'on', ...extra]);
      expect(r.code).toBe(0);
      expect(r.stderr).toMatch(/^provider-mock: warning: --plan-worker on applies to --instant runs only; this paced run plans each event on the sending thread as it falls due$/m);
    }
    const instant = await cli(['run', 'chat-session', '--target', receiver.url, '--plan-worker', 'on', '--quiet']);
    expect([instant.code, instant.stderr]).toEqual([0, '']);
    // Three runs of the same scenario and seed: the same events each time.
    expect(receiver.requests.length % 3).toBe(0);
    expect(receiver.requests.length).toBeGreaterThan(0);
  });

  it('refuses a --plan-worker value other than on or off, before anything is sent (exit 2)', async () => {
    const receiver = await startReceiver();
    const r = await cli(['run', 'chat-session', '--target', receiver.url, '--plan-worker', 'yes']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--plan-worker/);
    expect(r.stderr).toMatch(/valid values: on, off/);
    expect(receiver.requests).toHaveLength(0);
  });
});
