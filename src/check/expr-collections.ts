// Collections: literals, indexing, comprehensions, methods (mapped to BuiltinOp), record and
// tuple member access.
import type * as A from '../syntax/ast.js';
import type { Span } from '../diagnostics/index.js';
import { BOOL, INT, type BuiltinOp, type Expr, type Type } from '../ir/index.js';
import type { ExprChecker } from './expr.js';
import { withLocal, type Ctx } from './scope.js';
import { closest, didYouMean } from './suggest.js';
import { ERROR_TYPE, isError, show } from './typing.js';
import { needsContext } from './context-free.js';

export function checkIndex(x: ExprChecker, e: Extract<A.Expr, { kind: 'index' }>, ctx: Ctx): Expr {
  const target = x.infer(e.target, ctx);
  const t = target.type;
  if (t.kind === 'seq') {
    const index = x.check(e.index, ctx, INT);
    return x.mk({ kind: 'builtin', op: 'seq.index', args: [target, index], id: x.mc.ids.fresh(), span: e.span, type: t.elem, level: x.level(target, index) });
  }
  if (t.kind === 'map') {
    const key = x.check(e.index, ctx, t.key);
    return x.mk({ kind: 'builtin', op: 'map.index', args: [target, key], id: x.mc.ids.fresh(), span: e.span, type: t.value, level: x.level(target, key) });
  }
  x.infer(e.index, ctx, ERROR_TYPE);
  if (!isError(t)) {
    const hint = t.kind === 'option' ? '; use `match` or `is Some` on an Option' : t.kind === 'set' ? '; use `x in S` to test membership' : '';
    x.diags.error('KSP043', `indexing \`[...]\` is not defined on ${show(t)}; it needs a Seq or a Map${hint}`, e.target.span);
  }
  return x.errorNode(e.span);
}

/** Checks every element against `want`, or infers it from the first element that does not need context. */
function elements(x: ExprChecker, elems: readonly A.Expr[], ctx: Ctx, want: Type | undefined): { exprs: Expr[]; type: Type | undefined } {
  if (want) return { exprs: elems.map((el) => x.check(el, ctx, want)), type: want };
  const lead = elems.findIndex((el) => !needsContext(el));
  if (lead < 0) return { exprs: elems.map((el) => x.infer(el, ctx)), type: undefined };
  const first = x.infer(elems[lead]!, ctx);
  const exprs = elems.map((el, i) => (i === lead ? first : x.check(el, ctx, first.type)));
  return { exprs, type: first.type };
}

function cannotInfer(x: ExprChecker, written: string, example: string, span: Span): void {
  x.diags.error('KSP042', `cannot infer the element type of \`${written}\`; add a type, for example \`${example}\`, or compare it with a typed value`, span);
}

export function checkCollectionLiteral(x: ExprChecker, e: Extract<A.Expr, { kind: 'seq' | 'set' | 'map' }>, ctx: Ctx, expected?: Type): Expr {
  const silent = expected !== undefined && isError(expected);
  if (expected && !silent && expected.kind !== e.kind) {
    if (e.kind === 'map' ? e.entries.length === 0 : e.elems.length === 0) {
      const what = e.kind === 'seq' ? 'a Seq (`[]`)' : e.kind === 'set' ? 'a Set (`{}`)' : 'a Map (`Map {}`)';
      x.diags.error('KSP040', `expected ${show(expected)}, found ${what}`, e.span);
      return x.errorNode(e.span);
    }
  }
  if (e.kind === 'map') {
    const want = expected?.kind === 'map' ? expected : undefined;
    const keys = elements(x, e.entries.map((en) => en.key), ctx, want?.key ?? (silent ? ERROR_TYPE : undefined));
    const values = elements(x, e.entries.map((en) => en.value), ctx, want?.value ?? (silent ? ERROR_TYPE : undefined));
    if (!keys.type || !values.type) {
      if (!silent) cannotInfer(x, 'Map {}', 'let m: Map<String, Int> = Map {} in ...', e.span);
      return x.errorNode(e.span);
    }
    const entries = keys.exprs.map((key, i) => ({ key, value: values.exprs[i]! }));
    return x.mk({ kind: 'mapLit', entries, id: x.mc.ids.fresh(), span: e.span, type: { kind: 'map', key: keys.type, value: values.type }, level: x.level(...keys.exprs, ...values.exprs) });
  }
  const want = expected?.kind === e.kind ? expected.elem : silent ? ERROR_TYPE : undefined;
  const { exprs, type } = elements(x, e.elems, ctx, want);
  if (!type) {
    if (!silent) cannotInfer(x, e.kind === 'seq' ? '[]' : '{}', e.kind === 'seq' ? 'let s: Seq<Int> = [] in ...' : 'let s: Set<Int> = {} in ...', e.span);
    return x.errorNode(e.span);
  }
  const level = x.level(...exprs);
  return e.kind === 'seq'
    ? x.mk({ kind: 'seqLit', elems: exprs, id: x.mc.ids.fresh(), span: e.span, type: { kind: 'seq', elem: type }, level })
    : x.mk({ kind: 'setLit', elems: exprs, id: x.mc.ids.fresh(), span: e.span, type: { kind: 'set', elem: type }, level });
}

export function checkComprehension(x: ExprChecker, e: Extract<A.Expr, { kind: 'setFilter' | 'setImage' | 'mapComp' }>, ctx: Ctx, expected?: Type): Expr {
  const b = e.kind === 'setImage' ? e.binders[0] : e.binder;
  if (!b) return x.errorNode(e.span); // lost to a syntax error, reported by the parser
  if (e.kind === 'setImage' && e.binders.length > 1) {
    x.diags.error('KSP063', 'a set image ranges over one binder; nest the comprehension or range over a set of tuples', e.binders[1]!.span);
  }
  if (!b.domain && b.type) x.diags.error('KSP055', `\`${b.name.text}\` needs a domain here: write \`${b.name.text} in S\``, b.name.span);
  const { binder, domain } = x.binderWithDomain(b, ctx, false);
  const source = domain ?? x.errorNode(b.span);
  let inner = withLocal(ctx, binder);
  // extra binders (already reported) stay in scope, so their uses are not reported again
  if (e.kind === 'setImage') for (const extra of e.binders.slice(1)) inner = withLocal(inner, x.binderWithDomain(extra, inner, false).binder);
  switch (e.kind) {
    case 'setFilter': {
      const pred = x.check(e.pred, inner, BOOL);
      return x.mk({ kind: 'setFilter', binder, source, pred, id: x.mc.ids.fresh(), span: e.span, type: { kind: 'set', elem: binder.type }, level: x.level(source, pred) });
    }
    case 'setImage': {
      const body = expected?.kind === 'set' ? x.check(e.body, inner, expected.elem) : x.infer(e.body, inner);
      return x.mk({ kind: 'setImage', binder, source, body, id: x.mc.ids.fresh(), span: e.span, type: { kind: 'set', elem: body.type }, level: x.level(source, body) });
    }
    case 'mapComp': {
      const body = expected?.kind === 'map' ? x.check(e.body, inner, expected.value) : x.infer(e.body, inner);
      return x.mk({ kind: 'mapComp', binder, domain: source, body, id: x.mc.ids.fresh(), span: e.span, type: { kind: 'map', key: binder.type, value: body.type }, level: x.level(source, body) });
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Methods

type Kind = 'seq' | 'set' | 'map' | 'string';

const METHODS: Readonly<Record<Kind, readonly string[]>> = {
  seq: ['len', 'push', 'contains'],
  set: ['add', 'remove', 'union', 'intersect', 'minus', 'subset', 'size'],
  map: ['get', 'insert', 'remove', 'keys'],
  string: ['len'],
};

/** What people coming from other languages reach for, and what kspec calls it. */
const ANALOGS: Readonly<Record<string, readonly string[]>> = {
  push: ['add', 'insert'],
  add: ['push', 'insert'],
  insert: ['add', 'push'],
  append: ['push', 'add'],
  size: ['len'],
  len: ['size'],
  length: ['len', 'size'],
  count: ['size', 'len'],
  delete: ['remove'],
  values: ['keys'],
  contains: ['`x in S`'],
  has: ['`x in S`', 'contains'],
  includes: ['`x in S`', 'contains'],
  get: ['`s[i]`'],
  concat: ['`++`', 'union'],
  difference: ['minus'],
  intersection: ['intersect'],
  isSubset: ['subset'],
};

function suggestion(kind: Kind | undefined, method: string): string {
  const mine = kind ? METHODS[kind] : [];
  for (const alt of ANALOGS[method] ?? []) {
    if (mine.includes(alt)) return `; did you mean \`${alt}\`?`;
    if (alt === '`x in S`' && (kind === 'set' || kind === 'map')) return `; use \`x in ${kind === 'set' ? 'S' : 'm'}\``;
    if (alt === '`s[i]`' && kind === 'seq') return '; use `s[i]`';
    if (alt === '`++`' && (kind === 'seq' || kind === 'string')) return '; use `s ++ t`';
  }
  return didYouMean(method, mine);
}

function kindOf(t: Type): Kind | undefined {
  return t.kind === 'seq' || t.kind === 'set' || t.kind === 'map' || t.kind === 'string' ? t.kind : undefined;
}

interface MethodSig {
  readonly op: BuiltinOp;
  readonly params: readonly Type[];
  readonly result: Type;
}

function methodSig(t: Type, method: string): MethodSig | undefined {
  switch (t.kind) {
    case 'seq':
      if (method === 'len') return { op: 'seq.len', params: [], result: INT };
      if (method === 'push') return { op: 'seq.push', params: [t.elem], result: t };
      if (method === 'contains') return { op: 'seq.contains', params: [t.elem], result: BOOL };
      return undefined;
    case 'set':
      if (method === 'add') return { op: 'set.add', params: [t.elem], result: t };
      if (method === 'remove') return { op: 'set.remove', params: [t.elem], result: t };
      if (method === 'union') return { op: 'set.union', params: [t], result: t };
      if (method === 'intersect') return { op: 'set.intersect', params: [t], result: t };
      if (method === 'minus') return { op: 'set.minus', params: [t], result: t };
      if (method === 'subset') return { op: 'set.subset', params: [t], result: BOOL };
      if (method === 'size') return { op: 'set.size', params: [], result: INT };
      return undefined;
    case 'map':
      if (method === 'get') return { op: 'map.get', params: [t.key], result: { kind: 'option', elem: t.value } };
      if (method === 'insert') return { op: 'map.insert', params: [t.key, t.value], result: t };
      if (method === 'remove') return { op: 'map.remove', params: [t.key], result: t };
      if (method === 'keys') return { op: 'map.keys', params: [], result: { kind: 'set', elem: t.key } };
      return undefined;
    case 'string':
      if (method === 'len') return { op: 'string.len', params: [], result: INT };
      return undefined;
    default:
      return undefined;
  }
}

export function checkMethod(x: ExprChecker, target: Expr, method: A.Name, args: readonly A.Expr[], span: Span, ctx: Ctx): Expr {
  const t = target.type;
  const sig = methodSig(t, method.text);
  if (!sig) {
    for (const a of args) x.infer(a, ctx, ERROR_TYPE);
    if (!isError(t)) {
      const kind = kindOf(t);
      const hint = kind ? suggestion(kind, method.text) : t.kind === 'record' ? '; records have fields, not methods' : '';
      x.diags.error('KSP043', `\`${method.text}\` is not defined on ${show(t)}${hint}`, method.span);
    }
    return x.errorNode(span);
  }
  if (args.length !== sig.params.length) {
    x.diags.error('KSP041', `\`${method.text}\` takes ${sig.params.length} argument${sig.params.length === 1 ? '' : 's'}, found ${args.length}`, span);
  }
  const checked = args.map((a, i) => x.check(a, ctx, sig.params[i] ?? ERROR_TYPE));
  return x.mk({ kind: 'builtin', op: sig.op, args: [target, ...checked], id: x.mc.ids.fresh(), span, type: sig.result, level: x.level(target, ...checked) });
}

export function fieldAccess(x: ExprChecker, target: Expr, member: A.Name, span: Span): Expr {
  const t = target.type;
  if (t.kind === 'tuple') {
    const index = /^[0-9]+$/.test(member.text) ? Number(member.text) : -1;
    if (index < 0 || index >= t.elems.length) {
      x.diags.error('KSP060', `tuple ${show(t)} has no element \`${member.text}\` (elements are numbered 0 to ${t.elems.length - 1})`, member.span);
      return x.errorNode(span);
    }
    return x.mk({ kind: 'tupleGet', tuple: target, index, id: x.mc.ids.fresh(), span, type: t.elems[index]!, level: target.level });
  }
  if (t.kind === 'record') {
    const rec = x.mc.registry.records.get(t.name);
    const decl = rec ? rec.module.recordIR(rec.sym) : undefined;
    const field = decl?.fields.find((f) => f.name === member.text);
    if (!decl) return x.errorNode(span);
    if (!field) {
      x.diags.error('KSP028', `record \`${show(t)}\` has no field \`${member.text}\`${didYouMean(member.text, decl.fields.map((f) => f.name))}`, member.span);
      return x.errorNode(span);
    }
    x.mc.symbols.refTyped(member.span, field, member.text, 'field');
    return x.mk({ kind: 'field', target, record: t.name, field: member.text, id: x.mc.ids.fresh(), span, type: field.type, level: target.level });
  }
  if (!isError(t)) {
    const kind = kindOf(t);
    if (kind && METHODS[kind].includes(member.text)) {
      x.diags.error('KSP043', `\`${member.text}\` is a method of ${show(t)}: call it, as in \`.${member.text}(...)\``, member.span);
    } else {
      const near = kind ? closest(member.text, METHODS[kind]) : undefined;
      x.diags.error('KSP043', `\`.${member.text}\` is not defined on ${show(t)}${near ? `; did you mean \`${near}\`?` : ''}`, member.span);
    }
  }
  return x.errorNode(span);
}
