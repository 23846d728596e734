// Expressions whose type can only come from their context: `{}`, `[]`, `Map {}`, `None`, and
// compounds made only of those. Binary operators check the other operand first when one side
// is such an expression, so `x == {}` and `{} == x` both work.
import type * as A from '../syntax/ast.js';

export function needsContext(e: A.Expr): boolean {
  switch (e.kind) {
    case 'set':
    case 'seq':
      return e.elems.every(needsContext);
    case 'map':
      return e.entries.length === 0;
    case 'name':
      return e.name.text === 'None';
    case 'paren':
      return needsContext(e.inner);
    case 'if':
      return needsContext(e.then) && needsContext(e.else);
    case 'let':
      return needsContext(e.body);
    case 'match':
      return e.arms.every((a) => needsContext(a.body));
    case 'call':
      return e.callee.kind === 'name' && e.callee.name.text === 'Some' && e.args.length === 1 && needsContext(e.args[0]!);
    default:
      return false;
  }
}
