import type { CatalogEntry } from '../../contracts/catalog.ts';
import type { Provider } from '../../contracts/provider.ts';
import type { DurationSpec } from './duration.ts';
import type { PathSeg, Value } from './refs.ts';

/**
 * A number, duration or count that is either written literally or given by a reference
 * (`repeat: ${params.messages}`); references here may read params, the world and the instance
 * number only, because they are decided before any payload exists.
 */
export type Dyn<T> = { lit: T } | { value: Value; where: string; parse: (raw: unknown, where: string) => T };

export interface IntRange {
  min: number;
  max: number;
}

interface NodeBase {
  /** Qualified name (include prefix + name), for named steps. */
  qname?: string;
  where: string;
  after?: Dyn<DurationSpec>;
  optional?: Dyn<number>;
  /** Removed from the run by --skip; its name still resolves (references read their defaults). */
  skipped?: boolean;
  /** Position in document order (for forward-reference checks and stable ordering). */
  order: number;
}

export interface SetOp {
  /** JSON path on the wire as written, e.g. `data.userId`. */
  path: string;
  segs: PathSeg[];
  value: Value;
  where: string;
}

export interface EventNode extends NodeBase {
  kind: 'event';
  qname: string;
  event: string;
  entry: CatalogEntry;
  set: SetOp[];
  context: [string, Value, string][];
  unset: string[];
}

export interface GroupNode extends NodeBase {
  kind: 'steps';
  steps: StepNode[];
}

export interface RepeatNode extends NodeBase {
  kind: 'repeat';
  count: Dyn<IntRange>;
  steps: StepNode[];
}

export interface OneOfNode extends NodeBase {
  kind: 'oneOf';
  branches: { weight: Dyn<number>; label?: string; steps: StepNode[] }[];
}

export interface ParallelNode extends NodeBase {
  kind: 'parallel';
  branches: { after?: Dyn<DurationSpec>; label?: string; steps: StepNode[] }[];
}

export interface IncludeNode extends NodeBase {
  kind: 'include';
  /** The included scenario's name and file. */
  scenario: string;
  file: string;
  /** The included scenario's top-level `context:`, applied when the include starts. */
  context: [string, Value, string][];
  steps: StepNode[];
}

/**
 * `wait:` asks the world state for a free agent (scenarios/README.md, "The world state"). The
 * session waits until one is free (`then`), gives up after its patience (`abandoned`), overflows
 * after `overflowAfter` or at once when nobody of the pool is logged in (`overflow`), or finds
 * the queue closed by its opening hours (`closed`). The outcome is decided while the run is
 * planned, so the steps after a wait start when it ends; they are the served session's: after
 * an `abandoned`, `overflow` or `closed` branch the session ends.
 */
export interface WaitNode extends NodeBase {
  kind: 'wait';
  /** This agent only (Enreach UserId, mluvii userId); may read steps and the context. */
  agent?: Value;
  /** Enreach QueueId / mluvii operator group id; default: the context's queue / the tenant. */
  queue?: Value;
  patience?: Dyn<DurationSpec>;
  overflowAfter?: Dyn<DurationSpec>;
  /** Not an agent this session already had. */
  another: boolean;
  /** `for: open`: only whether the queue is open (no agent is taken): `then` when it is, `closed` when not. */
  forOpen: boolean;
  then: StepNode[];
  abandoned?: StepNode[];
  overflow?: StepNode[];
  closed?: StepNode[];
}

export type StepNode = EventNode | GroupNode | RepeatNode | OneOfNode | ParallelNode | IncludeNode | WaitNode;

export type Arrivals = { kind: 'rate'; meanGapMs: number } | { kind: 'every'; spec: Dyn<DurationSpec> };

/** A scenario after loading, schema check, include expansion and name/reference resolution. */
export interface Scenario {
  name: string;
  provider: Provider;
  description: string;
  file: string;
  world: { seed?: number | string; sizes?: Record<string, number>; agents?: 'available' | 'offWork' };
  /** Where `world:` is written (for errors from building the world). */
  worldWhere: string;
  sessions: Dyn<number>;
  arrivals: Arrivals;
  context: [string, Value, string][];
  steps: StepNode[];
  /** Every named step (qualified name) in document order. */
  names: Map<string, StepNode>;
  /** Every file this scenario read (itself first, then its includes). */
  files: string[];
  /** Step names some reference reads: only their payloads are kept while an instance runs. */
  referenced: Set<string>;
  /**
   * A scenario made of parts (`parts:`): each part is planned as a scenario of its own, named
   * `<scenario>/<part>`, with its own sessions and arrivals, over this scenario's world; `steps`
   * is then empty.
   */
  parts?: Scenario[];
}

/** The step lists directly inside a step (a group's steps, each branch, each outcome of a wait). */
export function childSteps(n: StepNode): readonly (readonly StepNode[])[] {
  switch (n.kind) {
    case 'event':
      return [];
    case 'oneOf':
    case 'parallel':
      return n.branches.map((b) => b.steps);
    case 'wait':
      return [n.then, n.abandoned ?? [], n.overflow ?? [], n.closed ?? []];
    default:
      return [n.steps];
  }
}
