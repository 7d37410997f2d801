import type { Provider } from '../../contracts/provider.ts';

/**
 * One planned webhook: what the scenario engine produces and what delivery sends.
 * The engine plans, it does no I/O; delivery only reads these entries.
 */
export interface TimelineEntry {
  /** Position in the plan (0-based); the order in which the provider emitted the events. */
  seq: number;
  /** Milliseconds after the run's start at which the provider emits the event. */
  at: number;
  provider: Provider;
  eventType: string;
  /**
   * What the provider orders delivery by (docs/providers.md M7: mluvii keeps order per session, e-mail
   * thread and user; Enreach per call, callback, user, queue), e.g. `session:7371450`.
   */
  entityKey: string;
  /** The body exactly as the provider sends it (mluvii: the {eventType, data} envelope). */
  payload: unknown;
  /** Which scenario, instance (for `sessions: N`) and step produced this entry. */
  scenario: string;
  instance: number;
  step: string;
}
