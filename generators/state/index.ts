/**
 * The world state of a run (scenarios/README.md, "The world state"): one per world, shared by
 * every session of the run. `generate(…, { state })` derives status events from it and advances it
 * by the event it made; the scenario engine asks it for free agents (`wait:`).
 */
import type { World } from '../types.ts';
import { EnreachState } from './enreach.ts';
import { MluviiState } from './mluvii.ts';
import type { StateOptions, WorldState } from './types.ts';

export type { AgentId, AgentRequest, Holder, StateOptions, WorldState } from './types.ts';
export { isOpen } from './enreach.ts';
export { CHATS_PER_OPERATOR } from './mluvii.ts';

/** A fresh state of the world: agents as `options.agents` says (default: logged in and free), queues empty. */
export function createState(world: World, options: StateOptions = {}): WorldState {
  return world.provider === 'mluvii' ? new MluviiState(world, options) : new EnreachState(world, options);
}
