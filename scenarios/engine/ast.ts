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

export type StepNode = EventNode | GroupNode | RepeatNode | OneOfNode | ParallelNode | IncludeNode;

export type Arrivals = { kind: 'rate'; meanGapMs: number } | { kind: 'every'; spec: Dyn<DurationSpec> };

/** A scenario after loading, schema check, include expansion and name/reference resolution. */
export interface Scenario {
  name: string;
  provider: Provider;
  description: string;
  file: string;
  world: { seed?: number | string; sizes?: Record<string, number> };
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
}
