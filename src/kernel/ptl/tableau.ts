// The tableau automaton of an NNF formula (see the design comment in decide.ts for why it is
// correct). A state is a set of NNF formulas that must all hold at the current position; its
// moves are the ways of satisfying them: a consistent set of literals for the current position,
// the set of formulas that must hold at the next position (the target state), and the set of
// until-formulas the move postpones (keeps open rather than fulfils).
import type { NnfNode } from './nnf.js';

export interface Move {
  /** atom index → required value at this position (atoms not listed are unconstrained) */
  readonly literals: ReadonlyMap<number, boolean>;
  readonly target: number;
  /** ids of the until-nodes this move postpones */
  readonly postponed: readonly number[];
}

export interface Tableau {
  /** state 0 is the initial state */
  readonly states: readonly (readonly NnfNode[])[];
  readonly moves: readonly (readonly Move[])[];
  readonly moveCount: number;
}

export interface TableauLimits {
  readonly maxStates: number;
  readonly maxBranches: number;
  readonly deadline: number;
}

/** Thrown inside the construction only; decide.ts turns it into an `unknown` verdict. */
export class LimitReached extends Error {
  constructor(readonly limit: 'size' | 'time') {
    super(`tableau ${limit} limit reached`);
  }
}

/** A finished branch: the target formulas, sorted by id (the state's name), and the move's data. */
interface Expansion {
  readonly literals: ReadonlyMap<number, boolean>;
  readonly next: readonly NnfNode[];
  readonly nextIds: readonly number[];
  readonly postponed: readonly number[];
}

const isChoice = (f: NnfNode): boolean => f.op === 'or' || f.op === 'until' || f.op === 'release';

/**
 * The next formula to take apart: first those that need no choice, then choices that can change
 * the future (next formulas, postponed untils), last choices about the current position only.
 */
function takeNext(todo: NnfNode[]): NnfNode | undefined {
  let i = todo.findIndex((f) => !isChoice(f));
  if (i < 0) i = todo.findIndex((f) => f.temporal);
  if (i < 0) return todo.pop();
  const [f] = todo.splice(i, 1);
  return f;
}

/**
 * All ways to satisfy the conjunction of `formulas` at one position, by the classic rules,
 * one per distinct pair (next formulas, postponed untils) with one consistent set of literals
 *   p && q: both        p || q: one of them        X p: p at the next position
 *   p U q: q now, or p now and (p U q) next (postponed)
 *   p R q: p and q now, or q now and (p R q) next
 * A branch dies when it needs `false` or an atom both true and false. A choice is not split
 * when an option already holds on the branch (it was asserted before): that option adds no
 * demand on the future, so every other option's branches would be subsumed (`withoutSubsumed`).
 * Once only non-temporal choices are left, every completion has the same next formulas and
 * postponed untils, so the first consistent one is enough.
 * The branches are explored depth first on one mutable record with an undo trail.
 */
function expand(formulas: readonly NnfNode[], nodeCount: number, onBranch: () => void): Expansion[] {
  const results = new Map<string, Expansion>();
  const literals = new Map<number, boolean>();
  const done = new Uint8Array(nodeCount); // taken apart on this branch; each formula is decomposed once
  const next: NnfNode[] = [];
  const inNext = new Uint8Array(nodeCount);
  const postponed: number[] = [];
  const undo: (() => void)[] = [];
  const mark = (f: NnfNode): void => {
    done[f.id] = 1;
    undo.push(() => (done[f.id] = 0));
  };
  const setLiteral = (atom: number, value: boolean): void => {
    literals.set(atom, value);
    undo.push(() => literals.delete(atom));
  };
  const addNext = (f: NnfNode): void => {
    if (inNext[f.id]) return;
    inNext[f.id] = 1;
    next.push(f);
    undo.push(() => {
      inNext[f.id] = 0;
      next.pop();
    });
  };
  const postpone = (u: NnfNode): void => {
    postponed.push(u.id);
    undo.push(() => postponed.pop());
  };
  const holds = (f: NnfNode): boolean =>
    f.op === 'true' || done[f.id] === 1 || (f.op === 'literal' && literals.get(f.atom) === f.positive);
  /**
   * Explores the options of `choice` from the current record, restoring it after each; `after`
   * runs before the last option. Whether some branch came through.
   */
  const branchOn = (
    choice: NnfNode,
    todo: readonly NnfNode[],
    options: readonly (readonly NnfNode[])[],
    after?: () => void,
  ): boolean => {
    let found = false;
    for (const [i, option] of options.entries()) {
      const restoreTo = undo.length;
      if (i === options.length - 1 && after) after();
      found = run([...todo, ...option]) || found;
      while (undo.length > restoreTo) undo.pop()!();
      if (found && !choice.temporal) break;
    }
    return found;
  };
  const run = (todo: NnfNode[]): boolean => {
    onBranch();
    for (let f = takeNext(todo); f !== undefined; f = takeNext(todo)) {
      if (done[f.id]) continue;
      mark(f);
      switch (f.op) {
        case 'true':
          break;
        case 'false':
          return false;
        case 'literal':
          if (literals.get(f.atom) === !f.positive) return false;
          if (!literals.has(f.atom)) setLiteral(f.atom, f.positive);
          break;
        case 'next':
          addNext(f.arg);
          break;
        case 'and':
          todo.push(f.left, f.right);
          break;
        case 'or':
          if (holds(f.left) || holds(f.right)) break;
          return branchOn(f, todo, [[f.left], [f.right]]);
        case 'until':
          if (holds(f.right)) break;
          return branchOn(f, todo, [[f.right], [f.left]], () => {
            addNext(f);
            postpone(f);
          });
        case 'release':
          if (f.left.op === 'false') return branchOn(f, todo, [[f.right]], () => addNext(f)); // []q: q now, []q next
          if (holds(f.left) && holds(f.right)) break;
          return branchOn(f, todo, [[f.left, f.right], [f.right]], () => addNext(f));
      }
    }
    const sorted = [...next].sort((x, y) => x.id - y.id);
    const nextIds = sorted.map((g) => g.id);
    const postponedIds = [...postponed].sort((x, y) => x - y);
    const key = `${nextIds}|${postponedIds}`;
    if (!results.has(key))
      results.set(key, { literals: new Map(literals), next: sorted, nextIds, postponed: postponedIds });
    return true;
  };
  run([...formulas]);
  return [...results.values()];
}

const isSubset = (small: readonly number[], large: readonly number[]): boolean => {
  // both sorted ascending
  let j = 0;
  for (const x of small) {
    while (j < large.length && large[j]! < x) j++;
    if (large[j] !== x) return false;
  }
  return true;
};

/** `weak` demands no more of the future than `strong` (literals play no part; see decide.ts). */
const subsumes = (weak: Expansion, strong: Expansion): boolean =>
  isSubset(weak.nextIds, strong.nextIds) && isSubset(weak.postponed, strong.postponed);

/** Drops every expansion subsumed by another (of two equal ones, keeps one). */
function withoutSubsumed(expansions: readonly Expansion[], checkTime: () => void): Expansion[] {
  const weight = (e: Expansion): number => e.next.length + e.postponed.length;
  const kept: Expansion[] = [];
  for (const e of [...expansions].sort((x, y) => weight(x) - weight(y))) {
    if (!kept.some((k) => subsumes(k, e))) kept.push(e);
    if (kept.length % 64 === 0) checkTime();
  }
  return kept;
}

const stateKey = (formulas: readonly NnfNode[]): string => formulas.map((f) => f.id).join(',');

/** Every state reachable from {root}, with its moves, within the limits (node ids < nodeCount). */
export function buildTableau(root: NnfNode, nodeCount: number, limits: TableauLimits): Tableau {
  const states: NnfNode[][] = [];
  const moves: Move[][] = [];
  const index = new Map<string, number>();
  let moveCount = 0;
  let branches = 0;
  const checkTime = (): void => {
    if (Date.now() >= limits.deadline) throw new LimitReached('time');
  };
  const onBranch = (): void => {
    branches += 1;
    if (branches > limits.maxBranches) throw new LimitReached('size');
    if (branches % 256 === 0) checkTime();
  };
  const stateOf = (formulas: NnfNode[]): number => {
    const key = stateKey(formulas);
    const known = index.get(key);
    if (known !== undefined) return known;
    if (states.length >= limits.maxStates) throw new LimitReached('size');
    index.set(key, states.length);
    states.push(formulas);
    return states.length - 1;
  };
  stateOf([root]);
  for (let s = 0; s < states.length; s++) {
    const kept = withoutSubsumed(expand(states[s]!, nodeCount, onBranch), checkTime);
    moves.push(kept.map((e) => ({ literals: e.literals, target: stateOf([...e.next]), postponed: e.postponed })));
    moveCount += kept.length;
    checkTime();
  }
  return { states, moves, moveCount };
}
