// Names in expressions: bound names, machine variables/defs/actions, declarations (possibly
// qualified through imports and instances), enum constructors, and the predefined Some, None,
// enabled, WF, SF. Also calls (defs, constructors, methods, schematic functions) and members.
import type * as A from '../syntax/ast.js';
import type { Span } from '../diagnostics/index.js';
import { BOOL, type ActionInstance, type Expr, type Level, type Type } from '../ir/index.js';
import type { ExprChecker } from './expr.js';
import type { ModuleChecker } from './module.js';
import { localNames, lookupLocal, type Ctx } from './scope.js';
import { didYouMean } from './suggest.js';
import { ERROR_TYPE, exceeds, isError, levelWord, maxLevel, show } from './typing.js';
import { PREDEFINED_VALUES, kindWord, type ActionSig, type DeclSymbol, type DefSig, type EnumSymbol, type MachineInfo } from './symbols.js';
import { checkMethod, fieldAccess } from './expr-collections.js';

type Args = readonly A.Expr[] | undefined;

/** `a.b.c` as names, with the AST node covering each prefix; undefined if not a chain of names. */
export function namePath(e: A.Expr): { parts: A.Name[]; nodes: A.Expr[] } | undefined {
  if (e.kind === 'name') return { parts: [e.name], nodes: [e] };
  if (e.kind !== 'member') return undefined;
  const inner = namePath(e.target);
  if (!inner) return undefined;
  return { parts: [...inner.parts, e.member], nodes: [...inner.nodes, e] };
}

/** Whether a leading name denotes a value here (then `x.f` is a field access, not a qualified name). */
function isValueRoot(x: ExprChecker, name: string, ctx: Ctx): boolean {
  if (lookupLocal(ctx.locals, name)) return true;
  const m = ctx.machine;
  if (m && (m.vars.has(name) || m.defs.has(name) || (ctx.actions && m.actions.has(name)))) return true;
  const sym = x.mc.decls.get(name);
  return sym !== undefined && (sym.kind === 'const' || sym.kind === 'boundConst' || sym.kind === 'def' || sym.kind === 'boundDef');
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export function checkName(x: ExprChecker, n: A.Name, ctx: Ctx, expected?: Type): Expr {
  return resolveBare(x, n, undefined, n.span, ctx, expected);
}

/** A bare name, used alone (`args` undefined) or called (`f(args)`, `span` is the whole call). */
function resolveBare(x: ExprChecker, n: A.Name, args: Args, span: Span, ctx: Ctx, expected?: Type): Expr {
  const text = n.text;
  const local = lookupLocal(ctx.locals, text);
  if (local) {
    x.mc.symbols.refTyped(n.span, local, text, 'local');
    if (local.type.kind === 'fn') {
      if (!args) {
        x.diags.error('KSP041', `\`${text}\` is a function parameter; apply it to ${plural(local.type.params.length, 'argument')}`, n.span);
        return x.errorNode(span);
      }
      const fnType = local.type;
      if (args.length !== fnType.params.length) {
        x.diags.error('KSP041', `\`${text}\` takes ${plural(fnType.params.length, 'argument')}, found ${args.length}`, span);
      }
      const checked = args.map((a, i) => x.check(a, ctx, fnType.params[i] ?? ERROR_TYPE));
      const level = local.level ?? 'constant';
      x.limit(ctx, level, n.span, `\`${text}\``);
      return x.mk({ kind: 'apply', fn: local, args: checked, id: x.mc.ids.fresh(), span, type: fnType.result, level: maxLevel(level, x.level(...checked)) });
    }
    if (args) return notCallable(x, n, `a value of type ${show(local.type)}`, args, span, ctx);
    const level = local.level ?? 'constant';
    x.limit(ctx, level, n.span, `\`${text}\``);
    return x.mk({ kind: 'ref', ref: { kind: 'local', binder: local }, id: x.mc.ids.fresh(), span, type: local.type, level });
  }
  const m = ctx.machine;
  if (m) {
    const v = m.vars.get(text);
    if (v) {
      x.mc.symbols.refTyped(n.span, v, text, 'var');
      if (args) return notCallable(x, n, `a variable of type ${show(v.type)}`, args, span, ctx);
      x.limit(ctx, 'state', n.span, `variable \`${text}\``);
      return x.mk({ kind: 'ref', ref: { kind: 'var', machine: m.qname, name: text }, id: x.mc.ids.fresh(), span, type: v.type, level: 'state' });
    }
    const d = m.defs.get(text);
    if (d) {
      x.mc.symbols.ref(n.span, { name: text, kind: 'def', span: d.name.span });
      return callDef(x, x.mc.defSig(d), n, args, span, ctx);
    }
    const a = ctx.actions ? m.actions.get(text) : undefined;
    if (a) {
      x.mc.symbols.ref(n.span, { name: text, kind: 'action', span: a.ast.name.span });
      return actionFormula(x, m.qname, a, n, args, span, ctx);
    }
  }
  const sym = x.mc.decls.get(text);
  if (sym) {
    x.mc.symbols.refDecl(n.span, sym);
    return declValue(x, sym, x.mc, n, args, span, ctx);
  }
  const ctors = x.mc.ctors.get(text);
  if (ctors) {
    const chosen = pickCtor(x, ctors, n, expected);
    if (chosen) x.mc.refCtor(n, chosen.sym);
    return chosen ? ctorValue(x, chosen.module, chosen.sym, text, n, args, span, ctx) : x.errorNode(span);
  }
  if (PREDEFINED_VALUES.has(text)) return predefined(x, n, args, span, ctx, expected);
  if (text === 'next' && !args && m && ctx.actions) return nextRelation(x, m, n, ctx);
  if (ctx.steps?.has(text)) {
    x.diags.error('KSP027', `\`${text}\` is a proof step, not a value; name it in \`using\` or in a justification such as \`ptl(${text})\``, n.span);
    if (args) for (const a of args) x.infer(a, ctx, ERROR_TYPE);
    return x.errorNode(span);
  }
  const candidates = [
    ...localNames(ctx.locals),
    ...(m ? [...m.vars.keys(), ...m.defs.keys(), ...(ctx.actions ? m.actions.keys() : [])] : []),
    ...x.mc.candidates(),
    ...x.mc.ctors.keys(),
    ...PREDEFINED_VALUES,
    'true',
    'false',
  ];
  if (!x.mc.incomplete) x.diags.error('KSP020', `unknown name \`${text}\`${didYouMean(text, candidates)}`, n.span);
  if (args) for (const a of args) x.infer(a, ctx, ERROR_TYPE);
  return x.errorNode(span);
}

function notCallable(x: ExprChecker, n: A.Name, what: string, args: readonly A.Expr[], span: Span, ctx: Ctx): Expr {
  x.diags.error('KSP062', `\`${n.text}\` is ${what}, not a function: it cannot be called`, n.span);
  for (const a of args) x.infer(a, ctx, ERROR_TYPE);
  return x.errorNode(span);
}

function pickCtor(x: ExprChecker, ctors: readonly { sym: EnumSymbol; ctor: string }[], n: A.Name, expected?: Type): { sym: EnumSymbol; module: ModuleChecker } | undefined {
  if (ctors.length === 1) return { sym: ctors[0]!.sym, module: x.mc };
  const byContext = expected?.kind === 'enum' ? ctors.find((c) => c.sym.qname === expected.name) : undefined;
  if (byContext) return { sym: byContext.sym, module: x.mc };
  const names = ctors.map((c) => `\`${c.sym.name.text}.${n.text}\``);
  x.diags.error('KSP025', `\`${n.text}\` is a constructor of several enums; write ${names.join(' or ')}`, n.span);
  return undefined;
}

/** The value a declaration denotes: a constant, a call of a def, or an error for non-values. */
function declValue(x: ExprChecker, sym: DeclSymbol, module: ModuleChecker, n: A.Name, args: Args, span: Span, ctx: Ctx): Expr {
  switch (sym.kind) {
    case 'const': {
      if (args) return notCallable(x, n, 'a constant', args, span, ctx);
      return x.mk({ kind: 'ref', ref: { kind: 'const', name: sym.qname }, id: x.mc.ids.fresh(), span, type: module.constType(sym), level: 'constant' });
    }
    case 'boundConst':
      x.mc.boundUses++;
      if (args) return notCallable(x, n, 'a constant', args, span, ctx);
      return { ...x.mc.ids.cloneExpr(sym.value), span };
    case 'def':
      return callDef(x, module.defSig(sym), n, args, span, ctx);
    case 'boundDef':
      x.mc.boundUses++;
      return callDef(x, sym.target, n, args, span, ctx);
    default: {
      const hint = sym.kind === 'record' ? `; construct one with \`${n.text} { ... }\`` : '';
      x.diags.error('KSP027', `\`${n.text}\` is ${kindWord(sym)}, not a value${hint}`, n.span);
      if (args) for (const a of args) x.infer(a, ctx, ERROR_TYPE);
      return x.errorNode(span);
    }
  }
}

function callDef(x: ExprChecker, sig: DefSig, n: A.Name, args: Args, span: Span, ctx: Ctx): Expr {
  if (sig.machine !== undefined && ctx.machine?.qname !== sig.machine) return outsideItsMachine(x, sig.machine, n, args, span, ctx);
  const given = args ?? [];
  if (given.length !== sig.params.length) {
    const want = `\`${n.text}\` takes ${plural(sig.params.length, 'argument')}`;
    x.diags.error('KSP041', args ? `${want}, found ${given.length}` : `${want}; call it as \`${n.text}(...)\``, args ? span : n.span);
  }
  const checked = given.map((a, i) => {
    const p = sig.params[i];
    if (!p) return x.infer(a, ctx, ERROR_TYPE);
    const arg = x.check(a, ctx, p.type);
    const lim = sig.paramLimits[i]!;
    if (exceeds(arg.level, lim)) {
      x.diags.error('KSP049', `this argument is ${levelWord(arg.level)}; parameter \`${p.name}\` of \`${n.text}\` accepts at most ${levelWord(lim)} expressions`, a.span);
    }
    return arg;
  });
  x.limit(ctx, sig.callLevel, n.span, `\`${n.text}\``);
  x.mc.calls?.add(sig.qname);
  const level: Level = checked.reduce<Level>((l, a) => (exceeds(a.level, l) ? a.level : l), sig.callLevel);
  return x.mk({ kind: 'call', def: sig.qname, args: checked, id: x.mc.ids.fresh(), span, type: sig.result, level });
}

/**
 * A def that reads the variables of machine `machine` (one that extends it: a def declared inside
 * it is only found where it is in scope) used where there is no state of that machine: it would
 * read nothing, or the variables of another machine.
 */
function outsideItsMachine(x: ExprChecker, machine: string, n: A.Name, args: Args, span: Span, ctx: Ctx): Expr {
  const short = machine.slice(machine.lastIndexOf('.') + 1);
  const where = ctx.machine ? `, not of machine \`${ctx.machine.ast.name.text}\` that this formula is about` : ', and there is none here';
  x.diags.error('KSP068', `\`${n.text}\` reads the state of machine \`${short}\`${where}: use it in theorems about \`${short}\` (\`${short} |= ...\`), in its models and in defs that extend it`, n.span);
  if (args) for (const a of args) x.infer(a, ctx, ERROR_TYPE);
  return x.errorNode(span);
}

function ctorValue(x: ExprChecker, module: ModuleChecker, sym: EnumSymbol, ctor: string, n: A.Name, args: Args, span: Span, ctx: Ctx): Expr {
  const decl = module.enumIR(sym).ctors.find((c) => c.name === ctor);
  const fields = decl?.fields ?? [];
  const given = args ?? [];
  if (given.length !== fields.length) {
    x.diags.error('KSP041', `constructor \`${ctor}\` takes ${plural(fields.length, 'argument')}, found ${given.length}`, args ? span : n.span);
  }
  const checked = given.map((a, i) => x.check(a, ctx, fields[i]?.type ?? ERROR_TYPE));
  return x.mk({ kind: 'ctor', enumName: sym.qname, ctor, args: checked, id: x.mc.ids.fresh(), span, type: { kind: 'enum', name: sym.qname }, level: x.level(...checked) });
}

function predefined(x: ExprChecker, n: A.Name, args: Args, span: Span, ctx: Ctx, expected?: Type): Expr {
  switch (n.text) {
    case 'None': {
      if (args) {
        x.diags.error('KSP041', '`None` takes no arguments', span);
        return x.errorNode(span);
      }
      if (expected?.kind === 'option') return x.mk({ kind: 'none', id: x.mc.ids.fresh(), span, type: expected, level: 'constant' });
      if (expected && isError(expected)) return x.errorNode(span);
      if (expected) {
        x.mismatch(expected, { kind: 'option', elem: ERROR_TYPE }, span);
        return x.errorNode(span);
      }
      x.diags.error('KSP042', 'cannot infer the type of `None`; give it a type from context, for example `let x: Option<Int> = None in ...`', span);
      return x.errorNode(span);
    }
    case 'Some': {
      if (!args || args.length !== 1) {
        x.diags.error('KSP041', `\`Some\` takes 1 argument, found ${args?.length ?? 0}`, args ? span : n.span);
        if (args) for (const a of args) x.infer(a, ctx, ERROR_TYPE);
        return x.errorNode(span);
      }
      const arg = expected?.kind === 'option' ? x.check(args[0]!, ctx, expected.elem) : x.infer(args[0]!, ctx, expected && isError(expected) ? ERROR_TYPE : undefined);
      return x.mk({ kind: 'some', arg, id: x.mc.ids.fresh(), span, type: { kind: 'option', elem: arg.type }, level: arg.level });
    }
    default:
      return temporalBuiltin(x, n, args, span, ctx);
  }
}

/** `enabled(a)`, `WF(a)`, `SF(a)`: `a` must be an action. */
function temporalBuiltin(x: ExprChecker, n: A.Name, args: Args, span: Span, ctx: Ctx): Expr {
  const isFairness = n.text !== 'enabled';
  if (isFairness) x.limit(ctx, 'temporal', n.span, `\`${n.text}\``);
  else x.limit(ctx, 'state', n.span, '`enabled`');
  if (!args || args.length !== 1) {
    x.diags.error('KSP041', `\`${n.text}\` takes 1 argument (an action), found ${args?.length ?? 0}`, args ? span : n.span);
    if (args) for (const a of args) x.infer(a, ctx, ERROR_TYPE);
    return x.errorNode(span, BOOL);
  }
  const arg = actionArgument(x, args[0]!, ctx, n.text);
  if (isFairness) {
    return x.mk({ kind: 'fairness', strength: n.text === 'WF' ? 'weak' : 'strong', arg, id: x.mc.ids.fresh(), span, type: BOOL, level: 'temporal' });
  }
  return x.mk({ kind: 'enabled', arg, id: x.mc.ids.fresh(), span, type: BOOL, level: 'state' });
}

/** An action instance of the machine in scope, an `Action` parameter, or a call of an `Action` def. */
export function actionArgument(x: ExprChecker, a: A.Expr, ctx: Ctx, user: string): Expr {
  const inner: Ctx = { ...ctx, maxLevel: exceeds('action', ctx.maxLevel) ? 'action' : ctx.maxLevel, where: `the argument of \`${user}\`` };
  const callee = a.kind === 'call' ? a.callee : a;
  const args = a.kind === 'call' ? a.args : undefined;
  if (callee.kind === 'name' && ctx.machine && !lookupLocal(ctx.locals, callee.name.text)) {
    const sig = ctx.actions ? ctx.machine.actions.get(callee.name.text) : undefined;
    if (sig) return x.mk({ kind: 'action', instance: actionInstance(x, ctx.machine.qname, sig, callee.name, args, a.span, inner), id: x.mc.ids.fresh(), span: a.span, type: BOOL, level: 'action' });
  }
  const e = x.check(a, inner, BOOL);
  const ok =
    isError(e.type) ||
    e.kind === 'action' ||
    (e.kind === 'ref' && e.ref.kind === 'local' && e.ref.binder.level === 'action') ||
    (e.kind === 'call' && e.level === 'action') ||
    (e.kind === 'apply' && e.fn.level === 'action');
  if (!ok) {
    x.diags.error('KSP050', `\`${user}\` needs an action: an action of the machine (\`a\`, \`a(e)\`, \`a(*)\`), an \`Action\` parameter or an \`Action\` def`, a.span);
  }
  return e;
}

function actionInstance(x: ExprChecker, machine: string, sig: ActionSig, n: A.Name, args: Args, span: Span, ctx: Ctx): ActionInstance {
  const params = sig.params;
  const given = args ?? [];
  if (given.length !== params.length) {
    const hint = !args && params.length > 0 ? `; write \`${n.text}(${params.map(() => '*').join(', ')})\` for every value` : '';
    x.diags.error('KSP041', `action \`${n.text}\` takes ${plural(params.length, 'argument')}, found ${given.length}${hint}`, args ? span : n.span);
  }
  const checked = given.map((a, i) => {
    if (a.kind === 'wildcardArg') return undefined;
    return x.check(a, ctx, params[i]?.binder.type ?? ERROR_TYPE);
  });
  return { machine, action: sig.name, args: checked };
}

/**
 * `next` in a theorem about a machine (or in its defs): the machine's next-state relation with
 * stuttering, `a1(*) || ... || an(*) || (x1' == x1 && ... && xk' == xk)`, for lemmas that take
 * `next: Action`. A declaration named `next` takes precedence.
 */
function nextRelation(x: ExprChecker, m: MachineInfo, n: A.Name, ctx: Ctx): Expr {
  x.limit(ctx, 'action', n.span, '`next`');
  const span = n.span;
  const steps = [...m.actions.values()].map((a) =>
    x.mk({ kind: 'action', instance: { machine: m.qname, action: a.name, args: a.params.map(() => undefined) }, id: x.mc.ids.fresh(), span, type: BOOL, level: 'action' }),
  );
  const unchanged = [...m.vars.values()].map((v) => {
    const now = () => x.mk({ kind: 'ref', ref: { kind: 'var', machine: m.qname, name: v.name }, id: x.mc.ids.fresh(), span, type: v.type, level: 'state' });
    const next = x.mk({ kind: 'prime', arg: now(), id: x.mc.ids.fresh(), span, type: v.type, level: 'action' });
    return x.mk({ kind: 'eq', left: next, right: now(), id: x.mc.ids.fresh(), span, type: BOOL, level: 'action' });
  });
  const all = (op: '&&' | '||', es: Expr[], empty: boolean): Expr =>
    es.length === 0
      ? x.mk({ kind: 'bool', value: empty, id: x.mc.ids.fresh(), span, type: BOOL, level: 'constant' })
      : es.reduce((l, r) => x.mk({ kind: 'logic', op, left: l, right: r, id: x.mc.ids.fresh(), span, type: BOOL, level: maxLevel(l.level, r.level) }));
  return all('||', [...steps, all('&&', unchanged, true)], false);
}

function actionFormula(x: ExprChecker, machine: string, sig: ActionSig, n: A.Name, args: Args, span: Span, ctx: Ctx): Expr {
  x.limit(ctx, 'action', n.span, `action \`${n.text}\``);
  const instance = actionInstance(x, machine, sig, n, args, span, ctx);
  return x.mk({ kind: 'action', instance, id: x.mc.ids.fresh(), span, type: BOOL, level: 'action' });
}

/** `e.f`, `e.0`, `m.x`, `E.C`, `m.E.C`. */
export function checkMember(x: ExprChecker, e: Extract<A.Expr, { kind: 'member' }>, ctx: Ctx): Expr {
  const path = namePath(e);
  if (path && !isValueRoot(x, path.parts[0]!.text, ctx) && !x.mc.ctors.has(path.parts[0]!.text)) {
    const r = x.mc.resolvePath(path.parts);
    if (!r || r.kind === 'silent') return x.errorNode(e.span);
    const last = path.parts[r.consumed - 1]!;
    const node = path.nodes[r.consumed - 1]!;
    let value = r.kind === 'ctor' ? ctorValue(x, r.module, r.sym, r.ctor, last, undefined, node.span, ctx) : declValue(x, r.sym, r.module, last, undefined, node.span, ctx);
    for (let i = r.consumed; i < path.parts.length; i++) value = fieldAccess(x, value, path.parts[i]!, path.nodes[i]!.span);
    return value;
  }
  const target = x.infer(e.target, ctx);
  return fieldAccess(x, target, e.member, e.span);
}

export function checkCall(x: ExprChecker, e: Extract<A.Expr, { kind: 'call' }>, ctx: Ctx, expected?: Type): Expr {
  const callee = e.callee;
  if (callee.kind === 'name') return resolveBare(x, callee.name, e.args, e.span, ctx, expected);
  if (callee.kind === 'member') {
    const path = namePath(callee);
    if (path && !isValueRoot(x, path.parts[0]!.text, ctx)) {
      const whole = x.mc.resolvePath(path.parts, false);
      if (whole && whole.kind !== 'silent' && whole.consumed === path.parts.length) {
        if (whole.kind === 'ctor') return ctorValue(x, whole.module, whole.sym, whole.ctor, callee.member, e.args, e.span, ctx);
        return declValue(x, whole.sym, whole.module, callee.member, e.args, e.span, ctx);
      }
      if (whole?.kind === 'silent') return x.errorNode(e.span);
      const prefix = x.mc.resolvePath(path.parts.slice(0, -1), false);
      if (!prefix || (prefix.kind === 'decl' && prefix.sym.kind === 'instance')) {
        // the prefix names a module (or nothing): report the unknown member there
        x.mc.resolvePath(path.parts);
        for (const a of e.args) x.infer(a, ctx, ERROR_TYPE);
        return x.errorNode(e.span);
      }
    }
    const target = x.infer(callee.target, ctx);
    return checkMethod(x, target, callee.member, e.args, e.span, ctx);
  }
  const target = x.infer(callee, ctx);
  if (!isError(target.type)) x.diags.error('KSP062', `a value of type ${show(target.type)} is not a function: it cannot be called`, callee.span);
  for (const a of e.args) x.infer(a, ctx, ERROR_TYPE);
  return x.errorNode(e.span);
}
