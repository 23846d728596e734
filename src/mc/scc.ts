// Strongly connected components of the subgraph induced by a set of states: Tarjan's algorithm
// with an explicit stack, so deep graphs cannot overflow the JavaScript call stack.
import type { StateGraph } from './explore.js';

/** Components of the states `s` in `nodes` with `member[s] === mark`, following edges inside that set. */
export function stronglyConnected(graph: StateGraph, nodes: readonly number[], member: Int32Array, mark: number): number[][] {
  const { edgeStart, targets } = graph;
  const index = new Map<number, number>();
  const low = new Map<number, number>();
  const onStack = new Set<number>();
  const stack: number[] = [];
  const components: number[][] = [];
  let counter = 0;
  const callStack: { node: number; edge: number }[] = [];
  for (const root of nodes) {
    if (index.has(root)) continue;
    index.set(root, counter);
    low.set(root, counter++);
    stack.push(root);
    onStack.add(root);
    callStack.push({ node: root, edge: edgeStart[root]! });
    while (callStack.length > 0) {
      const frame = callStack[callStack.length - 1]!;
      const v = frame.node;
      if (frame.edge < edgeStart[v + 1]!) {
        const w = targets[frame.edge++]!;
        if (member[w] !== mark) continue;
        if (!index.has(w)) {
          index.set(w, counter);
          low.set(w, counter++);
          stack.push(w);
          onStack.add(w);
          callStack.push({ node: w, edge: edgeStart[w]! });
        } else if (onStack.has(w)) {
          low.set(v, Math.min(low.get(v)!, index.get(w)!));
        }
        continue;
      }
      callStack.pop();
      if (callStack.length > 0) {
        const parent = callStack[callStack.length - 1]!.node;
        low.set(parent, Math.min(low.get(parent)!, low.get(v)!));
      }
      if (low.get(v) === index.get(v)) {
        const component: number[] = [];
        let w: number;
        do {
          w = stack.pop()!;
          onStack.delete(w);
          component.push(w);
        } while (w !== v);
        components.push(component);
      }
    }
  }
  return components;
}
