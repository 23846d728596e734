// `by chain`: a leads-to chain written as its waypoints. The checker turns it into the steps one
// would write by hand, a `have` per link and `qed by ptl(links)`, which the kernel checks like any
// other steps: nothing here is trusted, a wrong link is a step the kernel does not prove.
//
// For `P ~> Q` with waypoints W1..Wn and context C, let Ŵi be Wi with C conjoined inside its
// leading `exists` (`exists m in D :: C && B`), or `C && Wi`. The links are
//   P ~> (Q || Ŵ1),  Ŵ1 ~> (Q || Ŵ2),  ...,  Ŵn ~> Q
// where P loses its leading `exists` as ∃-elimination takes them off (its binders are free in the
// links, with `x in D` conjoined for a domain, exactly the premise the kernel is then left with).
import type * as A from '../syntax/ast.js';
import type { Span } from '../diagnostics/index.js';
import { BOOL, exprChildren, type Binder, type Expr, type ExprNode, type HaveStep, type Justification, type Level, type Proof } from '../ir/index.js';
import type { ModuleChecker } from './module.js';
import type { Ctx } from './scope.js';
import { isError, maxLevel } from './typing.js';

/** Checks a link's justification; `formula` is the link it justifies (its `exists` binders are in scope). */
export type LinkJustifier = (j: A.Justification, formula: Expr) => Justification;

/**
 * The steps of a chain proof of `formula` (whose proof is the chain). `ctx` is the scope of the
 * proof's steps (the formula's leading `forall` and left-side `exists` binders bound); `owner`
 * names the step (or theorem) in the names of the links, which messages about them show.
 */
export function chainSteps(mc: ModuleChecker, chain: A.ChainProof, ctx: Ctx, formula: Expr, owner: string, justify: LinkJustifier): Proof {
  const context = chain.context ? mc.exprs.check(chain.context, ctx, BOOL) : undefined;
  const waypoints = chain.waypoints.map((w) => mc.exprs.check(w.formula, ctx, BOOL));
  const goal = leadsToUnderForall(formula);
  if (!goal) {
    if (!isError(formula.type)) mc.diags.error('KSP066', `\`by chain\` proves a leads-to \`P ~> Q\` (possibly under leading \`forall\`s), but \`${owner}\` states another kind of formula`, chain.span);
    const first = justify(chain.first, formula);
    for (const w of chain.waypoints) justify(w.justification, formula);
    return { kind: 'by', justification: first, span: chain.span };
  }
  const build = new Builder(mc);
  const hats = waypoints.map((w) => (context ? build.withContext(w, context) : w));
  const sources = [build.eliminated(goal.left), ...hats];
  const spans = [chain.first.span, ...chain.waypoints.map((w) => w.span)];
  const justifications = [chain.first, ...chain.waypoints.map((w) => w.justification)];
  const steps = sources.map((from, i): HaveStep => {
    const next = hats[i];
    const target = next ? build.or(build.renew(goal.right), build.renew(next), spans[i + 1]!) : build.renew(goal.right);
    const link = build.leadsTo(from, target, spans[i]!);
    const justification = { ...justify(justifications[i]!, link), span: spans[i]! };
    const where = i === 0 ? 'from the left side' : `from the waypoint at line ${spans[i]!.start.line}`;
    return { name: `${owner} / link ${i + 1} (${where})`, formula: link, proof: { kind: 'by', justification, span: spans[i]! }, span: spans[i]! };
  });
  const links = steps.map((s) => ({ kind: 'fact' as const, fact: { kind: 'step' as const, name: s.name, span: s.span } }));
  return { kind: 'steps', steps, qed: { rule: { kind: 'builtin', name: 'ptl' }, args: links, using: [], span: chain.span }, span: chain.span };
}

/** `P ~> Q` under the formula's leading `forall`s. */
function leadsToUnderForall(formula: Expr): (Expr & { kind: 'leadsTo' }) | undefined {
  let e = formula;
  while (e.kind === 'quant' && e.quantifier === 'forall') e = e.body;
  return e.kind === 'leadsTo' ? e : undefined;
}

/** Builds the links' formulas: new nodes get fresh ids and the span of the source they stand for. */
class Builder {
  constructor(private readonly mc: ModuleChecker) {}

  private node(n: ExprNode, span: Span, level: Level): Expr {
    return { ...n, id: this.mc.ids.fresh(), span, type: BOOL, level } as Expr;
  }

  and(left: Expr, right: Expr, span: Span): Expr {
    return this.node({ kind: 'logic', op: '&&', left, right }, span, maxLevel(left.level, right.level));
  }

  or(left: Expr, right: Expr, span: Span): Expr {
    return this.node({ kind: 'logic', op: '||', left, right }, span, maxLevel(left.level, right.level));
  }

  leadsTo(left: Expr, right: Expr, span: Span): Expr {
    return this.node({ kind: 'leadsTo', left, right }, span, 'temporal');
  }

  /** The waypoint with the context conjoined inside its leading `exists` (so the context may hold of the witness's state). */
  withContext(w: Expr, context: Expr): Expr {
    if (w.kind === 'quant' && w.quantifier === 'exists') {
      const body = this.withContext(w.body, context);
      return { ...w, id: this.mc.ids.fresh(), body, level: maxLevel(w.level, body.level) };
    }
    return this.and(this.renew(context), w, w.span);
  }

  /**
   * The left side as ∃-elimination leaves it (as the kernel's existsBody does): `exists x :: B`
   * gives B and goes on; `exists x in D :: B` gives `x in D && B` and stops there.
   */
  eliminated(left: Expr): Expr {
    if (left.kind !== 'quant' || left.quantifier !== 'exists') return this.renew(left);
    if (!left.domain) return this.eliminated(left.body);
    const member = this.membership(left.binder, this.renew(left.domain));
    return member ? this.and(member, this.renew(left.body), left.span) : this.renew(left);
  }

  private membership(x: Binder, domain: Expr): Expr | undefined {
    const ref = { kind: 'ref', ref: { kind: 'local', binder: x }, id: this.mc.ids.fresh(), span: x.span, type: x.type, level: 'constant' } as Expr;
    if (domain.type.kind === 'set') return this.node({ kind: 'builtin', op: 'set.in', args: [ref, domain] }, domain.span, domain.level);
    if (domain.type.kind === 'seq') return this.node({ kind: 'builtin', op: 'seq.contains', args: [domain, ref] }, domain.span, domain.level);
    return undefined;
  }

  /**
   * A copy of `e` for another place in the links: fresh node ids, and fresh binders for the names
   * `e` binds itself (so no two quantifiers share a binder); names free in `e` stay the same
   * binders, since the links speak of the same arbitrary values.
   */
  renew(e: Expr): Expr {
    const own = new Map<Binder, Binder>();
    for (const b of boundIn(e)) own.set(b, { ...b, id: this.mc.ids.fresh() });
    const copy = (v: unknown): unknown => {
      if (typeof v !== 'object' || v === null) return v;
      if (Array.isArray(v)) return v.map(copy);
      if ('file' in v && 'start' in v) return v; // a Span: immutable, shared
      if (!('kind' in v) && 'id' in v) return own.get(v as Binder) ?? v; // a Binder
      const out: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v)) out[k] = k === 'type' ? x : copy(x);
      if (typeof out['id'] === 'number') out['id'] = this.mc.ids.fresh();
      return out;
    };
    return copy(e) as Expr;
  }
}

/** The binders that `e` binds (quantifiers, lets, comprehensions, match arms) anywhere inside. */
function boundIn(e: Expr): Binder[] {
  const out: Binder[] = [];
  const walk = (x: Expr): void => {
    if (x.kind === 'let' || x.kind === 'quant' || x.kind === 'setFilter' || x.kind === 'setImage' || x.kind === 'mapComp') out.push(x.binder);
    if (x.kind === 'match') for (const a of x.arms) for (const b of a.binders) if (b) out.push(b);
    for (const c of exprChildren(x)) walk(c);
  };
  walk(e);
  return out;
}
