// Test oracles for the PTL decision procedure, sharing no code with it.
//
// 1. `satisfiableByTypes`: the textbook Hintikka-structure (Lichtenstein–Pnueli "atoms") decision
//    procedure. A *type* assigns a truth value to every atom and every temporal subformula
//    (X, [], <>, U) of the formula; the boolean subformulas follow. Type t may be followed by t'
//    when every temporal subformula obeys its one-step unfolding:
//      X a at t = a at t';   []a at t = a at t && []a at t';   <>a at t = a at t || <>a at t';
//      a U b at t = b at t || (a at t && a U b at t').
//    The formula is satisfiable iff there is an infinite path from a type making it true, on
//    which every eventuality is infinitely often *discharged*: <>a and a U b are false or their
//    goal (a resp. b) holds, []a is true or a fails. (⇐: along such a path the types are the
//    real truth values: the unfoldings fix everything except least-fixpoint eventualities, and
//    a true eventuality cannot stay pending past a discharging position. ⇒: the real types of a
//    model form such a path, because a true eventuality is fulfilled and a false []a fails.)
//    Such a path exists iff some strongly connected component reachable from an initial type
//    has an edge inside it and contains, for every eventuality, a type discharging it.
//    This is complete but exponential in the number of atoms and temporal subformulas, so the
//    tests keep formulas small.
//
// 2. `lassos`: every lasso over the given atoms with at most `maxLength` states, for brute force.
//    A complete bound is out of reach for brute force: the cut-and-paste argument for 1. gives
//    a model with fewer than T prefix states and at most (E + 1)·(T + 1) loop states, where T is
//    the number of types (2^(atoms + temporal subformulas)) and E the number of eventualities;
//    already for `[]<>p ==> <>[]p` that is over 80 states, i.e. more than 2^80 lassos. So brute
//    force is used only in its sound direction (a falsifying lasso it finds must be matched by an
//    `invalid` verdict) and oracle 1 supplies the complete comparison in both directions.
import type { Formula, Lasso, Valuation } from '../../src/kernel/ptl/index.js';

function subformulas(f: Formula): Formula[] {
  const seen = new Map<number, Formula>();
  const visit = (g: Formula): void => {
    if (seen.has(g.id)) return;
    switch (g.kind) {
      case 'true':
      case 'false':
      case 'atom':
        break;
      case 'not':
      case 'next':
      case 'always':
      case 'eventually':
        visit(g.arg);
        break;
      default:
        visit(g.left);
        visit(g.right);
    }
    seen.set(g.id, g); // children first
  };
  visit(f);
  return [...seen.values()];
}

const TEMPORAL = new Set(['next', 'always', 'eventually', 'until']);

/** log2 of the number of types `satisfiableByTypes` enumerates for the formula (or its negation). */
export function freeBits(formula: Formula): number {
  return subformulas(formula).filter((g) => g.kind === 'atom' || TEMPORAL.has(g.kind)).length;
}

export function satisfiableByTypes(formula: Formula): boolean {
  const subs = subformulas(formula);
  const position = new Map(subs.map((g, i) => [g.id, i]));
  const atoms = subs.filter((g) => g.kind === 'atom');
  const temporal = subs.filter((g) => TEMPORAL.has(g.kind));
  const free = [...atoms, ...temporal];
  const count = 1 << free.length;
  // types[t][i]: truth of subformula i under type t
  const types: boolean[][] = [];
  for (let t = 0; t < count; t++) {
    const value: boolean[] = new Array<boolean>(subs.length);
    free.forEach((g, bit) => (value[position.get(g.id)!] = ((t >> bit) & 1) === 1));
    const of = (g: Formula): boolean => value[position.get(g.id)!]!;
    subs.forEach((g, i) => {
      switch (g.kind) {
        case 'true':
          value[i] = true;
          break;
        case 'false':
          value[i] = false;
          break;
        case 'not':
          value[i] = !of(g.arg);
          break;
        case 'and':
          value[i] = of(g.left) && of(g.right);
          break;
        case 'or':
          value[i] = of(g.left) || of(g.right);
          break;
        case 'implies':
          value[i] = !of(g.left) || of(g.right);
          break;
        case 'iff':
          value[i] = of(g.left) === of(g.right);
          break;
        default:
          break; // atoms and temporal subformulas are set from the type's bits
      }
    });
    types.push(value);
  }
  const at = (t: number, g: Formula): boolean => types[t]![position.get(g.id)!]!;
  const follows = (t: number, u: number): boolean =>
    temporal.every((g) => {
      switch (g.kind) {
        case 'next':
          return at(t, g) === at(u, g.arg);
        case 'always':
          return at(t, g) === (at(t, g.arg) && at(u, g));
        case 'eventually':
          return at(t, g) === (at(t, g.arg) || at(u, g));
        case 'until':
          return at(t, g) === (at(t, g.right) || (at(t, g.left) && at(u, g)));
        default:
          return true;
      }
    });
  const discharges = (t: number, g: Formula): boolean => {
    switch (g.kind) {
      case 'eventually':
        return !at(t, g) || at(t, g.arg);
      case 'until':
        return !at(t, g) || at(t, g.right);
      case 'always':
        return at(t, g) || !at(t, g.arg);
      default:
        return true;
    }
  };
  const successors: number[][] = [];
  const predecessors: number[][] = Array.from({ length: count }, () => []);
  for (let t = 0; t < count; t++) {
    const next: number[] = [];
    for (let u = 0; u < count; u++) {
      if (follows(t, u)) {
        next.push(u);
        predecessors[u]!.push(t);
      }
    }
    successors.push(next);
  }
  // Kosaraju: order by finishing time on the graph, then collect components on the reverse graph.
  const reachable = new Set<number>();
  const frontier = types.map((_, t) => t).filter((t) => at(t, formula));
  frontier.forEach((t) => reachable.add(t));
  while (frontier.length > 0) {
    for (const u of successors[frontier.pop()!]!) {
      if (!reachable.has(u)) {
        reachable.add(u);
        frontier.push(u);
      }
    }
  }
  const order: number[] = [];
  const visited = new Set<number>();
  for (const root of reachable) {
    if (visited.has(root)) continue;
    visited.add(root);
    const stack: [number, number][] = [[root, 0]];
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      const next = successors[top[0]]![top[1]++];
      if (next === undefined) {
        order.push(top[0]);
        stack.pop();
      } else if (!visited.has(next)) {
        visited.add(next);
        stack.push([next, 0]);
      }
    }
  }
  const component = new Map<number, number>();
  for (const root of order.reverse()) {
    if (component.has(root)) continue;
    const members = [root];
    component.set(root, root);
    for (let i = 0; i < members.length; i++) {
      for (const p of predecessors[members[i]!]!) {
        if (reachable.has(p) && !component.has(p)) {
          component.set(p, root);
          members.push(p);
        }
      }
    }
    const inside = new Set(members);
    const hasEdge = members.some((t) => successors[t]!.some((u) => inside.has(u)));
    if (hasEdge && temporal.every((g) => members.some((t) => discharges(t, g)))) return true;
  }
  return false;
}

/** Every lasso over `atoms` with 1..maxLength states in all (prefix + loop). */
export function* lassos(atoms: readonly string[], maxLength: number): Generator<Lasso> {
  const valuations: Valuation[] = [];
  for (let bits = 0; bits < 1 << atoms.length; bits++) {
    valuations.push(new Map(atoms.map((a, i) => [a, ((bits >> i) & 1) === 1])));
  }
  for (let length = 1; length <= maxLength; length++) {
    const word = new Array<number>(length).fill(0);
    for (;;) {
      const states = word.map((w) => valuations[w]!);
      for (let loopStart = 0; loopStart < length; loopStart++) {
        yield { prefix: states.slice(0, loopStart), loop: states.slice(loopStart) };
      }
      let i = 0;
      while (i < length && word[i] === valuations.length - 1) word[i++] = 0;
      if (i === length) break;
      word[i]!++;
    }
  }
}
