// Test helpers: a compact S-expression view of expressions (so precedence tests read like the
// contract), and parsing that fails loudly when a fixture that should be valid is not.
import { expect } from 'vitest';
import { parseExpression, parseModule, type Binder, type Decl, type Expr, type ModuleAst, type Path, type TypeExpr } from '../../src/syntax/index.js';

export function pathText(p: Path): string {
  return p.parts.map((n) => n.text).join('.');
}

export function showType(t: TypeExpr): string {
  switch (t.kind) {
    case 'named':
      return t.args.length === 0 ? pathText(t.path) : `${pathText(t.path)}<${t.args.map(showType).join(', ')}>`;
    case 'tuple':
      return `(${t.elems.map(showType).join(', ')})`;
    case 'fn':
      return `fn(${t.params.map(showType).join(', ')}) -> ${showType(t.result)}`;
  }
}

function showBinder(b: Binder): string {
  return `${b.name.text}${b.type ? `: ${showType(b.type)}` : ''}${b.domain ? ` in ${show(b.domain)}` : ''}`;
}

/** Every node kind, fully parenthesised: `(a + (b * c))`. */
export function show(e: Expr): string {
  switch (e.kind) {
    case 'bool':
      return String(e.value);
    case 'int':
      return String(e.value);
    case 'string':
      return JSON.stringify(e.value);
    case 'name':
      return e.name.text;
    case 'member':
      return `${show(e.target)}.${e.member.text}`;
    case 'call':
      return `${show(e.callee)}(${e.args.map(show).join(', ')})`;
    case 'index':
      return `${show(e.target)}[${show(e.index)}]`;
    case 'prime':
      return `${show(e.target)}'`;
    case 'unary':
      return `${e.op}(${show(e.arg)})`;
    case 'binary':
      return `(${show(e.left)} ${e.op} ${show(e.right)})`;
    case 'is':
      return `(${show(e.target)} is ${pathText(e.ctor)})`;
    case 'paren':
      return `paren(${show(e.inner)})`;
    case 'tuple':
      return `tuple(${e.elems.map(show).join(', ')})`;
    case 'seq':
      return `[${e.elems.map(show).join(', ')}]`;
    case 'set':
      return `{${e.elems.map(show).join(', ')}}`;
    case 'map':
      return `Map{${e.entries.map((x) => `${show(x.key)}: ${show(x.value)}`).join(', ')}}`;
    case 'setFilter':
      return `{${showBinder(e.binder)} where ${show(e.pred)}}`;
    case 'setImage':
      return `{${show(e.body)} for ${e.binders.map(showBinder).join(', ')}}`;
    case 'mapComp':
      return `Map{${showBinder(e.binder)} => ${show(e.body)}}`;
    case 'record':
      return `${pathText(e.type)}{${e.fields.map((f) => `${f.name.text}: ${show(f.value)}`).join(', ')}}`;
    case 'with':
      return `{${show(e.target)} with ${e.fields.map((f) => `${f.name.text}: ${show(f.value)}`).join(', ')}}`;
    case 'if':
      return `if(${show(e.cond)}, ${show(e.then)}, ${show(e.else)})`;
    case 'let':
      return `let(${e.name.text}${e.type ? `: ${showType(e.type)}` : ''} = ${show(e.value)} in ${show(e.body)})`;
    case 'match':
      return `match(${show(e.scrutinee)}, ${e.arms
        .map((a) => `${a.pattern.kind === 'wildcard' ? '_' : `${pathText(a.pattern.ctor)}(${a.pattern.binders.map((b) => b.text).join(', ')})`} => ${show(a.body)}`)
        .join('; ')})`;
    case 'quant':
      return `${e.quantifier}(${e.binders.map(showBinder).join(', ')} :: ${show(e.body)})`;
    case 'wildcardArg':
      return '*';
  }
}

/** Parses an expression that must be valid, and shows it. */
export function expr(text: string): string {
  const result = parseExpression(text, 'expr.kspec');
  expect(result.diagnostics.map((d) => `${d.code} ${d.message}`)).toEqual([]);
  expect(result.expr).toBeDefined();
  return show(result.expr!);
}

/** Parses a module that must be valid. */
export function moduleOk(text: string): ModuleAst {
  const result = parseModule(text, 'test.kspec');
  expect(result.diagnostics.map((d) => `${d.code} ${d.span.start.line}:${d.span.start.column} ${d.message}`)).toEqual([]);
  expect(result.ast).toBeDefined();
  return result.ast!;
}

/** The declarations of `module t` followed by `body`. */
export function decls(body: string): readonly Decl[] {
  return moduleOk(`module t\n${body}`).decls;
}

/** The declaration type whose `kind` can be `T` (TheoremDecl's kind is 'theorem' | 'lemma'). */
type DeclOf<T extends Decl['kind']> = Decl extends infer D ? (D extends { kind: infer K } ? (T extends K ? D : never) : never) : never;

export function only<T extends Decl['kind']>(body: string, kind: T): DeclOf<T> {
  const all = decls(body);
  expect(all).toHaveLength(1);
  expect(all[0]!.kind).toBe(kind);
  return all[0] as DeclOf<T>;
}

/** Deep copy without spans, for shape comparisons. */
export function noSpans(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value, (k, v: unknown) => (k === 'span' || k === 'opSpan' ? undefined : typeof v === 'bigint' ? `${v}n` : v)));
}

/** `line:col-line:col` of a span, for compact assertions. */
export function at(span: { start: { line: number; column: number }; end: { line: number; column: number } }): string {
  return `${span.start.line}:${span.start.column}-${span.end.line}:${span.end.column}`;
}
