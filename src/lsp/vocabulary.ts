// kspec's fixed vocabulary, as editors offer and colour it.
import { keywordTokens } from '../../grammar/tokens.js';
import { BUILTIN_SIGNATURES, BUILTIN_SYNTAX, type BuiltinOp } from '../ir/index.js';

/** The reserved words, spelled as written (`Forall` → `forall`). */
export const KEYWORDS: ReadonlySet<string> = new Set(keywordTokens.map((t) => t.name.toLowerCase()));

export const PREDEFINED_TYPES: readonly string[] = ['Bool', 'Int', 'String', 'Seq', 'Set', 'Map', 'Option', 'Pred', 'Action', 'Formula'];
export const PREDEFINED_VALUES: readonly string[] = ['Some', 'None', 'WF', 'SF', 'enabled'];
export const BUILTIN_RULES: Readonly<Record<string, string>> = {
  invariant: 'inductive invariant: Init ⇒ P and P ∧ Next ⇒ P′',
  smt: 'first-order, by the SMT solver',
  wf1: 'wf1(a): P ~> Q from weak fairness of a',
  sf1: 'sf1(a): P ~> Q from strong fairness of a',
  rank: 'rank(e, step): well-founded induction on an Int measure',
  drain: 'drain(progress): [](([]H) ==> <>[](forall m in S :: Q)) when no step adds a bad element and each one leaves',
  stable: 'stable: [](P ==> []P)',
  ptl: 'ptl(facts…): propositional temporal logic',
};

export interface Method {
  readonly name: string;
  /** e.g. `S.add(x)`, with argument and result types */
  readonly detail: string;
}

/** Methods of Seq, Set, Map and String, from the built-in table every back end implements. */
export function methodsOf(kind: 'seq' | 'set' | 'map' | 'string'): Method[] {
  const out: Method[] = [];
  for (const [op, syntax] of Object.entries(BUILTIN_SYNTAX) as [BuiltinOp, string][]) {
    if (!op.startsWith(`${kind}.`)) continue;
    const m = /^\w+\.(\w+)\(/.exec(syntax);
    if (!m) continue;
    const sig = BUILTIN_SIGNATURES[op];
    out.push({ name: m[1]!, detail: `${syntax}: (${sig.args.join(', ')}) -> ${sig.result}` });
  }
  return out;
}
