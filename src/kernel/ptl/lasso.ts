// Lassos (ultimately periodic traces) and a direct evaluator of formulas on them. The evaluator
// follows the textbook semantics position by position and shares nothing with the decision
// procedure, so it can independently confirm every counterexample the procedure returns.
import type { Formula } from './formula.js';

/** The truth of each atom in one state. Atoms absent from the map are false. */
export type Valuation = ReadonlyMap<string, boolean>;

/** The infinite trace prefix · loop · loop · …; `loop` is never empty. */
export interface Lasso {
  readonly prefix: readonly Valuation[];
  readonly loop: readonly Valuation[];
}

/** Whether the formula holds at position 0 of the infinite trace the lasso denotes. */
export function evaluateOnLasso(formula: Formula, lasso: Lasso): boolean {
  if (lasso.loop.length === 0) throw new Error('internal error: a lasso needs a non-empty loop');
  const states = [...lasso.prefix, ...lasso.loop];
  const length = states.length;
  const successor = (i: number): number => (i + 1 < length ? i + 1 : lasso.prefix.length);
  // Every position the trace visits from i onwards, in order, each once: the positions of a
  // lasso's suffix repeat with the loop, so this is the whole future up to repetition.
  const future = (i: number): number[] => {
    const visited: number[] = [];
    const seen = new Set<number>();
    for (let j = i; !seen.has(j); j = successor(j)) {
      seen.add(j);
      visited.push(j);
    }
    return visited;
  };
  const memo = new Map<number, boolean[]>();
  const truth = (f: Formula): boolean[] => {
    const cached = memo.get(f.id);
    if (cached) return cached;
    const at = (i: number): boolean => {
      switch (f.kind) {
        case 'true':
          return true;
        case 'false':
          return false;
        case 'atom':
          return states[i]!.get(f.name) === true;
        case 'not':
          return !truth(f.arg)[i]!;
        case 'and':
          return truth(f.left)[i]! && truth(f.right)[i]!;
        case 'or':
          return truth(f.left)[i]! || truth(f.right)[i]!;
        case 'implies':
          return !truth(f.left)[i]! || truth(f.right)[i]!;
        case 'iff':
          return truth(f.left)[i]! === truth(f.right)[i]!;
        case 'next':
          return truth(f.arg)[successor(i)]!;
        case 'always':
          return future(i).every((j) => truth(f.arg)[j]!);
        case 'eventually':
          return future(i).some((j) => truth(f.arg)[j]!);
        case 'until': {
          // p U q: q at some future position j, p at every position before it. Positions after
          // the first repetition add nothing new, so a q not met by then is never met.
          const p = truth(f.left);
          const q = truth(f.right);
          for (const j of future(i)) {
            if (q[j]) return true;
            if (!p[j]) return false;
          }
          return false;
        }
      }
    };
    const values = Array.from({ length }, (_, i) => at(i));
    memo.set(f.id, values);
    return values;
  };
  return truth(formula)[0]!;
}
