// The four statement shapes the kernel's INDUCTION rule (rules.ts) proves outright. Each shape is
// matched by rebuilding it from the parts it is made of (the family body Q[k] and the other
// formulas) and comparing canonical keys, so only statements equal to a shape up to α-renaming
// and the normalisation of canonicalKey are accepted.
import type { Binder, Expr } from '../ir/index.js';
import { canonicalKey, freshBinder, levelOf, mkLeadsTo, mkLocalRef, mkLogic, node, substitute } from './terms.js';

const INT = { kind: 'int' } as const;

export type InductionShape = 'lattice' | 'countdown' | 'finite leads-to-always' | 'finite eventually-always';

const ref = (b: Binder, at: Expr): Expr => mkLocalRef(b, at.span);

const int = (v: bigint, at: Expr): Expr => node({ kind: 'int', value: v }, at.span, INT, 'constant');
const cmp = (op: '<' | '<=' | '>' | '>=', l: Expr, r: Expr): Expr => node({ kind: 'compare', op, left: l, right: r }, l.span);
const quant = (quantifier: 'forall' | 'exists', binder: Binder, body: Expr, domain?: Expr): Expr =>
  node({ kind: 'quant', quantifier, binder, ...(domain ? { domain } : {}), body }, body.span);
const always = (a: Expr): Expr => node({ kind: 'always', arg: a }, a.span);
const eventually = (a: Expr): Expr => node({ kind: 'eventually', arg: a }, a.span);

/** Q[t/k]: the family member at t. */
function at(body: Expr, k: Binder, t: Expr): Expr {
  return substitute(body, new Map([[k.id, { kind: 'expr', expr: t }]]));
}

const same = (a: Expr, b: Expr): boolean => canonicalKey(a) === canonicalKey(b);

/** `forall k: Int :: body` without a domain, or undefined. */
function intForall(e: Expr): { k: Binder; body: Expr } | undefined {
  return e.kind === 'quant' && e.quantifier === 'forall' && !e.domain && e.binder.type.kind === 'int' ? { k: e.binder, body: e.body } : undefined;
}

/**
 * LATTICE: (forall k: Int :: k >= 0 ==> (Q[k] ~> (R || exists j: Int :: 0 <= j && j < k && Q[j])))
 *          ==> ((exists k: Int :: k >= 0 && Q[k]) ~> R)
 */
function lattice(goal: Expr): boolean {
  if (goal.kind !== 'logic' || goal.op !== '==>' || goal.right.kind !== 'leadsTo') return false;
  const premise = intForall(goal.left);
  if (!premise || premise.body.kind !== 'logic' || premise.body.op !== '==>' || premise.body.right.kind !== 'leadsTo') return false;
  const { k } = premise;
  const q = premise.body.right.left;
  const r = goal.right.right;
  const j = { ...freshBinder(k), name: 'j' };
  const smaller = quant('exists', j, mkLogic('&&', mkLogic('&&', cmp('<=', int(0n, q), ref(j, q)), cmp('<', ref(j, q), ref(k, q))), at(q, k, ref(j, q))));
  const step = quant('forall', k, mkLogic('==>', cmp('>=', ref(k, q), int(0n, q)), mkLeadsTo(q, mkLogic('||', r, smaller))));
  const start = quant('exists', k, mkLogic('&&', cmp('>=', ref(k, q), int(0n, q)), q));
  return same(goal, mkLogic('==>', step, mkLeadsTo(start, r)));
}

/** COUNTDOWN: (forall n: Int :: n > 0 ==> (Q[n] ~> Q[n - 1])) ==> (forall n: Int :: n >= 0 ==> (Q[n] ~> Q[0])) */
function countdown(goal: Expr): boolean {
  if (goal.kind !== 'logic' || goal.op !== '==>') return false;
  const premise = intForall(goal.left);
  if (!premise || premise.body.kind !== 'logic' || premise.body.op !== '==>' || premise.body.right.kind !== 'leadsTo') return false;
  const { k } = premise;
  const q = premise.body.right.left;
  const n = ref(k, q);
  const minusOne = node({ kind: 'arith', op: '-', left: n, right: int(1n, q) }, q.span, INT, 'constant');
  const step = quant('forall', k, mkLogic('==>', cmp('>', n, int(0n, q)), mkLeadsTo(q, at(q, k, minusOne))));
  const all = quant('forall', k, mkLogic('==>', cmp('>=', n, int(0n, q)), mkLeadsTo(q, at(q, k, int(0n, q)))));
  return same(goal, mkLogic('==>', step, all));
}

/** A domain the finite shapes accept: a Set that is one value for the whole behaviour. */
export function finiteRigidDomain(d: Expr | undefined): boolean {
  return d !== undefined && d.type.kind === 'set' && levelOf(d) === 'constant';
}

/**
 * FINITE: (forall k in D :: P ~> []Q[k]) ==> (P ~> [](forall k in D :: Q[k]))
 *     and (forall k in D :: <>[]Q[k]) ==> <>[](forall k in D :: Q[k])
 */
function finite(goal: Expr): InductionShape | undefined {
  if (goal.kind !== 'logic' || goal.op !== '==>') return undefined;
  const premise = goal.left;
  if (premise.kind !== 'quant' || premise.quantifier !== 'forall' || !finiteRigidDomain(premise.domain)) return undefined;
  const { binder: k, body, domain } = premise;
  if (body.kind === 'leadsTo' && body.right.kind === 'always' && goal.right.kind === 'leadsTo') {
    const p = goal.right.left;
    const q = body.right.arg;
    const expected = mkLogic('==>', quant('forall', k, mkLeadsTo(p, always(q)), domain), mkLeadsTo(p, always(quant('forall', k, q, domain))));
    return same(goal, expected) ? 'finite leads-to-always' : undefined;
  }
  if (body.kind === 'eventually' && body.arg.kind === 'always') {
    const q = body.arg.arg;
    const expected = mkLogic('==>', quant('forall', k, eventually(always(q)), domain), eventually(always(quant('forall', k, q, domain))));
    return same(goal, expected) ? 'finite eventually-always' : undefined;
  }
  return undefined;
}

/** Which induction shape the goal is, if any. */
export function inductionShape(goal: Expr): InductionShape | undefined {
  if (lattice(goal)) return 'lattice';
  if (countdown(goal)) return 'countdown';
  return finite(goal);
}
