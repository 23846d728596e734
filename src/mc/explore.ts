// Breadth-first exploration with safety checks. States are numbered in discovery order, so the
// queue is the range of numbers not yet expanded and the first violation found is at the least
// depth: its trace (through parent numbers) is a shortest one.
import type { Span } from '../diagnostics/index.js';
import type { CompiledMachine } from './compile-machine.js';
import type { CompiledProperty } from './compile-properties.js';
import { Engine } from './engine.js';
import { EvalError } from './errors.js';
import { FingerprintSet, fingerprint, fp } from './fingerprint.js';
import { StateStore } from './store.js';
import type { McCode } from '../diagnostics/codes/mc.js';
import type { Value } from './value.js';

export interface ExploreOptions {
  readonly maxStates?: number;
  readonly maxDepth?: number;
  readonly deadlock?: boolean;
  /** keep every edge with its action instance (needed for liveness) */
  readonly recordGraph?: boolean;
  readonly onProgress?: (p: Progress) => void;
}

export interface Progress {
  readonly generated: number;
  readonly distinct: number;
  readonly depth: number;
  readonly queued: number;
  readonly seconds: number;
}

export interface ActionInstance {
  readonly action: number;
  readonly params: readonly Value[];
}

/** Edges in compressed rows: state s's edges are [edgeStart[s], edgeStart[s + 1]). */
export interface StateGraph {
  readonly edgeStart: Int32Array;
  readonly targets: Int32Array;
  readonly labels: Int32Array;
  readonly instances: readonly ActionInstance[];
}

export type SafetyFailure =
  | { readonly kind: 'invariant' | 'initial'; readonly property: string; readonly state: number }
  /** `target` is -1 for the stuttering step */
  | { readonly kind: 'action'; readonly property: string; readonly state: number; readonly step: ActionInstance | undefined; readonly target: number }
  | { readonly kind: 'deadlock'; readonly state: number }
  | {
      readonly kind: 'error';
      readonly code: McCode;
      readonly message: string;
      readonly span: Span;
      readonly state: number;
      /** the step being evaluated, if the error happened in an action */
      readonly step: ActionInstance | undefined;
      readonly during: string;
    };

export interface Exploration {
  readonly generated: number;
  readonly distinct: number;
  readonly depth: number;
  readonly seconds: number;
  /** true when a bound stopped the search before every reachable state was expanded */
  readonly bounded: boolean;
  readonly failure?: SafetyFailure;
  readonly store: StateStore;
  readonly engine: Engine;
  readonly graph?: StateGraph;
  /** bytes held by the visited set, the state store and the graph */
  readonly bytes: number;
}

class GrowableInt32 {
  data = new Int32Array(1 << 12);
  length = 0;
  push(x: number): void {
    if (this.length === this.data.length) {
      const next = new Int32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = x;
  }
  view(): Int32Array {
    return this.data.subarray(0, this.length);
  }
}

export function explore(cm: CompiledMachine, properties: readonly CompiledProperty[], options: ExploreOptions = {}): Exploration {
  const started = performance.now();
  const engine = new Engine(cm);
  const n = engine.n;
  const env = engine.env;
  const checkEnv = cm.compiler.newEnv();
  const store = new StateStore();
  const seen = new FingerprintSet();
  const invariants = properties.filter((p) => p.kind === 'invariant');
  const initials = properties.filter((p) => p.kind === 'initial');
  const actionProps = properties.filter((p) => p.kind === 'action');
  const maxStates = options.maxStates ?? Infinity;
  const maxDepth = options.maxDepth ?? Infinity;
  const record = options.recordGraph === true;
  const edgeStart = new GrowableInt32();
  const targets = new GrowableInt32();
  const labels = new GrowableInt32();
  const instances: ActionInstance[] = [];

  let generated = 0;
  let depth = 0;
  /** the BFS level (1 for initial states) of the state being expanded */
  let level = 1;
  let bounded = false;
  let failure: SafetyFailure | undefined;
  let current = -1;
  let currentAction = -1;
  let during = '';

  // Action instances are interned through one map level per parameter, keyed by the value itself
  // when it is primitive (canonical, so equal values are equal keys), so an edge allocates nothing.
  type Trie = Map<unknown, unknown>;
  const roots: Trie[] = cm.actions.map(() => new Map());
  const label = (a: number): number => {
    const params = cm.actions[a]!.params;
    let node: Trie = roots[a]!;
    for (let k = 0; k < params.length; k++) {
      const v = env[params[k]!.slot]!;
      const key = typeof v === 'object' && v !== null ? valueKey(v) : v;
      let child = node.get(key) as Trie | undefined;
      if (!child) {
        child = new Map();
        node.set(key, child);
      }
      node = child;
    }
    let id = node.get(LEAF) as number | undefined;
    if (id === undefined) {
      id = instances.length;
      instances.push({ action: a, params: engine.params(a) });
      node.set(LEAF, id);
    }
    return id;
  };

  /** Adds the state in engine.out if new; checks invariants on `values` (the new state's variables). */
  const discover = (values: readonly Value[], offset: number, parent: number): number => {
    generated++;
    const w = engine.out;
    fingerprint(w.buf, 0, w.pos);
    const known = seen.findOrAdd(fp[0]!, fp[1]!, store.size);
    if (known >= 0) return known;
    const id = store.add(w.buf, 0, w.pos, parent);
    const at = parent < 0 ? 1 : level + 1;
    if (at > depth) depth = at;
    for (let i = 0; i < n; i++) checkEnv[i] = values[offset + i]!;
    current = id;
    for (const inv of invariants) {
      during = `invariant ${inv.name}`;
      if (!inv.pred(checkEnv)) {
        failure = { kind: 'invariant', property: inv.name, state: id };
        break;
      }
    }
    return id;
  };

  const fail = (err: unknown): boolean => {
    if (err instanceof EvalError) {
      const step = currentAction >= 0 ? { action: currentAction, params: engine.params(currentAction) } : undefined;
      failure = { kind: 'error', code: err.code, message: err.message, span: err.span, state: current, step, during };
      return true;
    }
    if (err instanceof RangeError) {
      failure = { kind: 'error', code: 'KSP209', message: err.message, span: cm.machine.span, state: current, step: undefined, during };
      return true;
    }
    return false;
  };

  // Initial states.
  try {
    cm.forEachInit(env, () => {
      if (failure) return;
      engine.out.pos = 0;
      engine.encodeValues(env, engine.out);
      const id = discover(env, 0, -1);
      if (failure || id !== store.size - 1) return;
      for (const p of initials) {
        during = `property ${p.name}`;
        if (!p.pred(checkEnv)) {
          failure = { kind: 'initial', property: p.name, state: id };
          return;
        }
      }
    });
  } catch (err) {
    if (!fail(err)) throw err;
  }

  let levelEnd = store.size;
  let lastReport = performance.now();
  let next = 0;
  const onSuccessor = (a: number): void => {
    currentAction = -1;
    const parent = current;
    const target = discover(env, n, parent);
    current = parent;
    currentAction = a;
    if (record) {
      targets.push(target);
      labels.push(label(a));
    }
    if (failure) return;
    for (const p of actionProps) {
      during = `property ${p.name}`;
      if (!p.pred(env)) {
        failure = { kind: 'action', property: p.name, state: parent, step: { action: a, params: engine.params(a) }, target };
        return;
      }
    }
  };

  while (!failure && next < store.size) {
    if (next === levelEnd) {
      level++;
      levelEnd = store.size;
    }
    if (level >= maxDepth || store.size >= maxStates) {
      bounded = true;
      break;
    }
    const id = next++;
    current = id;
    if (record) edgeStart.push(targets.length);
    const before = generated;
    try {
      engine.load(store, id);
      for (let a = 0; a < cm.actions.length && !failure; a++) {
        currentAction = a;
        during = `action ${cm.actions[a]!.name}`;
        engine.expandAction(a, onSuccessor);
      }
      currentAction = -1;
      if (!failure && actionProps.length > 0) {
        for (let i = 0; i < n; i++) env[n + i] = env[i]!;
        for (const p of actionProps) {
          during = `property ${p.name}`;
          if (!p.pred(env)) {
            failure = { kind: 'action', property: p.name, state: id, step: undefined, target: -1 };
            break;
          }
        }
      }
    } catch (err) {
      if (!fail(err)) throw err;
    }
    if (failure) break;
    if (options.deadlock && generated === before) failure = { kind: 'deadlock', state: id };
    if ((id & 1023) === 0 && options.onProgress) {
      const now = performance.now();
      if (now - lastReport > 250) {
        lastReport = now;
        options.onProgress({ generated, distinct: store.size, depth, queued: store.size - next, seconds: (now - started) / 1000 });
      }
    }
  }
  let graph: StateGraph | undefined;
  if (record) {
    // States never expanded (bounds, or a stop at a violation) keep no edges.
    while (edgeStart.length < store.size) edgeStart.push(targets.length);
    edgeStart.push(targets.length);
    graph = { edgeStart: edgeStart.view(), targets: targets.view(), labels: labels.view(), instances };
  }
  const bytes = seen.bytes + store.bytes + (record ? edgeStart.data.byteLength + targets.data.byteLength + labels.data.byteLength : 0);
  const result: Exploration = {
    generated,
    distinct: store.size,
    depth,
    seconds: (performance.now() - started) / 1000,
    bounded,
    store,
    engine,
    bytes,
    ...(failure ? { failure } : {}),
    ...(graph ? { graph } : {}),
  };
  return result;
}

const LEAF = Symbol('instance');

/** A string that identifies a canonical value (used to intern action instances). */
export function valueKey(v: Value): string {
  if (v === null) return 'N';
  switch (typeof v) {
    case 'boolean':
      return v ? 'T' : 'F';
    case 'number':
    case 'bigint':
      return `i${v}`;
    case 'string':
      return JSON.stringify(v);
    default:
      if (Array.isArray(v)) return `[${(v as readonly Value[]).map(valueKey).join(',')}]`;
      {
        const m = v as { keys: readonly Value[]; vals: readonly Value[] };
        return `{${m.keys.map((k, i) => `${valueKey(k)}:${valueKey(m.vals[i]!)}`).join(',')}}`;
      }
  }
}
