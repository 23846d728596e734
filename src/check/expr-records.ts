// Record construction `R { f: e }` (every field exactly once) and update `{ e with f: e }`.
import type * as A from '../syntax/ast.js';
import type { Span } from '../diagnostics/index.js';
import type { Expr, RecordDecl } from '../ir/index.js';
import type { ExprChecker } from './expr.js';
import type { Ctx } from './scope.js';
import { didYouMean } from './suggest.js';
import { ERROR_TYPE, isError, show } from './typing.js';
import { kindWord } from './symbols.js';

/** Checks each `f: e` against the record's fields: unknown and repeated fields are errors. */
function fieldValues(x: ExprChecker, decl: RecordDecl, inits: readonly A.FieldInit[], ctx: Ctx): Map<string, Expr> {
  const given = new Map<string, Expr>();
  const firstSpan = new Map<string, Span>();
  for (const f of inits) {
    const field = decl.fields.find((d) => d.name === f.name.text);
    if (!field) {
      x.diags.error('KSP028', `record \`${show({ kind: 'record', name: decl.name })}\` has no field \`${f.name.text}\`${didYouMean(f.name.text, decl.fields.map((d) => d.name))}`, f.name.span);
      x.infer(f.value, ctx, ERROR_TYPE);
      continue;
    }
    const value = x.check(f.value, ctx, field.type);
    const first = firstSpan.get(f.name.text);
    if (first) {
      x.diags.error('KSP032', `field \`${f.name.text}\` is given more than once`, f.name.span, [{ message: 'first given here', span: first }]);
      continue;
    }
    firstSpan.set(f.name.text, f.name.span);
    given.set(f.name.text, value);
  }
  return given;
}

export function checkRecord(x: ExprChecker, e: Extract<A.Expr, { kind: 'record' }>, ctx: Ctx): Expr {
  const r = x.mc.resolvePath(e.type.parts);
  const fail = (): Expr => {
    for (const f of e.fields) x.infer(f.value, ctx, ERROR_TYPE);
    return x.errorNode(e.span);
  };
  if (!r || r.kind === 'silent') return fail();
  if (r.kind !== 'decl' || r.sym.kind !== 'record' || r.consumed !== e.type.parts.length) {
    const what = r.kind === 'decl' ? kindWord(r.sym) : 'an enum constructor';
    x.diags.error('KSP027', `\`${e.type.parts.map((p) => p.text).join('.')}\` is ${what}, not a record`, e.type.span);
    return fail();
  }
  const decl = r.module.recordIR(r.sym);
  const given = fieldValues(x, decl, e.fields, ctx);
  const missing = decl.fields.filter((f) => !given.has(f.name)).map((f) => `\`${f.name}\``);
  if (missing.length > 0) {
    x.diags.error('KSP044', `\`${r.sym.name.text} { ... }\` is missing field${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`, e.type.span);
  }
  const fields = decl.fields.map((f) => given.get(f.name) ?? x.errorNode(e.span, f.type));
  return x.mk({ kind: 'record', record: decl.name, fields, id: x.mc.ids.fresh(), span: e.span, type: { kind: 'record', name: decl.name }, level: x.level(...fields) });
}

export function checkWith(x: ExprChecker, e: Extract<A.Expr, { kind: 'with' }>, ctx: Ctx): Expr {
  const target = x.infer(e.target, ctx);
  const t = target.type;
  const rec = t.kind === 'record' ? x.mc.registry.records.get(t.name) : undefined;
  if (!rec) {
    if (!isError(t)) x.diags.error('KSP043', `\`with\` updates a record, found ${show(t)}`, e.target.span);
    for (const f of e.fields) x.infer(f.value, ctx, ERROR_TYPE);
    return x.errorNode(e.span);
  }
  const decl = rec.module.recordIR(rec.sym);
  const given = fieldValues(x, decl, e.fields, ctx);
  const updates = [...given].map(([field, value]) => ({ field, value }));
  return x.mk({ kind: 'with', target, record: decl.name, updates, id: x.mc.ids.fresh(), span: e.span, type: t, level: x.level(target, ...updates.map((u) => u.value)) });
}
