/**
 * One event at a time: `trigger` (a generated event), `send` (your own body) and `resend` (a
 * journal's exact bodies again), each delivered and graded the provider's way.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validate } from '../../contracts/index.ts';
import { eventBody, type EventRecord } from '../../delivery/index.ts';
import { cli } from '../helpers/cli.ts';
import { journalLines, receiversClosedAfterEach, tempDir } from '../helpers/delivery.ts';
import { refusedPort } from '../helpers/receiver.ts';

const startReceiver = receiversClosedAfterEach();

describe('provider-mock trigger', () => {
  it("delivers one generated event the provider's way: its headers, auth and overrides, graded like a run", async () => {
    const receiver = await startReceiver();
    const r = await cli(['trigger', 'QueueCallInUserConnected', '--target', receiver.url, '--set', 'CallerNumber=+358401234567', '--seed', '7'], { env: { PROVIDER_MOCK_SECRET: 'tok' } });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^PASS trigger QueueCallInUserConnected: 1\/1 delivered; checks 4 passed; exit 0$/m);
    expect(receiver.requests).toHaveLength(1);
    const req = receiver.requests[0];
    expect(req?.headers['x-benemen-event']).toBe('QueueCallInUserConnected');
    expect(req?.headers['x-benemen-token']).toBe('tok');
    expect(req?.headers['content-type']).toBe('application/json; charset=utf-8');
    expect((req?.json as { CallerNumber: string }).CallerNumber).toBe('+358401234567');
    expect(validate(req?.json).valid).toBe(true);
  });

  it('sends a mluvii event with Basic auth from the URL, retries it the mluvii way, and fails when it never gets through', async () => {
    const receiver = await startReceiver({ behaviour: { status: 500 } });
    const r = await cli(['trigger', 'SessionCreated', '--target', `http://me:pw@127.0.0.1:${receiver.port}/mluvii`, '--retry-schedule', '1ms']);
    expect(r.code).toBe(1);
    // docs/providers.md M2: 2 retries, 3 attempts in all.
    expect(receiver.requests).toHaveLength(3);
    expect(receiver.requests[0]?.headers.authorization).toBe(`Basic ${Buffer.from('me:pw').toString('base64')}`);
    expect(r.stdout).toMatch(/^FAIL trigger SessionCreated: 0\/1 delivered \(1 discarded\)/m);
  });

  it('refuses an unknown event with "did you mean", and checks the target first', async () => {
    const unknown = await cli(['trigger', 'SessionCreatd', '--target', 'http://127.0.0.1:9/x']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/unknown event type "SessionCreatd"; did you mean "SessionCreated"/);
    const noTarget = await cli(['trigger', 'SessionCreated']);
    expect(noTarget.stderr).toMatch(/PM_USAGE: trigger: --target is required/);
    const port = await refusedPort();
    const down = await cli(['trigger', 'SessionCreated', '--target', `http://127.0.0.1:${port}/x`]);
    expect(down.code).toBe(1);
    expect(down.stderr).toMatch(/^provider-mock PM_TARGET_UNREACHABLE: --target: http:\/\/127\.0\.0\.1:\d+\/x: connection refused/);
  });
});

describe('provider-mock send', () => {
  it('sends exactly the bytes of your payload file, the provider detected from it', async () => {
    const receiver = await startReceiver();
    const dir = tempDir('pm-send-');
    // Odd spacing on purpose: the body is sent as written, not re-serialized.
    const body = '{"eventType": "SessionEnded",  "data": {"id": 7371450, "tenantId": 272, "channel": "Chat", "source": "Default", "started": "2024-05-06T15:20:01.5+02:00", "ended": "2024-05-06T15:31:14.63027+02:00"}}';
    writeFileSync(join(dir, 'ended.json'), `${body}\n`);
    const check = validate(JSON.parse(body));
    expect(check.errors).toEqual([]);
    const r = await cli(['send', 'ended.json', '--target', receiver.url, '-q'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('PASS send ended.json: 1/1 delivered; checks 2 passed, 2 skipped; exit 0\n');
    expect(receiver.requests[0]?.body).toBe(body);
    expect(receiver.requests[0]?.headers['x-benemen-event']).toBeUndefined();
  });

  it('validates first: an invalid payload is refused with its problems by JSON path, and nothing is sent', async () => {
    const receiver = await startReceiver();
    const r = await cli(['send', '-', '--target', receiver.url], { stdin: '{"EventType":"UserStatus","UserId":"nope"}' });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^provider-mock PM_SEND_INVALID: stdin: not what enreach sends as UserStatus, so nothing was sent: \$\.RootEntityType: required property is missing \(got nothing\); .*; … \d+ more \(provider-mock validate -\)/);
    expect(receiver.requests).toHaveLength(0);
    // --no-validate sends it anyway (to see how a receiver copes); an NDJSON file is one event per line.
    const forced = await cli(['send', '-', '--target', receiver.url, '--no-validate', '-q'], { stdin: '{"EventType":"UserStatus","UserId":"nope"}\n{"EventType":"UserStatus","UserId":"again"}\n' });
    expect(forced.code, forced.stderr).toBe(0);
    expect(receiver.requests.map((q) => q.body)).toEqual(['{"EventType":"UserStatus","UserId":"nope"}', '{"EventType":"UserStatus","UserId":"again"}']);
    expect(receiver.requests[0]?.headers['x-benemen-event']).toBe('UserStatus');
    const neither = await cli(['send', '-', '--target', receiver.url], { stdin: '{"hello":1}' });
    expect(neither.stderr).toMatch(/PM_SEND_UNKNOWN_PAYLOAD: stdin: not a payload of either provider/);
  });

  it('with --lenient sends an event type the catalog does not know yet, with a warning', async () => {
    const receiver = await startReceiver();
    const r = await cli(['send', '-', '--target', receiver.url, '--lenient'], { stdin: '{"eventType":"SessionTranscribed","data":{"id":1}}' });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/warning: stdin: \$\.eventType: unknown mluvii event type "SessionTranscribed": accepted in lenient mode/);
    expect(receiver.requests).toHaveLength(1);
  });
});

describe('provider-mock resend', () => {
  it('re-delivers exactly the recorded bodies: every event, the failed ones, or by seq', async () => {
    // First run: QueueCallInComing fails for good.
    const failing = await startReceiver({ behaviour: (req) => ((req.json as { EventType: string }).EventType === 'QueueCallInComing' ? { status: 503 } : { status: 200 }) });
    const dir = tempDir('pm-resend-');
    const journal = join(dir, 'run.ndjson');
    const first = await cli(['run', 'queue-call-answered', '--target', failing.url, '--retries', '0', '--journal', journal, '-q'], { env: { PROVIDER_MOCK_SECRET: 'tok' } });
    expect(first.code).toBe(1);
    const events = (journalLines(journal).filter((l) => l['type'] === 'event') as unknown as EventRecord[]).map((e) => ({ ...e, body: eventBody(e) }));
    expect(events).toHaveLength(17);
    // The journal holds bodies, never the credentials.
    expect(readFileSync(journal, 'utf8')).not.toContain('tok');

    const receiver = await startReceiver();
    const failed = await cli(['resend', '--journal', journal, '--failed', '--target', receiver.url, '-q'], { env: { PROVIDER_MOCK_SECRET: 'tok' } });
    expect(failed.code, failed.stderr).toBe(0);
    const incoming = events.filter((e) => e.eventType === 'QueueCallInComing');
    expect(receiver.requests.map((q) => q.body)).toEqual(incoming.map((e) => e.body));
    // Same Id, same bytes, the provider's headers, the auth given again.
    expect(receiver.requests[0]?.headers['x-benemen-token']).toBe('tok');
    expect(receiver.requests[0]?.headers['x-benemen-event']).toBe('QueueCallInComing');

    receiver.requests.length = 0;
    const picked = await cli(['resend', '--journal', journal, '--seq', '2', '--seq', '4-5', '--target', receiver.url, '-q']);
    expect(picked.code).toBe(0);
    expect(receiver.requests.map((q) => q.body)).toEqual([2, 4, 5].map((n) => events.find((e) => e.seq === n)?.body));

    receiver.requests.length = 0;
    const all = await cli(['resend', '--journal', journal, '--target', receiver.url, '-q', '--new-journal', join(dir, 'again.ndjson')]);
    expect(all.stdout).toMatch(/^PASS queue-call-answered: 17\/17 delivered/);
    expect((journalLines(join(dir, 'again.ndjson')).filter((l) => l['type'] === 'event') as unknown as EventRecord[]).map(eventBody)).toEqual(events.map((e) => e.body));
  });

  it('refuses what it cannot resend, by name', async () => {
    const receiver = await startReceiver();
    const dir = tempDir('pm-resend-bad-');
    const journal = join(dir, 'run.ndjson');
    await cli(['run', 'chat-session', '--target', receiver.url, '--journal', journal, '-q']);
    const seq = await cli(['resend', '--journal', journal, '--seq', '99', '--target', receiver.url]);
    expect(seq.code).toBe(2);
    expect(seq.stderr).toMatch(/PM_UNKNOWN_SEQ: --seq: no event with seq 99 in the journal \(the journal has seq 0, 1, 2/);
    const both = await cli(['resend', '--journal', journal, '--seq', '1', '--failed', '--target', receiver.url]);
    expect(both.stderr).toMatch(/PM_USAGE: --failed and --seq pick events two ways/);
    const none = await cli(['resend', '--journal', journal, '--failed', '--target', receiver.url]);
    expect(none.code).toBe(0);
    expect(none.stdout).toMatch(/nothing to resend: every event of .* was delivered \(15 events\)/);
    writeFileSync(join(dir, 'old.ndjson'), '{"type":"run","runId":"x"}\nnot json\n');
    const broken = await cli(['resend', '--journal', join(dir, 'old.ndjson'), '--target', receiver.url]);
    expect(broken.stderr).toMatch(/PM_JOURNAL: .*old\.ndjson:2: line is not JSON/);
    const noTarget = await cli(['resend', '--journal', journal]);
    expect(noTarget.stderr).toMatch(/PM_USAGE: resend: --target is required/);
  });
});
