// Propositional temporal logic for the kernel: formulas over atoms, a decision procedure for
// validity over infinite traces with checked counterexample traces, and their display.
export {
  TRUE,
  FALSE,
  atom,
  not,
  and,
  or,
  implies,
  iff,
  next,
  always,
  eventually,
  until,
  leadsTo,
  weakFairness,
  strongFairness,
  enabledAtomName,
  actionAtoms,
  actionEnablement,
  atomsOf,
  formulaSize,
  canonicalText,
  type Formula,
  type UnaryKind,
  type BinaryKind,
} from './formula.js';
export { evaluateOnLasso, type Lasso, type Valuation } from './lasso.js';
export {
  decideValidity,
  decideEntailment,
  DEFAULT_BUDGET,
  type Budget,
  type Verdict,
  type DecisionStats,
} from './decide.js';
export { formatFormula, formatLasso, formatAtomName } from './print.js';
export { parseFormula, type ParseResult } from './parse.js';
