// Generic traversal of IR expressions, so that back ends do not each keep their own copy of the
// list of which node kinds have which sub-expressions.
import type { Binder, Expr } from './types.js';

/** The direct sub-expressions of an expression, in source order (binders and arms' patterns are not expressions). */
export function exprChildren(e: Expr): readonly Expr[] {
  switch (e.kind) {
    case 'bool':
    case 'int':
    case 'string':
    case 'ref':
    case 'none':
      return [];
    case 'prime':
    case 'not':
    case 'neg':
    case 'some':
    case 'is':
    case 'always':
    case 'eventually':
    case 'enabled':
    case 'fairness':
      return [e.arg];
    case 'call':
    case 'apply':
    case 'builtin':
    case 'ctor':
      return e.args;
    case 'logic':
    case 'arith':
    case 'compare':
    case 'eq':
    case 'leadsTo':
      return [e.left, e.right];
    case 'seqLit':
    case 'setLit':
    case 'tuple':
      return e.elems;
    case 'mapLit':
      return e.entries.flatMap((x) => [x.key, x.value]);
    case 'tupleGet':
      return [e.tuple];
    case 'record':
      return e.fields;
    case 'field':
      return [e.target];
    case 'with':
      return [e.target, ...e.updates.map((u) => u.value)];
    case 'match':
      return [e.scrutinee, ...e.arms.map((a) => a.body)];
    case 'if':
      return [e.cond, e.then, e.else];
    case 'let':
      return [e.value, e.body];
    case 'quant':
      return e.domain ? [e.domain, e.body] : [e.body];
    case 'setFilter':
      return [e.source, e.pred];
    case 'setImage':
      return [e.source, e.body];
    case 'mapComp':
      return [e.domain, e.body];
    case 'action':
      return e.instance.args.filter((a): a is Expr => a !== undefined);
  }
}

/** Whether `test` holds of the expression or of any expression below it. */
export function someExpr(e: Expr, test: (x: Expr) => boolean): boolean {
  if (test(e)) return true;
  for (const c of exprChildren(e)) if (someExpr(c, test)) return true;
  return false;
}

// What a formula leaves free is asked of the same IR objects over and over (facts recur in every
// premise); the IR is immutable, so the answer is kept per object.
const freeBindersFound = new WeakMap<Expr, ReadonlyMap<number, Binder>>();

/** The binders a node binds in all its children (a `let`'s value and a quantifier's domain included). */
function bindersAt(e: Expr): number[] {
  if (e.kind === 'let' || e.kind === 'quant' || e.kind === 'setFilter' || e.kind === 'setImage' || e.kind === 'mapComp') return [e.binder.id];
  if (e.kind === 'match') return e.arms.flatMap((a) => a.binders.flatMap((b) => (b ? [b.id] : [])));
  return [];
}

/** The binders an expression reads (or applies) without binding them, by id. */
export function freeBinders(root: Expr): ReadonlyMap<number, Binder> {
  const known = freeBindersFound.get(root);
  if (known) return known;
  const out = new Map<number, Binder>();
  const bound = new Map<number, number>(); // binder id → how many enclosing nodes bind it
  const walk = (e: Expr): void => {
    if (e.kind === 'ref' && e.ref.kind === 'local' && !bound.has(e.ref.binder.id)) out.set(e.ref.binder.id, e.ref.binder);
    if (e.kind === 'apply' && !bound.has(e.fn.id)) out.set(e.fn.id, e.fn);
    const binds = bindersAt(e);
    for (const id of binds) bound.set(id, (bound.get(id) ?? 0) + 1);
    for (const c of exprChildren(e)) walk(c);
    for (const id of binds) {
      const left = bound.get(id)! - 1;
      if (left === 0) bound.delete(id);
      else bound.set(id, left);
    }
  };
  walk(root);
  freeBindersFound.set(root, out);
  return out;
}
