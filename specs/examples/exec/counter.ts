// Exec code for examples.counter: each action as a function from a state to the next state, or
// undefined when the action is not enabled. `kproof refine` proves each equal to the spec's action.
//   kproof refine specs/examples/exec/counter.ts --spec specs/examples/counter.kspec
import type { $Constants, Counter$State } from './generated/examples.counter.js';

/** @refines examples.counter.Counter.tick */
export function tick(c: $Constants, s: Counter$State): Counter$State | undefined {
  if (s.n >= c.LIMIT) return undefined;
  return { ...s, n: s.n + 1n };
}

/** @refines examples.counter.Counter.finish */
export function finish(c: $Constants, s: Counter$State): Counter$State | undefined {
  if (s.n === c.LIMIT && !s.done) return { ...s, done: true };
  return undefined;
}

/** @refines examples.counter.Counter.jump */
export function jump(c: $Constants, s: Counter$State, k: bigint): Counter$State | undefined {
  if (k < 0n || k > c.LIMIT || k <= s.n) return undefined;
  return { ...s, n: k };
}
