// Structural helpers over IR expressions that the model checker's compiler needs.
import { exprChildren, type Binder, type Expr } from '../ir/index.js';

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
  for (const c of exprChildren(e)) bindersIn(c, out);
  return out;
}

/** Splits nested `&&` into its conjuncts. */
export function conjuncts(e: Expr): Expr[] {
  return e.kind === 'logic' && e.op === '&&' ? [...conjuncts(e.left), ...conjuncts(e.right)] : [e];
}
