/**
 * The journal: NDJSON, streamed, one line per attempt, so every planned delivery can be
 * accounted for after the fact. Lines are built from fields that never hold secrets (targets
 * appear as redacted URLs; headers and bodies are never written); free text is passed through
 * the run's `Redactor` before it gets here.
 *
 * Line types:
 * - `run`: first line; run id, seed, time mode, retry settings, faults, targets (redacted).
 * - `event`: one per planned event, before its attempts: where it comes from and what was POSTed,
 *   as `payload` (a body provider-mock serialized: exactly JSON.stringify(payload)) or `body` (a
 *   body given as text, byte for byte). A payload holds no credential (those travel in headers and
 *   URLs, which are never written); `provider-mock resend` delivers the same bytes again.
 * - `attempt`: one per HTTP request, and one `kind: "not-sent"` line (attempt 0) for a
 *   delivery that never got an attempt. Exactly one line per delivery has `final: true`; its
 *   `outcome` is the delivery's outcome (delivered | discarded | not-sent). Duplicates and
 *   auth probes follow with `final: false`.
 * - `summary`: last line; the counts of the run.
 */
import type { Writable } from 'node:stream';
import { close as closeFd, open, write, writeSync } from 'node:fs';
import { ProviderMockError } from '../contracts/errors.ts';
import type { Provider } from '../contracts/provider.ts';
import type { AttemptErrorKind } from './attempt.ts';

export type AttemptKind = 'first' | 'retry' | 'duplicate' | 'auth-probe' | 'not-sent';
export type DeliveryOutcome = 'delivered' | 'discarded' | 'not-sent';
/** `will-retry`: a failed attempt that a retry follows; `duplicate`/`probe`: extra requests. */
export type AttemptOutcome = DeliveryOutcome | 'will-retry' | 'duplicate' | 'probe';

export interface AttemptRecord {
  type: 'attempt';
  runId: string;
  /** ISO time the attempt started (or the delivery was given up, for `not-sent`). */
  time: string;
  seq: number;
  scenario: string;
  instance: number;
  step: string;
  provider: Provider;
  eventType: string;
  entityKey: string;
  /** Enreach: the payload's `Id`; mluvii: `sha256:<hex>` of the body (docs/providers.md M6). */
  eventId: string;
  eventIdKind: 'id' | 'content-hash';
  /** Redacted receiver URL. */
  target: string;
  kind: AttemptKind;
  /** 1 for the first attempt; retries and duplicates count on; 0 for `not-sent` without an attempt. */
  attempt: number;
  status: number | null;
  error: AttemptErrorKind | 'invalid-target' | null;
  errorMessage?: string;
  /** The receiver's time: from the request's write to the response headers (connection waits apart). */
  latencyMs: number | null;
  /** Waiting for a connection of the pool and connecting, before the write. */
  queuedMs: number | null;
  responseBytes: number | null;
  /** The response body's first bytes, when the run keeps them (`keepResponseText`; the server's inspector). */
  response?: string;
  /** Wait before this attempt from --delay. */
  jitterMs?: number;
  /** The event was sent behind its successor (--reorder). */
  reordered?: boolean;
  outcome: AttemptOutcome;
  /** This line settles the delivery. */
  final: boolean;
  /** Why, for discarded and not-sent outcomes. */
  reason?: string;
}

/** The `event` line: one per planned event, with the exact body sent. */
export interface EventRecord extends Pick<AttemptRecord, 'runId' | 'seq' | 'scenario' | 'instance' | 'step' | 'provider' | 'eventType' | 'entityKey' | 'eventId'> {
  type: 'event';
  /** Offset of the event in the scenario's time (ms). */
  at: number;
  /**
   * The body sent: `payload` when provider-mock serialized it (the body is exactly
   * JSON.stringify(payload)), `body` (the text, byte for byte) when it was given as text.
   */
  payload?: unknown;
  body?: string;
}

/** The exact text an event line says was sent. */
export function eventBody(e: Pick<EventRecord, 'payload' | 'body'>): string {
  return typeof e.body === 'string' ? e.body : JSON.stringify(e.payload);
}

export interface JournalSink {
  /** False for the no-op journal, so callers can skip building lines. */
  readonly enabled: boolean;
  /** Queues one line. */
  write(line: object): void;
  /** Queues one line already serialized (ending in a newline). */
  writeText(text: string): void;
  /**
   * Queues one line made of `head`, a part already encoded (`bytes`, the same as `text`: an event's
   * body) and `tail`; a file journal copies the bytes instead of encoding the text a second time.
   */
  writeParts(head: string, bytes: Buffer, text: string, tail: string): void;
  /** A promise while the stream is full (backpressure), else undefined. */
  ready(): Promise<void> | undefined;
  /** Flushes and closes (an injected stream is ended only if it was opened here). */
  close(): Promise<void>;
  /** The first write error, if any (a full disk must not crash the run). */
  readonly error: Error | undefined;
}

/** Lines are batched (one write per 64 KiB or per event-loop turn) so the journal costs little. */
class StreamJournal implements JournalSink {
  readonly enabled = true;
  readonly #stream: Writable;
  readonly #own: boolean;
  #buf: string[] = [];
  #bufChars = 0;
  #scheduled = false;
  #pending: Promise<void> | undefined;
  #error: Error | undefined;

  constructor(stream: Writable, own: boolean) {
    this.#stream = stream;
    this.#own = own;
    stream.on('error', (err: Error) => {
      this.#error ??= err;
    });
  }

  get error(): Error | undefined {
    return this.#error;
  }

  write(line: object): void {
    this.writeText(`${JSON.stringify(line)}\n`);
  }

  writeParts(head: string, _bytes: Buffer, text: string, tail: string): void {
    this.writeText(head + text + tail);
  }

  writeText(text: string): void {
    if (this.#error || this.#stream.destroyed) return;
    this.#buf.push(text);
    this.#bufChars += text.length;
    if (this.#bufChars >= 64 * 1024) this.#flush();
    else if (!this.#scheduled) {
      this.#scheduled = true;
      setImmediate(() => this.#flush());
    }
  }

  #flush(): void {
    this.#scheduled = false;
    if (this.#buf.length === 0 || this.#error || this.#stream.destroyed) return;
    const chunk = this.#buf.join('');
    this.#buf = [];
    this.#bufChars = 0;
    if (!this.#stream.write(chunk) && !this.#pending) {
      this.#pending = new Promise<void>((resolve) => {
        const done = (): void => {
          this.#stream.off('drain', done);
          this.#stream.off('error', done);
          this.#stream.off('close', done);
          this.#pending = undefined;
          resolve();
        };
        this.#stream.on('drain', done);
        this.#stream.on('error', done);
        this.#stream.on('close', done);
      });
    }
  }

  ready(): Promise<void> | undefined {
    return this.#pending;
  }

  close(): Promise<void> {
    this.#flush();
    if (!this.#own) return this.#pending ?? Promise.resolve();
    return new Promise((resolve) => {
      if (this.#stream.destroyed || this.#stream.writableFinished) return resolve();
      this.#stream.once('close', () => resolve());
      this.#stream.once('error', () => resolve());
      this.#stream.end();
    });
  }
}

class NullJournal implements JournalSink {
  readonly enabled = false;
  readonly error = undefined;
  write(): void {}
  writeText(): void {}
  writeParts(): void {}
  ready(): undefined {
    return undefined;
  }
  close(): Promise<void> {
    return Promise.resolve();
  }
}

/**
 * The journal file: lines are encoded straight into a buffer; every 64 KiB (or 50 ms) the
 * buffer is handed to one asynchronous write and a second buffer takes the next lines, so the
 * event loop never waits on the disk and the cost per line is one encode. Every write carries
 * its file position, so bytes land in order even if a full buffer ever has to be written
 * synchronously while the other is still in flight. A crash loses at most the last 50 ms.
 */
class FileJournal implements JournalSink {
  static readonly CAPACITY = 1024 * 1024;
  static readonly FLUSH_AT = 64 * 1024;
  readonly enabled = true;
  readonly #fd: number;
  #buf: Buffer = Buffer.allocUnsafe(FileJournal.CAPACITY);
  #spare: Buffer | undefined = Buffer.allocUnsafe(FileJournal.CAPACITY);
  #len = 0;
  /** File offset of the next chunk. */
  #pos = 0;
  #writing = false;
  #timer: NodeJS.Timeout | undefined;
  #error: Error | undefined;
  #idle: (() => void)[] = [];

  constructor(fd: number) {
    this.#fd = fd;
  }

  get error(): Error | undefined {
    return this.#error;
  }

  write(line: object): void {
    this.writeText(`${JSON.stringify(line)}\n`);
  }

  writeText(text: string): void {
    if (this.#error) return;
    // UTF-8 needs at most 3 bytes per UTF-16 unit.
    if (!this.#room(text.length * 3)) return this.#writeSyncAt(Buffer.from(text, 'utf8'));
    this.#len += this.#buf.write(text, this.#len, 'utf8');
    this.#written();
  }

  writeParts(head: string, bytes: Buffer, text: string, tail: string): void {
    if (this.#error) return;
    if (!this.#room((head.length + tail.length) * 3 + bytes.length)) return this.#writeSyncAt(Buffer.from(head + text + tail, 'utf8'));
    this.#len += this.#buf.write(head, this.#len, 'utf8');
    this.#len += bytes.copy(this.#buf, this.#len);
    this.#len += this.#buf.write(tail, this.#len, 'utf8');
    this.#written();
  }

  /** Room in the buffer for a line of at most `most` bytes; false when the line is larger than a whole buffer (it is written on its own). */
  #room(most: number): boolean {
    if (this.#len + most <= FileJournal.CAPACITY) return true;
    // Both buffers busy (a slow disk): write this one now, in place.
    this.#writeNow();
    return most <= FileJournal.CAPACITY;
  }

  /** After a line: hand a full buffer to the disk, or make sure it goes within 50 ms. */
  #written(): void {
    if (this.#len >= FileJournal.FLUSH_AT) this.#flush();
    else if (!this.#timer) {
      this.#timer = setTimeout(this.#flush, 50);
      this.#timer.unref();
    }
  }

  /** Hands the buffer to an asynchronous write, if none is in flight. */
  readonly #flush = (): void => {
    if (this.#timer) {
      clearTimeout(this.#timer);
      this.#timer = undefined;
    }
    if (this.#writing || this.#len === 0 || this.#error || !this.#spare) return;
    const chunk = this.#buf;
    const len = this.#len;
    const pos = this.#pos;
    this.#buf = this.#spare;
    this.#spare = undefined;
    this.#len = 0;
    this.#pos += len;
    this.#writing = true;
    this.#writeAsync(chunk, 0, len, pos);
  };

  #writeAsync(chunk: Buffer, off: number, len: number, pos: number): void {
    write(this.#fd, chunk, off, len - off, pos + off, (err, written) => {
      if (err) this.#error ??= err;
      else if (off + written < len) return this.#writeAsync(chunk, off + written, len, pos);
      this.#spare = chunk;
      this.#writing = false;
      if (this.#len >= FileJournal.FLUSH_AT || (this.#idle.length > 0 && this.#len > 0)) this.#flush();
      else if (this.#len > 0 && !this.#timer) {
        this.#timer = setTimeout(this.#flush, 50);
        this.#timer.unref();
      }
      if (!this.#writing && this.#idle.length > 0) {
        const waiters = this.#idle;
        this.#idle = [];
        for (const w of waiters) w();
      }
    });
  }

  /** Writes the current buffer synchronously at its position (the other one may be in flight). */
  #writeNow(): void {
    if (this.#len === 0) return;
    const len = this.#len;
    this.#len = 0;
    this.#writeSyncAt(this.#buf.subarray(0, len));
  }

  #writeSyncAt(chunk: Buffer): void {
    const pos = this.#pos;
    this.#pos += chunk.length;
    try {
      let off = 0;
      while (off < chunk.length) off += writeSync(this.#fd, chunk, off, chunk.length - off, pos + off);
    } catch (err) {
      // A full disk must not crash the run; the result reports it.
      this.#error ??= err as Error;
    }
  }

  ready(): undefined {
    return undefined;
  }

  async close(): Promise<void> {
    if (this.#timer) {
      clearTimeout(this.#timer);
      this.#timer = undefined;
    }
    while (this.#writing) await new Promise<void>((resolve) => this.#idle.push(resolve));
    if (!this.#error) this.#writeNow();
    await new Promise<void>((resolve) => closeFd(this.#fd, () => resolve()));
  }
}

/** Opens the journal file (truncating it); a path that cannot be written is bad input (exit 2). */
export async function openJournal(target: string | Writable | undefined, flag = '--journal'): Promise<JournalSink> {
  if (target === undefined) return new NullJournal();
  if (typeof target !== 'string') return new StreamJournal(target, false);
  try {
    // A plain fd (not a FileHandle, which would close itself when collected).
    const fd = await new Promise<number>((resolve, reject) => open(target, 'w', (err, fd) => (err ? reject(err) : resolve(fd))));
    return new FileJournal(fd);
  } catch (cause) {
    throw new ProviderMockError('PM_DELIVERY_OUTPUT_PATH', `cannot write the journal to "${target}": ${(cause as Error).message}`, {
      where: flag,
      hint: 'give a path in an existing, writable directory',
      cause,
    });
  }
}

/** A journal read back (resend, the server's history): its lines by type, in order. */
export interface ParsedJournal {
  run: Record<string, unknown> | undefined;
  events: EventRecord[];
  attempts: AttemptRecord[];
  summary: Record<string, unknown> | undefined;
}

/**
 * Reads an NDJSON journal. A line that is not JSON, or an event line without its fields, is bad
 * input naming `file:line`; lines of unknown types are skipped (later versions may add some).
 */
export function parseJournal(text: string, file: string): ParsedJournal {
  const out: ParsedJournal = { run: undefined, events: [], attempts: [], summary: undefined };
  text.split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    let rec: Record<string, unknown>;
    try {
      rec = JSON.parse(line) as Record<string, unknown>;
    } catch (e) {
      throw new ProviderMockError('PM_JOURNAL', `line is not JSON: ${(e as Error).message}`, { where: `${file}:${i + 1}`, hint: 'give the NDJSON journal a run wrote with --journal' });
    }
    if (typeof rec !== 'object' || rec === null) return;
    switch (rec['type']) {
      case 'run':
        out.run = rec;
        break;
      case 'summary':
        out.summary = rec;
        break;
      case 'event':
        if (typeof rec['seq'] !== 'number' || (typeof rec['body'] !== 'string' && !('payload' in rec)) || typeof rec['provider'] !== 'string' || typeof rec['eventType'] !== 'string') {
          throw new ProviderMockError('PM_JOURNAL', 'an event line needs seq, provider, eventType and its payload or body', { where: `${file}:${i + 1}` });
        }
        out.events.push(rec as unknown as EventRecord);
        break;
      case 'attempt':
        if (typeof rec['seq'] === 'number') out.attempts.push(rec as unknown as AttemptRecord);
        break;
      default:
    }
  });
  return out;
}
