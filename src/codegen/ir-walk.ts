// The direct subexpressions of an IR expression, for analyses that do not care about the kind.
import type { Expr } from '../ir/index.js';

export function children(e: Expr): readonly Expr[] {
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
    case 'ctor':
      return e.args;
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

/** true when `p` holds of `e` or of any expression inside it */
export function someExpr(e: Expr, p: (x: Expr) => boolean): boolean {
  if (p(e)) return true;
  return children(e).some((c) => someExpr(c, p));
}
