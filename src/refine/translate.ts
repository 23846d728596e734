// The side-effect-free subset of TypeScript (docs/refine.md) translated to the typed IR. Each
// construct has exactly the meaning TypeScript gives it on the values `kproof codegen` uses
// (bigint `/` truncates, `===` on primitives, `undefined` is None, ...). Anything else is a
// SubsetError at its location with what to write instead; nothing is skipped.
import ts from 'typescript';
import type { Span } from '../diagnostics/index.js';
import { BUILTIN_SIGNATURES, typeEquals, typeToString, type BuiltinOp, type Expr, type MachineDecl, type MatchArm, type Program, type Type } from '../ir/index.js';
import { isTaggedOption } from '../codegen/index.js';
import { BOOL, INT, IrBuilder, STRING } from './ir-build.js';
import { readAnnotation } from './ts-types.js';

export class SubsetError extends Error {
  constructor(
    readonly node: ts.Node,
    message: string,
  ) {
    super(message);
  }
}

/** what a TypeScript name stands for */
export type Local =
  | { readonly kind: 'value'; readonly expr: Expr; readonly narrowed?: { readonly ctor: string; readonly fields: ReadonlyMap<string, Expr> } }
  | { readonly kind: 'consts' }
  | { readonly kind: 'state'; readonly machine: MachineDecl }
  /** the loop variable, where the value returned may not depend on it */
  | { readonly kind: 'poisoned'; readonly why: string };

export type Env = ReadonlyMap<string, Local>;

export interface TranslationContext {
  readonly program: Program;
  readonly sf: ts.SourceFile;
  readonly file: string;
  /** functions declared in the file, by name (candidates for inlining) */
  readonly functions: ReadonlyMap<string, ts.FunctionDeclaration>;
  /** top-level `const NAME = value` of the file (bigints, booleans and strings: immutable) */
  readonly constants: ReadonlyMap<string, ts.VariableDeclaration>;
  /** local name → export of `kproof/runtime` */
  readonly runtimeNames: ReadonlyMap<string, string>;
  /** `import * as rt from 'kproof/runtime'` */
  readonly runtimeNamespaces: ReadonlySet<string>;
  /** generated type names (records, enums, `M$State`) */
  readonly typeNames: ReadonlyMap<string, Type>;
  /** generated constructor names (`Shape$Circle`) and enum namespaces (`Shape`) */
  readonly ctorNames: ReadonlyMap<string, { readonly enumName: string; readonly ctor: string }>;
  readonly enumNamespaces: ReadonlyMap<string, string>;
  /** constant keys of `$Constants` → const QName */
  readonly constKeys: ReadonlyMap<string, string>;
}

const describeKind = (n: ts.Node): string => ts.SyntaxKind[n.kind].replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();

const STATEMENT_HINTS: Partial<Record<ts.SyntaxKind, string>> = {
  [ts.SyntaxKind.WhileStatement]: 'use `for (const x of xs)` with an early return, or `.every`/`.some`',
  [ts.SyntaxKind.DoStatement]: 'use `for (const x of xs)` with an early return, or `.every`/`.some`',
  [ts.SyntaxKind.ForStatement]: 'use `for (const x of xs)` with an early return, or `.every`/`.some`',
  [ts.SyntaxKind.ForInStatement]: 'use `for (const x of xs)` over an array, Set or `m.keys()`',
  [ts.SyntaxKind.ExpressionStatement]: 'an exec function may not mutate or call for effect: bind the value with `const` and return it',
  [ts.SyntaxKind.ThrowStatement]: 'throwing is not modelled: return a value (`undefined` for an Option)',
  [ts.SyntaxKind.TryStatement]: 'exceptions are not modelled: return a value instead',
};

const RUNTIME_BUILTINS: Readonly<Record<string, BuiltinOp>> = {
  len: 'seq.len',
  index: 'seq.index',
  push: 'seq.push',
  concat: 'seq.concat',
  contains: 'seq.contains',
  setAdd: 'set.add',
  setRemove: 'set.remove',
  union: 'set.union',
  intersect: 'set.intersect',
  minus: 'set.minus',
  subset: 'set.subset',
  size: 'set.size',
  range: 'set.range',
  mapIndex: 'map.index',
  mapInsert: 'map.insert',
  mapRemove: 'map.remove',
  keys: 'map.keys',
  strLen: 'string.len',
};

export class Translator {
  readonly b = new IrBuilder();
  /** expressions of TypeScript type `number` (lengths, sizes, indices): Ints in the IR, but not bigints */
  private readonly numbers = new Set<number>();
  private readonly inlining: string[] = [];

  constructor(private readonly cx: TranslationContext) {}

  span(node: ts.Node): Span {
    const pos = (offset: number) => {
      const lc = this.cx.sf.getLineAndCharacterOfPosition(offset);
      return { offset, line: lc.line + 1, column: lc.character + 1 };
    };
    return { file: this.cx.file, start: pos(node.getStart(this.cx.sf)), end: pos(node.getEnd()) };
  }

  private fail(node: ts.Node, message: string): never {
    throw new SubsetError(node, message);
  }

  annotation(node: ts.TypeNode | undefined): Type | undefined {
    const a = readAnnotation(node, this.cx.typeNames);
    return a.kind === 'type' ? a.type : undefined;
  }

  // ---- statements ---------------------------------------------------------------------------

  functionBody(fn: ts.FunctionDeclaration | ts.ArrowFunction, env: Env, expected: Type | undefined): Expr {
    if (!fn.body) this.fail(fn, 'the function has no body');
    if (!ts.isBlock(fn.body)) return this.expr(fn.body, env, expected);
    return this.block(fn.body.statements, env, expected, fn.body);
  }

  private block(stmts: readonly ts.Statement[], env: Env, expected: Type | undefined, owner: ts.Node): Expr {
    const [s, ...rest] = stmts;
    if (!s) this.fail(owner, 'this path ends without `return`: every path of an exec function must return a value');
    if (ts.isReturnStatement(s)) {
      if (!s.expression) this.fail(s, '`return` without a value: return the function\'s result');
      return this.expect(this.expr(s.expression, env, expected), expected, s.expression);
    }
    if (ts.isBlock(s)) return this.block([...s.statements, ...rest], env, expected, s);
    if (ts.isEmptyStatement(s)) return this.block(rest, env, expected, owner);
    if (ts.isVariableStatement(s)) return this.variables(s, rest, env, expected, owner);
    if (ts.isIfStatement(s)) {
      const thenStmts = statementsOf(s.thenStatement);
      const elseStmts = s.elseStatement ? statementsOf(s.elseStatement) : [];
      return this.branch(
        s.expression,
        env,
        (e) => this.block([...thenStmts, ...rest], e, expected, s.thenStatement),
        (e) => this.block([...elseStmts, ...rest], e, expected, s.elseStatement ?? s),
      );
    }
    if (ts.isSwitchStatement(s)) return this.switchStatement(s, rest, env, expected, owner);
    if (ts.isForOfStatement(s)) return this.earlyExitLoop(s, rest, env, expected, owner);
    const hint = STATEMENT_HINTS[s.kind];
    return this.fail(s, `${describeKind(s)} is outside the refinement subset${hint ? `: ${hint}` : ''}`);
  }

  private variables(s: ts.VariableStatement, rest: readonly ts.Statement[], env: Env, expected: Type | undefined, owner: ts.Node): Expr {
    const list = s.declarationList;
    const isConst = (list.flags & ts.NodeFlags.Const) !== 0;
    const isLet = (list.flags & ts.NodeFlags.Let) !== 0;
    if (isLet && list.declarations.length === 1 && rest[0] && ts.isForOfStatement(rest[0])) return this.accumulator(list.declarations[0]!, rest[0], rest.slice(1), env, expected, owner);
    if (!isConst) this.fail(s, '`let` and `var` are outside the subset (bindings never change): use `const`, or the accumulator pattern `let ok = true; for (const x of xs) ok = ok && p(x);`');
    if (list.declarations.length !== 1) this.fail(s, 'declare one `const` per statement');
    const d = list.declarations[0]!;
    if (!ts.isIdentifier(d.name)) this.fail(d.name, 'destructuring is outside the subset: bind the value, then read its fields');
    if (!d.initializer) this.fail(d, 'a `const` needs a value');
    const value = this.expr(d.initializer, env, this.annotation(d.type));
    const name = d.name.text;
    return this.bindValue(name, value, env, (e) => this.block(rest, e, expected, owner));
  }

  private bindValue(name: string, value: Expr, env: Env, body: (env: Env) => Expr): Expr {
    const binder = this.b.binder(name, value.type, value.span);
    const ref = this.b.local(binder, value.span);
    if (this.numbers.has(value.id)) this.numbers.add(ref.id);
    const inner = body(new Map([...env, [name, { kind: 'value', expr: ref }]]));
    return this.b.node({ kind: 'let', binder, value, body: inner }, inner.type, value.span);
  }

  /** `cond ? then : else` for statements and expressions, narrowing `x === undefined` and `x.kind === 'C'` */
  private branch(cond: ts.Expression, env: Env, onTrue: (e: Env) => Expr, onFalse: (e: Env) => Expr): Expr {
    const c = unparen(cond);
    if (ts.isPrefixUnaryExpression(c) && c.operator === ts.SyntaxKind.ExclamationToken) return this.branch(c.operand, env, onFalse, onTrue);
    if (ts.isBinaryExpression(c)) {
      const op = c.operatorToken.kind;
      // `x === undefined || x.kind !== "C"`: the right operand, and the branch both operands decide,
      // see x narrowed by both, as in TypeScript; the other branch (reached either way) sees the
      // names as they were, and is translated once per way of reaching it
      if ((op === ts.SyntaxKind.AmpersandAmpersandToken || op === ts.SyntaxKind.BarBarToken) && this.narrows(c, env)) {
        return op === ts.SyntaxKind.AmpersandAmpersandToken
          ? this.branch(c.left, env, (e) => this.branch(c.right, e, onTrue, () => onFalse(env)), () => onFalse(env))
          : this.branch(c.left, env, () => onTrue(env), (e) => this.branch(c.right, e, () => onTrue(env), onFalse));
      }
      const positive = op === ts.SyntaxKind.EqualsEqualsEqualsToken;
      if (positive || op === ts.SyntaxKind.ExclamationEqualsEqualsToken) {
        const [yes, no] = positive ? [onTrue, onFalse] : [onFalse, onTrue];
        const undef = this.undefinedTest(c, env);
        if (undef) return this.optionMatch(undef.name, undef.local, env, yes, no, c);
        const kind = this.kindTest(c, env);
        if (kind) return this.enumMatch(kind.name, kind.local, [kind.ctor], env, (e) => yes(e), no, c);
      }
    }
    const test = this.expect(this.expr(cond, env, BOOL), BOOL, cond);
    const then = onTrue(env);
    const otherwise = onFalse(env);
    return this.b.node({ kind: 'if', cond: test, then, else: otherwise }, then.type, this.span(cond));
  }

  /** the condition tests an Option name against `undefined` or an enum name's `.kind` (and so narrows it) */
  private narrows(cond: ts.Expression, env: Env): boolean {
    const c = unparen(cond);
    if (ts.isPrefixUnaryExpression(c) && c.operator === ts.SyntaxKind.ExclamationToken) return this.narrows(c.operand, env);
    if (!ts.isBinaryExpression(c)) return false;
    const op = c.operatorToken.kind;
    if (op === ts.SyntaxKind.AmpersandAmpersandToken || op === ts.SyntaxKind.BarBarToken) return this.narrows(c.left, env) || this.narrows(c.right, env);
    if (op !== ts.SyntaxKind.EqualsEqualsEqualsToken && op !== ts.SyntaxKind.ExclamationEqualsEqualsToken) return false;
    return this.undefinedTest(c, env) !== undefined || this.kindTest(c, env) !== undefined;
  }

  private undefinedTest(c: ts.BinaryExpression, env: Env): { name: string; local: Extract<Local, { kind: 'value' }> } | undefined {
    const [id, other] = isUndefined(c.right) ? [c.left, c.right] : isUndefined(c.left) ? [c.right, c.left] : [undefined, undefined];
    if (!id || !other || !ts.isIdentifier(unparen(id))) return undefined;
    const name = (unparen(id) as ts.Identifier).text;
    const local = env.get(name);
    if (local?.kind !== 'value' || local.expr.type.kind !== 'option') return undefined;
    return { name, local };
  }

  private kindTest(c: ts.BinaryExpression, env: Env): { name: string; local: Extract<Local, { kind: 'value' }>; ctor: string } | undefined {
    const [access, lit] = ts.isStringLiteral(c.right) ? [unparen(c.left), c.right] : ts.isStringLiteral(c.left) ? [unparen(c.right), c.left] : [undefined, undefined];
    if (!access || !lit || !ts.isPropertyAccessExpression(access) || access.name.text !== 'kind' || !ts.isIdentifier(access.expression)) return undefined;
    const name = access.expression.text;
    const local = env.get(name);
    if (local?.kind !== 'value' || local.expr.type.kind !== 'enum') return undefined;
    const decl = this.cx.program.enums.get(local.expr.type.name)!;
    if (!decl.ctors.some((k) => k.name === lit.text)) this.fail(lit, `${typeToString(local.expr.type)} has no constructor ${JSON.stringify(lit.text)}`);
    return { name, local, ctor: lit.text };
  }

  private optionMatch(name: string, local: Extract<Local, { kind: 'value' }>, env: Env, onNone: (e: Env) => Expr, onSome: (e: Env) => Expr, at: ts.Node): Expr {
    const t = local.expr.type;
    if (t.kind !== 'option') throw new Error('internal: not an option');
    const span = this.span(at);
    const v = this.b.binder(name, t.elem, span);
    const none = onNone(new Map([...env, [name, { kind: 'value', expr: this.b.node({ kind: 'none' }, t, span) }]]));
    const unwrapped = this.b.local(v, span);
    // a tagged option's value is `{ some: v }`: reading `.some` gives v
    const someValue: Local = isTaggedOption(t.elem)
      ? { kind: 'value', expr: local.expr, narrowed: { ctor: 'Some', fields: new Map([['some', unwrapped]]) } }
      : { kind: 'value', expr: unwrapped };
    const some = onSome(new Map([...env, [name, someValue]]));
    const arms: MatchArm[] = [
      { ctor: 'None', binders: [], body: none, span },
      { ctor: 'Some', binders: [v], body: some, span },
    ];
    return this.b.node({ kind: 'match', scrutinee: local.expr, arms }, none.type, span);
  }

  private enumMatch(
    name: string,
    local: Extract<Local, { kind: 'value' }>,
    ctors: readonly string[],
    env: Env,
    onCtor: (e: Env, ctor: string) => Expr,
    otherwise: ((e: Env) => Expr) | undefined,
    at: ts.Node,
  ): Expr {
    const t = local.expr.type;
    if (t.kind !== 'enum') throw new Error('internal: not an enum');
    const decl = this.cx.program.enums.get(t.name)!;
    const span = this.span(at);
    const arms: MatchArm[] = ctors.map((ctor) => {
      const fields = decl.ctors.find((k) => k.name === ctor)!.fields;
      const binders = fields.map((f) => this.b.binder(`${name.replace(/\W/g, "_")}_${f.name}`, f.type, span));
      const narrowed: Local = { kind: 'value', expr: local.expr, narrowed: { ctor, fields: new Map(fields.map((f, i) => [payloadKey(f.name), this.b.local(binders[i]!, span)])) } };
      return { ctor, binders, body: onCtor(new Map([...env, [name, narrowed]]), ctor), span };
    });
    const covered = decl.ctors.every((k) => ctors.includes(k.name));
    if (!covered) {
      if (!otherwise) this.fail(at, `not every constructor of ${typeToString(t)} is handled: add the missing cases or a \`default\``);
      arms.push({ binders: [], body: otherwise(env), span });
    }
    return this.b.node({ kind: 'match', scrutinee: local.expr, arms }, arms[0]!.body.type, span);
  }

  private switchStatement(s: ts.SwitchStatement, rest: readonly ts.Statement[], env: Env, expected: Type | undefined, owner: ts.Node): Expr {
    const d = unparen(s.expression);
    if (!ts.isPropertyAccessExpression(d) || d.name.text !== 'kind') return this.fail(s.expression, 'switch only on the discriminant of an enum value: `switch (x.kind)`');
    const named = ts.isIdentifier(d.expression) ? env.get(d.expression.text) : undefined;
    if (named?.kind === 'value' && named.expr.type.kind === 'enum') return this.switchOn(d.expression.getText(this.cx.sf), named, s, rest, env, expected, owner);
    const value = this.expr(d.expression, env, undefined);
    if (value.type.kind !== 'enum') return this.fail(s.expression, `switch only on the discriminant of an enum value, not of ${typeToString(value.type)}`);
    // a switch on `f(x).kind` narrows a value no name refers to
    return this.bindValue('$switch', value, env, (e) => this.switchOn('$switch', e.get('$switch') as Extract<Local, { kind: 'value' }>, s, rest, e, expected, owner));
  }

  private switchOn(name: string, local: Extract<Local, { kind: 'value' }>, s: ts.SwitchStatement, rest: readonly ts.Statement[], env: Env, expected: Type | undefined, owner: ts.Node): Expr {
    if (local.expr.type.kind !== 'enum') throw new Error('internal: switch on a non-enum');
    const decl = this.cx.program.enums.get(local.expr.type.name)!;
    const bodies = new Map<string, readonly ts.Statement[]>();
    let pending: string[] = [];
    let fallback: readonly ts.Statement[] | undefined;
    const clauses = s.caseBlock.clauses;
    clauses.forEach((clause, i) => {
      if (ts.isCaseClause(clause)) {
        const label = unparen(clause.expression);
        if (!ts.isStringLiteral(label) || !decl.ctors.some((k) => k.name === label.text)) this.fail(clause.expression, `a case label must name a constructor of ${typeToString(local.expr.type)} as a string`);
        pending.push(label.text);
      }
      if (clause.statements.length === 0 && i < clauses.length - 1) return;
      const stmts = this.clauseBody(clause, rest, i === clauses.length - 1);
      // the first matching case runs, as in JavaScript
      for (const ctor of pending) if (!bodies.has(ctor)) bodies.set(ctor, stmts);
      if (ts.isDefaultClause(clause)) fallback = stmts;
      pending = [];
    });
    const ctors = [...bodies.keys()];
    return this.enumMatch(
      name,
      local,
      ctors,
      env,
      (e, ctor) => this.block(bodies.get(ctor)!, e, expected, s),
      (e) => this.block(fallback ?? rest, e, expected, owner),
      s.expression,
    );
  }

  /** a clause's statements followed by what runs after it: the code after the switch on `break` */
  private clauseBody(clause: ts.CaseOrDefaultClause, rest: readonly ts.Statement[], last: boolean): readonly ts.Statement[] {
    const stmts = clause.statements.length === 1 && ts.isBlock(clause.statements[0]!) ? clause.statements[0].statements : clause.statements;
    const end = stmts[stmts.length - 1];
    if (end && ts.isBreakStatement(end)) return [...stmts.slice(0, -1), ...rest];
    if (end && ts.isReturnStatement(end)) return stmts;
    if (last) return [...stmts, ...rest];
    return this.fail(clause, 'falling through to the next case is outside the subset: end the case with `return` or `break`');
  }

  /** `for (const x of xs) { if (p) return e; }` is `if (exists x in xs :: p) then e else rest` */
  private earlyExitLoop(s: ts.ForOfStatement, rest: readonly ts.Statement[], env: Env, expected: Type | undefined, owner: ts.Node): Expr {
    const { name, domain } = this.loopHead(s, env);
    const body = statementsOf(s.statement);
    const only = body[0];
    const ret = only && ts.isIfStatement(only) && !only.elseStatement ? statementsOf(only.thenStatement) : [];
    if (body.length !== 1 || !only || !ts.isIfStatement(only) || ret.length !== 1 || !ts.isReturnStatement(ret[0]!)) {
      return this.fail(s, 'a `for…of` loop must be `for (const x of xs) { if (p(x)) return e; }` (an early exit) or update a Boolean accumulator');
    }
    const elem = this.elementType(domain, s.expression);
    const binder = this.b.binder(name, elem, this.span(s.initializer));
    const pred = this.expect(this.expr(only.expression, new Map([...env, [name, { kind: 'value', expr: this.b.local(binder, this.span(s.initializer)) }]]), BOOL), BOOL, only.expression);
    const exists = this.b.node({ kind: 'quant', quantifier: 'exists', binder, domain, body: pred }, BOOL, this.span(s));
    const poisoned = new Map<string, Local>([...env, [name, { kind: 'poisoned', why: 'the value returned from inside the loop may not depend on the loop variable' }]]);
    const then = this.block(ret, poisoned, expected, only);
    const otherwise = this.block(rest, env, expected, owner);
    return this.b.node({ kind: 'if', cond: exists, then, else: otherwise }, then.type, this.span(s));
  }

  /** `let ok = true; for (const x of xs) { ok = ok && p(x); }` (or `||` from false) is a quantifier */
  private accumulator(d: ts.VariableDeclaration, loop: ts.ForOfStatement, rest: readonly ts.Statement[], env: Env, expected: Type | undefined, owner: ts.Node): Expr {
    const bad = (): never =>
      this.fail(loop, 'the accumulator loop must be `let acc = true; for (const x of xs) { acc = acc && p(x); }` (or `||` from `false`, or `&&=`/`||=`)');
    if (!ts.isIdentifier(d.name) || !d.initializer) return bad();
    const acc = d.name.text;
    const init = unparen(d.initializer);
    const start = init.kind === ts.SyntaxKind.TrueKeyword ? true : init.kind === ts.SyntaxKind.FalseKeyword ? false : bad();
    const body = statementsOf(loop.statement);
    const stmt = body[0];
    if (body.length !== 1 || !stmt || !ts.isExpressionStatement(stmt) || !ts.isBinaryExpression(stmt.expression)) return bad();
    const assign = stmt.expression;
    if (!ts.isIdentifier(assign.left) || assign.left.text !== acc) return bad();
    let op: ts.SyntaxKind;
    let operand: ts.Expression;
    if (assign.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandEqualsToken || assign.operatorToken.kind === ts.SyntaxKind.BarBarEqualsToken) {
      op = assign.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandEqualsToken ? ts.SyntaxKind.AmpersandAmpersandToken : ts.SyntaxKind.BarBarToken;
      operand = assign.right;
    } else if (assign.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isBinaryExpression(unparen(assign.right))) {
      const r = unparen(assign.right) as ts.BinaryExpression;
      if (!ts.isIdentifier(r.left) || r.left.text !== acc) return bad();
      op = r.operatorToken.kind;
      operand = r.right;
    } else return bad();
    const forall = op === ts.SyntaxKind.AmpersandAmpersandToken;
    if ((!forall && op !== ts.SyntaxKind.BarBarToken) || start !== forall) return bad();
    const { name, domain } = this.loopHead(loop, env);
    const binder = this.b.binder(name, this.elementType(domain, loop.expression), this.span(loop.initializer));
    const inner = new Map<string, Local>([...env, [acc, { kind: 'poisoned', why: 'the accumulator may only be combined as `acc && p(x)` / `acc || p(x)`' }], [name, { kind: 'value', expr: this.b.local(binder, this.span(loop.initializer)) }]]);
    const pred = this.expect(this.expr(operand, inner, BOOL), BOOL, operand);
    const q = this.b.node({ kind: 'quant', quantifier: forall ? 'forall' : 'exists', binder, domain, body: pred }, BOOL, this.span(loop));
    return this.bindValue(acc, q, env, (e) => this.block(rest, e, expected, owner));
  }

  private loopHead(s: ts.ForOfStatement, env: Env): { name: string; domain: Expr } {
    const init = s.initializer;
    const decl = ts.isVariableDeclarationList(init) && (init.flags & ts.NodeFlags.Const) !== 0 && init.declarations.length === 1 ? init.declarations[0]! : undefined;
    if (!decl || !ts.isIdentifier(decl.name)) this.fail(init, 'loop with `for (const x of xs)`: one `const` name');
    if (s.awaitModifier) this.fail(s, '`for await` is outside the subset');
    return { name: decl.name.text, domain: this.collection(s.expression, env) };
  }

  /** a Seq, Set, or Map (its keys) to range over; `[...s]` and `m.keys()` range over `s` and `m` */
  private collection(node: ts.Expression, env: Env): Expr {
    const n = unparen(node);
    if (ts.isArrayLiteralExpression(n) && n.elements.length === 1 && ts.isSpreadElement(n.elements[0]!)) return this.collection(n.elements[0].expression, env);
    if (ts.isCallExpression(n) && ts.isPropertyAccessExpression(n.expression) && n.expression.name.text === 'keys' && n.arguments.length === 0) {
      const m = this.expr(n.expression.expression, env, undefined);
      if (m.type.kind === 'map') return m;
    }
    const c = this.expr(node, env, undefined);
    if (c.type.kind !== 'seq' && c.type.kind !== 'set') this.fail(node, `loops and quantifiers range over an array, a Set or \`m.keys()\`, not ${typeToString(c.type)}`);
    return c;
  }

  private elementType(domain: Expr, at: ts.Node): Type {
    const t = domain.type;
    if (t.kind === 'seq' || t.kind === 'set') return t.elem;
    if (t.kind === 'map') return t.key;
    return this.fail(at, 'not a collection');
  }

  // ---- expressions --------------------------------------------------------------------------

  /** the expression is of type `expected` (wrapping a value into Some where TypeScript does) */
  expect(e: Expr, expected: Type | undefined, at: ts.Node): Expr {
    if (!expected) return e;
    if (this.numbers.has(e.id) && expected.kind === 'int') this.fail(at, 'a `number` where a `bigint` is expected: convert with `BigInt(...)`');
    if (typeEquals(e.type, expected)) return e;
    if (expected.kind === 'option' && !isTaggedOption(expected.elem) && typeEquals(e.type, expected.elem)) return this.b.node({ kind: 'some', arg: e }, expected, e.span);
    return this.fail(at, `this is ${typeToString(e.type)} where ${typeToString(expected)} is expected`);
  }

  expr(node: ts.Expression, env: Env, expected: Type | undefined): Expr {
    const span = this.span(node);
    const n = node;
    if (ts.isParenthesizedExpression(n)) return this.expr(n.expression, env, expected);
    if (ts.isBigIntLiteral(n)) return this.b.int(BigInt(n.text.slice(0, -1)), span);
    if (ts.isNumericLiteral(n)) {
      if (!/^\d+$/.test(n.text)) this.fail(n, 'only integer number literals (as lengths and indices); kspec Ints are bigints: write `1n`');
      return this.number(this.b.int(BigInt(n.text), span));
    }
    if (ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n)) return this.b.node({ kind: 'string', value: n.text }, STRING, span);
    if (n.kind === ts.SyntaxKind.TrueKeyword || n.kind === ts.SyntaxKind.FalseKeyword) return this.b.bool(n.kind === ts.SyntaxKind.TrueKeyword, span);
    if (ts.isIdentifier(n)) return this.identifier(n, env, expected);
    if (ts.isPrefixUnaryExpression(n)) return this.prefix(n, env);
    if (ts.isBinaryExpression(n)) return this.binary(n, env, expected);
    if (ts.isConditionalExpression(n)) {
      let thenType = expected;
      const onTrue = (e: Env): Expr => {
        const x = this.expect(this.expr(n.whenTrue, e, expected), expected, n.whenTrue);
        thenType ??= x.type;
        return x;
      };
      return this.branch(n.condition, env, onTrue, (e) => this.expect(this.expr(n.whenFalse, e, thenType), thenType, n.whenFalse));
    }
    if (ts.isPropertyAccessExpression(n)) return this.property(n, env);
    if (ts.isElementAccessExpression(n)) return this.element(n, env);
    if (ts.isCallExpression(n)) return this.call(n, env, expected);
    if (ts.isObjectLiteralExpression(n)) return this.objectLiteral(n, env, expected);
    if (ts.isArrayLiteralExpression(n)) return this.arrayLiteral(n, env, expected);
    if (ts.isNewExpression(n)) return this.newCollection(n, env, expected);
    if (ts.isAsExpression(n) && ts.isTypeReferenceNode(n.type) && ts.isIdentifier(n.type.typeName) && n.type.typeName.text === 'const') {
      return this.expr(n.expression, env, expected);
    }
    if (ts.isAsExpression(n) || ts.isTypeAssertionExpression(n)) return this.fail(n, 'type assertions are outside the subset (they are unchecked): let the types follow from the values');
    if (ts.isNonNullExpression(n)) return this.fail(n, '`!` is outside the subset: test `x === undefined` first, or use `x ?? fallback`');
    if (ts.isTemplateExpression(n)) return this.fail(n, 'template strings with substitutions are outside the subset: concatenate strings with `+`');
    if (ts.isArrowFunction(n) || ts.isFunctionExpression(n)) return this.fail(n, 'a function value is allowed only as the callback of `.every`/`.some`');
    return this.fail(n, `${describeKind(n)} is outside the refinement subset`);
  }

  private number(e: Expr): Expr {
    this.numbers.add(e.id);
    return e;
  }

  private isNumber(e: Expr): boolean {
    return this.numbers.has(e.id);
  }

  private identifier(n: ts.Identifier, env: Env, expected: Type | undefined): Expr {
    const span = this.span(n);
    const local = env.get(n.text);
    if (local) {
      if (local.kind === 'value') return local.expr;
      if (local.kind === 'poisoned') return this.fail(n, local.why);
      return this.fail(n, local.kind === 'consts' ? 'read a constant as `c.NAME`; the constants object itself is not a value' : 'read the state as `s.x`, or build the next state as `{ ...s, x: e }`');
    }
    if (n.text === 'undefined') {
      if (expected?.kind !== 'option') return this.fail(n, '`undefined` is None: it needs an Option type from the context (a return type, a parameter)');
      return this.b.node({ kind: 'none' }, expected, span);
    }
    const ctor = this.cx.ctorNames.get(n.text);
    if (ctor) return this.construct(ctor.enumName, ctor.ctor, [], n, env);
    const constant = this.cx.constants.get(n.text);
    if (constant) return this.topLevelConstant(constant, n);
    return this.fail(n, `\`${n.text}\` is not a parameter, a \`const\` of this function or of the file, or a constructor of the spec`);
  }

  /** a top-level `const` of the file, in scope everywhere; only primitives, which nothing can mutate */
  private topLevelConstant(d: ts.VariableDeclaration, at: ts.Identifier): Expr {
    const name = at.text;
    if (this.inlining.includes(name)) this.fail(at, `the constant \`${name}\` is defined in terms of itself`);
    this.inlining.push(name);
    try {
      const value = this.expr(d.initializer!, new Map(), this.annotation(d.type));
      if (value.type.kind !== 'int' && value.type.kind !== 'bool' && value.type.kind !== 'string') {
        this.fail(at, `\`${name}\` is a top-level ${typeToString(value.type)}, which other code could mutate: exec code reads top-level bigints, booleans and strings only (make it a function of no parameters)`);
      }
      return value;
    } finally {
      this.inlining.pop();
    }
  }

  private prefix(n: ts.PrefixUnaryExpression, env: Env): Expr {
    const span = this.span(n);
    if (n.operator === ts.SyntaxKind.ExclamationToken) return this.b.node({ kind: 'not', arg: this.expect(this.expr(n.operand, env, BOOL), BOOL, n.operand) }, BOOL, span);
    if (n.operator === ts.SyntaxKind.MinusToken) {
      const arg = this.expr(n.operand, env, INT);
      if (this.isNumber(arg)) this.fail(n, 'arithmetic on `number` is outside the subset: use bigint');
      if (arg.kind === 'int') return this.b.int(-arg.value, span);
      return this.b.node({ kind: 'neg', arg: this.expect(arg, INT, n.operand) }, INT, span);
    }
    return this.fail(n, `the prefix operator \`${ts.tokenToString(n.operator)}\` is outside the subset`);
  }

  private binary(n: ts.BinaryExpression, env: Env, expected: Type | undefined): Expr {
    const span = this.span(n);
    const op = n.operatorToken.kind;
    const K = ts.SyntaxKind;
    if (op === K.AmpersandAmpersandToken || op === K.BarBarToken) {
      // `x !== undefined && x > 0n`: the right operand sees x narrowed by the left
      if (this.narrows(n.left, env)) {
        const right = (e: Env) => this.expect(this.expr(n.right, e, BOOL), BOOL, n.right);
        return op === K.AmpersandAmpersandToken
          ? this.branch(n.left, env, right, () => this.b.bool(false, span))
          : this.branch(n.left, env, () => this.b.bool(true, span), right);
      }
      const left = this.expect(this.expr(n.left, env, BOOL), BOOL, n.left);
      const right = this.expect(this.expr(n.right, env, BOOL), BOOL, n.right);
      return this.b.node({ kind: 'logic', op: op === K.AmpersandAmpersandToken ? '&&' : '||', left, right }, BOOL, span);
    }
    if (op === K.QuestionQuestionToken) {
      const left = unparen(n.left);
      const local = ts.isIdentifier(left) ? env.get(left.text) : undefined;
      if (!ts.isIdentifier(left) || local?.kind !== 'value' || local.expr.type.kind !== 'option' || isTaggedOption(local.expr.type.elem)) {
        return this.fail(n.left, '`??` applies to a name of Option type (`x ?? fallback`)');
      }
      const elem = local.expr.type.elem;
      return this.optionMatch(left.text, local, env, (e) => this.expect(this.expr(n.right, e, expected ?? elem), elem, n.right), (e) => this.expr(left, e, elem), n);
    }
    if (op === K.EqualsEqualsEqualsToken || op === K.ExclamationEqualsEqualsToken) {
      const eq = this.equality(n, env);
      return op === K.EqualsEqualsEqualsToken ? eq : this.b.node({ kind: 'not', arg: eq }, BOOL, span);
    }
    if (op === K.EqualsEqualsToken || op === K.ExclamationEqualsToken) return this.fail(n.operatorToken, 'use `===` / `!==` (loose equality converts types)');
    const left = this.expr(n.left, env, undefined);
    const right = this.expr(n.right, env, left.type);
    if (op === K.LessThanToken || op === K.LessThanEqualsToken || op === K.GreaterThanToken || op === K.GreaterThanEqualsToken) {
      // JavaScript compares a bigint with a number exactly, so mixing them here is fine
      if (left.type.kind !== 'int' || right.type.kind !== 'int') this.fail(n, 'comparisons are between integers (bigint, or lengths and indices)');
      const cop = op === K.LessThanToken ? '<' : op === K.LessThanEqualsToken ? '<=' : op === K.GreaterThanToken ? '>' : '>=';
      return this.b.node({ kind: 'compare', op: cop, left, right }, BOOL, span);
    }
    if (op === K.PlusToken && left.type.kind === 'string') {
      return this.b.node({ kind: 'builtin', op: 'string.concat', args: [left, this.expect(right, STRING, n.right)] }, STRING, span);
    }
    if (op === K.PlusToken || op === K.MinusToken || op === K.AsteriskToken || op === K.SlashToken || op === K.PercentToken) {
      if (this.isNumber(left) || this.isNumber(right)) this.fail(n, 'arithmetic on `number` is outside the subset (it rounds): convert with `BigInt(...)` first');
      const l = this.expect(left, INT, n.left);
      const r = this.expect(right, INT, n.right);
      if (op === K.SlashToken) return this.b.truncDiv(l, r, span);
      if (op === K.PercentToken) return this.b.truncRem(l, r, span);
      return this.b.node({ kind: 'arith', op: op === K.PlusToken ? '+' : op === K.MinusToken ? '-' : '*', left: l, right: r }, INT, span);
    }
    return this.fail(n.operatorToken, `the operator \`${ts.tokenToString(op)}\` is outside the subset`);
  }

  private equality(n: ts.BinaryExpression, env: Env): Expr {
    const span = this.span(n);
    const [first, second] = isUndefined(n.left) ? [n.right, n.left] : [n.left, n.right];
    const [access, literal] = ts.isStringLiteral(unparen(second)) ? [unparen(first), unparen(second)] : [unparen(second), unparen(first)];
    if (ts.isPropertyAccessExpression(access) && access.name.text === 'kind' && ts.isStringLiteral(literal)) {
      const target = this.expr(access.expression, env, undefined);
      if (target.type.kind === 'enum') {
        if (!this.cx.program.enums.get(target.type.name)!.ctors.some((k) => k.name === literal.text)) this.fail(literal, `${typeToString(target.type)} has no constructor ${JSON.stringify(literal.text)}`);
        return this.b.node({ kind: 'is', arg: target, ctor: literal.text }, BOOL, span);
      }
    }
    const left = this.expr(first, env, undefined);
    if (isUndefined(second)) {
      if (left.type.kind !== 'option') this.fail(n, `comparing ${typeToString(left.type)} with undefined: only an Option can be undefined`);
      return this.b.node({ kind: 'is', arg: left, ctor: 'None' }, BOOL, span);
    }
    const right = this.expr(second, env, left.type);
    // `1n === 1` is false in JavaScript: both sides must be bigints, or both numbers
    if (this.isNumber(left) !== this.isNumber(right)) this.fail(n, '`===` between a `number` and a `bigint` is always false: convert with `BigInt(...)`');
    if (left.type.kind !== 'int' && left.type.kind !== 'bool' && left.type.kind !== 'string') {
      this.fail(n, `\`===\` compares ${typeToString(left.type)} values by identity: use \`equals(a, b)\` from kproof/runtime`);
    }
    return this.b.node({ kind: 'eq', left, right: this.expect(right, left.type, second) }, BOOL, span);
  }

  private property(n: ts.PropertyAccessExpression, env: Env): Expr {
    const span = this.span(n);
    const name = n.name.text;
    if (ts.isIdentifier(n.expression)) {
      const local = env.get(n.expression.text);
      if (local?.kind === 'consts') {
        const q = this.cx.constKeys.get(name);
        if (!q) this.fail(n.name, `the spec has no constant \`${name}\``);
        const decl = this.cx.program.consts.get(q);
        if (!decl) this.fail(n.name, `\`${name}\` is an abstract def, which exec code cannot read`);
        return this.b.node({ kind: 'ref', ref: { kind: 'const', name: q } }, decl.type, span);
      }
      if (local?.kind === 'state') {
        const v = local.machine.vars.find((x) => x.name === name);
        if (!v) this.fail(n.name, `machine ${local.machine.name} has no variable \`${name}\``);
        return this.b.node({ kind: 'ref', ref: { kind: 'var', machine: local.machine.name, name } }, v.type, span);
      }
      if (local?.kind === 'value' && local.narrowed) {
        const f = local.narrowed.fields.get(name);
        if (f) return f;
      }
      const ns = this.cx.enumNamespaces.get(n.expression.text);
      if (ns && !local) return this.construct(ns, name, [], n, env);
    }
    const target = this.expr(n.expression, env, undefined);
    const t = target.type;
    if (t.kind === 'record') {
      const f = this.cx.program.records.get(t.name)?.fields.find((x) => x.name === name);
      if (!f) this.fail(n.name, `${typeToString(t)} has no field \`${name}\``);
      return this.b.node({ kind: 'field', target, record: t.name, field: name }, f.type, span);
    }
    if (t.kind === 'option') return this.fail(n, `${n.questionDotToken ? '`?.`' : `\`.${name}\``} on ${typeToString(t)} is outside the subset: bind the value and test it first (\`x !== undefined && x.${name} …\`)`);
    if (t.kind === 'enum' && name === 'kind') return this.discriminant(target, t.name, span);
    if (t.kind === 'enum') return this.fail(n, `narrow ${typeToString(t)} first (\`if (x.kind === "C")\` or \`switch (x.kind)\`) to read its fields`);
    if (name === 'length' && t.kind === 'seq') return this.number(this.b.node({ kind: 'builtin', op: 'seq.len', args: [target] }, INT, span));
    if (name === 'length' && t.kind === 'string') return this.fail(n, "a string's `.length` counts UTF-16 units, kspec counts code points: use `strLen(s)` from kproof/runtime");
    if (name === 'size' && t.kind === 'set') return this.number(this.b.node({ kind: 'builtin', op: 'set.size', args: [target] }, INT, span));
    if (name === 'size' && t.kind === 'map') {
      const keys = this.b.node({ kind: 'builtin', op: 'map.keys', args: [target] }, { kind: 'set', elem: t.key }, span);
      return this.number(this.b.node({ kind: 'builtin', op: 'set.size', args: [keys] }, INT, span));
    }
    return this.fail(n.name, `\`.${name}\` on ${typeToString(t)} is outside the subset`);
  }

  /** `x.kind` as a value: the constructor's name (a payload field `kind` is `kind$`, so this is the tag) */
  private discriminant(target: Expr, enumName: string, span: Span): Expr {
    const arms: MatchArm[] = this.cx.program.enums.get(enumName)!.ctors.map((c) => ({
      ctor: c.name,
      binders: c.fields.map((f) => this.b.binder(`$${f.name}`, f.type, span)),
      body: this.b.node({ kind: 'string', value: c.name }, STRING, span),
      span,
    }));
    return this.b.node({ kind: 'match', scrutinee: target, arms }, STRING, span);
  }

  private element(n: ts.ElementAccessExpression, env: Env): Expr {
    const span = this.span(n);
    const target = this.expr(n.expression, env, undefined);
    if (target.type.kind === 'tuple') {
      const i = unparen(n.argumentExpression);
      if (!ts.isNumericLiteral(i) || Number(i.text) >= target.type.elems.length) this.fail(n.argumentExpression, 'index a tuple with a literal position');
      return this.b.node({ kind: 'tupleGet', tuple: target, index: Number(i.text) }, target.type.elems[Number(i.text)]!, span);
    }
    if (target.type.kind === 'record' && ts.isStringLiteral(n.argumentExpression)) {
      const name = n.argumentExpression.text;
      const f = this.cx.program.records.get(target.type.name)?.fields.find((x) => x.name === name);
      if (!f) this.fail(n.argumentExpression, `${typeToString(target.type)} has no field \`${name}\``);
      return this.b.node({ kind: 'field', target, record: target.type.name, field: name }, f.type, span);
    }
    if (target.type.kind !== 'seq') return this.fail(n, `indexing ${typeToString(target.type)} is outside the subset (Maps: \`m.get(k)\`)`);
    const index = this.expr(n.argumentExpression, env, undefined);
    if (!this.isNumber(index)) this.fail(n.argumentExpression, 'an array index is a `number`: write `xs[Number(i)]`');
    return this.b.node({ kind: 'builtin', op: 'seq.index', args: [target, index] }, target.type.elem, span);
  }

  private construct(enumName: string, ctor: string, args: readonly ts.Expression[], at: ts.Node, env: Env): Expr {
    const decl = this.cx.program.enums.get(enumName)!;
    const c = decl.ctors.find((k) => k.name === ctor);
    if (!c) return this.fail(at, `the enum has no constructor ${ctor}`);
    if (args.length !== c.fields.length) this.fail(at, `${ctor} takes ${c.fields.length} argument(s)`);
    const values = c.fields.map((f, i) => this.expect(this.expr(args[i]!, env, f.type), f.type, args[i]!));
    return this.b.node({ kind: 'ctor', enumName, ctor, args: values }, { kind: 'enum', name: enumName }, this.span(at));
  }

  private call(n: ts.CallExpression, env: Env, expected: Type | undefined): Expr {
    const span = this.span(n);
    const callee = n.expression;
    const args = n.arguments;
    if (args.some((a) => ts.isSpreadElement(a))) this.fail(n, 'spread arguments are outside the subset');
    if (ts.isIdentifier(callee)) {
      const name = callee.text;
      if (env.has(name)) this.fail(callee, 'calling a value is outside the subset');
      if (name === 'BigInt' && args.length === 1) {
        const v = this.expr(args[0]!, env, undefined);
        if (!this.isNumber(v)) this.fail(args[0]!, '`BigInt(...)` converts a length or an index (a `number`)');
        return this.b.fresh(v);
      }
      if (name === 'Number' && args.length === 1) return this.number(this.b.fresh(this.expect(this.expr(args[0]!, env, INT), INT, args[0]!)));
      const runtime = this.cx.runtimeNames.get(name);
      if (runtime) return this.runtimeCall(runtime, n, env, expected);
      const ctor = this.cx.ctorNames.get(name);
      if (ctor) return this.construct(ctor.enumName, ctor.ctor, args, n, env);
      const fn = this.cx.functions.get(name);
      if (fn) return this.inline(fn, args, env, expected, n);
      return this.fail(callee, `\`${name}\` is not a function of this file, a constructor of the spec, or an export of kproof/runtime`);
    }
    if (!ts.isPropertyAccessExpression(callee)) return this.fail(callee, 'only named functions and methods can be called');
    const method = callee.name.text;
    if (ts.isIdentifier(callee.expression) && !env.has(callee.expression.text)) {
      if (this.cx.runtimeNamespaces.has(callee.expression.text)) return this.runtimeCall(method, n, env, expected);
      const ns = this.cx.enumNamespaces.get(callee.expression.text);
      if (ns) return this.construct(ns, method, args, n, env);
    }
    if (method === 'every' || method === 'some') return this.quantifier(method === 'every' ? 'forall' : 'exists', callee.expression, args[0], n, env);
    const target = this.expr(callee.expression, env, undefined);
    const t = target.type;
    const arg = (i: number, type: Type) => {
      const a = args[i];
      if (!a || args.length <= i) return this.fail(n, `\`.${method}\` needs ${i + 1} argument(s)`);
      return this.expect(this.expr(a, env, type), type, a);
    };
    const primitive = (x: Type) => x.kind === 'int' || x.kind === 'bool' || x.kind === 'string';
    const byIdentity = (x: Type) => this.fail(n, `\`.${method}\` compares ${typeToString(x)} by identity: use the kproof/runtime function (\`setHas\`, \`mapGet\`, \`mapHas\`, \`contains\`)`);
    if (t.kind === 'map' && (method === 'get' || method === 'has')) {
      if (!primitive(t.key)) return byIdentity(t.key);
      const k = arg(0, t.key);
      if (method === 'has') return this.b.node({ kind: 'builtin', op: 'map.in', args: [k, target] }, BOOL, span);
      if (isTaggedOption(t.value)) this.fail(n, 'the values are Options: use `mapGetTagged(m, k)` from kproof/runtime (`m.get` cannot tell a missing key from a None value)');
      return this.b.node({ kind: 'builtin', op: 'map.get', args: [target, k] }, { kind: 'option', elem: t.value }, span);
    }
    if (t.kind === 'set' && method === 'has') {
      if (!primitive(t.elem)) return byIdentity(t.elem);
      return this.b.node({ kind: 'builtin', op: 'set.in', args: [arg(0, t.elem), target] }, BOOL, span);
    }
    if (t.kind === 'seq' && method === 'includes') {
      if (!primitive(t.elem)) return byIdentity(t.elem);
      return this.b.node({ kind: 'builtin', op: 'seq.contains', args: [target, arg(0, t.elem)] }, BOOL, span);
    }
    if (t.kind === 'seq' && method === 'concat' && args.length === 1) return this.b.node({ kind: 'builtin', op: 'seq.concat', args: [target, arg(0, t)] }, t, span);
    if (t.kind === 'string' && method === 'concat' && args.length === 1) return this.b.node({ kind: 'builtin', op: 'string.concat', args: [target, arg(0, STRING)] }, STRING, span);
    return this.fail(callee.name, `\`.${method}(...)\` on ${typeToString(t)} is outside the subset${MUTATORS.has(method) ? ' (it mutates: build a new value instead, e.g. `[...xs, x]`, `mapInsert(m, k, v)`)' : ''}`);
  }

  private quantifier(q: 'forall' | 'exists', coll: ts.Expression, fn: ts.Expression | undefined, at: ts.Node, env: Env): Expr {
    const domain = this.collection(coll, env);
    const f = fn && unparen(fn);
    if (!f || !ts.isArrowFunction(f) || f.parameters.length !== 1 || !ts.isIdentifier(f.parameters[0]!.name)) {
      return this.fail(fn ?? at, 'the callback is an arrow function of one named parameter: `xs.every((x) => p(x))`');
    }
    const name = (f.parameters[0]!.name as ts.Identifier).text;
    const binder = this.b.binder(name, this.elementType(domain, coll), this.span(f.parameters[0]!));
    const body = this.expect(this.functionBody(f, new Map([...env, [name, { kind: 'value', expr: this.b.local(binder, binder.span) }]]), BOOL), BOOL, f);
    return this.b.node({ kind: 'quant', quantifier: q, binder, domain, body }, BOOL, this.span(at));
  }

  private runtimeCall(name: string, n: ts.CallExpression, env: Env, expected: Type | undefined): Expr {
    const span = this.span(n);
    const args = n.arguments;
    const op0 = RUNTIME_BUILTINS[name];
    const arity = op0 ? BUILTIN_SIGNATURES[op0].args.length : RUNTIME_ARITY[name];
    if (arity !== undefined && args.length !== arity) this.fail(n, `\`${name}\` takes ${arity} argument(s)`);
    const first = () => this.expr(args[0]!, env, undefined);
    if (name === 'equals' && args.length === 2) {
      const a = first();
      return this.b.node({ kind: 'eq', left: a, right: this.expect(this.expr(args[1]!, env, a.type), a.type, args[1]!) }, BOOL, span);
    }
    if ((name === 'all' || name === 'any') && args.length === 2) return this.quantifier(name === 'all' ? 'forall' : 'exists', args[0]!, args[1], n, env);
    if ((name === 'setOf' || name === 'mapOf') && args.length === 1) return this.collectionLiteral(name === 'setOf' ? 'set' : 'map', args[0]!, env, expected, n);
    if ((name === 'div' || name === 'mod') && args.length === 2) {
      const a = this.expect(first(), INT, args[0]!);
      const b = this.expect(this.expr(args[1]!, env, INT), INT, args[1]!);
      return this.b.node({ kind: 'arith', op: name === 'div' ? '/' : '%', left: a, right: b }, INT, span);
    }
    if ((name === 'setHas' || name === 'mapHas') && args.length === 2) {
      const c = first();
      const elem = c.type.kind === 'set' ? c.type.elem : c.type.kind === 'map' ? c.type.key : this.fail(args[0]!, `${name} takes a ${name === 'setHas' ? 'Set' : 'Map'}`);
      const x = this.expect(this.expr(args[1]!, env, elem), elem, args[1]!);
      return this.b.node({ kind: 'builtin', op: name === 'setHas' ? 'set.in' : 'map.in', args: [x, c] }, BOOL, span);
    }
    if (name === 'mapGet' || name === 'mapGetTagged') {
      const m = first();
      if (m.type.kind !== 'map') return this.fail(args[0]!, `${name} takes a Map`);
      if (isTaggedOption(m.type.value) !== (name === 'mapGetTagged')) {
        this.fail(n.expression, name === 'mapGet' ? 'the values are Options: use `mapGetTagged`, which tells a missing key from a None value' : 'use `mapGet`: the values are not Options');
      }
      const k = this.expect(this.expr(args[1]!, env, m.type.key), m.type.key, args[1]!);
      return this.b.node({ kind: 'builtin', op: 'map.get', args: [m, k] }, { kind: 'option', elem: m.type.value }, span);
    }
    const op = RUNTIME_BUILTINS[name];
    if (!op) return this.fail(n.expression, `\`${name}\` from kproof/runtime is outside the refinement subset`);
    const values: Expr[] = [];
    for (const [i, a] of args.entries()) {
      const hint = i === 0 ? undefined : this.argumentType(op, i, values[0]!.type);
      values.push(hint ? this.expect(this.expr(a, env, hint), hint, a) : this.expr(a, env, undefined));
    }
    return this.b.node({ kind: 'builtin', op, args: values }, this.builtinResult(op, values, n), span);
  }

  private argumentType(op: BuiltinOp, i: number, receiver: Type): Type | undefined {
    if (op === 'set.range' || op === 'seq.index') return INT;
    if (receiver.kind === 'seq') return op === 'seq.concat' ? receiver : receiver.elem;
    if (receiver.kind === 'set') return op === 'set.add' || op === 'set.remove' ? receiver.elem : receiver;
    if (receiver.kind === 'map') return i === 1 ? receiver.key : receiver.value;
    if (op === 'string.concat') return STRING;
    return undefined;
  }

  private builtinResult(op: BuiltinOp, args: readonly Expr[], at: ts.Node): Type {
    const r = args[0]?.type;
    const want = (kind: Type['kind']) => {
      if (r?.kind !== kind) this.fail(at, `this function takes a ${kind} first`);
    };
    switch (op) {
      case 'seq.len':
        want('seq');
        return INT;
      case 'seq.index':
        want('seq');
        return (r as Extract<Type, { kind: 'seq' }>).elem;
      case 'seq.push':
      case 'seq.concat':
        want('seq');
        return r!;
      case 'seq.contains':
        want('seq');
        return BOOL;
      case 'set.add':
      case 'set.remove':
      case 'set.union':
      case 'set.intersect':
      case 'set.minus':
        want('set');
        return r!;
      case 'set.subset':
        want('set');
        return BOOL;
      case 'set.size':
        want('set');
        return INT;
      case 'set.range':
        return { kind: 'set', elem: INT };
      case 'map.index':
        want('map');
        return (r as Extract<Type, { kind: 'map' }>).value;
      case 'map.get':
        want('map');
        return { kind: 'option', elem: (r as Extract<Type, { kind: 'map' }>).value };
      case 'map.insert':
      case 'map.remove':
        want('map');
        return r!;
      case 'map.keys':
        want('map');
        return { kind: 'set', elem: (r as Extract<Type, { kind: 'map' }>).key };
      case 'string.len':
        want('string');
        return INT;
      default:
        return this.fail(at, 'outside the subset');
    }
  }

  /** a view function of the file applied to an already translated value */
  applyView(fn: ts.FunctionDeclaration, value: Expr, expected: Type | undefined, at: ts.Node): Expr {
    const p = fn.parameters[0];
    if (fn.parameters.length !== 1 || !p || !ts.isIdentifier(p.name)) return this.fail(fn, 'a view function takes exactly one named parameter');
    this.inlining.push(fn.name!.text);
    try {
      return this.bindValue(p.name.text, this.expect(value, this.annotation(p.type), at), new Map(), (e) => this.functionBody(fn, e, this.annotation(fn.type) ?? expected));
    } finally {
      this.inlining.pop();
    }
  }

  private inline(fn: ts.FunctionDeclaration, args: readonly ts.Expression[], env: Env, expected: Type | undefined, at: ts.CallExpression): Expr {
    const name = fn.name!.text;
    if (this.inlining.includes(name)) this.fail(at, 'recursion is outside the subset: write the spec with `decreases`, or use a loop pattern');
    if (fn.parameters.length !== args.length) this.fail(at, `${name} takes ${fn.parameters.length} argument(s)`);
    const bindings: [string, Local][] = [];
    const lets: { name: string; value: Expr }[] = [];
    fn.parameters.forEach((p, i) => {
      if (!ts.isIdentifier(p.name) || p.initializer || p.dotDotDotToken) this.fail(p, 'parameters are plain names (no defaults, rest or destructuring)');
      const a = unparen(args[i]!);
      const passed = ts.isIdentifier(a) ? env.get(a.text) : undefined;
      if (passed && passed.kind !== 'value') bindings.push([p.name.text, passed]);
      else lets.push({ name: p.name.text, value: this.expr(args[i]!, env, this.annotation(p.type)) });
    });
    this.inlining.push(name);
    try {
      const wrap = (i: number, inner: Env): Expr =>
        i === lets.length
          ? this.functionBody(fn, inner, this.annotation(fn.type) ?? expected)
          : this.bindValue(lets[i]!.name, lets[i]!.value, inner, (e) => wrap(i + 1, e));
      return wrap(0, new Map(bindings));
    } finally {
      this.inlining.pop();
    }
  }

  private objectLiteral(n: ts.ObjectLiteralExpression, env: Env, expected: Type | undefined): Expr {
    const span = this.span(n);
    let base: ts.Expression | undefined;
    const props = new Map<string, ts.Expression>();
    for (const p of n.properties) {
      if (ts.isSpreadAssignment(p)) {
        if (base || props.size > 0) this.fail(p, 'one spread, first: `{ ...r, f: v }`');
        base = p.expression;
      } else if (ts.isPropertyAssignment(p)) props.set(propertyName(p.name), p.initializer);
      else if (ts.isShorthandPropertyAssignment(p)) props.set(p.name.text, p.name);
      else this.fail(p, 'object literals hold `name: value` properties and one leading spread');
    }
    if (expected?.kind === 'option') {
      if (isTaggedOption(expected.elem) && props.has('some') && props.size === 1 && !base) {
        return this.b.node({ kind: 'some', arg: this.expect(this.expr(props.get('some')!, env, expected.elem), expected.elem, props.get('some')!) }, expected, span);
      }
      return this.expect(this.objectLiteral(n, env, expected.elem), expected, n);
    }
    if (expected?.kind === 'enum') {
      const kind = props.get('kind');
      if (!kind || !ts.isStringLiteral(kind) || base) return this.fail(n, 'an enum value is `{ kind: "Ctor", ...fields }` (or its generated constructor function)');
      const decl = this.cx.program.enums.get(expected.name)!;
      const c = decl.ctors.find((k) => k.name === kind.text);
      if (!c) return this.fail(kind, `${typeToString(expected)} has no constructor ${JSON.stringify(kind.text)}`);
      const extra = [...props.keys()].find((k) => k !== 'kind' && !c.fields.some((f) => payloadKey(f.name) === k));
      if (extra) this.fail(n, `${c.name} has no field \`${extra}\``);
      const args = c.fields.map((f) => {
        const v = props.get(payloadKey(f.name));
        if (!v) return this.fail(n, `${c.name} needs the field \`${payloadKey(f.name)}\``);
        return this.expect(this.expr(v, env, f.type), f.type, v);
      });
      return this.b.node({ kind: 'ctor', enumName: expected.name, ctor: c.name, args }, expected, span);
    }
    if (expected?.kind !== 'record') return this.fail(n, 'an object literal needs a record or enum type from its context (a return type, a parameter, an annotation)');
    const decl = this.cx.program.records.get(expected.name)!;
    const extra = [...props.keys()].find((k) => !decl.fields.some((f) => f.name === k));
    if (extra) this.fail(n, `${typeToString(expected)} has no field \`${extra}\``);
    const value = (f: { name: string; type: Type }) => {
      const v = props.get(f.name)!;
      return this.expect(this.expr(v, env, f.type), f.type, v);
    };
    if (base) {
      const target = this.spreadBase(base, env, expected);
      const updates = decl.fields.filter((f) => props.has(f.name)).map((f) => ({ field: f.name, value: value(f) }));
      if (updates.length === 0) return target;
      return this.b.node({ kind: 'with', target, record: expected.name, updates }, expected, span);
    }
    const missing = decl.fields.find((f) => !props.has(f.name));
    if (missing) this.fail(n, `${typeToString(expected)} needs the field \`${missing.name}\``);
    return this.b.node({ kind: 'record', record: expected.name, fields: decl.fields.map(value) }, expected, span);
  }

  /** `...s` of the machine state builds the next state from the current variables */
  private spreadBase(base: ts.Expression, env: Env, expected: Extract<Type, { kind: 'record' }>): Expr {
    const id = unparen(base);
    const local = ts.isIdentifier(id) ? env.get(id.text) : undefined;
    if (local?.kind === 'state') {
      const decl = this.cx.program.records.get(expected.name)!;
      const span = this.span(base);
      const fields = decl.fields.map((f) => this.b.node({ kind: 'ref', ref: { kind: 'var', machine: local.machine.name, name: f.name } }, f.type, span));
      return this.b.node({ kind: 'record', record: expected.name, fields }, expected, span);
    }
    return this.expect(this.expr(base, env, expected), expected, base);
  }

  private arrayLiteral(n: ts.ArrayLiteralExpression, env: Env, expected: Type | undefined): Expr {
    const span = this.span(n);
    if (expected?.kind === 'tuple') {
      if (n.elements.length !== expected.elems.length || n.elements.some((e) => ts.isSpreadElement(e))) this.fail(n, `a tuple of ${expected.elems.length} elements`);
      const elems = n.elements.map((e, i) => this.expect(this.expr(e, env, expected.elems[i]), expected.elems[i], e));
      return this.b.node({ kind: 'tuple', elems }, expected, span);
    }
    let elemType = expected?.kind === 'seq' ? expected.elem : undefined;
    let acc: Expr | undefined;
    let pending: Expr[] = [];
    const flush = () => {
      if (pending.length === 0) return;
      const t: Type = { kind: 'seq', elem: elemType! };
      if (!acc) acc = this.b.node({ kind: 'seqLit', elems: pending }, t, span);
      else for (const x of pending) acc = this.b.node({ kind: 'builtin', op: 'seq.push', args: [acc, x] }, t, span);
      pending = [];
    };
    for (const e of n.elements) {
      if (ts.isSpreadElement(e)) {
        const part = this.expr(e.expression, env, elemType ? { kind: 'seq', elem: elemType } : undefined);
        if (part.type.kind !== 'seq') this.fail(e, 'spread an array into an array (a Set: `setOf(...)`)');
        elemType ??= part.type.elem;
        const seqType: Type = { kind: 'seq', elem: elemType };
        const p = this.expect(part, seqType, e.expression);
        if (!acc && pending.length === 0) acc = p;
        else {
          if (!acc) {
            acc = this.b.node({ kind: 'seqLit', elems: pending }, seqType, span);
            pending = [];
          } else flush();
          acc = this.b.node({ kind: 'builtin', op: 'seq.concat', args: [acc, p] }, seqType, span);
        }
      } else {
        const x = this.expr(e, env, elemType);
        elemType ??= x.type;
        pending.push(this.expect(x, elemType, e));
      }
    }
    if (!elemType) return this.fail(n, 'an empty array needs its type from the context');
    flush();
    return acc ?? this.b.node({ kind: 'seqLit', elems: [] }, { kind: 'seq', elem: elemType }, span);
  }

  private newCollection(n: ts.NewExpression, env: Env, expected: Type | undefined): Expr {
    const name = ts.isIdentifier(n.expression) ? n.expression.text : '';
    if ((name !== 'Set' && name !== 'Map') || (n.arguments?.length ?? 0) > 1) return this.fail(n, '`new` is outside the subset, except `new Set([...])` and `new Map([...])`');
    const arg = n.arguments?.[0];
    if (!arg) {
      if (expected?.kind !== (name === 'Set' ? 'set' : 'map')) return this.fail(n, `an empty ${name} needs its type from the context`);
      return name === 'Set'
        ? this.b.node({ kind: 'setLit', elems: [] }, expected!, this.span(n))
        : this.b.node({ kind: 'mapLit', entries: [] }, expected!, this.span(n));
    }
    const built = this.collectionLiteral(name === 'Set' ? 'set' : 'map', arg, env, expected, n);
    const key = built.type.kind === 'set' ? built.type.elem : built.type.kind === 'map' ? built.type.key : undefined;
    if (key && key.kind !== 'int' && key.kind !== 'bool' && key.kind !== 'string') {
      this.fail(n, `a JavaScript ${name} of ${typeToString(key)} compares by identity: build it with \`${name === 'Set' ? 'setOf' : 'mapOf'}\` from kproof/runtime`);
    }
    return built;
  }

  private collectionLiteral(kind: 'set' | 'map', arg: ts.Expression, env: Env, expected: Type | undefined, at: ts.Node): Expr {
    const span = this.span(at);
    const list = unparen(arg);
    if (!ts.isArrayLiteralExpression(list) || list.elements.some((e) => ts.isSpreadElement(e))) return this.fail(arg, `build a ${kind === 'set' ? 'Set' : 'Map'} from an array literal of its ${kind === 'set' ? 'elements' : '[key, value] pairs'}`);
    if (kind === 'set') {
      let elem = expected?.kind === 'set' ? expected.elem : undefined;
      const elems = list.elements.map((e) => {
        const x = this.expr(e, env, elem);
        elem ??= x.type;
        return this.expect(x, elem, e);
      });
      if (!elem) return this.fail(at, 'an empty Set needs its type from the context');
      return this.b.node({ kind: 'setLit', elems }, { kind: 'set', elem }, span);
    }
    let key = expected?.kind === 'map' ? expected.key : undefined;
    let value = expected?.kind === 'map' ? expected.value : undefined;
    const entries = list.elements.map((e) => {
      const pair = unparen(e);
      if (!ts.isArrayLiteralExpression(pair) || pair.elements.length !== 2) return this.fail(e, 'a Map entry is `[key, value]`');
      const k = this.expr(pair.elements[0]!, env, key);
      key ??= k.type;
      const v = this.expr(pair.elements[1]!, env, value);
      value ??= v.type;
      return { key: this.expect(k, key, pair.elements[0]!), value: this.expect(v, value, pair.elements[1]!) };
    });
    if (!key || !value) return this.fail(at, 'an empty Map needs its type from the context');
    return this.b.node({ kind: 'mapLit', entries }, { kind: 'map', key, value }, span);
  }
}

const RUNTIME_ARITY: Readonly<Record<string, number>> = { equals: 2, all: 2, any: 2, setOf: 1, mapOf: 1, div: 2, mod: 2, setHas: 2, mapHas: 2, mapGet: 2, mapGetTagged: 2 };

const MUTATORS = new Set(['push', 'pop', 'shift', 'unshift', 'splice', 'sort', 'reverse', 'set', 'add', 'delete', 'clear', 'fill']);

function statementsOf(s: ts.Statement): readonly ts.Statement[] {
  return ts.isBlock(s) ? s.statements : [s];
}

function unparen(e: ts.Expression): ts.Expression {
  return ts.isParenthesizedExpression(e) ? unparen(e.expression) : e;
}

function isUndefined(e: ts.Expression): boolean {
  const u = unparen(e);
  return ts.isIdentifier(u) && u.text === 'undefined';
}

/** an enum payload field's property (`kind` is the discriminant, so that field is `kind$`) */
function payloadKey(name: string): string {
  return name === 'kind' ? 'kind$' : name;
}

function propertyName(name: ts.PropertyName): string {
  if (ts.isIdentifier(name) || ts.isStringLiteral(name)) return name.text;
  if (ts.isComputedPropertyName(name) && ts.isStringLiteral(name.expression)) return name.expression.text;
  throw new SubsetError(name, 'a property name is a name or a string literal');
}
