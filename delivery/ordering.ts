/**
 * Who may go next. Each task belongs to a lane (one target) with bounded concurrency, and
 * optionally to an order key (one entity at one target): a task with an order key starts only
 * after the previous task of that key has ended (delivered or dropped), while other keys
 * proceed (docs/providers.md M7: mluvii keeps order per session, e-mail thread and user).
 * Reading ahead is bounded twice: tasks ready to start (over all lanes) are kept to about one
 * round of the concurrency, so bodies die young and cost little to collect; tasks waiting behind
 * their key (an entity whose earlier event is still retrying) have a larger bound of their own,
 * so one slow entity does not stall the others, while memory stays bounded.
 */

export interface OrderedTask {
  /** Concurrency lane, e.g. the target. */
  lane: string;
  /** Tasks with the same key run one after the other, in submission order; undefined = unordered. */
  orderKey: string | undefined;
  /** Runs the task; must not reject (errors are the task's business). */
  run(): Promise<void>;
  /** Called instead of `run` when the task is dropped before it started. */
  drop(): void;
}

/** A FIFO without O(n) shift. */
class Queue<T> {
  #items: (T | undefined)[] = [];
  #head = 0;
  get size(): number {
    return this.#items.length - this.#head;
  }
  push(item: T): void {
    this.#items.push(item);
  }
  shift(): T | undefined {
    if (this.#head >= this.#items.length) return undefined;
    const item = this.#items[this.#head];
    this.#items[this.#head++] = undefined;
    if (this.#head > 1024 && this.#head * 2 > this.#items.length) {
      this.#items = this.#items.slice(this.#head);
      this.#head = 0;
    }
    return item;
  }
  drain(): T[] {
    const out = this.#items.slice(this.#head) as T[];
    this.#items = [];
    this.#head = 0;
    return out;
  }
}

interface Lane {
  active: number;
  ready: Queue<OrderedTask>;
}

export interface DispatcherOptions {
  /** Tasks running at once per lane. */
  concurrency: number;
  /** Tasks waiting behind their order key, over all keys, before `submit` waits. */
  maxQueued: number;
  /** Tasks ready to start, per lane in use, before `submit` waits (default: concurrency). */
  maxReadyPerLane?: number;
}

export class OrderedDispatcher {
  readonly #concurrency: number;
  readonly #maxQueued: number;
  readonly #lanes = new Map<string, Lane>();
  /** Order key → tasks waiting behind the one running (or ready). Present = key busy. */
  readonly #chains = new Map<string, Queue<OrderedTask>>();
  #queued = 0;
  /** Of #queued: in lanes' ready queues, and waiting in chains. */
  #readyCount = 0;
  #waitingCount = 0;
  readonly #maxReadyPerLane: number;
  #active = 0;
  #spaceWaiters: (() => void)[] = [];
  #space: Promise<void> | undefined;
  #idleWaiters: (() => void)[] = [];

  constructor(options: DispatcherOptions) {
    this.#concurrency = Math.max(1, options.concurrency);
    this.#maxQueued = Math.max(1, options.maxQueued);
    this.#maxReadyPerLane = Math.max(1, options.maxReadyPerLane ?? this.#concurrency);
  }

  #full(): boolean {
    return this.#waitingCount >= this.#maxQueued || this.#readyCount >= this.#maxReadyPerLane * Math.max(1, this.#lanes.size);
  }

  get queued(): number {
    return this.#queued;
  }
  get active(): number {
    return this.#active;
  }

  /**
   * Accepts a task. Returns undefined when it was accepted at once, or a promise while too many
   * are queued (resolving once accepted, or early if `signal` aborts: the task is then still
   * accepted, and its `run` sees the stop). No promise on the fast path keeps submission cheap.
   */
  submit(task: OrderedTask, signal?: AbortSignal): Promise<void> | undefined {
    if (!this.#full() || signal?.aborted) {
      this.#accept(task);
      return undefined;
    }
    return this.#submitLater(task, signal);
  }

  /**
   * Undefined when there is room for more tasks, else a promise that resolves when there is
   * (or at once after `dropQueued`). Lets a reader wait before it reads the next entry, so
   * `submit` itself stays synchronous.
   */
  space(): Promise<void> | undefined {
    if (!this.#full()) return undefined;
    this.#space ??= new Promise<void>((resolve) => this.#spaceWaiters.push(resolve));
    return this.#space;
  }

  async #submitLater(task: OrderedTask, signal?: AbortSignal): Promise<void> {
    // One shared promise per full period; `dropQueued` (the stop) wakes it, so no abort
    // listener is needed per wait.
    while (this.#full() && !signal?.aborted) {
      this.#space ??= new Promise<void>((resolve) => this.#spaceWaiters.push(resolve));
      await this.#space;
    }
    this.#accept(task);
  }

  /** Accepts a task now, whatever the bounds (for readers that waited on `space()`). */
  accept(task: OrderedTask): void {
    this.#accept(task);
  }

  #accept(task: OrderedTask): void {
    this.#queued++;
    if (task.orderKey !== undefined) {
      const chain = this.#chains.get(task.orderKey);
      if (chain) {
        chain.push(task);
        this.#waitingCount++;
        return;
      }
      this.#chains.set(task.orderKey, new Queue());
    }
    this.#ready(task);
  }

  /** Resolves when nothing is queued or running. */
  onIdle(): Promise<void> {
    if (this.#queued === 0 && this.#active === 0) return Promise.resolve();
    return new Promise((resolve) => this.#idleWaiters.push(resolve));
  }

  /** Drops every task not yet started (calling its `drop`); running tasks continue. */
  dropQueued(): number {
    const dropped: OrderedTask[] = [];
    for (const lane of this.#lanes.values()) dropped.push(...lane.ready.drain());
    this.#readyCount = 0;
    for (const [key, chain] of this.#chains) {
      dropped.push(...chain.drain());
      // Keys with a running head stay busy until it ends.
      if (!this.#isRunningKey(key)) this.#chains.delete(key);
    }
    this.#queued -= dropped.length;
    this.#waitingCount = 0;
    for (const t of dropped) t.drop();
    this.#wake();
    return dropped.length;
  }

  #runningKeys = new Map<string, number>();

  #isRunningKey(key: string): boolean {
    return (this.#runningKeys.get(key) ?? 0) > 0;
  }

  #lane(name: string): Lane {
    let lane = this.#lanes.get(name);
    if (!lane) {
      lane = { active: 0, ready: new Queue() };
      this.#lanes.set(name, lane);
    }
    return lane;
  }

  #ready(task: OrderedTask): void {
    const lane = this.#lane(task.lane);
    lane.ready.push(task);
    this.#readyCount++;
    this.#pump(lane);
  }

  #pump(lane: Lane): void {
    while (lane.active < this.#concurrency) {
      const task = lane.ready.shift();
      if (!task) return;
      lane.active++;
      this.#active++;
      this.#queued--;
      this.#readyCount--;
      if (task.orderKey !== undefined) this.#runningKeys.set(task.orderKey, (this.#runningKeys.get(task.orderKey) ?? 0) + 1);
      this.#wakeSpace();
      let running: Promise<void>;
      try {
        running = task.run();
      } catch {
        running = Promise.resolve();
      }
      // A task's own errors are its business; the dispatcher must keep going. (bind, not an
      // arrow: no closure to name per task.)
      const done = this.#finished.bind(this, task, lane);
      running.then(done, done);
    }
  }

  #finished(task: OrderedTask, lane: Lane): void {
    lane.active--;
    this.#active--;
    const key = task.orderKey;
    if (key !== undefined) {
      const n = (this.#runningKeys.get(key) ?? 1) - 1;
      if (n > 0) this.#runningKeys.set(key, n);
      else this.#runningKeys.delete(key);
      const chain = this.#chains.get(key);
      const next = chain?.shift();
      if (next) {
        this.#waitingCount--;
        this.#ready(next);
      } else this.#chains.delete(key);
    }
    this.#pump(lane);
    this.#wake();
  }

  #wakeSpace(): void {
    if (!this.#full() && this.#spaceWaiters.length > 0) {
      const waiters = this.#spaceWaiters;
      this.#spaceWaiters = [];
      this.#space = undefined;
      for (const w of waiters) w();
    }
  }

  #wake(): void {
    this.#wakeSpace();
    if (this.#queued === 0 && this.#active === 0 && this.#idleWaiters.length > 0) {
      const waiters = this.#idleWaiters;
      this.#idleWaiters = [];
      for (const w of waiters) w();
    }
  }
}
