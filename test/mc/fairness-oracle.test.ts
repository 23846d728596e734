// The fair-cycle search against a brute-force oracle on random small graphs: a violation exists
// exactly when some reachable set of states is strongly connected (one state may stutter) and
// fair with all its internal steps taken; every lasso returned must be a real, fair behaviour.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CompiledFairness } from '../../src/mc/compile-machine.js';
import type { StateGraph } from '../../src/mc/explore.js';
import { Fairness, findFairViolation, lassoIsFair, type LivenessFlags } from '../../src/mc/liveness.js';

interface Case {
  readonly graph: StateGraph;
  readonly parent: number[];
  readonly fairness: CompiledFairness[];
  readonly flags: LivenessFlags;
}

const ACTIONS = 3;

const caseArb = fc
  .record({
    n: fc.integer({ min: 1, max: 6 }),
    edges: fc.array(fc.tuple(fc.nat(5), fc.nat(5), fc.nat(ACTIONS - 1)), { maxLength: 14 }),
    strengths: fc.array(fc.constantFrom('none', 'weak', 'strong'), { minLength: ACTIONS, maxLength: ACTIONS }),
    shape: fc.constantFrom('eventually', 'infinitelyOften', 'eventuallyAlways', 'leadsTo'),
    p: fc.array(fc.boolean(), { minLength: 6, maxLength: 6 }),
    q: fc.array(fc.boolean(), { minLength: 6, maxLength: 6 }),
  })
  .map(({ n, edges, strengths, shape, p, q }): Case => {
    // Keep the states reachable from 0, numbered in BFS order as the explorer numbers them.
    const raw = edges.filter(([a, b]) => a < n && b < n);
    const order = [0];
    const index = new Map([[0, 0]]);
    const parent = [-1];
    for (let i = 0; i < order.length; i++)
      for (const [a, b] of raw)
        if (a === order[i] && !index.has(b)) {
          index.set(b, order.length);
          order.push(b);
          parent.push(i);
        }
    const N = order.length;
    const out: [number, number, number][][] = order.map(() => []);
    for (const [a, b, l] of raw) if (index.has(a)) out[index.get(a)!]!.push([index.get(a)!, index.get(b)!, l]);
    const flat = out.flat();
    const edgeStart = new Int32Array(N + 1);
    for (let s = 0; s < N; s++) edgeStart[s + 1] = edgeStart[s]! + out[s]!.length;
    const graph: StateGraph = {
      edgeStart,
      targets: Int32Array.from(flat.map((e) => e[1])),
      labels: Int32Array.from(flat.map((e) => e[2])),
      instances: Array.from({ length: ACTIONS }, (_, a) => ({ action: a, params: [] })),
    };
    const fairness: CompiledFairness[] = strengths.flatMap((s, a) =>
      s === 'none' ? [] : [{ strength: s as 'weak' | 'strong', action: a, perInstance: false, args: [], text: `${s}(${a})` }],
    );
    const P = Uint8Array.from(order.map((s) => (p[s] ? 1 : 0)));
    const notP = P.map((b) => 1 - b);
    const notQ = Uint8Array.from(order.map((s) => (q[s] ? 0 : 1)));
    const flags: LivenessFlags =
      shape === 'eventually'
        ? { seedInitOnly: true, path: notP, cycle: notP }
        : shape === 'infinitelyOften'
          ? { seedInitOnly: false, cycle: notP }
          : shape === 'eventuallyAlways'
            ? { seedInitOnly: false, visit: notP }
            : { seedInitOnly: false, seed: P.map((b, i) => b & notQ[i]!), path: notQ, cycle: notQ };
    return { graph, parent, fairness, flags };
  });

function enabledAt(c: Case, s: number, action: number): boolean {
  for (let e = c.graph.edgeStart[s]!; e < c.graph.edgeStart[s + 1]!; e++) if (c.graph.labels[e] === action) return true;
  return false;
}

function oracle(c: Case): boolean {
  const N = c.parent.length;
  const ok = (f: Uint8Array | undefined, s: number) => !f || f[s] === 1;
  const edges: [number, number, number][] = [];
  for (let s = 0; s < N; s++) for (let e = c.graph.edgeStart[s]!; e < c.graph.edgeStart[s + 1]!; e++) edges.push([s, c.graph.targets[e]!, c.graph.labels[e]!]);
  // States reachable from a seed through path states.
  const reach = new Set<number>();
  for (let s = 0; s < N; s++) if ((c.flags.seedInitOnly ? s === 0 : ok(c.flags.seed, s)) && ok(c.flags.path, s)) reach.add(s);
  for (let changed = true; changed; ) {
    changed = false;
    for (const [a, b] of edges)
      if (reach.has(a) && !reach.has(b) && ok(c.flags.path, b)) {
        reach.add(b);
        changed = true;
      }
  }
  for (let mask = 1; mask < 1 << N; mask++) {
    const S = [...Array(N).keys()].filter((s) => (mask >> s) & 1);
    if (!S.every((s) => reach.has(s) && ok(c.flags.cycle, s))) continue;
    if (c.flags.visit && !S.some((s) => c.flags.visit![s] === 1)) continue;
    const inside = edges.filter(([a, b]) => (mask >> a) & 1 && (mask >> b) & 1);
    // Strongly connected through internal edges.
    const from = (start: number, forward: boolean) => {
      const seen = new Set([start]);
      for (let changed = true; changed; ) {
        changed = false;
        for (const [a, b] of inside) {
          const [x, y] = forward ? [a, b] : [b, a];
          if (seen.has(x) && !seen.has(y)) {
            seen.add(y);
            changed = true;
          }
        }
      }
      return seen.size === S.length;
    };
    if (!from(S[0]!, true) || !from(S[0]!, false)) continue;
    const fair = c.fairness.every((f) => {
      const taken = inside.some((e) => e[2] === f.action);
      const enabledCount = S.filter((s) => enabledAt(c, s, f.action)).length;
      return taken || (f.strength === 'weak' ? enabledCount < S.length : enabledCount === 0);
    });
    if (fair) return true;
  }
  return false;
}

describe('fair cycle search', () => {
  it('agrees with the brute-force oracle, and its lassos are real fair behaviours', () => {
    const verdicts = { violated: 0, holds: 0 };
    fc.assert(
      fc.property(caseArb, (c) => {
        const g = { graph: c.graph, states: c.parent.length, parent: (s: number) => c.parent[s]! };
        const fairness = new Fairness(c.fairness, c.graph);
        const lasso = findFairViolation(g, c.flags, fairness);
        expect(lasso !== undefined).toBe(oracle(c));
        verdicts[lasso ? 'violated' : 'holds']++;
        if (!lasso) return;
        expect(lassoIsFair(c.graph, fairness, lasso)).toBe(true);
        expect(lasso.prefix[0]!.state).toBe(0);
        const walk = [...lasso.prefix, ...lasso.cycle];
        for (let i = 1; i < walk.length; i++) {
          const a = walk[i - 1]!.state;
          const { state: b, label } = walk[i]!;
          const has = [...Array(c.graph.edgeStart[a + 1]! - c.graph.edgeStart[a]!).keys()].some(
            (k) => c.graph.targets[c.graph.edgeStart[a]! + k] === b && c.graph.labels[c.graph.edgeStart[a]! + k] === label,
          );
          expect(has).toBe(true);
        }
        const entry = lasso.prefix.at(-1)!.state;
        if (lasso.cycle.length > 0) expect(lasso.cycle.at(-1)!.state).toBe(entry);
        const loop = lasso.cycle.length > 0 ? lasso.cycle.map((s) => s.state) : [entry];
        for (const s of loop) if (c.flags.cycle) expect(c.flags.cycle[s]).toBe(1);
        if (c.flags.visit) expect(loop.some((s) => c.flags.visit![s] === 1)).toBe(true);
        if (c.flags.seedInitOnly && c.flags.path) for (const s of walk) expect(c.flags.path[s.state]).toBe(1);
      }),
      { numRuns: 3000 },
    );
    // Both verdicts are common, so the agreement above is not vacuous.
    expect(verdicts.violated).toBeGreaterThan(300);
    expect(verdicts.holds).toBeGreaterThan(300);
  });
});
