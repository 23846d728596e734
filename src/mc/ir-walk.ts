// Structural helpers over IR expressions that the model checker's compiler needs.
import type { Binder, Expr } from '../ir/index.js';

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

export function someNode(e: Expr, test: (x: Expr) => boolean): boolean {
  if (test(e)) return true;
  for (const c of children(e)) if (someNode(c, test)) return true;
  return false;
}

/** Binders introduced inside `e` (not free ones). */
export function bindersIn(e: Expr, out: Binder[] = []): Binder[] {
  switch (e.kind) {
    case 'let':
    case 'quant':
    case 'setFilter':
    case 'setImage':
    case 'mapComp':
      out.push(e.binder);
      break;
    case 'match':
      for (const arm of e.arms) for (const b of arm.binders) if (b) out.push(b);
      break;
    default:
      break;
  }
  for (const c of children(e)) bindersIn(c, out);
  return out;
}

/** Splits nested `&&` into its conjuncts. */
export function conjuncts(e: Expr): Expr[] {
  return e.kind === 'logic' && e.op === '&&' ? [...conjuncts(e.left), ...conjuncts(e.right)] : [e];
}
