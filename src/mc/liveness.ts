// Liveness under fairness on the explored state graph. A property is violated when some fair
// behaviour satisfies its negation; every supported negation has the form
//   seed state ─(path states)→ entry of a cycle of `cycle` states that visits a `visit` state,
// and the cycle must be fair: every weakly fair action group continuously enabled on it is taken
// on it, every strongly fair group enabled somewhere on it is taken on it. Stuttering is a cycle
// of one state with no step, fair exactly when no fair group is enabled there.
// Fair cycles are found per strongly connected component with the standard refinement for strong
// fairness (drop the states where an untaken strongly fair group is enabled, split again).
import type { CompiledFairness } from './compile-machine.js';
import type { Fn } from './compile-expr.js';
import type { LivenessProperty } from './compile-properties.js';
import type { Exploration, StateGraph } from './explore.js';
import { SccSearch } from './scc.js';
import { valuesEqual } from './value.js';
import { EvalError } from './errors.js';

export interface Step {
  readonly state: number;
  /** the action instance (an index into graph.instances) that led here; -1 for the first state */
  readonly label: number;
}

export interface Lasso {
  /** from an initial state to the cycle's entry (inclusive) */
  readonly prefix: readonly Step[];
  /** steps from the entry back to the entry; empty when the behaviour stutters at the entry forever */
  readonly cycle: readonly Step[];
}

interface FairGroup {
  readonly strong: boolean;
  readonly text: string;
}

/** Groups of action instances that each fairness declaration constrains. */
export class Fairness {
  readonly groups: FairGroup[] = [];
  /** per instance id: the groups it belongs to */
  readonly ofInstance: number[][];

  constructor(declared: readonly CompiledFairness[], graph: StateGraph) {
    const keyed = new Map<string, number>();
    this.ofInstance = graph.instances.map((inst, id) => {
      const out: number[] = [];
      declared.forEach((f, d) => {
        if (f.action !== inst.action) return;
        if (!f.args.every((a, i) => a === undefined || valuesEqual(a, inst.params[i]!))) return;
        const key = f.perInstance ? `${d}|${id}` : `${d}`;
        let g = keyed.get(key);
        if (g === undefined) {
          g = this.groups.length;
          keyed.set(key, g);
          this.groups.push({ strong: f.strength === 'strong', text: f.text });
        }
        out.push(g);
      });
      return out;
    });
  }

  enabledAt(graph: StateGraph, s: number, out: Set<number>): void {
    for (let e = graph.edgeStart[s]!; e < graph.edgeStart[s + 1]!; e++) for (const g of this.ofInstance[graph.labels[e]!]!) out.add(g);
  }
}

/** An evaluation error while computing a property's predicates, with the state it happened in. */
export class StateEvalError extends Error {
  constructor(
    readonly error: EvalError,
    readonly state: number,
  ) {
    super(error.message);
  }
}

/** Each predicate's truth in every explored state (each state decoded once); undefined stays undefined. */
export function evaluateOnStates(x: Exploration, preds: readonly (Fn | undefined)[]): (Uint8Array | undefined)[] {
  const out = preds.map((p) => (p ? new Uint8Array(x.distinct) : undefined));
  if (preds.every((p) => !p)) return out;
  const engine = x.engine;
  for (let s = 0; s < x.distinct; s++) {
    engine.load(x.store, s);
    try {
      for (let i = 0; i < preds.length; i++) if (preds[i]) out[i]![s] = preds[i]!(engine.env) ? 1 : 0;
    } catch (err) {
      if (err instanceof EvalError) throw new StateEvalError(err, s);
      throw err;
    }
  }
  return out;
}

/** For `[](P ==> []Q)`: a shortest path to a `to` state from a reachable `from` state. */
export function findReach(x: Exploration, from: Fn, to: Fn): Step[] | undefined {
  const graph = x.graph!;
  const [isFrom, isTo] = evaluateOnStates(x, [from, to]) as [Uint8Array, Uint8Array];
  const via = new Int32Array(x.distinct).fill(-2);
  const viaLabel = new Int32Array(x.distinct).fill(-1);
  const queue: number[] = [];
  for (let s = 0; s < x.distinct; s++) if (isFrom[s] === 1) {
    via[s] = -1;
    queue.push(s);
  }
  for (let qi = 0; qi < queue.length; qi++) {
    const s = queue[qi]!;
    if (isTo[s] === 1) {
      const tail: Step[] = [];
      let c = s;
      for (; via[c]! >= 0; c = via[c]!) tail.push({ state: c, label: viaLabel[c]! });
      const head: number[] = [];
      for (let p = c; p >= 0; p = x.store.parent(p)) head.push(p);
      head.reverse();
      const steps = head.map((st, i) => ({ state: st, label: i === 0 ? -1 : edgeLabel(graph, head[i - 1]!, st) }));
      return [...steps, ...tail.reverse()];
    }
    for (let e = graph.edgeStart[s]!; e < graph.edgeStart[s + 1]!; e++) {
      const t = graph.targets[e]!;
      if (via[t] !== -2) continue;
      via[t] = s;
      viaLabel[t] = graph.labels[e]!;
      queue.push(t);
    }
  }
  return undefined;
}

/** The explored graph as the liveness search sees it: edges, and each state's BFS parent (-1: initial). */
export interface LivenessGraph {
  readonly graph: StateGraph;
  readonly states: number;
  readonly parent: (s: number) => number;
}

/** Per-state truth of the property's predicates (absent: no constraint). */
export interface LivenessFlags {
  readonly seedInitOnly: boolean;
  readonly seed?: Uint8Array;
  readonly path?: Uint8Array;
  readonly cycle?: Uint8Array;
  readonly visit?: Uint8Array;
}

export function livenessFlags(x: Exploration, prop: LivenessProperty): LivenessFlags {
  const [seed, path, cycle, visit] = evaluateOnStates(x, [prop.seedPred, prop.path, prop.cycle, prop.visit]);
  return { seedInitOnly: prop.seedInitOnly, ...(seed ? { seed } : {}), ...(path ? { path } : {}), ...(cycle ? { cycle } : {}), ...(visit ? { visit } : {}) };
}

export function findFairViolation(g: LivenessGraph, flags: LivenessFlags, fairness: Fairness): Lasso | undefined {
  const graph = g.graph;
  const N = g.states;
  const seedOk = flags.seed;
  const pathOk = flags.path;
  const cycleOk = flags.cycle;
  const visitOk = flags.visit;
  const okPath = (s: number) => !pathOk || pathOk[s] === 1;

  // Seeds, then everything reachable from them through path states (BFS, keeping parents).
  const via = new Int32Array(N).fill(-2);
  const viaLabel = new Int32Array(N).fill(-1);
  const queue: number[] = [];
  for (let s = 0; s < N; s++) {
    const isSeed = flags.seedInitOnly ? g.parent(s) === -1 : !seedOk || seedOk[s] === 1;
    if (isSeed && okPath(s)) {
      via[s] = -1;
      queue.push(s);
    }
  }
  for (let qi = 0; qi < queue.length; qi++) {
    const s = queue[qi]!;
    for (let e = graph.edgeStart[s]!; e < graph.edgeStart[s + 1]!; e++) {
      const t = graph.targets[e]!;
      if (via[t] !== -2 || !okPath(t)) continue;
      via[t] = s;
      viaLabel[t] = graph.labels[e]!;
      queue.push(t);
    }
  }
  // member[s] holds the mark of the work item s belongs to (0: none), so items never disturb each other.
  const member = new Int32Array(N);
  const region = queue.filter((s) => !cycleOk || cycleOk[s] === 1).sort((p, q) => p - q);
  let lastMark = 1;
  for (const s of region) member[s] = lastMark;
  // A stack whose top is the shallowest component: lassos found first have short prefixes.
  const byDepth = (p: WorkItem, q: WorkItem) => q.first - p.first;
  const assign = (parts: number[][]): WorkItem[] =>
    parts
      .map((states) => {
        const mark = ++lastMark;
        for (const s of states) member[s] = mark;
        return { states, mark, first: states.reduce((m, v) => (v < m ? v : m), Infinity) };
      })
      .sort(byDepth);
  const scc = new SccSearch(graph);
  const work = assign(scc.components(region, member, lastMark));
  while (work.length > 0) {
    const item = work.pop()!;
    const verdict = judge(graph, fairness, item.states, member, item.mark, visitOk);
    if (verdict.kind === 'fair') return buildLasso(g, fairness, item.states, member, item.mark, visitOk, via, viaLabel);
    if (verdict.kind === 'unfair') {
      for (const s of item.states) member[s] = 0;
      continue;
    }
    const rest = item.states.filter((s) => !verdict.drop.has(s));
    for (const s of verdict.drop) member[s] = 0;
    const mark = ++lastMark;
    for (const s of rest) member[s] = mark;
    for (const part of assign(scc.components(rest, member, mark))) work.push(part);
  }
  return undefined;
}

interface WorkItem {
  readonly states: number[];
  readonly mark: number;
  readonly first: number;
}

type Verdict = { kind: 'fair' } | { kind: 'unfair' } | { kind: 'refine'; drop: Set<number> };

function judge(graph: StateGraph, fairness: Fairness, component: readonly number[], member: Int32Array, mark: number, visitOk: Uint8Array | undefined): Verdict {
  if (visitOk && !component.some((s) => visitOk[s] === 1)) return { kind: 'unfair' };
  const enabledCount = new Map<number, number>();
  const taken = new Set<number>();
  const enabled = new Set<number>();
  for (const s of component) {
    enabled.clear();
    fairness.enabledAt(graph, s, enabled);
    for (const g of enabled) enabledCount.set(g, (enabledCount.get(g) ?? 0) + 1);
    for (let e = graph.edgeStart[s]!; e < graph.edgeStart[s + 1]!; e++) {
      if (member[graph.targets[e]!] !== mark) continue;
      for (const g of fairness.ofInstance[graph.labels[e]!]!) taken.add(g);
    }
  }
  const dropGroups: number[] = [];
  for (const [g, count] of enabledCount) {
    if (taken.has(g)) continue;
    if (!fairness.groups[g]!.strong) {
      if (count === component.length) return { kind: 'unfair' };
    } else dropGroups.push(g);
  }
  if (dropGroups.length === 0) return { kind: 'fair' };
  const drop = new Set<number>();
  for (const s of component) {
    enabled.clear();
    fairness.enabledAt(graph, s, enabled);
    if (dropGroups.some((g) => enabled.has(g))) drop.add(s);
  }
  return { kind: 'refine', drop };
}

/** Shortest path inside the component from `from` to the nearest state satisfying `goal`. */
function pathInside(graph: StateGraph, member: Int32Array, mark: number, from: number, goal: (s: number) => boolean): Step[] | undefined {
  if (goal(from)) return [];
  const prev = new Map<number, { from: number; label: number }>([[from, { from: -1, label: -1 }]]);
  const queue = [from];
  for (let qi = 0; qi < queue.length; qi++) {
    const s = queue[qi]!;
    for (let e = graph.edgeStart[s]!; e < graph.edgeStart[s + 1]!; e++) {
      const t = graph.targets[e]!;
      if (member[t] !== mark || prev.has(t)) continue;
      prev.set(t, { from: s, label: graph.labels[e]! });
      if (goal(t)) {
        const steps: Step[] = [];
        for (let c = t; c !== from; c = prev.get(c)!.from) steps.push({ state: c, label: prev.get(c)!.label });
        return steps.reverse();
      }
      queue.push(t);
    }
  }
  return undefined;
}

function buildLasso(
  g: LivenessGraph,
  fairness: Fairness,
  component: readonly number[],
  member: Int32Array,
  mark: number,
  visitOk: Uint8Array | undefined,
  via: Int32Array,
  viaLabel: Int32Array,
): Lasso {
  const graph = g.graph;
  // The entry: the component state whose seed path is shortest overall (prefix + seed path).
  const inComponent = new Set(component);
  let entry = component[0]!;
  let best = Infinity;
  for (const s of component) {
    let len = 0;
    let c = s;
    while (via[c] >= 0) {
      c = via[c]!;
      len++;
    }
    for (let p = c; g.parent(p) >= 0; p = g.parent(p)) len++;
    if (len < best) {
      best = len;
      entry = s;
    }
  }
  const prefix: Step[] = [];
  let seed = entry;
  const seedPath: Step[] = [];
  while (via[seed] >= 0) {
    seedPath.push({ state: seed, label: viaLabel[seed]! });
    seed = via[seed]!;
  }
  const initPath: number[] = [];
  for (let p = seed; p >= 0; p = g.parent(p)) initPath.push(p);
  initPath.reverse();
  initPath.forEach((s, i) => prefix.push({ state: s, label: i === 0 ? -1 : edgeLabel(graph, initPath[i - 1]!, s) }));
  for (const step of seedPath.reverse()) prefix.push(step);

  // What the cycle must do: for each group enabled in the component, visit a state where it is
  // disabled (weak only) or take one of its steps; visit a `visit` state if asked.
  interface Target {
    readonly state?: (s: number) => boolean;
    readonly edgeGroup?: number;
  }
  const targets: Target[] = [];
  const enabledIn = new Map<number, Set<number>>();
  const groupsHere = new Set<number>();
  for (const s of component) {
    const en = new Set<number>();
    fairness.enabledAt(graph, s, en);
    enabledIn.set(s, en);
    for (const g of en) groupsHere.add(g);
  }
  for (const g of groupsHere) {
    const weakEscape = !fairness.groups[g]!.strong && component.some((s) => !enabledIn.get(s)!.has(g));
    if (weakEscape) targets.push({ state: (s) => !enabledIn.get(s)!.has(g) });
    else targets.push({ edgeGroup: g });
  }
  if (visitOk) targets.push({ state: (s) => visitOk[s] === 1 });

  const cycle: Step[] = [];
  let at = entry;
  const satisfied = new Set<Target>();
  const markVisited = (s: number, takenGroups: readonly number[]) => {
    for (const t of targets) {
      if (t.state?.(s)) satisfied.add(t);
      if (t.edgeGroup !== undefined && takenGroups.includes(t.edgeGroup)) satisfied.add(t);
    }
  };
  markVisited(entry, []);
  for (;;) {
    const open = targets.filter((t) => !satisfied.has(t));
    if (open.length === 0) break;
    const t = open[0]!;
    if (t.state) {
      const path = pathInside(graph, member, mark, at, t.state)!;
      for (const step of path) {
        cycle.push(step);
        markVisited(step.state, fairness.ofInstance[step.label]!);
      }
      at = path.length > 0 ? path[path.length - 1]!.state : at;
      continue;
    }
    const g = t.edgeGroup!;
    const hasEdge = (s: number) => {
      for (let e = graph.edgeStart[s]!; e < graph.edgeStart[s + 1]!; e++)
        if (inComponent.has(graph.targets[e]!) && fairness.ofInstance[graph.labels[e]!]!.includes(g)) return e;
      return -1;
    };
    const path = pathInside(graph, member, mark, at, (s) => hasEdge(s) >= 0)!;
    for (const step of path) {
      cycle.push(step);
      markVisited(step.state, fairness.ofInstance[step.label]!);
    }
    if (path.length > 0) at = path[path.length - 1]!.state;
    const e = hasEdge(at);
    const step = { state: graph.targets[e]!, label: graph.labels[e]! };
    cycle.push(step);
    markVisited(step.state, fairness.ofInstance[step.label]!);
    at = step.state;
  }
  if (cycle.length > 0 || at !== entry) {
    const back = pathInside(graph, member, mark, at, (s) => s === entry)!;
    for (const step of back) cycle.push(step);
  }
  return { prefix, cycle };
}

/** The label of some edge from a to b (the first one stored). */
export function edgeLabel(graph: StateGraph, a: number, b: number): number {
  for (let e = graph.edgeStart[a]!; e < graph.edgeStart[a + 1]!; e++) if (graph.targets[e] === b) return graph.labels[e]!;
  return -1;
}

/**
 * Independent check of a lasso against the fairness constraints (used by tests and as a guard):
 * on the cycle, every weak group enabled in all its states is taken, every strong group enabled in
 * one of its states is taken.
 */
export function lassoIsFair(graph: StateGraph, fairness: Fairness, lasso: Lasso): boolean {
  const entry = lasso.prefix[lasso.prefix.length - 1]!.state;
  const states = lasso.cycle.length === 0 ? [entry] : lasso.cycle.map((s) => s.state);
  const taken = new Set(lasso.cycle.flatMap((s) => fairness.ofInstance[s.label]!));
  const counts = new Map<number, number>();
  for (const s of states) {
    const en = new Set<number>();
    fairness.enabledAt(graph, s, en);
    for (const g of en) counts.set(g, (counts.get(g) ?? 0) + 1);
  }
  for (const [g, c] of counts) {
    if (taken.has(g)) continue;
    if (fairness.groups[g]!.strong || c === states.length) return false;
  }
  return true;
}
