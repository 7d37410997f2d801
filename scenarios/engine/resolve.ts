import { parse as parseYamlScalar } from 'yaml';
import { eventNames, findEvent } from '../../contracts/catalog.ts';
import type { Provider } from '../../contracts/provider.ts';
import type { Arrivals, Dyn, EventNode, GroupNode, IncludeNode, IntRange, OneOfNode, ParallelNode, RepeatNode, Scenario, SetOp, StepNode, WaitNode } from './ast.ts';
import { parseCount, parseDuration, parseRate, type DurationSpec } from './duration.ts';
import { CODES, scenarioError, unknownName } from './errors.ts';
import { missingField } from './fields.ts';
import { suggestion } from '../../contracts/errors.ts';
import { contextKeys } from '../../generators/context-keys.ts';
import type { DataPath, LoadedSource } from './load.ts';
import { mapRefs, parsePath, parseValue, type RawRef, type Ref, type Value } from './refs.ts';
import { checkSchema } from './schema.ts';
import { toText } from '../../contracts/text.ts';

/**
 * From loaded YAML to a resolved Scenario: schema check, event names, includes (with params and
 * cycle detection), step names, command-line --set/--skip, and every reference bound to the step,
 * param or world value it reads. Every problem is found here, before anything is planned.
 */
export interface ResolveOptions {
  /**
   * Loads an included scenario (a built-in name, or a path relative to `from`). Must throw
   * PM_SCENARIO_UNKNOWN_SCENARIO for a name it cannot find. The engine itself does no I/O.
   */
  load: (ref: string, from: string, where: string) => LoadedSource;
  /** `step.path=value` overrides from the command line (applied to every scenario that has the step). */
  sets?: readonly string[];
  /** Step names to leave out. */
  skips?: readonly string[];
  /** When several scenarios share sets/skips, an unknown name is only an error if no scenario has it. */
  lenientCliNames?: boolean;
}

interface Unit {
  src: LoadedSource;
  prefix: string;
  params: Map<string, Value>;
  stack: string[];
}

interface RawStep {
  [k: string]: unknown;
}

const obj = (v: unknown): Record<string, unknown> => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {});
const join = (prefix: string, name: string): string => (prefix ? `${prefix}.${name}` : name);

function parseProbability(raw: unknown, where: string): number {
  if (typeof raw === 'number' && raw >= 0 && raw <= 1) return raw;
  throw scenarioError(CODES.badValue, `bad probability ${JSON.stringify(raw)}`, { where, hint: 'optional is a probability from 0 to 1, e.g. optional: 0.3' });
}
function parseWeight(raw: unknown, where: string): number {
  if (typeof raw === 'number' && raw > 0) return raw;
  throw scenarioError(CODES.badValue, `bad weight ${JSON.stringify(raw)}`, { where, hint: 'a weight is a number above 0' });
}
function parseSessions(raw: unknown, where: string): number {
  if (typeof raw === 'number' && Number.isInteger(raw) && raw >= 1) return raw;
  throw scenarioError(CODES.badValue, `bad sessions ${JSON.stringify(raw)}`, { where, hint: 'sessions is a whole number ≥ 1' });
}

class Resolver {
  readonly names = new Map<string, StepNode>();
  readonly referenced = new Set<string>();
  readonly files: string[] = [];
  private order = 0;
  /** Inside a parallel branch: its times are fixed before the run, so it cannot wait. */
  private inParallel = 0;
  constructor(
    readonly provider: Provider,
    readonly opts: ResolveOptions,
  ) {}

  value(unit: Unit, raw: unknown, path: DataPath): Value {
    const v = parseValue(raw, (p) => unit.src.where(p), [...path]);
    return mapRefs(v, (r) => this.bindParam(unit, r.kind === 'raw' ? { ...r, prefix: unit.prefix } : r));
  }

  /** `${params.x…}` is replaced by the param's value (itself a value in the includer's scope). */
  bindParam(unit: Unit, r: Ref): Ref {
    if (r.kind !== 'raw' || r.segs[0] !== 'params') return r;
    const name = r.segs[1];
    const binding = typeof name === 'string' ? unit.params.get(name) : undefined;
    if (typeof name !== 'string' || !binding) {
      throw unknownName(CODES.unknownParam, 'param', toText(name), [...unit.params.keys()], r.where);
    }
    return { kind: 'param', param: name, binding, path: r.segs.slice(2), text: r.text, where: r.where, hasDefault: r.hasDefault, dflt: r.dflt };
  }

  dyn<T>(unit: Unit, raw: unknown, path: DataPath, parse: (raw: unknown, where: string) => T): Dyn<T> {
    const where = unit.src.where(path);
    if (typeof raw === 'string' && raw.includes('${')) return { value: this.value(unit, raw, path), where, parse };
    return { lit: parse(raw, where) };
  }

  register(node: StepNode, qname: string, where: string): void {
    const prev = this.names.get(qname);
    if (prev) {
      throw scenarioError(CODES.duplicateStep, `step name "${qname}" is used twice (first at ${prev.where})`, {
        where,
        hint: 'step names must be unique in a scenario; an include of the same scenario twice needs a name on each include step',
      });
    }
    node.qname = qname;
    this.names.set(qname, node);
  }

  steps(unit: Unit, raw: unknown, path: DataPath): StepNode[] {
    return (Array.isArray(raw) ? raw : []).map((s, i) => this.step(unit, obj(s) as RawStep, [...path, i]));
  }

  step(unit: Unit, s: RawStep, p: DataPath): StepNode {
    const where = unit.src.where(p);
    const order = this.order++;
    const base = {
      where,
      order,
      ...(s['after'] !== undefined ? { after: this.dyn(unit, s['after'], [...p, 'after'], parseDuration) } : {}),
      ...(s['optional'] !== undefined ? { optional: this.dyn(unit, s['optional'], [...p, 'optional'], parseProbability) } : {}),
    };
    const name = typeof s['name'] === 'string' ? s['name'] : undefined;
    const named = <N extends StepNode>(node: N): N => {
      if (name !== undefined && !node.qname) this.register(node, join(unit.prefix, name), unit.src.where([...p, 'name']));
      return node;
    };

    if (typeof s['event'] === 'string') {
      const event = s['event'];
      const entry = findEvent(this.provider, event);
      if (!entry) {
        throw unknownName(CODES.unknownEvent, `${this.provider} event type`, event, eventNames(this.provider), unit.src.where([...p, 'event']));
      }
      const set: SetOp[] = Object.entries(obj(s['set'])).map(([key, v]) => ({
        path: key,
        segs: parsePath(key, unit.src.where([...p, 'set', key], { key: true })),
        value: this.value(unit, v, [...p, 'set', key]),
        where: unit.src.where([...p, 'set', key], { key: true }),
      }));
      const node: EventNode = {
        kind: 'event',
        ...base,
        qname: '',
        event,
        entry,
        set,
        context: this.contextValues(unit, s['context'], [...p, 'context']),
        unset: (Array.isArray(s['unset']) ? s['unset'].map(String) : []).map((k, i) => {
          this.contextKey(k, 'context key in unset', unit.src.where([...p, 'unset', i]));
          return k;
        }),
      };
      this.register(node, join(unit.prefix, name ?? event), unit.src.where([...p, 'name']));
      return node;
    }
    if (s['repeat'] !== undefined) {
      const node = named<RepeatNode>({ kind: 'repeat', ...base, count: this.dyn<IntRange>(unit, s['repeat'], [...p, 'repeat'], (r, w) => parseCount(r, w)), steps: [] });
      node.steps = this.steps(unit, s['steps'], [...p, 'steps']);
      return node;
    }
    if (Array.isArray(s['oneOf'])) {
      const node = named<OneOfNode>({ kind: 'oneOf', ...base, branches: [] });
      node.branches = this.branches(unit, s['oneOf'], [...p, 'oneOf'], (br, bp) => ({
        weight: br['weight'] === undefined ? { lit: 1 } : this.dyn(unit, br['weight'], [...bp, 'weight'], parseWeight),
      }));
      return node;
    }
    if (Array.isArray(s['parallel'])) {
      const node = named<ParallelNode>({ kind: 'parallel', ...base, branches: [] });
      this.inParallel++;
      node.branches = this.branches(unit, s['parallel'], [...p, 'parallel'], (br, bp) =>
        br['after'] !== undefined ? { after: this.dyn<DurationSpec>(unit, br['after'], [...bp, 'after'], parseDuration) } : {},
      );
      this.inParallel--;
      return node;
    }
    if (s['include'] !== undefined) return this.include(unit, s, p, base, name);
    if (s['wait'] !== undefined) return named(this.wait(unit, s, p, base));
    const node = named<GroupNode>({ kind: 'steps', ...base, steps: [] });
    node.steps = this.steps(unit, s['steps'], [...p, 'steps']);
    return node;
  }

  /**
   * The branches of a oneOf / parallel step: each its own fields (`own`: weight or after), an
   * optional label, and its steps. A node is registered before its children, so names keep
   * document order.
   */
  branches<B>(unit: Unit, raw: unknown[], path: DataPath, own: (br: Record<string, unknown>, bp: DataPath) => B): (B & { label?: string; steps: StepNode[] })[] {
    return raw.map((b, i) => {
      const br = obj(b);
      const bp = [...path, i];
      return {
        ...own(br, bp),
        ...(typeof br['label'] === 'string' ? { label: br['label'] } : {}),
        steps: this.steps(unit, br['steps'], [...bp, 'steps']),
      };
    });
  }

  /** `wait:` with its outcomes (then, abandoned, overflow, closed). */
  wait(unit: Unit, s: RawStep, p: DataPath, base: { where: string; order: number }): WaitNode {
    if (this.inParallel > 0) {
      throw scenarioError(CODES.badValue, 'a wait cannot be inside a parallel branch', {
        where: unit.src.where([...p, 'wait'], { key: true }),
        hint: "parallel branches are timed before the run; wait before or after the parallel step, or make the branch a part (parts:) of its own",
      });
    }
    const w = obj(s['wait']);
    const wp = [...p, 'wait'];
    if (w['overflowAfter'] !== undefined && s['overflow'] === undefined) {
      throw scenarioError(CODES.badValue, 'overflowAfter needs overflow: steps (what happens when the queue overflows)', {
        where: unit.src.where([...wp, 'overflowAfter'], { key: true }),
        hint: 'add overflow: [ … ] beside then:, or remove overflowAfter',
      });
    }
    const forOpen = w['for'] === 'open';
    if (forOpen && s['closed'] === undefined) {
      throw scenarioError(CODES.badValue, 'wait: { for: open } needs closed: steps (what happens when the queue is closed)', {
        where: unit.src.where([...wp, 'for']),
        hint: 'add closed: [ … ] beside the wait; then: (or the steps after the wait) happen when the queue is open',
      });
    }
    const node: WaitNode = {
      kind: 'wait',
      ...base,
      another: w['another'] === true,
      forOpen,
      ...(w['agent'] !== undefined ? { agent: this.value(unit, w['agent'], [...wp, 'agent']) } : {}),
      ...(w['queue'] !== undefined ? { queue: this.value(unit, w['queue'], [...wp, 'queue']) } : {}),
      ...(w['patience'] !== undefined ? { patience: this.dyn(unit, w['patience'], [...wp, 'patience'], parseDuration) } : {}),
      ...(w['overflowAfter'] !== undefined ? { overflowAfter: this.dyn(unit, w['overflowAfter'], [...wp, 'overflowAfter'], parseDuration) } : {}),
      then: [],
    };
    node.then = this.steps(unit, s['then'], [...p, 'then']);
    for (const k of ['abandoned', 'overflow', 'closed'] as const) if (s[k] !== undefined) node[k] = this.steps(unit, s[k], [...p, k]);
    return node;
  }

  contextValues(unit: Unit, raw: unknown, path: DataPath): [string, Value, string][] {
    return Object.entries(obj(raw)).map(([k, v]) => {
      const where = unit.src.where([...path, k], { key: true });
      this.contextKey(k, 'context key', where);
      return [k, this.value(unit, v, [...path, k]), where];
    });
  }

  /** A context key must be one the generators read (generators/context-keys.ts): a typo would otherwise change nothing, silently. */
  contextKey(key: string, kind: string, where: string): void {
    const valid = contextKeys(this.provider);
    if (!valid.includes(key)) throw unknownName(CODES.unknownContextKey, `${this.provider} ${kind}`, key, valid, where);
  }

  include(unit: Unit, s: RawStep, p: DataPath, base: { where: string; order: number }, name: string | undefined): IncludeNode {
    const inc = obj(s['include']);
    const ref = String(inc['scenario']);
    const where = unit.src.where([...p, 'include', 'scenario']);
    const loaded = this.opts.load(ref, unit.src.file, where);
    if (unit.stack.includes(loaded.file)) {
      throw scenarioError(CODES.circularInclude, `circular include: ${[...unit.stack, loaded.file].join(' → ')}`, {
        where,
        hint: 'a scenario cannot include itself, directly or through other scenarios',
      });
    }
    checkSchema(loaded);
    const data = obj(loaded.data);
    const incName = String(data['name']);
    if (data['provider'] !== this.provider) {
      throw scenarioError(CODES.providerMismatch, `cannot include the ${toText(data['provider'])} scenario "${incName}" in this ${this.provider} scenario`, {
        where,
        hint: 'one scenario plays one provider; run both scenarios side by side instead (provider-mock plan a.yaml b.yaml)',
      });
    }
    if (!this.files.includes(loaded.file)) this.files.push(loaded.file);
    // Params: the includer's `with` values (in the includer's scope), else the declared defaults.
    const declared = obj(data['params']);
    const withValues = obj(inc['with']);
    for (const key of Object.keys(withValues)) {
      if (!(key in declared)) {
        throw unknownName(CODES.unknownParam, `param of "${incName}"`, key, Object.keys(declared), unit.src.where([...p, 'include', 'with', key], { key: true }));
      }
    }
    const defaultsUnit: Unit = { src: loaded, prefix: '', params: new Map(), stack: [] };
    const params = new Map<string, Value>();
    for (const [key, dflt] of Object.entries(declared)) {
      params.set(key, key in withValues ? this.value(unit, withValues[key], [...p, 'include', 'with', key]) : this.value(defaultsUnit, dflt, ['params', key]));
    }
    const prefix = join(unit.prefix, name ?? incName);
    const inner: Unit = { src: loaded, prefix, params, stack: [...unit.stack, loaded.file] };
    const node: IncludeNode = { kind: 'include', ...base, scenario: incName, file: loaded.file, context: [], steps: [] };
    this.register(node, prefix, unit.src.where([...p, name !== undefined ? 'name' : 'include']));
    node.context = this.contextValues(inner, data['context'], ['context']);
    node.steps = this.steps(inner, data['steps'], ['steps']);
    return node;
  }

  // ---- the command line: --set step.path=value, --skip step ----

  applySets(sets: readonly string[], lenient: boolean): string[] {
    const unknown: string[] = [];
    for (const arg of sets) {
      const flag = `--set ${arg}`;
      const eq = arg.indexOf('=');
      if (eq <= 0) throw scenarioError(CODES.badSet, 'expected step.path=value', { where: flag, hint: 'e.g. --set joined.data.userId=42' });
      const target = arg.slice(0, eq).trim();
      const text = arg.slice(eq + 1);
      const segs = parsePath(target, flag);
      let node: EventNode | undefined;
      let k = 0;
      for (let n = segs.length - 1; n >= 1; n--) {
        const head = segs.slice(0, n);
        if (!head.every((x): x is string => typeof x === 'string')) continue;
        const hit = this.names.get(head.join('.'));
        if (hit?.kind === 'event') {
          node = hit;
          k = n;
          break;
        }
      }
      if (!node) {
        if (lenient) {
          unknown.push(arg);
          continue;
        }
        throw unknownName(CODES.unknownStep, 'step in --set', toText(segs[0]), this.eventStepNames(), flag);
      }
      const path = segs.slice(k);
      const pathText = path.map((x, i) => (typeof x === 'number' ? `[${x}]` : typeof x !== 'string' ? `[${x.mod}]` : i === 0 ? x : `.${x}`)).join('');
      let raw: unknown;
      try {
        raw = parseYamlScalar(text) as unknown;
      } catch {
        raw = text;
      }
      const value = mapRefs(parseValue(raw, () => flag), (r) => (r.kind === 'raw' ? { ...r, prefix: node.qname.includes('.') ? node.qname.slice(0, node.qname.lastIndexOf('.')) : '' } : r));
      const op: SetOp = { path: pathText, segs: path, value, where: flag };
      const i = node.set.findIndex((x) => x.path === pathText);
      if (i >= 0) node.set[i] = op;
      else node.set.push(op);
    }
    return unknown;
  }

  applySkips(skips: readonly string[], lenient: boolean): string[] {
    const unknown: string[] = [];
    for (const name of skips) {
      const node = this.names.get(name);
      if (!node) {
        if (lenient) {
          unknown.push(name);
          continue;
        }
        throw unknownName(CODES.unknownStep, 'step in --skip', name, [...this.names.keys()], `--skip ${name}`);
      }
      node.skipped = true;
    }
    return unknown;
  }

  eventStepNames(): string[] {
    return [...this.names.values()].filter((n) => n.kind === 'event').map((n) => n.qname ?? '');
  }

  // ---- pass B: bind references to what they read, in document order ----

  check(nodes: StepNode[], visible: Set<string>): void {
    for (const n of nodes) {
      this.checkDyn(n.after);
      this.checkDyn(n.optional);
      switch (n.kind) {
        case 'event':
          for (const op of n.set) op.value = this.bindValue(op.value, visible, n);
          n.context = n.context.map(([k, v, w]) => [k, this.bindValue(v, visible, n), w]);
          break;
        case 'steps':
          this.check(n.steps, visible);
          break;
        case 'repeat':
          this.checkDyn(n.count);
          this.check(n.steps, visible);
          break;
        case 'include':
          n.context = n.context.map(([k, v, w]) => [k, this.bindValue(v, visible, n), w]);
          this.check(n.steps, visible);
          break;
        case 'wait': {
          if (n.agent) n.agent = this.bindValue(n.agent, visible, n);
          if (n.queue) n.queue = this.bindValue(n.queue, visible, n);
          this.checkDyn(n.patience);
          this.checkDyn(n.overflowAfter);
          const seen: Set<string>[] = [];
          for (const list of [n.then, n.abandoned, n.overflow, n.closed]) {
            if (!list) continue;
            const v = new Set(visible);
            this.check(list, v);
            seen.push(v);
          }
          for (const v of seen) for (const name of v) visible.add(name);
          break;
        }
        case 'oneOf':
        case 'parallel': {
          const seen: Set<string>[] = [];
          for (const b of n.branches) {
            if ('weight' in b) this.checkDyn(b.weight);
            if ('after' in b) this.checkDyn(b.after);
            const v = new Set(visible);
            this.check(b.steps, v);
            seen.push(v);
          }
          for (const v of seen) for (const name of v) visible.add(name);
          break;
        }
      }
      if (n.qname) visible.add(n.qname);
    }
  }

  checkDyn(d: Dyn<unknown> | undefined): void {
    if (d && 'value' in d) d.value = this.bindValue(d.value, new Set(), undefined);
  }

  bindValue(v: Value, visible: Set<string>, at: StepNode | undefined): Value {
    const bind = (r: Ref): Ref => {
      if (r.kind === 'param') return { ...r, binding: mapRefs(r.binding, bind) };
      if (r.kind !== 'raw') return r;
      return this.bindRef(r, visible, at);
    };
    return mapRefs(v, bind);
  }

  bindRef(r: RawRef, visible: Set<string>, at: StepNode | undefined): Ref {
    const [head, ...rest] = r.segs;
    const common = { text: r.text, where: r.where, hasDefault: r.hasDefault, dflt: r.dflt };
    if (head === 'world') return { kind: 'world', path: rest, ...common };
    if (head === 'instance' || head === 'iteration') {
      if (rest.length) throw scenarioError(CODES.badRef, `${r.text}: ${head} is a number and has no properties`, { where: r.where });
      return { kind: head, ...common };
    }
    if (head === 'params') throw unknownName(CODES.unknownParam, 'param', toText(rest[0]), [], r.where);
    if (!at) {
      throw scenarioError(CODES.badRef, `${r.text}: timing, counts, probabilities and weights are decided before any event exists`, {
        where: r.where,
        hint: 'use ${params.…}, ${world.…} or ${instance} here',
      });
    }
    if (head === 'context') {
      this.contextKey(toText(rest[0]), 'context key', r.where);
      return { kind: 'context', path: rest, ...common };
    }
    // The longest dotted prefix that names a step (include prefixes contain dots).
    for (let k = r.segs.length; k >= 1; k--) {
      const parts = r.segs.slice(0, k);
      if (!parts.every((x) => typeof x === 'string')) continue;
      const qname = join(r.prefix, parts.join('.'));
      const target = this.names.get(qname);
      if (!target) continue;
      if (target.kind !== 'event') {
        throw scenarioError(CODES.badRef, `${r.text}: "${parts.join('.')}" is a ${target.kind} step, not an event`, {
          where: r.where,
          hint: 'refer to an event step inside it, e.g. ${name.step.path}',
        });
      }
      if (!visible.has(qname)) {
        const why =
          target === at
            ? 'refers to its own step'
            : target.order > at.order
              ? `refers to step "${parts.join('.')}", which comes later (${target.where})`
              : `refers to step "${parts.join('.')}" in another parallel or oneOf branch (${target.where})`;
        throw scenarioError(CODES.forwardRef, `${r.text} ${why}`, {
          where: r.where,
          hint: 'a step can use values of the steps before it only; move the step, or use ${name.path:-default}',
        });
      }
      const path = r.segs.slice(k);
      const miss = missingField(target.entry, path);
      if (miss) {
        const bad = path[miss.index];
        const at = path.slice(0, miss.index).map((x, i) => (typeof x === 'number' ? `[${x}]` : typeof x === 'object' ? `[${x.mod}]` : i === 0 ? x : `.${x}`)).join('');
        const what = typeof bad === 'string' ? `no field "${bad}"` : 'no array items';
        throw scenarioError(CODES.badRef, `${r.text}: ${target.event} (step "${parts.join('.')}") has ${what}${at ? ` in ${at}` : ' at the top'}${typeof bad === 'string' ? suggestion(bad, miss.keys) : ''}`, {
          where: r.where,
          hint: `a reference reads the payload as sent (see ${target.entry.schemaFile})`,
          validValues: miss.keys,
        });
      }
      this.referenced.add(qname);
      return { kind: 'step', name: qname, path, ...common };
    }
    const local = [...visible].filter((n) => (r.prefix ? n.startsWith(`${r.prefix}.`) : true)).map((n) => (r.prefix ? n.slice(r.prefix.length + 1) : n));
    const candidates = local.filter((n) => this.names.get(join(r.prefix, n))?.kind === 'event');
    if (candidates.length === 0) {
      throw scenarioError(CODES.unknownStep, `unknown step "${toText(head)}" in ${r.text}`, {
        where: r.where,
        hint: 'no step comes before this one; references read earlier steps, ${world…}, ${params…} or ${context…}',
      });
    }
    throw unknownName(CODES.unknownStep, 'step', toText(head), candidates, r.where);
  }
}

/** `arrivals:` of a scenario or a part (default every: 1s). */
function arrivalsOf(r: Resolver, unit: Unit, raw: unknown, path: DataPath): Arrivals {
  const arr = obj(raw);
  if (arr['rate'] !== undefined) return { kind: 'rate', meanGapMs: parseRate(arr['rate'], unit.src.where([...path, 'rate'])) };
  return { kind: 'every', spec: arr['every'] !== undefined ? r.dyn(unit, arr['every'], [...path, 'every'], parseDuration) : { lit: { kind: 'fixed', ms: 1000 } } };
}

/** Resolves one loaded scenario (and its includes). Throws the first problem found, located. */
export function resolveScenario(src: LoadedSource, opts: ResolveOptions): Scenario & { unknownCliNames: string[] } {
  checkSchema(src);
  const data = obj(src.data);
  const provider = data['provider'] as Provider;
  const r = new Resolver(provider, opts);
  r.files.push(src.file);
  const rootDefaults: Unit = { src, prefix: '', params: new Map(), stack: [] };
  const params = new Map<string, Value>();
  for (const [key, dflt] of Object.entries(obj(data['params']))) params.set(key, r.value(rootDefaults, dflt, ['params', key]));
  const unit: Unit = { src, prefix: '', params, stack: [src.file] };

  const context = r.contextValues(unit, data['context'], ['context']);
  const name = String(data['name']);
  // A scenario of parts: each part resolved like a scenario whose step names start with the part's name.
  const rawParts = Array.isArray(data['parts']) ? data['parts'].map(obj) : undefined;
  const pieces = (rawParts ?? [data]).map((raw, i) => {
    const path: DataPath = rawParts ? ['parts', i] : [];
    const partUnit: Unit = rawParts ? { ...unit, prefix: String(raw['name']) } : unit;
    return {
      raw,
      path,
      steps: r.steps(partUnit, raw['steps'], [...path, 'steps']),
      context: rawParts ? r.contextValues(unit, raw['context'], [...path, 'context']) : [],
      sessions: raw['sessions'] === undefined ? ({ lit: 1 }) : r.dyn(unit, raw['sessions'], [...path, 'sessions'], parseSessions),
      arrivals: arrivalsOf(r, unit, raw['arrivals'], [...path, 'arrivals']),
    };
  });

  const lenient = opts.lenientCliNames ?? false;
  const unknownCliNames = [...r.applySets(opts.sets ?? [], lenient), ...r.applySkips(opts.skips ?? [], lenient)];

  const rootNode = { kind: 'steps', where: src.where([]), order: -1, steps: [] } as unknown as StepNode;
  const bindContext = (list: [string, Value, string][]): [string, Value, string][] => list.map(([k, v, w]): [string, Value, string] => [k, r.bindValue(v, new Set(), rootNode), w]);
  const ctxChecked = bindContext(context);
  for (const piece of pieces) {
    r.checkDyn(piece.sessions);
    if (piece.arrivals.kind === 'every') r.checkDyn(piece.arrivals.spec);
    piece.context = bindContext(piece.context);
    r.check(piece.steps, new Set());
  }

  const world = obj(data['world']);
  const base = {
    provider,
    description: String(data['description']),
    file: src.file,
    world: {
      ...(world['seed'] !== undefined ? { seed: world['seed'] as number | string } : {}),
      ...(world['sizes'] !== undefined ? { sizes: world['sizes'] as Record<string, number> } : {}),
      ...(world['agents'] !== undefined ? { agents: world['agents'] as 'available' | 'offWork' } : {}),
    },
    worldWhere: src.where(['world', 'sizes']),
    names: r.names,
    files: r.files,
    referenced: r.referenced,
  };
  const single = (piece: (typeof pieces)[number], partName: string): Scenario => ({
    ...base,
    name: partName,
    sessions: piece.sessions,
    arrivals: piece.arrivals,
    // A part's own context goes over the scenario's.
    context: [...ctxChecked.filter(([k]) => !piece.context.some(([pk]) => pk === k)), ...piece.context],
    steps: piece.steps,
  });
  if (!rawParts) return { ...single(pieces[0] as (typeof pieces)[number], name), unknownCliNames };
  return {
    ...base,
    name,
    sessions: { lit: 1 },
    arrivals: { kind: 'every', spec: { lit: { kind: 'fixed', ms: 1000 } } },
    context: ctxChecked,
    steps: [],
    parts: pieces.map((piece) => single(piece, `${name}/${String(piece.raw['name'])}`)),
    unknownCliNames,
  };
}
