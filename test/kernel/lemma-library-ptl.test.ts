// The temporal lemma library (lemmas/temporal.kspec) checked independently of the kernel: every
// lemma has a hand-written propositional skeleton below, which must
//   1. say the same as the lemma's kspec statement (translated here by a small reader of the
//      statement's syntax tree, with families expanded over a small finite domain),
//   2. be valid according to the decision procedure, and
//   3. hold on every lasso over its atoms up to a small length, and on random longer lassos.
// Skeletons use the PTL text syntax: `X(p)` is the kspec `p'`; an action `a` and `enabled(a)` are
// atoms, and every check adds the kernel's background fact `[](a ==> enabled(a))`. A family
// member `q(k)` is the atom `q<k>` (`q0`, `q1`, …); a family's quantifier ranges over DOMAIN and
// an Int parameter `n` is 1. (The propositional lemmas over families hold over every domain; a
// small one is a sanity check of the statement.) The four lemmas that need induction are stated
// without proof in the library; only their finite instances are checked here.
import * as fs from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  FALSE,
  TRUE,
  actionAtoms,
  actionEnablement,
  always,
  and,
  atom,
  atomsOf,
  decideValidity,
  evaluateOnLasso,
  eventually,
  iff,
  implies,
  leadsTo,
  next,
  not,
  or,
  parseFormula,
  strongFairness,
  weakFairness,
  type Formula,
  type Lasso,
  type Valuation,
} from '../../src/kernel/ptl/index.js';
import { parseModule, type Expr, type TheoremDecl } from '../../src/syntax/index.js';
import { lassos } from './ptl-oracle.js';

const LIBRARY = new URL('../../lemmas/temporal.kspec', import.meta.url);
const DOMAIN = [0, 1, 2];
const INT_PARAM_VALUE = 1;
/** most lassos enumerated per lemma: the length bound is the largest that stays below it */
const LASSO_BUDGET = 12_000;

const all = (body: (k: number) => string, domain = DOMAIN): string => `(${domain.map((k) => `(${body(k)})`).join(' && ')})`;
const any = (body: (k: number) => string, domain = DOMAIN): string => `(${domain.map((k) => `(${body(k)})`).join(' || ')})`;
const RANK_DOMAIN = [0, 1, 2, 3];

/** Lemma name → its propositional skeleton, written by hand from the statement. */
const SKELETONS: Readonly<Record<string, string>> = {
  always_weaken: '[]p && [](p ==> q) ==> []q',
  always_and_equality: '[](p && q) <==> []p && []q',
  always_and: '[]p && []q ==> [](p && q)',
  always_double_equality: '[][]p <==> []p',
  always_elim: '[]p ==> p',
  p_and_always_p_equality: 'p && []p <==> []p',
  always_to_always_later: '[]p ==> []X(p)',
  always_is_stable: '[]p ==> [][]p',
  always_implies_eventually: '[]p ==> <>p',
  implies_eventually: 'p ==> <>p',
  eventually_true: '<>true',
  eventually_weaken: '<>p && [](p ==> q) ==> <>q',
  eventually_or_equality: '<>(p || q) <==> <>p || <>q',
  not_eventually_equality: '!<>p <==> []!p',
  always_and_eventually: '[]p && <>q ==> <>(p && q)',
  eventually_always_and_equality: '<>[]p && <>[]q <==> <>[](p && q)',
  eventually_always_weaken: '<>[]p && <>[]q && [](p && q ==> r) ==> <>[]r',
  true_leads_to_always_equality: '(true ~> []p) <==> <>[]p',
  always_implies_trans: '[](p ==> q) && [](q ==> r) ==> [](p ==> r)',
  always_implies_weaken: '[](p2 ==> p1) && [](p1 ==> q1) && [](q1 ==> q2) ==> [](p2 ==> q2)',
  always_implies_and: '[](p1 ==> p2) && [](q1 ==> q2) ==> [](p1 && q1 ==> p2 && q2)',
  always_implies_framed_by_and: '[](q1 ==> q2) ==> [](p && q1 ==> p && q2)',
  always_implies_preserved_by_always: '[](p ==> q) ==> []([]p ==> []q)',
  always_implies_from_always: '[]q ==> [](p ==> q)',
  implies_apply: '[](p ==> q) && p ==> q',
  init_invariant: 'start && [](start ==> inv) && [](inv && next ==> X(inv)) && []next ==> []inv',
  next_to_stable: '[](p && next ==> X(p)) && []next ==> [](p ==> []p)',
  stable_to_always: '[](p ==> []p) && p ==> []p',
  stable_and: '[](p ==> []p) && [](q ==> []q) ==> [](p && q ==> [](p && q))',
  strengthen_next: '[]next && []inv ==> [](next && inv && X(inv))',
  leads_to_self: 'p ~> p',
  implies_to_leads_to: '[](p ==> q) ==> (p ~> q)',
  leads_to_trans: '(p ~> q) && (q ~> r) ==> (p ~> r)',
  leads_to_weaken: '[](p2 ==> p1) && (p1 ~> q1) && [](q1 ==> q2) ==> (p2 ~> q2)',
  leads_to_weaken_premise: '(p ~> q) ==> (p && r ~> q)',
  leads_to_or: '(p ~> r) && (q ~> r) ==> (p || q ~> r)',
  leads_to_case_split: '[](p ==> q || r) && (q ~> s) && (r ~> s) ==> (p ~> s)',
  leads_to_apply: 'p && (p ~> q) ==> <>q',
  leads_to_by_borrowing_inv: '(p && c ~> q) && []c ==> (p ~> q)',
  leads_to_unpack_condition: 's && [](s ==> []s) && [](s && c ==> (p ~> q)) ==> (p && c ~> q)',
  leads_to_is_stable: '(p ~> q) ==> [](p ~> q)',
  leads_to_contraposition: '(p ~> q) ==> []([]!q ==> []!p)',
  leads_to_framed_by_or: '(p ~> q) ==> (p || r ~> q || r)',
  leads_to_shortcut: '(p ~> q || s) && (q ~> r || s) ==> (p ~> r || s)',
  leads_to_with_always: '(p ~> q) ==> (p && []c ~> q && []c)',
  vacuous_leads_to: '[]r && []!(p && r) ==> (p ~> q)',
  false_leads_to_anything: 'false ~> q',
  leads_to_trans_with_condition: '(p ~> q && r) && (q && r ~> s) ==> (p ~> s)',
  leads_to_stable: '[](q && next ==> X(q)) && []next && (p ~> q) ==> (p ~> []q)',
  leads_to_stable_with_inv: '[](q && c && next ==> X(q)) && []c && []next && (p ~> q) ==> (p ~> []q)',
  leads_to_always_combine: '(p ~> []q) && (p ~> []r) ==> (p ~> [](q && r))',
  leads_to_always_combine_split: '(p ~> []q) && (p ~> []r) ==> (p ~> []q && []r)',
  leads_to_always_enhance: '[]inv && (p ~> []q1) && [](q1 && inv ==> q2) ==> (p ~> []q2)',
  always_leads_to_always: '[]q ==> (p ~> []q)',
  leads_to_eliminate_always: '(p ~> []q) ==> (p ~> q)',
  always_leads_to_always_and: '([]p1 ~> []q1) && ([]p2 ~> []q2) ==> ([](p1 && p2) ~> [](q1 && q2))',
  leads_to_always_trans: '(p ~> []q) && ([]q ~> []r) ==> (p ~> []r)',
  wf1:
    '[](p && next ==> X(p) || X(q)) && [](p && next && a ==> X(q)) && [](p ==> enabled(a)) && []next && WF(a) ==> (p ~> q)',
  wf1_variant: '[](p && next ==> X(p) || X(q)) && [](p && next && a ==> X(q)) && []next && ([]p ~> a) ==> (p ~> q)',
  wf1_borrow_inv:
    '[](p && c && next ==> X(p) || X(q)) && [](p && c && next && a ==> X(q)) && [](p && c ==> enabled(a)) && []c && []next && WF(a) ==> (p ~> q)',
  wf1_variant_borrow_inv:
    '[](p && c && next ==> X(p) || X(q)) && [](p && c && next && a ==> X(q)) && []c && []next && ([](p && c) ~> a) ==> (p ~> q)',
  sf1: '[](p && next ==> X(p) || X(q)) && [](p && next && a ==> X(q)) && (p ~> enabled(a)) && []next && SF(a) ==> (p ~> q)',
  wf_equality: 'WF(a) <==> ([]enabled(a) ~> a)',
  sf_implies_wf: 'SF(a) ==> WF(a)',
  wf_apply: 'WF(a) && []enabled(a) ==> <>a',
  leads_to_exists_intro: `${all((k) => `q${k} ~> r`)} ==> (${any((k) => `q${k}`)} ~> r)`,
  forall_leads_to_equality: `${all((k) => `q${k} ~> r`)} <==> (${any((k) => `q${k}`)} ~> r)`,
  leads_to_exists_pointwise: `${all((k) => `q${k} ~> r${k}`)} ==> (${any((k) => `q${k}`)} ~> ${any((k) => `r${k}`)})`,
  forall_always_equality: `${all((k) => `[]q${k}`)} <==> []${all((k) => `q${k}`)}`,
  forall_apply: `${all((k) => `q${k}`)} ==> q1`,
  always_forall_apply: `[]${all((k) => `q${k}`)} ==> []q1`,
  exists_intro: `q1 ==> ${any((k) => `q${k}`)}`,
  always_implies_forall_intro: `${all((k) => `[](p ==> q${k})`)} ==> [](p ==> ${all((k) => `q${k}`)})`,
  forall_not_equality: `${all((k) => `!q${k}`)} <==> !${any((k) => `q${k}`)}`,
  forall_or_equality: `${all((k) => `q${k} || p`)} <==> ${all((k) => `q${k}`)} || p`,
  exists_and_equality: `${any((k) => `q${k} && p`)} <==> ${any((k) => `q${k}`)} && p`,
  forall_and_equality: `${all((k) => `q${k} && p`)} <==> ${all((k) => `q${k}`)} && p`,
  exists_or_equality: `${any((k) => `q${k} || p`)} <==> ${any((k) => `q${k}`)} || p`,
  forall_implies_left_equality: `${all((k) => `q${k} ==> p`)} <==> (${any((k) => `q${k}`)} ==> p)`,
  forall_implies_right_equality: `${all((k) => `p ==> q${k}`)} <==> (p ==> ${all((k) => `q${k}`)})`,
  exists_implies_equality: `${any((k) => `p ==> q${k}`)} <==> (p ==> ${any((k) => `q${k}`)})`,
  forall_always_implies_equality: `${all((k) => `[](p ==> q${k})`)} <==> [](p ==> ${all((k) => `q${k}`)})`,
  forall_leads_to_always: `(p ~> []${all((k) => `q${k}`)}) ==> ${all((k) => `p ~> []q${k}`)}`,
};

/**
 * Finite instances of the lemmas the library proves by the kernel's induction rule (`proof by
 * rank`, not propositional): the finite-domain lemmas over DOMAIN, the ranking lemmas over RANK_DOMAIN.
 */
const INDUCTION_INSTANCES: Readonly<Record<string, { readonly text: string; readonly domain: readonly number[] }>> = {
  leads_to_always_forall: {
    text: `${all((k) => `p ~> []q${k}`)} ==> (p ~> []${all((k) => `q${k}`)})`,
    domain: DOMAIN,
  },
  eventually_always_forall: { text: `${all((k) => `<>[]q${k}`)} ==> <>[]${all((k) => `q${k}`)}`, domain: DOMAIN },
  leads_to_rank: {
    text: `${all((k) => `q${k} ~> r || false || ${RANK_DOMAIN.filter((j) => j < k).map((j) => `q${j}`).join(' || ') || 'false'}`, RANK_DOMAIN)} ==> (${any((k) => `q${k}`, RANK_DOMAIN)} ~> r)`,
    domain: RANK_DOMAIN,
  },
  leads_to_rank_step_one: {
    text: `${all((k) => (k > 0 ? `q${k} ~> q${k - 1}` : 'true'), RANK_DOMAIN)} ==> ${all((k) => `q${k} ~> q0`, RANK_DOMAIN)}`,
    domain: RANK_DOMAIN,
  },
};

function parse(text: string): Formula {
  const result = parseFormula(text);
  if (!result.ok) throw new Error(`${result.message} at ${result.offset} in ${text}`);
  return result.formula;
}

/** The skeleton with the kernel's background facts `[](a ==> enabled(a))` for its actions. */
function withBackground(skeleton: Formula): Formula {
  const actions = atomsOf(skeleton)
    .map((name) => /^enabled\((.+)\)$/.exec(name)?.[1])
    .filter((a): a is string => a !== undefined);
  return actions.length === 0 ? skeleton : implies(and(...actions.map(actionEnablement)), skeleton);
}

// ---------------------------------------------------------------------------------------------
// A reader from lemma statements to PTL, independent of the kernel: parameters become atoms,
// `p'` next-time, a family member `q(k)` the atom `q<k>`, quantifiers are expanded over their
// finite stand-in domain, and Int arithmetic on bound values is evaluated.

type Value = { readonly kind: 'int'; readonly value: number } | { readonly kind: 'formula'; readonly formula: Formula };
type Env = ReadonlyMap<string, number>;

const formulaValue = (formula: Formula): Value => ({ kind: 'formula', formula });

function translate(e: Expr, env: Env, domain: readonly number[]): Value {
  const f = (x: Expr): Formula => {
    const v = translate(x, env, domain);
    if (v.kind !== 'formula') throw new Error('expected a formula');
    return v.formula;
  };
  const n = (x: Expr): number => {
    const v = translate(x, env, domain);
    if (v.kind !== 'int') throw new Error('expected an Int');
    return v.value;
  };
  switch (e.kind) {
    case 'bool':
      return formulaValue(e.value ? TRUE : FALSE);
    case 'int':
      return { kind: 'int', value: Number(e.value) };
    case 'name': {
      const bound = env.get(e.name.text);
      return bound === undefined ? formulaValue(atom(e.name.text)) : { kind: 'int', value: bound };
    }
    case 'paren':
      return translate(e.inner, env, domain);
    case 'prime':
      return formulaValue(next(f(e.target)));
    case 'unary':
      switch (e.op) {
        case '!':
          return formulaValue(not(f(e.arg)));
        case '[]':
          return formulaValue(always(f(e.arg)));
        case '<>':
          return formulaValue(eventually(f(e.arg)));
        case '-':
          return { kind: 'int', value: -n(e.arg) };
      }
      break;
    case 'binary': {
      const [l, r] = [e.left, e.right];
      switch (e.op) {
        case '<==>':
          return formulaValue(iff(f(l), f(r)));
        case '==>':
          return formulaValue(implies(f(l), f(r)));
        case '~>':
          return formulaValue(leadsTo(f(l), f(r)));
        case '||':
          return formulaValue(or(f(l), f(r)));
        case '&&':
          return formulaValue(and(f(l), f(r)));
        case '+':
          return { kind: 'int', value: n(l) + n(r) };
        case '-':
          return { kind: 'int', value: n(l) - n(r) };
        case '<':
          return formulaValue(n(l) < n(r) ? TRUE : FALSE);
        case '<=':
          return formulaValue(n(l) <= n(r) ? TRUE : FALSE);
        case '>':
          return formulaValue(n(l) > n(r) ? TRUE : FALSE);
        case '>=':
          return formulaValue(n(l) >= n(r) ? TRUE : FALSE);
        default:
          break;
      }
      break;
    }
    case 'call': {
      if (e.callee.kind !== 'name' || e.args.length !== 1) break;
      const callee = e.callee.name.text;
      const arg = e.args[0]!;
      if (callee === 'WF' || callee === 'SF' || callee === 'enabled') {
        if (arg.kind !== 'name') break;
        const { taken, enabled } = actionAtoms(arg.name.text);
        if (callee === 'enabled') return formulaValue(enabled);
        return formulaValue(callee === 'WF' ? weakFairness(enabled, taken) : strongFairness(enabled, taken));
      }
      const k = n(arg);
      return formulaValue(atom(`${callee}${k < 0 ? `m${-k}` : k}`));
    }
    case 'quant': {
      let instances: Env[] = [env];
      for (const b of e.binders) {
        instances = instances.flatMap((outer) => domain.map((k) => new Map([...outer, [b.name.text, k]])));
      }
      const bodies = instances.map((inner) => {
        const v = translate(e.body, inner, domain);
        if (v.kind !== 'formula') throw new Error('expected a formula');
        return v.formula;
      });
      return formulaValue(e.quantifier === 'forall' ? and(...bodies) : or(...bodies));
    }
    default:
      break;
  }
  throw new Error(`the lemma reader does not handle this ${e.kind} expression`);
}

function statementFormula(lemma: TheoremDecl, domain: readonly number[]): Formula {
  const env = new Map(
    lemma.params
      .filter((p) => p.type.kind === 'named' && p.type.path.parts[0]!.text === 'Int')
      .map((p) => [p.name.text, INT_PARAM_VALUE] as const),
  );
  const v = translate(lemma.formula, env, domain);
  if (v.kind !== 'formula') throw new Error('a lemma states a formula');
  return v.formula;
}

// ---------------------------------------------------------------------------------------------

function readLibrary(): TheoremDecl[] {
  const parsed = parseModule(fs.readFileSync(LIBRARY, 'utf8'), 'lemmas/temporal.kspec');
  expect(parsed.diagnostics).toEqual([]);
  return parsed.ast!.decls.filter((d): d is TheoremDecl => d.kind === 'lemma');
}

function lassoLengthWithinBudget(atomCount: number): number {
  const letters = 2 ** atomCount;
  let total = 0;
  let length = 0;
  while (length < 8) {
    const more = letters ** (length + 1) * (length + 1);
    if (total + more > LASSO_BUDGET) break;
    total += more;
    length++;
  }
  return Math.max(length, 1);
}

function arbitraryLasso(atoms: readonly string[]): fc.Arbitrary<Lasso> {
  const valuation = fc
    .array(fc.boolean(), { minLength: atoms.length, maxLength: atoms.length })
    .map((bits): Valuation => new Map(atoms.map((a, i) => [a, bits[i]!])));
  return fc.record({
    prefix: fc.array(valuation, { maxLength: 6 }),
    loop: fc.array(valuation, { minLength: 1, maxLength: 6 }),
  });
}

const lemmas = readLibrary();
const byName = new Map(lemmas.map((l) => [l.name.text, l]));
const provedBy = (rule: string): TheoremDecl[] => lemmas.filter((l) => l.proof?.kind === 'by' && l.proof.justification.name.parts[0]!.text === rule);
const provedByPtl = provedBy('ptl');

describe('the temporal lemma library', () => {
  it('has a skeleton for exactly the lemmas it proves by ptl, and a finite instance for those it proves by induction', () => {
    expect(lemmas.length).toBeGreaterThanOrEqual(45);
    expect(Object.keys(SKELETONS).sort()).toEqual(provedByPtl.map((l) => l.name.text).sort());
    const byInduction = provedBy('rank').map((l) => l.name.text);
    expect(Object.keys(INDUCTION_INSTANCES).sort()).toEqual(byInduction.sort());
    expect(provedByPtl.length + byInduction.length).toBe(lemmas.length);
  });
});

describe.each([
  ...Object.entries(SKELETONS).map(([name, text]) => ({ name, text, domain: DOMAIN })),
  ...Object.entries(INDUCTION_INSTANCES).map(([name, { text, domain }]) => ({ name, text, domain })),
])('lemma $name', ({ name, text, domain }) => {
  const skeleton = parse(text);
  const checked = withBackground(skeleton);

  it('has the skeleton its kspec statement says', () => {
    const lemma = byName.get(name);
    expect(lemma, `lemma ${name} is in lemmas/temporal.kspec`).toBeDefined();
    const stated = statementFormula(lemma!, domain);
    expect(decideValidity(iff(stated, skeleton)).valid).toBe(true);
  });

  it('is valid in propositional temporal logic', () => {
    expect(decideValidity(checked).valid).toBe(true);
  });

  it('holds on every small lasso and on random longer ones', () => {
    const atoms = atomsOf(checked);
    const maxLength = lassoLengthWithinBudget(atoms.length);
    for (const lasso of lassos(atoms, maxLength)) {
      if (!evaluateOnLasso(checked, lasso)) expect.fail(`${name} is false on a lasso of length ${maxLength}`);
    }
    fc.assert(
      fc.property(arbitraryLasso(atoms), (lasso) => evaluateOnLasso(checked, lasso)),
      { numRuns: 150 },
    );
  });
});

describe('docs/lemmas.md', () => {
  const docs = fs.readFileSync(new URL('../../docs/lemmas.md', import.meta.url), 'utf8');

  it('names only lemmas of the library in its "ours" columns, and mentions every lemma', () => {
    const named: string[] = [];
    let column = -1;
    for (const line of docs.split('\n')) {
      const cells = line.split(' | ');
      if (!line.startsWith('|')) column = -1;
      else if (column < 0) column = cells.findIndex((c) => c.includes('ours (`temporal.`)'));
      else if (!line.startsWith('|---')) named.push(...[...(cells[column] ?? '').matchAll(/`([a-z_0-9]+)`/g)].map((m) => m[1]!));
    }
    expect(named.length).toBeGreaterThan(80);
    expect(named.filter((n) => !byName.has(n))).toEqual([]);
    expect(lemmas.map((l) => l.name.text).filter((n) => !named.includes(n))).toEqual([]);
  });
});

describe('the skeleton checks reject wrong lemmas', () => {
  // The same machinery on near-misses: dropping a premise of WF1, or the invariant of borrowing.
  it.each([
    '[](p && next ==> X(p) || X(q)) && [](p && next && a ==> X(q)) && []next && WF(a) ==> (p ~> q)',
    '(p && c ~> q) ==> (p ~> q)',
    '(p ~> []q) && (p ~> <>r) ==> (p ~> []q && r)',
    '[]p ==> [](X(p) && !p)',
  ])('%s is refuted by the procedure and by a small lasso', (text) => {
    const checked = withBackground(parse(text));
    expect(decideValidity(checked).valid).toBe(false);
    const atoms = atomsOf(checked);
    const refuted = [...lassos(atoms, lassoLengthWithinBudget(atoms.length))].some((l) => !evaluateOnLasso(checked, l));
    expect(refuted).toBe(true);
  });
});
