import type { Provider } from '../contracts/provider.ts';
import type { EnreachWorld } from './enreach/world.ts';
import type { MluviiWorld } from './mluvii/world.ts';
import type { WorldState } from './state/types.ts';

export type { EnreachWorld } from './enreach/world.ts';
export type { MluviiWorld } from './mluvii/world.ts';
export type { WorldSizes } from './world-sizes.ts';

/** A provider's "world": the tenant/organization every generated payload is drawn from. */
export type World = MluviiWorld | EnreachWorld;


/**
 * What a sequence of events shares. Keys are the wire's own property names (generators/README.md
 * lists them). Plain JSON: it can be stored, printed and passed between processes.
 */
export interface GenContext {
  provider: Provider;
  /** The current time, ms since the epoch; set to each generated event's time. */
  now?: number;
  /** How many payloads were generated with this context (mixed into each payload's randomness). */
  seq?: number;
  [key: string]: unknown;
}

export interface GenerateOptions {
  /** This payload's randomness; same inputs → same bytes. Strings are hashed to a number. */
  seed?: number | string;
  /** Default: a memoized createWorld(provider, { seed: 1 }). */
  world?: World;
  /** What a sequence shares; mutated: an id first needed is created and stored here, so later events reuse it. */
  context?: GenContext;
  /** ms since epoch when the event happens; default context.now, else 2024-05-02T06:58:58.888Z. */
  time?: number;
  /** JSON path → value, applied last; the result is re-validated. */
  overrides?: Record<string, unknown>;
  /** Default true: throw rather than return a payload that fails the strict schema. */
  validate?: boolean;
  /**
   * The run's world state (createState): status events (QueueStatus, UserStatus,
   * CallbackListStatus, QueueAttachedUsers, UserStatusChanged) are derived from it, mluvii ids come
   * from its counters, and the event is applied to it once made.
   */
  state?: WorldState | undefined;
}
