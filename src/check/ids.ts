// Fresh numbers for expressions and binders. One source per workspace, so ids stay unique
// across modules re-checked at different times.
import type { Expr } from '../ir/index.js';

export class IdSource {
  private next = 1;

  fresh(): number {
    return this.next++;
  }

  /**
   * A deep copy of an IR expression with fresh expression and binder ids (binders stay shared
   * between their declaration and their references). Used when a bound constant of an instance
   * is substituted at several places.
   */
  cloneExpr(e: Expr): Expr {
    const seen = new Map<object, object>();
    const copy = (v: unknown): unknown => {
      if (typeof v !== 'object' || v === null || v instanceof Map) return v;
      const prior = seen.get(v);
      if (prior) return prior;
      if (Array.isArray(v)) {
        const out: unknown[] = [];
        seen.set(v, out);
        for (const x of v) out.push(copy(x));
        return out;
      }
      if ('file' in v && 'start' in v) return v; // a Span: immutable, shared
      const out: Record<string, unknown> = {};
      seen.set(v, out);
      for (const [k, x] of Object.entries(v)) out[k] = k === 'type' ? x : copy(x);
      if (typeof out['id'] === 'number') out['id'] = this.fresh();
      return out;
    };
    return copy(e) as Expr;
  }
}

