// Generic traversal of IR expressions, so that back ends do not each keep their own copy of the
// list of which node kinds have which sub-expressions.
import type { Expr } from './types.js';

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
