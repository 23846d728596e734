// Typed IR nodes built from TypeScript: every node gets a fresh id (far above the checker's), the
// span of the TypeScript it came from, and its kspec type.
import type { Span } from '../diagnostics/index.js';
import type { Binder, Expr, ExprNode, Type } from '../ir/index.js';

export const BOOL: Type = { kind: 'bool' };
export const INT: Type = { kind: 'int' };
export const STRING: Type = { kind: 'string' };

export class IrBuilder {
  private next = 1_000_000_000;

  node(n: ExprNode, type: Type, span: Span): Expr {
    return { ...n, id: this.next++, span, type, level: 'state' } as Expr;
  }

  /** the same expression under a new id (ids carry facts such as "this is a TypeScript number") */
  fresh(e: Expr): Expr {
    return { ...e, id: this.next++ } as Expr;
  }

  binder(name: string, type: Type, span: Span): Binder {
    return { id: this.next++, name, type, span };
  }

  local(b: Binder, span: Span): Expr {
    return this.node({ kind: 'ref', ref: { kind: 'local', binder: b } }, b.type, span);
  }

  int(v: bigint, span: Span): Expr {
    return this.node({ kind: 'int', value: v }, INT, span);
  }

  bool(v: boolean, span: Span): Expr {
    return this.node({ kind: 'bool', value: v }, BOOL, span);
  }

  /** `let x = value in body(x)`, so an expression used several times is evaluated (and written) once */
  share(value: Expr, name: string, body: (x: Expr) => Expr): Expr {
    if (value.kind === 'ref' || value.kind === 'int' || value.kind === 'bool' || value.kind === 'string') return body(value);
    const b = this.binder(name, value.type, value.span);
    const inner = body(this.local(b, value.span));
    return this.node({ kind: 'let', binder: b, value, body: inner }, inner.type, value.span);
  }

  /** TypeScript's bigint `/`, which truncates toward zero, from kspec's Euclidean `/` and `%` */
  truncDiv(a: Expr, b: Expr, span: Span): Expr {
    return this.share(a, '$a', (x) =>
      this.share(b, '$b', (y) => {
        const q = this.node({ kind: 'arith', op: '/', left: x, right: y }, INT, span);
        const exact = this.exactOrNonNegative(x, y, span);
        const toward = this.node({ kind: 'if', cond: this.node({ kind: 'compare', op: '>', left: y, right: this.int(0n, span) }, BOOL, span), then: this.int(1n, span), else: this.int(-1n, span) }, INT, span);
        const adjusted = this.node({ kind: 'arith', op: '+', left: q, right: toward }, INT, span);
        return this.node({ kind: 'if', cond: exact, then: q, else: adjusted }, INT, span);
      }),
    );
  }

  /** TypeScript's bigint `%`, whose sign is the dividend's */
  truncRem(a: Expr, b: Expr, span: Span): Expr {
    return this.share(a, '$a', (x) =>
      this.share(b, '$b', (y) => {
        const r = this.node({ kind: 'arith', op: '%', left: x, right: y }, INT, span);
        const exact = this.exactOrNonNegative(x, y, span);
        const negB = this.node({ kind: 'neg', arg: y }, INT, span);
        const absB = this.node({ kind: 'if', cond: this.node({ kind: 'compare', op: '>', left: y, right: this.int(0n, span) }, BOOL, span), then: y, else: negB }, INT, span);
        const adjusted = this.node({ kind: 'arith', op: '-', left: r, right: absB }, INT, span);
        return this.node({ kind: 'if', cond: exact, then: r, else: adjusted }, INT, span);
      }),
    );
  }

  private exactOrNonNegative(x: Expr, y: Expr, span: Span): Expr {
    const nonNeg = this.node({ kind: 'compare', op: '>=', left: x, right: this.int(0n, span) }, BOOL, span);
    const r = this.node({ kind: 'arith', op: '%', left: x, right: y }, INT, span);
    const exact = this.node({ kind: 'eq', left: r, right: this.int(0n, span) }, BOOL, span);
    return this.node({ kind: 'logic', op: '||', left: nonNeg, right: exact }, BOOL, span);
  }
}
