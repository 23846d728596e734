// The PTL module's interface: hash-consing, printing and reading, the lasso evaluator,
// entailment, budgets and the shape of counterexamples.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeCode } from '../../src/diagnostics/index.js';
import {
  actionAtoms,
  actionEnablement,
  always,
  and,
  atom,
  canonicalText,
  decideEntailment,
  decideValidity,
  evaluateOnLasso,
  eventually,
  formatFormula,
  formatLasso,
  implies,
  leadsTo,
  next,
  not,
  or,
  parseFormula,
  strongFairness,
  until,
  weakFairness,
  type Formula,
  type Lasso,
} from '../../src/kernel/ptl/index.js';
import { arbitraryFormula } from './ptl-arbitrary.js';

const [p, q, r] = [atom('p'), atom('q'), atom('r')];

function parse(text: string): Formula {
  const result = parseFormula(text);
  if (!result.ok) throw new Error(result.message);
  return result.formula;
}

const states = (...rows: Record<string, boolean>[]): Map<string, boolean>[] =>
  rows.map((row) => new Map(Object.entries(row)));

describe('PTL formulas', () => {
  it('are hash-consed: equal structure is the same object', () => {
    expect(and(p, or(q, not(r)))).toBe(and(atom('p'), or(atom('q'), not(atom('r')))));
    expect(leadsTo(p, q)).toBe(always(implies(p, eventually(q))));
    expect(and(p, q)).not.toBe(and(q, p));
    expect(atom('__proto__')).toBe(atom('__proto__'));
  });

  it('have a canonical text that tells formulas apart', () => {
    expect(canonicalText(until(p, next(q)))).toBe('(until "p" (next "q"))');
    expect(canonicalText(atom('a b'))).not.toBe(canonicalText(and(atom('a'), atom('b'))));
  });

  it('encode actions and fairness over `a` and `enabled(a)`', () => {
    const { taken, enabled } = actionAtoms('tick');
    expect(formatFormula(weakFairness(enabled, taken))).toBe('WF(tick)');
    expect(formatFormula(strongFairness(enabled, taken))).toBe('SF(tick)');
    expect(formatFormula(actionEnablement('tick'))).toBe('[](tick ==> enabled(tick))');
    expect(parse('WF(tick)')).toBe(weakFairness(enabled, taken));
  });
});

describe('printing and reading', () => {
  it.each([
    ['[](p ==> <>q)', 'p ~> q'],
    ['(p ~> q) && (q ~> r) ==> (p ~> r)', '(p ~> q) && (q ~> r) ==> p ~> r'],
    ['p && (q || r)', 'p && (q || r)'],
    ['(p ==> q) ==> r', '(p ==> q) ==> r'],
    ['p ==> q ==> r', 'p ==> q ==> r'],
    ['!(p && q)', '!(p && q)'],
    ['[]<>!p', '[]<>!p'],
    ['p U (q U r)', 'p U (q U r)'],
    ['X(p || q) <==> X(p) || X(q)', 'X(p || q) <==> X(p) || X(q)'],
    ['"n < LIMIT" && "X"', '"n < LIMIT" && "X"'],
  ])('%s prints as %s', (text, printed) => {
    expect(formatFormula(parse(text))).toBe(printed);
  });

  it('reads back what it prints, for every formula', () => {
    const atoms = ['p', 'q', 'enabled(a)', 'a', 'n < LIMIT', '__proto__', 'X', 'U', 'say "hi"\n'];
    fc.assert(
      fc.property(arbitraryFormula(atoms, 1, 14), (f) => {
        expect(parse(formatFormula(f))).toBe(f);
      }),
      { numRuns: 2_000 },
    );
  });

  it('reports malformed schemas as values with an offset', () => {
    expect(parseFormula('p &&')).toEqual({ ok: false, message: 'unexpected end of formula', offset: 4 });
    expect(parseFormula('p $ q')).toMatchObject({ ok: false, offset: 2 });
    expect(parseFormula('(p')).toMatchObject({ ok: false, message: "expected ')'" });
    expect(parseFormula('"bad\\q"')).toMatchObject({ ok: false, message: 'malformed quoted atom name' });
    expect(parseFormula('p q')).toMatchObject({ ok: false, message: "unexpected 'q'" });
  });

  it('shows a lasso state by state', () => {
    const lasso: Lasso = {
      prefix: states({ p: true, q: false }),
      loop: states({ p: false, q: false }, { p: false, q: true }),
    };
    expect(formatLasso(lasso)).toEqual([
      'state 0: p=true q=false',
      'state 1: p=false q=false',
      'state 2: p=false q=true',
      'loop back to state 1',
    ]);
  });
});

describe('the lasso evaluator', () => {
  const alternating: Lasso = { prefix: [], loop: states({ p: true }, { p: false }) };
  const settles: Lasso = { prefix: states({ p: false }, { p: false }), loop: states({ p: true }) };

  it('follows the semantics on infinite traces', () => {
    expect(evaluateOnLasso(parse('[]<>p && []<>!p'), alternating)).toBe(true);
    expect(evaluateOnLasso(parse('<>[]p'), alternating)).toBe(false);
    expect(evaluateOnLasso(parse('<>[]p && !p && X(!p) && X(X(p))'), settles)).toBe(true);
    expect(evaluateOnLasso(parse('!p U p'), settles)).toBe(true);
    expect(evaluateOnLasso(parse('p U !p'), alternating)).toBe(true);
    expect(evaluateOnLasso(parse('X(p) U !p'), settles)).toBe(true);
    expect(evaluateOnLasso(parse('!p U X(X(X(!p)))'), settles)).toBe(false);
    expect(evaluateOnLasso(parse('[](p ==> X(!p))'), alternating)).toBe(true);
    expect(evaluateOnLasso(parse('q'), settles)).toBe(false); // absent atoms are false
  });
});

describe('deciding entailment', () => {
  it('proves what follows from the facts', () => {
    expect(decideEntailment([leadsTo(p, q), leadsTo(q, r)], leadsTo(p, r)).valid).toBe(true);
    expect(decideEntailment([], implies(always(p), p)).valid).toBe(true);
  });

  it('refutes with a trace on which every fact holds and the goal fails', () => {
    const facts = [leadsTo(p, q), always(eventually(p))];
    const goal = eventually(always(q));
    const verdict = decideEntailment(facts, goal);
    expect(verdict.valid).toBe(false);
    if (verdict.valid !== false) return;
    for (const fact of facts) expect(evaluateOnLasso(fact, verdict.counterexample)).toBe(true);
    expect(evaluateOnLasso(goal, verdict.counterexample)).toBe(false);
  });

  it('shows WF1 without its enabledness premise failing on a readable trace', () => {
    const verdict = decideValidity(
      parse(
        '[](p && n ==> X(p) || X(q)) && [](p && n && a ==> X(q)) && WF(a) && [](a ==> enabled(a)) && []n ==> (p ~> q)',
      ),
    );
    expect(verdict.valid).toBe(false);
    if (verdict.valid !== false) return;
    expect(formatLasso(verdict.counterexample)).toEqual([
      'state 0: a=false enabled(a)=false n=true p=true q=false',
      'loop back to state 0',
    ]);
  });
});

describe('budgets', () => {
  // Fresh atoms per test, so that no verdict comes from the cache.
  const chain = (prefix: string, length: number): Formula => {
    const ps = Array.from({ length: length + 1 }, (_, i) => atom(`${prefix}${i}`));
    return implies(and(...ps.slice(1).map((pi, i) => leadsTo(ps[i]!, pi))), leadsTo(ps[0]!, ps[length]!));
  };

  it('gives up with KSP150 when the tableau outgrows the size budget, and does not cache that', () => {
    const f = chain('size', 4);
    expect(decideValidity(f, { maxStates: 5 })).toMatchObject({ valid: 'unknown', code: 'KSP150' });
    expect(decideValidity(f, { maxBranches: 10 })).toMatchObject({ valid: 'unknown', code: 'KSP150' });
    expect(decideValidity(f).valid).toBe(true);
  });

  it('gives up with KSP151 when out of time', () => {
    expect(decideValidity(chain('time', 4), { timeLimitMs: 0 })).toMatchObject({ valid: 'unknown', code: 'KSP151' });
  });

  it('has registered its diagnostic codes', () => {
    for (const code of ['KSP150', 'KSP151', 'KSP152'] as const) expect(describeCode(code)).toMatch(/temporal/);
  });
});
