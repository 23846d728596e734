// Tarjan's strongly connected components, iterative so that deep graphs cannot overflow the stack.

/** The SCCs of the graph on nodes 0..count-1 reachable from node 0, each a list of nodes. */
export function stronglyConnectedComponents(
  count: number,
  successors: (node: number) => readonly number[],
): number[][] {
  const index = new Array<number>(count).fill(-1);
  const lowLink = new Array<number>(count).fill(0);
  const onStack = new Array<boolean>(count).fill(false);
  const stack: number[] = [];
  const components: number[][] = [];
  let nextIndex = 0;
  // Each frame: a node and how many of its successors have been looked at.
  const frames: { node: number; successors: readonly number[]; done: number }[] = [];
  const enter = (node: number): void => {
    index[node] = lowLink[node] = nextIndex++;
    stack.push(node);
    onStack[node] = true;
    frames.push({ node, successors: successors(node), done: 0 });
  };
  if (count > 0) enter(0);
  while (frames.length > 0) {
    const frame = frames[frames.length - 1]!;
    if (frame.done < frame.successors.length) {
      const next = frame.successors[frame.done++]!;
      if (index[next] === -1) enter(next);
      else if (onStack[next]) lowLink[frame.node] = Math.min(lowLink[frame.node]!, index[next]!);
      continue;
    }
    frames.pop();
    const parent = frames[frames.length - 1];
    if (parent) lowLink[parent.node] = Math.min(lowLink[parent.node]!, lowLink[frame.node]!);
    if (lowLink[frame.node] === index[frame.node]) {
      const component: number[] = [];
      let member: number;
      do {
        member = stack.pop()!;
        onStack[member] = false;
        component.push(member);
      } while (member !== frame.node);
      components.push(component);
    }
  }
  return components;
}
