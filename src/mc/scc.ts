// Strongly connected components of the subgraph induced by a set of states: Tarjan's algorithm
// with explicit stacks (deep graphs cannot overflow the JavaScript call stack) over typed arrays
// that are reused between calls (fair-cycle refinement calls this many times on one graph).
import type { StateGraph } from './explore.js';

export class SccSearch {
  private readonly index: Int32Array;
  private readonly low: Int32Array;
  private readonly onStack: Uint8Array;

  constructor(private readonly graph: StateGraph) {
    const n = graph.edgeStart.length - 1;
    this.index = new Int32Array(n).fill(-1);
    this.low = new Int32Array(n);
    this.onStack = new Uint8Array(n);
  }

  /** Components of the states `s` in `nodes` with `member[s] === mark`, following edges inside that set. */
  components(nodes: readonly number[], member: Int32Array, mark: number): number[][] {
    const { edgeStart, targets } = this.graph;
    const { index, low, onStack } = this;
    const stack: number[] = [];
    const frames: number[] = []; // pairs: node, next edge to follow
    const components: number[][] = [];
    let counter = 0;
    for (const root of nodes) {
      if (index[root] !== -1) continue;
      index[root] = low[root] = counter++;
      stack.push(root);
      onStack[root] = 1;
      frames.push(root, edgeStart[root]!);
      while (frames.length > 0) {
        const top = frames.length - 2;
        const v = frames[top]!;
        const e = frames[top + 1]!;
        if (e < edgeStart[v + 1]!) {
          frames[top + 1] = e + 1;
          const w = targets[e]!;
          if (member[w] !== mark) continue;
          if (index[w] === -1) {
            index[w] = low[w] = counter++;
            stack.push(w);
            onStack[w] = 1;
            frames.push(w, edgeStart[w]!);
          } else if (onStack[w] === 1 && index[w]! < low[v]!) low[v] = index[w]!;
          continue;
        }
        frames.length = top;
        if (top > 0) {
          const parent = frames[top - 2]!;
          if (low[v]! < low[parent]!) low[parent] = low[v]!;
        }
        if (low[v] === index[v]) {
          const component: number[] = [];
          let w: number;
          do {
            w = stack.pop()!;
            onStack[w] = 0;
            component.push(w);
          } while (w !== v);
          components.push(component);
        }
      }
    }
    // Leave the scratch arrays clean for the next call.
    for (const c of components) for (const s of c) index[s] = -1;
    return components;
  }
}
