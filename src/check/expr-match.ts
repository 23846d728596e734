// `e is C` and `match e { ... }` over enums and Options, with exhaustiveness.
import type * as A from '../syntax/ast.js';
import { BOOL, type Binder, type Expr, type MatchArm, type Type } from '../ir/index.js';
import type { ExprChecker } from './expr.js';
import { bind, type Ctx } from './scope.js';
import { didYouMean } from './suggest.js';
import { ERROR_TYPE, isError, join, show } from './typing.js';
import { needsContext } from './context-free.js';

interface CtorShape {
  readonly name: string;
  readonly fields: readonly Type[];
}

/** The constructors of an enum or Option type; undefined for other types. */
function ctorsOf(x: ExprChecker, t: Type): readonly CtorShape[] | undefined {
  if (t.kind === 'option') return [{ name: 'Some', fields: [t.elem] }, { name: 'None', fields: [] }];
  if (t.kind !== 'enum') return undefined;
  const e = x.mc.registry.enums.get(t.name);
  if (!e) return [];
  return e.module.enumIR(e.sym).ctors.map((c) => ({ name: c.name, fields: c.fields.map((f) => f.type) }));
}

/** Resolves a constructor as written in a pattern or after `is`, against the scrutinee's type. */
function patternCtor(x: ExprChecker, t: Type, ctors: readonly CtorShape[], path: A.Path): CtorShape | undefined {
  const parts = path.parts;
  if (parts.length === 0) return undefined; // lost to a syntax error
  const written = parts.map((p) => p.text).join('.');
  let name: string | undefined;
  if (parts.length === 1) name = parts[0]!.text;
  else if (t.kind === 'enum') {
    const r = x.mc.resolvePath(parts);
    if (!r || r.kind === 'silent') return undefined;
    if (r.kind === 'ctor' && r.consumed === parts.length && r.sym.qname === t.name) name = r.ctor;
  }
  const found = name === undefined ? undefined : ctors.find((c) => c.name === name);
  if (!found) {
    const hint = parts.length === 1 ? didYouMean(parts[0]!.text, ctors.map((c) => c.name)) : '';
    x.diags.error('KSP061', `\`${written}\` is not a constructor of ${show(t)}${hint}`, path.span);
  }
  return found;
}

export function checkIs(x: ExprChecker, e: Extract<A.Expr, { kind: 'is' }>, ctx: Ctx): Expr {
  const target = x.infer(e.target, ctx);
  const ctors = ctorsOf(x, target.type);
  if (!ctors) {
    if (!isError(target.type)) x.diags.error('KSP043', `\`is\` needs an enum or an Option, found ${show(target.type)}`, e.target.span);
    return x.errorNode(e.span, BOOL);
  }
  const c = patternCtor(x, target.type, ctors, e.ctor);
  if (!c) return x.errorNode(e.span, BOOL);
  return x.mk({ kind: 'is', arg: target, ctor: c.name, id: x.mc.ids.fresh(), span: e.span, type: BOOL, level: target.level });
}

export function checkMatch(x: ExprChecker, e: Extract<A.Expr, { kind: 'match' }>, ctx: Ctx, expected?: Type): Expr {
  const scrutinee = x.infer(e.scrutinee, ctx);
  const t = scrutinee.type;
  const ctors = ctorsOf(x, t);
  if (!ctors && !isError(t)) x.diags.error('KSP043', `\`match\` needs an enum or an Option, found ${show(t)}`, e.scrutinee.span);
  const covered = new Set<string>();
  let wildcard = false;
  let result: Type | undefined = expected;
  // check arms whose type is known first, so `None` and `{}` arms get their type from them
  const order = e.arms.map((_, i) => i).sort((a, b) => Number(needsContext(e.arms[a]!.body)) - Number(needsContext(e.arms[b]!.body)));
  const arms: MatchArm[] = new Array<MatchArm>(e.arms.length);
  for (const i of e.arms.keys()) {
    const arm = e.arms[i]!;
    const p = arm.pattern;
    if (wildcard) x.diags.warning('KSP046', 'unreachable match arm: an earlier `_` arm matches everything', p.span);
    if (p.kind === 'wildcard') {
      wildcard = true;
      continue;
    }
    if (!ctors) continue;
    const c = patternCtor(x, t, ctors, p.ctor);
    if (!c) continue;
    if (covered.has(c.name) && !wildcard) x.diags.warning('KSP046', `unreachable match arm: \`${c.name}\` is already matched above`, p.span);
    covered.add(c.name);
  }
  for (const i of order) {
    const arm = e.arms[i]!;
    const p = arm.pattern;
    let inner = ctx.locals;
    const binders: (Binder | undefined)[] = [];
    let ctor: string | undefined;
    if (p.kind === 'ctor') {
      const c = ctors && !isError(t) ? ctors.find((k) => k.name === lastPart(p.ctor)) : undefined;
      ctor = c?.name ?? lastPart(p.ctor);
      if (c && p.binders.length !== c.fields.length) {
        x.diags.error('KSP041', `\`${c.name}\` has ${c.fields.length} field${c.fields.length === 1 ? '' : 's'}, but the pattern binds ${p.binders.length}`, p.span);
      }
      p.binders.forEach((n, k) => {
        if (n.text === '_') return binders.push(undefined);
        const b = x.mc.binder(n, c?.fields[k] ?? ERROR_TYPE);
        inner = bind(inner, b);
        return binders.push(b);
      });
    }
    const armCtx: Ctx = inner ? { ...ctx, locals: inner } : ctx;
    const body = result ? x.check(arm.body, armCtx, result) : x.infer(arm.body, armCtx);
    result = result ? join(result, body.type) : body.type;
    arms[i] = ctor === undefined ? { binders, body, span: arm.span } : { ctor, binders, body, span: arm.span };
  }
  if (ctors && !wildcard) {
    const missing = ctors.filter((c) => !covered.has(c.name)).map((c) => `\`${c.name}\``);
    if (missing.length > 0) {
      x.diags.error('KSP045', `match on ${show(t)} is not exhaustive: missing ${missing.join(', ')} (add the arm${missing.length > 1 ? 's' : ''} or \`_ => ...\`)`, e.scrutinee.span);
    }
  }
  const type = result ?? ERROR_TYPE;
  return x.mk({ kind: 'match', scrutinee, arms, id: x.mc.ids.fresh(), span: e.span, type, level: x.level(scrutinee, ...arms.map((a) => a.body)) });
}

function lastPart(path: A.Path): string {
  return path.parts[path.parts.length - 1]!.text;
}
