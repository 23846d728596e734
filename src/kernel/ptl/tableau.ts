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
  let i = 0;
  while (i < todo.length && isChoice(todo[i]!)) i++;
  if (i === todo.length) {
    i = 0;
    while (i < todo.length && !todo[i]!.temporal) i++;
    if (i === todo.length) return todo.pop();
  }
  const f = todo[i]!;
  for (let j = i + 1; j < todo.length; j++) todo[j - 1] = todo[j]!;
  todo.pop();
  return f;
}

// What the undo trail records (its entries are `value * 4 + kind`, value a node or atom index).
const DONE = 0;
const LITERAL = 1;
const NEXT = 2;
const POSTPONED = 3;

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
 * The next formulas and the postponed untils only grow along a branch, so once they include
 * those of a move found already, every completion of the branch is subsumed by that move (or
 * has the same pair): the branch is not explored further and its moves are not recorded. The
 * moves `withoutSubsumed` keeps, and their literals (those of the first branch giving each
 * pair), are the same as without this cut.
 * The branches are explored depth first on one mutable record with an undo trail.
 */
function expand(formulas: readonly NnfNode[], nodeCount: number, onBranch: () => void): Expansion[] {
  const results: Expansion[] = [];
  const truth: (boolean | undefined)[] = []; // atom index → its value on this branch, if set
  const done = new Uint8Array(nodeCount); // taken apart on this branch; each formula is decomposed once
  const next: NnfNode[] = [];
  const inNext = new Uint8Array(nodeCount);
  const postponed: number[] = [];
  const isPostponed = new Uint8Array(nodeCount);
  const trail: number[] = [];
  const mark = (f: NnfNode): void => {
    done[f.id] = 1;
    trail.push(f.id * 4 + DONE);
  };
  const setLiteral = (atom: number, value: boolean): void => {
    truth[atom] = value;
    trail.push(atom * 4 + LITERAL);
  };
  const addNext = (f: NnfNode): void => {
    if (inNext[f.id]) return;
    inNext[f.id] = 1;
    next.push(f);
    trail.push(f.id * 4 + NEXT);
  };
  const postpone = (u: NnfNode): void => {
    postponed.push(u.id);
    isPostponed[u.id] = 1;
    trail.push(u.id * 4 + POSTPONED);
  };
  const undoTo = (length: number): void => {
    while (trail.length > length) {
      const entry = trail.pop()!;
      const value = (entry - (entry % 4)) / 4;
      switch (entry % 4) {
        case DONE:
          done[value] = 0;
          break;
        case LITERAL:
          truth[value] = undefined;
          break;
        case NEXT:
          inNext[value] = 0;
          next.pop();
          break;
        case POSTPONED:
          isPostponed[value] = 0;
          postponed.pop();
          break;
      }
    }
  };
  /** some move found already demands no more of the future than this branch does so far */
  const subsumed = (): boolean =>
    results.some((r) => r.nextIds.every((id) => inNext[id] === 1) && r.postponed.every((id) => isPostponed[id] === 1));
  const holds = (f: NnfNode): boolean =>
    f.op === 'true' || done[f.id] === 1 || (f.op === 'literal' && truth[f.atom] === f.positive);
  /**
   * Explores the options of `choice` from the current record, restoring it after each; `after`
   * runs before the last option. Whether some branch came through, which matters only below a
   * non-temporal choice (to stop at its first consistent option): temporal choices are all taken
   * before any non-temporal one, so the branches of a temporal choice may be cut as subsumed.
   */
  const branchOn = (
    choice: NnfNode,
    todo: readonly NnfNode[],
    options: readonly (readonly NnfNode[])[],
    after?: () => void,
  ): boolean => {
    let found = false;
    for (let i = 0; i < options.length; i++) {
      const restoreTo = trail.length;
      if (i === options.length - 1 && after) after();
      found = run([...todo, ...options[i]!], choice.temporal) || found;
      undoTo(restoreTo);
      if (found && !choice.temporal) break;
    }
    return found;
  };
  const run = (todo: NnfNode[], mayCut = false): boolean => {
    if (mayCut && subsumed()) return true;
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
          if (truth[f.atom] === !f.positive) return false;
          if (truth[f.atom] === undefined) setLiteral(f.atom, f.positive);
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
    if (!subsumed()) {
      const sorted = [...next].sort((x, y) => x.id - y.id);
      const postponedIds = [...postponed].sort((x, y) => x - y);
      // the literals in the order they were set on the branch (the trail holds exactly those set)
      const literals = new Map<number, boolean>();
      for (const entry of trail) if (entry % 4 === LITERAL) literals.set((entry - LITERAL) / 4, truth[(entry - LITERAL) / 4]!);
      results.push({ literals, next: sorted, nextIds: sorted.map((g) => g.id), postponed: postponedIds });
    }
    return true;
  };
  run([...formulas]);
  return results;
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
