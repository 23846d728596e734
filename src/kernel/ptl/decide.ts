// Deciding validity of propositional LTL over infinite traces. Trusted code: a wrong "valid"
// here would let the kernel prove a false theorem.
//
// Algorithm. F is valid iff !F has no model. We put !F in negation normal form (nnf.ts) and
// build its tableau automaton (tableau.ts) on the fly from the initial state {!F}:
//   - a state S is a set of NNF formulas, read as their conjunction;
//   - expanding S by the classic rules (p U q = q || (p && X(p U q)), p R q = q && (p || X(p R q)))
//     gives its moves; a move m has a consistent literal set L(m), a target state N(m) (the
//     formulas put under X) and the set P(m) of until-formulas it postpones (the branch
//     `p && X(p U q)` was chosen for them).
// A run is a sequence of states S0 = {!F}, S1, … joined by moves m0, m1, … with S(i+1) = N(mi);
// it reads the trace w when w(i) satisfies L(mi). It is *accepting* when no until-formula is
// postponed by every move from some point on (a generalised Büchi condition on transitions,
// one acceptance set per until-formula, as in Couvreur 1999).
//
// Why this is correct: !F has a model iff the automaton has an accepting run.
//   (soundness, "⇐") Let an accepting run read the trace w (w(i) satisfies L(mi)). By induction
//   on formulas, every formula in Si holds at w,i. The boolean and release cases and X follow
//   from the expansion rules (keeping q and p R q forever is a model of p R q). The only
//   formulas whose truth is not settled by finitely many positions are the until-formulas
//   u = p U q: if u in Si is fulfilled by mi (q now) it holds; if postponed, p holds now and u
//   is in S(i+1), where it is expanded again; an accepting run cannot postpone u forever, so
//   some later move fulfils it, with p at every position in between.
//   (completeness, "⇒") Let w be a model of !F. Build a run keeping the invariant "every formula
//   of Si holds at w,i". The *guided* move m from Si takes at every choice an option true at
//   w,i, and fulfils p U q whenever q holds at w,i; so N(m) holds at w,i+1 and m postpones u only
//   when u holds and q is false at w,i. The tableau may keep, instead of m, a move m' with
//   N(m') ⊆ N(m) and P(m') ⊆ P(m) (below); take m', the invariant still holds. If some u were
//   postponed by every move from step k on, u would hold at w,k while q never holds afterwards,
//   which contradicts u holding: the run is accepting. (It reads the trace whose letter i
//   satisfies L(m'i): literals are consistent on every move and constrain only their own
//   position, so the run need not read w itself.)
// Reductions (tableau.ts): of moves with the same N and P one is kept; a move is dropped when a
// kept move of the same state has N and P subsets of its own; a choice is not split when one
// option already holds on the branch (that option demands nothing more, so the other options'
// moves would be dropped). The completeness argument above allows exactly this.
// So the automaton is empty iff !F is unsatisfiable, i.e. iff F is valid. States are sets of
// subformulas of the NNF of !F, finitely many, so the construction terminates.
// Emptiness: an accepting run exists iff some reachable strongly connected component (SCC) has
// a move inside it and, for every until-formula postponed by a move inside it, also a move
// inside it that does not postpone that formula (go round the SCC through all those moves
// forever). We find SCCs with Tarjan's algorithm.
//
// Guard rails: the reachable tableau is exponential in the worst case, so it is built within a
// size and time budget; running out gives `unknown`, never `valid`. An invalid verdict comes
// with a lasso (prefix + loop of valuations) read off the accepting SCC, and before it is
// returned an independent evaluator (lasso.ts) confirms that F is false on it; if not, the
// answer is an internal-error `unknown`, never a wrong counterexample.
import type { DiagnosticCode } from '../../diagnostics/index.js';
import { and, atomsOf, implies, type Formula } from './formula.js';
import { evaluateOnLasso, type Lasso, type Valuation } from './lasso.js';
import { NnfBuilder } from './nnf.js';
import { buildTableau, LimitReached, type Move, type Tableau } from './tableau.js';
import { stronglyConnectedComponents } from './scc.js';

export interface Budget {
  /** most tableau states built before giving up */
  readonly maxStates?: number;
  /** most expansion branches (an upper bound on the number of moves) before giving up */
  readonly maxBranches?: number;
  readonly timeLimitMs?: number;
}

export const DEFAULT_BUDGET: Required<Budget> = { maxStates: 20_000, maxBranches: 1_000_000, timeLimitMs: 10_000 };

export interface DecisionStats {
  readonly states: number;
  readonly moves: number;
  readonly milliseconds: number;
}

export type Verdict =
  | { readonly valid: true; readonly stats: DecisionStats }
  | { readonly valid: false; readonly counterexample: Lasso; readonly stats: DecisionStats }
  | { readonly valid: 'unknown'; readonly code: DiagnosticCode; readonly reason: string };

// Definite verdicts only, by hash-consed formula id; `unknown` depends on the budget.
const verdicts = new Map<number, Verdict>();

/** Is `formula` true at position 0 of every infinite trace? */
export function decideValidity(formula: Formula, budget: Budget = {}): Verdict {
  const cached = verdicts.get(formula.id);
  if (cached) return cached;
  const verdict = decideUncached(formula, { ...DEFAULT_BUDGET, ...budget });
  if (verdict.valid !== 'unknown') verdicts.set(formula.id, verdict);
  return verdict;
}

/** Does the conjunction of `facts` imply `goal` on every infinite trace? */
export function decideEntailment(facts: readonly Formula[], goal: Formula, budget: Budget = {}): Verdict {
  return decideValidity(implies(and(...facts), goal), budget);
}

function decideUncached(formula: Formula, budget: Required<Budget>): Verdict {
  const started = Date.now();
  const atomNames = atomsOf(formula);
  const nnf = new NnfBuilder(atomNames);
  let tableau: Tableau;
  let run: { prefix: Move[]; loop: Move[] } | undefined;
  try {
    const root = nnf.convert(formula, false);
    tableau = buildTableau(root, nnf.size, {
      maxStates: budget.maxStates,
      maxBranches: budget.maxBranches,
      deadline: started + budget.timeLimitMs,
    });
    run = acceptingRun(tableau);
  } catch (e) {
    if (e instanceof LimitReached) {
      return e.limit === 'time'
        ? {
            valid: 'unknown',
            code: 'KSP151',
            reason: `the temporal decision procedure ran out of time (${budget.timeLimitMs} ms)`,
          }
        : {
            valid: 'unknown',
            code: 'KSP150',
            reason: `the temporal formula's tableau exceeds the budget (${budget.maxStates} states, ${budget.maxBranches} branches)`,
          };
    }
    return {
      valid: 'unknown',
      code: 'KSP152',
      reason: `internal error in the temporal decision procedure: ${String(e)}`,
    };
  }
  const stats = { states: tableau.states.length, moves: tableau.moveCount, milliseconds: Date.now() - started };
  if (!run) return { valid: true, stats };
  const valuation = (m: Move): Valuation => new Map(atomNames.map((name, i) => [name, m.literals.get(i) === true]));
  const counterexample: Lasso = { prefix: run.prefix.map(valuation), loop: run.loop.map(valuation) };
  if (evaluateOnLasso(formula, counterexample)) {
    return {
      valid: 'unknown',
      code: 'KSP152',
      reason:
        'internal error: the temporal decision procedure produced a counterexample that does not refute the formula',
    };
  }
  return { valid: false, counterexample: shrink(formula, counterexample), stats };
}

/**
 * A shorter counterexample for people to read: drop states one at a time while the evaluator
 * still finds the formula false. Every candidate is re-checked, so this cannot make it wrong.
 */
function shrink(formula: Formula, lasso: Lasso): Lasso {
  let current = lasso;
  for (let changed = true; changed;) {
    changed = false;
    const candidates: Lasso[] = [
      ...current.prefix.map((_, i) => ({ prefix: current.prefix.filter((_, j) => j !== i), loop: current.loop })),
      ...(current.loop.length > 1
        ? current.loop.map((_, i) => ({ prefix: current.prefix, loop: current.loop.filter((_, j) => j !== i) }))
        : []),
    ];
    const shorter = candidates.find((candidate) => !evaluateOnLasso(formula, candidate));
    if (shorter) {
      current = shorter;
      changed = true;
    }
  }
  return current;
}

interface Edge {
  readonly from: number;
  readonly move: Move;
}

/** The moves of an accepting lasso-shaped run, or undefined if the automaton accepts nothing. */
function acceptingRun(tableau: Tableau): { prefix: Move[]; loop: Move[] } | undefined {
  const successors = (s: number): number[] => tableau.moves[s]!.map((m) => m.target);
  for (const component of stronglyConnectedComponents(tableau.states.length, successors)) {
    const inside = new Set(component);
    const internal: Edge[] = component.flatMap((from) =>
      tableau.moves[from]!.filter((m) => inside.has(m.target)).map((move) => ({ from, move })),
    );
    if (internal.length === 0) continue;
    const postponed = new Set(internal.flatMap((e) => e.move.postponed));
    const fulfilling: Edge[] = [];
    let accepting = true;
    for (const u of postponed) {
      const witness = internal.find((e) => !e.move.postponed.includes(u));
      if (!witness) {
        accepting = false;
        break;
      }
      fulfilling.push(witness);
    }
    if (!accepting) continue;
    const prefix = shortestPath(tableau, 0, component[0]!, () => true);
    const entry = prefix.length === 0 ? 0 : prefix[prefix.length - 1]!.target;
    const loop: Move[] = [];
    let at = entry;
    // Go round the component through every fulfilling move (or any internal move if none is
    // needed), then back to the entry state.
    for (const edge of fulfilling.length > 0 ? fulfilling : internal.slice(0, 1)) {
      loop.push(...shortestPath(tableau, at, edge.from, (s) => inside.has(s)), edge.move);
      at = edge.move.target;
    }
    loop.push(...shortestPath(tableau, at, entry, (s) => inside.has(s)));
    return { prefix, loop };
  }
  return undefined;
}

/** Moves of a shortest path from `from` to `to`, through states satisfying `allowed`. */
function shortestPath(tableau: Tableau, from: number, to: number, allowed: (s: number) => boolean): Move[] {
  const reachedBy = new Map<number, Edge | undefined>([[from, undefined]]);
  const queue = [from];
  for (let head = 0; head < queue.length; head++) {
    const s = queue[head]!;
    if (s === to) {
      const path: Move[] = [];
      for (let edge = reachedBy.get(s); edge; edge = reachedBy.get(edge.from)) path.push(edge.move);
      return path.reverse();
    }
    for (const move of tableau.moves[s]!) {
      if (reachedBy.has(move.target) || !allowed(move.target)) continue;
      reachedBy.set(move.target, { from: s, move });
      queue.push(move.target);
    }
  }
  throw new Error('internal error: no path inside a strongly connected component');
}
