// CST → AST for types and expressions. The parser reads binary expressions as a flat chain;
// here precedence and associativity are applied (precedence climbing), following the contract:
// loosest first `<==>`, `==>` (right), `~>` (non-assoc), `||`, `&&`, prefix `!` `[]` `<>`,
// comparisons (non-assoc), `in`/`is` (non-assoc), `++`, `..` (non-assoc), `+ -`, `* / %`, unary `-`.
import type { CstNode, IToken } from 'chevrotain';
import { mergeSpans, type Position, type Span } from '../diagnostics/index.js';
import type { BinaryOp, Binder, Expr, FieldInit, MatchArm, Path, Pattern, TypeExpr, UnaryOp } from './ast.js';
import { Is } from '../../grammar/tokens.js';
import { BuildContext, child, children, has, Incomplete, isToken, need, token, tokens } from './cst.js';
import { decodeString } from './lex.js';

// ---------------------------------------------------------------------------------------------
// Types

export function buildType(ctx: BuildContext, node: CstNode | undefined): TypeExpr {
  const present = need(node);
  const tuple = child(present.children.tupleType);
  const resultNode = child(present.children.result);
  if (!resultNode && !tuple) return buildNamedType(ctx, present, ctx.nodeStart(present));
  const span = ctx.nodeSpan(present);
  if (resultNode) {
    const params = tuple ? children(tuple.children.type).map((t) => buildType(ctx, t)) : [buildNamedType(ctx, present, span.start)];
    return { kind: 'fn', params, result: buildType(ctx, resultNode), span };
  }
  const elems = children(need(tuple).children.type).map((t) => buildType(ctx, t));
  if (elems.length === 1) return elems[0]!;
  if (elems.length === 0) {
    ctx.report('`()` is not a type (it may only stand before `->`)', span);
    throw new Incomplete();
  }
  return { kind: 'tuple', elems, span };
}

/** The type arguments of every named type that has none (most of them): one array, never changed. */
const noTypeArguments: readonly TypeExpr[] = Object.freeze([]);

/**
 * `m.T<A, B>` starting at `start` (the type node's start: an arrow after it is not part of it).
 * Positions are shared by offset, so a span equal to another one is found by comparing
 * positions, and the name's span serves as the path's and the type's when they cover the same.
 */
function buildNamedType(ctx: BuildContext, node: CstNode, start: Position): TypeExpr {
  const parts = tokens(node.children.Identifier).map((t) => ctx.name(t));
  if (parts.length === 0) throw new Incomplete();
  const typeArguments = children(node.children.typeArgument);
  const args = typeArguments.length === 0 ? noTypeArguments : typeArguments.map((t) => buildType(ctx, t));
  const closing = token(node.children.Greater);
  const first = parts[0]!.span;
  const last = parts[parts.length - 1]!.span;
  const end = closing ? ctx.tokenSpan(closing).end : last.end;
  const pathSpan = parts.length === 1 ? first : { file: first.file, start: first.start, end: last.end };
  const path: Path = { parts, span: pathSpan };
  const span = start === pathSpan.start && end === pathSpan.end ? pathSpan : { file: pathSpan.file, start, end };
  return { kind: 'named', path, args, span };
}

// ---------------------------------------------------------------------------------------------
// Operators

type Assoc = 'left' | 'right' | 'none';

const binaryPower: Readonly<Record<BinaryOp, readonly [number, Assoc]>> = {
  '<==>': [1, 'left'],
  '==>': [2, 'right'],
  '~>': [3, 'none'],
  '||': [4, 'left'],
  '&&': [5, 'left'],
  '==': [7, 'none'], '!=': [7, 'none'], '<': [7, 'none'], '<=': [7, 'none'], '>': [7, 'none'], '>=': [7, 'none'],
  in: [8, 'none'],
  '++': [9, 'left'],
  '..': [10, 'none'],
  '+': [11, 'left'], '-': [11, 'left'],
  '*': [12, 'left'], '/': [12, 'left'], '%': [12, 'left'],
};
const IS_POWER = 8;
/** `!`, `[]` and `<>` take a comparison-level operand; unary `-` binds tighter than `*`. */
const LOGICAL_PREFIX_OPERAND = 7;
const NEGATION_OPERAND = 13;

function isBinaryOp(image: string): image is BinaryOp {
  return Object.hasOwn(binaryPower, image);
}

type ChainItem =
  | { readonly kind: 'prefix'; readonly op: UnaryOp; readonly token: IToken }
  | { readonly kind: 'atom'; readonly expr: Expr }
  | { readonly kind: 'binary'; readonly op: BinaryOp; readonly token: IToken }
  | { readonly kind: 'is'; readonly token: IToken; readonly ctor: Path };

const prefixOps: Readonly<Record<string, UnaryOp>> = { Bang: '!', Minus: '-', Box: '[]', Diamond: '<>' };

/** Precedence climbing over the flattened chain of one `expression` node. */
class ChainParser {
  private index = 0;

  constructor(
    private readonly ctx: BuildContext,
    private readonly items: readonly ChainItem[],
  ) {}

  parse(): Expr {
    const expr = this.binary(0);
    if (this.index !== this.items.length) throw new Incomplete();
    return expr;
  }

  private binary(minPower: number): Expr {
    let left = this.unary();
    let chainedPower = -1;
    for (;;) {
      const item = this.items[this.index];
      if (!item || (item.kind !== 'binary' && item.kind !== 'is')) return left;
      const [power, assoc] = item.kind === 'is' ? [IS_POWER, 'none' as const] : binaryPower[item.op];
      if (power < minPower) return left;
      this.index++;
      if (assoc === 'none') {
        if (chainedPower === power) {
          this.ctx.report(`\`${item.token.image}\` cannot be chained here; add parentheses`, this.ctx.tokenSpan(item.token));
        }
        chainedPower = power;
      }
      if (item.kind === 'is') {
        left = { kind: 'is', target: left, ctor: item.ctor, span: mergeSpans(left.span, item.ctor.span) };
        continue;
      }
      const right = this.binary(assoc === 'right' ? power : power + 1);
      left = {
        kind: 'binary',
        op: item.op,
        left,
        right,
        span: mergeSpans(left.span, right.span),
        opSpan: this.ctx.tokenSpan(item.token),
      };
    }
  }

  private unary(): Expr {
    const item = need(this.items[this.index]);
    this.index++;
    if (item.kind === 'atom') return item.expr;
    if (item.kind !== 'prefix') throw new Incomplete();
    const arg = this.binary(item.op === '-' ? NEGATION_OPERAND : LOGICAL_PREFIX_OPERAND);
    const opSpan = this.ctx.tokenSpan(item.token);
    return { kind: 'unary', op: item.op, arg, span: mergeSpans(opSpan, arg.span), opSpan };
  }
}

// ---------------------------------------------------------------------------------------------
// Expressions

export function buildExpr(ctx: BuildContext, node: CstNode | undefined): Expr {
  const present = need(node);
  const operands = children(present.children.operand);
  const ops = tokens(present.children.BinaryOperator);
  if (ops.length === 0 && operands.length === 1 && !hasPrefix(operands[0]!)) return buildOperand(ctx, operands[0]!);
  if (operands.length !== ops.length + 1) throw new Incomplete();
  const items: ChainItem[] = [];
  pushOperand(ctx, operands[0]!, items);
  ops.forEach((op, i) => {
    const right = operands[i + 1]!;
    if (op.tokenType === Is) {
      items.push({ kind: 'is', token: op, ctor: constructorPath(ctx, right) });
      return;
    }
    if (!isBinaryOp(op.image)) throw new Incomplete();
    items.push({ kind: 'binary', op: op.image, token: op });
    pushOperand(ctx, right, items);
  });
  return new ChainParser(ctx, items).parse();
}

/** The `C` or `m.C` after `is`. */
function constructorPath(ctx: BuildContext, operand: CstNode): Path {
  const expr = hasPrefix(operand) ? undefined : buildOperand(ctx, operand);
  const path = expr && pathOf(expr);
  if (!path) {
    ctx.report('expected a constructor name (`C` or `m.C`) after `is`', ctx.nodeSpan(operand));
    throw new Incomplete();
  }
  return path;
}

/** `a.b.c` written as an expression, read back as a path (undefined for anything else). */
function pathOf(expr: Expr): Path | undefined {
  const parts = [];
  let e: Expr = expr;
  while (e.kind === 'member') {
    if (/^[0-9]/.test(e.member.text)) return undefined; // a tuple index, not a name
    parts.unshift(e.member);
    e = e.target;
  }
  if (e.kind !== 'name') return undefined;
  parts.unshift(e.name);
  return { parts, span: expr.span };
}

function hasPrefix(operand: CstNode): boolean {
  return operand.children['PrefixOperator'] !== undefined;
}

function pushOperand(ctx: BuildContext, operand: CstNode, items: ChainItem[]): void {
  for (const prefix of tokens(operand.children.PrefixOperator)) {
    items.push({ kind: 'prefix', op: need(prefixOps[prefix.tokenType.name]), token: prefix });
  }
  items.push({ kind: 'atom', expr: buildOperand(ctx, operand) });
}

/** The primary and its postfix operators (prefix operators are handled by the caller). */
function buildOperand(ctx: BuildContext, operand: CstNode): Expr {
  let expr = buildPrimary(ctx, operand);
  const suffixes = operand.children['postfixOperator'];
  if (suffixes === undefined) return expr;
  for (const suffix of suffixes) {
    if (isToken(suffix)) throw new Incomplete();
    const span = mergeSpans(expr.span, ctx.nodeSpan(suffix));
    const args = child(suffix.children.argumentList);
    if (has(suffix.children.Dot)) {
      expr = { kind: 'member', target: expr, member: ctx.name(token(suffix.children.Identifier) ?? token(suffix.children.IntLiteral)), span };
    } else if (args) {
      expr = { kind: 'call', callee: expr, args: buildArguments(ctx, args), span };
    } else if (has(suffix.children.LBracket)) {
      expr = { kind: 'index', target: expr, index: buildExpr(ctx, child(suffix.children.expression)), span };
    } else if (has(suffix.children.LCurly)) {
      expr = { kind: 'record', type: recordTypePath(ctx, expr), fields: buildFieldInits(ctx, child(suffix.children.fieldInits)), span };
    } else if (has(suffix.children.Prime)) {
      expr = { kind: 'prime', target: expr, span };
    } else {
      throw new Incomplete();
    }
  }
  return expr;
}

/** `R` or `m.R` before a record literal's `{`. */
function recordTypePath(ctx: BuildContext, target: Expr): Path {
  const path = pathOf(target);
  if (!path) {
    ctx.report('a record literal `{ f: e }` must follow a record type name', target.span);
    throw new Incomplete();
  }
  return path;
}

export function buildArguments(ctx: BuildContext, node: CstNode): Expr[] {
  const exprs = children(node.children.expression).map((e) => buildExpr(ctx, e));
  const stars = tokens(node.children.Star).map((star): Expr => ({ kind: 'wildcardArg', span: ctx.tokenSpan(star) }));
  if (stars.length === 0) return exprs;
  return [...exprs, ...stars].sort((a, b) => a.span.start.offset - b.span.start.offset);
}

function buildFieldInits(ctx: BuildContext, node: CstNode | undefined): FieldInit[] {
  return children(need(node).children.fieldInit).map((field) => ({
    name: ctx.name(token(field.children.Identifier)),
    value: buildExpr(ctx, child(field.children.expression)),
    span: ctx.nodeSpan(field),
  }));
}

/**
 * The primary inside an `operand` node: its first child that is not a prefix operator (children
 * are kept in the order they were parsed). Dispatching on that key reads the node once instead
 * of probing it for each kind of primary in turn.
 */
function buildPrimary(ctx: BuildContext, node: CstNode): Expr {
  for (const key in node.children) {
    if (key !== 'PrefixOperator') return buildPrimaryOf(ctx, node, key);
  }
  throw new Incomplete();
}

function buildPrimaryOf(ctx: BuildContext, node: CstNode, key: string): Expr {
  switch (key) {
    case 'Identifier': {
      const identifier = need(token(node.children.Identifier));
      const map = child(node.children.mapExpression);
      if (map) return buildMap(ctx, map, ctx.tokenSpan(identifier));
      const name = ctx.name(identifier);
      return { kind: 'name', name, span: name.span };
    }
    case 'Box':
      return { kind: 'seq', elems: [], span: ctx.tokenSpan(need(token(node.children.Box))) };
    case 'IntLiteral': {
      const int = need(token(node.children.IntLiteral));
      return { kind: 'int', value: BigInt(int.image), span: ctx.tokenSpan(int) };
    }
    case 'StringLiteral': {
      const str = need(token(node.children.StringLiteral));
      const decoded = decodeString(str.image);
      // a malformed string was already reported by the lexer (KSP002); keep its raw text
      return { kind: 'string', value: decoded.ok ? decoded.value : str.image.slice(1), span: ctx.tokenSpan(str) };
    }
    case 'True':
    case 'False': {
      const bool = need(token(node.children[key]));
      return { kind: 'bool', value: bool.image === 'true', span: ctx.tokenSpan(bool) };
    }
    case 'parenExpression': {
      const paren = need(child(node.children[key]));
      const elems = children(paren.children.expression).map((e) => buildExpr(ctx, e));
      if (elems.length === 0) throw new Incomplete();
      const span = ctx.nodeSpan(paren);
      return elems.length === 1 ? { kind: 'paren', inner: elems[0]!, span } : { kind: 'tuple', elems, span };
    }
    case 'seqExpression': {
      const seq = need(child(node.children[key]));
      return { kind: 'seq', elems: children(seq.children.expression).map((e) => buildExpr(ctx, e)), span: ctx.nodeSpan(seq) };
    }
    case 'braceExpression':
      return buildBrace(ctx, need(child(node.children[key])));
    case 'ifExpression': {
      const ifNode = need(child(node.children[key]));
      const [cond, then, otherwise] = children(ifNode.children.expression).map((e) => buildExpr(ctx, e));
      return { kind: 'if', cond: need(cond), then: need(then), else: need(otherwise), span: ctx.nodeSpan(ifNode) };
    }
    case 'letExpression':
      return buildLet(ctx, need(child(node.children[key])));
    case 'matchExpression': {
      const match = need(child(node.children[key]));
      const arms = children(match.children.matchArm).map((arm) => buildArm(ctx, arm));
      return { kind: 'match', scrutinee: buildExpr(ctx, child(match.children.expression)), arms, span: ctx.nodeSpan(match) };
    }
    case 'quantifierExpression': {
      const quant = need(child(node.children[key]));
      return {
        kind: 'quant',
        quantifier: has(quant.children.Forall) ? 'forall' : 'exists',
        binders: buildBinderList(ctx, child(quant.children.binderList)),
        body: buildExpr(ctx, child(quant.children.expression)),
        span: ctx.nodeSpan(quant),
      };
    }
    default:
      throw new Incomplete();
  }
}

function buildLet(ctx: BuildContext, node: CstNode): Expr {
  const [value, body] = children(node.children.expression).map((e) => buildExpr(ctx, e));
  const typeNode = child(node.children.type);
  const base = { kind: 'let' as const, name: ctx.name(token(node.children.Identifier)), value: need(value), body: need(body), span: ctx.nodeSpan(node) };
  return typeNode ? { ...base, type: buildType(ctx, typeNode) } : base;
}

function buildArm(ctx: BuildContext, node: CstNode): MatchArm {
  return { pattern: buildPattern(ctx, need(child(node.children.pattern))), body: buildExpr(ctx, child(node.children.expression)), span: ctx.nodeSpan(node) };
}

function buildPattern(ctx: BuildContext, node: CstNode): Pattern {
  const ctor = ctx.path(child(node.children.path));
  const span = ctx.nodeSpan(node);
  const withArgs = has(node.children.LParen);
  if (!withArgs && ctor.parts.length === 1 && ctor.parts[0]!.text === '_') return { kind: 'wildcard', span };
  return { kind: 'ctor', ctor, binders: tokens(node.children.Identifier).map((t) => ctx.name(t)), span };
}

/** `{}`, `{a, b}`, `{ x in S where P }`, `{ e for x in S }`, `{ e with f: v }` */
function buildBrace(ctx: BuildContext, node: CstNode): Expr {
  const span = ctx.nodeSpan(node);
  const firstNode = child(node.children.expression);
  if (!firstNode) return { kind: 'set', elems: [], span };
  const first = buildExpr(ctx, firstNode);
  const filter = child(node.children.filterTail);
  if (filter) {
    return { kind: 'setFilter', binder: binderFromMembership(ctx, first, '`where`'), pred: buildExpr(ctx, child(filter.children.expression)), span };
  }
  const image = child(node.children.imageTail);
  if (image) return { kind: 'setImage', body: first, binders: buildBinderList(ctx, child(image.children.binderList)), span };
  const withTail = child(node.children.withTail);
  if (withTail) return { kind: 'with', target: first, fields: buildFieldInits(ctx, child(withTail.children.fieldInits)), span };
  const rest = child(node.children.setTail);
  const others = rest ? children(rest.children.expression).map((e) => buildExpr(ctx, e)) : [];
  return { kind: 'set', elems: [first, ...others], span };
}

/** `Map {}`, `Map { k: v, ... }`, `Map { x in S => e }` */
function buildMap(ctx: BuildContext, node: CstNode, mapKeyword: Span): Expr {
  const span = mergeSpans(mapKeyword, ctx.nodeSpan(node));
  const firstNode = child(node.children.expression);
  if (!firstNode) return { kind: 'map', entries: [], span };
  const first = buildExpr(ctx, firstNode);
  const comprehension = child(node.children.mapComprehensionTail);
  if (comprehension) {
    return { kind: 'mapComp', binder: binderFromMembership(ctx, first, '`=>`'), body: buildExpr(ctx, child(comprehension.children.expression)), span };
  }
  const tail = need(child(node.children.mapEntriesTail));
  const firstValue = buildExpr(ctx, child(tail.children.expression));
  const entries = [{ key: first, value: firstValue, span: mergeSpans(first.span, firstValue.span) }];
  for (const entry of children(tail.children.mapEntry)) {
    const [key, value] = children(entry.children.expression).map((e) => buildExpr(ctx, e));
    entries.push({ key: need(key), value: need(value), span: ctx.nodeSpan(entry) });
  }
  return { kind: 'map', entries, span };
}

/** The `x in S` before `where` or `=>`, read as a binder. */
function binderFromMembership(ctx: BuildContext, expr: Expr, before: string): Binder {
  if (expr.kind === 'binary' && expr.op === 'in' && expr.left.kind === 'name') {
    return { name: expr.left.name, domain: expr.right, span: expr.span };
  }
  ctx.report(`expected \`x in S\` before ${before}`, expr.span);
  throw new Incomplete();
}

export function buildBinderList(ctx: BuildContext, node: CstNode | undefined): Binder[] {
  return children(need(node).children.binderGroup).flatMap((group) => buildBinderGroup(ctx, group));
}

/** `x, y: T in S` (a quantifier's binder group, or an action parameter): one binder per name. */
export function buildBinderGroup(ctx: BuildContext, group: CstNode): Binder[] {
  const groupSpan = ctx.nodeSpan(group);
  const typeNode = child(group.children.type);
  const domainNode = child(group.children.expression);
  const type = typeNode ? buildType(ctx, typeNode) : undefined;
  const domain = domainNode ? buildExpr(ctx, domainNode) : undefined;
  if (!type && !domain) {
    ctx.report('a parameter needs a type (`k: Int`), a domain (`k in S`), or both', groupSpan);
    throw new Incomplete();
  }
  return tokens(group.children.Identifier).map((t): Binder => {
    const name = ctx.name(t);
    return { name, ...(type ? { type } : {}), ...(domain ? { domain } : {}), span: { file: groupSpan.file, start: name.span.start, end: groupSpan.end } };
  });
}
