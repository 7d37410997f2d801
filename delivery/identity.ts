/**
 * An event's bytes and identity: the body exactly as sent (serialized once, shared by retries
 * and duplicates) and the id the journal and the idempotency check count by: the payload's own
 * id where the profile names one (Enreach `/Id`, docs/providers.md E3), else a SHA-256 of the body (mluvii
 * has no event id, docs/providers.md M6).
 */
import { hash } from 'node:crypto';
import { ProviderMockError } from '../contracts/errors.ts';
import { jsonPointer } from '../contracts/json-pointer.ts';
import type { TimelineEntry } from '../scenarios/engine/timeline.ts';
import type { DeliveryProfile } from './profile.ts';

/** An event's body as sent and as text (the journal writes the text: no decoding the bytes back). */
export interface Serialized {
  bytes: Buffer;
  text: string;
}

/**
 * An entry planned and serialized elsewhere (`run`'s planning worker, cli/plan-worker.ts): the
 * payload's JSON text (JSON.stringify's own output, so the journal embeds it as `payload`) and the
 * id identify() gave it there, so the sending thread does no per-payload work.
 */
export interface Prepared {
  json: string;
  eventId: string;
  eventIdKind: 'id' | 'content-hash';
}

/**
 * The body given with the entry (send, resend: exact bytes), else the payload as UTF-8 JSON (as
 * prepared by a planning worker, or serialized now); a payload that is not JSON is bad input.
 */
export function serialize(entry: TimelineEntry & { body?: string; prepared?: Prepared }): Serialized {
  if (typeof entry.body === 'string') return { bytes: Buffer.from(entry.body, 'utf8'), text: entry.body };
  if (entry.prepared) return { bytes: Buffer.from(entry.prepared.json, 'utf8'), text: entry.prepared.json };
  try {
    const text = JSON.stringify(entry.payload);
    if (text === undefined) throw new Error('the payload is undefined');
    return { bytes: Buffer.from(text, 'utf8'), text };
  } catch (cause) {
    throw new ProviderMockError('PM_DELIVERY_PAYLOAD', `timeline entry ${entry.seq} (${entry.eventType}) has a payload that is not JSON: ${(cause as Error).message}`, {
      where: `timeline[${entry.seq}].payload`,
      cause,
    });
  }
}

/** An entry's id: the one its planning worker gave it (Prepared), else identify() now. */
export function identifyEntry(profile: DeliveryProfile, entry: TimelineEntry & { prepared?: Prepared }, body: Buffer): Pick<Prepared, 'eventId' | 'eventIdKind'> {
  return entry.prepared ? { eventId: entry.prepared.eventId, eventIdKind: entry.prepared.eventIdKind } : identify(profile, entry.payload, body);
}

export function identify(profile: DeliveryProfile, payload: unknown, body: Buffer): Pick<Prepared, 'eventId' | 'eventIdKind'> {
  if (profile.eventId.kind === 'json-pointer') {
    const v = jsonPointer(payload, profile.eventId.pointer);
    if (typeof v === 'string' || typeof v === 'number') return { eventId: String(v), eventIdKind: 'id' };
  }
  // crypto.hash: the one-shot form (Node >= 20.12), no Hash object per event.
  return { eventId: `sha256:${hash('sha256', body, 'hex').slice(0, 32)}`, eventIdKind: 'content-hash' };
}
