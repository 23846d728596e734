// Golden laws: textbook and library temporal schemas that must be decided valid, and broken
// variants that must be rejected with a counterexample the independent evaluator confirms.
import { describe, expect, it } from 'vitest';
import { LIBRARY_SCHEMAS } from '../../bench/ptl.js';
import { atomsOf, decideValidity, evaluateOnLasso, parseFormula, type Formula } from '../../src/kernel/ptl/index.js';

const WF1_STEP = '[](p && n ==> X(p) || X(q)) && [](p && n && a ==> X(q))';

const VALID: readonly string[] = [
  // simple temporal logic
  '[]p ==> p',
  '[][]p <==> []p',
  '<><>p <==> <>p',
  'p ==> <>p',
  '[](p ==> q) && []p ==> []q',
  '[](p ==> q) ==> ([]p ==> []q)',
  '[](p && q) <==> []p && []q',
  '<>(p || q) <==> <>p || <>q',
  '<>[]p && <>[]q <==> <>[](p && q)',
  '[]<>p || []<>q <==> []<>(p || q)',
  '[]<>p && <>[]q ==> []<>(p && q)',
  '<>[]p ==> []<>p',
  '<>[]<>p <==> []<>p',
  '[]<>[]p <==> <>[]p',
  // duality
  '!<>p <==> []!p',
  '![]p <==> <>!p',
  '!X(p) <==> X(!p)',
  '!<>[]p <==> []<>!p',
  '!(p U q) <==> (!q U (!p && !q)) || []!q',
  // one-step unfolding and induction
  '[]p <==> p && X([]p)',
  '<>p <==> p || X(<>p)',
  'p U q <==> q || p && X(p U q)',
  'X(p && q) <==> X(p) && X(q)',
  '[]p ==> X(p)',
  '[](p ==> X(p)) && p ==> []p',
  '[](p ==> X(p)) && <>p ==> <>[]p',
  '[](p ==> []p) && <>p ==> <>[]p',
  'p U q ==> <>q',
  'p U (q U r) ==> <>r',
  '[]p && <>q ==> p U q',
  // leads-to calculus
  'p ~> p',
  '[](p ==> q) ==> (p ~> q)',
  '(p ~> q) && (q ~> r) ==> (p ~> r)',
  '(p ~> r) && (q ~> r) ==> (p || q ~> r)',
  '(p ~> q) ==> (p || r ~> q || r)',
  '(p ~> q || s) && (q ~> r || s) ==> (p ~> r || s)',
  '(p ~> q) && []<>p ==> []<>q',
  'p && (p ~> q) ==> <>q',
  '(p ~> q) ==> []([]!q ==> []!p)',
  '[]q ==> (p ~> []q)',
  '(p ~> q) && (q ~> r) && (r ~> s) ==> (p ~> s)',
  '(p ~> []q) && (p ~> []r) ==> (p ~> [](q && r))',
  '[](q && n ==> X(q)) && []n && (p ~> q) ==> (p ~> []q)',
  '(p2 ~> p1 || g) && (p1 ~> g) ==> (p2 || p1 ~> g)',
  // invariance and fairness rules
  'i && [](i && n ==> X(i)) && []n ==> []i',
  `${WF1_STEP} && [](p ==> enabled(a)) && WF(a) && [](a ==> enabled(a)) && []n ==> (p ~> q)`,
  `${WF1_STEP} && [](p ==> enabled(a)) && WF(a) && []n ==> (p ~> q)`,
  `${WF1_STEP} && [](p ==> enabled(a)) && SF(a) && []n ==> (p ~> q)`,
  `${WF1_STEP} && []([]p && []n && []f ==> <>enabled(a)) && SF(a) && []n && []f ==> (p ~> q)`,
  `${WF1_STEP} && []n && ([]p ~> a) ==> (p ~> q)`,
  '[](p && n ==> X(p) || X(q)) && []n ==> [](p ==> []p || <>q)',
  'SF(a) ==> WF(a)',
  'WF(a) && <>[]enabled(a) ==> []<>a',
  'SF(a) && []<>enabled(a) ==> []<>a',
  'WF(a) && [](a ==> enabled(a)) && <>[]!a ==> []<>!enabled(a)',
];

const INVALID: readonly string[] = [
  '[]<>p ==> <>[]p',
  'p ==> []p',
  '<>p ==> p',
  '<>p ==> []p',
  'X(p) ==> p',
  '<>[]p ==> []p',
  '<>p && <>q ==> <>(p && q)',
  '[]<>p && []<>q ==> []<>(p && q)',
  '[]<>p && []<>q ==> <>(p && q)',
  '<>[]p && []<>q ==> <>[](p && q)',
  '[](p || q) ==> []p || []q',
  '<>[](p || q) ==> <>[]p || <>[]q',
  '[]<>p ==> []<>(p && X(p))',
  '[]<>p ==> X(p)',
  '!([]<>p && []<>!p)',
  '[](p <==> X(!p)) ==> <>[]p',
  'p U q ==> []p',
  '<>q ==> p U q',
  'p U q <==> q U p',
  // induction without its base, or with a weaker step
  '[](p ==> X(p)) ==> []p',
  'p && [](p ==> X(X(p))) ==> []p',
  '[](p ==> X(p)) && <>p ==> []p',
  '[](i && n ==> X(i)) && []n ==> []i',
  'i && [](i && n ==> X(i)) && n ==> []i',
  // leads-to, wrongly used
  '(p ~> r) ==> (p ~> q) && (q ~> r)',
  '(p ~> q) ==> (q ~> p)',
  '(p ~> q) && (q ~> r) ==> (r ~> p)',
  '(p ~> q) ==> <>q',
  '(p ~> q) ==> [](p ==> q)',
  '(p ~> q) && (p ~> r) ==> (p ~> q && r)',
  '[](p ==> <>q) ==> [](p ==> X(<>q))',
  '(p2 ~> p1 || g) ==> (p2 ~> g)',
  '[](q && n ==> X(q)) && (p ~> q) ==> (p ~> []q)',
  '(p ~> q) && [](q ==> r) ==> (r ~> p)',
  // WF1 / SF1 with a premise missing or too weak
  `${WF1_STEP} && WF(a) && [](a ==> enabled(a)) && []n ==> (p ~> q)`,
  `${WF1_STEP} && (p ==> enabled(a)) && WF(a) && [](a ==> enabled(a)) && []n ==> (p ~> q)`,
  `${WF1_STEP} && [](p ==> enabled(a)) && [](a ==> enabled(a)) && []n ==> (p ~> q)`,
  `${WF1_STEP} && [](p ==> enabled(a)) && WF(a) && [](a ==> enabled(a)) && n ==> (p ~> q)`,
  `[](p && n && a ==> X(q)) && [](p ==> enabled(a)) && WF(a) && [](a ==> enabled(a)) && []n ==> (p ~> q)`,
  `[](p && n ==> X(p) || X(q)) && [](p ==> enabled(a)) && WF(a) && [](a ==> enabled(a)) && []n ==> (p ~> q)`,
  `${WF1_STEP} && []([]p && []n && []f ==> <>enabled(a)) && WF(a) && [](a ==> enabled(a)) && []n && []f ==> (p ~> q)`,
  `${WF1_STEP} && ([]p ~> a) ==> (p ~> q)`,
  'WF(a) ==> SF(a)',
  'WF(a) ==> []<>a',
  '[]<>enabled(a) && WF(a) && [](a ==> enabled(a)) ==> []<>a',
  'SF(a) && SF(b) ==> []<>a || []<>b',
  '[](a ==> enabled(a)) && []<>a ==> <>[]enabled(a)',
];

function decide(text: string): { formula: Formula; verdict: ReturnType<typeof decideValidity> } {
  const parsed = parseFormula(text);
  if (!parsed.ok) throw new Error(`bad test formula ${text}: ${parsed.message}`);
  return { formula: parsed.formula, verdict: decideValidity(parsed.formula) };
}

describe('PTL golden laws', () => {
  it('has enough laws of each kind', () => {
    expect(VALID.length).toBeGreaterThanOrEqual(40);
    expect(INVALID.length).toBeGreaterThanOrEqual(40);
  });

  it.each(VALID)('valid: %s', (text) => {
    expect(decide(text).verdict.valid).toBe(true);
  });

  it.each(LIBRARY_SCHEMAS.map(([name, text]) => [name, text]))('library schema %s is valid', (_name, text) => {
    expect(decide(text).verdict.valid).toBe(true);
  });

  it.each(INVALID)('invalid with a confirmed counterexample: %s', (text) => {
    const { formula, verdict } = decide(text);
    expect(verdict.valid).toBe(false);
    if (verdict.valid !== false) return;
    const { prefix, loop } = verdict.counterexample;
    expect(loop.length).toBeGreaterThan(0);
    for (const state of [...prefix, ...loop]) expect([...state.keys()].sort()).toEqual(atomsOf(formula));
    expect(evaluateOnLasso(formula, verdict.counterexample)).toBe(false);
  });
});
